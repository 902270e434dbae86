"""The CAMEO event-code table: names, Goldstein weights, QuadClass and the PLOVER event type of each code.

The facts live in two versioned data files shipped with the package (``eventwire/data``):

- ``cameo_codes.tsv`` (``code, name, goldstein``): every CAMEO 1.1b3 event code with our own short
  name and its Goldstein weight;
- ``cameo_plover.tsv`` (``code, plover, mode``): the CAMEO -> PLOVER table of 2021. A code without a
  row inherits the row of its nearest parent (``0231`` -> ``023`` -> ``02``).

QuadClass is not stored: it follows from the root (:func:`quad_class_of_root`, GDELT's grouping). Nothing is
read at import time; :meth:`CameoTable.load` reads the files and :func:`default_cameo_table` caches the
packaged table.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeAlias

from eventwire.data_files import read_data_file
from eventwire.errors import CameoTableError, UnknownCameoCode

CODES_FILE = "cameo_codes.tsv"
PLOVER_FILE = "cameo_plover.tsv"
_CODES_HEADER = ("code", "name", "goldstein")
_PLOVER_HEADER = ("code", "plover", "mode")

#: The PLOVER event types of the 2021 CAMEO -> PLOVER table (PLOVER draft 0.8).
PLOVER_EVENT_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
        "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
    }
)  # fmt: skip

#: Roots without a PLOVER type in our annotation guide (statements and appeals) ...
NO_PLOVER_ROOTS = ("01", "02")
#: ... except denials (016 and any sub-code), which the guide codes as REJECT.
DENIAL_CODE = "016"
DENIAL_PLOVER_TYPE = "REJECT"

_CODE_RE = re.compile(r"[0-9]{2,4}")
_ROOT_RE = re.compile(r"[0-9]{2}")
_MODE_RE = re.compile(r"[a-z][a-z_-]*")
_GOLDSTEIN_RANGE = (-10.0, 10.0)

_PloverRow: TypeAlias = tuple[str | None, str | None]  # (PLOVER type, mode), None when empty


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with everything the coder needs to know about it."""

    code: str  # "042"; leading zero kept
    name: str  # our short paraphrase, not the codebook wording
    goldstein: float  # -10 .. +10
    root: str  # "04"
    quad_class: int  # 1..4, from the root
    plover: str | None  # PLOVER 2021 event type, or None (roots 01/02 except 016)
    plover_mode: str | None  # PLOVER mode, or None


QUAD_CLASS_LAST_ROOTS: tuple[tuple[int, int], ...] = ((5, 1), (9, 2), (14, 3), (20, 4))
"""The last root of each QuadClass, in order (GDELT's grouping; see :func:`quad_class_of_root`)."""


def quad_class_of_root(root: str) -> int:
    """Return the QuadClass (1-4) of a two-digit CAMEO root, as GDELT assigns it.

    - 01-05 -> 1, verbal cooperation (statements, appeals, intentions, consultation, diplomacy);
    - 06-09 -> 2, material cooperation (cooperation, aid, yielding, investigation);
    - 10-14 -> 3, verbal conflict (demanding, disapproving, rejecting, threatening, protest);
    - 15-20 -> 4, material conflict (force posture, reduced relations, coercion, violence).

    Why GDELT's grouping and not the CAMEO manual's (09-13 verbal conflict, 14-20 material conflict, which
    Phoenix-style quad counts use): ``quad_class`` is GDELT's field, our export reproduces GDELT's event
    layout, and the reference we check against is GDELT's own export (every one of its 45 events of root 09
    has QuadClass 2 and all 31 of root 14 have 3; ``../shared/benchmarks/gdelt``, checked by
    tests/events/test_lexicon_codes.py). A user joining our events to GDELT's, or counting quads with
    GDELT's tools, gets the same class for the same code. The CAMEO-manual grouping is one comparison away
    (``root in {"09"}`` -> 3, ``"14"`` -> 4) for anyone who wants it.

    Raises :class:`ValueError` for anything that is not a root ``"01"`` .. ``"20"``.
    """
    if not _ROOT_RE.fullmatch(root):
        raise ValueError(f"{root!r} is not a CAMEO root: expected two digits, '01' to '20'")
    number = int(root)
    for last_root, quad in QUAD_CLASS_LAST_ROOTS:
        if 1 <= number <= last_root:
            return quad
    raise ValueError(f"{root!r} is not a CAMEO root: expected '01' to '20'")


