"""Quote benchmark on PolNeAR: dateline's quotes (source, cue, content) against the gold attributions.

Data: ../shared/benchmarks/polnear/ (PolNeAR v1, Newell, Margolin and Ruths, LREC 2018: US political news from
2016, train 840 / dev 84 articles), read in place, never copied into this repository. Each split folder has
``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann`` in brat standoff form: ``T`` lines are
spans (``T3<TAB>Content 115 290<TAB>that Hillary ...``, discontinuous spans as ``207 579;581 851``), ``E`` lines
tie one attribution together (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``; ``Attribution-no-source``
when there is no source; a second ``Content2`` when the content is split). A few articles were annotated by
several annotators; the one whose id sorts first is scored, the others are ignored. Offsets index the ``.txt``
file exactly as read (UTF-8, newlines kept): ``offset_mismatches`` checks it against each span's text.

PolNeAR marks every attribution of a propositional attitude: statements, and also beliefs, intentions, decrees
and evidence ("the report shows that ..."). Quotation marks belong to the content; the content of indirect speech
keeps its "that" and loses the sentence's final period; the source keeps its determiners and identifying
appositions; the cue keeps its verb group ("has warned", "also said", "said:").

Metric. Attributions are first paired one-to-one, greedily by the token overlap of their contents (then of their
cues): a predicted and a gold attribution can pair when their contents or cues share a token. Split direct quotes
that dateline links (``continues``) are scored as one attribution with several content spans, as PolNeAR writes
them. Then, per role (source, cue, content):

- exact: a pair counts when the role's spans are identical (after trimming whitespace); P = exact pairs over
  predicted attributions that have the role, R = over gold attributions that have it;
- overlap: tokens (``\\w+`` or one other non-space character) shared by the role's spans in paired attributions;
  P = shared tokens over all predicted tokens of the role, R = over all gold tokens of the role (BBC citron's
  overlap form, with one-to-one pairing so a token is never counted twice).

End to end, an attribution is right when its pair's contents overlap by at least half of the larger of the two
(in tokens) and its source overlaps the gold source (or both have none). Every figure is split into direct
(gold: the content opens with a quotation mark; predicted: ``kind == "direct"``) and indirect (the rest,
mixed quotes included): recall counts gold attributions of the kind, precision predicted ones.

Comparison with BBC citron (Newell, Margolin and Ruths, "Quote Extraction and Analysis for News", DSJM 2018;
github.com/bbc/citron, model card ``models/en_2021-11-15/README.md``: on PARC 3.0 test, source *exact* F1 82.0,
source overlap 85.3, content *overlap* 83.3, content exact 59.3, cue exact 82.3). The issue's goals (content 0.83
overlap, source 0.82) are thus citron's content overlap and source exact, but its figures are not in the form of
the table above: citron's ``citron/metrics.py`` pairs nothing one to one (a predicted source is right when *any*
gold attribution whose cue overlaps its cue has the same source spans; recall the same from the gold side;
overlap sums the shared tokens of every predicted/gold couple), and its test data is cut by
``scripts/preprocess/parc_extractor.py``: attributions without a source and nested ones are dropped, and every
source is cut at a bracket and at its first comma (so "Vikram Amar, dean of the law school," is "Vikram Amar"),
with edge punctuation trimmed. The script therefore also prints dateline in citron's metric, over our gold as it
is and over a PARC-style cut of it (gold: sourced, not nested, i.e. its cue not inside another gold content;
sources cut at the first comma on both sides). The PARC-style column is the one to set beside citron's figures;
the table above stays the stricter figure that the README tracks.

Agreement. PolNeAR's annotators all annotated two articles a week as a quality check (18 articles in train and
dev, five or six annotations each). The script scores each annotator's attributions against each other's in the
table's metric, and dateline against each annotator on the same articles: the figure a system can hope for
against one annotator's gold is about the annotators' own.

Systems over the same texts: dateline, ``dateline.analyze(text, kind="plain").quotes`` (offsets index the gold
text unchanged); and a baseline without a parse: every span in double quotation marks within one paragraph, cued
by the nearest "said/says/say/told/added" in the same paragraph, the source the name or pronoun right next to
that word ("X said" / "said X").

Run: ``python bench/quotes.py [--data PATH] [--split dev|train] [--skip N] [--limit N] [--errors N]``. Train is
studied in two parts: its first two thirds, read while writing rules (``--split train --limit 560``), and its last
third, never read, where a rule is checked before it lands (``--split train --skip 560``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_DATA = REPO / ".." / "shared" / "benchmarks" / "polnear"
ROLES = ("source", "cue", "content")
KINDS = ("all", "direct", "indirect")
OPENING_MARKS = "\"“'‘«`"

Spans = tuple[tuple[int, int], ...]


# ---------------------------------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Attribution:
    """One attribution: each role a tuple of [start, end) character spans (empty when absent)."""

    source: Spans
    cue: Spans
    content: Spans
    direct: bool

    def role(self, name: str) -> Spans:
        return getattr(self, name)


@dataclass
class GoldArticle:
    id: str
    text: str
    attributions: list[Attribution]
    annotator: str = ""
    spans: list[tuple[str, Spans, str]] = field(default_factory=list)  # (label, spans, text as written in .ann)


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ANNOTATOR = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})$")


def trim(text: str, spans: Spans) -> Spans:
    """The spans without surrounding whitespace (a few gold spans end with a space); empty spans dropped."""
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return tuple(sorted(out))


def is_direct(text: str, content: Spans) -> bool:
    """Direct speech: the content opens with a quotation mark."""
    return bool(content) and text[content[0][0]] in OPENING_MARKS


def parse_ann(ann: str, text: str) -> tuple[list[Attribution], list[tuple[str, Spans, str]]]:
    """The attributions of one brat ``.ann`` file over its text.

    A span's text may run over several lines in the file (spans that cross paragraphs); only its first line
    follows the offsets on the ``T`` line, the rest is skipped, as are notes (``#``) and other span labels
    (Discard, Discuss).
    """
    spans: dict[str, tuple[str, Spans, str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if m := _T_LINE.match(line):
            ranges = tuple(tuple(int(x) for x in part.split()) for part in m[3].split(";"))
            spans[m[1]] = (m[2], ranges, m[4])
        elif m := _E_LINE.match(line):
            events.append(dict(arg.split(":", 1) for arg in m[2].split() if ":" in arg))
    attributions = []
    for event in events:
        roles: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
        for key, ref in event.items():
            if ref not in spans:
                continue
            name = re.sub(r"\d+$", "", key).lower()
            if name in roles:
                roles[name].extend(spans[ref][1])
        content = trim(text, tuple(roles["content"]))
        if not content:
            continue
        attributions.append(Attribution(
            source=trim(text, tuple(roles["source"])), cue=trim(text, tuple(roles["cue"])), content=content,
            direct=is_direct(text, content),
        ))
    attributions.sort(key=lambda a: a.content[0])
    return attributions, list(spans.values())


def _annotation_files(folder: Path) -> dict[str, list[tuple[str, Path]]]:
    """Article id -> its (annotator, .ann path) pairs, in annotator order."""
    by_article: dict[str, list[tuple[str, Path]]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        m = _ANNOTATOR.match(path.stem)
        article, annotator = (m["article"], m["annotator"]) if m else (path.stem, "")
        by_article.setdefault(article, []).append((annotator, path))
    return {article: sorted(files) for article, files in by_article.items()}


def load_split(root: Path, split: str = "dev", limit: int | None = None) -> list[GoldArticle]:
    """The articles of one split, in name order, each with the attributions of its first annotator."""
    folder = Path(root) / split
    by_article = _annotation_files(folder)
    articles = []
    for article_id in sorted(by_article):
        if limit is not None and len(articles) >= limit:
            break
        text_path = folder / "text" / f"{article_id}.txt"
        if not text_path.exists():
            continue
        annotator, path = by_article[article_id][0]
        text = text_path.read_text(encoding="utf-8")
        attributions, spans = parse_ann(path.read_text(encoding="utf-8"), text)
        articles.append(GoldArticle(article_id, text, attributions, annotator, spans))
    return articles


def load_shared(root: Path) -> list[tuple[str, dict[str, list[Attribution]]]]:
    """The articles that several annotators annotated (PolNeAR's weekly quality checks, in train and dev): each
    text with the attributions of each of its annotators."""
    shared = []
    for split in ("train", "dev"):
        folder = Path(root) / split
        for article_id, files in sorted(_annotation_files(folder).items()):
            text_path = folder / "text" / f"{article_id}.txt"
            if len(files) < 2 or not text_path.exists():
                continue
            text = text_path.read_text(encoding="utf-8")
            shared.append((text, {annotator: parse_ann(path.read_text(encoding="utf-8"), text)[0]
                                  for annotator, path in files}))
    return shared


def offset_mismatches(articles: list[GoldArticle]) -> list[tuple[str, str, str]]:
    """(article, text at the offsets, text in the .ann) for each span whose offsets do not give its text."""
    bad = []
    for article in articles:
        for _, spans, written in article.spans:
            found = " ".join(article.text[s:e] for s, e in spans)
            if not found.startswith(written):
                bad.append((article.id, found[:60], written[:60]))
    return bad


def data_present(root: Path, split: str) -> bool:
    folder = Path(root) / split
    return (folder / "text").is_dir() and any((folder / "attributions").glob("*.ann"))


# ---------------------------------------------------------------------------------------------------- systems


def from_quotes(text: str, quotes: list[dict]) -> list[Attribution]:
    """dateline's quotes as attributions: the parts of a split quote (``continues``) joined into one."""
    groups: dict[int, list[dict]] = {}
    for index, quote in enumerate(quotes):
        head = quote.get("continues")
        groups.setdefault(index if head is None else head, []).append(quote)
    attributions = []
    for parts in groups.values():
        first = parts[0]
        cue = first.get("cue")
        speaker = first.get("speaker")
        content = trim(text, tuple((q["start"], q["end"]) for q in parts))
        if not content:
            continue
        attributions.append(Attribution(
            source=trim(text, ((speaker["start"], speaker["end"]),)) if speaker else (),
            cue=trim(text, ((cue["start"], cue["end"]),)) if cue else (),
            content=content, direct=first.get("kind") == "direct",
        ))
    return attributions


_BASELINE_QUOTE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"")
_BASELINE_CUE = re.compile(r"\b(?:said|says|say|told|added)\b")
_NAME = r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*|he|she|they|we|I|He|She|They|We)"
_NAME_BEFORE = re.compile(_NAME + r" $")
_NAME_AFTER = re.compile(r"^ " + _NAME)


