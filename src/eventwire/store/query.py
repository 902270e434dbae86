"""Event queries over the store: one filter object turned into one parameterised SQL statement."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.document import STATUSES
from eventwire.errors import BadOption
from eventwire.store.db import Store

_ISO3 = re.compile(r"^(?:[A-Z]{3}|IGO|NGO)$")
_CAMEO = re.compile(r"^\d{2,4}$")
_ACTOR_TYPE = re.compile(r"^[A-Z]{3}$")
_ARTICLE_ID = re.compile(r"^a[0-9a-f]{19}$")
MAX_TEXT_FILTER = 200
"""The longest name, place or text a filter takes (characters); longer values are refused, not cut."""


@dataclass(frozen=True)
class EventFilter:
    """What ``eventwire events`` can ask for; ``None`` means 'any'. All values are checked on creation."""

    actor: str | None = None  # country (ISO3) on either side
    source: str | None = None
    target: str | None = None
    cameo: str | None = None  # root ("14") or a longer code prefix ("141")
    plover: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    all_versions: bool = False  # include events of superseded article versions
    partner: str | None = None  # with ``actor``: the country on the other side (either direction)
    actor_type: str | None = None  # actor type (GOV, MIL, REB, PMC, ...) on either side
    actor_name: str | None = None  # case-insensitive substring of an actor's name or text, either side
    place: str | None = None  # ISO3 of a location's country, or a substring of a place name (any location)
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    article: str | None = None  # one article id
    text: str | None = None  # case-insensitive substring of the evidence sentence

    def __post_init__(self) -> None:
        for name in ("actor", "source", "target", "partner"):
            value = getattr(self, name)
            if value is not None and not _ISO3.match(value):
                raise BadOption(f"--{name}", f"{value!r} is not an ISO 3166 alpha-3 code", "write e.g. MLI")
        if self.partner is not None and self.actor is None:
            raise BadOption("partner", "a partner needs an actor", "give the actor country too")
        if self.actor_type is not None and not _ACTOR_TYPE.match(self.actor_type):
            raise BadOption("actor_type", f"{self.actor_type!r} is not an actor type", "write e.g. GOV")
        if self.article is not None and not _ARTICLE_ID.match(self.article):
            raise BadOption("article", f"{self.article!r} is not an article id", "ids look like a0123…")
        for name in ("actor_name", "place", "text"):
            value = getattr(self, name)
            if value is not None and (not value.strip() or len(value) > MAX_TEXT_FILTER):
                raise BadOption(
                    name, f"must be 1 to {MAX_TEXT_FILTER} characters", "shorten or drop the filter"
                )
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
                raise BadOption(
                    "bbox", f"{self.bbox!r} is not a box", "give min_lon,min_lat,max_lon,max_lat in degrees"
                )
        if self.cameo is not None and not _CAMEO.match(self.cameo):
            raise BadOption("--cameo", f"{self.cameo!r} is not a CAMEO code", "write a root such as 14")
        if self.status is not None and self.status not in STATUSES:
            raise BadOption(
                "--status", f"{self.status!r} is not a status", f"use one of {', '.join(STATUSES)}"
            )
        if self.since and self.until and self.since > self.until:
            raise BadOption("--since/--until", "since is after until", "swap them")

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor and self.partner:
            clauses.append(
                "((e.source_country = ? AND e.target_country = ?)"
                " OR (e.source_country = ? AND e.target_country = ?))"
            )
            params += [self.actor, self.partner, self.partner, self.actor]
        elif self.actor:
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [self.actor, self.actor]
        if self.actor_type:
            clauses.append("(e.source_type = ? OR e.target_type = ?)")
            params += [self.actor_type, self.actor_type]
        if self.actor_name:
            # one test per column: a per-row concatenation costs ten times as much over a large store
            clauses.append(
                "(" + " OR ".join(f"contains(lower(e.{c}), lower(?))" for c in _NAME_COLUMNS) + ")"
            )
            params += [self.actor_name] * len(_NAME_COLUMNS)
        if self.place:
            # the first location and the places listed with it ("attacked X, Y and Z": other_countries and
            # other_names, flat text columns, NULL for most events)
            tests = [
                "e.location_country = ?",
                "contains(lower(e.location_name), lower(?))",
                "contains(e.other_names, lower(?))",
            ]
            params += [self.place] * len(tests)
            if _ISO3.match(self.place):
                tests.append("contains(e.other_countries, ?)")
                params.append(self.place)
            clauses.append("(" + " OR ".join(tests) + ")")
        if self.bbox:
            clauses.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params += [self.bbox[0], self.bbox[2], self.bbox[1], self.bbox[3]]
        if self.article:
            clauses.append("e.article_id = ?")
            params.append(self.article)
        if self.text:
            clauses.append("contains(lower(e.evidence), lower(?))")
            params.append(self.text)
        if self.source:
            clauses.append("e.source_country = ?")
            params.append(self.source)
        if self.target:
            clauses.append("e.target_country = ?")
            params.append(self.target)
        if self.cameo:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            clauses.append("upper(e.plover) = upper(?)")
            params.append(self.plover)
        if self.status:
            clauses.append("e.status = ?")
            params.append(self.status)
        if self.since:
            clauses.append("e.date_end >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.date_start <= ?")
            params.append(self.until)
        if not self.all_versions:
            clauses.append("e.latest")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_NAME_COLUMNS = ("source_name", "source_text", "target_name", "target_text")

EVENT_ORDER = " ORDER BY e.date_start NULLS LAST, e.rowid"
"""Events in date order (undated ones on their article's publication day, then those with no day at all);
ties in the order they were written (article by article, each article's events in text order). The row
id is the cheapest tie-breaker there is: sorting a million events on it takes milliseconds."""


ARTICLE_COLUMNS = "a.url, a.title, a.outlet, a.pub_date, a.ingested_at, a.origin"


def query_events(
    store: Store,
    flt: EventFilter,
    limit: int | None = None,
    offset: int = 0,
    *,
    with_article: bool = False,
) -> Iterator[dict[str, Any]]:
    """Event records (as :meth:`Event.to_json` gives them, ``doc`` = article id) matching ``flt``.

    ``with_article`` adds an ``article`` key (url, title, outlet, pub_date, ingested_at, origin) to each
    record. A page (``limit``) is found in two steps: the row ids of the page, sorted on narrow columns,
    then the records of just those rows (DuckDB would otherwise read every matching record before it
    sorts: half a second over a million events instead of a few milliseconds).
    """
    where, params = flt.where()
    if limit is None:
        if offset:
            raise ValueError("an offset needs a limit")
        join = " JOIN articles a ON a.article_id = e.article_id" if with_article else ""
        columns = f"e.record, {ARTICLE_COLUMNS}" if with_article else "e.record"
        for row in store.rows(f"SELECT {columns} FROM events e{join}{where}{EVENT_ORDER}", params):
            yield _record(row)
        return
    ids = page_rows(store, flt, limit, offset)
    if not ids:
        return
    found = {
        r["rid"]: r for r in store.rows("SELECT rowid AS rid, record FROM events WHERE rowid = ANY(?)", [ids])
    }
    records = [_record({"record": found[i]["record"]}) for i in ids]
    if with_article:  # looked up by key for the page's articles only (a join would scan every article)
        wanted = sorted({r["doc"] for r in records})
        sql = f"SELECT a.article_id, {ARTICLE_COLUMNS} FROM articles a WHERE a.article_id = ANY(?)"
        articles = {r.pop("article_id"): _article(r) for r in store.rows(sql, [wanted])}
        for rec in records:
            rec["article"] = articles.get(rec["doc"])
    yield from records


def page_rows(
    store: Store, flt: EventFilter, limit: int, offset: int = 0, *, located: bool = False
) -> list[int]:
    """Row ids of one page of matching events, in :data:`EVENT_ORDER` (only narrow columns are read:
    fetch the wide ones, such as records and evidence, for these rows alone). ``located``: only events
    with coordinates."""
    where, params = flt.where()
    if located:
        where += (" AND" if where else " WHERE") + " e.lat IS NOT NULL"
    sql = f"SELECT e.rowid FROM events e{where}{EVENT_ORDER} LIMIT ? OFFSET ?"
    return [r[0] for r in store.con.execute(sql, [*params, int(limit), int(offset)]).fetchall()]


def _record(row: dict[str, Any]) -> dict[str, Any]:
    record = row.pop("record")
    rec: dict[str, Any] = json.loads(record) if isinstance(record, str) else record
    if row:
        rec["article"] = _article(row)
    return rec


def _article(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}


def count_events(store: Store, flt: EventFilter) -> int:
    where, params = flt.where()
    row = store.con.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()
    return int(row[0]) if row else 0


FLAT_COLUMNS = (
    "e.event_id, e.article_id, a.url, a.outlet, a.pub_date, e.cameo, e.cameo_root, e.plover, e.goldstein, "
    "e.quad_class, e.source_country, e.source_type, e.source_name, e.source_text, e.target_country, "
    "e.target_type, e.target_name, e.target_text, e.date, e.date_precision, e.status, e.location_name, "
    "e.location_country, e.lat, e.lon, e.evidence_start, e.evidence_end, e.evidence, e.confidence, "
    "e.record"
)


def export_parquet(store: Store, flt: EventFilter, path: str) -> int:
    """Write matching events (flat columns plus the full JSON record) to a Parquet file; returns the count."""
    where, params = flt.where()
    sql = (
        f"SELECT {FLAT_COLUMNS} FROM events e JOIN articles a ON a.article_id = e.article_id"
        f"{where}{EVENT_ORDER}"
    )
    # COPY takes parameters in its query but not as its target: the path goes in as an escaped literal
    literal = "'" + path.replace("'", "''") + "'"
    store.con.execute(f"COPY ({sql}) TO {literal} (FORMAT parquet)", params)
    row = store.con.execute(f"SELECT count(*) FROM read_parquet({literal})").fetchone()
    return int(row[0]) if row else 0
