"""The Store's logic, written once in the SQL that SQLite and PostgreSQL both read: `SQLStore`.

What an article becomes (its row, its outlet, its item rows), how a put decides between stored, replaced and
unchanged, and how tables are read back are the same whatever the database; `SQLiteStore` and `PostgresStore`
hold only what differs: opening the connection, the dialect (transactions, migration lock, DDL), full-text search.

The connection a store keeps in `_conn` reads `?` placeholders: sqlite3's own, or `postgres._Connection`, which
translates them for psycopg. Every statement here is plain SQL both accept: `?` parameters, ON CONFLICT,
RETURNING, row values in comparisons.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from dateline.article import Article

from . import migrations
from .base import Outcome, StoreError
from .records import (ARTICLE_COLUMNS, ITEM_TABLES, OUTLET_COLUMNS, Column, content_hash, item_rows, outlet_key,
                      search_text, value)

# Exported columns of the articles table: its own, with the outlet's name, domain and country joined in.
_ARTICLE_EXPORT = (
    Column("article_id", "int", ()),
    *(c for c in ARTICLE_COLUMNS if c.name != "text"),
    Column("outlet", "str", ()),
    Column("outlet_domain", "str", ()),
    Column("outlet_country", "str", ()),
    Column("ingested", "str", ()),
    Column("updated", "str", ()),
    Column("text", "str", ()),  # last: the long one
)
_ERROR_EXPORT = (
    Column("input", "str", ()), Column("message", "str", ()), Column("time", "str", ()),
    Column("attempts", "int", ()),
)
_ITEM_PREFIX = (
    Column("article_id", "int", ()), Column("url", "str", ()), Column("published", "str", ()),
    Column("idx", "int", ()),
)
_COUNTED = frozenset({"articles", "outlets", "sources", "errors", *ITEM_TABLES})
# Rows are read a page at a time, by key: memory stays flat on a large export, and no cursor is left open on
# the connection between pages (PostgreSQL would otherwise send the whole table at once).
_PAGE = 500
_WORD = re.compile(r"\w+")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLStore:
    """The Store protocol over a connection that reads `?` placeholders; subclasses open it and give the dialect.

    A subclass sets `_conn`, `location`, `target`, `read_only` and `dialect`, implements `_search`, and names in
    `_races` the errors a write may meet when another writer stored the same article at the same moment (its
    unique violation): `put` then tries once more, and finds the article stored.
    """

    location: str
    target: str
    read_only: bool = False
    dialect: migrations.Dialect = migrations.SQLITE
    _races: tuple[type[BaseException], ...] = ()

    # -- writing ---------------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self):
        if self.read_only:
            raise StoreError(f"{self.location} is open read-only")
        self._conn.execute(self.dialect.begin_write)
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def lookup(self, article: Article) -> tuple[Outcome, int | None]:
        return _lookup(self._conn, article, content_hash(article))

    def has_source(self, input: str, source_hash: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM sources WHERE input = ? AND source_hash = ?", (input, source_hash)
        ).fetchone()
        return row is not None

    def put(self, article: Article, *, source_hash: str | None = None) -> tuple[Outcome, int]:
        if article.error:
            raise ValueError(f"{article.input} failed ({article.error}); record it with record_error")
        digest = content_hash(article)
        try:
            return self._put(article, digest, source_hash)
        except self._races:
            # Another writer stored this content (or this URL) between our lookup and our insert, and its row
            # won; looked up again, the article is found: unchanged (or a new version of what it stored).
            return self._put(article, digest, source_hash)

    def _put(self, article: Article, digest: str, source_hash: str | None) -> tuple[Outcome, int]:
        with self._transaction() as conn:
            outcome, article_id = _lookup(conn, article, digest)
            if outcome is not Outcome.UNCHANGED:
                article_id = _write_article(conn, article, digest, article_id, self.dialect)
            if source_hash:
                conn.execute(
                    "INSERT INTO sources (input, source_hash, article_id, seen) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (input, source_hash) DO NOTHING",
                    (article.input, source_hash, article_id, now()),
                )
            conn.execute("DELETE FROM errors WHERE input = ?", (article.input,))
        return outcome, article_id

    def record_error(self, input: str, message: str) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO errors (input, message, time) VALUES (?, ?, ?) ON CONFLICT (input) DO UPDATE SET "
                "message = excluded.message, time = excluded.time, attempts = errors.attempts + 1",
                (input, message, now()),
            )

    def _migrate(self) -> None:
        migrations.migrate(self._conn, reindex=reindex, dialect=self.dialect)

    def _check_schema(self) -> None:
        """For a read-only opening: the schema must be the latest (or lack only steps that change nothing in this
        database), since nothing may migrate it."""
        version = migrations.current_version(self._conn, self.dialect)
        if not migrations.readable(version, self.dialect):
            raise StoreError(f"{self.location} has schema version {version}, this dateline reads {migrations.LATEST}: "
                             f"`dateline ingest` or `dateline export` with `--db {self.location}` upgrades it")

    # -- reading ---------------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        return migrations.current_version(self._conn, self.dialect)

    def article(self, article_id: int) -> dict | None:
        row = self._conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def articles(self) -> Iterator[tuple[int, dict]]:
        for article_id, data in self._pages("SELECT id, data FROM articles", ("id",), (0,)):
            yield article_id, json.loads(data)

    def search(self, query: str, limit: int = 20) -> list[dict]:
        # The query is words to find, never the database's search syntax, which could fail to parse.
        words = _WORD.findall(query)
        if not words:
            return []
        keys = ("article_id", "url", "title", "published", "snippet")
        return [dict(zip(keys, row)) for row in self._search(words, limit)]

    def _search(self, words: list[str], limit: int) -> list[tuple]:
        """(id, url, title, published, snippet with the words in [brackets]) of the articles that have every
        word in their title or text, best first."""
        raise NotImplementedError

    def count(self, table: str) -> int:
        if table not in _COUNTED:
            raise ValueError(f"no table {table!r}")
        return self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def columns(self, table: str) -> list[Column]:
        if table == "articles":
            return list(_ARTICLE_EXPORT)
        if table == "errors":
            return list(_ERROR_EXPORT)
        if table in ITEM_TABLES:
            return [*_ITEM_PREFIX, *ITEM_TABLES[table]]
        raise ValueError(f"no table {table!r}")

    def rows(self, table: str) -> Iterator[dict]:
        columns = self.columns(table)
        if table == "articles":
            own = ", ".join(f"a.{c.name}" for c in ARTICLE_COLUMNS if c.name != "text")
            sql = (f"SELECT a.id, {own}, o.name, o.domain, o.country, a.ingested, a.updated, a.text "
                   "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id")
            rows = self._pages(sql, ("a.id",), (0,))
        elif table == "errors":
            rows = self._pages("SELECT input, message, time, attempts, id FROM errors", ("id",), (4,))
        else:
            own = ", ".join(f"t.{c.name}" for c in ITEM_TABLES[table])
            sql = (f"SELECT t.article_id, a.url, a.published, t.idx, {own} FROM {table} t "
                   "JOIN articles a ON a.id = t.article_id")
            rows = self._pages(sql, ("t.article_id", "t.idx"), (0, 3))
        for row in rows:
            yield {c.name: (json.loads(v) if c.type == "json" and v is not None else v) for c, v in zip(columns, row)}

    def _pages(self, select: str, key: tuple[str, ...], at: tuple[int, ...]) -> Iterator[tuple]:
        """The rows of `select` in the order of its unique `key` columns, fetched _PAGE at a time; `at` says where
        in a row the key's values stand."""
        order = ", ".join(key)
        page = self._conn.execute(f"{select} ORDER BY {order} LIMIT {_PAGE}").fetchall()
        while True:
            yield from page
            if len(page) < _PAGE:
                return
            after = tuple(page[-1][i] for i in at)
            marks = ", ".join("?" for _ in key)
            page = self._conn.execute(f"{select} WHERE ({order}) > ({marks}) ORDER BY {order} LIMIT {_PAGE}",
                                      after).fetchall()

    def query(self, sql: str, params: tuple | list = ()) -> list[dict]:
        cursor = self._conn.execute(sql, tuple(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def close(self) -> None:
        self._conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _lookup(conn, article: Article, digest: str) -> tuple[Outcome, int | None]:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
    if row:
        return Outcome.UNCHANGED, row[0]
    if article.url:
        row = conn.execute("SELECT id FROM articles WHERE url = ?", (article.url,)).fetchone()
        if row:
            return Outcome.REPLACED, row[0]
    return Outcome.STORED, None


def _write_article(conn, article: Article, digest: str, article_id: int | None,
                   dialect: migrations.Dialect = migrations.SQLITE) -> int:
    """Insert the article (article_id None) or overwrite the stored one in place, keeping its id."""
    data = article.to_dict()
    outlet_id = _outlet_id(conn, data.get("outlet"))
    own = {c.name: (digest if c.name == "content_hash" else value(data, c)) for c in ARTICLE_COLUMNS}
    own.update(outlet_id=outlet_id, data=json.dumps(data, ensure_ascii=False), updated=now())
    if dialect.search_text:
        own["search_text"] = search_text(data)
    if article_id is None:
        own["ingested"] = own["updated"]
        names = ", ".join(own)
        marks = ", ".join("?" for _ in own)
        article_id = conn.execute(
            f"INSERT INTO articles ({names}) VALUES ({marks}) RETURNING id", tuple(own.values())
        ).fetchone()[0]
    else:
        assignments = ", ".join(f"{name} = ?" for name in own)
        conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*own.values(), article_id))
    _write_items(conn, article_id, data)
    return article_id


