"""PETRARCH/TABARI actor dictionaries: phrases -> CAMEO actor codes, with dated roles.

Format (``PETRreader.read_actor_dictionary``)::

    UNITED_STATES  [USA]           a primary phrase and its default code
    +USA                           a synonym of the phrase above
    BARACK_OBAMA_                  a primary phrase with only dated codes
        [USAELI 19610804-20090119] a dated code: YYYYMMDD or YYMMDD, interval
        [USAGOV 20090120-20170120]
        [USAELI >20170120]         after (inclusive) ...
        [HOB < 950601]             ... or before a date
        [ZBW]                      an undated code on its own line replaces the default
    THE_SHIRE  [FRO/BIL/SAM]       several actors at once

``_`` and spaces both separate words. ``[---]`` is the null code (the phrase is known but names no actor).
Dated codes are tried in file order and the first whose dates hold wins ("[ORCHOB 20100109-20100112] # This
should override the next restriction"); when none holds, or the date is unknown, the default applies.

Errors (:class:`~eventwire.errors.DictionaryFileError`): a code line or synonym before any phrase, an
empty phrase, an empty code or one with characters codes do not have. Counted issues (PETRARCH skips or
reads past these): a date it cannot read (the date line is skipped), an interval that ends before it
starts, a ``[`` without ``]`` (the code is read to the line end), a phrase listed twice (the first wins).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.dictionaries._lines import Issue, Line, Record, content_lines, read_text
from eventwire.errors import DictionaryFileError

NULL_CODE = "---"
YY_CENTURY_PIVOT = 30
"""TABARI/PETRARCH rule for six-digit dates: YY <= 30 is 20YY, otherwise 19YY."""
_CODE_RE = re.compile(r"[A-Za-z0-9\-+/#~]+")
_DIGITS_RE = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class DatedCode(Record):
    """One code of an actor, valid from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry(Record):
    """One actor record: its phrases (upper case, words separated by single spaces) and codes."""

    phrases: tuple[str, ...]
    default: str | None  # the undated code, None when the record has only dated codes
    dated: tuple[DatedCode, ...]
    source: str
    line: int

    @property
    def name(self) -> str:
        """Display name: the primary phrase in title case ("Sam Gamgee")."""
        return " ".join(w.capitalize() if w.isalpha() else w for w in self.phrases[0].split())

    def code_on(self, day: dt.date | None) -> str | None:
        """The code that applies on ``day`` (the default when ``day`` is None or no dated code holds);
        None for the null code ``---`` or when nothing applies."""
        code = self.default
        if day is not None:
            code = next((d.code for d in self.dated if d.holds(day)), self.default)
        return None if code is None or code == NULL_CODE else code

    def codes(self) -> tuple[str, ...]:
        """Every code the record can take, in file order, the default first."""
        out = [self.default] if self.default else []
        out += [d.code for d in self.dated]
        return tuple(dict.fromkeys(c for c in out if c != NULL_CODE))


@dataclass
class _Building:
    phrases: list[str]
    line: int
    default: str | None = None
    dated: list[DatedCode] = field(default_factory=list)


def phrase_words(text: str) -> str:
    """PETRARCH phrase -> upper-case words separated by single spaces ("GAZA_CITY_" -> "GAZA CITY")."""
    return " ".join(text.replace("_", " ").upper().split())


def parse_date(text: str) -> dt.date:
    """A PETRARCH date: YYYYMMDD, or YYMMDD (YY <= 30 is 20YY); a seventh digit is ignored as PETRARCH does.
    Raises ValueError."""
    digits = text.strip()
    if not digits.isdigit():
        raise ValueError(f"{text!r} is not a date")
    if len(digits) >= 8:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    if len(digits) < 6:
        raise ValueError(f"{text!r} is too short for a date")
    yy = int(digits[:2])
    year = 2000 + yy if yy <= YY_CENTURY_PIVOT else 1900 + yy
    return dt.date(year, int(digits[2:4]), int(digits[4:6]))


