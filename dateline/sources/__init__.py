"""The sources layer: what the user names on the command line, turned into Documents.

    for document in iter_documents(["page.html", "https://example.org/feed.xml", "-"]):
        ...

Inputs are read in order and lazily. A bad input never raises: it yields a Document whose `error` is one
line the user can act on, and the batch goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from . import addresses, files
from .document import MAX_INPUT_BYTES, Document
from .web import Fetcher

__all__ = ["Document", "MAX_INPUT_BYTES", "iter_documents"]

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def iter_documents(inputs: Iterable[str], *, allow_private: bool = False) -> Iterator[Document]:
    """Documents from paths (files, folders), http(s) URLs (pages or feeds) and "-" (stdin), in input order.

    allow_private: let fetches reach private, loopback and link-local addresses (off by default, so that a
    URL, a redirect or a feed entry can't turn dateline into a probe of the user's own network).
    """
    fetcher = Fetcher(addresses.any_address if allow_private else addresses.is_public)
    try:
        for name in inputs:
            yield from _documents(name, fetcher)
    finally:
        fetcher.close()


def _documents(name: str, fetcher: Fetcher) -> Iterator[Document]:
    try:
        if name == "-":
            yield files.stdin_document()
        elif _URL.match(name):
            yield from fetcher.documents(name)  # it refuses file://, ftp:// and the like with a clear error
        else:
            yield from files.path_documents(name, fetcher)
    except Exception as exc:  # noqa: BLE001
        # Every failure we foresee has its own message above. This is for the ones we don't (a parser's
        # surprise on one odd input): it must not end a batch of thousands.
        yield Document(input=name, error=f"could not read {name}: {type(exc).__name__}: {exc}")
