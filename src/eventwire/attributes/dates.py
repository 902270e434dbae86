"""Date expressions in news text, normalised against the publication date.

:func:`find_dates` finds the date expressions of a text (usually one sentence) and returns them as
:class:`DateMention` objects whose ``start``/``end`` are offsets into that text
(``text[m.start:m.end] == m.text``). :func:`normalize_date` normalises a single expression.

Values
------
``DateMention.value`` is ISO 8601 at the precision the text gives it:

* ``"2021-09-01"`` (precision ``"day"``), ``"2021-09"`` (``"month"``), ``"2021"`` (``"year"``);
* when the text gives a month (and day) but no year, and no publication date (or ``ref_year``) fixes the year,
  the ISO 8601 truncated forms ``"--09-01"`` (``"day"``) and ``"--09"`` (``"month"``): the mention is kept so
  that a caller can show it or resolve it later (see ``month``/``day``), but a year is never invented.
  :attr:`DateMention.iso` is ``None`` for these, so ``iso`` is always a valid event-record date;
* ``None`` (precision ``None``) when nothing can be resolved: a weekday or "yesterday" without a publication
  date, a year range ("2015-2018"), or a week that straddles two months and two years.

Resolution against the publication date (news reports the past)
---------------------------------------------------------------
* A month (with or without a day) and no year takes the year that puts it between 9 months before and 2 months
  after the publication month (``PAST_WINDOW``): published 2018-04-05, "in December" is 2017-12, "in June"
  2018-06, "on March 4" 2018-03-04. "last May"/"next May" take the nearest May strictly before/after the
  publication month, "this May" the publication year. With ``future=True`` the window is 0..11 months after.
* A weekday ("Thursday", "on Thursday", "late Friday", "Monday's") is the most recent such day on or before
  the publication date; "last Thursday" the most recent strictly before it; "next Thursday" the first strictly
  after it; "this Thursday" the one in the publication date's Monday-Sunday week. With ``future=True`` a bare
  weekday is the first on or after the publication date.
* "yesterday"/"today"/"tonight"/"tomorrow"/"last night" are days. "N days ago" is a day, "N months ago" a
  month, "N years ago" and "last/this/next year" a year, "last/this/next month" a month.
* "last/this/next week", "the weekend" and "N weeks ago" name a span of days: they get month precision when
  the whole span lies in one month, year precision when it lies in one year, and no value otherwise.
* Without a publication date, ``ref_year`` (a known publication year, e.g. from "Copyright 2018") resolves
  yearless months and "this/last/next year" and "N years ago"; weekdays and day-relative words stay ``None``.

``relative`` is true for deictic expressions, whose meaning depends on when the text was written (weekdays,
yesterday, last week, three years ago, last May). A yearless "September 1" is not deictic: its year is merely
inferred (``relative`` false, ``value`` carries the inferred year).

Not dates here: decades ("the 1990s"), relative-to-event phrases ("one day after", "two years later"),
numbers that are counts ("2000 troops", "1,000 days"), and lowercase "may"/"march"/"august".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates", "normalize_date", "DAY", "MONTH", "YEAR"]

DAY = "day"
MONTH = "month"
YEAR = "year"

PAST_WINDOW = (-9, 2)
"""Months, relative to the publication month, that a yearless month may fall in (news reports the past, but
announces plans a little ahead). Chosen by hand for news; re-run tests/attributes/test_dates.py if changed."""
FUTURE_WINDOW = (0, 11)
"""The same window when the caller knows the event is planned (``future=True``)."""
BARE_YEAR_RANGE = (1900, 2100)
"""A bare four-digit number is a year only inside this range (and only in a date context)."""
EXPLICIT_YEAR_RANGE = (1800, 2199)
"""A year written with a month ("September 1, 1939") is accepted inside this range."""

# --- lexicon -------------------------------------------------------------------------------------------

_FULL_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_FULL_MONTHS, start=1)} | _ABBREVIATIONS
_AMBIGUOUS_MONTHS = frozenset({"april", "may", "june", "march", "august"})
"""Month names that are also given names, verbs or nouns: alone they need a date context ("in May")."""
_NEVER_LOWERCASE = frozenset({"may", "march", "august"})
"""Lowercase, these are a modal verb, a verb/noun and an adjective, never a month."""

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NUMBER = {name: i for i, name in enumerate(_WEEKDAYS)}
_HOLIDAY_WORDS = frozenset(
    {"black", "good", "bloody", "holy", "super", "ash", "cyber", "palm", "easter", "shrove", "maundy",
     "great"}
)  # fmt: skip
"""A capitalised word before a weekday that makes it a named day ("Good Friday", "Bloody Sunday")."""
_PAPER_WORDS = frozenset(
    {"times", "telegraph", "mirror", "express", "post", "herald", "tribune", "independent", "observer",
     "mail", "star", "sun", "standard", "night"}
)  # fmt: skip
"""A capitalised word after a weekday that makes it a name ("Sunday Times")."""

_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
"""Number words for "seven years ago" (counts in a date expression are small)."""

_MONTH_TRIGGERS = frozenset(
    {"in", "since", "until", "till", "by", "during", "from", "through", "throughout", "before", "after",
     "between", "early", "late", "mid", "around", "last", "next", "this", "starting", "beginning", "into",
     "ending"}
)  # fmt: skip
"""Words before a month name alone that make it a date ("in May", "since March")."""
_STRONG_YEAR_TRIGGERS = frozenset(
    {"in", "since", "until", "till", "during", "before", "after", "between", "circa", "c.", "ca.",
     "copyright", "©", "year", "fiscal", "early", "late", "mid", "spring", "summer", "autumn", "fall",
     "winter", "throughout", "into"}
)  # fmt: skip
"""Words before a bare four-digit number that make it a year even before a plural noun ("in 2014 rebels")."""
_WEAK_YEAR_TRIGGERS = frozenset({"of", "by", "from", "through", "around", "to", "and", "or", "for"})
"""Words before a four-digit number that make it a year unless a counted noun follows ("by 2000 people")."""
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "whose"})
_TEMPORAL_PREPOSITIONS = frozenset(
    {"in", "during", "since", "after", "before", "until", "ahead", "following", "at"}
)  # fmt: skip
"""Before a determiner + year + plural noun, these make the number a year ("in the 2018 elections")."""
_NOT_PLURAL = frozenset({"always", "perhaps", "sometimes", "was", "is", "has", "does", "this", "its", "his"})
"""Words ending in -s that are not plural nouns."""
_VERBISH = frozenset(
    {"said", "says", "say", "told", "tells", "has", "had", "have", "is", "was", "were", "are", "will",
     "would", "could", "should", "can", "may", "might", "must", "did", "does", "do", "met", "meets",
     "made", "makes", "wrote", "writes", "went", "goes", "gave", "gives", "took", "takes", "spoke",
     "speaks", "also", "herself", "himself", "insists", "insisted", "wants", "wanted", "to", "who",
     "whose", "announces", "vowed", "vows"}
)  # fmt: skip
"""Words after an ambiguous month name that show it is a person ("after May said", "May has received")."""
_IRREGULAR_COUNTED = frozenset(
    {"people", "men", "women", "children", "police", "personnel", "staff", "crew", "cattle", "dead",
     "killed", "wounded", "injured", "more", "other", "others"}
)  # fmt: skip
"""Words after a number that make it a count although they do not end in -s ("around 2000 people")."""
_UNIT_WORDS = frozenset(
    {"km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "tonnes", "tons", "kg",
     "hectares", "acres", "percent", "dollars", "euros", "pounds", "rounds", "units", "times"}
)  # fmt: skip
_COUNTED = _UNIT_WORDS | _IRREGULAR_COUNTED

# --- patterns ------------------------------------------------------------------------------------------

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)"
_FULL = "|".join(_FULL_MONTHS)
_ABBR = "Sept|Sep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec"
_MON = rf"(?P<m>(?:{_FULL})(?![A-Za-z])|(?:{_ABBR})(?:\.|(?![A-Za-z])))"
_AFTER_MON = r"(?:(?<=\.)\s*|\s+)"
_YEAR_SEP = r"(?:\s*,\s*|\s+)"
_DAY_RANGE = rf"(?:\s*(?:-|–|—|to)\s*(?P<d2>\d{{1,2}}){_ORD}?)?"
_PREFIX = (
    r"(?P<pre>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|(?:first|second|third|fourth"
    r"|last|final)\s+(?:week|weeks|days|half|quarter|fortnight))\s+of\s+|(?:late|early|mid)(?:\s+|-|–))"
)
_SEASON = r"(?P<season>(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+)"
_REL_YEAR = r"(?:,?\s+(?:of\s+)?(?P<ry>last|this|next)\s+year(?![A-Za-z]))"
"""After a month or day: "December 7 last year", "August of this year"."""
_NUMWORD = "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True))

_I = re.IGNORECASE
_ISO_RE = re.compile(r"(?<![\d\-/.])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d\-])")
_MDY_RE = re.compile(
    rf"(?<![A-Za-z])(?:(?P<wd>{_WD})\s*,?\s*)?{_MON}{_AFTER_MON}(?P<d>\d{{1,2}}){_ORD}?{_DAY_RANGE}"
    rf"(?![\d:])(?!,\d)(?:{_YEAR_SEP}(?P<y>\d{{4}})(?!\d)(?!,\d)|{_REL_YEAR})?",
    _I,
)
_DMY_RE = re.compile(
    rf"(?<![\w,.])(?:(?P<wd>{_WD})\s*,?\s*)?(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}?{_DAY_RANGE}\s+(?:of\s+)?"
    rf"{_MON}(?:{_YEAR_SEP}(?P<y>\d{{4}})(?!\d)(?!,\d)|{_REL_YEAR})?",
    _I,
)
_MY_RE = re.compile(
    rf"(?<![A-Za-z])(?:{_PREFIX})?{_MON}(?:\s+of)?{_YEAR_SEP}(?P<y>\d{{4}})(?!\d)(?!,\d)(?![\w%])", _I
)
_M_RE = re.compile(
    rf"(?<![A-Za-z\-])(?:(?P<mod>last|next|this)\s+)?(?:{_PREFIX})?(?P<m>{_FULL})(?![A-Za-z]){_REL_YEAR}?", _I
)
_YEAR_RE = re.compile(
    rf"(?<![\w,.$€£¥\-/])(?:{_PREFIX}|{_SEASON})?(?P<y>\d{{4}})(?![\w%])(?!,\d)(?!\.\d)(?![\-–/]\d)"
    r"(?!-(?:year|old|strong))",
    _I,
)
_YEAR_RANGE_RE = re.compile(r"(?<![\w,.$€£¥\-/])(?P<y>\d{4})\s*[\-–/]\s*(?P<y2>\d{4}|\d{2})(?![\w%\-])")
_DAYWORD_RE = re.compile(
    r"(?<![A-Za-z])(?P<pre>(?:earlier|later|early|late)\s+)?"
    r"(?P<w>yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))"
    r"(?P<suf>\s+(?:morning|afternoon|evening|night))?(?![A-Za-z])",
    _I,
)
_WEEKDAY_RE = re.compile(
    rf"(?<![A-Za-z])(?:(?P<mod>last|next|this\s+past|this\s+coming|this|coming|past|late|early)\s+)?"
    rf"(?P<wd>{_WD})(?:\s+(?P<suf>morning|afternoon|evening|night))?(?![A-Za-z])",
    _I,
)
_PERIOD_RE = re.compile(
    r"(?<![A-Za-z])(?P<pre>(?:earlier|later|early|late)\s+(?:in\s+)?)?(?P<mod>last|this|next)\s+"
    r"(?P<unit>week|weekend|month|year)(?![A-Za-z])",
    _I,
)
_WEEKEND_RE = re.compile(r"(?<![A-Za-z])(?:over|at|during)\s+the\s+weekend(?![A-Za-z])", _I)
_AGO_RE = re.compile(
    rf"(?<![A-Za-z\d,.])(?P<n>\d{{1,3}}|(?:{_NUMWORD})(?:-(?:{_NUMWORD}))?)\s+(?P<unit>day|week|month|year)s?"
    r"\s+ago(?![A-Za-z])",
    _I,
)
_PREV_WORD_RE = re.compile(r"([A-Za-z©][A-Za-z.'’]*)[ \t]*$")
_NEXT_WORD_RE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z'’\-]*)")
_POSSESSIVE_RE = re.compile(r"^['’]s(?![A-Za-z])")


# --- the mention -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text; ``text == source[start:end]``.

    ``value``/``precision``: see the module docstring. ``year``/``month``/``day`` are the resolved components
    (``year`` is None when it is unknown, e.g. ``value == "--09-01"``). ``weekday`` (0 = Monday) is set for
    weekday expressions so that a caller with another anchor can resolve them.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    relative: bool = False
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    @property
    def iso(self) -> str | None:
        """``value`` when it is a complete ISO date ("YYYY-MM-DD", "YYYY-MM", "YYYY"), else None."""
        if self.value is None or self.value.startswith("--"):
            return None
        return self.value


@dataclass(frozen=True)
class _Context:
    pub: dt.date | None
    ref_year: int | None
    future: bool

    @property
    def year(self) -> int | None:
        return self.pub.year if self.pub is not None else self.ref_year


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int  # pattern order: lower wins a tie in length
    value: str | None
    precision: str | None
    relative: bool
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None


# --- public functions ------------------------------------------------------------------------------------


def find_dates(
    text: str,
    pub_date: dt.date | None = None,
    *,
    future: bool = False,
    ref_year: int | None = None,
) -> list[DateMention]:
    """Date expressions of ``text`` in order, non-overlapping (longest wins), resolved against ``pub_date``.

    ``future``: the caller knows the text speaks of a planned event; bare weekdays and yearless months are
    then resolved forward. ``ref_year``: the publication year when the full publication date is unknown.
    """
    if isinstance(pub_date, dt.datetime):
        pub_date = pub_date.date()
    ctx = _Context(pub_date, ref_year if pub_date is None else pub_date.year, future)
    candidates: list[_Candidate] = []
    for rank, finder in enumerate(_FINDERS):
        candidates.extend(finder(text, ctx, rank))
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.rank, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return [
        DateMention(
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            value=c.value,
            precision=c.precision,
            relative=c.relative,
            year=c.year,
            month=c.month,
            day=c.day,
            weekday=c.weekday,
        )
        for c in chosen
    ]


def normalize_date(
    expr: str,
    pub_date: dt.date | None = None,
    *,
    future: bool = False,
    ref_year: int | None = None,
) -> tuple[str | None, str | None]:
    """``(value, precision)`` of the longest date expression in ``expr``, or ``(None, None)``.

    ``value`` is as :attr:`DateMention.value` (it may be a yearless "--MM-DD"); use ``find_dates(...)[i].iso``
    where only complete dates will do.
    """
    found = find_dates(expr, pub_date, future=future, ref_year=ref_year)
    if not found:
        return None, None
    best = max(found, key=lambda m: (m.end - m.start, -m.start))
    return best.value, best.precision


# --- resolution helpers ----------------------------------------------------------------------------------


def _ymd(year: int | None, month: int, day: int | None) -> tuple[str | None, str | None]:
    """Value and precision of a (possibly yearless) month or day; (None, None) for an impossible day."""
    if day is not None:
        last = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: Feb 29 is possible
        if not 1 <= day <= last:
            return None, None
        if year is None:
            return f"--{month:02d}-{day:02d}", DAY
        return f"{year:04d}-{month:02d}-{day:02d}", DAY
    if year is None:
        return f"--{month:02d}", MONTH
    return f"{year:04d}-{month:02d}", MONTH


def _year_for_month(month: int, ctx: _Context, mod: str | None = None) -> int | None:
    """The year of a yearless month, by the windows of the module docstring."""
    if ctx.pub is None:
        return ctx.ref_year if mod in (None, "this") else None
    py, pm = ctx.pub.year, ctx.pub.month
    if mod == "this":
        return py
    if mod == "last":
        lo, hi = -12, -1
    elif mod == "next":
        lo, hi = 1, 12
    else:
        lo, hi = FUTURE_WINDOW if ctx.future else PAST_WINDOW
    for year in (py - 1, py, py + 1):
        if lo <= (year - py) * 12 + month - pm <= hi:
            return year
    return None  # pragma: no cover - the windows span 12 months


def _relative_year(word: str, ctx: _Context) -> int | None:
    """The year of "last/this/next year"."""
    if ctx.year is None:
        return None
    return ctx.year + {"last": -1, "this": 0, "next": 1}[word.lower()]


def _span_value(first: dt.date, last: dt.date) -> tuple[str | None, str | None]:
    """A span of days: month precision inside one month, year precision inside one year, else nothing."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", MONTH
    if first.year == last.year:
        return f"{first.year:04d}", YEAR
    return None, None


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _month_number(token: str) -> int | None:
    """The month of a matched month token, or None where case shows it is not a month."""
    key = token.rstrip(".").lower()
    number = _MONTH_NUMBER.get(key)
    if number is None:
        return None
    if token.islower() and (key in _NEVER_LOWERCASE or key in _ABBREVIATIONS):
        return None
    if key in _ABBREVIATIONS and not token[0].isupper():
        return None
    return number