def _write_items(conn, article_id: int, data: dict) -> None:
    for table, columns in ITEM_TABLES.items():
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        rows = item_rows(data, table)
        if rows:
            names = ", ".join(("article_id", "idx", *(c.name for c in columns), "data"))
            marks = ", ".join("?" for _ in range(len(columns) + 3))
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [(article_id, *r) for r in rows])


def _outlet_id(conn, outlet: dict | None) -> int | None:
    key = outlet_key(outlet)
    if key is None:
        return None
    # Booleans as 0/1: the column is an INTEGER in both databases (SQLite has no other kind).
    own = {c.name: (int(v) if isinstance(v := value(outlet, c), bool) else v) for c in OUTLET_COLUMNS}
    names = ", ".join(("key", *own, "data"))
    marks = ", ".join("?" for _ in range(len(own) + 2))
    updates = ", ".join(f"{name} = excluded.{name}" for name in (*own, "data"))
    return conn.execute(
        f"INSERT INTO outlets ({names}) VALUES ({marks}) ON CONFLICT (key) DO UPDATE SET {updates} RETURNING id",
        # Without `evidence`: that is what identified it in one article, and stays in that article's JSON.
        (key, *own.values(), json.dumps({k: v for k, v in outlet.items() if k != "evidence"}, ensure_ascii=False)),
    ).fetchone()[0]


def reindex(conn) -> None:
    """Rebuild every article's item rows from its stored JSON (a migration that changed the item tables)."""
    for article_id, data in conn.execute("SELECT id, data FROM articles ORDER BY id").fetchall():
        _write_items(conn, article_id, json.loads(data))
