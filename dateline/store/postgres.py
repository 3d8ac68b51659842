"""The store on a PostgreSQL server (psycopg 3), for a store many machines share: `--db postgresql://...`.

The same tables, columns and schema versions as the SQLite store (JSON columns stay text), written by the same
code (`sql.SQLStore`); what is PostgreSQL's own is here: the connection, translating `?` placeholders for
psycopg, a read-only session, and search with a tsvector (an expression GIN index, `ts_headline` snippets).

Writers run side by side (a batch's workers on several machines): two putting the same article at the same
moment race to insert it, the unique index on its content hash lets one win, and the other, looked up again,
finds it unchanged. Migrations queue on an advisory lock of the schema. The schema is the connection's current
one: give `?options=-csearch_path%3Dnews` in the URL for a store in schema `news`.

Differences from SQLite: search ranks by ts_rank, not bm25 (both match words lower-cased and without accents:
SQLite's tokenizer folds them, here the Store writes the folded text, `search_text`, as it stores an article); a NUL character, which PostgreSQL's text can't hold, is stored as U+FFFD in the
columns (the article's JSON keeps it escaped).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import migrations
from .base import StoreError
from .records import fold
from .sql import SQLStore


def _snippet(marked: str, at: int, before: bool, lead: str | None, text: str, trail: str | None,
             after: bool) -> str:
    """The snippet in the article's own characters: `marked` is the headline of the folded text, the words found
    in [brackets], found at `at` (1-based; 0 if not found) where the article has `text`, one character for
    each of `marked`'s but the brackets (folded text has none of its own)."""
    if not at or len(text) != len(marked) - marked.count("[") - marked.count("]"):
        return marked
    chars = iter(text)
    shown = "".join(char if char in "[]" else next(chars) for char in marked)
    return ("…" if before else "") + (lead or "") + shown + (trail or "") + ("…" if after else "")


def mask_password(url: str) -> str:
    """The URL with its password, in the user part or as a `password=` parameter, replaced by ***."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    netloc, slash, tail = rest.partition("/")
    if "@" in netloc:
        userinfo, _, hosts = netloc.rpartition("@")
        user, colon, _ = userinfo.partition(":")
        netloc = f"{user}:***@{hosts}" if colon else netloc
    tail = re.sub(r"(?i)(\bpassword=)[^&#]*", r"\1***", tail)
    return f"{scheme}{sep}{netloc}{slash}{tail}"


def _password(url: str) -> str | None:
    netloc = url.partition("://")[2].partition("/")[0]
    userinfo = netloc.rpartition("@")[0]
    found = userinfo.partition(":")[2] or (re.search(r"(?i)\bpassword=([^&#]*)", url) or [None, None])[1]
    return found or None


@lru_cache(maxsize=512)
def placeholders(sql: str) -> str:
    """SQL written with `?` placeholders, as psycopg reads it: each `?` outside quotes and comments becomes
    `%s`, and every literal `%` (a LIKE pattern) is doubled, so psycopg does not read it as a placeholder."""
    out = []
    i, n = 0, len(sql)
    while i < n:
        char = sql[i]
        if char in "'\"":  # a string or a quoted name, to its closing quote ('' inside is a quote)
            end = sql.find(char, i + 1)
            while end != -1 and end + 1 < n and sql[end + 1] == char:
                end = sql.find(char, end + 2)
            end = n if end == -1 else end + 1
            out.append(sql[i:end].replace("%", "%%"))
            i = end
            continue
        if sql.startswith("--", i) or sql.startswith("/*", i):
            end = sql.find("\n" if char == "-" else "*/", i + 2)
            end = n if end == -1 else end + (1 if char == "-" else 2)
            out.append(sql[i:end].replace("%", "%%"))
            i = end
            continue
        out.append("%s" if char == "?" else "%%" if char == "%" else char)
        i += 1
    return "".join(out)


@lru_cache(maxsize=1)
def _nul_free_str():
    """psycopg's dumper of str, but that a NUL, which PostgreSQL's text can't hold, is sent as U+FFFD."""
    from psycopg.types.string import StrDumperUnknown

    class NulFreeStr(StrDumperUnknown):
        def dump(self, obj: str):
            return super().dump(obj.replace("\x00", "\ufffd"))

    return NulFreeStr


class _Connection:
    """A psycopg connection (autocommit: the store's transactions are explicit) that reads `?` placeholders,
    as sqlite3's does: what lets `sql.SQLStore` speak to both."""

    def __init__(self, conn):
        self.raw = conn

    def execute(self, sql: str, params: tuple | list = ()):
        # Parameters always given, even none: psycopg then reads `%%` as `%` in every statement alike.
        return self.raw.execute(placeholders(sql), tuple(params))

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(placeholders(sql), rows)

    def close(self) -> None:
        self.raw.close()


