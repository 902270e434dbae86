"""Country outlines from countryinfo's GeoJSON, for asking whether a point lies in a country.

:class:`CountryShapes` reads the polygons once (:meth:`CountryShapes.load`) and answers
:meth:`CountryShapes.contains` by ray casting. Some countries ship without an outline in countryinfo (small
island states, and a few others such as Hungary and Hong Kong); :meth:`CountryShapes.has_shape` says which,
and callers decide what to do without one (the geoparse benchmark reports them apart).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from eventwire.errors import GeoDataError

Ring = tuple[tuple[float, float], ...]
"""A closed ring of (lon, lat) points, as GeoJSON writes them."""


@dataclass(frozen=True, slots=True)
class _Polygon:
    outer: Ring
    holes: tuple[Ring, ...]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """What countryinfo says about one country, beyond its outline."""

    iso3: str
    name: str
    latlng: tuple[float, float] | None  # a representative point (not always inside the outline)
    capital: str | None
    capital_latlng: tuple[float, float] | None
    population: int


def point_in_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting (even-odd rule): is the point inside the ring? Points on an edge may go either way."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat):
            x_cross = xi + (lat - yi) * (xj - xi) / (yj - yi)
            if lon < x_cross:
                inside = not inside
        j = i
    return inside


def _ring(points: Sequence[Sequence[float]]) -> Ring:
    return tuple((float(p[0]), float(p[1])) for p in points)


def _polygon(rings: Sequence[Sequence[Sequence[float]]]) -> _Polygon:
    outer = _ring(rings[0])
    lons = [p[0] for p in outer]
    lats = [p[1] for p in outer]
    return _Polygon(outer, tuple(_ring(r) for r in rings[1:]), (min(lons), min(lats), max(lons), max(lats)))


def _polygons_of(geojson: Mapping[str, Any], source: str) -> list[_Polygon]:
    out: list[_Polygon] = []
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        if not coords:
            raise GeoDataError(source, f"a {kind!r} geometry without coordinates", "reinstall countryinfo")
        if kind == "Polygon":
            out.append(_polygon(coords))
        elif kind == "MultiPolygon":
            out.extend(_polygon(p) for p in coords)
        else:
            raise GeoDataError(source, f"unexpected geometry type {kind!r}", "reinstall countryinfo")
    return out


def _latlng(value: Any) -> tuple[float, float] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return float(value[0]), float(value[1])
    return None


class CountryShapes:
    """Country outlines and facts by ISO3 code. Build it with :meth:`load`; it does not change after that."""

    __slots__ = ("_polygons", "_info")

    def __init__(self, polygons: Mapping[str, Sequence[_Polygon]], info: Mapping[str, CountryInfo]) -> None:
        self._polygons = MappingProxyType({k: tuple(v) for k, v in polygons.items()})
        self._info = MappingProxyType(dict(info))

    @classmethod
    def load(cls) -> CountryShapes:
        """Read every country of the installed countryinfo package (about 0.1 s)."""
        from countryinfo._cache import load_countries

        polygons: dict[str, list[_Polygon]] = {}
        info: dict[str, CountryInfo] = {}
        for key, raw in load_countries()["countries"].items():
            iso3 = (raw.get("ISO") or {}).get("alpha3")
            if not iso3 or iso3 in info:
                continue
            info[iso3] = CountryInfo(
                iso3=iso3,
                name=raw.get("name") or key,
                latlng=_latlng(raw.get("latlng")),
                capital=raw.get("capital") or None,
                capital_latlng=_latlng(raw.get("capital_latlng")),
                population=int(raw.get("population") or 0),
            )
            geojson = raw.get("geoJSON")
            if geojson:
                polygons[iso3] = _polygons_of(geojson, f"countryinfo data for {key!r}")
        return cls(polygons, info)

    def has_shape(self, iso3: str) -> bool:
        return iso3 in self._polygons

    def contains(self, iso3: str, lat: float, lon: float) -> bool:
        """True when the point lies inside the country's outline (False also when it has no outline)."""
        for poly in self._polygons.get(iso3, ()):
            min_lon, min_lat, max_lon, max_lat = poly.bbox
            if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
                continue
            if point_in_ring(lon, lat, poly.outer) and not any(
                point_in_ring(lon, lat, h) for h in poly.holes
            ):
                return True
        return False

    def country_at(self, lat: float, lon: float) -> str | None:
        """The country whose outline contains the point, if any (the first found)."""
        for iso3 in self._polygons:
            if self.contains(iso3, lat, lon):
                return iso3
        return None

    def info(self, iso3: str) -> CountryInfo | None:
        return self._info.get(iso3)

    def __repr__(self) -> str:
        return f"CountryShapes({len(self._info)} countries, {len(self._polygons)} with outlines)"
