"""A Document: one raw input as a source read it, before anything is extracted."""

from __future__ import annotations

from dataclasses import dataclass, field

# Inputs larger than this are cut (with a warning): a news article is rarely over a few hundred kB of HTML,
# and an unbounded read is how a hostile or broken input exhausts memory.
MAX_INPUT_BYTES = 8 * 1024 * 1024


@dataclass
class Document:
    input: str  # what the user named: a path, a URL, "file.warc.gz#3", "file.jsonl:12", "-"
    content: bytes | str = b""
    kind: str = "auto"  # "html", "text", "plain" or "auto": what the source knows of the content
    url: str | None = None
    date: str | None = None  # a date the source vouches for (jsonl "date", --date), YYYY-MM-DD
    crawled: str | None = None  # when it was fetched or archived (WARC-Date): a weak hint for the date
    id: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # set when the input could not be read at all