def baseline(text: str) -> list[Attribution]:
    """Quotation marks only: each quoted span, the nearest "said" in its paragraph, the name beside it."""
    attributions = []
    offset = 0
    for paragraph in text.split("\n"):
        cues = list(_BASELINE_CUE.finditer(paragraph))
        for quote in _BASELINE_QUOTE.finditer(paragraph):
            outside = [c for c in cues if c.end() <= quote.start() or c.start() >= quote.end()]
            if not outside:
                continue
            cue = min(outside, key=lambda c: min(abs(c.start() - quote.end()), abs(quote.start() - c.end())))
            source = ()
            if m := _NAME_BEFORE.search(paragraph[: cue.start()]):
                source = ((offset + m.start(), offset + m.end() - 1),)
            elif m := _NAME_AFTER.match(paragraph[cue.end():]):
                source = ((offset + cue.end() + 1, offset + cue.end() + m.end()),)
            attributions.append(Attribution(
                source=source, cue=((offset + cue.start(), offset + cue.end()),),
                content=((offset + quote.start(), offset + quote.end()),), direct=True,
            ))
        offset += len(paragraph) + 1
    return attributions


# ---------------------------------------------------------------------------------------------------- scoring


_TOKEN = re.compile(r"\w+|[^\w\s]")


class Tokens:
    """The text's tokens, to turn character spans into sets of token indices."""

    def __init__(self, text: str):
        self.starts = []
        self.ends = []
        for m in _TOKEN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def of(self, spans: Spans) -> frozenset[int]:
        """The tokens that share at least one character with the spans."""
        from bisect import bisect_left, bisect_right

        out: set[int] = set()
        for start, end in spans:
            first = bisect_right(self.ends, start)
            last = bisect_left(self.starts, end)
            out.update(range(first, last))
        return frozenset(out)