class PostgresStore(SQLStore):
    """The Store in a PostgreSQL database. Open it with `open_store("postgresql://user:password@host/db")`;
    one per thread (a psycopg connection runs one statement at a time). `location` is the URL, password masked,
    for messages; `target` the URL itself, to open the store again elsewhere.
    """

    dialect = migrations.POSTGRES

    def __init__(self, url: str, *, create: bool = True, read_only: bool = False):
        self.location = mask_password(url)
        self.target = url
        self.read_only = read_only
        try:
            import psycopg
        except ImportError:
            raise StoreError(f"{self.location} is a PostgreSQL store, which needs psycopg: "
                             "pip install psycopg[binary]") from None
        password = _password(url)

        def one_line(error: Exception) -> str:
            # libpq does not repeat a password, but a URL it can't parse it may: mask both, to be sure.
            message = "; ".join(line.strip() for line in str(error).splitlines() if line.strip())
            message = message.replace(url, self.location)
            return message.replace(password, "***") if password and len(password) > 3 else message

        options = {} if "connect_timeout" in url else {"connect_timeout": 10}
        try:
            raw = psycopg.connect(url, autocommit=True, application_name="dateline", **options)
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to {self.location}: {one_line(error)}") from None
        raw.adapters.register_dumper(str, _nul_free_str())
        self._conn = _Connection(raw)
        self._races = (psycopg.errors.UniqueViolation, psycopg.errors.DeadlockDetected)
        try:
            if read_only:
                # The session refuses every write, whatever is asked of it (the web view's queries included).
                raw.execute("SET default_transaction_read_only = on")
                self._check_schema()
            elif not create and migrations.current_version(self._conn, self.dialect) == 0:
                raise StoreError(f"no dateline database at {self.location}")
            else:
                self._migrate()
        except psycopg.Error as error:
            raw.close()
            raise StoreError(f"cannot use {self.location} as a dateline database: {one_line(error)}") from None
        except BaseException:
            raw.close()
            raise

    def _search(self, words: list[str], limit: int) -> list[tuple]:
        # plainto_tsquery: every word, read as a word (never tsquery syntax), folded as the stored search_text is
        # ("São" finds "Sao" and "sao" finds "São"). ts_headline reads the whole text, so the snippet is made
        # after the limit, for the rows returned only. It is cut from the folded text, which has the text's
        # offsets (`records.fold`), then shown from the text itself (`_snippet`); as SQLite's snippet, it keeps
        # the punctuation that touches its ends and is marked … where the text goes on.
        vector = migrations.POSTGRES_SEARCH_VECTOR
        rows = self._conn.execute(
            "SELECT id, url, title, published, h, at, "
            r"  at > 1 AND left(text, at - 1) ~ '\w', "
            r"  CASE WHEN at > 1 THEN substring(left(text, at - 1) from '[^\w\s]*$') END, "
            "   substr(text, at, length(plain)), "
            r"  substring(substr(text, at + length(plain)) from '^[^\w\s]*'), "
            r"  substr(text, at + length(plain)) ~ '\w' "
            "FROM (SELECT *, strpos(folded, plain) AS at FROM ("
            "  SELECT *, replace(replace(h, '[', ''), ']', '') AS plain FROM ("
            "    SELECT found.*, ts_headline('simple'::regconfig, folded, q, "
            "      'StartSel=[, StopSel=], MaxWords=12, MinWords=11, ShortWord=0, MaxFragments=1') AS h FROM ("
            "      SELECT a.id, a.url, a.title, a.published, a.text, q, "
            # The folded text: search_text after the folded title (as long as the title) and its newline.
            "        substr(a.search_text, length(COALESCE(a.title, '')) + 2) AS folded, "
            f"        ts_rank({vector}, q) AS rank "
            f"      FROM articles a, plainto_tsquery('simple'::regconfig, ?) AS q WHERE {vector} @@ q "
            "      ORDER BY rank DESC, a.id LIMIT ?) AS found) AS marked) AS plain) AS placed "
            "ORDER BY rank DESC, id",
            (fold(" ".join(words)), limit),
        ).fetchall()
        return [(*row[:4], _snippet(*row[4:])) for row in rows]

    def query(self, sql: str, params: tuple | list = ()) -> list[dict]:
        with self._conn.raw.transaction():
            self._conn.execute("SET TRANSACTION READ ONLY")  # what the API asks can only read
            return super().query(sql, params)
