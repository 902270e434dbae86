"""The embedded event store (DuckDB): articles with versions, events, rejected inputs, runs."""

from eventwire.store.db import (
    DEFAULT_DB,
    ArticleRecord,
    BatchResult,
    RejectedInput,
    Store,
    StoredArticle,
    content_hash,
    identity_of,
)
from eventwire.store.query import EventFilter, export_parquet, query_events
from eventwire.store.schema import SCHEMA_VERSION

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "ArticleRecord",
    "BatchResult",
    "EventFilter",
    "RejectedInput",
    "Store",
    "StoredArticle",
    "content_hash",
    "export_parquet",
    "identity_of",
    "query_events",
]