def _prev_word(text: str, pos: int) -> str | None:
    m = _PREV_WORD_RE.search(text, max(0, pos - 40), pos)
    return m.group(1).lower().rstrip(".") if m else None


def _prev_word_at(text: str, pos: int) -> tuple[str | None, int]:
    m = _PREV_WORD_RE.search(text, max(0, pos - 40), pos)
    if not m:
        return None, pos
    return m.group(1).lower().rstrip("."), m.start(1)


def _next_word(text: str, pos: int) -> str | None:
    m = _NEXT_WORD_RE.match(text[pos : pos + 40])
    return m.group(1) if m else None


def _is_bare_year(token: str | None) -> bool:
    return token is not None and token.isdigit() and len(token) == 4


def _is_month_word(word: str | None) -> bool:
    return word is not None and word.rstrip(".").lower() in _MONTH_NUMBER


def _looks_plural_noun(word: str | None) -> bool:
    """A lowercase word ending in -s (not -ss, -'s, -us, -is): a plural noun or a verb, a counted thing."""
    if word is None or not word.islower():
        return False
    lw = word.lower()
    return (
        lw.endswith("s")
        and not lw.endswith(("ss", "'s", "’s", "us", "is"))
        and lw not in _NOT_PLURAL
        and len(lw) > 2
    )


