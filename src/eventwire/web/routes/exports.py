"""/api/export/events.{format}: the filtered events as a file, in every format eventwire writes.

``EXPORTS`` is the one registry: a format's name, its media type, and the writer (from
``output.formats.WRITERS``, the same writers the CLI uses), or ``parquet``, which DuckDB writes itself.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from eventwire.output.formats import WRITERS, write_csv
from eventwire.store.query import export_parquet, query_events
from eventwire.web.deps import StoreDep
from eventwire.web.routes.events import FilterDep

router = APIRouter(tags=["exports"])


@dataclass(frozen=True)
class Export:
    writer: str  # a key of WRITERS, or "parquet"
    media_type: str
    extension: str


EXPORTS: dict[str, Export] = {
    "csv": Export("csv", "text/csv; charset=utf-8", "csv"),
    "jsonl": Export("jsonl", "application/x-ndjson; charset=utf-8", "jsonl"),
    "geojson": Export("geojson", "application/geo+json; charset=utf-8", "geojson"),
    "tsv": Export("gdelt", "text/tab-separated-values; charset=utf-8", "tsv"),
    "parquet": Export("parquet", "application/vnd.apache.parquet", "parquet"),
}
"""Formats of /api/export/events.{format}; ``tsv`` is the GDELT 2.0 event table layout; ``csv`` is made
safe for spreadsheets (a cell that would run as a formula starts with an apostrophe)."""


@router.get(
    "/export/events.{fmt}",
    summary="Export the filtered events",
    response_class=FileResponse,
    responses={404: {"description": "No such export format"}},
)
def export_events(
    store: StoreDep,
    flt: FilterDep,
    fmt: Annotated[str, Path(description=", ".join(EXPORTS))],
) -> FileResponse:
    """All matching events (no paging) as CSV, JSONL, GeoJSON, a GDELT-2.0-style TSV or Parquet."""
    spec = EXPORTS.get(fmt)
    if spec is None or (spec.writer != "parquet" and spec.writer not in WRITERS):
        raise HTTPException(
            status_code=404,
            detail={
                "code": "E092",
                "message": f"no export format {fmt[:20]!r}",
                "next": f"use {', '.join(EXPORTS)}",
            },
        )
    handle, path = tempfile.mkstemp(prefix="eventwire-export-", suffix="." + spec.extension)
    try:
        if spec.writer == "parquet":
            os.close(handle)
            export_parquet(store, flt, path)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                events = query_events(store, flt, with_article=True)
                if spec.writer == "csv":
                    write_csv(events, out, for_spreadsheets=True)
                else:
                    WRITERS[spec.writer](events, out)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(
        path,
        media_type=spec.media_type,
        filename=f"events.{spec.extension}",
        background=BackgroundTask(os.unlink, path),
    )
