"""Read one input file into text: plain text pages (.txt) and HTML pages (.html/.htm) via :mod:`.page`.

Bytes become text with :func:`decode_bytes`: a byte-order mark, then UTF-8, then the charset the input
declares (HTTP ``Content-Type``, ``<meta charset>``, XML declaration), then Windows-1252 when the bytes look
like Western European text; anything else is refused with :class:`UnreadableInput`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputNotFound, UnreadableInput, UnsupportedInput
from eventwire.read.language import Language, detect_language
from eventwire.read.page import MIN_ARTICLE_WORDS, extract_page, parse_iso_date

__all__ = [
    "MIN_ARTICLE_WORDS",
    "ReadResult",
    "decode_bytes",
    "decode_text",
    "declared_charset",
    "parse_iso_date",
    "read_path",
]

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
BINARY_SNIFF_BYTES = 4096
MAX_CONTROL_SHARE = 0.05
"""Share of control characters in the first 4 KiB above which a 'text' file is called binary."""
CHARSET_PRESCAN_BYTES = 4096
"""How far into the bytes a ``<meta charset>`` or XML declaration is looked for. The HTML standard's
prescan reads 1,024 bytes; pages with long comments or scripts before the meta tag exist, so we read more."""
MAX_LEGACY_RUN = 2
"""Longest run of consecutive non-ASCII bytes accepted as undeclared Windows-1252/Latin-1 text. Western
European words put at most two accented letters side by side ("ções", "Größe"); Cyrillic, Greek, CJK or
Arabic text in a legacy code page is made of long runs of them, and decoding it as Windows-1252 would give
mojibake rather than an error."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET_ALIASES = {
    # The HTML standard decodes these labels as their supersets; pages declaring "iso-8859-1" routinely
    # contain Windows-1252 quotes and dashes (bytes 0x80-0x9F).
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}
_CONTENT_TYPE_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", re.IGNORECASE)
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]{%d,}" % (MAX_LEGACY_RUN + 1))


@dataclass(frozen=True)
class ReadResult:
    """One file read: ``text`` is what the pipeline codes (for HTML: the title, a blank line, the body)."""

    text: str
    title: str | None = None
    pub_date: dt.date | None = None
    kind: str = "text"  # "text" or "html"
    outlet: str | None = None
    author: str | None = None
    canonical_url: str | None = None
    language: Language | None = None


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
    text = decode_text(path.read_bytes(), name)
    if suffix in HTML_SUFFIXES:
        return extract_html(text, name)
    return ReadResult(text=text, language=detect_language(text))


def extract_html(html: str, name: str, url: str | None = None) -> ReadResult:
    """The article of an HTML page with its metadata; the title is prepended to the body (headlines state
    the main event more often than any other sentence, so they are coded too)."""
    page = extract_page(html, name, url)
    title, body = page.title, page.text
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return ReadResult(
        text=text,
        title=title,
        pub_date=page.pub_date,
        kind="html",
        outlet=page.outlet,
        author=page.author,
        canonical_url=page.canonical_url,
        language=page.language,
    )


def decode_text(data: bytes, name: str) -> str:
    """Decode the bytes of a file (see :func:`decode_bytes`); refuse empty, binary or undecodable input."""
    return decode_bytes(data, name)


def decode_bytes(data: bytes, origin: str, content_type: str | None = None) -> str:
    """Decode a file or an HTTP body to text, or raise :class:`UnreadableInput` naming ``origin``.

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32); valid UTF-8 (a declared legacy charset is more
    often a wrong label than the truth when the bytes are valid UTF-8); the charset of ``content_type`` (an
    HTTP header), else of a ``<meta charset>``/``http-equiv`` tag or an XML declaration; Windows-1252 when no
    run of more than :data:`MAX_LEGACY_RUN` non-ASCII bytes suggests another legacy code page. Empty input,
    NUL bytes (outside UTF-16/32) and text full of control characters are refused as binary.
    """
    if not data.strip():
        raise UnreadableInput(origin, "file is empty", "give a file with article text")
    text = _decode_with_bom(data, origin)
    if text is None:
        declared = declared_charset(data, content_type)
        if declared is not None and declared.startswith(("utf-16", "utf-32")):
            text = _decode_strict(data, declared)
        if text is None:
            if b"\x00" in data[:BINARY_SNIFF_BYTES]:
                raise UnreadableInput(origin, "file looks binary (NUL bytes)", "give a text or HTML file")
            text = _decode_legacy(data, origin, declared)
    sample = text[:BINARY_SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise UnreadableInput(origin, "file looks binary (control characters)", "give a text or HTML file")
    return text


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The Python codec of the charset ``content_type`` or the bytes declare, or None (none, or unknown).

    The header wins; then a ``<meta charset>`` or ``http-equiv`` tag, or an XML declaration, in the first
    :data:`CHARSET_PRESCAN_BYTES` bytes. Labels are mapped as the HTML standard does (``iso-8859-1`` means
    Windows-1252).
    """
    labels: list[bytes] = []
    if content_type:
        match = _CONTENT_TYPE_CHARSET.search(content_type.encode("latin-1", errors="replace"))
        if match:
            labels.append(match.group(1))
    head = data[:CHARSET_PRESCAN_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            labels.append(match.group(1))
    for label in labels:
        try:
            codec = codecs.lookup(label.decode("ascii").strip()).name
        except LookupError:
            continue
        return _CHARSET_ALIASES.get(codec, codec)
    return None


def _decode_with_bom(data: bytes, origin: str) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], codec)
            if text is None:
                raise UnreadableInput(
                    origin, f"starts with a {codec} byte-order mark but is not valid {codec}",
                    "re-encode the file as UTF-8 (e.g. with iconv)",
                )  # fmt: skip
            return text
    return None


def _decode_strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_legacy(data: bytes, origin: str, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared is not None and declared != "utf-8":
        text = _decode_strict(data, declared)
        if text is not None:
            return text
    if not _NON_ASCII_RUN.search(data):
        text = _decode_strict(data, "cp1252")
        if text is not None:
            return text
    said = f", and is not valid {declared} as it declares" if declared and declared != "utf-8" else ""
    raise UnreadableInput(
        origin,
        f"not valid UTF-8 (byte {utf8_error.start}){said}, and does not look like Windows-1252/Latin-1 text",
        "re-encode the file as UTF-8 (e.g. with iconv), or declare its charset",
    )