def _explicit_year(raw: str | None) -> int | None:
    """The year of a year group, or None when absent or out of ``EXPLICIT_YEAR_RANGE``."""
    if raw is None:
        return None
    year = int(raw)
    lo, hi = EXPLICIT_YEAR_RANGE
    return year if lo <= year <= hi else None


# --- finders: one per pattern, each yields candidates ----------------------------------------------------

_Finder = Callable[[str, _Context, int], Iterator[_Candidate]]


def _find_iso(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _ISO_RE.finditer(text):
        year, month, day = int(m["y"]), int(m["mo"]), int(m["d"])
        if not 1 <= month <= 12 or _explicit_year(m["y"]) is None:
            continue
        value, precision = _ymd(year, month, day)
        if value is not None:
            yield _Candidate(m.start(), m.end(), rank, value, precision, False, year, month, day)


def _day_month(m: re.Match[str], ctx: _Context, rank: int) -> _Candidate | None:
    """Shared by the month-day-year and day-month-year patterns."""
    month = _month_number(m["m"])
    day = int(m["d"])
    if month is None or _ymd(None, month, day)[0] is None:  # not a month, or "May 45"
        return None
    end = m.end()
    year = _explicit_year(m["y"])
    if m["y"] is not None and year is None:  # "September 1 2300": keep the day, leave the number out
        end = max(m.end("d2") if m["d2"] else m.end("d"), m.end("m"))
    relative = m["ry"] is not None
    if relative:
        year = _relative_year(m["ry"], ctx)
    elif year is None:
        year = _year_for_month(month, ctx)
    if m["d2"] is not None and int(m["d2"]) > day:  # "September 1-3": a span inside the month
        value, precision = _ymd(year, month, None)
        return _Candidate(m.start(), end, rank, value, precision, relative, year, month)
    value, precision = _ymd(year, month, day)  # None for Feb 29 of a year that has none
    return _Candidate(m.start(), end, rank, value, precision, relative, year, month, day)


def _find_mdy(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _MDY_RE.finditer(text):
        cand = _day_month(m, ctx, rank)
        if cand is not None:
            yield cand


def _find_dmy(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _DMY_RE.finditer(text):
        cand = _day_month(m, ctx, rank)
        if cand is not None:
            yield cand


def _find_month_year(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _MY_RE.finditer(text):
        month = _month_number(m["m"])
        year = _explicit_year(m["y"])
        if month is None or year is None:
            continue
        value, precision = _ymd(year, month, None)
        yield _Candidate(m.start(), m.end(), rank, value, precision, False, year, month)


def _month_context_ok(text: str, m: re.Match[str], key: str) -> bool:
    """Whether a month name standing alone is a date (see ``_AMBIGUOUS_MONTHS``)."""
    start = m.start("m")
    prev, prev_start = _prev_word_at(text, start)
    triggered = bool(m["mod"] or m["pre"] or m["ry"])
    if not triggered and prev is not None:
        if prev in _MONTH_TRIGGERS:
            triggered = True
        elif prev == "of" and _prev_word(text, prev_start) == "month":
            triggered = True
        elif prev in ("and", "or", "to", "through", "until", "till"):
            triggered = _is_month_word(_prev_word(text, prev_start))
    if not triggered and start > 0 and text[start - 1] in "-–/":
        triggered = _is_month_word(_prev_word(text, start - 1))
    if key not in _AMBIGUOUS_MONTHS or m["mod"] or m["pre"] or m["ry"]:
        return True  # a modifier ("last May", "mid-March") settles it
    if not triggered:
        return False
    after = text[m.end("m") :]
    if _POSSESSIVE_RE.match(after):
        return False
    nxt = _next_word(text, m.end("m"))
    if nxt is not None and nxt.islower() and (nxt in _VERBISH or nxt.endswith("ed")):
        return False
    return True


def _find_month(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _M_RE.finditer(text):
        token = m["m"]
        key = token.lower()
        month = _month_number(token)
        if month is None or not _month_context_ok(text, m, key):
            continue
        mod = m["mod"].lower() if m["mod"] else None
        if m["ry"] is not None:
            year = _relative_year(m["ry"], ctx)
        else:
            year = _year_for_month(month, ctx, mod)
        value, precision = _ymd(year, month, None)
        relative = mod is not None or m["ry"] is not None
        yield _Candidate(m.start(), m.end(), rank, value, precision, relative, year, month)


def _year_context_ok(text: str, m: re.Match[str]) -> bool:
    """Whether a bare four-digit number in range is a year (see the trigger sets)."""
    if m["pre"] or m["season"]:
        return True
    start, end = m.start("y"), m.end("y")
    if _POSSESSIVE_RE.match(text[end:]):
        return True
    prev, prev_start = _prev_word_at(text, start)
    nxt = _next_word(text, end)
    if prev is None:
        return False
    if prev in _STRONG_YEAR_TRIGGERS:
        return True
    counted = _looks_plural_noun(nxt) or (nxt is not None and nxt.lower() in _COUNTED)
    if prev in ("and", "or", "to", "through"):
        before = text[max(0, prev_start - 12) : prev_start].split()
        return bool(before) and _is_bare_year(before[-1].strip(",")) and not counted
    if prev in _WEAK_YEAR_TRIGGERS:
        return not counted
    if prev in _DETERMINERS and nxt is not None:
        if nxt.lower() in _UNIT_WORDS:
            return False
        return not counted or _prev_word(text, prev_start) in _TEMPORAL_PREPOSITIONS
    return False


def _find_year(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    lo, hi = BARE_YEAR_RANGE
    for m in _YEAR_RE.finditer(text):
        year = int(m["y"])
        if not lo <= year <= hi or not _year_context_ok(text, m):
            continue
        yield _Candidate(m.start(), m.end("y"), rank, f"{year:04d}", YEAR, False, year)


def _find_year_range(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    lo, hi = BARE_YEAR_RANGE
    for m in _YEAR_RANGE_RE.finditer(text):
        first, second = int(m["y"]), int(m["y2"])
        if len(m["y2"]) == 2:
            second += first // 100 * 100
        if lo <= first < second <= hi:
            yield _Candidate(m.start(), m.end(), rank, None, None, False)


def _day_candidate(
    start: int, end: int, rank: int, day: dt.date | None, weekday: int | None = None
) -> _Candidate:
    if day is None:
        return _Candidate(start, end, rank, None, None, True, weekday=weekday)
    return _Candidate(start, end, rank, day.isoformat(), DAY, True, day.year, day.month, day.day, weekday)


def _find_dayword(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _DAYWORD_RE.finditer(text):
        word = " ".join(m["w"].lower().split())
        if m["w"][0].isupper() and word in ("today", "tonight"):
            prev = _PREV_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            name = prev is not None and prev.group(1)[0].isupper() and not prev.group(1).endswith(".")
            if name and prev is not None and m.start() - prev.end(1) <= 1:
                continue  # "USA Today", "Russia Today": a name
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        day = ctx.pub + dt.timedelta(days=offset) if ctx.pub is not None else None
        yield _day_candidate(m.start(), m.end(), rank, day)


def _find_weekday(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _WEEKDAY_RE.finditer(text):
        wd_token = m["wd"]
        prev_m = _PREV_WORD_RE.search(text, max(0, m.start("wd") - 40), m.start("wd"))
        if m["mod"] is None and prev_m and prev_m.group(1).lower() in _HOLIDAY_WORDS:
            if prev_m.group(1)[0].isupper():
                continue
        nxt = _next_word(text, m.end("wd"))
        if m["suf"] is None and nxt and nxt[0].isupper() and nxt.lower() in _PAPER_WORDS:
            continue
        weekday = _WEEKDAY_NUMBER[wd_token.lower()]
        mod = " ".join(m["mod"].lower().split()) if m["mod"] else None
        day = None
        if ctx.pub is not None:
            back = (ctx.pub.weekday() - weekday) % 7
            ahead = (weekday - ctx.pub.weekday()) % 7
            if mod in ("last", "this past", "past"):
                delta = -(back or 7)
            elif mod in ("next", "this coming", "coming"):
                delta = ahead or 7
            elif mod == "this":
                delta = weekday - ctx.pub.weekday()
            elif ctx.future:
                delta = ahead
            else:
                delta = -back
            day = ctx.pub + dt.timedelta(days=delta)
        yield _day_candidate(m.start(), m.end(), rank, day, weekday)


def _week_span(pub: dt.date, weeks: int) -> tuple[dt.date, dt.date]:
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def _weekend_span(pub: dt.date, which: str) -> tuple[dt.date, dt.date]:
    """The Saturday and Sunday of "last"/"this"/"next" weekend ("the weekend" is "last")."""
    if which == "last":
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7 or 7)
        if pub.weekday() == 6:  # on a Sunday, "the weekend" is the one now ending
            saturday = pub - dt.timedelta(days=1)
    else:
        saturday = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
        if pub.weekday() == 6:
            saturday = pub - dt.timedelta(days=1)
        if which == "next":
            saturday += dt.timedelta(days=7)
    return saturday, saturday + dt.timedelta(days=1)


def _find_period(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _PERIOD_RE.finditer(text):
        if m["pre"] is None and _prev_word(text, m.start()) in _DETERMINERS:
            continue  # "his last year in office", "the next month"
        mod, unit = m["mod"].lower(), m["unit"].lower()
        shift = {"last": -1, "this": 0, "next": 1}[mod]
        value: str | None = None
        precision: str | None = None
        year: int | None = None
        month: int | None = None
        if unit == "year" and ctx.year is not None:
            year = ctx.year + shift
            value, precision = f"{year:04d}", YEAR
        elif ctx.pub is not None and unit == "month":
            year, month = _shift_months(ctx.pub, shift)
            value, precision = _ymd(year, month, None)
        elif ctx.pub is not None and unit == "week":
            value, precision = _span_value(*_week_span(ctx.pub, shift))
        elif ctx.pub is not None and unit == "weekend":
            value, precision = _span_value(*_weekend_span(ctx.pub, mod))
        yield _Candidate(m.start(), m.end(), rank, value, precision, True, year, month)
    for m in _WEEKEND_RE.finditer(text):
        if ctx.pub is None:
            yield _Candidate(m.start(), m.end(), rank, None, None, True)
            continue
        value, precision = _span_value(*_weekend_span(ctx.pub, "last"))
        yield _Candidate(m.start(), m.end(), rank, value, precision, True)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    total = 0
    for part in word.lower().split("-"):
        if part not in _SMALL_NUMBERS:
            return None
        total += _SMALL_NUMBERS[part]
    return total


def _find_ago(text: str, ctx: _Context, rank: int) -> Iterator[_Candidate]:
    for m in _AGO_RE.finditer(text):
        n = _number(m["n"])
        if n is None:
            continue
        unit = m["unit"].lower()
        value: str | None = None
        precision: str | None = None
        year = month = day = None
        if unit == "year" and ctx.year is not None:
            year = ctx.year - n
            value, precision = f"{year:04d}", YEAR
        elif ctx.pub is not None and unit == "month":
            year, month = _shift_months(ctx.pub, -n)
            value, precision = _ymd(year, month, None)
        elif ctx.pub is not None and unit == "week":
            centre = ctx.pub - dt.timedelta(weeks=n)
            value, precision = _span_value(centre - dt.timedelta(days=3), centre + dt.timedelta(days=3))
        elif ctx.pub is not None and unit == "day":
            when = ctx.pub - dt.timedelta(days=n)
            year, month, day = when.year, when.month, when.day
            value, precision = when.isoformat(), DAY
        yield _Candidate(m.start(), m.end(), rank, value, precision, True, year, month, day)


_FINDERS: tuple[_Finder, ...] = (
    _find_iso,
    _find_mdy,
    _find_dmy,
    _find_month_year,
    _find_year_range,
    _find_month,
    _find_year,
    _find_ago,
    _find_period,
    _find_dayword,
    _find_weekday,
)
"""In order of preference when two candidates of equal length overlap."""
