"""FastAPI dependencies: the server context, a per-request store handle, and the write-token check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from eventwire.store.db import Store
from eventwire.web.context import ServerContext


def get_context(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.context
    return ctx


def get_store(ctx: Annotated[ServerContext, Depends(get_context)]) -> Iterator[Store]:
    yield from ctx.reader()


def require_token(
    ctx: Annotated[ServerContext, Depends(get_context)],
    authorization: Annotated[str | None, Header(description="Bearer TOKEN (the server's --token)")] = None,
) -> None:
    presented = None
    if authorization and authorization.lower().startswith("bearer "):
        presented = authorization[7:].strip()
    if not ctx.token_ok(presented):
        raise HTTPException(
            status_code=401,
            detail={
                "code": "E090",
                "message": "a valid token is needed",
                "next": "send Authorization: Bearer TOKEN",
            },
            headers={"WWW-Authenticate": "Bearer"},
        )


StoreDep = Annotated[Store, Depends(get_store)]
ContextDep = Annotated[ServerContext, Depends(get_context)]