@dataclass
class Tally:
    """Counts behind one table row: exact and overlap per role, end to end, for one kind."""

    exact_tp: Counter = field(default_factory=Counter)  # role -> pairs with identical spans (by gold kind)
    exact_tp_pred: Counter = field(default_factory=Counter)  # the same, counted by predicted kind
    exact_pred: Counter = field(default_factory=Counter)
    exact_gold: Counter = field(default_factory=Counter)
    shared: Counter = field(default_factory=Counter)  # role -> shared tokens (by gold kind)
    shared_pred: Counter = field(default_factory=Counter)
    tokens_pred: Counter = field(default_factory=Counter)
    tokens_gold: Counter = field(default_factory=Counter)
    e2e_gold: int = 0
    e2e_pred: int = 0
    right_gold: int = 0
    right_pred: int = 0

    def add(self, other: Tally) -> None:
        for name in ("exact_tp", "exact_tp_pred", "exact_pred", "exact_gold", "shared", "shared_pred",
                     "tokens_pred", "tokens_gold"):
            getattr(self, name).update(getattr(other, name))
        for name in ("e2e_gold", "e2e_pred", "right_gold", "right_pred"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def prf(tp_p: float, predicted: float, tp_r: float, gold: float) -> tuple[float, float, float]:
    p = tp_p / predicted if predicted else 0.0
    r = tp_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pair(predicted: list[Attribution], gold: list[Attribution], tokens: Tokens) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index), greedily by shared content tokens, then cue tokens."""
    p_content = [tokens.of(a.content) for a in predicted]
    g_content = [tokens.of(a.content) for a in gold]
    p_cue = [tokens.of(a.cue) for a in predicted]
    g_cue = [tokens.of(a.cue) for a in gold]
    candidates = []
    for i in range(len(predicted)):
        for j in range(len(gold)):
            content = len(p_content[i] & g_content[j])
            cue = len(p_cue[i] & g_cue[j])
            if content or cue:
                dice = 2 * content / (len(p_content[i]) + len(g_content[j]))
                candidates.append((-(dice + (1.0 if cue else 0.0)), -content, i, j))
    candidates.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def right(p: Attribution, g: Attribution, tokens: Tokens) -> bool:
    """End to end: contents share at least half of the larger one, and the sources overlap (or both lack one)."""
    pc, gc = tokens.of(p.content), tokens.of(g.content)
    if len(pc & gc) * 2 < max(len(pc), len(gc)):
        return False
    if not p.source and not g.source:
        return True
    return bool(tokens.of(p.source) & tokens.of(g.source))


def score_article(text: str, predicted: list[Attribution], gold: list[Attribution]) -> dict[str, Tally]:
    """The tallies of one article, per kind (all, direct, indirect)."""
    tokens = Tokens(text)
    tallies = {kind: Tally() for kind in KINDS}

    def kinds(direct: bool) -> tuple[str, str]:
        return ("all", "direct" if direct else "indirect")

    for a in predicted:
        for kind in kinds(a.direct):
            tallies[kind].e2e_pred += 1
            for role in ROLES:
                spans = a.role(role)
                tallies[kind].exact_pred[role] += bool(spans)
                tallies[kind].tokens_pred[role] += len(tokens.of(spans))
    for a in gold:
        for kind in kinds(a.direct):
            tallies[kind].e2e_gold += 1
            for role in ROLES:
                spans = a.role(role)
                tallies[kind].exact_gold[role] += bool(spans)
                tallies[kind].tokens_gold[role] += len(tokens.of(spans))
    for i, j in pair(predicted, gold, tokens):
        p, g = predicted[i], gold[j]
        ok = right(p, g, tokens)
        for role in ROLES:
            ps, gs = p.role(role), g.role(role)
            shared = len(tokens.of(ps) & tokens.of(gs))
            exact = bool(ps) and ps == gs
            for kind in kinds(g.direct):
                tallies[kind].shared[role] += shared
                tallies[kind].exact_tp[role] += exact
            for kind in kinds(p.direct):
                tallies[kind].shared_pred[role] += shared
                tallies[kind].exact_tp_pred[role] += exact
        for kind in kinds(g.direct):
            tallies[kind].right_gold += ok
        for kind in kinds(p.direct):
            tallies[kind].right_pred += ok
    return tallies


def scores(tally: Tally) -> dict[str, tuple[float, float, float]]:
    """P/R/F1 per measure: '<role> exact', '<role> overlap', 'end to end'."""
    out = {}
    for role in ROLES:
        out[f"{role} exact"] = prf(tally.exact_tp_pred[role], tally.exact_pred[role],
                                   tally.exact_tp[role], tally.exact_gold[role])
        out[f"{role} overlap"] = prf(tally.shared_pred[role], tally.tokens_pred[role],
                                     tally.shared[role], tally.tokens_gold[role])
    out["end to end"] = prf(tally.right_pred, tally.e2e_pred, tally.right_gold, tally.e2e_gold)
    return out


def score(pairs: list[tuple[str, list[Attribution], list[Attribution]]]) -> dict[str, Tally]:
    """Tallies summed over articles: (text, predicted, gold) for each."""
    total = {kind: Tally() for kind in KINDS}
    for text, predicted, gold in pairs:
        for kind, tally in score_article(text, predicted, gold).items():
            total[kind].add(tally)
    return total


# ---------------------------------------------------------------------------------------------------- citron's form


_SOURCE_EDGE = ",:;!?"


def parc_source(text: str, spans: Spans) -> Spans:
    """A source cut the way citron's PARC extractor cuts its gold sources (parc_extractor.py): at a bracket, at
    the first comma ("Vikram Amar, dean of the law school" -> "Vikram Amar"), then edge punctuation and spaces."""
    out = []
    for start, end in spans:
        for mark in "([":
            if (k := text.find(mark, start, end)) != -1:
                end = k
        if (k := text.find(",", start, end)) != -1:
            end = k
        while start < end and (text[start].isspace() or text[start] in _SOURCE_EDGE):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _SOURCE_EDGE):
            end -= 1
        if start < end:
            out.append((start, end))
    return tuple(out)


def parc_style(text: str, gold: list[Attribution], predicted: list[Attribution]) -> tuple[list, list]:
    """Gold and predictions as citron's PARC 3.0 test data has them: only gold attributions with a source and a
    cue, none nested (its cue inside another attribution's content, which the extractor drops with
    ``OMIT_NESTED_ATTRIBUTIONS``), every source (gold and predicted) cut by ``parc_source``."""
    def inside(cue: Spans, content: Spans) -> bool:
        return any(cs <= s and e <= ce for s, e in cue for cs, ce in content)

    kept = [g for g in gold if g.source and g.cue
            and not any(other is not g and inside(g.cue, other.content) for other in gold)]

    def cut(a: Attribution) -> Attribution:
        return Attribution(parc_source(text, a.source), a.cue, a.content, a.direct)

    return [cut(g) for g in kept], [cut(p) for p in predicted]


@dataclass
class CitronTally:
    """Counts of citron's metric (citron/metrics.py): exact tp/fp/fn and overlap sums per role."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    shared: Counter = field(default_factory=Counter)
    tokens_pred: Counter = field(default_factory=Counter)
    tokens_gold: Counter = field(default_factory=Counter)