def _parents(code: str) -> list[str]:
    """The code itself, then its parents up to the root: ``"0231"`` -> ``["0231", "023", "02"]``."""
    return [code[:n] for n in range(len(code), 1, -1)]


def _resolve_plover(code: str, rows: dict[str, _PloverRow]) -> _PloverRow:
    """PLOVER type and mode of ``code``: its own row or its nearest parent's, then the annotation guide.

    Our annotation guide (ANNOTATION.md) gives roots 01 (statements) and 02 (appeals) no PLOVER type,
    except 016 (deny responsibility) and its sub-codes, which are REJECT. That rule wins over the file.
    """
    plover: str | None = None
    mode: str | None = None
    for candidate in _parents(code):
        if candidate in rows:
            plover, mode = rows[candidate]
            break
    if code[:2] in NO_PLOVER_ROOTS:
        if code.startswith(DENIAL_CODE):
            return DENIAL_PLOVER_TYPE, mode if plover == DENIAL_PLOVER_TYPE else None
        return None, None
    return plover, mode


def _bad_line(source: str, lineno: int, reason: str, hint: str) -> CameoTableError:
    return CameoTableError(f"{source}, line {lineno}", reason, hint)


def _read_resource(path: Path | None, name: str) -> tuple[str, str]:
    return read_data_file(name, path, CameoTableError)


