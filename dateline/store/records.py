"""What the store keeps of an Article, as plain rows: the same for every database behind the Store.

Each list of the Article (actors, mentions, entities, quotes, places, events) becomes one table with a row per
item: the columns below, read from the item by path, plus the item itself as JSON (`data`), so nothing a stage
adds is lost before the schema grows a column for it. The lists that are empty today (quotes, places, events)
fill as their stages land; nothing here changes then.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dateline.article import Article
from dateline.sources.document import Document


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # "int", "float", "str", "bool" or "json" (a list or object, kept as JSON text)
    path: tuple[str, ...]  # where the value sits in the item: ("cue", "start") is item["cue"]["start"]


def _span(prefix: str = "", at: tuple[str, ...] = ()) -> tuple[Column, ...]:
    # `start` and `end` are reserved words in SQL (END closes a CASE), so spans are stored as span_start/span_end.
    start, end = (f"{prefix}_start", f"{prefix}_end") if prefix else ("span_start", "span_end")
    return Column(start, "int", (*at, "start")), Column(end, "int", (*at, "end"))


# The item tables, named as the Article's lists. Column names are the contract's field names, but for spans
# (see _span) and `actor`, which names the actor's id in this article.
ITEM_TABLES: dict[str, tuple[Column, ...]] = {
    "actors": (
        Column("actor", "str", ("id",)),
        Column("name", "str", ("name",)),
        Column("kind", "str", ("kind",)),
        Column("country", "str", ("country",)),
        Column("sector", "str", ("sector",)),
        Column("role", "str", ("role",)),
        Column("aliases", "json", ("aliases",)),
        Column("wikidata", "str", ("wikidata",)),
        Column("mentions", "int", ("mentions",)),
    ),
    "mentions": (
        *_span(),
        Column("text", "str", ("text",)),
        Column("kind", "str", ("kind",)),
        Column("actor", "str", ("actor",)),
    ),
    "entities": (
        *_span(),
        Column("text", "str", ("text",)),
        Column("label", "str", ("label",)),
        Column("actor", "str", ("actor",)),
    ),
    "quotes": (
        *_span(),
        Column("text", "str", ("text",)),
        Column("kind", "str", ("kind",)),
        *_span("cue", ("cue",)),
        Column("cue_text", "str", ("cue", "text")),
        *_span("speaker", ("speaker",)),
        Column("speaker_text", "str", ("speaker", "text")),
        Column("speaker_actor", "str", ("speaker", "actor")),
    ),
    "places": (
        *_span(),
        Column("text", "str", ("text",)),
        Column("name", "str", ("name",)),
        Column("geonameid", "int", ("geonameid",)),
        Column("lat", "float", ("lat",)),
        Column("lon", "float", ("lon",)),
        Column("country", "str", ("country",)),
        Column("feature", "str", ("feature",)),
    ),
    "events": (
        Column("type", "str", ("type",)),
        Column("mode", "str", ("mode",)),
        Column("context", "json", ("context",)),
        Column("source", "json", ("source",)),
        Column("target", "json", ("target",)),
        Column("place", "int", ("place",)),
        Column("date", "str", ("date",)),
        Column("date_precision", "str", ("date_precision",)),
        *_span("sentence", ("sentence",)),
        *_span("trigger", ("trigger",)),
        Column("trigger_text", "str", ("trigger", "text")),
        Column("quote", "int", ("quote",)),
        Column("cameo", "str", ("cameo",)),
        Column("confidence", "float", ("confidence",)),
    ),
}

# The articles table's own columns (besides id, outlet_id and the times), in the order a reader scans them.
ARTICLE_COLUMNS: tuple[Column, ...] = (
    Column("input", "str", ("input",)),
    Column("doc_id", "str", ("id",)),
    Column("url", "str", ("url",)),
    Column("content_hash", "str", ()),
    Column("published", "str", ("published",)),
    Column("title", "str", ("title",)),
    Column("language", "str", ("language",)),
    Column("text", "str", ("text",)),
    Column("warnings", "json", ("warnings",)),
)

OUTLET_COLUMNS: tuple[Column, ...] = (
    Column("name", "str", ("name",)),
    Column("domain", "str", ("domain",)),
    Column("country", "str", ("country",)),
    Column("ownership", "str", ("ownership",)),
    Column("state_affiliated", "bool", ("state_affiliated",)),
    Column("kind", "str", ("kind",)),
)


def content_hash(article: Article) -> str:
    """The article's identity as content: its title and clean text. Same text, same findings; so re-ingesting
    it, from any input or URL, changes nothing."""
    return _sha256(f"{article.title or ''}\n\n{article.text}".encode("utf-8"))


def source_hash(document: Document, options: str = "") -> str:
    """The input as read, before any extraction, with the options that change what is made of it (`--as`,
    `--url`, `--date`): what a resumed batch compares to skip an input without extracting or parsing it again."""
    content = document.content.encode("utf-8") if isinstance(document.content, str) else document.content
    return _sha256(options.encode("utf-8") + b"\0" + content)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def value(item: dict, column: Column):
    """The column's value in `item`, as the column's type; None when absent or of another kind."""
    found = item
    for key in column.path:
        if not isinstance(found, dict):
            return None
        found = found.get(key)
    return coerce(found, column.type)


def coerce(found, kind: str):
    if found is None:
        return None
    if kind == "json":
        return json.dumps(found, ensure_ascii=False)
    if kind == "bool":
        return bool(found)
    if kind in ("int", "float"):
        if isinstance(found, bool):
            return int(found)
        try:
            return int(found) if kind == "int" else float(found)
        except (TypeError, ValueError):
            return None
    # A text column that meets a list or object (a stage that grew a field): keep it readable, as JSON.
    return found if isinstance(found, str) else json.dumps(found, ensure_ascii=False)


def item_rows(article_dict: dict, table: str) -> list[tuple]:
    """(idx, *columns, data) for each item of the article's list `table`."""
    columns = ITEM_TABLES[table]
    items = article_dict.get(table) or []
    return [
        (idx, *(value(item, c) for c in columns), json.dumps(item, ensure_ascii=False))
        for idx, item in enumerate(items)
        if isinstance(item, dict)
    ]


def outlet_key(outlet: dict | None) -> str | None:
    """How outlets are told apart: by domain, else by name."""
    if not isinstance(outlet, dict):
        return None
    return outlet.get("domain") or outlet.get("name") or None


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
    if len(folded) != 1:  # a ligature or a letter that lowers to two ("ﬁ", "İ"): kept, lower-cased if it can be
        lowered = char.lower()
        return lowered if len(lowered) == 1 else char
    return _MARKS.get(folded, folded)


# The brackets that mark the words found in a search snippet never occur in folded text: a bracket of the text
# is folded to a parenthesis, so a snippet's brackets are always the marks.
_MARKS = {"[": "(", "]": ")"}


def fold(text: str) -> str:
    """`text` as search reads it: lower case, without accents ("São Paulo" -> "sao paulo"), as SQLite's FTS5
    tokenizer (unicode61 remove_diacritics) reads it. One character for one, so an offset into the folded text
    is the same offset into `text`: the search snippet is cut from the folded text and shown from the original."""
    return "".join(map(_fold_char, text))


def search_text(data: dict) -> str:
    """What PostgreSQL's search indexes of an article (the `search_text` column): its title and text, folded,
    on two lines; the text starts after the title's length and its newline."""
    return fold(data.get("title") or "") + "\n" + fold(data.get("text") or "")