def citron_count(text: str, predicted: list[Attribution], gold: list[Attribution], tally: CitronTally) -> None:
    """Add one article to a tally, as citron's ``evaluate`` counts it. Exact: the cue is right when some gold cue
    has the same span; the source (the content) is right when some gold attribution whose cue overlaps the
    predicted cue has the same source (content) spans, so a prediction is never paired one to one and
    attributions without a source match one another; recall counts the gold side the same way. Overlap: the
    tokens each predicted span shares with each gold span, summed over every (predicted, gold) couple, over all
    predicted and all gold tokens of the role. Token spans here are the bench's tokens, not spaCy's."""
    tokens = Tokens(text)

    def bounds(spans: Spans) -> tuple[int, int] | None:
        found = tokens.of(spans)
        return (min(found), max(found) + 1) if found else None

    def overlapping(a: Spans, b: Spans) -> bool:  # citron's are_overlapping_spans on token spans, as written
        x, y = bounds(a), bounds(b)
        return x is not None and y is not None and x[0] <= y[1] and x[1] > y[0]

    def same(a: Attribution, b: Attribution, role: str) -> bool:
        if role == "cue":
            return bool(a.cue) and a.cue == b.cue
        return overlapping(a.cue, b.cue) and a.role(role) == b.role(role)

    for role in ROLES:
        for p in predicted:
            if any(same(p, g, role) for g in gold):
                tally.tp[role] += 1
            else:
                tally.fp[role] += 1
        tally.fn[role] += sum(not any(same(p, g, role) for p in predicted) for g in gold)
        gold_tokens = [tokens.of(g.role(role)) for g in gold]
        for p in predicted:
            mine = tokens.of(p.role(role))
            tally.tokens_pred[role] += len(mine)
            tally.shared[role] += sum(len(mine & theirs) for theirs in gold_tokens)
        tally.tokens_gold[role] += sum(len(t) for t in gold_tokens)


