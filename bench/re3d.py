"""The re3d entity scorer: load the gold data, map spaCy labels onto re3d types, match spans, count P/R/F1.

re3d (Dstl, ../shared/benchmarks/re3d/, read in place, never copied here) is a set of folders, one per source,
each with ``documents.json`` (``_id``, ``title``, ``text``, ...) and ``entities.json`` (``documentId``, ``begin``,
``end``, ``type``, ``value``, ``confidence``), written by ``mongoexport``: one JSON object per line (a JSON array
is read too). ``begin``/``end`` are character offsets into the document's ``text`` exactly as stored.

What is scored: entity spans ``(document, begin, end, type)`` for the five types in ``TYPES``, gold kept when its
confidence is at least ``MIN_CONFIDENCE`` (0.5). Predictions of any other type are ignored, neither true nor
false positives: re3d also annotates weapons, quantities, vehicles, ..., which no spaCy label maps onto, and a
spaCy MONEY or CARDINAL entity is not an error against this gold. Spans lose surrounding whitespace on both sides
before matching (two gold spans end with a space).

Two match modes, both one-to-one (a predicted span matches at most one gold span and a gold span at most one
prediction, of the same type, in the same document):

- ``exact``: same begin and end;
- ``overlap``: the two spans share at least one character; the pairing is a maximum matching, so overlap
  true positives are never fewer than exact ones.

Gold spans of one type may nest ("the city of Mosul" and "Mosul"); one prediction can match only one of them, so
no system reaches 100 % recall. Counts are micro: summed over documents, and over the five types for ``all``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TYPES = ("Person", "Organisation", "Location", "Nationality", "Temporal")
MIN_CONFIDENCE = 0.5

# spaCy (OntoNotes) labels onto re3d types; every other label is dropped.
SPACY_TO_RE3D = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
    "DATE": "Temporal",
    "TIME": "Temporal",
}


@dataclass(frozen=True)
class Document:
    id: str
    source: str  # the folder it came from, e.g. "CENTCOM"
    title: str
    text: str


@dataclass(frozen=True)
class Span:
    doc: str
    begin: int
    end: int
    type: str

    def overlaps(self, other: Span) -> bool:
        return self.doc == other.doc and self.begin < other.end and other.begin < self.end


# ---------------------------------------------------------------------------------------------------- loading


def read_records(path: Path) -> list[dict]:
    """The objects of a ``mongoexport`` file: JSON lines, or one JSON array."""
    text = Path(path).read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("["):
        return list(json.loads(text))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def source_dirs(root: Path) -> list[Path]:
    """The source folders of a re3d copy (those holding a documents.json), in name order."""
    return sorted(p for p in Path(root).iterdir() if (p / "documents.json").is_file())


def load_documents(root: Path) -> list[Document]:
    """Every document, source folder by source folder in name order, each in file order."""
    documents = []
    for folder in source_dirs(root):
        for record in read_records(folder / "documents.json"):
            documents.append(Document(record["_id"], folder.name, record.get("title") or "", record["text"]))
    return documents


def load_entities(root: Path) -> list[dict]:
    """Every raw entity record of every source (all types, all confidences)."""
    return [record for folder in source_dirs(root) for record in read_records(folder / "entities.json")]


def gold_spans(
    entities: Iterable[dict],
    documents: Iterable[Document],
    min_confidence: float = MIN_CONFIDENCE,
    types: Iterable[str] = TYPES,
) -> list[Span]:
    """The scored gold: entities of the given documents and types with confidence >= min_confidence, trimmed."""
    texts = {d.id: d.text for d in documents}
    wanted = set(types)
    spans = {
        trim(Span(e["documentId"], int(e["begin"]), int(e["end"]), e["type"]), texts[e["documentId"]])
        for e in entities
        if e["documentId"] in texts and e["type"] in wanted and float(e["confidence"]) >= min_confidence
    }
    return sorted(spans, key=lambda s: (s.doc, s.begin, s.end, s.type))


_QUOTES = str.maketrans({"\u201c": "'", "\u201d": "'", "\u2018": "'", "\u2019": "'", '"': "'"})


def _normalise(value: str) -> str:
    return re.sub(r"\s+", " ", value.translate(_QUOTES)).strip()


def offset_mismatches(entities: Iterable[dict], documents: Iterable[Document]) -> list[tuple[dict, str]]:
    """Entities whose text[begin:end] is not their value, up to whitespace runs and curly/straight quotes.

    re3d's ``value`` flattens line breaks to spaces and curly quotes to straight ones, so those differences are
    not mismatches; anything else would mean the offsets do not index the stored text.
    """
    texts = {d.id: d.text for d in documents}
    bad = []
    for e in entities:
        text = texts.get(e["documentId"])
        if text is None:
            continue
        found = text[e["begin"] : e["end"]]
        if _normalise(found) != _normalise(e["value"]):
            bad.append((e, found))
    return bad


# ---------------------------------------------------------------------------------------------------- predictions


def map_label(label: str) -> str | None:
    """The re3d type of a spaCy entity label, or None when the label is not scored."""
    return SPACY_TO_RE3D.get(label)


def trim(span: Span, text: str) -> Span:
    """The span without the whitespace at its edges (unchanged if it is all whitespace)."""
    begin, end = span.begin, span.end
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if begin == end:
        return span
    return Span(span.doc, begin, end, span.type)


def predicted_spans(doc_id: str, text: str, entities: Iterable[tuple[int, int, str]]) -> list[Span]:
    """Spans of (start, end, spaCy label) triples, mapped to re3d types; unmapped labels are dropped."""
    spans = []
    for start, end, label in entities:
        kind = map_label(label)
        if kind is not None:
            spans.append(trim(Span(doc_id, int(start), int(end), kind), text))
    return spans


# ---------------------------------------------------------------------------------------------------- matching


def exact_matches(predicted: list[Span], gold: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of identical spans (a duplicated prediction matches once)."""
    left = Counter(gold)
    pairs = []
    for span in predicted:
        if left[span] > 0:
            left[span] -= 1
            pairs.append((span, span))
    return pairs


