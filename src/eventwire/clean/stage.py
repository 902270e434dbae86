"""The ``clean`` stage."""

from __future__ import annotations

from eventwire.clean.text import clean_document
from eventwire.document import Document
from eventwire.resources import Resources


def clean(doc: Document, resources: Resources) -> None:
    clean_document(doc)
