"""What every input source yields: one raw article as received, or the reason it could not be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.errors import EventwireError


@dataclass(frozen=True, slots=True)
class RawInput:
    """One article as it arrived, before any decoding or extraction.

    ``origin`` says where it came from, in words a user can act on: a file path, ``path:LINE`` for a JSONL
    line, ``path@OFFSET`` for a WARC record, a URL, or ``-`` for stdin. It names the input in error
    messages and in the store's ``rejected`` table.
    """

    origin: str
    data: bytes
    kind: str  # "text", "html" or "auto" (sniff the bytes)
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    pub_date: dt.date | None = None
    fetched_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be turned into a :class:`RawInput`; ``error`` carries code and reason."""

    origin: str
    error: EventwireError


SourceItem = RawInput | Rejection
