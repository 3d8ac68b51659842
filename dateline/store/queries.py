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

# What belongs to a state, rolled up into its page and its `actor` filter: its organs (government, ministries,
# armed forces, police, intelligence, legislature, courts) and its officials (persons in one of those sectors).
# Membership is read from the actor rows the store holds, their country, kind and sector, as each article
# described them, rather than from the knowledge base's `parent` links: the organs expanded from templates
# (RUS-MFA, RUS-MIL) have no parent link, persons are not in the knowledge base at all (an official is known by
# the title the article gave), the store may hold articles analysed by an older knowledge base, and the web view
# reads the store alone. An id prefix would not do either: GBR-LAB is a party, not the British state. The sector
# keeps out what has a country but is not the state: its opposition, rebels, parties, civilians, businesses, and
# de facto administrations of armed movements (kind government, sector REB).
STATE_MEMBER_KINDS = ("government", "military", "person")
STATE_SECTORS = ("GOV", "MIL", "COP", "SPY", "LEG", "JUD")
_QUOTED = "', '"
_STATE_MEMBER = (f"{{m}}.country = ? AND {{m}}.kind IN ('{_QUOTED.join(STATE_MEMBER_KINDS)}') "
                 f"AND {{m}}.sector IN ('{_QUOTED.join(STATE_SECTORS)}')")


def state_member(alias: str) -> str:
    """SQL true when the actor row `alias` belongs to the state whose id (its ISO alpha-3) is the one parameter."""
    return _STATE_MEMBER.format(m=alias)


