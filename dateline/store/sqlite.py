"""The default store: one SQLite file (WAL, so readers never wait on the batch writing), FTS5 for search.

What SQLite does its own way is here: opening the file, its pragmas and FTS5. The rest, shared with PostgreSQL,
is `sql.SQLStore`.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from . import migrations
from .base import StoreError
from .sql import SQLStore

# How long a writer waits for another to finish before giving up (sqlite3 sets it as the busy timeout).
_BUSY_SECONDS = 30.0


class SQLiteStore(SQLStore):
    """The Store in one SQLite file. Open it with `open_store(path)`; one per thread (sqlite3's rule).

    Writers queue on SQLite's one write lock (BEGIN IMMEDIATE, 30 s busy timeout), so two never race."""

    dialect = migrations.SQLITE

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False):
        self.location = self.target = str(path)
        self.read_only = read_only
        if not create and not Path(path).is_file():
            raise StoreError(f"no dateline database at {path}")
        try:
            # Autocommit mode: the transactions are explicit, one per article.
            if read_only:
                uri = Path(path).resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_SECONDS)
            else:
                self._conn = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_SECONDS)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open {path}: {error}") from None
        try:
            if read_only:
                self._check_schema()
                return
            self._conn.execute("PRAGMA foreign_keys = ON")
            # WAL: a reader (an export, the web view, a test polling) never blocks the writer, and a process
            # killed mid-write leaves the last committed article intact. NORMAL sync is durable against a
            # killed process, which is what a batch meets; only a power cut can lose the last few commits.
            self._use_wal()
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise StoreError(f"cannot use {path} as a dateline database: {error}") from None
        except BaseException:
            self._conn.close()
            raise

    def _use_wal(self) -> None:
        # Switching a new file to WAL needs it alone for a moment, and SQLite answers "locked" at once rather
        # than wait (no busy handler there): processes opening a new store together (a batch's workers) take
        # turns here for as long as a write would wait.
        deadline = time.monotonic() + _BUSY_SECONDS
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _search(self, words: list[str], limit: int) -> list[tuple]:
        # Each word quoted: FTS5 reads it as a word to find, never as syntax.
        match = " ".join(f'"{word}"' for word in words)
        return self._conn.execute(
            "SELECT a.id, a.url, a.title, a.published, snippet(articles_fts, 1, '[', ']', '…', 12) "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
