"""Summaries of the stored events: actors with counts, counts per country and period, the actor network,
a timeline for an actor or a pair, and map points.

Every function takes an :class:`EventFilter` and turns it into one parameterised SQL statement; the
names of grouping columns come from fixed tables here, never from the caller's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.errors import BadOption
from eventwire.store.db import Store
from eventwire.store.query import EVENT_ORDER, EventFilter

INTERVALS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
"""Period formats for aggregates (strftime over the first day of the event's date)."""

GROUP_KEYS = {
    "quad_class": "e.quad_class",
    "plover": "e.plover",
    "cameo_root": "e.cameo_root",
    "status": "e.status",
}
"""What an aggregate can be broken down by."""

COUNTRY_SIDES = {
    "source": "e.source_country",
    "target": "e.target_country",
    "location": "e.location_country",
    "none": "NULL",
}
"""Whose country an aggregate counts per: the source actor's, the target's, the event location's, or none."""

MAX_ROWS = 10_000
"""The most rows a summary returns; a request for more is refused (page the events instead)."""


def _choice(name: str, value: str, options: dict[str, str]) -> str:
    if value not in options:
        raise BadOption(
            name, f"{value!r} is not one of {', '.join(options)}", f"use one of {', '.join(options)}"
        )
    return options[value]


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_ROWS:
        raise BadOption("limit", f"{limit} is outside 1..{MAX_ROWS}", "ask for fewer rows")
    return limit


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return list(store.rows(sql, params))


def aggregate(
    store: Store,
    flt: EventFilter,
    *,
    by: str = "quad_class",
    interval: str = "month",
    country: str = "source",
    limit: int = MAX_ROWS,
) -> list[dict[str, Any]]:
    """Event counts per (country, period, key), e.g. per source country and month by QuadClass.

    Undated events are counted on the day their article was published (as the store records them);
    events with no date at all (no article date either) have period ``None``.
    """
    key_sql = _choice("by", by, GROUP_KEYS)
    fmt = _choice("interval", interval, INTERVALS)
    country_sql = _choice("country", country, COUNTRY_SIDES)
    where, params = flt.where()
    sql = (
        f"SELECT {country_sql} AS country, strftime(e.date_start, '{fmt}') AS period, {key_sql} AS key, "
        f"count(*) AS count FROM events e{where} GROUP BY ALL "
        "ORDER BY period NULLS LAST, country NULLS LAST, key NULLS LAST LIMIT ?"
    )
    return _rows(store, sql, [*params, _limit(limit)])


def actors(store: Store, flt: EventFilter, *, limit: int = 100) -> list[dict[str, Any]]:
    """Actors (country, type, name) with their counts as source, as target and in all."""
    where, params = flt.where()
    side = (
        "SELECT e.{p}_country AS country, e.{p}_type AS type, e.{p}_name AS name, "
        "{s} AS as_source, {t} AS as_target FROM events e{where}{extra} e.{p}_text IS NOT NULL"
    )
    extra = " AND" if where else " WHERE"
    sql = (
        "SELECT country, type, name, sum(as_source) AS as_source, sum(as_target) AS as_target, "
        "count(*) AS events FROM ("
        + side.format(p="source", s=1, t=0, where=where, extra=extra)
        + " UNION ALL "
        + side.format(p="target", s=0, t=1, where=where, extra=extra)
        + ") GROUP BY ALL ORDER BY events DESC, country NULLS LAST, type NULLS LAST, name NULLS LAST LIMIT ?"
    )
    return _rows(store, sql, [*params, *params, _limit(limit)])


def actor_label(country: str | None, actor_type: str | None) -> str:
    """The node name of an actor in the network and timeline: ``"MLI GOV"``, ``"--- REB"``, ``"MLI"``."""
    return " ".join(x for x in (country or "---", actor_type) if x)


@dataclass(frozen=True)
class Network:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "edges": self.edges}


