"""``iter_inputs``: every kind of input spec, turned into a stream of raw articles and rejections."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import InputNotFound, UnreadableInput, UnsupportedInput
from eventwire.sources.fetch import Fetcher
from eventwire.sources.files import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    SUPPORTED_HINT,
    TEXT_SUFFIXES,
    URL_LIST_SUFFIXES,
    WARC_SUFFIXES,
    input_suffix,
    iter_page_file,
    unsupported_file,
    walk_inputs,
)
from eventwire.sources.item import RawInput, Rejection, SourceItem
from eventwire.sources.jsonl import iter_jsonl
from eventwire.sources.limits import DEFAULT_MAX_BYTES
from eventwire.sources.sniff import looks_like_html
from eventwire.sources.warc import iter_warc
from eventwire.sources.web import is_url, iter_url, iter_url_list

STDIN_SPEC = "-"


def iter_inputs(
    specs: Sequence[str],
    *,
    fetcher: Fetcher | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    known_url: Callable[[str], bool] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[SourceItem]:
    """Yield a :class:`RawInput` for every article the ``specs`` hold and a :class:`Rejection` for every one
    that cannot be read, in order; one bad input never stops the others.

    A spec is a ``.txt``/``.text`` or ``.html``/``.htm``/``.xhtml`` file, a ``.jsonl`` dump, a ``.warc`` or
    ``.warc.gz`` archive, a ``.urls`` list, a directory (searched recursively for all of these), an
    http(s) URL of a page or an RSS/Atom feed, or ``-`` for standard input (``stdin``, by default
    ``sys.stdin.buffer``). ``max_bytes`` caps every file, body and page. ``known_url(url)`` returning True
    skips an article already stored, without fetching it. Without a ``fetcher`` one is made on the first
    URL and closed at the end; a given ``fetcher`` is left open.
    """
    if isinstance(specs, str | bytes):
        raise TypeError("specs must be a sequence of input specs, not one string")
    slot = _FetcherSlot(fetcher, max_bytes)
    try:
        for spec in specs:
            yield from _iter_spec(spec, slot, max_bytes, known_url, stdin)
    finally:
        slot.close()


def _iter_spec(
    spec: str,
    slot: _FetcherSlot,
    max_bytes: int,
    known_url: Callable[[str], bool] | None,
    stdin: BinaryIO | None,
) -> Iterator[SourceItem]:
    if spec == STDIN_SPEC:
        yield _read_stdin(stdin, max_bytes)
        return
    if is_url(spec):
        yield from iter_url(spec, slot.get(), max_bytes, known_url)
        return
    if "://" in spec:
        reason = f"only http and https URLs are fetched, not {spec.split('://', 1)[0]!r}"
        yield Rejection(spec, UnsupportedInput(spec, reason, "give an http(s) URL or a file"))
        return
    path = Path(spec)
    if path.is_dir():
        yield from _iter_directory(path, slot, max_bytes, known_url)
    elif path.is_file():
        yield from _iter_file(path, slot, max_bytes, known_url)
    elif path.exists():
        yield Rejection(spec, UnsupportedInput(spec, "not a regular file or directory", SUPPORTED_HINT))
    else:
        yield Rejection(spec, InputNotFound(spec, "no such file or directory", "check the path"))


def _iter_directory(
    root: Path, slot: _FetcherSlot, max_bytes: int, known_url: Callable[[str], bool] | None
) -> Iterator[SourceItem]:
    paths, problems = walk_inputs(root)
    for problem in problems:
        yield Rejection(problem.input_name, problem)
    if not paths and not problems:
        name = str(root)
        yield Rejection(name, UnsupportedInput(name, "directory holds no supported files", SUPPORTED_HINT))
    for path in paths:
        yield from _iter_file(path, slot, max_bytes, known_url)


def _iter_file(
    path: Path, slot: _FetcherSlot, max_bytes: int, known_url: Callable[[str], bool] | None
) -> Iterator[SourceItem]:
    suffix = input_suffix(path)
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        yield from iter_page_file(path, max_bytes)
    elif suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(path, max_bytes, known_url)
    elif suffix in WARC_SUFFIXES:
        yield from iter_warc(path, max_bytes, known_url)
    elif suffix in URL_LIST_SUFFIXES:
        yield from iter_url_list(path, slot.get, max_bytes, known_url)
    else:
        yield unsupported_file(path)


def _read_stdin(stdin: BinaryIO | None, max_bytes: int) -> SourceItem:
    """Standard input as one article: kind "html" when it sniffs as HTML, else "auto"."""
    source = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if source is None:
        return Rejection(STDIN_SPEC, UnreadableInput(STDIN_SPEC, "no standard input", "pipe the article in"))
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        reason = f"standard input is over the {max_bytes}-byte cap"
        return Rejection(STDIN_SPEC, UnreadableInput(STDIN_SPEC, reason, "split it"))
    if not data.strip():
        return Rejection(
            STDIN_SPEC, UnreadableInput(STDIN_SPEC, "standard input is empty", "pipe the article in")
        )
    return RawInput(origin=STDIN_SPEC, data=data, kind="html" if looks_like_html(data) else "auto")


class _FetcherSlot:
    """The fetcher of one :func:`iter_inputs` call: the caller's, or one made on first use and then closed."""

    def __init__(self, given: Fetcher | None, max_bytes: int) -> None:
        self._fetcher = given
        self._owned = given is None
        self._max_bytes = max_bytes

    def get(self) -> Fetcher:
        """The fetcher, made now if this is the first URL."""
        if self._fetcher is None:
            self._fetcher = Fetcher(max_bytes=self._max_bytes)
        return self._fetcher

    def close(self) -> None:
        """Close the fetcher if it was made here."""
        if self._owned and self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None
