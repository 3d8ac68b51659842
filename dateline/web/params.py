"""The query parameters the pages and their JSON twins share, read once into the store's filter objects.

HTML forms send an empty field as `name=`, so empty means "not given" here rather than a validation error.
"""

from __future__ import annotations

import re

from fastapi import HTTPException, Query

from dateline.store.queries import ActorFilters, ArticleFilters, EventFilters

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
EXACT = ("the actor itself only (exact=1); by default a state (RUS) includes its organs and officials, the actors "
         "of its country in a state sector: RUS-GOV, RUS-MIL, its ministers")


def _text(value: str | None, name: str, longest: int = 200) -> str | None:
    value = (value or "").strip()
    if len(value) > longest:
        raise HTTPException(422, f"{name} is longer than {longest} characters")
    return value or None


def _date(value: str | None, name: str) -> str | None:
    value = _text(value, name, 10)
    if value is not None and not _DATE.fullmatch(value):
        raise HTTPException(422, f"{name} must be a date: YYYY-MM-DD, YYYY-MM or YYYY")
    return value


def article_filters(
    q: str | None = Query(None, description="words of the title or text, all of them"),
    outlet: str | None = Query(None, description="the outlet's name or domain"),
    date_from: str | None = Query(None, alias="from", description="published on or after, YYYY-MM-DD"),
    date_to: str | None = Query(None, alias="to", description="published on or before, YYYY-MM-DD"),
) -> ArticleFilters:
    return ArticleFilters(q=_text(q, "q", 500), outlet=_text(outlet, "outlet"),
                          date_from=_date(date_from, "from"), date_to=_date(date_to, "to"))


def event_filters(
    type: str | None = Query(None, description="a PLOVER event type: ASSAULT, REQUEST, ..."),
    actor: str | None = Query(None, description="an actor id (RUS-GOV, person:gennady-gatilov), as source or target"),
    country: str | None = Query(None, description="the country of the event's place, ISO 3166 alpha-3"),
    place: str | None = Query(None, description="the place's name or GeoNames id"),
    date_from: str | None = Query(None, alias="from", description="on or after (the event's date, else its article's)"),
    date_to: str | None = Query(None, alias="to", description="on or before"),
    article: int | None = Query(None, description="events of this article id only"),
    exact: bool = Query(False, description=EXACT),
) -> EventFilters:
    return EventFilters(type=_text(type, "type", 20), actor=_text(actor, "actor"), country=_text(country, "country", 3),
                        place=_text(place, "place"), date_from=_date(date_from, "from"), date_to=_date(date_to, "to"),
                        article=article, exact=exact)


def actor_filters(
    q: str | None = Query(None, description="part of the actor's name or id"),
    kind: str | None = Query(None, description="person, state, government, military, armed_group, igo, ..."),
    country: str | None = Query(None, description="ISO 3166 alpha-3"),
) -> ActorFilters:
    return ActorFilters(q=_text(q, "q"), kind=_text(kind, "kind", 40), country=_text(country, "country", 3))


def page(
    limit: int = Query(50, ge=1, le=500, description="rows per page"),
    offset: int = Query(0, ge=0, le=1_000_000, description="rows to skip"),
) -> tuple[int, int]:
    return limit, offset
