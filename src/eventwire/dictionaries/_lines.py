"""Reading PETRARCH dictionary files: gzip, comments and line numbers.

PETRARCH's reader (``PETRreader.read_FIN_line``) skips blank lines, lines starting with ``#`` or ``<!``,
XML comments (``<!-- ... -->``, also over several lines) and cuts everything from the first ``#`` on a
line. TABARI-era actor files also use ``;`` for comments. The same rules apply here, except that ``;`` is
only read as a comment in actor files (it is passed in by the caller).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from eventwire.errors import DictionaryFileError, ResourceMissing


class Record:
    """Base of the frozen, slotted entry classes: pickled as a call of the class with the fields in order.
    (The dataclass default for such classes goes through a ``__setstate__`` that took 2 s for the Phoenix
    set when reading the cache; see :mod:`eventwire.dictionaries.cache`.)"""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple(getattr(self, f.name) for f in fields(self))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Line:
    """One content line: its number in the file, the text with comments removed (leading whitespace kept,
    trailing whitespace removed)."""

    number: int
    text: str

    @property
    def indented(self) -> bool:
        return self.text[:1] in {" ", "\t"}


@dataclass(frozen=True, slots=True)
class Issue(Record):
    """A line PETRARCH tolerates (it skips it with a warning); the loaders count these instead of failing."""

    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


def read_text(path: Path) -> str:
    """The decoded text of a dictionary file (``.gz`` files are decompressed)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ResourceMissing(
            str(path), "dictionary file not found", "check the path or the manifest"
        ) from None
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise DictionaryFileError(
                str(path), f"not a readable gzip file ({exc})", "re-compress it"
            ) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # the TABARI-era files are Latin-1 in places
        return raw.decode("latin-1")


def content_lines(text: str, semicolon_comments: bool = False) -> list[Line]:
    """The content lines of a dictionary, comments removed, with their 1-based line numbers."""
    out: list[Line] = []
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line = line[line.index("-->") + 3 :]
            in_comment = False
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or line.startswith("<!"):
            if line.startswith("<!") and "-->" not in line and stripped.startswith("<!--"):
                in_comment = True
            continue
        while "<!--" in line:
            head, _, rest = line.partition("<!--")
            if "-->" in rest:
                line = head + rest[rest.index("-->") + 3 :]
            else:
                line = head
                in_comment = True
        if "#" in line:
            line = line[: line.index("#")]
        if semicolon_comments and ";" in line:
            line = line[: line.index(";")]
        line = line.rstrip()
        if line.strip():
            out.append(Line(number, line))
    return out
