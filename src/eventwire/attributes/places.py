"""Event locations for the attributes stage: the place where each event happened, geocoded.

The work is done by :mod:`eventwire.geo`: :func:`~eventwire.geo.find_places` finds and geocodes the
document's place mentions (biased to the countries the article is about, actors and datelines told apart)
and :func:`~eventwire.geo.locate_event` links a trigger to the place the parse attaches to it. This module
turns the chosen mention into the event's :class:`~eventwire.document.Location`: a point (city, town,
facility) keeps its coordinates; an area (country, region, continent) keeps its name and country but no
coordinates, so that no event is pinned to a country's centroid.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.document import Document, Event, Location
from eventwire.geo import Geocoder, GeoContext, Place, PlaceMention, locate_event_places

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["POINT_KINDS", "TARGET_PLACE_ROOTS", "Place", "event_locations", "geocode"]

POINT_KINDS = frozenset({"city"})
"""Place kinds whose coordinates are given with an event location; areas get none."""
TARGET_PLACE_ROOTS = frozenset({"04", "18", "19", "20"})
"""Roots whose target may also be the location (a visit to Paris, an assault on Aleppo); for other roots
a place that is the event's target stands for an actor ("sanctions against Iran") and is not taken."""


def event_locations(
    doc: Document, event: Event, trigger: Token, places: Sequence[PlaceMention]
) -> list[Location]:
    """The event's locations from the document's place mentions: the place the parse links to the trigger,
    then the places listed with it; empty when the parse links none."""
    actors = [event.source] if event.cameo_root in TARGET_PLACE_ROOTS else [event.source, event.target]
    actor_spans = {(a.span.start, a.span.end) for a in actors if a is not None}
    exclude = {(m.start, m.end) for m in places if _original(doc, m) in actor_spans}
    return [_location(doc, found) for found in locate_event_places(trigger, places, exclude)]


def _location(doc: Document, found: PlaceMention) -> Location:
    span = doc.span(found.start, found.end)
    place = found.place
    if place is None:
        return Location(span=span, name=None, country=None)
    point = place.kind in POINT_KINDS
    return Location(
        span=span,
        name=place.name,
        country=place.country,
        lat=place.lat if point else None,
        lon=place.lon if point else None,
    )


def _original(doc: Document, mention: PlaceMention) -> tuple[int, int]:
    span = doc.span(mention.start, mention.end)
    return span.start, span.end


def geocode(text: str, geocoder: Geocoder, focus: str | None = None) -> Place | None:
    """One place name resolved on its own, biased only to a focus country (ISO3)."""
    return geocoder.resolve(text, GeoContext(focus))
