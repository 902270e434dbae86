"""Query parameters shared by the API's endpoints, turned into the store's filter objects.

Every value is checked twice: by its declared type and length here, and by :class:`EventFilter` /
:class:`ArticleQuery`, which refuse what the store cannot ask for. A refused value gives HTTP 400 with
the error's code, reason and next step; nothing a client sends ever becomes SQL text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from eventwire.errors import BadOption
from eventwire.store.query import MAX_TEXT_FILTER, EventFilter
from eventwire.store.search import MAX_PAGE, MAX_QUERY, ArticleQuery

Country = Annotated[
    str | None,
    Query(description="ISO 3166 alpha-3 country code (or IGO/NGO)", min_length=3, max_length=3),
]
Text = Annotated[str | None, Query(max_length=MAX_TEXT_FILTER)]


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``"min_lon,min_lat,max_lon,max_lat"`` -> four floats."""
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise BadOption(
            "bbox", f"{value[:80]!r} does not have four numbers", "give min_lon,min_lat,max_lon,max_lat"
        )
    try:
        a, b, c, d = (float(p) for p in parts)
    except ValueError as exc:
        raise BadOption("bbox", f"{value[:80]!r} is not four numbers", "give e.g. -18,4,25,25") from exc
    return a, b, c, d


def event_filter(
    actor: Country = None,
    partner: Annotated[
        str | None, Query(description="with actor: the other side's country", min_length=3, max_length=3)
    ] = None,
    source: Country = None,
    target: Country = None,
    actor_type: Annotated[
        str | None, Query(description="actor type on either side: GOV, MIL, REB, PMC, ...", max_length=3)
    ] = None,
    actor_name: Annotated[
        str | None,
        Query(description="part of an actor's name or text (either side)", max_length=MAX_TEXT_FILTER),
    ] = None,
    cameo: Annotated[
        str | None, Query(description="CAMEO root (14) or code prefix (141)", max_length=4)
    ] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type, e.g. PROTEST", max_length=40)] = None,
    status: Annotated[
        str | None, Query(description="asserted, reported, claimed, ...", max_length=20)
    ] = None,
    since: Annotated[dt.date | None, Query(description="events on or after this date")] = None,
    until: Annotated[dt.date | None, Query(description="events on or before this date")] = None,
    place: Annotated[
        str | None,
        Query(description="location country (ISO3) or part of the place name", max_length=MAX_TEXT_FILTER),
    ] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat", max_length=100)] = None,
    article: Annotated[str | None, Query(description="one article id", max_length=20)] = None,
    text: Annotated[
        str | None, Query(description="part of the evidence sentence", max_length=MAX_TEXT_FILTER)
    ] = None,
    all_versions: Annotated[bool, Query(description="include superseded article versions")] = False,
) -> EventFilter:
    return EventFilter(
        actor=actor,
        partner=partner,
        source=source,
        target=target,
        actor_type=actor_type,
        actor_name=actor_name,
        cameo=cameo,
        plover=plover,
        status=status,
        since=since,
        until=until,
        place=place,
        bbox=parse_bbox(bbox),
        article=article,
        text=text,
        all_versions=all_versions,
    )


EVENT_FILTER_PARAMS = (
    "actor", "partner", "source", "target", "actor_type", "actor_name", "cameo", "plover", "status",
    "since", "until", "place", "bbox", "article", "text", "all_versions",
)  # fmt: skip
"""The filter parameters every events endpoint takes (a test checks each against injection)."""


def article_query(
    q: Annotated[
        str | None, Query(description='words (all must occur) and "quoted phrases"', max_length=MAX_QUERY)
    ] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    since: Annotated[dt.date | None, Query(description="published on or after")] = None,
    until: Annotated[dt.date | None, Query(description="published on or before")] = None,
    status: Annotated[str | None, Query(description="coded or skipped", max_length=10)] = None,
    all_versions: bool = False,
) -> ArticleQuery:
    return ArticleQuery(
        q=q, outlet=outlet, since=since, until=until, status=status, all_versions=all_versions
    )


ARTICLE_QUERY_PARAMS = ("q", "outlet", "since", "until", "status", "all_versions")

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
