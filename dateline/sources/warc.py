"""WARC archives: every archived HTTP 200 HTML response is one document."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from . import capped, mediatypes
from .dates import iso_day
from .document import Document

# What warcio's content_stream() can undo; with anything else it would hand back the compressed bytes.
_DECODABLE = ("", "identity", "gzip", "x-gzip", "deflate")


def documents(path: Path, name: str) -> Iterator[Document]:
    """Documents named "file.warc.gz#N", N counting every record of the archive from 1 (warcinfo included)."""
    found = False
    with open(path, "rb") as f:
        number = 0
        try:
            for number, record in enumerate(ArchiveIterator(f), 1):
                if _is_html_page(record):
                    found = True
                    yield _document(record, f"{name}#{number}")
        except (ArchiveLoadFailed, EOFError, zlib.error) as exc:
            found = True
            where = f"after record {number}" if number else "at the start"
            yield Document(input=name, error=f"{name} is not a readable WARC file ({where}): {exc}")
    if not found:
        yield Document(
            input=name,
            error=f"no HTML pages in {name}: no 'response' record with HTTP status 200 and an HTML content type",
        )


def _is_html_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    media_type, _ = mediatypes.parse(record.http_headers.get_header("Content-Type"))
    return record.http_headers.get_statuscode() == "200" and media_type in mediatypes.HTML_TYPES


def _document(record, where: str) -> Document:
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = iso_day(record.rec_headers.get_header("WARC-Date"))
    encoding = (record.http_headers.get_header("Content-Encoding") or "").strip().lower()
    if encoding not in _DECODABLE:
        return Document(
            input=where,
            url=url,
            crawled=crawled,
            error=f"archived with Content-Encoding {encoding}, which dateline can't decode",
        )
    # content_stream() undoes chunking and gzip 16 KiB of input at a time (so at most ~16 MiB out per step), and
    # capped.read stops pulling once it has MAX_INPUT_BYTES: a payload bomb of any size costs a few tens of MiB.
    try:
        body, warnings = capped.read(record.content_stream())
    except zlib.error:
        return Document(input=where, url=url, crawled=crawled, error="the archived response does not decompress")
    _, charset = mediatypes.parse(record.http_headers.get_header("Content-Type"))
    return Document(
        input=where,
        content=mediatypes.apply_charset(body, charset),
        kind="html",
        url=url,
        crawled=crawled,
        warnings=warnings,
    )
