"""The SQLite schema, as ordered migration steps. A database records the steps applied in `schema_version`.

Rules: a step, once released, never changes; a new table or column is a new step at the end. A step that changes
the item tables sets `reindex`, and the item rows are then rebuilt from each article's stored JSON (the record of
truth) once all steps are applied. SQL is kept to what PostgreSQL also reads where that costs nothing (TEXT,
INTEGER, REAL, ON CONFLICT, RETURNING); FTS5 is SQLite's own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from .base import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    reindex: bool = False  # rebuild the item rows from the articles' JSON after migrating


def _item_table(name: str, columns: str) -> tuple[str, ...]:
    return (
        f"""CREATE TABLE {name} (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            {columns},
            data TEXT NOT NULL,
            UNIQUE (article_id, idx)
        )""",
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, outlets, the inputs they came from, errors", (
        """CREATE TABLE outlets (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT, domain TEXT, country TEXT, ownership TEXT, state_affiliated INTEGER, kind TEXT,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            input TEXT NOT NULL,
            doc_id TEXT,
            url TEXT UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            outlet_id INTEGER REFERENCES outlets(id),
            published TEXT,
            title TEXT,
            language TEXT,
            text TEXT NOT NULL,
            warnings TEXT NOT NULL,
            data TEXT NOT NULL,
            ingested TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_outlet ON articles (outlet_id)",
        # Every input that gave an article (or the same article again): what a resumed batch skips.
        """CREATE TABLE sources (
            input TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seen TEXT NOT NULL,
            PRIMARY KEY (input, source_hash)
        )""",
        "CREATE INDEX sources_article ON sources (article_id)",
        # The inputs that failed, one row each, the latest reason; cleared when the input later succeeds.
        """CREATE TABLE errors (
            id INTEGER PRIMARY KEY,
            input TEXT NOT NULL UNIQUE,
            message TEXT NOT NULL,
            time TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1
        )""",
    )),
    Migration(2, "what the stages find: actors, mentions, entities, quotes, places, events", (
        *_item_table("actors", "actor TEXT, name TEXT, kind TEXT, country TEXT, sector TEXT, role TEXT, "
                               "aliases TEXT, wikidata TEXT, mentions INTEGER"),
        "CREATE INDEX actors_actor ON actors (actor)",
        *_item_table("mentions", "span_start INTEGER, span_end INTEGER, text TEXT, kind TEXT, actor TEXT"),
        "CREATE INDEX mentions_actor ON mentions (actor)",
        *_item_table("entities", "span_start INTEGER, span_end INTEGER, text TEXT, label TEXT, actor TEXT"),
        *_item_table("quotes", "span_start INTEGER, span_end INTEGER, text TEXT, kind TEXT, "
                               "cue_start INTEGER, cue_end INTEGER, cue_text TEXT, "
                               "speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT, speaker_actor TEXT"),
        "CREATE INDEX quotes_speaker ON quotes (speaker_actor)",
        *_item_table("places", "span_start INTEGER, span_end INTEGER, text TEXT, name TEXT, geonameid INTEGER, "
                               "lat REAL, lon REAL, country TEXT, feature TEXT"),
        "CREATE INDEX places_geonameid ON places (geonameid)",
        *_item_table("events", "type TEXT, mode TEXT, context TEXT, source TEXT, target TEXT, place INTEGER, "
                               "date TEXT, date_precision TEXT, sentence_start INTEGER, sentence_end INTEGER, "
                               "trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT, quote INTEGER, "
                               "cameo TEXT, confidence REAL"),
        "CREATE INDEX events_type ON events (type)",
        "CREATE INDEX events_date ON events (date)",
    ), reindex=True),
    Migration(3, "full-text search over titles and texts (FTS5)", (
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END""",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END""",
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",  # index what older databases hold
    )),
)

LATEST = MIGRATIONS[-1].version


class SchemaTooNew(StoreError):
    pass


def current_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]


def migrate(
    conn: sqlite3.Connection, target: int = LATEST, reindex: Callable[[sqlite3.Connection], None] | None = None
) -> list[Migration]:
    """Apply the steps the database lacks, up to `target`, in one transaction; return those applied.

    `reindex(conn)` rebuilds the item rows; it runs in the same transaction when an applied step asks for it
    and the schema is then the latest (the rows are made for the latest tables). `conn` must be in autocommit
    mode (isolation_level=None): the transaction is ours.
    """
    conn.execute("BEGIN IMMEDIATE")  # one migrating process at a time; the others wait, then find it done
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
            "applied TEXT NOT NULL)"
        )
        version = current_version(conn)
        if version > LATEST:
            raise SchemaTooNew(
                f"the database has schema version {version}, newer than this dateline knows ({LATEST}): "
                "upgrade dateline to use it"
            )
        applied = []
        for step in MIGRATIONS:
            if version < step.version <= target:
                for statement in step.statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)",
                    (step.version, step.description, datetime.now(timezone.utc).isoformat(timespec="seconds")),
                )
                applied.append(step)
        if reindex and target == LATEST and any(step.reindex for step in applied):
            reindex(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return applied
