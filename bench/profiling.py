"""Where dateline's time goes: cProfile over each part of the pipeline, on a fixed set of texts.

Corpus: the speed benchmark's (``bench/speed.py``: the 91 extraction gold pages and the PolNeAR texts, in a fixed
shuffled order), its first ``--articles N``; or the files given with ``--input`` (read as plain text, or as HTML
when they end in .html/.html.gz).

Parts, each under its own profiler:

- ``load``: ``dateline.pipeline.warm`` (model, knowledge base, matchers, gazetteer, vocabularies): paid once
  per process. Everything after it should be free of one-time costs; a part that still builds something on
  first need shows up below as one slow article that is fast when run again.
- ``extraction``: ``extract_document`` on each document.
- ``parse``: ``nlp.pipe`` (batch 16, one process) over the texts, the stages not run.
- one part per stage of ``dateline.pipeline.STAGES``, run over the parsed documents.

For each part: seconds, ms per article, and the top ``--top`` functions by cumulative time (``--sort tottime``
for own time). Then the articles slowest in the stages, each run through the stages again: much faster the
second time means a one-time cost (a lazy load) or a busy machine, the same means the article itself is costly;
a full garbage collection (generation 2: ~0.15 s over the loaded pipeline's objects, every few hundred articles)
that ran during an article is named.

(Not ``bench/profile.py``: run as a script, its folder comes first on the path, and a ``profile.py``
there shadows the standard library's, which cProfile, and so spaCy, imports: every bench script would break.)

Run: ``python bench/profiling.py [--articles N] [--top K] [--sort cumulative|tottime] [--input FILE ...]
[--save DIR]`` (default 300 articles, top 15; ``--save`` writes one ``.prof`` per part for snakeviz or pstats).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import gzip
import io
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.speed import BATCH, DEFAULT_DATA, load_corpus  # noqa: E402


def _read(path: Path) -> tuple[str, str, str, None]:
    if path.name.endswith(".gz"):
        content = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    else:
        content = path.read_text(encoding="utf-8", errors="replace")
    kind = "html" if path.name.removesuffix(".gz").endswith((".html", ".htm")) else "plain"
    return str(path), content, kind, None


def _report(name: str, profile: cProfile.Profile, seconds: float, n: int, top: int, sort: str) -> None:
    print(f"\n== {name}: {seconds:.2f} s" + (f", {1000 * seconds / n:.2f} ms/article" if n else ""))
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats(sort).print_stats(top)
    lines = out.getvalue().splitlines()
    # pstats' header (call counts, "Ordered by", ...) then the table; keep the table.
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    for line in lines[start:]:
        if line.strip():
            print("  " + line.replace(str(REPO) + "/", "").replace(str(Path(sys.prefix)), "<venv>"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="the first N articles of the speed corpus")
    parser.add_argument("--input", type=Path, nargs="+", help="profile these files instead")
    parser.add_argument("--top", type=int, default=15, help="functions shown per part")
    parser.add_argument("--sort", choices=("cumulative", "tottime"), default="cumulative")
    parser.add_argument("--slowest", type=int, default=5, help="slowest articles in the stages, run again")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared benchmarks folder")
    parser.add_argument("--save", type=Path, metavar="DIR", help="write each part's profile to DIR/<part>.prof")
    args = parser.parse_args(argv)
    corpus = [_read(p) for p in args.input] if args.input else load_corpus(args.data.resolve())[: args.articles]

    import dateline.pipeline as pipeline
    from dateline.sources.document import Document

    profiles: dict[str, tuple[cProfile.Profile, float]] = {}

    def run(name: str, function, *a):
        profile = cProfile.Profile()
        start = time.perf_counter()
        profile.enable()
        try:
            return function(*a)
        finally:
            profile.disable()
            profiles[name] = (profile, time.perf_counter() - start)

    run("load", pipeline.warm)
    nlp = pipeline.load_model()

    def extract_all():
        return [pipeline.extract_document(Document(input=name, content=content, kind=kind, url=url), kind)
                for name, content, kind, url in corpus]

    articles = run("extraction", extract_all)
    texts = [a.text if not a.error else "" for a in articles]
    docs = run("parse", lambda: list(nlp.pipe(texts, batch_size=BATCH)))

    # Stages: one profiler per stage, kept across articles (re-enabling a Profile adds to it).
    stage_profiles = {stage.__name__: cProfile.Profile() for stage in pipeline.STAGES}
    stage_seconds = dict.fromkeys(stage_profiles, 0.0)
    per_article: list[float] = []
    gc_pause: list[float] = []  # full (generation 2) garbage collections during each article's stages
    collecting = {"since": 0.0, "spent": 0.0}

    def on_gc(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                collecting["since"] = time.perf_counter()
            else:
                collecting["spent"] += time.perf_counter() - collecting["since"]

    gc.callbacks.append(on_gc)
    for article, doc in zip(articles, docs):
        spent = 0.0
        collecting["spent"] = 0.0
        if not article.error:
            for stage in pipeline.STAGES:
                profile = stage_profiles[stage.__name__]
                start = time.perf_counter()
                profile.enable()
                try:
                    stage(article, doc)
                except Exception as error:  # noqa: BLE001 - as annotate: the article fails, the run goes on
                    print(f"note: {stage.__name__} failed on {article.input}: {type(error).__name__}: {error}")
                    break
                finally:
                    profile.disable()
                    took = time.perf_counter() - start
                    stage_seconds[stage.__name__] += took
                    spent += took
        per_article.append(spent)
        gc_pause.append(collecting["spent"])
    gc.callbacks.remove(on_gc)

    n = len(corpus)
    words = sum(len(t.split()) for t in texts)
    print(f"{n} articles, {words} words; model {nlp.meta.get('lang')}_{nlp.meta.get('name')}; sorted by {args.sort}")
    for name in ("load", "extraction", "parse"):
        profile, seconds = profiles[name]
        _report(name + (" (once per process)" if name == "load" else ""), profile, seconds,
                0 if name == "load" else n, args.top, args.sort)
    for name, profile in stage_profiles.items():
        _report(f"stage {name}", profile, stage_seconds[name], n, args.top, args.sort)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, (profile, _) in profiles.items():
            profile.dump_stats(str(args.save / f"{name}.prof"))
        for name, profile in stage_profiles.items():
            profile.dump_stats(str(args.save / f"{name}.prof"))
        print(f"\nprofiles written to {args.save}/")

    # The slowest articles in the stages, run again: a one-time cost, or the article itself?
    order = sorted(range(n), key=lambda i: per_article[i], reverse=True)[: args.slowest]
    ordered = sorted(per_article)
    print(f"\nstages per article: median {1000 * ordered[n // 2]:.1f} ms, 90th percentile "
          f"{1000 * ordered[min(n - 1, 9 * n // 10)]:.1f} ms; slowest, run again:")
    for i in order:
        name, content, kind, url = corpus[i]
        again = pipeline.extract_document(Document(input=name, content=content, kind=kind, url=url), kind)
        doc = nlp(again.text)  # parsed afresh: a stage may have changed the first one (entity corrections)
        profile = cProfile.Profile()  # as the first run was: under a profiler
        start = time.perf_counter()
        profile.enable()
        for stage in pipeline.STAGES:
            stage(again, doc)
        profile.disable()
        second = time.perf_counter() - start
        if gc_pause[i] > per_article[i] / 3:
            verdict = f"a full garbage collection ran during it, {1000 * gc_pause[i]:.0f} ms"
        elif second < per_article[i] / 3:
            verdict = "a one-time cost on the first run, or the machine busy"
        else:
            verdict = "costly in itself"
        print(f"  {1000 * per_article[i]:8.1f} ms, again {1000 * second:8.1f} ms ({verdict}; "
              f"{len(texts[i].split())} words): {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
