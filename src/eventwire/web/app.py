"""The ASGI app: the JSON API under /api, its OpenAPI docs at /docs, and the browser UI at /.

The UI is static files (``web/static``) that call the API; every script, stylesheet and the world map
are served from the package (``static/vendor`` is built from the npm registry: ``npm ci --prefix web``).
Responses carry a strict Content-Security-Policy: scripts only from this server, no inline script, so a
payload hidden in an article's text cannot run even if some code forgot to treat it as text.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from eventwire.errors import BadOption, EventwireError
from eventwire.web.context import ServerContext
from eventwire.web.routes import ROUTERS

STATIC_DIR = Path(str(resources.files("eventwire.web") / "static"))
VENDOR_DIR = STATIC_DIR / "vendor"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""The policy of every page but /docs (Swagger UI starts itself with one inline script)."""

DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)


BAD_REQUEST: dict[int | str, dict[str, Any]] = {
    400: {"description": "A value the store cannot ask for (e.g. since after until): code, reason, next step"}
}


def vendor_missing() -> list[str]:
    """Files the UI needs from the npm build that are not there (empty when the build is complete)."""
    manifest = VENDOR_DIR / "manifest.json"
    if not manifest.is_file():
        return ["manifest.json"]
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8"))
    except ValueError:
        return ["manifest.json"]
    names = [f["file"] for f in listed.get("files", []) if isinstance(f, dict) and "file" in f]
    return [n for n in names if not (VENDOR_DIR / n).is_file()]


def create_app(context: ServerContext) -> FastAPI:
    """The app over one open store. Write endpoints are mounted only when ``context.token`` is set."""
    from eventwire import __version__

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political events coded from news, each with the evidence sentence and offsets of every "
        "actor, place, date and quantity. Read-only unless the server runs with --token.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.context = context
    for router in ROUTERS.values():
        app.include_router(router, prefix="/api", responses=BAD_REQUEST)
    if context.token is not None:
        from eventwire.web.routes import ingest

        app.include_router(ingest.router, prefix="/api", responses=BAD_REQUEST)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> JSONResponse:
        status = 400 if isinstance(exc, BadOption) else 500
        return JSONResponse(
            status_code=status,
            content={"detail": {"code": exc.code, "message": exc.message, "next": exc.hint}},
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return JSONResponse(status_code=422, content=jsonable_encoder({"detail": errors}))

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        docs = request.url.path == "/docs"
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.get("/api/status", tags=["status"], summary="What the server serves")
    def status() -> dict[str, Any]:
        store = context.store.view()
        try:
            counts = {t: store.count(t) for t in ("articles", "events", "rejected")}
        finally:
            store.close()
        return {
            "version": __version__,
            "store": Path(context.store.path).name,
            "writable": context.writable,
            "ingest": context.token is not None,
            "watching": list(context.watching),
            "counts": counts,
            "ui_assets_missing": vendor_missing(),
        }

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventwire API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},  # no call to swagger.io's validator
        )

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
