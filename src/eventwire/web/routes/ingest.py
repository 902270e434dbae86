"""/api/ingest: add an article by URL or as text (only when the server runs with ``--token``)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field, model_validator

from eventwire.ingest import ingest
from eventwire.sources.item import RawInput
from eventwire.web.deps import ContextDep, require_token

router = APIRouter(
    tags=["ingest"],
    dependencies=[Depends(require_token)],
    responses={401: {"description": "No valid token"}, 503: {"description": "The server cannot write"}},
)

MAX_TEXT_CHARS = 2_000_000
"""The longest text the endpoint takes (characters); a bigger body is refused before it is read."""


class IngestRequest(BaseModel):
    url: str | None = Field(
        None, max_length=2048, pattern=r"^https?://", description="a page or feed to fetch"
    )
    text: str | None = Field(None, max_length=MAX_TEXT_CHARS, description="an article as text or HTML")
    kind: Literal["text", "html", "auto"] = "auto"
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    pub_date: dt.date | None = None

    @model_validator(mode="after")
    def one_input(self) -> IngestRequest:
        if (self.url is None) == (self.text is None):
            raise ValueError("give exactly one of url and text")
        return self


@router.post("/ingest", summary="Ingest a URL or a text (needs the token)")
def ingest_one(request: IngestRequest, ctx: ContextDep) -> dict[str, Any]:
    """Fetches or reads the input, codes it and stores it, as ``eventwire ingest`` does; answers with the
    run's summary and the ids of the articles written. A rejected input is recorded and reported."""
    if ctx.pipeline is None or not ctx.writable:  # the app is built with both whenever a token is set
        raise HTTPException(status_code=503, detail={"code": "E093", "message": "the server cannot write"})
    reports: list[str] = []
    store = ctx.store.view()
    try:
        with ctx.pipeline_lock:
            if request.url is not None:
                summary = ingest(
                    [request.url], store, ctx.pipeline, fetcher=ctx.fetcher, report=reports.append
                )
            else:
                text = request.text or ""
                origin = "api:" + hashlib.sha256(text.encode()).hexdigest()[:16]
                raw = RawInput(
                    origin=origin,
                    data=text.encode("utf-8"),
                    kind=request.kind,
                    title=request.title,
                    outlet=request.outlet,
                    pub_date=request.pub_date,
                )
                summary = ingest([origin], store, ctx.pipeline, report=reports.append, items=[raw])
    finally:
        store.close()
    return {"summary": summary.to_json(), "article_ids": summary.article_ids, "messages": reports}
