"""Tables out of a store, one row per item: JSON Lines, CSV or Parquet.

    with open_store("news.db", create=False) as store:
        export(store, "events", "csv", "events.csv")

The tables are the store's (articles, errors and one per list of the Article: actors, mentions, entities,
quotes, places, events) and `gdelt`, the events laid out like GDELT's event table, one row per event.

Values by format: JSONL keeps lists and objects as they are; CSV and Parquet hold them as JSON text. In CSV an
empty cell is a missing value, booleans are `true`/`false`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from dateline.store import Store
from dateline.store.records import ITEM_TABLES, Column

FORMATS = ("jsonl", "csv", "parquet")
TABLES = ("articles", *ITEM_TABLES, "errors", "gdelt")
_PARQUET_BATCH = 5000  # rows per Parquet record batch: bounds memory on a large store


def export(store: Store, table: str, fmt: str, out: str | Path | IO) -> int:
    """Write the table to `out` (a path, "-" for standard output, or an open file); return the rows written."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; use one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    columns, rows = table_rows(store, table)
    if fmt == "parquet":
        if out == "-" or not isinstance(out, (str, Path)):
            raise ValueError("Parquet is written to a file: give --out FILE")
        return _write_parquet(columns, rows, Path(out))
    writer = _write_jsonl if fmt == "jsonl" else _write_csv
    if out == "-":
        return writer(columns, rows, sys.stdout)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            return writer(columns, rows, f)
    return writer(columns, rows, out)


def table_rows(store: Store, table: str) -> tuple[list[Column], Iterator[dict]]:
    """The columns of the table, typed, and its rows as dicts (lists and objects decoded)."""
    if table == "gdelt":
        return list(GDELT_COLUMNS), (row for article_id, article in store.articles()
                                     for row in gdelt_rows(article_id, article))
    return store.columns(table), store.rows(table)


# -- the GDELT-style event table ------------------------------------------------------------------------------

# GDELT 2.0 event-table names where GDELT has the field; dateline's own after them. Actor codes are CAMEO's:
# country then role, e.g. RUSGOV; countries ISO 3166 alpha-3 (CAMEO's country codes); the event's date, else the
# article's, as YYYYMMDD with 00 for a part that is not known.
GDELT_COLUMNS: tuple[Column, ...] = (
    Column("GlobalEventID", "str", ()),  # article id and event index: "12-0"
    Column("SQLDATE", "int", ()),
    Column("Actor1Code", "str", ()),
    Column("Actor1Name", "str", ()),
    Column("Actor1CountryCode", "str", ()),
    Column("Actor1Type1Code", "str", ()),
    Column("Actor2Code", "str", ()),
    Column("Actor2Name", "str", ()),
    Column("Actor2CountryCode", "str", ()),
    Column("Actor2Type1Code", "str", ()),
    Column("EventCode", "str", ()),
    Column("EventBaseCode", "str", ()),
    Column("EventRootCode", "str", ()),
    Column("QuadClass", "int", ()),
    Column("ActionGeo_FullName", "str", ()),
    Column("ActionGeo_CountryCode", "str", ()),
    Column("ActionGeo_Lat", "float", ()),
    Column("ActionGeo_Long", "float", ()),
    Column("ActionGeo_FeatureID", "int", ()),
    Column("SOURCEURL", "str", ()),
    Column("ArticleID", "int", ()),
    Column("EventIndex", "int", ()),
    Column("PloverType", "str", ()),
    Column("PloverMode", "str", ()),
    Column("DatePrecision", "str", ()),
    Column("Actor1ID", "str", ()),  # dateline's actor ids: the first source and target of the event
    Column("Actor2ID", "str", ()),
    Column("Confidence", "float", ()),
)


