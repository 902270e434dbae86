"""GeoJSON export: coded events as an RFC 7946 FeatureCollection of point features, for maps.

This module holds :func:`feature` (one event record -> one Feature, or None) and :func:`write_geojson` (the
streaming writer). One feature per event whose location has a latitude and a longitude, with coordinates in
RFC 7946 order ``[longitude, latitude]`` (WGS 84): a Point, or a MultiPoint (the location's point first) when
the places listed with it (``other_locations``: "attacked the villages of X, Y and Z") have points too.
**Events without coordinates are skipped**: those without a location and those located only at a country or
region, which our geocoder gives no point (see ``eventwire.attributes.places.POINT_KINDS``); so are
coordinates outside -90..90 / -180..180.

Properties are flat (map tools such as QGIS show nested objects as text): ``id, doc, cameo, cameo_root,
plover, quad_class, goldstein, status, date, date_precision, confidence``, ``source_country, source_type,
source_name, source_text`` and the same for ``target_``, ``location_name, location_country, location_text``,
``other_location_names`` (the listed places' names joined by "; ", or null),
``evidence, evidence_start, evidence_end`` (offsets into the original article text) and, when the record
carries an ``article``, ``url`` and ``title``. The feature's own ``id`` member is the event id.

The output is valid JSON whatever the text holds: strings are escaped by :mod:`json`, non-finite numbers
become null, and ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\u003c``-style escapes so that a
collection pasted into an HTML ``<script>`` cannot close it (the parsed strings are unchanged). Other
non-ASCII text is kept as UTF-8.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from eventwire.document import Event

__all__ = ["feature", "write_geojson"]

_HTML_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _finite(value: Any) -> Any:
    """``value``, or None for a NaN or infinite float (JSON has neither)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _coordinate(value: Any, limit: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and -limit <= number <= limit else None


def _actor(prefix: str, actor: Mapping[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {f"{prefix}_{key}": actor.get(key) for key in ("country", "type", "name", "text")}


def _point(loc: Any) -> list[float] | None:
    """``[longitude, latitude]`` of a location record, or None when it has no valid point."""
    if not isinstance(loc, Mapping):
        return None
    lat, lon = _coordinate(loc.get("lat"), 90.0), _coordinate(loc.get("lon"), 180.0)
    return None if lat is None or lon is None else [lon, lat]


def feature(record: Mapping[str, Any]) -> dict[str, Any] | None:
    """The GeoJSON feature of one event record (``Event.to_json()``), or None if its location has no point:
    a Point, or a MultiPoint when places listed with the location ("attacked X, Y and Z") have points too,
    the location's first."""
    loc = record.get("location") or {}
    first = _point(loc)
    if first is None:
        return None
    listed = record.get("other_locations")
    others = [o for o in listed if isinstance(o, Mapping)] if isinstance(listed, list) else []
    points = [first, *(p for p in map(_point, others) if p is not None and p != first)]
    evidence = record.get("evidence") or {}
    properties: dict[str, Any] = {
        "id": record.get("id"),
        "doc": record.get("doc"),
        "cameo": record.get("cameo"),
        "cameo_root": record.get("cameo_root"),
        "plover": record.get("plover"),
        "quad_class": record.get("quad_class"),
        "goldstein": _finite(record.get("goldstein")),
        "status": record.get("status"),
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        "confidence": _finite(record.get("confidence")),
        **_actor("source", record.get("source")),
        **_actor("target", record.get("target")),
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "location_text": loc.get("text"),
        "other_location_names": "; ".join(str(o.get("name") or o.get("text")) for o in others) or None,
        "evidence": evidence.get("text"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
    }
    article = record.get("article")
    if isinstance(article, Mapping):
        for key in ("url", "title"):
            if article.get(key) is not None:
                properties[key] = article[key]
    return {
        "type": "Feature",
        "id": record.get("id"),
        "geometry": (
            {"type": "Point", "coordinates": first}
            if len(points) == 1
            else {"type": "MultiPoint", "coordinates": points}
        ),
        "properties": properties,
    }


def _dumps(obj: Any) -> str:
    text = json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for char, escape in _HTML_ESCAPES.items():
        text = text.replace(char, escape)  # only inside strings: JSON syntax uses none of them
    return text


def write_geojson(events: Iterable[Event | Mapping[str, Any]], out: TextIO) -> None:
    """Stream a FeatureCollection: one feature per line, events without coordinates skipped."""
    out.write('{"type":"FeatureCollection","features":[')
    first = True
    for event in events:
        rec = event.to_json() if isinstance(event, Event) else event
        found = feature(rec)
        if found is None:
            continue
        out.write(("\n" if first else ",\n") + _dumps(found))
        first = False
    out.write("\n]}\n")
