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
from eventwire.store.query import EventFilter, page_rows

INTERVALS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
"""Period formats for aggregates (of the first day of the event's date, truncated to the interval)."""

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

QUAD_COUNTS = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS q{q}" for q in (1, 2, 3, 4))
"""Columns q1..q4: the events of each QuadClass in a group."""

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
    # group on the truncated date and format only the groups: formatting every row costs more than the count
    sql = (
        f"SELECT country, strftime(day, '{fmt}') AS period, key, count FROM ("
        f"SELECT {country_sql} AS country, date_trunc('{interval}', e.date_start) AS day, {key_sql} AS key, "
        f"count(*) AS count FROM events e{where} GROUP BY ALL) "
        "ORDER BY day NULLS LAST, country NULLS LAST, key NULLS LAST LIMIT ?"
    )
    return _rows(store, sql, [*params, _limit(limit)])


def actors(store: Store, flt: EventFilter, *, limit: int = 100) -> list[dict[str, Any]]:
    """Actors (country, type, name) with their counts as source, as target and in all."""
    where, params = flt.where()
    extra = " AND" if where else " WHERE"
    side = (
        "SELECT e.{p}_country AS country, e.{p}_type AS type, e.{p}_name AS name, count(*) AS n "
        "FROM events e{where}{extra} e.{p}_text IS NOT NULL GROUP BY ALL"
    )
    # each side is counted on its own and only the counts are merged (grouping both sides' rows at once
    # costs more over a large store)
    sql = (
        "SELECT coalesce(s.country, t.country) AS country, coalesce(s.type, t.type) AS type, "
        "coalesce(s.name, t.name) AS name, coalesce(s.n, 0) AS as_source, coalesce(t.n, 0) AS as_target, "
        "coalesce(s.n, 0) + coalesce(t.n, 0) AS events FROM ("
        + side.format(p="source", where=where, extra=extra)
        + ") s FULL OUTER JOIN ("
        + side.format(p="target", where=where, extra=extra)
        + ") t ON s.country IS NOT DISTINCT FROM t.country AND s.type IS NOT DISTINCT FROM t.type "
        "AND s.name IS NOT DISTINCT FROM t.name "
        "ORDER BY events DESC, country NULLS LAST, type NULLS LAST, name NULLS LAST LIMIT ?"
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
    """Actors as nodes (country + type), events between two coded actors as directed edges with counts
    per QuadClass; the ``limit`` edges with most events are kept (ranked in SQL), and a node's ``events``
    counts the events of the edges shown. An edge's ``quad_class`` is its most frequent one (ties go to the
    more conflictual)."""
    where, params = flt.where()
    extra = " AND" if where else " WHERE"
    sql = (
        "SELECT e.source_country AS sc, e.source_type AS st, e.target_country AS tc, e.target_type AS tt, "
        f"count(*) AS n, {QUAD_COUNTS} FROM events e"
        f"{where}{extra} e.source_text IS NOT NULL AND e.target_text IS NOT NULL "
        "AND (e.source_country IS NOT NULL OR e.source_type IS NOT NULL) "
        "AND (e.target_country IS NOT NULL OR e.target_type IS NOT NULL) "
        "GROUP BY ALL ORDER BY n DESC, sc NULLS LAST, st NULLS LAST, tc NULLS LAST, tt NULLS LAST LIMIT ?"
    )
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for row in store.rows(sql, [*params, _limit(limit)]):
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
        for q in ("1", "2", "3", "4"):
            edge["by_quad"][q] += row["q" + q]
    ranked = list(edges.values())
    for edge in ranked:
        edge["quad_class"] = max((4, 3, 2, 1), key=lambda q: edge["by_quad"][str(q)])
    kept = sorted(nodes.values(), key=lambda n: (-n["events"], n["id"]))
    return Network(kept, ranked)


SUMMARY_COLUMNS = (
    "e.event_id AS id, e.article_id AS doc, e.date, e.cameo, e.plover, e.quad_class, e.status, "
    "e.source_country, e.source_type, e.source_text, e.target_country, e.target_type, e.target_text, "
    "e.location_name, e.location_country, e.evidence, e.lon, e.lat"
)


def event_summary(row: dict[str, Any]) -> dict[str, Any]:
    """The few fields a timeline entry or a map point shows of an event (from the flat columns: parsing
    thousands of JSON records would cost more than the query)."""
    src = actor_label(row["source_country"], row["source_type"]) if row["source_text"] is not None else None
    tgt = actor_label(row["target_country"], row["target_type"]) if row["target_text"] is not None else None
    return {
        "id": row["id"],
        "doc": row["doc"],
        "date": row["date"],
        "cameo": row["cameo"],
        "plover": row["plover"],
        "quad_class": row["quad_class"],
        "status": row["status"],
        "source_label": src,
        "target_label": tgt,
        "location_name": row["location_name"],
        "location_country": row["location_country"],
        "evidence": row["evidence"],
    }


def timeline(store: Store, flt: EventFilter, *, interval: str = "month", limit: int = 500) -> dict[str, Any]:
    """Counts per period and QuadClass, and the events themselves in date order (at most ``limit``)."""
    items = [
        {"period": r["period"], "quad_class": r["key"], "count": r["count"]}
        for r in aggregate(store, flt, by="quad_class", interval=interval, country="none")
        if r["period"] is not None
    ]
    events = [event_summary(r) for r in _summaries(store, page_rows(store, flt, _limit(limit)))]
    return {"interval": interval, "items": items, "events": events}


def _summaries(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    """The summary columns of the events at these row ids, in the order given."""
    if not ids:
        return []
    sql = f"SELECT e.rowid AS rid, {SUMMARY_COLUMNS} FROM events e WHERE e.rowid = ANY(?)"
    found = {r.pop("rid"): r for r in store.rows(sql, [ids])}
    return [found[i] for i in ids]


def map_places(store: Store, flt: EventFilter, *, limit: int = 2000) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with one point per place (name and coordinates) where matching events
    happened: how many, and how many per QuadClass; the ``limit`` places with most events. (One point per
    event would send a million points for a large store; a place's events are one events query away,
    with a ``bbox`` around the point.)"""
    where, params = flt.where()
    extra = " AND" if where else " WHERE"
    sql = (
        "SELECT e.location_name AS name, e.location_country AS country, e.lon, e.lat, count(*) AS n, "
        f"{QUAD_COUNTS} FROM events e{where}{extra} e.lat IS NOT NULL AND e.lon IS NOT NULL "
        "GROUP BY ALL ORDER BY n DESC, name NULLS LAST, e.lon, e.lat LIMIT ?"
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
            "properties": {
                "location_name": r["name"],
                "location_country": r["country"],
                "count": r["n"],
                "by_quad": {str(q): r[f"q{q}"] for q in (1, 2, 3, 4)},
            },
        }
        for r in store.rows(sql, [*params, _limit(limit)])
    ]
    return {"type": "FeatureCollection", "features": features}
