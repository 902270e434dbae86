"""Plain files and directories: which suffixes are inputs, capped reads, and a sorted recursive walk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import EventwireError, InputNotFound, UnreadableInput, UnsupportedInput
from eventwire.sources.item import RawInput, Rejection, SourceItem

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl"})
WARC_SUFFIXES = frozenset({".warc", ".warc.gz"})
URL_LIST_SUFFIXES = frozenset({".urls"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | URL_LIST_SUFFIXES

SUPPORTED_HINT = (
    "give a .txt, .html, .htm, .xhtml, .jsonl, .warc, .warc.gz or .urls file, a directory, a URL or -"
)


def input_suffix(path: Path) -> str:
    """The lower-cased suffix that decides how ``path`` is read (``.warc.gz`` counts as one suffix)."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return path.suffix.lower()


def open_capped(path: Path, max_bytes: int) -> BinaryIO:
    """Open ``path`` for reading after checking, before reading anything, that it is a non-empty file no
    bigger than ``max_bytes``. Raises an :class:`EventwireError` naming the file."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputNotFound(name, "no such file", "check the path") from exc
    except OSError as exc:
        raise UnreadableInput(
            name, f"cannot read the file ({exc.strerror})", "check its permissions"
        ) from exc
    if size > max_bytes:
        raise UnreadableInput(name, f"file is {size} bytes, over the {max_bytes}-byte cap", "split it")
    if size == 0:
        raise UnreadableInput(name, "file is empty", "give a file with article text")
    try:
        return path.open("rb")
    except OSError as exc:
        raise UnreadableInput(
            name, f"cannot read the file ({exc.strerror})", "check its permissions"
        ) from exc


def read_capped(path: Path, max_bytes: int) -> bytes:
    """All bytes of ``path``, refused (see :func:`open_capped`) if empty or over the cap."""
    with open_capped(path, max_bytes) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew after it was measured
        raise UnreadableInput(str(path), f"file is over the {max_bytes}-byte cap", "split it")
    return data


def iter_page_file(path: Path, max_bytes: int) -> Iterator[SourceItem]:
    """One :class:`RawInput` for a ``.txt``/``.text`` (kind "text") or HTML file (kind "html")."""
    name = str(path)
    kind = "html" if input_suffix(path) in HTML_SUFFIXES else "text"
    try:
        data = read_capped(path, max_bytes)
    except EventwireError as exc:
        yield Rejection(name, exc)
        return
    if not data.strip():
        yield Rejection(
            name, UnreadableInput(name, "file is empty (only white space)", "give a file with text")
        )
        return
    yield RawInput(origin=name, data=data, kind=kind)


def walk_inputs(root: Path) -> tuple[list[Path], list[EventwireError]]:
    """Every file with a supported suffix under ``root``, recursively, sorted by path.

    Symbolic links to directories are not followed (they could loop). Subdirectories that cannot be
    listed are returned as errors instead of being skipped silently.
    """
    found: list[Path] = []
    problems: list[EventwireError] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename if exc.filename else str(root)
        problems.append(
            UnreadableInput(str(where), f"cannot list the directory ({exc.strerror})", "check it")
        )

    for folder, subfolders, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        subfolders.sort()
        for filename in filenames:
            path = Path(folder, filename)
            if input_suffix(path) in SUPPORTED_SUFFIXES and path.is_file():
                found.append(path)
    return sorted(found), problems


def unsupported_file(path: Path) -> Rejection:
    """The rejection of a file whose suffix eventwire does not read."""
    name = str(path)
    suffix = input_suffix(path) or "(none)"
    return Rejection(name, UnsupportedInput(name, f"unsupported file type {suffix!r}", SUPPORTED_HINT))
