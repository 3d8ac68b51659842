"""The article text cut into segments at every span boundary, each with what covers it: actor mentions, quotes
and their cues and speakers, places, event triggers.

Spans overlap and nest (a mention inside a quote inside an event's sentence), so rather than nesting markup the
text is cut at every boundary and each piece carries the set of layers over it. The pieces stay plain strings:
the template escapes each one, and no markup is ever built from article text here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote


@dataclass
class Segment:
    text: str
    layers: list[str] = field(default_factory=list)  # css classes: actor, quote, cue, speaker, place, event
    notes: list[str] = field(default_factory=list)  # what each layer says, for the tooltip
    href: str | None = None  # the actor page of a mention
    anchors: list[str] = field(default_factory=list)  # ids of the items that start here (quote-2, event-0)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{layer}" for layer in dict.fromkeys(self.layers))

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(self.notes))


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: str
    note: str
    href: str | None = None
    anchor: str | None = None


def actor_href(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe="")


def highlight(article: dict) -> list[Segment]:
    """The article's text as segments, for the article page."""
    text = article.get("text") or ""
    spans = [s for s in _spans(article) if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[_Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
    open_spans: list[_Span] = []
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        open_spans = [s for s in open_spans if s.end > start] + starts.get(start, [])
        segment = Segment(text[start:end])
        for span in open_spans:
            segment.layers.append(span.layer)
            segment.notes.append(span.note)
            segment.href = segment.href or span.href
        segment.anchors = [s.anchor for s in starts.get(start, []) if s.anchor]
        segments.append(segment)
    return segments


def _spans(article: dict) -> list[_Span]:
    names = {a.get("id"): a.get("name") for a in article.get("actors") or [] if isinstance(a, dict)}
    spans = []
    for mention in _items(article, "mentions"):
        actor = mention.get("actor")
        spans.append(_Span(*_bounds(mention), "actor", f"actor: {names.get(actor, actor)} ({mention.get('kind')})",
                           actor_href(actor) if actor else None))
    for i, item in enumerate(_items(article, "quotes")):
        speaker = item.get("speaker") or {}
        who = names.get(speaker.get("actor")) or speaker.get("text") or "unattributed"
        spans.append(_Span(*_bounds(item), "quote", f"{item.get('kind')} quote by {who}", anchor=f"quote-{i}"))
        if isinstance(item.get("cue"), dict):
            spans.append(_Span(*_bounds(item["cue"]), "cue", f"cue of quote {i + 1}"))
    for i, place in enumerate(_items(article, "places")):
        where = ", ".join(str(p) for p in (place.get("name"), place.get("country")) if p)
        spans.append(_Span(*_bounds(place), "place", f"place: {where} ({place.get('lat')}, {place.get('lon')})",
                           anchor=f"place-{i}"))
    for i, event in enumerate(_items(article, "events")):
        note = f"event: {event.get('type')} {_side(event.get('source'), names)} → {_side(event.get('target'), names)}"
        triggers = [e.get("trigger") for e in event.get("evidence") or [] if isinstance(e, dict)] or [event.get("trigger")]
        for n, trigger in enumerate(t for t in triggers if isinstance(t, dict)):
            spans.append(_Span(*_bounds(trigger), "event", note, anchor=f"event-{i}" if n == 0 else None))
    return spans


def _items(article: dict, name: str) -> list[dict]:
    return [item for item in article.get(name) or [] if isinstance(item, dict)]


def _bounds(item: dict) -> tuple[int, int]:
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return -1, -1  # dropped by the caller's range check
    return start, end


def _side(ids, names: dict) -> str:
    return ", ".join(str(names.get(i, i)) for i in ids or []) or "?"


_MARKED = re.compile(r"\[([^\[\]]{1,100})\]")


def snippet_pieces(snippet: str | None) -> list[tuple[str, bool]]:
    """The search snippet (matches in [brackets]) as (text, is_match) pieces, for the template to escape."""
    pieces, at = [], 0
    for match in _MARKED.finditer(snippet or ""):
        pieces.append((snippet[at:match.start()], False))
        pieces.append((match.group(1), True))
        at = match.end()
    pieces.append(((snippet or "")[at:], False))
    return [piece for piece in pieces if piece[0]]


def evidence_pieces(event: dict) -> list[tuple[str, bool]]:
    """An event row's sentence as (text, is_trigger) pieces, the trigger found by its offsets in the sentence."""
    sentence = event.get("sentence") or ""
    start, end = event.get("trigger_start"), event.get("trigger_end")
    base = event.get("sentence_start")
    if not sentence or not all(isinstance(n, int) for n in (start, end, base)) or not base <= start < end:
        return [(sentence or event.get("trigger_text") or "", False)]
    a, b = start - base, min(end - base, len(sentence))
    return [piece for piece in ((sentence[:a], False), (sentence[a:b], True), (sentence[b:], False)) if piece[0]]