def network(store: Store, flt: EventFilter, *, limit: int = 500) -> Network:
    """Actors as nodes (country + type), events between two coded actors as directed edges, with counts
    per QuadClass; an edge's ``quad_class`` is its most frequent one (ties go to the more conflictual)."""
    where, params = flt.where()
    extra = " AND" if where else " WHERE"
    sql = (
        "SELECT e.source_country AS sc, e.source_type AS st, e.target_country AS tc, e.target_type AS tt, "
        "e.quad_class AS q, count(*) AS n FROM events e"
        f"{where}{extra} e.source_text IS NOT NULL AND e.target_text IS NOT NULL "
        "AND (e.source_country IS NOT NULL OR e.source_type IS NOT NULL) "
        "AND (e.target_country IS NOT NULL OR e.target_type IS NOT NULL) GROUP BY ALL"
    )
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for row in store.rows(sql, params):
        src, tgt = actor_label(row["sc"], row["st"]), actor_label(row["tc"], row["tt"])
        for label, country, kind in ((src, row["sc"], row["st"]), (tgt, row["tc"], row["tt"])):
            node = nodes.setdefault(
                label, {"id": label, "country": country, "type": kind, "label": label, "events": 0}
            )
            node["events"] += row["n"]
        edge = edges.setdefault(
            (src, tgt),
            {"source": src, "target": tgt, "count": 0, "by_quad": {"1": 0, "2": 0, "3": 0, "4": 0}},
        )
        edge["count"] += row["n"]
        if row["q"] is not None:
            edge["by_quad"][str(row["q"])] += row["n"]
    ranked = sorted(edges.values(), key=lambda e: (-e["count"], e["source"], e["target"]))[: _limit(limit)]
    for edge in ranked:
        edge["quad_class"] = max((4, 3, 2, 1), key=lambda q: edge["by_quad"][str(q)])
    used = {e["source"] for e in ranked} | {e["target"] for e in ranked}
    kept = sorted((n for k, n in nodes.items() if k in used), key=lambda n: (-n["events"], n["id"]))
    return Network(kept, ranked)


def event_summary(rec: dict[str, Any]) -> dict[str, Any]:
    """The few fields a timeline entry or a map point shows of an event record."""
    src, tgt, loc = rec.get("source") or {}, rec.get("target") or {}, rec.get("location") or {}
    return {
        "id": rec["id"],
        "doc": rec["doc"],
        "date": rec.get("date"),
        "cameo": rec["cameo"],
        "plover": rec.get("plover"),
        "quad_class": rec.get("quad_class"),
        "status": rec["status"],
        "source_label": actor_label(src.get("country"), src.get("type")) if src else None,
        "target_label": actor_label(tgt.get("country"), tgt.get("type")) if tgt else None,
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "evidence": rec["evidence"]["text"],
    }


def timeline(store: Store, flt: EventFilter, *, interval: str = "month", limit: int = 500) -> dict[str, Any]:
    """Counts per period and QuadClass, and the events themselves in date order (at most ``limit``)."""
    import json

    items = [
        {"period": r["period"], "quad_class": r["key"], "count": r["count"]}
        for r in aggregate(store, flt, by="quad_class", interval=interval, country="none")
        if r["period"] is not None
    ]
    where, params = flt.where()
    sql = f"SELECT e.record FROM events e{where}{EVENT_ORDER} LIMIT ?"
    events = [event_summary(json.loads(r["record"])) for r in store.rows(sql, [*params, _limit(limit)])]
    return {"interval": interval, "items": items, "events": events}


def map_features(store: Store, flt: EventFilter, *, limit: int = 5000) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the events that have coordinates (a point per event)."""
    import json

    where, params = flt.where()
    extra = " AND" if where else " WHERE"
    sql = f"SELECT e.record, e.lon, e.lat FROM events e{where}{extra} e.lat IS NOT NULL{EVENT_ORDER} LIMIT ?"
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
            "properties": event_summary(json.loads(r["record"])),
        }
        for r in store.rows(sql, [*params, _limit(limit)])
    ]
    return {"type": "FeatureCollection", "features": features}
