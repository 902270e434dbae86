"""The API's routers, one module per resource; ``ROUTERS`` is the one place they are registered."""

from fastapi import APIRouter

from eventwire.web.routes import articles, events, exports, reference, summaries

ROUTERS: dict[str, APIRouter] = {
    "articles": articles.router,
    "events": events.router,
    "summaries": summaries.router,
    "exports": exports.router,
    "reference": reference.router,
}
"""Read-only routers, mounted under /api. The ingest router is added only when the server has a token."""
