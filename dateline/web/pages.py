"""The web view: server-rendered HTML pages over the same queries as the API. Each page links its JSON twin,
the same path and query under /api."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dateline import __version__
from dateline.events.vocabulary import TYPES
from dateline.store import queries
from dateline.store.queries import ActorFilters, ArticleFilters, EventFilters

from . import reference
from .access import StoreAccess, access
from .charts import bucket_counts, timeline_chart
from .highlight import actor_href, evidence_pieces, highlight, snippet_pieces
from .params import actor_filters, article_filters, event_filters, page
from .worldmap import map_view

TEMPLATES = Path(__file__).resolve().parent / "templates"


def safe_url(url: str | None) -> str | None:
    """The URL when it is a web address, else None: an article's URL is the outlet's (or a poster's) claim, and
    a `javascript:` one must never become a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def _environment() -> jinja2.Environment:
    # Autoescape every template, whatever its name: article text only ever reaches a page through it. Block tags
    # keep their newlines: the pages run inline text through them, where a newline is the space between words.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["safe_url"] = safe_url
    env.filters["actor_href"] = actor_href
    env.filters["evidence_pieces"] = evidence_pieces
    env.globals.update(version=__version__, event_types=TYPES, urlencode=urlencode)
    return env


templates = Jinja2Templates(env=_environment())
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    query = request.url.query
    json_url = "/api" + (request.url.path.rstrip("/") or "") + (f"?{query}" if query else "")
    return templates.TemplateResponse(request, name, {"json_url": json_url, **context}, status_code=status_code)


def _pages(request: Request, result: dict) -> dict:
    """Links to the previous and next pages of a result, keeping the query."""
    limit, offset = result["limit"], result["offset"]
    links = {"previous": None, "next": None}
    if offset:
        links["previous"] = _relative(request.url.include_query_params(offset=max(0, offset - limit)))
    if offset + limit < result["total"]:
        links["next"] = _relative(request.url.include_query_params(offset=offset + limit))
    return links


def _relative(url) -> str:
    return f"{url.path}?{url.query}" if url.query else url.path


def render_error(request: Request, status_code: int, message: str) -> HTMLResponse:
    return _render(request, "error.html", status_code=status_code, status=status_code, message=message)


@router.get("/docs")
def api_reference(request: Request):
    spec = request.app.openapi()
    return _render(request, "docs.html", info=spec["info"], operations=reference.operations(spec),
                   json_url="/openapi.json")


@router.get("/")
def home(request: Request, store_access: StoreAccess = Depends(access)):
    with store_access.reader() as store:
        overview = queries.overview(store)
        latest = queries.search_articles(store, ArticleFilters(), limit=10)
        top = queries.search_actors(store, ActorFilters(), limit=15)
    return _render(request, "index.html", overview=overview, latest=latest["rows"], actors=top["rows"])


@router.get("/articles")
def articles(request: Request, filters: ArticleFilters = Depends(article_filters),
             paging: tuple[int, int] = Depends(page), store_access: StoreAccess = Depends(access)):
    with store_access.reader() as store:
        result = queries.search_articles(store, filters, *paging)
        outlets = queries.outlets(store)
    for row in result["rows"]:
        row["snippet_pieces"] = snippet_pieces(row.get("snippet"))
    return _render(request, "articles.html", filters=filters, result=result, outlets=outlets,
                   pages=_pages(request, result))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: int, store_access: StoreAccess = Depends(access)):
    with store_access.reader() as store:
        found = queries.article(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    names = {a.get("id"): a.get("name") for a in found.get("actors") or []}
    return _render(request, "article.html", article=found, segments=highlight(found), names=names,
                   places=place_groups(found.get("places") or []))


def place_groups(places: list[dict]) -> list[dict]:
    """An article's place mentions grouped by place (its GeoNames id, else its name and country), the most
    mentioned first: name, feature, country, how many mentions, their indexes (the anchors `place-{i}` of the
    text), the other words that named it, and the `place` filter of the events table that finds it."""
    groups: dict[tuple, dict] = {}
    for i, place in enumerate(places):
        if not isinstance(place, dict):
            continue
        name = place.get("name") or place.get("text")
        geonameid = place.get("geonameid")
        key = ("id", geonameid) if geonameid is not None else ("name", (name or "").lower(), place.get("country"))
        group = groups.get(key)
        if group is None:
            group = groups[key] = {
                "name": name, "feature": place.get("feature"), "country": place.get("country"),
                "lat": place.get("lat"), "lon": place.get("lon"), "mentions": [], "texts": [],
                "filter": str(geonameid) if geonameid is not None else name}
        group["mentions"].append(i)
        text = place.get("text")
        if text and text != name and text not in group["texts"]:
            group["texts"].append(text)
    return sorted(groups.values(), key=lambda g: (-len(g["mentions"]), g["mentions"][0]))


def _event_context(filters: EventFilters) -> dict:
    given = {("from" if k == "date_from" else "to" if k == "date_to" else k): ("1" if v is True else v)
             for k, v in filters.given().items()}
    return {"filters": filters, "query": urlencode(given), "given": given}


@router.get("/events")
def events(request: Request, filters: EventFilters = Depends(event_filters),
           paging: tuple[int, int] = Depends(page), store_access: StoreAccess = Depends(access)):
    with store_access.reader() as store:
        result = queries.search_events(store, filters, *paging)
    return _render(request, "events.html", result=result, pages=_pages(request, result), **_event_context(filters))


@router.get("/events/timeline")
def events_timeline(request: Request, filters: EventFilters = Depends(event_filters),
                    period: Literal["day", "month", "year"] | None = Query(None),
                    store_access: StoreAccess = Depends(access)):
    with store_access.reader() as store:
        buckets = bucket_counts(queries.event_counts(store, filters), period)
    return _render(request, "timeline.html", buckets=buckets, chart=timeline_chart(buckets),
                   **_event_context(filters))


@router.get("/events/map")
def events_map(request: Request, filters: EventFilters = Depends(event_filters),
               store_access: StoreAccess = Depends(access)):
    with store_access.reader() as store:
        places = queries.event_places(store, filters)
        total = queries.count_events(store, filters)
    context = _event_context(filters)
    return _render(request, "map.html", view=map_view(places, context["given"]), places=places, total=total,
                   unplaced=total - sum(place["events"] for place in places), **context)


@router.get("/actors")
def actors(request: Request, filters: ActorFilters = Depends(actor_filters),
           paging: tuple[int, int] = Depends(page), store_access: StoreAccess = Depends(access)):
    with store_access.reader() as store:
        result = queries.search_actors(store, filters, *paging)
    return _render(request, "actors.html", filters=filters, result=result, pages=_pages(request, result))


@router.get("/actors/{actor_id:path}")
def actor(request: Request, actor_id: str, exact: bool = Query(False),
          store_access: StoreAccess = Depends(access)):
    with store_access.reader() as store:
        found = queries.actor(store, actor_id, exact=exact)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id!r} in the store")
        counts = queries.event_counts(store, EventFilters(actor=actor_id, exact=exact))
    chart = timeline_chart(bucket_counts(counts), height=180)
    # The events table, map and timeline of the same events: the actor, and `exact` when asked.
    query = urlencode({"actor": actor_id, **({"exact": "1"} if exact else {})})
    return _render(request, "actor.html", actor=found, chart=chart, query=query)