def citron_scores(runs: list[tuple[str, list[Attribution], list[Attribution]]], parc: bool) -> dict:
    """'<role> exact' and '<role> overlap' P/R/F1 in citron's form, over our gold or its PARC-style cut."""
    tally = CitronTally()
    for text, predicted, gold in runs:
        if parc:
            gold, predicted = parc_style(text, gold, predicted)
        citron_count(text, predicted, gold, tally)
    out = {}
    for role in ROLES:
        out[f"{role} exact"] = prf(tally.tp[role], tally.tp[role] + tally.fp[role],
                                   tally.tp[role], tally.tp[role] + tally.fn[role])
        out[f"{role} overlap"] = prf(tally.shared[role], tally.tokens_pred[role],
                                     tally.shared[role], tally.tokens_gold[role])
    return out


# ---------------------------------------------------------------------------------------------------- report


MEASURES = ("source exact", "source overlap", "cue exact", "cue overlap", "content exact", "content overlap",
            "end to end")


def print_table(results: dict[str, dict[str, Tally]]) -> None:
    """One block per system: a row per measure, P/R/F1 per kind (all, direct, indirect)."""
    width = 17
    print(f"{'':<26}" + "".join(f"{kind:^{width}}" for kind in KINDS))
    print(f"{'':<26}" + "".join(f"{'P    R    F1':^{width}}" for _ in KINDS))
    for system, tallies in results.items():
        counts = "  ".join(f"{kind} {tallies[kind].e2e_pred}/{tallies[kind].e2e_gold}" for kind in KINDS)
        print(f"{system}  (predicted/gold attributions: {counts})")
        rows = {kind: scores(tallies[kind]) for kind in KINDS}
        for measure in MEASURES:
            cells = "".join(f"{' '.join(f'{100 * v:4.1f}' for v in rows[kind][measure]):^{width}}" for kind in KINDS)
            print(f"  {measure:<24}{cells}")


