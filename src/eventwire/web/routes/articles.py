"""/api/articles: search and list articles; one article with its text and events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path

from eventwire.store.query import EventFilter, query_events
from eventwire.store.search import ArticleQuery, get_article, search_articles
from eventwire.web.deps import StoreDep
from eventwire.web.params import Limit, Offset, article_query

router = APIRouter(tags=["articles"])


@router.get("/articles", summary="Search and list articles")
def list_articles(
    store: StoreDep,
    query: Annotated[ArticleQuery, Depends(article_query)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Full-text search (BM25; all words must occur, "quoted phrases" as written), by outlet and
    publication date. Without ``q``, newest first."""
    total, items = search_articles(store, query, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/articles/{article_id}",
    summary="One article: its text and its events",
    responses={404: {"description": "No article with this id"}},
)
def article(
    store: StoreDep,
    article_id: Annotated[str, Path(pattern=r"^a[0-9a-f]{19}$", description="an article id")],
) -> dict[str, Any]:
    """The article's original text and every event coded from it; all offsets point into ``text``."""
    found = get_article(store, article_id)
    if found is None:
        raise HTTPException(
            status_code=404,
            detail={"code": "E091", "message": f"no article {article_id}", "next": "search /api/articles"},
        )
    found["events"] = list(query_events(store, EventFilter(article=article_id, all_versions=True)))
    return found
