"""Checks a stage makes on the document it receives (instead of bare asserts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.document import Document
from eventwire.errors import PipelineConfigError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def require_parse(doc: Document) -> Doc:
    if doc.nlp is None:
        raise PipelineConfigError(doc.doc_id, "this stage needs the spaCy parse", "run the nlp stage first")
    return doc.nlp
