"""What the web app serves from: the open store, and (when writes are enabled) the pipeline and token.

DuckDB lets one process write. The server opens the store once: read-only by default, or for writing when
it has a token (the ingest endpoint) or a watcher. Each request works on its own cursor (``Store.view``),
so requests run side by side; writers (the watcher and the ingest endpoint) take ``pipeline_lock`` so
one pipeline codes one batch at a time.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from eventwire.pipeline import Pipeline
from eventwire.sources.fetch import Fetcher
from eventwire.store.db import Store


@dataclass
class ServerContext:
    store: Store
    token: str | None = None  # write endpoints exist only when a token is set
    pipeline: Pipeline | None = None  # needed by the ingest endpoint and the watcher
    fetcher: Fetcher | None = None  # for ingesting URLs (tests inject a transport)
    pipeline_lock: threading.Lock = field(default_factory=threading.Lock)
    watching: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < MIN_TOKEN_LENGTH:
            from eventwire.errors import BadOption

            raise BadOption(
                "--token", f"shorter than {MIN_TOKEN_LENGTH} characters", "use e.g. `openssl rand -hex 16`"
            )

    @property
    def writable(self) -> bool:
        return not self.store.read_only

    def reader(self) -> Iterator[Store]:
        """A request's own handle on the store (a FastAPI dependency: closed after the response)."""
        view = self.store.view()
        try:
            yield view
        finally:
            view.close()

    def token_ok(self, presented: str | None) -> bool:
        if self.token is None or presented is None:
            return False
        return hmac.compare_digest(presented.encode(), self.token.encode())


MIN_TOKEN_LENGTH = 16
"""A write token shorter than this is refused: it guards an endpoint that runs the coder on any text."""
