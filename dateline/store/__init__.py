"""The store: where analysed articles are kept, searched and exported from.

    with open_store("dateline.db") as store:
        outcome, article_id = store.put(article)
        store.search("Aleppo ceasefire")

SQLite by default (one file; `SQLiteStore`), or PostgreSQL for a store several machines share
(`open_store("postgresql://user:password@host/db")`; `PostgresStore`, through psycopg 3). Everything outside
this package speaks to the `Store` protocol (`base.py`); both stores are `sql.SQLStore`, the logic written once,
with the same schema (`migrations.py`) and rows (`records.py`).
"""

from __future__ import annotations

from pathlib import Path

from .base import Outcome, Store, StoreError
from .records import content_hash, source_hash
from .postgres import PostgresStore, mask_password
from .sql import SQLStore
from .sqlite import SQLiteStore

__all__ = ["DEFAULT_PATH", "Outcome", "PostgresStore", "SQLStore", "SQLiteStore", "Store", "StoreError",
           "content_hash", "mask_password", "open_store", "source_hash"]

DEFAULT_PATH = "dateline.db"


def open_store(target: str | Path = DEFAULT_PATH, *, create: bool = True, read_only: bool = False) -> SQLStore:
    """The store at `target`: a SQLite file path (created, with its schema, unless `create` is false), or a
    PostgreSQL URL, `postgresql://user:password@host:port/database` (the database must exist; its schema is
    created unless `create` is false). psycopg is imported only then.

    `read_only`: open an existing store for reading only (the web view): nothing is created or migrated, a
    store whose schema is not the latest is refused with the command that upgrades it, and writes are refused
    (PostgreSQL: a read-only session)."""
    name = str(target)
    if name.startswith(("postgresql://", "postgres://")):
        return PostgresStore(name, create=create and not read_only, read_only=read_only)
    if name.startswith("sqlite:///"):
        name = name[len("sqlite:///"):]
    return SQLiteStore(name, create=create and not read_only, read_only=read_only)
