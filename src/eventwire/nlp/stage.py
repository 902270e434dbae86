"""The ``nlp`` stage."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.document import Document
from eventwire.resources import Resources


def parse(doc: Document, resources: Resources) -> None:
    doc.nlp = resources.nlp(doc.text)


def parse_batch(docs: Sequence[Document], resources: Resources) -> None:
    for doc, parsed in zip(docs, resources.nlp.pipe(d.text for d in docs), strict=True):
        doc.nlp = parsed
