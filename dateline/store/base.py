"""What every store does, whatever database is behind it: the interface the batch, exports and API use."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Protocol

from dateline.article import Article

from .records import Column


class Outcome(str, Enum):
    STORED = "stored"  # a new article
    REPLACED = "replaced"  # a new version (other content) of an article stored at the same URL; it keeps its id
    UNCHANGED = "unchanged"  # the same content is already stored (same title and text, from any input or URL)


class StoreError(RuntimeError):
    """The store can't be opened or used; the message says why, for the user."""


class Store(Protocol):
    """A place articles are kept: one SQLite file (SQLiteStore) or a PostgreSQL database (PostgresStore), behind
    the same calls, with the same tables (both are `sql.SQLStore`).

    Writes are atomic per article: an article, its items and the input it came from are stored together or not
    at all, so a batch killed at any point loses at most the article it was writing. Several writers may share
    a store (each with its own store object): the same article put by two at once is stored once, and the
    second is told UNCHANGED.
    """

    location: str  # the store, for messages: a path, or a URL with its password masked
    target: str  # what open_store reads to open this store again (a worker's own connection): a URL keeps its
    # password here, so never print it

    def schema_version(self) -> int: ...

    def has_source(self, input: str, source_hash: str) -> bool:
        """Did this input, with this content, already give an article? (A resumed batch skips it.)"""

    def lookup(self, article: Article) -> tuple[Outcome, int | None]:
        """What `put` would do with the article, and the id of the stored article it matches; writes nothing.

        Decided from content and URL alone, so it can be asked before the expensive parse."""

    def put(self, article: Article, *, source_hash: str | None = None) -> tuple[Outcome, int]:
        """Store the article (or note that it is already stored), record the input it came from, and clear any
        earlier error of that input. An article with an error is refused (ValueError): use `record_error`."""

    def record_error(self, input: str, message: str) -> None:
        """Record why an input failed; one row per input, the latest reason. (A store opened read-only refuses
        this and `put` with a StoreError.)"""

    def article(self, article_id: int) -> dict | None:
        """The stored article object (the contract's JSON), or None."""

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Articles whose title or text has every word of `query`, best first:
        {article_id, url, title, published, snippet}."""

    def count(self, table: str) -> int: ...

    def columns(self, table: str) -> list[Column]:
        """The columns `rows(table)` yields, with their types: articles, errors, or an item table."""

    def rows(self, table: str) -> Iterator[dict]:
        """Every row of a table, in storage order, JSON columns decoded; item rows carry their article's id,
        url and published date."""

    def articles(self) -> Iterator[tuple[int, dict]]:
        """(article id, stored article object) for every article, in id order."""

    def query(self, sql: str, params: tuple | list = ()) -> list[dict]:
        """Rows of a read-only SELECT written in the SQL both databases read, with `?` placeholders (the
        API's and the web view's queries, `dateline/store/queries.py`): each row a dict by column name.
        A `%` in the SQL is text (a LIKE pattern), on PostgreSQL too; PostgreSQL runs it in a read-only
        transaction."""

    def close(self) -> None: ...
