"""Read one input file into text: plain text pages (.txt) and HTML pages (.html/.htm) via trafilatura."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputNotFound, NoArticleText, UnreadableInput, UnsupportedInput

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
BINARY_SNIFF_BYTES = 4096
MIN_ARTICLE_WORDS = 8
"""Fewer extracted words than this is navigation or an error page, not an article (a headline alone has
about 8-12 words)."""
MAX_CONTROL_SHARE = 0.05
"""Share of control characters in the first 4 KiB above which a 'text' file is called binary."""


@dataclass(frozen=True)
class ReadResult:
    text: str
    title: str | None = None
    pub_date: dt.date | None = None
    kind: str = "text"  # "text" or "html"


def read_path(path: Path, max_bytes: int) -> ReadResult:
    """Read ``path`` and return its article text. Raises an :class:`EventwireError` naming the file."""
    name = str(path)
    if not path.exists():
        raise InputNotFound(name, "no such file", "check the path")
    if path.is_dir():
        raise UnsupportedInput(name, "is a directory", "give the files inside it")
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise UnsupportedInput(
            name, f"unsupported file type {suffix or '(none)'!r}", "give a .txt, .html or .htm file"
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableInput(name, f"file is {size} bytes, over the {max_bytes}-byte cap", "split it")
    data = path.read_bytes()
    text = decode_text(data, name)
    if suffix in HTML_SUFFIXES:
        return extract_html(text, name)
    return ReadResult(text=text)


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM); refuse empty, binary or undecodable input."""
    if not data.strip():
        raise UnreadableInput(name, "file is empty", "give a file with article text")
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        raise UnreadableInput(name, "file looks binary (NUL bytes)", "give a text or HTML file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            name, f"not valid UTF-8 (byte {exc.start})", "re-encode the file as UTF-8 (e.g. with iconv)"
        ) from exc
    sample = text[:BINARY_SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise UnreadableInput(name, "file looks binary (control characters)", "give a text or HTML file")
    return text


def extract_html(html: str, name: str) -> ReadResult:
    """Extract the article text, title and publication date of an HTML page with trafilatura."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        # a footer's "Copyright 2023" is not a publication date: only dates the page states as such
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise NoArticleText(name, "no article text found in the page", "check that it is a news article page")
    title = getattr(result, "title", None) or None
    pub_date = parse_iso_date(getattr(result, "date", None))
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return ReadResult(text=text, title=title, pub_date=pub_date, kind="html")


def parse_iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
