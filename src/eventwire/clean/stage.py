"""The ``clean`` stage."""

from __future__ import annotations

from eventwire.clean.text import clean_text
from eventwire.document import Document
from eventwire.resources import Resources


def clean(doc: Document, resources: Resources) -> None:
    result = clean_text(doc.original)
    doc.text = result.text
    doc.offsets = result.offsets
    doc.removed_lines = [doc.span(0, 0).__class__(doc.original[s:e], s, e) for s, e, _ in result.removed]
