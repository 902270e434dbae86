"""Decode an HTTP body (identity, gzip or deflate) chunk by chunk, refusing to grow past a byte cap.

The cap is checked on the decompressed bytes while they are produced, so a gzip bomb (a few kilobytes that
inflate to gigabytes) costs at most one cap of memory before it is refused.
"""

from __future__ import annotations

import zlib

SUPPORTED_ENCODINGS = frozenset({"", "identity", "gzip", "x-gzip", "deflate"})
ACCEPT_ENCODING = "gzip, deflate"
"""What the fetcher offers servers: only encodings this module can decode under a cap."""

_GZIP_OR_ZLIB = 32 + zlib.MAX_WBITS  # auto-detect a gzip or zlib header
_RAW_DEFLATE = -zlib.MAX_WBITS  # some servers send "deflate" without the zlib header


class OverCap(Exception):
    """Raised (internally) when the decoded body grows past the cap; the caller turns it into an error."""


class CappedBody:
    """Collects the decoded bytes of one body; :meth:`feed` raw chunks, then :meth:`finish`.

    Raises :class:`OverCap` as soon as more than ``cap`` decoded bytes have been produced and
    :class:`zlib.error` for corrupt compressed data; :meth:`finish` raises :class:`EOFError` when a
    compressed body ends before its end marker.
    """

    def __init__(self, encoding: str, cap: int) -> None:
        encoding = encoding.strip().lower()
        if encoding not in SUPPORTED_ENCODINGS:
            raise ValueError(f"unsupported content encoding {encoding!r}")
        self._cap = cap
        self._parts: list[bytes] = []
        self._size = 0
        self._compressed = encoding not in ("", "identity")
        self._deflate = encoding == "deflate"
        self._decoder = zlib.decompressobj(_GZIP_OR_ZLIB) if self._compressed else None
        self._started = False

    @property
    def size(self) -> int:
        """Decoded bytes collected so far."""
        return self._size

    def feed(self, chunk: bytes) -> None:
        """Decode one raw chunk and keep its output."""
        if not chunk:
            return
        if self._decoder is None:
            self._keep(chunk)
            return
        if not self._started and self._deflate:
            self._started = True
            try:
                probe = zlib.decompressobj(_GZIP_OR_ZLIB)
                probe.decompress(chunk[:64])
            except zlib.error:
                self._decoder = zlib.decompressobj(_RAW_DEFLATE)
        self._started = True
        self._inflate(chunk)

    def finish(self) -> bytes:
        """The whole decoded body."""
        if self._decoder is not None:
            self._keep(self._decoder.flush())
            if not self._decoder.eof:
                raise EOFError("compressed body ends before its end marker")
        return b"".join(self._parts)

    def _inflate(self, data: bytes) -> None:
        while data and self._decoder is not None:
            room = self._cap - self._size + 1
            self._keep(self._decoder.decompress(data, room))
            data = self._decoder.unconsumed_tail
            if self._decoder.eof and self._decoder.unused_data:
                # a second gzip member follows (rare over HTTP, allowed by the format)
                data = self._decoder.unused_data
                self._decoder = zlib.decompressobj(_GZIP_OR_ZLIB)

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self._size += len(data)
        if self._size > self._cap:
            raise OverCap(self._size)
        self._parts.append(data)
