"""Shared by the actors tests: run a document through the stages up to and including ``actors``."""

from __future__ import annotations

from eventwire.document import Document
from eventwire.pipeline import Pipeline


def run_actors(pipeline: Pipeline, text: str) -> Document:
    """The stages up to and including ``actors`` (read, clean, nlp, actors)."""
    doc = Document(doc_id="a", original=text)
    for name in pipeline.names:
        pipeline.run_stage(name, doc)
        if name == "actors":
            return doc
    raise AssertionError("no actors stage")