def _bracket(line: Line, source: str, issues: list[Issue]) -> tuple[str, str]:
    """(text before '[', content of the brackets); a missing ']' is read to the line end, as PETRARCH does."""
    head, _, rest = line.text.partition("[")
    if "]" not in rest:
        issues.append(Issue(source, line.number, "'[' without ']'; code read to the line end"))
        return head, rest.strip()
    return head, rest[: rest.index("]")].strip()


def _parse_code(content: str, line: Line, source: str, issues: list[Issue]) -> DatedCode | None:
    """``CODE`` or ``CODE <restriction>`` -> DatedCode; None (with an issue) for an unreadable date."""
    parts = content.split(None, 1)
    if not parts:
        raise DictionaryFileError(f"{source}:{line.number}", "empty code '[]'", "write a code such as [ABC]")
    code = parts[0].upper()
    if not _CODE_RE.fullmatch(code):
        raise DictionaryFileError(
            f"{source}:{line.number}", f"bad actor code {parts[0]!r}", "use letters, e.g. ABCGOV"
        )
    rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        return DatedCode(code)
    try:
        if rest[0] in "<>":
            match = _DIGITS_RE.search(rest)
            if match is None:
                raise ValueError("no date after '<' or '>'")
            day = parse_date(match.group())
            return DatedCode(code, None, day) if rest[0] == "<" else DatedCode(code, day, None)
        if "-" in rest:
            first, _, second = rest.partition("-")
            start, end = parse_date(first), parse_date(second)
            if end < start:
                issues.append(Issue(source, line.number, "interval ends before it starts; line skipped"))
                return None
            return DatedCode(code, start, end)
        raise ValueError(f"cannot read the restriction {rest!r}")
    except ValueError as exc:
        issues.append(Issue(source, line.number, f"date restriction not read ({exc}); line skipped"))
        return None


def parse_actors(text: str, source: str) -> tuple[list[ActorEntry], list[Issue]]:
    """Parse the text of an actor dictionary. Raises DictionaryFileError for a malformed line."""
    entries: list[ActorEntry] = []
    issues: list[Issue] = []
    current: _Building | None = None

    def close() -> None:
        if current is not None:
            entries.append(
                ActorEntry(
                    tuple(current.phrases), current.default, tuple(current.dated), source, current.line
                )
            )

    for line in content_lines(text, semicolon_comments=True):
        stripped = line.text.strip()
        if "---STOP---" in stripped:
            break
        where = f"{source}:{line.number}"
        if stripped.startswith("["):
            if current is None:
                raise DictionaryFileError(
                    where, "a code line before any actor phrase", "put the phrase first"
                )
            _, content = _bracket(line, source, issues)
            code = _parse_code(content, line, source, issues)
            if code is not None:
                if code.dated:
                    current.dated.append(code)
                else:
                    current.default = code.code
            continue
        if stripped.startswith("+"):
            if current is None:
                raise DictionaryFileError(
                    where, "a synonym ('+') before any actor phrase", "put the phrase first"
                )
            phrase = phrase_words(stripped[1:].split("[")[0])
            if not phrase:
                raise DictionaryFileError(where, "empty synonym", "write a phrase after '+'")
            current.phrases.append(phrase)
            if "[" in stripped:  # a code on a synonym line applies to the record
                _, content = _bracket(line, source, issues)
                code = _parse_code(content, line, source, issues)
                if code is not None and current.default is None and not code.dated:
                    current.default = code.code
                elif code is not None and code.dated:
                    current.dated.append(code)
            continue
        close()
        head = stripped
        default: str | None = None
        dated: list[DatedCode] = []
        if "[" in stripped:
            head, content = _bracket(line, source, issues)
            code = _parse_code(content, line, source, issues)
            if code is not None:
                if code.dated:
                    dated.append(code)
                else:
                    default = code.code
        phrase = phrase_words(head)
        if not phrase:
            raise DictionaryFileError(where, "empty actor phrase", "write the phrase before the code")
        current = _Building([phrase], line.number, default, dated)
    close()
    return entries, issues


def load_actors(path: Path) -> tuple[list[ActorEntry], list[Issue]]:
    return parse_actors(read_text(path), str(path))
