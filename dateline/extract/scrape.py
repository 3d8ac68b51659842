"""Scraped plain text: a web page copied as text, furniture and all. Keep the article, set the furniture aside.

Each line is read on its own against the cues in `data/boilerplate.toml` (breadcrumbs, captions, share bars,
mirror notices, promotions, related links, footers, bylines, timestamps), then by where it stands: lines before the
first body paragraph are the head (breadcrumb, title, byline, caption), lines after the last are the tail (share
bars, footers, outlet furniture). What is taken out is kept in `removed`, so nothing is lost without a trace.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from dateline.article import Removed

# Footer cues are only trusted after the body ends: inside it, "Contact us at ..." may be the article's own words.
_TAIL_ONLY = {"footer"}
# Section labels and breadcrumbs stand above the title, in the first few lines.
_HEAD_LINES = 4
_BARE_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?$", re.I)
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_WORD = re.compile(r"\w+")


@dataclass
class ScrapeContent:
    text: str
    title: str | None = None
    sections: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


@dataclass
class _Cues:
    kind: str
    patterns: list[re.Pattern]
    max_words: int | None


@cache
def _config() -> dict:
    with resources.files("dateline.data").joinpath("boilerplate.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def _cues() -> dict[str, _Cues]:
    """The pattern cues by kind, in the order they are tried (the more specific kinds first)."""
    config = _config()
    cues = {}
    for kind in ("caption", "mirror", "promo", "related", "footer", "byline", "timestamp"):
        section = config[kind]
        flags = 0 if section.get("case_sensitive") else re.I
        patterns = [re.compile(p, flags) for p in section["patterns"]]
        cues[kind] = _Cues(kind, patterns, section.get("max_words"))
    return cues


def _words(line: str) -> int:
    return len(_WORD.findall(line))


@cache
def _breadcrumb_separator() -> re.Pattern:
    # A slash only separates when spaced ("News / Syria"), never in "and/or"; the others separate anyway.
    others = "".join(re.escape(s) for s in _config()["breadcrumb"]["separators"] if s != "/")
    return re.compile(rf"\s*[{others}]\s*|\s/\s")


def _breadcrumb_segments(line: str) -> list[str]:
    return [s.strip() for s in _breadcrumb_separator().split(_spaces(line))]


def _is_breadcrumb(line: str) -> bool:
    config = _config()["breadcrumb"]
    if _words(line) > config["max_words"] or _SENTENCE_END.search(line):
        return False
    segments = _breadcrumb_segments(line)
    return len(segments) >= 2 and all(0 < _words(s) <= config["max_segment_words"] for s in segments)


def _is_share_bar(line: str) -> bool:
    config = _config()["share"]
    lowered = line.lower()
    tokens = re.findall(r"[\w-]+|[|•+]", lowered)
    return (
        0 < len(tokens) <= config["max_words"]
        and all(t in config["words"] for t in tokens)
        and any(re.search(rf"\b{re.escape(r)}\b", lowered) for r in config["required"])
    )


def classify_line(line: str, head: bool = False) -> str | None:
    """The kind of furniture a single line is, or None when it reads as article text.

    `head`: the line is among the first of the page, where breadcrumbs and section labels stand.
    """
    if head and _is_breadcrumb(line):
        return "breadcrumb"
    if _is_share_bar(line):
        return "share"
    if _BARE_DOMAIN.match(line):
        return "link"
    words = _words(line)
    for cue in _cues().values():
        if cue.max_words is not None and words > cue.max_words:
            continue
        if cue.kind == "byline" and line.endswith("."):
            continue
        if any(p.search(line) for p in cue.patterns):
            return cue.kind
    return None


def _spaces(line: str) -> str:
    # Scrapes keep non-breaking and odd spaces from the page ("News \xa0 / \xa0 Syria").
    return re.sub(r"\s+", " ", line).strip()


def _is_sentence(line: str) -> bool:
    """A line that reads as a body paragraph: a complete sentence of some length, or simply long."""
    words = _words(line)
    return words >= 25 or (words >= 8 and bool(_SENTENCE_END.search(line)))


def _lines(raw: str) -> list[str]:
    """Non-empty lines, with hard-wrapped paragraphs (a block of long lines cut at a fixed width) joined."""
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", raw.replace("\r\n", "\n").replace("\r", "\n")):
        rows = [_spaces(r) for r in block.split("\n") if r.strip()]
        wrapped = (
            len(rows) >= 2
            and all(40 <= len(r) <= 100 for r in rows[:-1])
            and not all(_SENTENCE_END.search(r) for r in rows[:-1])
        )
        lines.extend([" ".join(rows)] if wrapped else rows)
    return lines


def extract_scrape(raw: str) -> ScrapeContent:
    lines = _lines(raw)
    kinds = [classify_line(line, head=i < _HEAD_LINES) for i, line in enumerate(lines)]
    body = [i for i, line in enumerate(lines) if kinds[i] is None and _is_sentence(line)]
    if not body:
        return ScrapeContent(text="\n\n".join(lines))
    start = body[0]
    # The body ends at its last line that reads as text and is not a dangling fragment: after the article,
    # short lines without a closing stop are outlet furniture ("Press TV News Roku", "SOURCE: AGENCIES").
    end = max(
        i for i, line in enumerate(lines) if kinds[i] is None and (i <= body[-1] or _SENTENCE_END.search(line))
    )
    for i in range(end + 1):
        if kinds[i] in _TAIL_ONLY:
            kinds[i] = None
    # The title is the first line of the head that is neither furniture nor a bare section label ("World").
    title_index = None
    for i in range(start):
        if kinds[i] is None and _words(lines[i]) <= 3 and i < _HEAD_LINES:
            kinds[i] = "breadcrumb"
        elif kinds[i] is None and _words(lines[i]) <= 30:
            title_index = i
            break

    content = ScrapeContent(text="", title=lines[title_index] if title_index is not None else None)
    kept: list[str] = []
    previous_removed = False
    for i, line in enumerate(lines):
        kind = kinds[i]
        if i == title_index:
            previous_removed = False
        elif kind is None and previous_removed and _continues_related(content, line):
            content.removed[-1].text += "\n" + line
        elif kind is None and i > end:
            _set_aside(content, "footer", line)
            previous_removed = True
        elif kind is None:
            kept.append(line)
            previous_removed = False
        else:
            _set_aside(content, kind, line)
            previous_removed = True
    content.text = "\n\n".join(kept)
    return content


def _continues_related(content: ScrapeContent, line: str) -> bool:
    """A headline-like line right under a related-links header belongs to that list."""
    # Headlines may end with a question mark, never with a full stop.
    return (
        content.removed[-1].kind == "related"
        and not re.search(r"""[.!]["'”’)]*$""", line)
        and _words(line) <= _config()["related"]["max_words"]
    )


def _set_aside(content: ScrapeContent, kind: str, line: str) -> None:
    previous = content.removed[-1] if content.removed else None
    # A mirror notice owns the bare domains listed under it; elsewhere a bare domain is footer furniture.
    if kind == "link":
        if previous and previous.kind == "mirror":
            previous.text += "\n" + line
            return
        kind = "footer"
    content.removed.append(Removed(kind=kind, text=line))
    if kind == "breadcrumb":
        content.sections.extend(s for s in _sections(line) if s not in content.sections)
    elif kind == "byline":
        content.authors.extend(a for a in _authors(line) if a not in content.authors)


def _sections(line: str) -> list[str]:
    generic = _config()["breadcrumb"]["generic_sections"]
    return [s for s in _breadcrumb_segments(line) if s.lower() not in generic]


def _authors(line: str) -> list[str]:
    for pattern in _cues()["byline"].patterns:
        match = pattern.match(line)
        if match and "names" in match.groupdict() and match.group("names"):
            return [n.strip() for n in re.split(r",|\band\b|&", match.group("names")) if n.strip()]
    return []
