"""Quoted passages found from the quotation marks alone, before any parse is consulted.

A passage runs from its opening mark to its closing mark, both included (PolNeAR and PARC count the marks as
part of a quotation). Rules:

- curly marks have a direction, so they nest: a passage ends when the mark that opened it is closed (a curly
  mark typed the wrong way round, “ after the words it closes, is read from the characters around it);
- a straight mark (", or '' as some newspapers print one) opens when it follows a space, an opening bracket or
  the start of a paragraph, and closes when it follows a word or punctuation; ambiguous ones alternate;
- a quotation that runs over several paragraphs repeats its opening mark at each paragraph start and closes only
  at the end of the last one: when a paragraph ends with a passage open and the next one opens with a mark, the
  passage goes on; otherwise it ends with its paragraph (a missing closing mark does not swallow the article),
  or at a single closing mark typed in place of the double one ("“Let's go.’");
- single quotes are not passages of their own (inside a quotation they nest; outside one they are apostrophes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline.quotes.vocabulary import vocabulary


@dataclass(frozen=True)
class Passage:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph's last character when it is missing)
    paragraphs: int = 1
    closed: bool = True


@cache
def _mark_pattern() -> re.Pattern:
    marks = vocabulary().marks
    alternatives = sorted({*marks.opening, *marks.closing, *marks.straight}, key=len, reverse=True)
    return re.compile("|".join(re.escape(m) for m in alternatives))


def _direction(text: str, start: int, end: int, paragraph_start: int) -> str:
    """"open", "close" or "?" for a straight mark at text[start:end]."""
    before = text[start - 1] if start > paragraph_start else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() or before in "([{—–-/" or start == paragraph_start:
        return "open" if not after.isspace() else "?"
    if after.isspace() or after in ".,;:!?)]}—–-" or end == len(text):
        return "close"
    return "?"


def _single_close(text: str, start: int, end: int) -> int | None:
    """Where a passage left open ends when a single mark closes it by mistake ("“Let's go.’ Schumer was ..."):
    just after a ’ that follows the end of a sentence and is not closing a ‘ of its own."""
    depth = 0
    for k in range(start + 1, end):
        if text[k] == "‘":
            depth += 1
        elif text[k] == "’" and text[k - 1] in ".,!?" and (k + 1 == end or text[k + 1].isspace()):
            if depth == 0:
                return k + 1
            depth -= 1
    return None


def find_passages(text: str) -> list[Passage]:
    """The quoted passages of a text, in order, outermost only."""
    marks = vocabulary().marks
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    passages: list[Passage] = []
    open_at: int | None = None  # start of the passage being read
    depth = 0
    straight_open = False
    spanned = 1
    for index, (p_start, p_end) in enumerate(paragraphs):
        for m in _mark_pattern().finditer(text, p_start, p_end):
            mark = m.group()
            if open_at is not None and m.start() == p_start and spanned > 1 and depth == 1:
                continue  # the repeated opening mark of a quotation's next paragraph
            if mark in marks.opening:
                # “ after the words it closes, before a space, is a closing mark typed the wrong way round.
                kind = "close" if depth > 0 and _direction(text, m.start(), m.end(), p_start) == "close" else "open"
            elif mark in marks.closing:
                kind = "open" if depth == 0 and _direction(text, m.start(), m.end(), p_start) == "open" else "close"
            else:
                kind = _direction(text, m.start(), m.end(), p_start)
                if kind == "?":
                    kind = "close" if straight_open else "open"
                if kind == "open" and straight_open:
                    kind = "close" if depth == 1 else "open"
                if kind == "close" and not straight_open and depth == 0:
                    continue  # a stray closing straight mark (inches, a typo)
            if kind == "open":
                if depth == 0:
                    open_at, spanned = m.start(), 1
                depth += 1
                straight_open = straight_open or mark in marks.straight
            else:
                if depth == 0:
                    continue  # a stray closing mark
                depth -= 1
                if mark in marks.straight:
                    straight_open = False
                if depth == 0:
                    passages.append(Passage(open_at, m.end(), spanned))
                    open_at = None
                    straight_open = False
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following and _opening_mark().match(text, following[0]):
                spanned += 1
                depth = 1
                continue  # the quotation goes on in the next paragraph
            end = _single_close(text, open_at, p_end) or p_end
            while end > open_at and text[end - 1].isspace():
                end -= 1
            passages.append(Passage(open_at, end, spanned, closed=False))
            open_at, depth, straight_open = None, 0, False
    return passages


@cache
def _opening_mark() -> re.Pattern:
    """A mark that can open a quotation: a curly opening one or a straight one, the longest first."""
    marks = vocabulary().marks
    return re.compile("|".join(re.escape(m) for m in sorted({*marks.opening, *marks.straight}, key=len, reverse=True)))


# A turn of a transcript printed as one long quotation, after its mark: a name in capitals and a colon
# ('"PENCE: Well, ...').
_TURN = re.compile(r"([A-Z][A-Z.'’ -]{0,30}[A-Z.]):\s")


def transcript_marks(text: str) -> list[tuple[int, int]]:
    """The opening marks of a transcript printed as one quotation over several paragraphs, a mark at the start of
    each and each turn opening with its speaker's name in capitals ('"WALLACE: Will she be there?', '"PENCE: She
    will not.', '"And the debate is tomorrow.'): such a mark opens no passage, each turn being a quote of its own
    speaker (read at its colon, with the paragraphs it goes on in). Two speakers make a transcript; its marks run
    from a turn to the first paragraph that opens without a mark."""
    not_speakers = vocabulary().not_speakers
    starts = [m.start(1) for m in re.finditer(r"^[^\S\n]*(\S)", text, re.M)]  # each paragraph's first character
    opening = [_opening_mark().match(text, start) for start in starts]
    turns = [mark and _TURN.match(text, mark.end()) for mark in opening]
    if len({m[1] for m in turns if m and m[1].lower() not in not_speakers}) < 2:
        return []
    marks, inside = [], False
    for mark, turn in zip(opening, turns):
        inside = mark is not None and (turn is not None or inside)
        if inside:
            marks.append(mark.span())
    return marks
