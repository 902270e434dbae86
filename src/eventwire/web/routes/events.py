"""/api/events: filtered, paged event records."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from eventwire.store.query import EventFilter, count_events, query_events
from eventwire.web.deps import StoreDep
from eventwire.web.params import Limit, Offset, event_filter

router = APIRouter(tags=["events"])

FilterDep = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", summary="Events matching the filters")
def list_events(store: StoreDep, flt: FilterDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Event records in date order, each with its article's url, title, outlet and dates under
    ``article``; every span has character offsets into the article's text."""
    items = list(query_events(store, flt, limit=limit, offset=offset, with_article=True))
    return {"total": count_events(store, flt), "limit": limit, "offset": offset, "items": items}
