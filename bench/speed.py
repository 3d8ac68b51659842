"""Speed benchmark: dateline end to end (extraction, one spaCy pass, every stage) against its floors.

Corpus (fixed, read in place, never copied here): the 91 HTML pages of ../shared/benchmarks/article-extraction/html
(``*.html.gz``, decoded as in ``bench/extraction.py``) and the PolNeAR texts (../shared/benchmarks/polnear/
{train,dev}/text/*.txt, as plain text, as in ``bench/quotes.py``), shuffled once with a fixed seed so that any
prefix mixes both, and repeated to ``--articles N``.

Measured in one run:

- dateline: the first article alone (one-time load: model, knowledge base, gazetteer, lazy imports), then the
  other N-1: extraction (``extract_document``, all documents first), then ``annotate`` (one ``nlp.pipe`` pass in
  ``--processes`` processes, batch 16) with each function of ``dateline.pipeline.STAGES`` wrapped in a timer (in
  this process only). spaCy parse = annotate time minus stage time. Peak RSS is ``ru_maxrss`` of this process
  (the parent when ``--processes`` > 1; the largest worker is shown apart) taken before the floors run.
- floors: bare spaCy (``spacy.load`` of the model dateline uses, without dateline's actor patterns; ``nlp.pipe``
  with the same n_process and batch_size 16) over the very texts dateline parsed, and ``trafilatura.extract``
  alone over the same HTML pages. Both are warmed up first.
- growth with length: articles in 4 word-count quartiles, seconds per article (extraction + stages measured per
  article; the parse time of each batch of 16, seen as the wait between yields, shared out by word count within
  the batch; with several processes this share is only indicative).

Run: ``python bench/speed.py [--articles N] [--processes P] [--data PATH]`` (default 2000 articles, 1 process).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_DATA = REPO / ".." / "shared" / "benchmarks"
BATCH = 16


def load_corpus(data: Path) -> list[tuple[str, str, str, str | None]]:
    """[(input name, content, kind, url)] of the HTML pages and PolNeAR texts, in a fixed mixed order."""
    html_dir = data / "article-extraction" / "html"
    pages = sorted(html_dir.glob("*.html.gz"))
    texts = sorted(p for split in ("train", "dev") for p in (data / "polnear" / split).glob("**/*.txt"))
    if not pages or not texts:
        sys.stderr.write(
            f"benchmark data not found: need {html_dir}/*.html.gz ({len(pages)} found) and "
            f"{data / 'polnear'}/{{train,dev}}/.../*.txt ({len(texts)} found); pass --data PATH pointing at the "
            "shared benchmarks folder (../shared/benchmarks next to the repository)\n"
        )
        sys.exit(2)
    urls: dict[str, str | None] = {}
    gold = html_dir.parent / "ground-truth.json"
    if gold.is_file():
        urls = {k: (v or {}).get("url") for k, v in json.loads(gold.read_text(encoding="utf-8")).items()}
    corpus = []
    for path in pages:
        doc_id = path.name[: -len(".html.gz")]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        corpus.append((str(path), html, "html", urls.get(doc_id)))
    for path in texts:
        corpus.append((str(path), path.read_text(encoding="utf-8"), "plain", None))
    random.Random(0).shuffle(corpus)
    return corpus


def repeat(corpus: list, n: int) -> list:
    return [corpus[i % len(corpus)] for i in range(n)]


def mb(kilobytes: int) -> float:
    return kilobytes / 1024  # ru_maxrss is in kB on Linux


class StageTimer:
    """While in use, each function of `dateline.pipeline.STAGES` runs under a timer (in this process only):
    `seconds` per stage over the run, and `take()` the stage seconds of the article being annotated."""

    def __init__(self, pipeline):
        self._pipeline = pipeline
        self.names = [stage.__name__ for stage in pipeline.STAGES]
        self.seconds: dict[str, float] = defaultdict(float)
        self._current = 0.0

    def take(self) -> float:
        """The stage seconds since the last take (one article's, read as it comes out of annotate)."""
        spent, self._current = self._current, 0.0
        return spent

    def reset(self) -> None:
        self.seconds.clear()
        self._current = 0.0

    def _timed(self, stage):
        def wrapper(article, doc):
            start = time.perf_counter()
            try:
                return stage(article, doc)
            finally:
                spent = time.perf_counter() - start
                self.seconds[stage.__name__] += spent
                self._current += spent

        wrapper.__name__ = stage.__name__
        return wrapper

    def __enter__(self) -> StageTimer:
        self._original = self._pipeline.STAGES
        self._pipeline.STAGES = tuple(self._timed(stage) for stage in self._original)
        return self

    def __exit__(self, *exc) -> None:
        self._pipeline.STAGES = self._original


def timed_annotate(pipeline, articles, timer: StageTimer, processes: int = 1):
    """(article, its stage seconds, the wait before it less those) for each article out of `annotate`: the
    wait is the parse of its batch (and whatever the input iterator did), lumped on the batch's first article."""
    last = time.perf_counter()
    for article in pipeline.annotate(articles, processes=processes):
        now = time.perf_counter()
        stages = timer.take()
        yield article, stages, now - last - stages
        last = now


def parse_shares(parse_waits: list[float], words: list[int]) -> list[float]:
    """Each article's share of its batch's parse time (the waits of a batch of BATCH, summed), by word count."""
    n = len(parse_waits)
    shares = [0.0] * n
    for b in range(0, n, BATCH):
        idx = range(b, min(n, b + BATCH))
        batch_parse = max(0.0, sum(parse_waits[i] for i in idx))
        batch_words = sum(words[i] + 1 for i in idx)
        for i in idx:
            shares[i] = batch_parse * (words[i] + 1) / batch_words
    return shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles to run (the corpus repeated)")
    parser.add_argument("--processes", type=int, default=1, help="spaCy processes (nlp.pipe n_process)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared benchmarks folder")
    args = parser.parse_args(argv)
    if args.articles < 2:
        parser.error("--articles must be at least 2")
    data = args.data.resolve()
    base = load_corpus(data)
    inputs = repeat(base, args.articles)
    n_html = sum(kind == "html" for _, _, kind, _ in inputs)
    print(f"corpus: {len(base)} distinct documents, {args.articles} articles ({n_html} HTML pages, "
          f"{args.articles - n_html} PolNeAR texts), processes={args.processes}, batch_size={BATCH}")

    import dateline.pipeline as pipeline
    from dateline.sources.document import Document

    def document(item) -> Document:
        name, content, kind, url = item
        return Document(input=name, content=content, kind=kind, url=url)

    with StageTimer(pipeline) as timer:  # stage timers, in this process only
        # ---- first article: one-time load (model, knowledge base, gazetteer) plus one article
        start = time.perf_counter()
        first = pipeline.extract_document(document(inputs[0]), inputs[0][2])
        first = next(pipeline.annotate([first], processes=1))
        pipeline.warm()  # whatever the first article did not need yet: the gazetteer, matchers, vocabularies
        first_seconds = time.perf_counter() - start
        timer.reset()  # else the first article's one-time loads are booked to the next one
        model_name = pipeline.load_model().meta.get("name", "?")
        lang = pipeline.load_model().meta.get("lang", "en")
        model_name = f"{lang}_{model_name}" if not model_name.startswith(lang + "_") else model_name

        # ---- the rest: extraction, then one annotate pass
        rest = inputs[1:]
        extract_each: list[float] = []
        articles = []
        start = time.perf_counter()
        for item in rest:
            t0 = time.perf_counter()
            articles.append(pipeline.extract_document(document(item), item[2]))
            extract_each.append(time.perf_counter() - t0)
        extract_seconds = time.perf_counter() - start
        parsed_texts = [a.text if not a.error else "" for a in articles]
        words = [len(t.split()) for t in parsed_texts]
        failed_extract = sum(bool(a.error) for a in articles)

        stage_each: list[float] = []
        gap_each: list[float] = []  # wait between yields minus stage time: parse (lumped per batch)
        failed_stage = 0
        start = time.perf_counter()
        for article, stages, gap in timed_annotate(pipeline, articles, timer, args.processes):
            stage_each.append(stages)
            gap_each.append(gap)
            failed_stage += bool(article.error)
        annotate_seconds = time.perf_counter() - start
    stage_time, stage_names = timer.seconds, timer.names
    stages_seconds = sum(stage_time.values())
    parse_seconds = annotate_seconds - stages_seconds
    total_seconds = extract_seconds + annotate_seconds
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    # ---- floors: bare spaCy over the same texts, trafilatura over the same HTML pages
    import spacy
    import trafilatura

    bare = spacy.load(model_name)
    list(bare.pipe(parsed_texts[:BATCH], batch_size=BATCH))  # warm-up
    start = time.perf_counter()
    for _ in bare.pipe(parsed_texts, n_process=args.processes, batch_size=BATCH):
        pass
    bare_seconds = time.perf_counter() - start

    pages = [(content, url) for _, content, kind, url in rest if kind == "html"]
    trafilatura.extract(base[0][1] if base[0][2] == "html" else pages[0][0])  # warm-up
    start = time.perf_counter()
    for html, url in pages:
        trafilatura.extract(html, url=url)
    trafi_seconds = time.perf_counter() - start

    # ---- report
    n = len(articles)
    total_words = sum(words)
    rows = [("extraction", extract_seconds), ("spaCy parse (in annotate)", parse_seconds)]
    rows += [(f"  {name}", stage_time[name]) for name in stage_names]
    rows += [("dateline total", total_seconds)]
    print(f"\ndateline end to end over {n} articles after the first ({total_words} words; "
          f"{failed_extract} failed extraction, {failed_stage} failed in all)")
    print(f"{'part':<28}{'seconds':>9}{'ms/article':>12}{'% of total':>12}{'% of bare spaCy':>17}")
    for name, seconds in rows:
        print(f"{name:<28}{seconds:9.2f}{1000 * seconds / n:12.2f}{100 * seconds / total_seconds:11.1f}%"
              f"{100 * seconds / bare_seconds:16.1f}%")
    print(f"{'floor: bare spaCy':<28}{bare_seconds:9.2f}{1000 * bare_seconds / n:12.2f}"
          f"{'':>12}{100.0:16.1f}%   ({model_name}, n_process={args.processes}, batch {BATCH})")
    print(f"{'floor: trafilatura.extract':<28}{trafi_seconds:9.2f}{1000 * trafi_seconds / max(1, len(pages)):12.2f}"
          f"   per page over the same {len(pages)} HTML pages; dateline extraction of those pages: "
          f"{1000 * sum(e for e, it in zip(extract_each, rest) if it[2] == 'html') / max(1, len(pages)):.2f} ms/page")

    aps = n / total_seconds
    print(f"\nthroughput: {aps:.1f} articles/s, {total_words / total_seconds:.0f} words/s "
          f"(goal >= 8 articles/s: {'met' if aps >= 8 else 'NOT met'}); bare spaCy {n / bare_seconds:.1f} articles/s")
    ratio = total_seconds / bare_seconds
    print(f"dateline total / bare spaCy: {ratio:.2f} (goal <= 1.3: {'met' if ratio <= 1.3 else 'NOT met'}); "
          f"parse in dateline / bare spaCy: {parse_seconds / bare_seconds:.2f}")
    print("stage costs as % of bare spaCy time: extraction "
          f"{100 * extract_seconds / bare_seconds:.1f}%, "
          + ", ".join(f"{name} {100 * stage_time[name] / bare_seconds:.1f}%" for name in stage_names)
          + f" (stages together {100 * stages_seconds / bare_seconds:.1f}%)")
    print(f"one-time load: first article {first_seconds:.2f} s end to end (model {model_name}, knowledge base, "
          f"gazetteer), against {1000 * total_seconds / n:.0f} ms for an average article after it")
    who = "this process" if args.processes == 1 else "the parent process; the largest spaCy worker " \
          f"{mb(rss_children):.0f} MB"
    print(f"peak RSS: {mb(rss_self):.0f} MB ({who}; goal <= 1536 MB per worker: "
          f"{'met' if max(rss_self, rss_children) <= 1536 * 1024 else 'NOT met'})")

    # ---- growth with length: parse time of each batch shared out by words within the batch
    parse_each = parse_shares(gap_each, words)
    order = sorted(range(n), key=lambda i: words[i])
    parts = []
    for q in range(4):
        chunk = order[q * n // 4 : (q + 1) * n // 4]
        if not chunk:
            continue
        lo, hi = words[chunk[0]], words[chunk[-1]]
        per = sum(extract_each[i] + stage_each[i] + parse_each[i] for i in chunk) / len(chunk)
        st = sum(stage_each[i] for i in chunk) / len(chunk)
        avg_words = sum(words[i] for i in chunk) / len(chunk)
        parts.append(f"{lo}-{hi} words (mean {avg_words:.0f}): {per:.3f} s/article (stages {st:.3f}, "
                     f"{1000 * per / max(1.0, avg_words):.2f} ms/word)")
    slow = max(range(n), key=lambda i: stage_each[i])
    print(f"slowest article in the stages: {stage_each[slow]:.2f} s ({words[slow]} words, {rest[slow][0]}; "
          f"median {sorted(stage_each)[n // 2] * 1000:.1f} ms)")
    print("time by article length (word-count quartiles; parse shared out by words within each batch):")
    for line in parts:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
