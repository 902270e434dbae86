"""Size caps shared by every input source."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Largest article (file, response body, JSONL dump, WARC file or record) read into memory: 50 MiB, the
cap the ``eventwire code`` command has always had. News pages are 50 KB to 2 MB; anything bigger is a dump
that should be split, or not an article."""

WARC_MAX_EXPANSION = 16
"""A compressed WARC may decompress to at most this many times the byte cap in all. Gzip shrinks HTML and
WARC headers 4-10 times; 16 leaves room for very repetitive pages, while a gzip bomb (about 1000 times) is
stopped after at most 16 caps of output."""