def overlap_matches(predicted: list[Span], gold: list[Span]) -> list[tuple[Span, Span]]:
    """A maximum one-to-one pairing of overlapping spans of the same type and document.

    Kuhn's augmenting paths, per (document, type); each prediction tries the gold spans it matches exactly
    first, so among maximum pairings this one keeps exact pairs where it can.
    """
    gold_by_key: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for span in gold:
        gold_by_key[(span.doc, span.type)].append(span)
    pred_by_key: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for span in predicted:
        pred_by_key[(span.doc, span.type)].append(span)

    pairs = []
    for key, preds in pred_by_key.items():
        golds = gold_by_key.get(key, [])
        if not golds:
            continue
        options = [
            sorted((j for j, g in enumerate(golds) if p.overlaps(g)), key=lambda j, p=p: golds[j] != p)
            for p in preds
        ]
        owner: dict[int, int] = {}  # gold index -> prediction index

        def augment(i: int, seen: set[int]) -> bool:
            for j in options[i]:
                if j in seen:
                    continue
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
            return False

        for i in range(len(preds)):
            augment(i, set())
        pairs.extend((preds[i], golds[j]) for j, i in owner.items())
    return pairs


MATCHERS = {"exact": exact_matches, "overlap": overlap_matches}


# ---------------------------------------------------------------------------------------------------- scores


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def score(predicted: Iterable[Span], gold: Iterable[Span], mode: str = "exact",
          types: Iterable[str] = TYPES) -> dict[str, Counts]:
    """Counts per type and, under "all", micro-summed over the types. Predictions of other types are ignored."""
    types = tuple(types)
    predicted = [s for s in predicted if s.type in types]
    gold = [s for s in gold if s.type in types]
    matched = Counter(p.type for p, _ in MATCHERS[mode](predicted, gold))
    n_pred, n_gold = Counter(s.type for s in predicted), Counter(s.type for s in gold)
    result = {t: Counts(matched[t], n_pred[t] - matched[t], n_gold[t] - matched[t]) for t in types}
    result["all"] = sum(result.values(), Counts())
    return result