def _data_lines(
    text: str, source: str, header: tuple[str, ...], min_fields: int
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, stripped fields)`` for each data line of a TSV with ``#`` comments.

    The first non-comment line must be the column header. Data lines have ``len(header)`` tab-separated
    fields; fewer are accepted down to ``min_fields`` (trailing empty fields whose tabs an editor dropped).
    """
    joined = "<TAB>".join(header)
    seen_header = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if not seen_header:
            if tuple(fields) != header:
                raise _bad_line(
                    source, lineno, f"expected the column header '{joined}'", "put the header before the data"
                )
            seen_header = True
            continue
        if not min_fields <= len(fields) <= len(header):
            raise _bad_line(
                source,
                lineno,
                f"expected {len(header)} tab-separated fields ({', '.join(header)}), found {len(fields)}",
                "separate the fields with single tabs",
            )
        yield lineno, fields + [""] * (len(header) - len(fields))
    if not seen_header:
        raise CameoTableError(source, f"no column header '{joined}' (empty file?)", "restore the file")


def _check_code(code: str, source: str, lineno: int) -> str:
    """Validate a code field and return its root."""
    if not _CODE_RE.fullmatch(code):
        raise _bad_line(
            source, lineno, f"{code!r} is not a CAMEO code", "write 2 to 4 digits, keeping the leading zero"
        )
    root = code[:2]
    try:
        quad_class_of_root(root)
    except ValueError as exc:
        raise _bad_line(source, lineno, str(exc), "use a code under one of the roots 01-20") from exc
    return root


def _parse_codes(text: str, source: str) -> dict[str, tuple[int, str, float]]:
    """``code -> (line number, name, goldstein)`` from the text of ``cameo_codes.tsv``."""
    rows: dict[str, tuple[int, str, float]] = {}
    for lineno, (code, name, goldstein_text) in _data_lines(text, source, _CODES_HEADER, len(_CODES_HEADER)):
        _check_code(code, source, lineno)
        if code in rows:
            raise _bad_line(source, lineno, f"code {code} already on line {rows[code][0]}", "keep one row")
        if not name:
            raise _bad_line(source, lineno, f"code {code} has an empty name", "write a short name")
        try:
            goldstein = float(goldstein_text)
        except ValueError:
            goldstein = math.nan
        low, high = _GOLDSTEIN_RANGE
        if not low <= goldstein <= high:  # also rejects nan
            raise _bad_line(
                source,
                lineno,
                f"Goldstein value {goldstein_text!r} of code {code} is not a number from {low:g} to {high:g}",
                "write a decimal number such as -2.0",
            )
        rows[code] = (lineno, name, goldstein)
    for code, (lineno, _, _) in rows.items():
        if len(code) > 2 and code[:-1] not in rows:
            raise _bad_line(
                source,
                lineno,
                f"code {code} has no parent code {code[:-1]} in the file",
                "add the parent row",
            )
    return rows


def _parse_plover(text: str, source: str) -> dict[str, _PloverRow]:
    """``code -> (PLOVER type or None, mode or None)`` from the text of ``cameo_plover.tsv``.

    Rows for codes that are not in the CAMEO table are allowed (the 2021 table lists 1213 and 1214).
    """
    rows: dict[str, _PloverRow] = {}
    first_line: dict[str, int] = {}
    for lineno, (code, plover, mode) in _data_lines(text, source, _PLOVER_HEADER, 1):
        _check_code(code, source, lineno)
        if code in rows:
            raise _bad_line(source, lineno, f"code {code} already on line {first_line[code]}", "keep one row")
        if plover and plover not in PLOVER_EVENT_TYPES:
            raise _bad_line(
                source,
                lineno,
                f"{plover!r} is not a PLOVER event type",
                f"use one of {', '.join(sorted(PLOVER_EVENT_TYPES))}, or leave it empty",
            )
        if mode and not plover:
            raise _bad_line(source, lineno, f"mode {mode!r} without a PLOVER type", "add the type")
        if mode and not _MODE_RE.fullmatch(mode):
            raise _bad_line(
                source, lineno, f"{mode!r} is not a PLOVER mode", "write lower case letters, '_' or '-'"
            )
        rows[code] = (plover or None, mode or None)
        first_line[code] = lineno
    return rows


class CameoTable:
    """All CAMEO event codes, looked up by code string (``"042"``, leading zero kept).

    Build it with :meth:`load` (or use :func:`default_cameo_table`); it does not change after that.
    """

    __slots__ = ("_codes", "codes_source", "plover_source")

    def __init__(
        self,
        codes: Iterable[CameoCode],
        *,
        codes_source: str = "<memory>",
        plover_source: str = "<memory>",
    ) -> None:
        self._codes = MappingProxyType({entry.code: entry for entry in sorted(codes, key=lambda c: c.code)})
        self.codes_source = codes_source  # where the table lives, for messages
        self.plover_source = plover_source

    @classmethod
    def load(cls, codes_path: Path | None = None, plover_path: Path | None = None) -> CameoTable:
        """Read the code table and the PLOVER map (by default the files packaged in ``eventwire/data``).

        Raises :class:`CameoTableError` (a :class:`ValueError`) naming the file and line of a malformed
        line, and :class:`~eventwire.errors.ResourceMissing` if a file does not exist.
        """
        codes_text, codes_source = _read_resource(codes_path, CODES_FILE)
        plover_text, plover_source = _read_resource(plover_path, PLOVER_FILE)
        code_rows = _parse_codes(codes_text, codes_source)
        plover_rows = _parse_plover(plover_text, plover_source)
        entries = []
        for code, (_, name, goldstein) in code_rows.items():
            plover, mode = _resolve_plover(code, plover_rows)
            entries.append(
                CameoCode(
                    code=code,
                    name=name,
                    goldstein=goldstein,
                    root=code[:2],
                    quad_class=quad_class_of_root(code[:2]),
                    plover=plover,
                    plover_mode=mode,
                )
            )
        return cls(entries, codes_source=codes_source, plover_source=plover_source)

    def get(self, code: str) -> CameoCode:
        """The entry of ``code``; raises :class:`UnknownCameoCode` (a :class:`KeyError`) if there is none."""
        try:
            return self._codes[code]
        except KeyError:
            raise UnknownCameoCode(
                f"CAMEO code {code!r}",
                f"not in the CAMEO table {self.codes_source}",
                "use a code listed there: 2 to 4 digits with the leading zero kept, e.g. '042' (not '42')",
            ) from None

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def codes(self) -> list[str]:
        """Every code, sorted as strings, which puts each code right after its parent (01, 010, ...)."""
        return list(self._codes)

    def goldstein(self, code: str) -> float:
        return self.get(code).goldstein

    def quad_class(self, code: str) -> int:
        return self.get(code).quad_class

    def plover_type(self, code: str) -> str | None:
        """PLOVER event type of ``code``; None for roots 01 and 02 except 016 (REJECT)."""
        return self.get(code).plover

    def root_name(self, root: str) -> str:
        """Name of a root such as ``"04"``; a longer code is reduced to its root first."""
        return self.get(root[:2]).name

    def __repr__(self) -> str:
        return f"CameoTable({len(self._codes)} codes from {self.codes_source})"


@functools.lru_cache(maxsize=1)
def default_cameo_table() -> CameoTable:
    """The packaged CAMEO table, loaded once per process."""
    return CameoTable.load()
