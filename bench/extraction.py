"""Article-body extraction benchmark: dateline against trafilatura and 18 peer tools on the Zyte gold set.

Data: ../shared/benchmarks/article-extraction/ (91 news and blog pages, the human-checked body of each, and the
outputs of 18 peer tools on the same pages), read in place, never copied into this repository.

Metric: the Zyte article-extraction-benchmark's. Tokens are unicode ``\\w+`` runs; a text becomes a bag of word
4-gram shingles with counts (a text of fewer than 4 tokens gives one shingle of what it has). Per document
tp = sum of min(counts), fp = what the prediction has in excess, fn = what the truth has in excess, and the three
are divided by their sum (tp + fp + fn, when not 0) so that every document weighs the same whatever its length.

The headline is Zyte's pooled form: precision = sum tp / (sum tp + sum fp) over the documents, recall likewise
with fn, F1 their harmonic mean (``score``). Checked against the published figures: trafilatura run live here
scores F1 0.962 and its published output 0.964 on these 91 pages, against 0.958 published for the whole set.
The shared README words the metric as the mean over documents of per-document P and R, F1 of the two means;
``--mean-form`` prints that form too (same order at the top; lower for tools that miss whole pages).

Run: ``python bench/extraction.py [--data PATH] [--worst N] [--mean-form]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "benchmarks" / "article-extraction"

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    """Word n-grams of a text with their counts; a text shorter than n words is one shingle of what it has."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def document_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one document, normalised to sum to 1 so that every document weighs the same."""
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


@dataclass
class Score:
    precision: float
    recall: float
    f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(predictions: dict[str, str], truths: dict[str, str]) -> Score:
    """Zyte's pooled form over the documents of ``truths``; a missing prediction counts as an empty text."""
    tp = fp = fn = 0.0
    for doc_id, truth in truths.items():
        d_tp, d_fp, d_fn = document_counts(predictions.get(doc_id) or "", truth)
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + d_fn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return Score(p, r, _f1(p, r))


def score_mean_form(predictions: dict[str, str], truths: dict[str, str]) -> Score:
    """The shared README's wording: mean of per-document P and R, F1 the harmonic mean of the two means."""
    ps, rs = [], []
    for doc_id, truth in truths.items():
        tp, fp, fn = document_counts(predictions.get(doc_id) or "", truth)
        ps.append(tp / (tp + fp) if tp + fp else 0.0)
        rs.append(tp / (tp + fn) if tp + fn else 0.0)
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return Score(p, r, _f1(p, r))


def document_f1(predicted: str, truth: str) -> float:
    tp, fp, fn = document_counts(predicted, truth)
    return _f1(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


def load_gold(data: Path) -> tuple[dict[str, str], dict[str, str]]:
    """({id: true body}, {id: url})."""
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v["articleBody"] for k, v in gold.items()}, {k: v.get("url") for k, v in gold.items()}


def load_html(data: Path, doc_id: str) -> str:
    # All 91 pages are UTF-8; decoding here keeps the benchmark about extraction alone.
    return gzip.decompress((data / "html" / f"{doc_id}.html.gz").read_bytes()).decode("utf-8", errors="replace")


def load_peers(data: Path) -> dict[str, dict[str, str]]:
    peers = {}
    for path in sorted((data / "peer-outputs").glob("*.json")):
        outputs = json.loads(path.read_text(encoding="utf-8"))
        peers[path.stem] = {k: (v or {}).get("articleBody") or "" for k, v in outputs.items()}
    return peers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the article-extraction gold folder")
    parser.add_argument("--worst", type=int, default=0, help="also list dateline's N worst documents")
    parser.add_argument("--mean-form", action="store_true", help="also print the mean-of-documents form")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    if not (data / "ground-truth.json").is_file() or not (data / "html").is_dir():
        sys.exit(f"benchmark data not found at {data}: it is the shared gold set (../shared/benchmarks/"
                 "article-extraction next to the repository); pass --data PATH to point at it")

    sys.path.insert(0, str(REPO))
    import trafilatura

    from dateline.extract.html import extract_html

    truths, urls = load_gold(data)
    pages = {doc_id: load_html(data, doc_id) for doc_id in truths}

    # Warm up both first: lazy imports and word lists load once per process, not once per page.
    extract_html(next(iter(pages.values())))
    trafilatura.extract(next(iter(pages.values())))
    start = time.perf_counter()
    ours = {doc_id: extract_html(html, url=urls[doc_id]).text for doc_id, html in pages.items()}
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    live = {doc_id: trafilatura.extract(html, url=urls[doc_id]) or "" for doc_id, html in pages.items()}
    elapsed_live = time.perf_counter() - start

    live_name = f"trafilatura {trafilatura.__version__} (live, defaults)"
    systems = {"dateline": ours, live_name: live}
    systems.update({f"{name} (peer output)": outputs for name, outputs in load_peers(data).items()})
    rows = sorted(((score(out, truths), name) for name, out in systems.items()), key=lambda r: -r[0].f1)
    width = max(len(name) for _, name in rows)
    print(f"{len(truths)} pages; Zyte shingle metric (4-grams, per-document normalised, pooled)\n")
    print(f"{'system':<{width}}  precision  recall     F1")
    for s, name in rows:
        print(f"{name:<{width}}  {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}")
    print(f"\ndateline: {len(pages) / elapsed:.0f} pages/s ({elapsed:.2f} s for {len(pages)} pages, one process, "
          f"title, date and authors included); trafilatura.extract alone: {len(pages) / elapsed_live:.0f} pages/s")

    if args.mean_form:
        print("\nmean-of-documents form (the shared README's wording):")
        rows = sorted(((score_mean_form(out, truths), name) for name, out in systems.items()), key=lambda r: -r[0].f1)
        for s, name in rows:
            print(f"{name:<{width}}  {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}")
    if args.worst:
        print(f"\ndateline's {args.worst} worst documents (F1, id, url):")
        worst = sorted(truths, key=lambda k: document_f1(ours[k], truths[k]))[: args.worst]
        for doc_id in worst:
            print(f"{document_f1(ours[doc_id], truths[doc_id]):.3f}  {doc_id[:12]}  {urls[doc_id]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
