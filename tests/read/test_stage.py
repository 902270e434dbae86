"""The ``read`` stage: fills the document from its path, and leaves caller-given text and dates alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.config import Config
from eventwire.document import Document
from eventwire.errors import EventwireError, UnreadableInput
from eventwire.read.stage import read
from eventwire.resources import Resources

PAGE = """<html><head><title>Talks resume</title>
<meta property="article:published_time" content="2023-03-03"></head><body><article>
<p>The foreign ministers of Ghana and Togo signed an agreement in Accra on Tuesday that removes customs checks
at three crossings along the border between the two West African neighbours, a joint statement said.</p>
</article></body></html>"""


def test_read_fills_original_title_and_date_from_the_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = Document(doc_id="page", original="", path=str(path))
    read(doc, Resources())
    assert "signed an agreement" in doc.original
    assert doc.title == "Talks resume"
    assert doc.pub_date == dt.date(2023, 3, 3)


def test_caller_date_wins_over_the_page_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = Document(doc_id="page", original="", path=str(path), pub_date=dt.date(2020, 1, 2))
    read(doc, Resources())
    assert doc.pub_date == dt.date(2020, 1, 2)


def test_given_text_is_not_replaced(tmp_path: Path) -> None:
    doc = Document(doc_id="d", original="Talks resumed.", path=str(tmp_path / "does-not-exist.txt"))
    read(doc, Resources())
    assert doc.original == "Talks resumed."


def test_size_cap_comes_from_the_config(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 50, encoding="utf-8")
    with pytest.raises(UnreadableInput, match="cap"):
        read(Document(doc_id="a", original="", path=str(path)), Resources(Config(max_input_bytes=10)))


def test_document_without_text_or_path_is_an_input_error() -> None:
    """Regression: a document with empty text and no path (``code_text("")``) raised a bare ValueError that
    Pipeline.pipe could not hand to on_error."""
    with pytest.raises(EventwireError):
        read(Document(doc_id="empty", original=""), Resources())
