"""Shared by the actors tests: run a document through the stages up to and including ``actors``."""

from __future__ import annotations

from eventwire.document import Document, Mention
from eventwire.pipeline import Pipeline


def run_actors(pipeline: Pipeline, text: str) -> Document:
    """The stages up to and including ``actors`` (read, clean, nlp, actors)."""
    doc = Document(doc_id="a", original=text)
    for name in pipeline.names:
        pipeline.run_stage(name, doc)
        if name == "actors":
            return doc
    raise AssertionError("no actors stage")


def find(doc: Document, text: str) -> Mention:
    """The first mention whose text is ``text`` (case aside); fails naming the mentions there are."""
    found = [m for m in doc.mentions if m.text.lower() == text.lower()]
    assert found, (text, [(m.text, m.country, m.type) for m in doc.mentions])
    return found[0]
