"""The store: where analysed articles are kept, searched and exported from.

    with open_store("dateline.db") as store:
        outcome, article_id = store.put(article)
        store.search("Aleppo ceasefire")

SQLite by default (one file; `SQLiteStore`). Everything outside this package speaks to the `Store` protocol,
so another database (PostgreSQL, through psycopg 3) can sit behind the same calls.
"""

from __future__ import annotations

from pathlib import Path

from .base import Outcome, Store, StoreError
from .records import content_hash, source_hash
from .sqlite import SQLiteStore

__all__ = ["DEFAULT_PATH", "Outcome", "SQLiteStore", "Store", "StoreError", "content_hash", "open_store",
           "source_hash"]

DEFAULT_PATH = "dateline.db"


def open_store(target: str | Path = DEFAULT_PATH, *, create: bool = True, read_only: bool = False) -> SQLiteStore:
    """The store at `target`: a SQLite file path (created, with its schema, unless `create` is false).

    `read_only`: open an existing store for reading only (the web view): nothing is created or migrated, and
    a store whose schema is not the latest is refused with the command that upgrades it."""
    name = str(target)
    if name.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL stores are not supported yet; give the path of a SQLite file")
    if name.startswith("sqlite:///"):
        name = name[len("sqlite:///"):]
    return SQLiteStore(name, create=create and not read_only, read_only=read_only)
