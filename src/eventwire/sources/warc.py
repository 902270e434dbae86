"""WARC archives (``.warc``, ``.warc.gz``): every HTML page answered with HTTP 200 is one article.

Other records (requests, metadata, redirects, images, scripts) are not articles and are skipped without a
word. A truncated or malformed record, or an archive that cannot be read on, becomes a rejection naming
the file and the record's offset (``path@OFFSET``: the byte offset in the file, compressed for
``.warc.gz``, as in CDX indexes).
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from eventwire.errors import CorruptArchive, EventwireError, UnreadableInput
from eventwire.sources.files import open_capped
from eventwire.sources.item import RawInput, Rejection, SourceItem
from eventwire.sources.limits import WARC_MAX_EXPANSION

WARC_READ_ERRORS: tuple[type[Exception], ...] = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    zlib.error,
    ValueError,
    IndexError,
    # warcio reads malformed headers without checking them and then fails on a missing value
    # ("'NoneType' object has no attribute 'startswith'"); that is a corrupt archive, not a bug here
    AttributeError,
    TypeError,
)
"""What warcio raises on truncated, malformed or non-WARC input."""

_HINT = "the archive is damaged; re-download it or check it with `warcio check`"


def iter_warc(
    path: Path, max_bytes: int, known_url: Callable[[str], bool] | None = None
) -> Iterator[SourceItem]:
    """One item per HTML page with status 200 in the WARC file ``path``; pages whose URL is known are skipped.

    The file itself is capped at ``max_bytes``; so is each page, and a compressed archive may inflate to at
    most :data:`WARC_MAX_EXPANSION` times ``max_bytes`` in all (a gzip bomb is refused, not inflated).
    """
    name = str(path)
    try:
        handle = open_capped(path, max_bytes)
    except EventwireError as exc:
        yield Rejection(name, exc)
        return
    with handle:
        size = path.stat().st_size
        guarded = _InflationGuard(handle, name, max_bytes * WARC_MAX_EXPANSION)
        records = ArchiveIterator(guarded)
        guarded.watch(records)
        try:
            for record in records:
                offset = records.offset
                item = _record_item(record, name, offset, max_bytes, known_url)
                if item is not None:
                    yield item
        except EventwireError as exc:  # the inflation guard
            yield Rejection(f"{name}@{records.offset}", exc)
            return
        except WARC_READ_ERRORS as exc:
            origin = f"{name}@{records.offset}"
            yield Rejection(origin, CorruptArchive(origin, f"unreadable record ({_describe(exc)})", _HINT))
            return
        if records.offset < size:
            origin = f"{name}@{records.offset}"
            reason = f"archive ends in a truncated or unreadable record ({size - records.offset} bytes left)"
            yield Rejection(origin, CorruptArchive(origin, reason, _HINT))


def _record_item(
    record: Any, name: str, offset: int, max_bytes: int, known_url: Callable[[str], bool] | None
) -> SourceItem | None:
    """The item for one record, or None for a record that is not an HTML page answered with 200."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if url and known_url is not None and known_url(url):
        return None
    origin = f"{name}@{offset}"
    try:
        data = record.content_stream().read(max_bytes + 1)
    except WARC_READ_ERRORS as exc:
        return Rejection(origin, CorruptArchive(origin, f"unreadable page ({_describe(exc)})", _HINT))
    if len(data) > max_bytes:
        return Rejection(
            origin, UnreadableInput(origin, f"page is over the {max_bytes}-byte cap", "it is not an article")
        )
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Rejection(
            origin, CorruptArchive(origin, "record is truncated (shorter than its length)", _HINT)
        )
    if not data.strip():
        return Rejection(origin, UnreadableInput(origin, "page is empty", "nothing to read in this record"))
    return RawInput(
        origin=origin,
        data=data,
        kind="html",
        url=url or None,
        fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
    )


def _warc_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _describe(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


class _InflationGuard:
    """A file wrapper for warcio that stops reading once the archive has inflated past ``budget`` bytes.

    warcio decompresses block by block as it reads the file; before each read this checks how many bytes
    it has produced so far (``ArchiveIterator.reader.num_read``) and raises :class:`UnreadableInput` when
    the budget is spent.
    """

    def __init__(self, raw: BinaryIO, name: str, budget: int) -> None:
        self._raw = raw
        self._name = name
        self._budget = budget
        self._records: ArchiveIterator | None = None

    def watch(self, records: ArchiveIterator) -> None:
        """Start watching the iterator that reads from this file."""
        self._records = records

    def tell(self) -> int:
        """Position in the underlying (compressed) file."""
        return self._raw.tell()

    def read(self, size: int = -1) -> bytes:
        """Read from the file unless the archive has already inflated past the budget."""
        reader = getattr(self._records, "reader", None)
        produced = getattr(reader, "num_read", 0)
        if produced > self._budget:
            raise UnreadableInput(
                self._name,
                f"archive inflates past {self._budget} bytes (a gzip bomb?)",
                "split the archive, or raise the byte cap if it is genuine",
            )
        return self._raw.read(size)
