"""Writers for coded events: jsonl (the event record), csv (flattened) and a readable table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from eventwire.document import Event
from eventwire.output.gdelt import write_gdelt
from eventwire.output.geojson import write_geojson

EventLike = Event | dict[str, Any]
"""A coded event, or its JSON record (as the store gives it back)."""


def record(event: EventLike) -> dict[str, Any]:
    return event if isinstance(event, dict) else event.to_json()


CSV_COLUMNS = (
    "id", "doc", "cameo", "cameo_root", "plover", "goldstein", "quad_class",
    "source_text", "source_name", "source_country", "source_type",
    "target_text", "target_name", "target_country", "target_type",
    "date", "date_precision", "location_name", "location_country", "status", "attributed_to",
    "quantities", "evidence_start", "evidence_end", "evidence", "confidence", "rule",
)  # fmt: skip


def write_jsonl(events: Iterable[EventLike], out: TextIO) -> None:
    for event in events:
        out.write(json.dumps(record(event), ensure_ascii=False) + "\n")


def csv_row(event: EventLike) -> dict[str, Any]:
    rec = record(event)
    src, tgt, loc = rec["source"] or {}, rec["target"] or {}, rec["location"] or {}
    return {
        "id": rec["id"], "doc": rec["doc"], "cameo": rec["cameo"], "cameo_root": rec["cameo_root"],
        "plover": rec["plover"], "goldstein": rec["goldstein"], "quad_class": rec["quad_class"],
        "source_text": src.get("text"), "source_name": src.get("name"),
        "source_country": src.get("country"), "source_type": src.get("type"),
        "target_text": tgt.get("text"), "target_name": tgt.get("name"),
        "target_country": tgt.get("country"), "target_type": tgt.get("type"),
        "date": rec["date"], "date_precision": rec["date_precision"],
        "location_name": loc.get("name"), "location_country": loc.get("country"),
        "status": rec["status"],
        "attributed_to": (rec["attributed_to"] or {}).get("text"),
        "quantities": json.dumps(rec["quantities"], ensure_ascii=False) if rec["quantities"] else "",
        "evidence_start": rec["evidence"]["start"], "evidence_end": rec["evidence"]["end"],
        "evidence": rec["evidence"]["text"], "confidence": rec["confidence"], "rule": rec["rule"],
    }  # fmt: skip


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these is run as a formula by spreadsheet programs (OWASP "CSV
injection"); a spreadsheet-safe CSV prefixes such cells with an apostrophe."""


def spreadsheet_safe(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def write_csv(events: Iterable[EventLike], out: TextIO, *, for_spreadsheets: bool = False) -> None:
    """One row per event. ``for_spreadsheets``: text cells that a spreadsheet would run as a formula get
    a leading apostrophe (the web UI's CSV export, which analysts open in spreadsheets, uses it)."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for event in events:
        row = csv_row(event)
        if for_spreadsheets:
            row = {k: spreadsheet_safe(v) for k, v in row.items()}
        writer.writerow(row)


def _actor_cell(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    code = f"{actor['country'] or '???'}{actor['type'] or ''}"
    label = " ".join((actor["name"] or actor["text"]).split())
    if len(label) > 28:
        label = label[:27] + "…"
    return f"{code} {label}"


def write_table(events: Iterable[EventLike], out: TextIO) -> None:
    rows = []
    for event in events:
        rec = record(event)
        evidence = " ".join(rec["evidence"]["text"].split())
        rows.append(
            (
                rec["doc"][:16], rec["id"], rec["cameo"], rec["plover"] or "-",
                _actor_cell(rec["source"]), _actor_cell(rec["target"]),
                rec["date"] or "-", rec["status"], evidence[:70] + ("…" if len(evidence) > 70 else ""),
            )
        )  # fmt: skip
    header = ("doc", "id", "cameo", "plover", "source", "target", "date", "status", "evidence")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    if not rows:
        out.write("(no events)\n")


WRITERS: dict[str, Callable[[Iterable[EventLike], TextIO], None]] = {
    "table": write_table,
    "jsonl": write_jsonl,
    "csv": write_csv,
    "gdelt": write_gdelt,
    "geojson": write_geojson,
}
"""Output formats by name (the CLI's --format choices, and the web app's exports). A test pins this list."""


def render(events: Iterable[EventLike], fmt: str) -> str:
    buf = io.StringIO()
    WRITERS[fmt](events, buf)
    return buf.getvalue()
