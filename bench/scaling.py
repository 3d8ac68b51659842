"""How dateline's cost grows: with the size of the batch (1k, 10k articles), with the length of an article, and
with a Dask LocalCluster against one process.

Corpus: the speed benchmark's (``bench/speed.py``: the 91 extraction gold pages as HTML and the PolNeAR texts as
plain text, 1,015 distinct documents in a fixed shuffled order), repeated to the size asked.

Each measurement runs in a fresh process of its own, so that its peak RSS is its own and no cache of an earlier
one helps it. The pipeline is loaded first (``dateline.pipeline.warm``, timed apart as "load"); the clock then
covers the articles only.

- ``pipeline`` (one per ``--sizes``): extraction, one ``nlp.pipe`` pass (batch 16) and every stage, in one
  process, no store: the analysis alone. Per article: extraction and stage time, and the parse time of its
  batch shared out by words (as in ``bench/speed.py``), for the table by length.
- ``ingest`` and ``dask`` (at ``--dask-articles``, default 1000, when ``--dask-workers`` > 0): the whole batch
  into a new SQLite store, ``dateline.ingest.ingest`` in one process against ``dateline.cluster.ingest_on_cluster``
  on a LocalCluster of ``--dask-workers`` single-threaded worker processes (partitions of 32). The documents are
  the first N of the corpus, all distinct up to 1,015 (past that, a repeated document would be found stored
  and not parsed again). Peak RSS for Dask: the client and the largest worker.

Printed: articles, words, seconds, articles/s, words/s, peak RSS for each run, then time per article by length
(bins of words) from the largest pipeline run, with ms per word: flat means linear in length.

Run: ``python bench/scaling.py [--sizes 1000 10000] [--dask-articles 1000] [--dask-workers 2] [--data PATH]``.
The default (1k and 10k in one process, 1k ingested in one process and on Dask) takes about 25 minutes on a
quiet 2-core machine (from the 1k runs' rates; the 10k run is most of it) and about 50 when the machine is
shared; ``--sizes 1000`` about 6 (12 shared). Also printed: ms per word by tenth of each pipeline run (a
rising row would be a cost that grows with what came before).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.speed import DEFAULT_DATA, StageTimer, load_corpus, parse_shares, repeat, timed_annotate  # noqa: E402

BINS = (0, 250, 500, 1000, 2000, 4000, 10**9)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the measurements, each in its own process ------------------------------------------------------------------

def measure_pipeline(corpus: list, n: int) -> dict:
    import dateline.pipeline as pipeline
    from dateline.sources.document import Document

    start = time.perf_counter()
    pipeline.warm()
    load = time.perf_counter() - start
    items = repeat(corpus, n)
    extract_each: list[float] = []

    def extracted():
        for name, content, kind, url in items:
            t0 = time.perf_counter()
            article = pipeline.extract_document(Document(input=name, content=content, kind=kind, url=url), kind)
            extract_each.append(time.perf_counter() - t0)
            yield article

    words: list[int] = []
    stage_each: list[float] = []
    gap_each: list[float] = []  # wait between yields, less the stages: extraction and the parse, lumped by batch
    failed = 0
    start = time.perf_counter()
    with StageTimer(pipeline) as timer:
        for article, stages, gap in timed_annotate(pipeline, extracted(), timer):
            words.append(len(article.text.split()) if not article.error else 0)
            stage_each.append(stages)
            gap_each.append(gap)
            failed += bool(article.error)
    seconds = time.perf_counter() - start
    # The extraction of each batch happens inside the wait before its first article: take it out of the gap.
    parse_each = parse_shares([g - e for g, e in zip(gap_each, extract_each)], words)
    per_article = [extract_each[i] + stage_each[i] + parse_each[i] for i in range(n)]
    return {"run": "pipeline, 1 process", "articles": n, "words": sum(words), "seconds": seconds, "load": load,
            "rss_mb": _rss_mb(), "failed": failed, "per_article": per_article, "article_words": words}


def _paths(corpus: list, n: int, folder: Path) -> list[str]:
    """The first n documents as files, as `dateline ingest` reads them (pages as .html, texts as .txt)."""
    paths = []
    for i, (name, content, kind, _) in enumerate(corpus[:n]):
        stem = Path(name).name.removesuffix(".gz").removesuffix(".html").removesuffix(".txt")
        path = folder / f"{i:05d}-{stem}{'.html' if kind == 'html' else '.txt'}"
        path.write_text(content, encoding="utf-8")
        paths.append(str(path))
    return paths


def _stored_words(store) -> int:
    return sum(len((row["text"] or "").split()) for row in store.query("SELECT text FROM articles"))


def measure_ingest(corpus: list, n: int, workers: int) -> dict:
    from dateline.store import open_store

    errors: dict[str, int] = {}  # the first words of each error message, counted

    def on_result(outcome: str, name: str, error: str | None) -> None:
        if error:
            key = error[:160]
            errors[key] = errors.get(key, 0) + 1

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = _paths(corpus, n, folder)
        with open_store(folder / "bench.db") as store:
            if workers == 0:
                from dateline.ingest import ingest
                from dateline.pipeline import warm

                start = time.perf_counter()
                warm()
                load = time.perf_counter() - start
                start = time.perf_counter()
                report = ingest(paths, store, on_result=on_result)
                seconds = time.perf_counter() - start
                rss, run = _rss_mb(), "ingest, 1 process"
            else:
                from dateline.cluster import dask_client, ingest_on_cluster

                start = time.perf_counter()
                with dask_client(local_workers=workers) as client:
                    with open_store(":memory:") as nothing:
                        ingest_on_cluster([], nothing, client)  # start the workers and load their pipelines
                    load = time.perf_counter() - start
                    start = time.perf_counter()
                    report = ingest_on_cluster(paths, store, client, on_result=on_result)
                    seconds = time.perf_counter() - start
                    worker_rss = client.run(_rss_mb)
                rss = max(worker_rss.values())
                run = f"ingest, Dask LocalCluster {workers} workers"
            words = _stored_words(store)
    return {"run": run, "articles": report.analysed, "words": words, "seconds": seconds, "load": load,
            "rss_mb": rss, "client_rss_mb": _rss_mb() if workers else None, "failed": report.failed,
            "unchanged": report.unchanged, "errors": sorted(errors.items(), key=lambda e: -e[1])[:5]}


# -- the parent: runs each measurement in a child process and prints the tables ---------------------------------

def _child(args: list[str]) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    print(f"  running: {' '.join(command[1:])}", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env={**os.environ})
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the measurement {' '.join(args)} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(result: dict) -> str:
    rss = f"{result['rss_mb']:.0f}"
    if result.get("client_rss_mb"):
        rss += f" (client {result['client_rss_mb']:.0f})"
    n, s = result["articles"], result["seconds"]
    return (f"| {result['run']} | {n:,} | {result['words']:,} | {s:.1f} | {n / s:.2f} | {result['words'] / s:,.0f} "
            f"| {rss} | {result['load']:.1f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="pipeline runs, in articles")
    parser.add_argument("--dask-articles", type=int, default=1000, help="articles of the ingest and Dask runs")
    parser.add_argument("--dask-workers", type=int, default=2, help="LocalCluster workers; 0 for no Dask run")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared benchmarks folder")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus = load_corpus(args.data.resolve())

    if args.child:  # one measurement, printed as one JSON line
        kind, n = args.child[0], int(args.child[1])
        if kind == "pipeline":
            result = measure_pipeline(corpus, n)
        else:
            result = measure_ingest(corpus, n, 0 if kind == "ingest" else args.dask_workers)
        print(json.dumps(result))
        return 0

    results = [_child(["pipeline", str(n), "--data", str(args.data)]) for n in args.sizes]
    if args.dask_workers > 0:
        m = str(args.dask_articles)
        results.append(_child(["ingest", m, "--data", str(args.data)]))
        results.append(_child(["dask", m, "--dask-workers", str(args.dask_workers), "--data", str(args.data)]))

    print(f"\n{os.cpu_count()} CPUs; corpus {len(corpus)} distinct documents, repeated; load = pipeline.warm "
          "(and for Dask the cluster's start), not in seconds\n")
    print("| run | articles | words | seconds | articles/s | words/s | peak RSS MB | load s |")
    print("|---|---|---|---|---|---|---|---|")
    for result in results:
        print(_row(result))
    failed = [f"{r['run']} {r['articles']}: {r['failed']} failed" for r in results if r.get("failed")]
    unchanged = [f"{r['run']}: {r['unchanged']} found stored" for r in results if r.get("unchanged")]
    if failed or unchanged:
        print("\n" + "; ".join(failed + unchanged))
    for result in results:
        for message, count in result.get("errors") or ():
            print(f"  {result['run']}: {count} x {message}")
    pipelines = [r for r in results if r["run"].startswith("pipeline")]
    if len(pipelines) > 1:
        a, b = pipelines[0], pipelines[-1]
        ratio = (b["seconds"] / b["articles"]) / (a["seconds"] / a["articles"])
        print(f"\nper-article time at {b['articles']:,} / at {a['articles']:,}: {ratio:.2f} (1.00 = linear in the "
              "number of articles)")

    # Within a run: a cost that grows with what came before (caches, memory) shows as a rising ms per word.
    for r in pipelines:
        n, tenths = r["articles"], []
        for t in range(10):
            part = range(t * n // 10, (t + 1) * n // 10)
            spent, words = sum(r["per_article"][i] for i in part), sum(r["article_words"][i] for i in part)
            tenths.append(f"{1000 * spent / max(1, words):.3f}")
        print(f"\nms per word by tenth of the {n:,}-article run, first to last: {' '.join(tenths)}")

    largest = max(pipelines, key=lambda r: r["articles"])
    print(f"\ntime per article by length ({largest['articles']:,}-article pipeline run; extraction + stages + "
          "the parse of its batch shared out by words):\n")
    print("| words | articles | mean words | ms/article | ms/word |")
    print("|---|---|---|---|---|")
    for lo, hi in zip(BINS, BINS[1:]):
        chosen = [i for i, w in enumerate(largest["article_words"]) if lo <= w < hi]
        if not chosen:
            continue
        mean_words = sum(largest["article_words"][i] for i in chosen) / len(chosen)
        ms = 1000 * sum(largest["per_article"][i] for i in chosen) / len(chosen)
        label = f"{lo}-{hi - 1}" if hi < 10**9 else f"{lo}+"
        print(f"| {label} | {len(chosen):,} | {mean_words:.0f} | {ms:.1f} | {ms / max(1.0, mean_words):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