CITRON_MEASURES = ("source exact", "source overlap", "cue exact", "cue overlap", "content exact", "content overlap")


def print_citron(runs: list[tuple[str, list[Attribution], list[Attribution]]]) -> None:
    """dateline in BBC citron's metric: over our gold as it is, and over the PARC-style cut its 0.82 is read on."""
    width = 17
    columns = {"our gold": citron_scores(runs, parc=False), "PARC-style gold": citron_scores(runs, parc=True)}
    print("\ndateline in citron's metric (bbc/citron citron/metrics.py: not one to one; exact roles matched through"
          " an overlapping cue;\noverlap summed over every predicted/gold couple). PARC-style gold: sourced, not"
          " nested, sources cut at the first comma\n(as citron's parc_extractor.py; its model card on PARC 3.0 test:"
          " source exact 82.0, content overlap 83.3, cue exact 82.3)")
    print(f"{'':<26}" + "".join(f"{name:^{width}}" for name in columns))
    print(f"{'':<26}" + "".join(f"{'P    R    F1':^{width}}" for _ in columns))
    for measure in CITRON_MEASURES:
        cells = "".join(f"{' '.join(f'{100 * v:4.1f}' for v in column[measure]):^{width}}" for column in columns.values())
        print(f"  {measure:<24}{cells}")


AGREEMENT_MEASURES = ("source exact", "cue exact", "content overlap", "end to end")


def print_agreement(root: Path) -> None:
    """The annotators against each other on the articles they all annotated, each one's attributions scored as
    predictions against each other one's (micro over the ordered pairs), and dateline against each of them: what
    the table's metric gives for human agreement on this corpus."""
    import dateline

    shared = load_shared(root)
    humans, machine = [], []
    for text, by_annotator in shared:
        predicted = from_quotes(text, dateline.analyze(text, kind="plain").quotes)
        for gold in by_annotator.values():
            machine.append((text, predicted, gold))
            humans += [(text, other, gold) for other in by_annotator.values() if other is not gold]
    print(f"\nAgreement: PolNeAR's {len(shared)} articles annotated by five or six annotators each (weekly quality"
          f" checks, train and dev), F1 in %\nin the table's metric; annotators: each one scored against each other"
          f" one ({len(humans)} ordered pairs); dateline: scored against each annotator")
    print(f"{'':<28}" + "".join(f"{m:>16}" for m in AGREEMENT_MEASURES))
    for name, runs in (("annotators", humans), ("dateline", machine)):
        tallies = score(runs)
        for kind in KINDS:
            row = scores(tallies[kind])
            print(f"  {name + ', ' + kind:<26}" + "".join(f"{100 * row[m][2]:>16.1f}" for m in AGREEMENT_MEASURES))


