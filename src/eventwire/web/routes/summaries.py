"""Summaries over the filtered events: actors, aggregates, network, timeline and map points."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from eventwire.store import analytics
from eventwire.web.deps import StoreDep
from eventwire.web.routes.events import FilterDep

router = APIRouter(tags=["summaries"])

Interval = Annotated[Literal["day", "month", "year"], Query(description="period length")]


@router.get("/actors", summary="Actors with event counts")
def actors(
    store: StoreDep, flt: FilterDep, limit: Annotated[int, Query(ge=1, le=analytics.MAX_ROWS)] = 100
) -> dict[str, Any]:
    return {"items": analytics.actors(store, flt, limit=limit)}


@router.get("/aggregates", summary="Event counts per country and period")
def aggregates(
    store: StoreDep,
    flt: FilterDep,
    by: Annotated[Literal["quad_class", "plover", "cameo_root", "status"], Query()] = "quad_class",
    interval: Interval = "month",
    country: Annotated[
        Literal["source", "target", "location", "none"], Query(description="whose country to count per")
    ] = "source",
) -> dict[str, Any]:
    """Counts per (country, period, key). Undated events count on their article's publication day."""
    items = analytics.aggregate(store, flt, by=by, interval=interval, country=country)
    return {"by": by, "interval": interval, "country": country, "items": items}


@router.get("/network", summary="Actor network")
def network(
    store: StoreDep, flt: FilterDep, limit: Annotated[int, Query(ge=1, le=analytics.MAX_ROWS)] = 500
) -> dict[str, Any]:
    """Actors (country + type) as nodes; events between them as directed edges with counts per QuadClass."""
    return analytics.network(store, flt, limit=limit).to_json()


@router.get("/timeline", summary="Timeline for an actor or a pair")
def timeline(
    store: StoreDep,
    flt: FilterDep,
    interval: Interval = "month",
    limit: Annotated[int, Query(ge=1, le=analytics.MAX_ROWS)] = 500,
) -> dict[str, Any]:
    """Counts per period and QuadClass, and the events in date order; give ``actor`` (and ``partner``)."""
    return analytics.timeline(store, flt, interval=interval, limit=limit)


@router.get("/map", summary="Places of events as GeoJSON, with counts")
def event_map(
    store: StoreDep, flt: FilterDep, limit: Annotated[int, Query(ge=1, le=analytics.MAX_ROWS)] = 2000
) -> dict[str, Any]:
    """One point per place with the number of matching events there and their split by QuadClass (the
    places with most events first). A place's events: ``/api/events`` with a ``bbox`` around the point;
    one point per event: ``/api/export/events.geojson``."""
    return analytics.map_places(store, flt, limit=limit)
