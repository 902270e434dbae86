"""The library surface: build a pipeline and code texts or files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.config import Config
from eventwire.document import Document, Event
from eventwire.pipeline import Pipeline
from eventwire.resources import Resources
from eventwire.stages import STAGES


def build_pipeline(config: Config | None = None, resources: Resources | None = None) -> Pipeline:
    """The full pipeline (read -> ... -> output). Resources load lazily; call ``.resources.check()``
    to load them up front."""
    return Pipeline(STAGES, resources or Resources(config))


def code_text(
    text: str, doc_id: str = "doc", pub_date: dt.date | None = None, pipeline: Pipeline | None = None
) -> list[Event]:
    """Code one article given as a string; offsets are into ``text``."""
    pipeline = pipeline or build_pipeline()
    doc = pipeline(Document(doc_id=doc_id, original=text, pub_date=pub_date))
    return doc.events


def code_path(
    path: str | Path,
    doc_id: str | None = None,
    pub_date: dt.date | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Code one file (.txt or .html); the document keeps the original text the offsets point into."""
    path = Path(path)
    pipeline = pipeline or build_pipeline()
    return pipeline(Document(doc_id=doc_id or path.stem, original="", path=str(path), pub_date=pub_date))


def code_documents(docs: Iterable[Document], pipeline: Pipeline | None = None) -> Iterator[Document]:
    pipeline = pipeline or build_pipeline()
    yield from pipeline.pipe(docs, batch_size=pipeline.resources.config.batch_size)
