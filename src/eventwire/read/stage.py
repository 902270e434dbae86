"""The ``read`` stage: from what arrived (raw bytes, a file, or text given by a caller) to article text.

It decodes the bytes, extracts the article and its metadata from HTML pages, and detects the language. An
article in a language eventwire does not code raises :class:`UnsupportedLanguage` (the store keeps it as
skipped), so nothing is ever coded as English that is not.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.document import Document
from eventwire.errors import UnreadableInput, UnsupportedLanguage
from eventwire.read.files import decode_bytes, read_path
from eventwire.read.language import SUPPORTED_LANGUAGES, Language, detect_language
from eventwire.read.page import extract_page
from eventwire.resources import Resources
from eventwire.sources.item import RawInput
from eventwire.sources.sniff import looks_like_html


def read(doc: Document, resources: Resources) -> None:
    """Fill ``doc.original`` (and what the page says about itself) unless the caller gave the text."""
    language: Language | None = None
    if not doc.original:
        if doc.raw is not None:
            language = read_raw(doc, doc.raw)
        elif doc.path is not None:
            result = read_path(Path(doc.path), resources.config.max_input_bytes)
            doc.original = result.text
            doc.title = doc.title or result.title
            doc.pub_date = doc.pub_date or result.pub_date
            doc.origin = doc.origin or doc.path
            doc.outlet = doc.outlet or result.outlet
            doc.author = doc.author or result.author
            doc.canonical_url = doc.canonical_url or result.canonical_url
        else:
            raise UnreadableInput(
                doc.doc_id, "the document has no text and no path", "give article text or a file"
            )
    doc.origin = doc.origin or doc.path or doc.doc_id
    check_language(doc, language)


def read_raw(doc: Document, raw: RawInput) -> Language | None:
    """Decode ``raw`` and, for a page, extract its article text, title, outlet, author, URL and date.

    Metadata the source gave (a JSONL field, a feed entry's date) wins over what the page says; a
    publication date the caller set on the document wins over both. Returns the page's language, when
    extraction already detected it."""
    doc.origin = doc.origin or raw.origin
    doc.url = doc.url or raw.url
    text = decode_bytes(raw.data, raw.origin)
    is_html = raw.kind == "html" or (raw.kind == "auto" and looks_like_html(raw.data))
    if is_html:
        page = extract_page(text, raw.origin, raw.url)
        title = raw.title or page.title
        body = page.text
        # the headline states the main event more often than any other sentence: code it too
        doc.original = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        doc.title = doc.title or title
        doc.canonical_url = page.canonical_url
        doc.outlet = doc.outlet or raw.outlet or page.outlet
        doc.author = doc.author or page.author
        doc.pub_date = doc.pub_date or raw.pub_date or page.pub_date
        return page.language
    if not text.strip():
        raise UnreadableInput(raw.origin, "the input is empty", "give a file with article text")
    doc.original = text
    doc.title = doc.title or raw.title
    doc.outlet = doc.outlet or raw.outlet
    doc.pub_date = doc.pub_date or raw.pub_date
    return None


def check_language(doc: Document, language: Language | None = None) -> None:
    """Set ``doc.language`` (detected here unless ``language`` is given); refuse a reliably detected
    language that eventwire does not code."""
    language = language or detect_language(doc.original)
    if language.refused:
        doc.language = language.code
        raise UnsupportedLanguage(doc.origin or doc.doc_id, language.code)
    if language.code in SUPPORTED_LANGUAGES or language.code == "und":
        doc.language = language.code if language.code != "und" else None
    else:  # an unreliable or contested call, with enough weight on a supported language: coded as that
        doc.language = min(SUPPORTED_LANGUAGES)
