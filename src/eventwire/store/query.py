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

    def __post_init__(self) -> None:
        for name in ("actor", "source", "target"):
            value = getattr(self, name)
            if value is not None and not _ISO3.match(value):
                raise BadOption(f"--{name}", f"{value!r} is not an ISO 3166 alpha-3 code", "write e.g. MLI")
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
        if self.actor:
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [self.actor, self.actor]
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
            clauses.append("NOT EXISTS (SELECT 1 FROM articles n WHERE n.previous_id = e.article_id)")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


EVENT_ORDER = " ORDER BY e.date_start NULLS LAST, e.article_id, e.evidence_start, e.event_id"


def event_sql(flt: EventFilter, columns: str = "e.record") -> tuple[str, list[Any]]:
    where, params = flt.where()
    return f"SELECT {columns} FROM events e{where}{EVENT_ORDER}", params


def query_events(store: Store, flt: EventFilter, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Event records (as :meth:`Event.to_json` gives them, ``doc`` = article id) matching ``flt``."""
    sql, params = event_sql(flt)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    for row in store.rows(sql, params):
        record = row["record"]
        yield json.loads(record) if isinstance(record, str) else record


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
