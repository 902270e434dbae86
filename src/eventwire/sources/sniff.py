"""Cheap looks at bytes and content types: is this HTML, plain text, a feed, or not a page at all."""

from __future__ import annotations

SNIFF_BYTES = 2048
"""How far into the bytes the sniffers look; a page's doctype or a feed's root element comes before this."""

_BOM_AND_SPACE = b"\xef\xbb\xbf \t\r\n\f"
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_FEED_TYPE_WORDS = ("xml", "rss", "atom")
_NOT_A_PAGE_PREFIXES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")


def media_type(content_type: str | None) -> str:
    """The lower-cased media type of a Content-Type header, without parameters (``""`` when absent)."""
    if not content_type:
        return ""
    return content_type.split(";", 1)[0].strip().lower()


def looks_like_html(data: bytes) -> bool:
    """True when the first bytes carry an HTML doctype or an ``<html>``, ``<head>`` or ``<body>`` tag."""
    head = data[:SNIFF_BYTES].lstrip(_BOM_AND_SPACE).lower()
    return head.startswith(b"<") and any(marker in head for marker in _HTML_MARKERS)


def looks_like_feed(content_type: str | None, data: bytes) -> bool:
    """True for an RSS or Atom feed: an XML, RSS or Atom content type, or bytes that open like one.

    XHTML (``application/xhtml+xml``, or an ``<?xml`` prologue followed by ``<html``) is a page, not a feed.
    """
    kind = media_type(content_type)
    head = data[:SNIFF_BYTES].lstrip(_BOM_AND_SPACE).lower()
    if "html" in kind or b"<html" in head:
        return False
    if any(word in kind for word in _FEED_TYPE_WORDS):
        return True
    return head.startswith(b"<?xml") or head.startswith(_FEED_ROOTS)


def is_not_a_page(content_type: str | None) -> bool:
    """True for media types that are never an article (images, audio, video, fonts, PDF, ZIP)."""
    return media_type(content_type).startswith(_NOT_A_PAGE_PREFIXES)


def kind_for_content_type(content_type: str | None) -> str:
    """``"html"`` for HTML and XHTML, ``"text"`` for plain text, else ``"auto"`` (the read stage sniffs)."""
    kind = media_type(content_type)
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    if kind == "text/plain":
        return "text"
    return "auto"
