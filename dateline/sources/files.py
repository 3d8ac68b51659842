"""Local inputs: files by extension, folders walked in name order, and stdin."""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from . import capped, feeds, jsonl, warc
from .document import Document
from .web import Fetcher

# What a folder walk takes; a file named explicitly is read whatever its extension. Feeds are left out of
# walks: reading one fetches its entries from the network, which a user must ask for by naming the feed.
KNOWN_EXTENSIONS = (".html", ".htm", ".html.gz", ".txt", ".jsonl", ".warc", ".warc.gz")
_FEED_EXTENSIONS = (".xml", ".rss", ".atom")


def stdin_document() -> Document:
    if sys.stdin is None:  # started with standard input closed, as some schedulers do
        return Document(input="-", error="no standard input to read")
    data, warnings = capped.read(sys.stdin.buffer)
    return Document(input="-", content=data, kind="auto", warnings=warnings)


def path_documents(name: str, fetcher: Fetcher) -> Iterator[Document]:
    """A file or a folder named by the user."""
    path = Path(name)
    if path.is_dir():
        yield from _folder_documents(path, name, fetcher)
    elif not path.exists():
        yield Document(input=name, error=f"no such file: {name}")
    else:
        yield from _file_documents(path, name, fetcher)


def _folder_documents(folder: Path, name: str, fetcher: Fetcher) -> Iterator[Document]:
    found = False
    for document in _walk(folder, fetcher):
        found = True
        yield document
    if not found:
        yield Document(
            input=name, error=f"no usable files in the folder {name} (looked for {', '.join(KNOWN_EXTENSIONS)})"
        )


def _walk(folder: Path, fetcher: Fetcher) -> Iterator[Document]:
    """Files with a known extension, depth first, each folder's entries sorted by name.

    Names starting with "." (.git, editor droppings) are skipped, and symlinked folders are not entered, so a
    link loop can't make the walk endless. An unreadable subfolder is reported and the walk goes on.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield _os_error(str(folder), exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry, fetcher)
        elif entry.name.lower().endswith(KNOWN_EXTENSIONS) and entry.is_file():
            yield from _file_documents(entry, str(entry), fetcher)


def _file_documents(path: Path, name: str, fetcher: Fetcher) -> Iterator[Document]:
    lower = path.name.lower()
    try:
        if lower.endswith((".warc", ".warc.gz")):
            yield from warc.documents(path, name)
        elif lower.endswith(".jsonl"):
            yield from jsonl.documents(path, name)
        elif lower.endswith(_FEED_EXTENSIONS):
            with open(path, "rb") as f:
                data, warnings = capped.read(f)
            yield from feeds.feed_documents(name, data, fetcher.page, warnings=warnings)
        elif lower.endswith(".html.gz"):
            yield _gzip_document(path, name)
        else:
            with open(path, "rb") as f:
                data, warnings = capped.read(f)
            kind = "html" if lower.endswith((".html", ".htm")) else "auto"
            yield Document(input=name, content=data, kind=kind, warnings=warnings)
    except OSError as exc:
        yield _os_error(name, exc)


def _gzip_document(path: Path, name: str) -> Document:
    # gzip reads decompress in bounded steps, so capped.read stops a bomb after MAX_INPUT_BYTES of output.
    try:
        with gzip.open(path, "rb") as f:
            data, warnings = capped.read(f)
    except (gzip.BadGzipFile, EOFError, zlib.error):
        return Document(input=name, error=f"{name} is not a valid (or is a truncated) gzip file")
    return Document(input=name, content=data, kind="html", warnings=warnings)


def _os_error(name: str, exc: OSError) -> Document:
    if isinstance(exc, FileNotFoundError):
        return Document(input=name, error=f"no such file: {name}")
    if isinstance(exc, PermissionError):
        return Document(input=name, error=f"permission denied: {name}")
    return Document(input=name, error=f"could not read {name}: {exc.strerror or exc}")