def print_errors(name: str, runs: list[tuple[GoldArticle, list[Attribution]]], n: int) -> None:
    """Up to n missed and n spurious attributions, with their text."""
    missed, spurious = [], []
    for article, predicted in runs:
        tokens = Tokens(article.text)
        pairs = pair(predicted, article.attributions, tokens)
        paired_p = {i for i, _ in pairs}
        paired_g = {j for _, j in pairs}

        def show(spans: Spans) -> str:
            return " | ".join(article.text[s:e] for s, e in spans)[:160].replace("\n", " ")

        missed += [(article.id, show(g.cue), show(g.content)) for j, g in enumerate(article.attributions)
                   if j not in paired_g]
        spurious += [(article.id, show(p.cue), show(p.content)) for i, p in enumerate(predicted) if i not in paired_p]
    print(f"\n{name}: {len(missed)} gold attributions unpaired, {len(spurious)} predictions unpaired")
    for article_id, cue, content in missed[:n]:
        print(f"  missed   [{cue}] {content}   ({article_id})")
    for article_id, cue, content in spurious[:n]:
        print(f"  spurious [{cue}] {content}   ({article_id})")


# ---------------------------------------------------------------------------------------------------- main


def run_dateline(articles: list[GoldArticle]) -> tuple[list[list[Attribution]], float, list[str]]:
    import dateline

    notes = []
    dateline.analyze("Warm-up: the minister said on Monday that talks would resume.", kind="plain")
    predicted = []
    start = time.perf_counter()
    for article in articles:
        result = dateline.analyze(article.text, kind="plain")
        if result.error:
            notes.append(f"{article.id}: {result.error}")
        if result.text != article.text:
            notes.append(f"{article.id}: dateline changed the text; offsets may not index the gold text")
        predicted.append(from_quotes(article.text, result.quotes))
    return predicted, time.perf_counter() - start, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder (default: %(default)s)")
    parser.add_argument("--split", default="dev", help="dev (default; the reported figure) or train")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles (after --skip)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N missed and N spurious quotes")
    args = parser.parse_args(argv)

    root = args.data.resolve()
    if not data_present(root, args.split):
        print(f"PolNeAR data not found at {root / args.split} (expected text/*.txt and attributions/*.ann; it comes"
              f" with ../shared/benchmarks, or give --data PATH and --split)", file=sys.stderr)
        return 2
    articles = load_split(root, args.split, None if args.limit is None else args.skip + args.limit)[args.skip:]
    bad = offset_mismatches(articles)
    if bad:
        print(f"warning: {len(bad)} gold spans whose offsets do not give their text, e.g. {bad[0]}", file=sys.stderr)
    gold_count = Counter("direct" if a.direct else "indirect" for art in articles for a in art.attributions)

    predicted, seconds, notes = run_dateline(articles)
    systems = {
        "baseline": [baseline(article.text) for article in articles],
        "dateline": predicted,
    }
    print(f"PolNeAR {args.split}: {len(articles)} articles, {sum(len(a.text) for a in articles):,} characters, "
          f"{sum(gold_count.values())} gold attributions ({gold_count['direct']} direct, "
          f"{gold_count['indirect']} indirect or mixed); gold offsets checked: {len(bad)} mismatches")
    print("P/R/F1 in %; attributions paired one-to-one by content overlap; overlap = shared tokens; end to end ="
          " content overlap >= 0.5 and source overlaps\n")
    results = {
        name: score([(a.text, p, a.attributions) for a, p in zip(articles, runs)]) for name, runs in systems.items()
    }
    print_table(results)
    print_citron([(a.text, p, a.attributions) for a, p in zip(articles, predicted)])
    print_agreement(root)
    print(f"\ndateline.analyze: {seconds:.1f} s for {len(articles)} articles ({seconds / max(1, len(articles)):.2f} s"
          f" each, extraction and the whole pipeline included)")
    for note in notes[:10]:
        print(f"note: {note}")
    if args.errors:
        for name, runs in systems.items():
            print_errors(name, list(zip(articles, runs)), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
