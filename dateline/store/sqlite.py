"""The default store: one SQLite file (WAL, so readers never wait on the batch writing), FTS5 for search."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from dateline.article import Article

from . import migrations
from .base import Outcome, StoreError
from .records import (
    ARTICLE_COLUMNS, ITEM_TABLES, OUTLET_COLUMNS, Column, content_hash, item_rows, outlet_key, value,
)

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
_WORD = re.compile(r"\w+")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLiteStore:
    """The Store in one SQLite file. Open it with `open_store(path)`; one per thread (sqlite3's rule)."""

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False):
        self.location = str(path)
        if not create and not Path(path).is_file():
            raise StoreError(f"no dateline database at {path}")
        try:
            # Autocommit mode: the transactions are explicit below, one per article.
            if read_only:
                uri = Path(path).resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0)
            else:
                self._conn = sqlite3.connect(path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open {path}: {error}") from None
        if read_only:
            self._check_schema()
            return
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 30000")
            # WAL: a reader (an export, the web view, a test polling) never blocks the writer, and a process
            # killed mid-write leaves the last committed article intact. NORMAL sync is durable against a
            # killed process, which is what a batch meets; only a power cut can lose the last few commits.
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            migrations.migrate(self._conn, reindex=_reindex)
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise StoreError(f"cannot use {path} as a dateline database: {error}") from None
        except BaseException:
            self._conn.close()
            raise

    def _check_schema(self) -> None:
        try:
            version = migrations.current_version(self._conn)
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise StoreError(f"cannot use {self.location} as a dateline database: {error}") from None
        if version != migrations.LATEST:
            self._conn.close()
            raise StoreError(f"{self.location} has schema version {version}, this dateline reads {migrations.LATEST}: "
                             f"`dateline ingest` or `dateline export` with `--db {self.location}` upgrades it")

    # -- writing ---------------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self):
        self._conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
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
        with self._transaction() as conn:
            outcome, article_id = _lookup(conn, article, digest)
            if outcome is not Outcome.UNCHANGED:
                article_id = _write_article(conn, article, digest, article_id)
            if source_hash:
                conn.execute(
                    "INSERT INTO sources (input, source_hash, article_id, seen) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (input, source_hash) DO NOTHING",
                    (article.input, source_hash, article_id, _now()),
                )
            conn.execute("DELETE FROM errors WHERE input = ?", (article.input,))
        return outcome, article_id

    def record_error(self, input: str, message: str) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO errors (input, message, time) VALUES (?, ?, ?) ON CONFLICT (input) DO UPDATE SET "
                "message = excluded.message, time = excluded.time, attempts = errors.attempts + 1",
                (input, message, _now()),
            )

    # -- reading ---------------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        return migrations.current_version(self._conn)

    def article(self, article_id: int) -> dict | None:
        row = self._conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def articles(self) -> Iterator[tuple[int, dict]]:
        for article_id, data in self._conn.execute("SELECT id, data FROM articles ORDER BY id"):
            yield article_id, json.loads(data)

    def search(self, query: str, limit: int = 20) -> list[dict]:
        # Each word quoted: the query is words to find, never FTS5 syntax that could fail to parse.
        words = _WORD.findall(query)
        if not words:
            return []
        match = " ".join(f'"{word}"' for word in words)
        rows = self._conn.execute(
            "SELECT a.id, a.url, a.title, a.published, snippet(articles_fts, 1, '[', ']', '…', 12) "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        keys = ("article_id", "url", "title", "published", "snippet")
        return [dict(zip(keys, row)) for row in rows]

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
                   "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id")
        elif table == "errors":
            sql = "SELECT input, message, time, attempts FROM errors ORDER BY id"
        else:
            own = ", ".join(f"t.{c.name}" for c in ITEM_TABLES[table])
            sql = (f"SELECT t.article_id, a.url, a.published, t.idx, {own} FROM {table} t "
                   "JOIN articles a ON a.id = t.article_id ORDER BY t.article_id, t.idx")
        for row in self._conn.execute(sql):
            yield {c.name: (json.loads(v) if c.type == "json" and v is not None else v) for c, v in zip(columns, row)}

    def query(self, sql: str, params: tuple | list = ()) -> list[dict]:
        cursor = self._conn.execute(sql, tuple(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _lookup(conn: sqlite3.Connection, article: Article, digest: str) -> tuple[Outcome, int | None]:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
    if row:
        return Outcome.UNCHANGED, row[0]
    if article.url:
        row = conn.execute("SELECT id FROM articles WHERE url = ?", (article.url,)).fetchone()
        if row:
            return Outcome.REPLACED, row[0]
    return Outcome.STORED, None


def _write_article(conn: sqlite3.Connection, article: Article, digest: str, article_id: int | None) -> int:
    """Insert the article (article_id None) or overwrite the stored one in place, keeping its id."""
    data = article.to_dict()
    outlet_id = _outlet_id(conn, data.get("outlet"))
    own = {c.name: (digest if c.name == "content_hash" else value(data, c)) for c in ARTICLE_COLUMNS}
    own.update(outlet_id=outlet_id, data=json.dumps(data, ensure_ascii=False), updated=_now())
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


def _write_items(conn: sqlite3.Connection, article_id: int, data: dict) -> None:
    for table, columns in ITEM_TABLES.items():
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        rows = item_rows(data, table)
        if rows:
            names = ", ".join(("article_id", "idx", *(c.name for c in columns), "data"))
            marks = ", ".join("?" for _ in range(len(columns) + 3))
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [(article_id, *r) for r in rows])


def _outlet_id(conn: sqlite3.Connection, outlet: dict | None) -> int | None:
    key = outlet_key(outlet)
    if key is None:
        return None
    own = {c.name: value(outlet, c) for c in OUTLET_COLUMNS}
    names = ", ".join(("key", *own, "data"))
    marks = ", ".join("?" for _ in range(len(own) + 2))
    updates = ", ".join(f"{name} = excluded.{name}" for name in (*own, "data"))
    return conn.execute(
        f"INSERT INTO outlets ({names}) VALUES ({marks}) ON CONFLICT (key) DO UPDATE SET {updates} RETURNING id",
        # Without `evidence`: that is what identified it in one article, and stays in that article's JSON.
        (key, *own.values(), json.dumps({k: v for k, v in outlet.items() if k != "evidence"}, ensure_ascii=False)),
    ).fetchone()[0]


def _reindex(conn: sqlite3.Connection) -> None:
    """Rebuild every article's item rows from its stored JSON (a migration that changed the item tables)."""
    for article_id, data in conn.execute("SELECT id, data FROM articles ORDER BY id").fetchall():
        _write_items(conn, article_id, json.loads(data))
