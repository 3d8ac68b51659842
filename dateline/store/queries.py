"""The read queries of the API and the web view, written once: each page and its JSON twin call the same function.

Every query goes through `Store.query` in SQL that SQLite and PostgreSQL both read: `?` placeholders, LIKE,
LOWER, SUBSTR, COALESCE, LIMIT/OFFSET, no JSON functions. The JSON columns (events' `source` and `target`) are
text, so an actor is found in them by its JSON-quoted id with LIKE (`_json_member`). Full-text search is the
store's own (`Store.search`: FTS5 in SQLite), and the other filters are applied to what it finds.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

from .base import Store

MAX_LIMIT = 500  # rows a page or an API call returns at most
SEARCH_CANDIDATES = 1000  # full-text matches, best first, that the outlet and date filters are applied to

# An organisation's officials: persons of its country and sector speak for it ("Russia's deputy foreign
# minister said" is the Russian government speaking), so its page shows their quotes beside its own.
_ORGANISATION_KINDS = ("government", "military", "opposition", "party", "igo", "ngo", "armed_group", "media",
                       "business")


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _json_member(actor_id: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') that finds `actor_id` as a member of a JSON list of ids, kept as text."""
    return "%" + _like_escape(json.dumps(actor_id, ensure_ascii=False)) + "%"


def _contains(value: str) -> str:
    return "%" + _like_escape(value.lower()) + "%"


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset))


def _in(values) -> str:
    return "(" + ", ".join("?" for _ in values) + ")"


# -- overview ---------------------------------------------------------------------------------------------------

def overview(store: Store) -> dict:
    """What the store holds: counts, the event types with their counts, the outlets."""
    counts = {table: store.count(table) for table in
              ("articles", "actors", "quotes", "places", "events", "outlets", "errors")}
    counts["distinct_actors"] = store.query("SELECT COUNT(DISTINCT actor) AS n FROM actors")[0]["n"]
    span = store.query("SELECT MIN(published) AS first, MAX(published) AS last FROM articles")[0]
    return {"counts": counts, "published": span, "event_types": event_types(store), "outlets": outlets(store)}


def event_types(store: Store) -> list[dict]:
    return store.query("SELECT type, COUNT(*) AS events FROM events WHERE type IS NOT NULL "
                       "GROUP BY type ORDER BY events DESC, type")


def outlets(store: Store) -> list[dict]:
    return store.query(
        "SELECT o.name, o.domain, o.country, o.ownership, o.state_affiliated, COUNT(a.id) AS articles "
        "FROM outlets o LEFT JOIN articles a ON a.outlet_id = o.id "
        "GROUP BY o.id, o.name, o.domain, o.country, o.ownership, o.state_affiliated "
        "ORDER BY articles DESC, o.name"
    )


# -- articles ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ArticleFilters:
    q: str | None = None  # words of the title or text (all of them)
    outlet: str | None = None  # the outlet's name or domain, any case
    date_from: str | None = None  # published on or after (YYYY-MM-DD)
    date_to: str | None = None  # published on or before

    def given(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v}


