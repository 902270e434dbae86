"""Query parameters shared by the API's endpoints, turned into the store's filter objects.

Every value is checked twice: by its declared type and length here, and by :class:`EventFilter` /
:class:`ArticleQuery`, which refuse what the store cannot ask for. A refused value gives HTTP 400 with
the error's code, reason and next step; nothing a client sends ever becomes SQL text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Query

from eventwire.errors import BadOption
from eventwire.store.query import MAX_TEXT_FILTER, EventFilter
from eventwire.store.search import MAX_PAGE, MAX_QUERY, ArticleQuery

COUNTRY_PATTERN = r"^[A-Z]{3}$"
Country = Annotated[
    str | None,
    Query(description="ISO 3166 alpha-3 country code (or IGO/NGO)", pattern=COUNTRY_PATTERN),
]
EventStatus = Literal["denied", "hypothetical", "requested", "planned", "alleged", "reported", "asserted"]
"""The seven statuses (``document.STATUSES``; a test checks the two lists agree)."""


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
        str | None, Query(description="with actor: the other side's country", pattern=COUNTRY_PATTERN)
    ] = None,
    source: Country = None,
    target: Country = None,
    actor_type: Annotated[
        str | None,
        Query(description="actor type on either side: GOV, MIL, REB, PMC, ...", pattern=r"^[A-Z]{3}$"),
    ] = None,
    actor_name: Annotated[
        str | None,
        Query(
            description="part of an actor's name or text (either side)",
            min_length=1,
            max_length=MAX_TEXT_FILTER,
        ),
    ] = None,
    cameo: Annotated[
        str | None, Query(description="CAMEO root (14) or code prefix (141)", pattern=r"^[0-9]{2,4}$")
    ] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type, e.g. PROTEST", max_length=40)] = None,
    status: Annotated[EventStatus | None, Query(description="the event's status (ANNOTATION.md)")] = None,
    since: Annotated[dt.date | None, Query(description="events on or after this date")] = None,
    until: Annotated[dt.date | None, Query(description="events on or before this date")] = None,
    place: Annotated[
        str | None,
        Query(
            description="location country (ISO3) or part of the place name",
            min_length=1,
            max_length=MAX_TEXT_FILTER,
        ),
    ] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat", max_length=100)] = None,
    article: Annotated[str | None, Query(description="one article id", pattern=r"^a[0-9a-f]{19}$")] = None,
    text: Annotated[
        str | None,
        Query(description="part of the evidence sentence", min_length=1, max_length=MAX_TEXT_FILTER),
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
        str | None,
        Query(description='words (all must occur) and "quoted phrases"', min_length=1, max_length=MAX_QUERY),
    ] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    since: Annotated[dt.date | None, Query(description="published on or after")] = None,
    until: Annotated[dt.date | None, Query(description="published on or before")] = None,
    status: Annotated[Literal["coded", "skipped"] | None, Query(description="coded or skipped")] = None,
    all_versions: bool = False,
) -> ArticleQuery:
    return ArticleQuery(
        q=q, outlet=outlet, since=since, until=until, status=status, all_versions=all_versions
    )


ARTICLE_QUERY_PARAMS = ("q", "outlet", "since", "until", "status", "all_versions")

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
