"""The ``read`` stage."""

from __future__ import annotations

from pathlib import Path

from eventwire.document import Document
from eventwire.errors import UnreadableInput
from eventwire.read.files import read_path
from eventwire.resources import Resources


def read(doc: Document, resources: Resources) -> None:
    """Fill ``doc.original`` from ``doc.path`` unless the caller already gave the text."""
    if doc.original:
        return
    if doc.path is None:
        raise UnreadableInput(
            doc.doc_id, "the document has no text and no path", "give article text or a file"
        )
    result = read_path(Path(doc.path), resources.config.max_input_bytes)
    doc.original = result.text
    doc.title = doc.title or result.title
    if doc.pub_date is None:
        doc.pub_date = result.pub_date
