"""The JSON API, under /api: one route per page of the web view (its JSON twin: the same path after /api, the
same query), plus analysis and storing, which need the API key."""

from __future__ import annotations

import threading
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from dateline.store import queries
from dateline.store.queries import ActorFilters, ArticleFilters, EventFilters

from .access import StoreAccess, access, require_key
from .charts import bucket_counts
from .params import EXACT, actor_filters, article_filters, event_filters, page

router = APIRouter(prefix="/api")
MAX_TEXT = 2_000_000  # characters of one article's text or HTML (the body limit caps the bytes first)

# spaCy pipelines are not documented as safe to run from several threads at once, and one analysis already uses
# a core: analyses take turns. Reading is never held up by this.
_analysis_lock = threading.Lock()


def _paged(request: Request, result: dict, filters: dict) -> dict:
    """A result page with the filters it answers and the links to the previous and next pages."""
    limit, offset = result["limit"], result["offset"]
    links = {}
    if offset + limit < result["total"]:
        links["next"] = str(request.url.include_query_params(offset=offset + limit))
    if offset:
        links["previous"] = str(request.url.include_query_params(offset=max(0, offset - limit)))
    return {"filters": filters, **result, **links}


@router.get("", summary="What the store holds: counts, event types, outlets")
def overview(store_access: StoreAccess = Depends(access)) -> dict:
    with store_access.reader() as store:
        return queries.overview(store)


@router.get("/articles", summary="Search articles: full text, outlet, date range")
def articles(request: Request, filters: ArticleFilters = Depends(article_filters),
             paging: tuple[int, int] = Depends(page), store_access: StoreAccess = Depends(access)) -> dict:
    with store_access.reader() as store:
        result = queries.search_articles(store, filters, *paging)
    return _paged(request, result, filters.given())


@router.get("/articles/{article_id}", summary="One article: the article object with its store id")
def article(article_id: int, store_access: StoreAccess = Depends(access)) -> dict:
    with store_access.reader() as store:
        found = queries.article(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.get("/events", summary="Search events: type, actor, country, place, date range")
def events(request: Request, filters: EventFilters = Depends(event_filters),
           paging: tuple[int, int] = Depends(page), store_access: StoreAccess = Depends(access)) -> dict:
    with store_access.reader() as store:
        result = queries.search_events(store, filters, *paging)
    return _paged(request, result, filters.given())


@router.get("/events/timeline", summary="Events per period (day, month, year) by type, with the events filters")
def events_timeline(filters: EventFilters = Depends(event_filters),
                    period: Literal["day", "month", "year"] | None = Query(None, description="default: chosen by span"),
                    store_access: StoreAccess = Depends(access)) -> dict:
    with store_access.reader() as store:
        rows = queries.event_counts(store, filters)
    return {"filters": filters.given(), **bucket_counts(rows, period)}


@router.get("/events/map", summary="The places of events, with their counts by type, with the events filters")
def events_map(filters: EventFilters = Depends(event_filters), store_access: StoreAccess = Depends(access)) -> dict:
    with store_access.reader() as store:
        places = queries.event_places(store, filters)
        total = queries.count_events(store, filters)
    return {"filters": filters.given(), "places": places, "events": total,
            "unplaced": total - sum(place["events"] for place in places)}


@router.get("/actors", summary="Search actors: name or id, kind, country")
def actors(request: Request, filters: ActorFilters = Depends(actor_filters),
           paging: tuple[int, int] = Depends(page), store_access: StoreAccess = Depends(access)) -> dict:
    with store_access.reader() as store:
        result = queries.search_actors(store, filters, *paging)
    return _paged(request, result, filters.given())


@router.get("/actors/{actor_id:path}", summary="One actor: its events and quotes over time (a state's with its "
                                             "organs' and officials', unless exact=1)")
def actor(actor_id: str, exact: bool = Query(False, description=EXACT),
          store_access: StoreAccess = Depends(access)) -> dict:
    with store_access.reader() as store:
        found = queries.actor(store, actor_id, exact=exact)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r} in the store")
    return found


@router.get("/outlets", summary="The outlets of the stored articles")
def outlets(store_access: StoreAccess = Depends(access)) -> list[dict]:
    with store_access.reader() as store:
        return queries.outlets(store)


# -- analysis and storing (API key) -----------------------------------------------------------------------------

class ArticleInput(BaseModel):
    """One article, as `dateline analyze` reads it: the page's HTML, or its text."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, max_length=MAX_TEXT, description="a scraped page or the article text")
    html: str | None = Field(None, max_length=MAX_TEXT, description="the web page")
    kind: Literal["auto", "html", "text", "plain"] = Field(
        "auto", description="as `--as`: html, text (a scrape: boilerplate removed), plain (offsets index it as is)")
    url: str | None = Field(None, max_length=2048, description="where it was published")
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="publication date, YYYY-MM-DD")
    input: str | None = Field(None, max_length=512, description="a name for the input (default: the URL)")

    @model_validator(mode="after")
    def _one_content(self) -> ArticleInput:
        if (self.text is None) == (self.html is None):
            raise ValueError("give the article as either `text` or `html`")
        return self


def _analyze(body: ArticleInput):
    from dateline.pipeline import analyze  # spaCy and the gazetteer load on first use, not at server start

    kind = "html" if body.html is not None and body.kind == "auto" else body.kind
    with _analysis_lock:
        return analyze(body.html if body.html is not None else body.text, url=body.url, date=body.date, kind=kind,
                       input=body.input or body.url or "<api>")


@router.post("/analyze", summary="Analyze one article and return its article object; stores nothing (API key)")
def analyze_article(body: ArticleInput, store_access: StoreAccess = Depends(require_key)) -> dict:
    return _analyze(body).to_dict()


@router.post("/articles", status_code=201,
             summary="Analyze one article into the store (API key; refused when the server is read-only)")
def store_article(body: ArticleInput, response: Response,
                  store_access: StoreAccess = Depends(require_key)) -> dict:
    if store_access.read_only:
        raise HTTPException(403, "this server was started --read-only: it stores nothing")
    result = _analyze(body)
    if result.error:
        raise HTTPException(422, f"the article could not be analysed: {result.error}")
    with store_access.writer() as store:
        outcome, article_id = store.put(result)
    if outcome.value == "unchanged":
        response.status_code = 200
    return {"outcome": outcome.value, "article_id": article_id, "page": f"/articles/{article_id}",
            "api": f"/api/articles/{article_id}"}