def search_articles(store: Store, filters: ArticleFilters, limit: int = 50, offset: int = 0) -> dict:
    """Articles by words, outlet and date range: best match first when searching words, else newest first."""
    limit, offset = _page(limit, offset)
    where, params = [], []
    snippets: dict[int, str] = {}
    ranked: list[int] = []
    if filters.q and filters.q.strip():
        hits = store.search(filters.q, limit=SEARCH_CANDIDATES)
        if not hits:
            return {"total": 0, "rows": [], "limit": limit, "offset": offset}
        ranked = [hit["article_id"] for hit in hits]
        snippets = {hit["article_id"]: hit.get("snippet") for hit in hits}
        where.append(f"a.id IN {_in(ranked)}")
        params.extend(ranked)
    if filters.outlet:
        where.append("(LOWER(o.domain) = ? OR LOWER(o.name) = ?)")
        params.extend([filters.outlet.lower(), filters.outlet.lower()])
    if filters.date_from:
        where.append("a.published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("a.published <= ?")
        params.append(filters.date_to)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    joined = f"FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id {clause}"
    if ranked:  # the search's ranking, not the date order: the filters keep or drop its candidates
        kept = {row["id"] for row in store.query(f"SELECT a.id {joined}", params)}
        matching = [article_id for article_id in ranked if article_id in kept]
        shown = matching[offset:offset + limit]
        rows = _article_rows(store, f"WHERE a.id IN {_in(shown)}", shown) if shown else []
        position = {article_id: i for i, article_id in enumerate(shown)}
        rows.sort(key=lambda row: position[row["article_id"]])
        for row in rows:
            row["snippet"] = snippets.get(row["article_id"])
        return {"total": len(matching), "rows": rows, "limit": limit, "offset": offset}
    total = store.query(f"SELECT COUNT(*) AS n {joined}", params)[0]["n"]
    rows = _article_rows(store, clause, params, "ORDER BY a.published IS NULL, a.published DESC, a.id DESC "
                                                "LIMIT ? OFFSET ?", [limit, offset])
    return {"total": total, "rows": rows, "limit": limit, "offset": offset}


def _article_rows(store: Store, clause: str, params: list, tail: str = "", tail_params: list = ()) -> list[dict]:
    return store.query(
        "SELECT a.id AS article_id, a.title, a.url, a.published, a.language, o.name AS outlet, "
        "o.domain AS outlet_domain, o.country AS outlet_country, "
        "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events, "
        "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
        "(SELECT COUNT(*) FROM actors c WHERE c.article_id = a.id) AS actors "
        f"FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id {clause} {tail}",
        [*params, *tail_params],
    )


def article(store: Store, article_id: int) -> dict | None:
    """The stored article object (the contract's JSON) with its store id, outlet row and item ids."""
    data = store.article(article_id)
    if data is None:
        return None
    row = store.query("SELECT ingested, updated FROM articles WHERE id = ?", [article_id])[0]
    return {"article_id": article_id, **row, **data}


# -- events -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EventFilters:
    type: str | None = None  # PLOVER type
    actor: str | None = None  # an actor id, as source or target
    country: str | None = None  # the country (ISO alpha-3) of the event's place
    place: str | None = None  # the place's name (any case) or GeoNames id
    date_from: str | None = None  # the event's date (else the article's) on or after
    date_to: str | None = None
    article: int | None = None

    def given(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


_EVENT_FROM = ("FROM events e JOIN articles a ON a.id = e.article_id "
               "LEFT JOIN places p ON p.article_id = e.article_id AND p.idx = e.place")
_EVENT_DATE = "COALESCE(e.date, a.published)"


def _event_where(filters: EventFilters) -> tuple[str, list]:
    where, params = [], []
    if filters.type:
        where.append("e.type = ?")
        params.append(filters.type.upper())
    if filters.actor:
        pattern = _json_member(filters.actor)
        where.append("(e.source LIKE ? ESCAPE '\\' OR e.target LIKE ? ESCAPE '\\')")
        params.extend([pattern, pattern])
    if filters.country:
        where.append("p.country = ?")
        params.append(filters.country.upper())
    if filters.place:
        if filters.place.isdigit():
            where.append("p.geonameid = ?")
            params.append(int(filters.place))
        else:
            where.append("LOWER(p.name) = ?")
            params.append(filters.place.lower())
    # Dates of lesser precision ("2016-04", "2016") sort before the days they hold, so the bounds are inclusive
    # of a period that starts in range.
    if filters.date_from:
        where.append(f"{_EVENT_DATE} >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        where.append(f"{_EVENT_DATE} <= ?")
        params.append(filters.date_to)
    if filters.article is not None:
        where.append("e.article_id = ?")
        params.append(int(filters.article))
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def search_events(store: Store, filters: EventFilters, limit: int = 100, offset: int = 0) -> dict:
    """Events by type, actor, place, country and date range, newest first, with their sentence as evidence and
    their actors' names."""
    limit, offset = _page(limit, offset)
    where, params = _event_where(filters)
    total = count_events(store, filters)
    rows = store.query(
        "SELECT e.article_id, e.idx, e.type, e.mode, e.source, e.target, e.date, e.date_precision, e.cameo, "
        "e.confidence, e.quote, e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, "
        # CAST: PostgreSQL's substr takes int, and its integer columns are bigint.
        "SUBSTR(a.text, CAST(e.sentence_start + 1 AS INTEGER), CAST(e.sentence_end - e.sentence_start AS INTEGER)) "
        "AS sentence, "
        "p.name AS place, p.country AS place_country, p.lat AS place_lat, p.lon AS place_lon, "
        "p.geonameid AS place_geonameid, a.title AS article_title, a.url AS article_url, "
        f"a.published AS article_published {_EVENT_FROM} {where} "
        f"ORDER BY {_EVENT_DATE} IS NULL, {_EVENT_DATE} DESC, e.article_id DESC, e.idx LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    _name_participants(store, rows)
    return {"total": total, "rows": rows, "limit": limit, "offset": offset}


def _name_participants(store: Store, rows: list[dict]) -> None:
    """Turn each event's source and target (JSON lists of ids) into [{id, name, kind, country}]."""
    article_ids = sorted({row["article_id"] for row in rows})
    known: dict[tuple[int, str], dict] = {}
    if article_ids:
        for actor in store.query(
            f"SELECT article_id, actor, name, kind, country FROM actors WHERE article_id IN {_in(article_ids)}",
            article_ids,
        ):
            known[(actor["article_id"], actor["actor"])] = actor
    for row in rows:
        for side in ("source", "target"):
            ids = json.loads(row[side]) if row[side] else []
            row[side] = [_participant(known.get((row["article_id"], i)), i) for i in ids]


def _participant(actor: dict | None, actor_id: str) -> dict:
    if actor is None:
        return {"id": actor_id, "name": actor_id, "kind": None, "country": None}
    return {"id": actor_id, "name": actor["name"], "kind": actor["kind"], "country": actor["country"]}


def count_events(store: Store, filters: EventFilters) -> int:
    where, params = _event_where(filters)
    return store.query(f"SELECT COUNT(*) AS n {_EVENT_FROM} {where}", params)[0]["n"]


def event_counts(store: Store, filters: EventFilters) -> list[dict]:
    """How many events of each type on each date (the event's, else its article's): the timeline's data."""
    where, params = _event_where(filters)
    return store.query(
        f"SELECT {_EVENT_DATE} AS date, e.type, COUNT(*) AS events {_EVENT_FROM} {where} "
        f"GROUP BY {_EVENT_DATE}, e.type ORDER BY 1, 2",
        params,
    )


def event_places(store: Store, filters: EventFilters) -> list[dict]:
    """The places events happened at, with how many, by type: the map's data. Events without a place are left
    out (`unplaced` says how many)."""
    where, params = _event_where(filters)
    placed = f"{where} AND" if where else "WHERE"
    rows = store.query(
        f"SELECT p.geonameid, p.name, p.country, p.lat, p.lon, e.type, COUNT(*) AS events {_EVENT_FROM} "
        f"{placed} p.lat IS NOT NULL AND p.lon IS NOT NULL "
        "GROUP BY p.geonameid, p.name, p.country, p.lat, p.lon, e.type",
        params,
    )
    places: dict[tuple, dict] = {}
    for row in rows:
        key = (row["geonameid"], row["name"], row["lat"], row["lon"])
        place = places.setdefault(key, {k: row[k] for k in ("geonameid", "name", "country", "lat", "lon")}
                                  | {"events": 0, "types": {}})
        place["events"] += row["events"]
        place["types"][row["type"]] = place["types"].get(row["type"], 0) + row["events"]
    return sorted(places.values(), key=lambda place: (-place["events"], place["name"] or ""))


# -- actors -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ActorFilters:
    q: str | None = None  # part of the name or id, any case
    kind: str | None = None
    country: str | None = None

    def given(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v}


def search_actors(store: Store, filters: ActorFilters, limit: int = 100, offset: int = 0) -> dict:
    """Canonical actors, those in the most articles first."""
    limit, offset = _page(limit, offset)
    where, params = [], []
    if filters.q:
        where.append("(LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(actor) LIKE ? ESCAPE '\\')")
        params.extend([_contains(filters.q), _contains(filters.q)])
    if filters.kind:
        where.append("kind = ?")
        params.append(filters.kind)
    if filters.country:
        where.append("country = ?")
        params.append(filters.country.upper())
    clause = f"WHERE actor IS NOT NULL{''.join(' AND ' + w for w in where)}"
    total = store.query(f"SELECT COUNT(DISTINCT actor) AS n FROM actors {clause}", params)[0]["n"]
    rows = store.query(
        "SELECT actor AS id, MIN(name) AS name, MIN(kind) AS kind, MIN(country) AS country, "
        "MIN(sector) AS sector, COUNT(DISTINCT article_id) AS articles, CAST(SUM(mentions) AS INTEGER) AS mentions, "
        "MIN(published) AS first, MAX(published) AS last "
        f"FROM (SELECT t.*, a.published FROM actors t JOIN articles a ON a.id = t.article_id) x {clause} "
        "GROUP BY actor ORDER BY articles DESC, mentions DESC, actor LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {"total": total, "rows": rows, "limit": limit, "offset": offset}


def actor(store: Store, actor_id: str, limit: int = 200) -> dict | None:
    """An actor as the articles describe it, with its events (as source or target) and quotes (its own and its
    officials'), each in date order, and the whole as one timeline."""
    rows = store.query(
        "SELECT t.name, t.kind, t.country, t.sector, t.role, t.wikidata, t.aliases, t.mentions, t.article_id, "
        "a.published FROM actors t JOIN articles a ON a.id = t.article_id WHERE t.actor = ?",
        [actor_id],
    )
    if not rows:
        return None
    # Articles may name it differently; the commonest description wins, the names are all kept.
    described = Counter((r["name"], r["kind"], r["country"], r["sector"], r["role"], r["wikidata"]) for r in rows)
    name, kind, country, sector, role, wikidata = described.most_common(1)[0][0]
    aliases = sorted({alias for r in rows for alias in json.loads(r["aliases"] or "[]")} | {r["name"] for r in rows}
                     - {name, None})
    events = search_events(store, EventFilters(actor=actor_id), limit=limit)
    for event in events["rows"]:
        event["role"] = "source" if any(p["id"] == actor_id for p in event["source"]) else "target"
    quotes = actor_quotes(store, actor_id, kind, country, sector, limit=limit)
    dates = [r["published"] for r in rows if r["published"]]
    return {
        "id": actor_id, "name": name, "kind": kind, "country": country, "sector": sector, "role": role,
        "wikidata": wikidata, "aliases": aliases, "articles": len({r["article_id"] for r in rows}),
        "mentions": sum(r["mentions"] or 0 for r in rows),
        "first": min(dates, default=None), "last": max(dates, default=None),
        "events": events, "quotes": quotes, "timeline": _timeline(events["rows"], quotes["rows"]),
    }


def actor_quotes(store: Store, actor_id: str, kind: str | None, country: str | None, sector: str | None,
                 limit: int = 200) -> dict:
    where, params = "q.speaker_actor = ?", [actor_id]
    if kind in _ORGANISATION_KINDS and country and sector:
        where += " OR (s.kind = 'person' AND s.country = ? AND s.sector = ?)"
        params += [country, sector]
    sql = ("FROM quotes q JOIN articles a ON a.id = q.article_id "
           "LEFT JOIN actors s ON s.article_id = q.article_id AND s.actor = q.speaker_actor "
           f"WHERE q.speaker_actor IS NOT NULL AND ({where})")
    total = store.query(f"SELECT COUNT(*) AS n {sql}", params)[0]["n"]
    rows = store.query(
        "SELECT q.article_id, q.idx, q.text, q.kind, q.span_start, q.span_end, q.cue_text, q.speaker_text, "
        "q.speaker_actor, s.name AS speaker_name, a.title AS article_title, a.url AS article_url, "
        f"a.published AS article_published {sql} "
        "ORDER BY a.published IS NULL, a.published DESC, q.article_id DESC, q.idx LIMIT ?",
        [*params, max(1, min(limit, MAX_LIMIT))],
    )
    return {"total": total, "rows": rows}


def _timeline(events: list[dict], quotes: list[dict]) -> list[dict]:
    """Events and quotes together, newest first: a quote is dated by its article."""
    items = [{"date": e["date"] or e["article_published"], "what": "event", **e} for e in events]
    items += [{"date": q["article_published"], "what": "quote", **q} for q in quotes]
    items.sort(key=lambda item: (item["date"] or "", item["article_id"]), reverse=True)
    return items