def belongs_to_state(actor: dict, state_id: str) -> bool:
    """`state_member` for one actor already read ({id, kind, country, sector}): is it the state or one of its own?"""
    return actor.get("id") == state_id or (
        actor.get("country") == state_id and actor.get("kind") in STATE_MEMBER_KINDS
        and actor.get("sector") in STATE_SECTORS)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _json_member(actor_id: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') that finds `actor_id` as a member of a JSON list of ids, kept as text."""
    return "%" + _like_escape(json.dumps(actor_id, ensure_ascii=False)) + "%"


# The LIKE pattern of `_json_member`, made in SQL from an actor row's id (`{m}.actor`) rather than in Python.
_JSON_MEMBER_SQL = ("'%\"' || REPLACE(REPLACE(REPLACE({m}.actor, '\\', '\\\\'), '%', '\\%'), '_', '\\_') "
                    "|| '\"%'")


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
    exact: bool = False  # the actor itself only; else a state's `actor` includes its organs and officials

    def given(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None and v != "" and v is not False}


_EVENT_FROM = ("FROM events e JOIN articles a ON a.id = e.article_id "
               "LEFT JOIN places p ON p.article_id = e.article_id AND p.idx = e.place")
_EVENT_DATE = "COALESCE(e.date, a.published)"
# An event one of whose sides is an actor of the state given (twice: the state's id). Both the state and its
# members are looked up in the actors table: the id must be a state's (kind 'state' in some article, which a
# party or group whose id looks like a country code is not), and the member must be in the event's own article,
# described there as the state's (`state_member`).
_MEMBER_IN_EVENT = (
    "(EXISTS (SELECT 1 FROM actors st WHERE st.actor = ? AND st.kind = 'state') "
    "AND EXISTS (SELECT 1 FROM actors m WHERE m.article_id = e.article_id AND m.actor IS NOT NULL "
    f"AND {state_member('m')} "
    f"AND (e.source LIKE {_JSON_MEMBER_SQL.format(m='m')} ESCAPE '\\' "
    f"OR e.target LIKE {_JSON_MEMBER_SQL.format(m='m')} ESCAPE '\\')))"
)


def _event_where(filters: EventFilters) -> tuple[str, list]:
    where, params = [], []
    if filters.type:
        where.append("e.type = ?")
        params.append(filters.type.upper())
    if filters.actor:
        pattern = _json_member(filters.actor)
        own = "e.source LIKE ? ESCAPE '\\' OR e.target LIKE ? ESCAPE '\\'"
        params.extend([pattern, pattern])
        if filters.exact:
            where.append(f"({own})")
        else:
            where.append(f"({own} OR {_MEMBER_IN_EVENT})")
            params.extend([filters.actor, filters.actor])
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
    """Turn each event's source and target (JSON lists of ids) into [{id, name, kind, country, sector}]."""
    article_ids = sorted({row["article_id"] for row in rows})
    known: dict[tuple[int, str], dict] = {}
    if article_ids:
        for actor in store.query(
            f"SELECT article_id, actor, name, kind, country, sector FROM actors WHERE article_id IN {_in(article_ids)}",
            article_ids,
        ):
            known[(actor["article_id"], actor["actor"])] = actor
    for row in rows:
        for side in ("source", "target"):
            ids = json.loads(row[side]) if row[side] else []
            row[side] = [_participant(known.get((row["article_id"], i)), i) for i in ids]


def _participant(actor: dict | None, actor_id: str) -> dict:
    if actor is None:
        return {"id": actor_id, "name": actor_id, "kind": None, "country": None, "sector": None}
    return {"id": actor_id, "name": actor["name"], "kind": actor["kind"], "country": actor["country"],
            "sector": actor["sector"]}


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


def actor(store: Store, actor_id: str, limit: int = 200, exact: bool = False) -> dict | None:
    """An actor as the articles describe it, with its events (as source or target) and quotes, each in date order,
    and the whole as one timeline.

    Unless `exact`, a state's events and quotes include those of its organs and officials (`state_member`: the
    Russian government, its army, its deputy foreign minister), and an organisation's quotes those of its
    officials (`roll_up` says which, if any); each row names the actor that was there (`via` for an event, the
    speaker for a quote), and `members` lists a state's actors rolled up."""
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
    state = any(r["kind"] == "state" for r in rows)  # as the events filter decides (`_MEMBER_IN_EVENT`)
    rolled_up = state and not exact
    events = search_events(store, EventFilters(actor=actor_id, exact=exact), limit=limit)

    def mine(participant: dict) -> bool:
        return belongs_to_state(participant, actor_id) if rolled_up else participant["id"] == actor_id

    for event in events["rows"]:
        sources = [p for p in event["source"] if mine(p)]
        event["role"] = "source" if sources else "target"
        event["via"] = sources or [p for p in event["target"] if mine(p)]
    quotes = actor_quotes(store, actor_id, "state" if state else kind, country, sector, limit=limit, exact=exact)
    dates = [r["published"] for r in rows if r["published"]]
    return {
        "id": actor_id, "name": name, "kind": kind, "country": country, "sector": sector, "role": role,
        "wikidata": wikidata, "aliases": aliases, "articles": len({r["article_id"] for r in rows}),
        "mentions": sum(r["mentions"] or 0 for r in rows),
        "first": min(dates, default=None), "last": max(dates, default=None),
        # What is rolled up unless `exact`: a state's organs and officials, an organisation's officials' quotes.
        "roll_up": "state" if state else "officials" if kind in _ORGANISATION_KINDS and country and sector else None,
        "exact": exact, "members": state_members(store, actor_id) if rolled_up else [],
        "events": events, "quotes": quotes, "timeline": _timeline(events["rows"], quotes["rows"]),
    }


def state_members(store: Store, state_id: str) -> list[dict]:
    """The actors the store holds that belong to the state (`state_member`), those in the most articles first:
    what its page rolls up."""
    return store.query(
        "SELECT m.actor AS id, MIN(m.name) AS name, MIN(m.kind) AS kind, MIN(m.sector) AS sector, "
        "COUNT(DISTINCT m.article_id) AS articles FROM actors m WHERE m.actor IS NOT NULL AND m.actor <> ? "
        f"AND {state_member('m')} GROUP BY m.actor ORDER BY articles DESC, m.actor",
        [state_id, state_id],
    )


def actor_quotes(store: Store, actor_id: str, kind: str | None, country: str | None, sector: str | None,
                 limit: int = 200, exact: bool = False) -> dict:
    """The quotes of the actor; unless `exact`, with those of a state's organs and officials (kind "state"), or
    of an organisation's officials (persons of its country and sector)."""
    where, params = "q.speaker_actor = ?", [actor_id]
    if not exact and kind == "state":
        where += f" OR ({state_member('s')})"
        params += [actor_id]
    elif not exact and kind in _ORGANISATION_KINDS and country and sector:
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