def gdelt_rows(article_id: int, article: dict) -> list[dict]:
    """One GDELT-style row per event of the stored article.

    An event with several sources or targets is given its first of each, as GDELT's one Actor1 and Actor2.
    """
    actors = {a.get("id"): a for a in article.get("actors") or [] if isinstance(a, dict)}
    places = article.get("places") or []
    rows = []
    for index, event in enumerate(article.get("events") or []):
        if not isinstance(event, dict):
            continue
        row = {"GlobalEventID": f"{article_id}-{index}", "ArticleID": article_id, "EventIndex": index,
               "SOURCEURL": article.get("url"), "PloverType": event.get("type"), "PloverMode": event.get("mode"),
               "Confidence": _number(event.get("confidence"), float)}
        day = event.get("date") or article.get("published")
        row["SQLDATE"] = _sqldate(day)
        row["DatePrecision"] = (event.get("date_precision") if event.get("date")
                                else article.get("published_precision") if day else None)
        for n, side in ((1, "source"), (2, "target")):
            ids = event.get(side) or []
            actor_id = ids[0] if isinstance(ids, list) and ids else None
            actor = actors.get(actor_id) or {}
            country, sector = actor.get("country"), actor.get("sector")
            row[f"Actor{n}ID"] = actor_id
            row[f"Actor{n}Name"] = actor.get("name") or actor_id
            row[f"Actor{n}CountryCode"] = country
            row[f"Actor{n}Type1Code"] = sector
            row[f"Actor{n}Code"] = "".join(part for part in (country, sector) if part) or None
        cameo = str(event["cameo"]) if event.get("cameo") not in (None, "") else None
        row["EventCode"] = cameo
        row["EventBaseCode"] = cameo[:3] if cameo else None
        row["EventRootCode"] = cameo[:2] if cameo else None
        row["QuadClass"] = _quad_class(cameo)
        place = event.get("place")
        place = places[place] if isinstance(place, int) and 0 <= place < len(places) else None
        if isinstance(place, dict):
            row["ActionGeo_FullName"] = place.get("name") or place.get("text")
            row["ActionGeo_CountryCode"] = place.get("country")
            row["ActionGeo_Lat"] = _number(place.get("lat"), float)
            row["ActionGeo_Long"] = _number(place.get("lon"), float)
            row["ActionGeo_FeatureID"] = _number(place.get("geonameid"), int)
        rows.append({c.name: row.get(c.name) for c in GDELT_COLUMNS})
    return rows


def _sqldate(day) -> int | None:
    """"2016-04-30" -> 20160430; "2016-04" -> 20160400; "2016" -> 20160000."""
    if not isinstance(day, str):
        return None
    parts = day.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
    except ValueError:
        return None
    numbers += [0] * (3 - len(numbers))
    return numbers[0] * 10000 + numbers[1] * 100 + numbers[2]


def _quad_class(cameo: str | None) -> int | None:
    """CAMEO's four classes by root code: verbal (01-05) and material (06-08) cooperation, verbal (09-13) and
    material (14-20) conflict."""
    try:
        root = int(cameo[:2])  # type: ignore[index]
    except (TypeError, ValueError):
        return None
    for quad, last in ((1, 5), (2, 8), (3, 13), (4, 20)):
        if 1 <= root <= last:
            return quad
    return None


def _number(value, kind):
    if value is None or isinstance(value, bool):
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        return None


# -- writers --------------------------------------------------------------------------------------------------

def _write_jsonl(columns: list[Column], rows: Iterable[dict], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps({c.name: row.get(c.name) for c in columns}, ensure_ascii=False) + "\n")
        count += 1
    return count


def _cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_csv(columns: list[Column], rows: Iterable[dict], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow([c.name for c in columns])
    count = 0
    for row in rows:
        writer.writerow([_cell(row.get(c.name), c.type) for c in columns])
        count += 1
    return count


def read_csv(source: str | Path | IO[str], columns: list[Column]) -> list[dict]:
    """Rows of a CSV file written by `export`, with their types back (the inverse of the CSV writer)."""
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8", newline="") as f:
            return read_csv(io.StringIO(f.read()), columns)
    types = {c.name: c.type for c in columns}
    return [{name: _parse_cell(cell, types.get(name, "str")) for name, cell in row.items()}
            for row in csv.DictReader(source)]


def _parse_cell(cell: str, kind: str):
    if cell == "":
        return None
    if kind == "json":
        return json.loads(cell)
    if kind == "int":
        return int(cell)
    if kind == "float":
        return float(cell)
    if kind == "bool":
        return cell == "true"
    return cell


def _write_parquet(columns: list[Column], rows: Iterable[dict], path: Path) -> int:
    import pyarrow as pa  # imported here: only Parquet needs it, and it takes a while to load
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string(), "json": pa.string()}
    schema = pa.schema([(c.name, types[c.type]) for c in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict] = []
        for row in rows:
            batch.append({c.name: (json.dumps(row.get(c.name), ensure_ascii=False)
                                   if c.type == "json" and row.get(c.name) is not None else row.get(c.name))
                          for c in columns})
            if len(batch) == _PARQUET_BATCH:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or not count:  # an empty table still gets its columns
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
