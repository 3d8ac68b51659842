"""RSS and Atom feeds: each entry's link becomes a page to fetch, dated by the entry.

feedparser is only ever handed bytes we already hold (wrapped in BytesIO: given a bare string or bytes it
would try it as a URL or a file name), so it never fetches or opens anything itself.
"""

from __future__ import annotations

import codecs
import datetime
import email.utils
import io
import re
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import feedparser

from .document import Document

FetchPage = Callable[..., Document]  # Fetcher.page(url, input=..., date=...)

_SNIFF = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_DOCTYPE = re.compile(r"<!DOCTYPE", re.I)
_ENTITY = re.compile(r"<!ENTITY", re.I)
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class FeedError(ValueError):
    """The feed can't be used; the message says why, for the user."""


def looks_like_feed(body: bytes) -> bool:
    """For a response whose Content-Type says nothing useful: does it open like RSS, Atom or RSS 1.0?"""
    return _SNIFF.search(body[:2048]) is not None


def feed_documents(
    name: str,
    data: bytes,
    fetch_page: FetchPage,
    *,
    base_url: str | None = None,
    charset: str | None = None,
    warnings: list[str] | None = None,
) -> Iterator[Document]:
    """One Document per entry, fetched from its link; one error Document if the feed is unusable.

    `warnings` are the feed's own (it was truncated): they go on the first entry.
    """
    try:
        entries = parse_entries(data, base_url=base_url, charset=charset)
    except FeedError as exc:
        yield Document(input=name, url=base_url, error=str(exc), warnings=list(warnings or []))
        return
    for number, (link, date) in enumerate(entries, 1):
        entry_input = f"{name}#{number}"
        if not link:
            error = f"entry {number} of the feed {name} has no link"
            document = Document(input=entry_input, date=date, error=error)
        elif not urlsplit(link).scheme:  # relative, in a feed read from a file: nothing to resolve it against
            error = f"entry {number} of the feed {name} has a relative link: {link}"
            document = Document(input=entry_input, date=date, error=error)
        else:
            document = fetch_page(link, input=entry_input, date=date)
        if number == 1 and warnings:
            document.warnings[:0] = [f"feed: {warning}" for warning in warnings]
        yield document


def parse_entries(
    data: bytes, *, base_url: str | None = None, charset: str | None = None
) -> list[tuple[str | None, str | None]]:
    """(link, YYYY-MM-DD or None) for each entry, in feed order. Raises FeedError."""
    text = _decode(data, charset)
    # feedparser strips most ENTITY declarations with a regex (which a crafted DOCTYPE gets past) and relies on
    # the stdlib SAX parser not resolving external entities: today's defaults, but nothing we control. Feeds have
    # no need for entities, so we refuse them outright. The check is sound because feedparser is handed exactly
    # the text checked here, re-encoded as UTF-8 and declared so: no decoding of its own could reveal a
    # declaration this search missed.
    doctype = _DOCTYPE.search(text)
    if doctype and _ENTITY.search(text, doctype.end()):
        raise FeedError(
            "refused this feed: its DOCTYPE declares XML entities, which can make a parser read local files "
            "or expand without bound"
        )
    headers = {"content-type": "application/xml; charset=utf-8"}
    if base_url:
        headers["content-location"] = base_url  # so relative entry links resolve against the feed's URL
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=headers)
    if not parsed.entries:
        if parsed.get("version"):
            raise FeedError("the feed has no entries")
        why = f" ({parsed.bozo_exception})" if parsed.bozo else ""
        raise FeedError(f"not an RSS or Atom feed{why}")
    return [(entry.get("link"), _entry_day(entry)) for entry in parsed.entries]


def _decode(data: bytes, charset: str | None) -> str:
    """The feed as text: byte-order mark, then the HTTP charset, then the XML declaration, then UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    declared = _XML_ENCODING.match(data[:1024])
    for encoding in (charset, declared and declared.group(1).decode("ascii")):
        if encoding:
            try:
                return data.decode(encoding, errors="replace")
            except LookupError:
                continue
    return data.decode("utf-8", errors="replace")


def _entry_day(entry: dict) -> str | None:
    """The entry's published (else updated) day, as the publisher's own clock had it.

    feedparser's *_parsed fields are in UTC, which moves a story filed at 23:30 in New York to the next day;
    so the raw string is read first, keeping its offset, and the UTC tuple is the fallback for odd formats.
    """
    for key in ("published", "updated"):
        raw = entry.get(key)
        if isinstance(raw, str) and (day := _day_in_own_zone(raw)):
            return day
        if entry.get(f"{key}_parsed"):
            return time.strftime("%Y-%m-%d", entry[f"{key}_parsed"])
    return None


def _day_in_own_zone(raw: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.datetime.fromisoformat(raw.strip()).date().isoformat()  # Atom: RFC 3339
    except ValueError:
        return None
