"""Counts of persons and sums of money in news text.

:func:`find_quantities` returns :class:`QuantityMention` objects with offsets into the given text
(``text[q.start:q.end] == q.text``):

* **persons**: a number followed, after at most ``MAX_MODIFIERS`` modifiers, by a person noun of
  ``data/person_nouns.txt`` ("at least 1,000 mercenaries", "60 Russian diplomats", "23 of the other's
  diplomats", "more than 200 lawyers and activists"), a number directly followed by a casualty word
  ("12 dead", "12 killed"), a number followed by a passive casualty verb ("12 were killed"), or a bare number
  after a casualty verb or a death toll ("killing 12 in the attack", "the death toll rose to 50."). The text
  of a count includes its qualifier ("at least", "about", "more than"); :attr:`QuantityMention.qualifier`
  gives it too.
* **money**: a number with a currency symbol or name of ``data/currencies.tsv`` ("$10.8 million", "US$5m",
  "€20 billion", "£3", "6 billion CFA francs", "Rs 500 crore", "two million dollars"); the unit is the
  ISO 4217 code. The text of a sum leaves a qualifier out ("more than $1.3 billion" -> "$1.3 billion"), as the
  gold annotation does; the qualifier field keeps it.
* **period** (money, and counts directly followed by one): the nearest expression of "a/per/each/every
  day|week|month|year", "daily", "weekly", "monthly", "annually", ... in the same sentence, at most
  ``PERIOD_WINDOW`` characters away ("6 billion CFA francs ... monthly ($10.8 million)": both get "month").
* with ``durations=True``, also lengths of time such as sentences and detentions ("24 years", "30 days",
  "two-year"), unit "years"/"months"/"weeks"/"days"/"hours" (the gold annotation records sentence lengths).

Numbers are digits ("1,000", "10.8"), digits with a scale ("6 billion", "1.3bn", "$5m", "500 crore"; crore
= 1e7, lakh = 1e5) or number words ("two million", "a thousand", "a dozen", "two hundred and fifty").
Vague amounts ("hundreds of", "dozens of", "thousands of people", "millions of dollars") are not quantities.
Neither are numbers that are part of a date (see :mod:`eventwire.attributes.dates`), percentages, distances,
ages ("49-year-old") or decimal counts of persons.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from eventwire.attributes.dates import find_dates
from eventwire.data_files import read_data_file
from eventwire.errors import BadDataFile

__all__ = ["QuantityMention", "find_quantities", "parse_number", "PERSONS"]

PERSONS = "persons"
MAX_MODIFIERS = 3
"""Words allowed between a number and its person noun ("200 Chinese human rights lawyers"). Chosen by hand on
news sentences; re-run tests/attributes/test_quantities.py when changed."""
PERIOD_WINDOW = 100
"""Characters between a sum of money and the period expression that applies to it (same sentence only)."""

# --- number words ----------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLIERS = {"hundred": 100, "dozen": 12}
_MAGNITUDES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALES = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9,
    "tn": 10**12, "crore": 10**7, "crores": 10**7, "lakh": 10**5, "lakhs": 10**5, "lac": 10**5,
}  # fmt: skip

# --- patterns --------------------------------------------------------------------------------------------

_WORD = "|".join(sorted([*_UNITS, *_MULTIPLIERS, *_MAGNITUDES, "a", "an", "half"], key=len, reverse=True))
_WORD_NUM = rf"(?P<words>(?i:(?:{_WORD})(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:{_WORD}))*)(?![A-Za-z]))"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGIT_NUM = (
    rf"(?P<digits>{_DIGITS})(?:(?P<tight>(?i:bn|mn|tn|m|b|k))(?![A-Za-z])|(?![A-Za-z])"
    r"(?:[ \t]*-?[ \t]*(?P<scale>(?i:thousand|million|billion|trillion|crores?|lakhs?|lac|bn|mn|mln|bln|tn))"
    r"(?![A-Za-z]))?)"
)
_QUALIFIER = (
    r"(?P<qual>(?i:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|no\s+(?:fewer|less|more)\s+than"
    r"|up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|close\s+to|upwards\s+of|in\s+excess\s+of"
    r"|(?:just|well)\s+(?:over|under|above|below)|over|under|about|around|approximately|approx\.|roughly"
    r"|nearly|almost|some|an\s+estimated|estimated|only|a\s+total\s+of|a\s+further|another"
    r"|an\s+additional|a\s+mere)\s+)"
)
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_PERIOD_RE = re.compile(
    r"(?<![A-Za-z])(?:(?P<art>a|an|per|each|every)\s+(?P<unit>day|week|month|year|annum)(?![A-Za-z\-])"
    r"|(?P<adv>daily|weekly|monthly|yearly|annually|annual|per\s+annum)(?![A-Za-z]))",
    re.IGNORECASE,
)
_PERIOD_OF = {
    "day": "day", "week": "week", "month": "month", "year": "year", "annum": "year", "daily": "day",
    "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year", "annual": "year",
    "per annum": "year",
}  # fmt: skip
_NOT_PERIOD_AFTER = frozenset({"ago", "later", "earlier", "after", "before", "old", "long", "on", "from"})
_NOT_PERIOD_BEFORE = frozenset(
    {"within", "in", "for", "over", "than", "after", "last", "past", "nearly", "almost", "about", "around",
     "half", "only", "just", "least", "barely", "under", "some"}
)  # fmt: skip
_CLAUSE_END_RE = re.compile(r"[.!?](?=[\"”’')\]]*\s+[\"“‘'(\[]*[A-Z0-9])|[;\n]")
"""Sentence ends, semicolons and line breaks: a period expression applies only inside one of these pieces."""
_PASSIVE_RE = re.compile(
    r"[ \t]+(?:(?:were|was|have|has|had|are|been|being|reportedly|also|later|all|subsequently)[ \t]+){1,3}"
    r"(?P<p>killed|wounded|injured|hurt|arrested|detained|kidnapped|abducted|executed|shot|released|freed"
    r"|rescued|evacuated|deported|expelled|displaced|missing|dead|jailed|imprisoned|sentenced|convicted"
    r"|taken\s+hostage)(?![A-Za-z])"
)
_TOLL_RE = re.compile(r"\btoll\b[^.;:!?]{0,40}$", re.IGNORECASE)
_DURATION_RE = re.compile(
    r"(?P<sep>[ \t]+|[ \t]*-[ \t]*)(?P<unit>years?|months?|weeks?|days?|hours?)(?![A-Za-z])"
    r"(?![ \t]*-?[ \t]*(?:old|ago|later|earlier|long)\b)"
)

_CASUALTY_VERBS = frozenset(
    {"killing", "killed", "kills", "kill", "wounding", "wounded", "injuring", "injured", "arresting",
     "arrested", "arrests", "detaining", "detained", "detains", "kidnapping", "kidnapped", "abducting",
     "abducted", "executing", "executed", "evacuating", "evacuated", "rescuing", "rescued", "freeing",
     "freed", "releasing", "released", "deporting", "deported", "expelling", "expelled", "jailing",
     "jailed", "claimed", "claiming"}
)  # fmt: skip
"""Verbs whose bare number object counts persons ("killing 12 in the attack")."""
_FOLLOW_OK = frozenset(
    {"in", "on", "at", "and", "during", "after", "before", "when", "while", "as", "including", "near",
     "since", "last", "this", "across", "inside", "outside", "by", "from", "with", "of", "overnight",
     "yesterday", "today", "earlier", "later", "so", "but", "or", "according", "people", "others"}
)  # fmt: skip
"""Words that may follow a bare count after a casualty verb (anything else is probably the counted noun)."""
_STOP = frozenset(
    {"in", "on", "at", "to", "from", "by", "with", "for", "into", "onto", "after", "before", "during",
     "since", "over", "under", "than", "as", "per", "of", "and", "or", "but", "nor", "the", "a", "an",
     "this", "that", "these", "those", "who", "which", "whom", "whose", "is", "are", "was", "were", "be",
     "been", "being", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might",
     "must", "do", "does", "did", "not", "no", "its", "their", "his", "her", "our", "your", "my", "them",
     "they", "it", "he", "she", "we", "you", "i", "there", "here", "more", "less", "each", "every", "some",
     "any", "all", "both", "either", "neither", "when", "while", "where", "if", "so", "because", "said",
     "according", "including", "about", "around", "near", "across", "through", "against", "between",
     "among", "without", "within", "out", "up", "down", "off", "ago", "km", "kg", "mph", "cent", "percent",
     "year", "month", "week", "day", "hour", "minute", "times", "old", "other", "such", "only", "also",
     "then", "via", "like", "unlike", "what", "how", "why", "again", "still", "yet", "just"}
)  # fmt: skip
"""Words that end the search for a person noun after a number."""
_STRONG_RE = re.compile(
    r"[ \t]*-[ \t]*strong(?![A-Za-z])(?:[ \t]+(?:[A-Za-z]+[ \t]+){0,2}?"
    r"(?:force|forces|contingent|unit|units|battalion|brigade|army|militia|crowd|delegation|team|mission"
    r"|troops|mercenaries|fighters|soldiers|police|officers)(?![A-Za-z]))?",
    re.IGNORECASE,
)
"""A group's size: "a 500-strong contingent", "a 3,000-strong force" (the number counts its members)."""
_PLURAL_MODIFIERS = frozenset({"rights", "arms", "affairs", "forces", "security", "status", "sales", "news"})
_DETERMINERS_AFTER_OF = frozenset({"the", "its", "their", "his", "her", "our", "these", "those", "them"})


# --- the mention -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuantityMention:
    """A count of persons or a sum of money; ``text == source[start:end]``.

    ``unit`` is ``"persons"``, an ISO 4217 code, or (with ``durations=True``) ``"years"``, ``"months"``,
    ``"weeks"``, ``"days"``, ``"hours"``. ``period`` is ``"day"``, ``"week"``, ``"month"``, ``"year"`` or
    None. ``qualifier`` is the approximation or bound written before the number ("at least"), or None.
    """

    start: int
    end: int
    text: str
    value: float | int
    unit: str
    period: str | None = None
    qualifier: str | None = None


# --- lexicons --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Currency:
    surface: str
    iso: str
    position: str  # prefix | tight | tight+scale | suffix | both


@dataclass(frozen=True)
class _Lexicon:
    person_nouns: frozenset[str]
    participles: frozenset[str]
    prefixes: dict[str, _Currency]
    suffixes: dict[str, _Currency]  # keyed by surface (lowercased for case-insensitive surfaces)
    number_re: re.Pattern[str]
    suffix_re: re.Pattern[str]


_POSITIONS = frozenset({"prefix", "tight", "tight+scale", "suffix", "both"})


def _read_data(name: str) -> tuple[str, str]:
    return read_data_file(name)


def _parse_person_nouns(text: str, source: str) -> tuple[frozenset[str], frozenset[str]]:
    sections: dict[str, set[str]] = {"nouns": set(), "participles": set()}
    current: set[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        where = f"{source}, line {lineno}"
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            if line[1:-1] not in sections:
                raise BadDataFile(where, f"unknown section {line}", "use [nouns] or [participles]")
            current = sections[line[1:-1]]
            continue
        if current is None:
            raise BadDataFile(where, "a word before the first section", "start with [nouns]")
        if not re.fullmatch(r"[a-z][a-z'\-]*", line):
            raise BadDataFile(where, f"{line!r} is not one lowercase word", "write one word a line")
        current.add(line)
    return frozenset(sections["nouns"]), frozenset(sections["participles"])


def _parse_currencies(text: str, source: str) -> list[_Currency]:
    rows: list[_Currency] = []
    seen_header = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        where = f"{source}, line {lineno}"
        if not seen_header:
            if fields[:2] != ["surface", "iso4217"]:
                raise BadDataFile(where, "expected the header 'surface<TAB>iso4217<TAB>position'", "add it")
            seen_header = True
            continue
        if not 2 <= len(fields) <= 3 or not fields[0]:
            raise BadDataFile(where, f"expected 2 or 3 tab-separated fields, found {len(fields)}", "use tabs")
        surface, iso = fields[0], fields[1]
        if not re.fullmatch(r"[A-Z]{3}", iso):
            raise BadDataFile(where, f"{iso!r} is not an ISO 4217 code", "write three capital letters")
        position = fields[2] if len(fields) == 3 and fields[2] else ""
        if not position:
            position = "suffix" if surface[0].islower() else "prefix"
        if position not in _POSITIONS:
            raise BadDataFile(where, f"unknown position {position!r}", f"use one of {sorted(_POSITIONS)}")
        rows.append(_Currency(surface, iso, position))
    if not seen_header:
        raise BadDataFile(source, "no header line (empty file?)", "restore the file")
    return rows


def _case_insensitive(surface: str) -> bool:
    """Currency words match in any case; symbols and all-capital codes ("USD", "CFA") only as written."""
    return any(c.islower() for c in surface)


def _surface_pattern(surface: str) -> str:
    body = r"\s+".join(re.escape(part) for part in surface.split())
    return f"(?i:{body})" if _case_insensitive(surface) else body


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    nouns, participles = _parse_person_nouns(*_read_data("person_nouns.txt"))
    currencies = _parse_currencies(*_read_data("currencies.tsv"))
    prefixes = {c.surface: c for c in currencies if c.position in ("prefix", "tight", "tight+scale", "both")}
    suffixes = {
        (c.surface.lower() if _case_insensitive(c.surface) else c.surface): c
        for c in currencies
        if c.position in ("suffix", "both")
    }
    pre_alts = []
    for surface in sorted(prefixes, key=len, reverse=True):
        space = "" if prefixes[surface].position.startswith("tight") else r"[ \t]?"
        guard = r"(?<![A-Za-z])" if surface[0].isalpha() else ""
        pre_alts.append(f"{guard}{re.escape(surface)}{space}")
    number_re = re.compile(
        rf"(?<![\w.,\-/'’])(?:{_QUALIFIER})?(?P<cur>{'|'.join(pre_alts)})?(?:{_DIGIT_NUM}|{_WORD_NUM})"
    )
    suf_alts = [_surface_pattern(s) for s in sorted(suffixes, key=len, reverse=True)]
    suffix_re = re.compile(rf"[ \t]*(?P<cur>{'|'.join(suf_alts)})(?![A-Za-z])")
    return _Lexicon(nouns, participles, prefixes, suffixes, number_re, suffix_re)


# --- numbers ---------------------------------------------------------------------------------------------


def _words_value(phrase: str) -> int | float | None:
    """The value of a run of number words, or None if it is not a well-formed number."""
    tokens = [t for t in re.split(r"[\s\-]+", phrase.lower()) if t and t != "and"]
    if not tokens:
        return None
    factor: float = 1
    if tokens[0] == "half":
        if len(tokens) < 3 or tokens[1] not in ("a", "an"):
            return None
        factor, tokens = 0.5, tokens[1:]
    total = 0
    current: int | None = None
    for i, tok in enumerate(tokens):
        if tok in ("a", "an"):
            if i + 1 >= len(tokens) or current is not None:
                return None
            if tokens[i + 1] not in _MULTIPLIERS and tokens[i + 1] not in _MAGNITUDES:
                return None
            current = 1
        elif tok in _UNITS:
            value = _UNITS[tok]
            if current is None:
                current = value
            elif (
                current % 100 == 0
                and value < 100
                and current % 1000 != 0
                or (20 <= current < 100 and current % 10 == 0 and value < 10)
            ):
                current += value
            else:
                return None  # "two three"
        elif tok in _MULTIPLIERS:
            current = (current if current is not None else 1) * _MULTIPLIERS[tok]
        elif tok in _MAGNITUDES:
            total += (current if current is not None else 1) * _MAGNITUDES[tok]
            current = None
        else:  # "half" elsewhere
            return None
    total += current or 0
    if total == 0 and "zero" not in tokens:
        return None
    return _tidy(Decimal(total) * Decimal(str(factor)))


def _tidy(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _number_value(m: re.Match[str]) -> int | float | None:
    """The value of a number match of ``_lexicon().number_re``."""
    if m["digits"] is not None:
        try:
            base = Decimal(m["digits"].replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only admits valid numbers
            return None
        scale = (m["tight"] or m["scale"] or "").lower()
        return _tidy(base * _SCALES[scale]) if scale else _tidy(base)
    return _words_value(m["words"])


def parse_number(text: str) -> int | float | None:
    """The value of a number written in digits and/or words: "1,000" -> 1000, "10.8 million" -> 10800000,
    "1.3bn" -> 1300000000, "a dozen" -> 12, "two hundred and fifty" -> 250; None if ``text`` is not one."""
    m = _lexicon().number_re.fullmatch(text.strip())
    if m is None or m["cur"] is not None or m["qual"] is not None:
        return None
    return _number_value(m)


# --- finding ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Number:
    """One number match: where the number (with its currency symbol) starts and ends, and its reading."""

    start: int  # the currency symbol or the first digit/word
    end: int
    value: int | float
    words: str | None  # the number words, when written in words
    scaled: bool  # "6 billion", "1.3bn", "two million"
    currency: str | None  # the prefix surface ("$", "US$", "Rs")
    qualifier: str | None
    qualifier_start: int


@dataclass
class _Found:
    start: int
    end: int
    value: int | float
    unit: str
    rank: int  # money 0, persons 1, durations 2: lower wins an overlap
    qualifier: str | None
    period: str | None = None


def _read_number(m: re.Match[str]) -> _Number | None:
    qualifier = " ".join(m["qual"].split()) if m["qual"] else None
    if m["digits"] is not None:
        value = _number_value(m)
        start = m.start("cur") if m["cur"] else m.start("digits")
        scaled, words = bool(m["tight"] or m["scale"]), None
    else:
        words, start = m["words"], m.start("words")
        value = _words_value(words)
        article = re.match(r"(?i)an?[ \t]+", words)
        if value is None and article:  # "a two-year term": the article is not part of the number
            words, start = words[article.end() :], start + article.end()
            value = _words_value(words)
        scaled = value is not None and any(w in _MAGNITUDES for w in words.lower().split())
    if value is None:
        return None
    q_start = m.start("qual") if m["qual"] else start
    return _Number(start, m.end(), value, words, scaled, m["cur"], qualifier, q_start)


def find_quantities(text: str, *, durations: bool = False) -> list[QuantityMention]:
    """Counts of persons and sums of money in ``text``, in order and non-overlapping (see the module doc)."""
    lex = _lexicon()
    date_spans = [(d.start, d.end) for d in find_dates(text)]
    found: list[_Found] = []
    for m in lex.number_re.finditer(text):
        num = _read_number(m)
        if num is None or any(s < num.end and num.start < e for s, e in date_spans):
            continue
        item = _money(text, num, lex)
        if item is None and num.currency is None:
            item = _persons(text, num, lex)
            if item is None and durations:
                item = _duration(text, num)
        if item is not None:
            found.append(item)
    _add_periods(text, found)
    chosen: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.rank, f.start)):
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda f: f.start)
    return [
        QuantityMention(f.start, f.end, text[f.start : f.end], f.value, f.unit, f.period, f.qualifier)
        for f in chosen
    ]


def _money(text: str, num: _Number, lex: _Lexicon) -> _Found | None:
    if num.currency is not None:
        if num.words is not None:
            return None  # "$ two" is not written
        prefix = lex.prefixes[num.currency.strip()]
        if prefix.position == "tight+scale" and not num.scaled:
            return None
        return _Found(num.start, num.end, num.value, prefix.iso, 0, num.qualifier)
    if text[num.end : num.end + 1] == "-":
        return None
    suffix = lex.suffix_re.match(text, num.end)
    if suffix is None:
        return None
    key = suffix["cur"]
    currency = lex.suffixes.get(" ".join(key.lower().split())) or lex.suffixes.get(key)
    if currency is None:  # pragma: no cover - every alternative of the pattern is a key
        return None
    return _Found(num.start, suffix.end(), num.value, currency.iso, 0, num.qualifier)


def _tokens_after(text: str, pos: int, limit: int = 9) -> list[re.Match[str]]:
    out = []
    for tok in _TOKEN_RE.finditer(text, pos):
        out.append(tok)
        if len(out) >= limit:
            break
    return out


def _is_plural_looking(word: str) -> bool:
    lw = word.lower()
    return (
        word.islower()
        and lw.endswith("s")
        and not lw.endswith(("ss", "'s", "’s", "us", "is"))
        and lw not in _PLURAL_MODIFIERS
    )


def _person_noun_end(text: str, pos: int, lex: _Lexicon, direct_only: bool) -> int | None:
    """End of the person noun that follows a number ending at ``pos``, or None."""
    toks = _tokens_after(text, pos)
    if not toks or toks[0].start() != pos and not text[pos : toks[0].start()].isspace():
        return None
    i = 0
    if toks and toks[0].group().lower() == "of" and not direct_only:
        i = 1
        if len(toks) > 1 and toks[1].group().lower() in _DETERMINERS_AFTER_OF:
            i = 2
    modifiers = 0
    while i < len(toks):
        word = toks[i].group()
        lw = word.lower().strip("'’")
        if not word[0].isalpha():
            return None
        if lw in lex.person_nouns or (lw in lex.participles and modifiers == 0 and i == 0):
            while i + 1 < len(toks) and toks[i + 1].group().lower() in lex.person_nouns:
                i += 1  # a compound: "police officers", "women activists"
            return _extend_coordination(toks, i, lex) or toks[i].end()
        if direct_only or modifiers >= MAX_MODIFIERS or lw in _STOP or _is_plural_looking(word):
            return None
        modifiers += 1
        i += 1
    return None


def _extend_coordination(toks: list[re.Match[str]], i: int, lex: _Lexicon) -> int | None:
    """In "lawyers and activists": the end of a second person noun joined by and/or, else None."""
    if i + 2 >= len(toks) or toks[i + 1].group().lower() not in ("and", "or"):
        return None
    for j in (i + 2, i + 3):
        if j < len(toks):
            word = toks[j].group().lower()
            if word in lex.person_nouns:
                return toks[j].end()
            if word in _STOP or not toks[j].group()[0].isalpha() or _is_plural_looking(toks[j].group()):
                return None
    return None


def _persons(text: str, num: _Number, lex: _Lexicon) -> _Found | None:
    if isinstance(num.value, float) or num.value <= 0:
        return None  # decimal counts come with a scale ("1.5 million people") and are then integral
    strong = _STRONG_RE.match(text, num.end)
    if strong is not None:
        return _Found(num.qualifier_start, strong.end(), num.value, PERSONS, 1, num.qualifier)
    if text[num.end : num.end + 1] == "-":
        return None  # "12-year-old"
    direct_only = num.words is not None and num.words.lower() in ("one", "a", "an")
    start = num.qualifier_start
    noun_end = _person_noun_end(text, num.end, lex, direct_only)
    if noun_end is not None:
        return _Found(start, noun_end, num.value, PERSONS, 1, num.qualifier)
    if direct_only:
        return None
    passive = _PASSIVE_RE.match(text, num.end)
    if passive is not None:
        return _Found(start, passive.end(), num.value, PERSONS, 1, num.qualifier)
    if _bare_count_context(text, start, num.end):
        return _Found(start, num.end, num.value, PERSONS, 1, num.qualifier)
    return None


def _bare_count_context(text: str, start: int, end: int) -> bool:
    """A number without a noun after a casualty verb or a death toll ("killing 12 in", "toll rose to 50.")."""
    toks = _tokens_after(text, end, 1)
    if toks:
        nxt = toks[0].group()
        if nxt[0].isalpha() and nxt.lower() not in _FOLLOW_OK:
            return False
        if nxt[0].isdigit() or nxt in ("%", "$", "€", "£"):
            return False
    before = text[max(0, start - 60) : start]
    words = re.findall(r"[A-Za-z]+", before[-25:])
    if words and words[-1].lower() in _CASUALTY_VERBS:
        return True
    return _TOLL_RE.search(before) is not None


def _duration(text: str, num: _Number) -> _Found | None:
    if num.scaled and num.words is None:
        return None
    unit = _DURATION_RE.match(text, num.end)
    if unit is None:
        return None
    name = unit["unit"].lower()
    if not name.endswith("s"):
        # a singular unit is a compound modifier ("30 year sentence", "two-year term") or "one year"
        compound = "-" in unit["sep"] or re.match(r"[ \t]+[a-z]", text[unit.end() : unit.end() + 2])
        if not compound and num.value != 1:
            return None
        name += "s"
    return _Found(num.qualifier_start, unit.end(), num.value, name, 2, num.qualifier)


def _clause_bounds(text: str) -> list[int]:
    return [m.end() for m in _CLAUSE_END_RE.finditer(text)]


def _periods(text: str) -> Iterator[tuple[int, int, str]]:
    for m in _PERIOD_RE.finditer(text):
        if m["art"] is not None and m["art"].lower() in ("a", "an"):
            after = _tokens_after(text, m.end(), 1)
            if after and after[0].group().lower() in _NOT_PERIOD_AFTER:
                continue
            before = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 20) : m.start()])
            if before and before[-1].lower() in _NOT_PERIOD_BEFORE:
                continue
        key = (m["unit"] or m["adv"]).lower()
        yield m.start(), m.end(), _PERIOD_OF[" ".join(key.split())]


def _add_periods(text: str, found: list[_Found]) -> None:
    """Give each sum the nearest period expression of its sentence; a count only one right after it."""
    if not found:
        return
    periods = list(_periods(text))
    if not periods:
        return
    bounds = _clause_bounds(text)

    def clause(pos: int) -> int:
        return bisect_right(bounds, pos)

    for f in found:
        best: tuple[int, str] | None = None
        for p_start, p_end, period in periods:
            if clause(p_start) != clause(f.start):
                continue
            gap = p_start - f.end if p_start >= f.end else f.start - p_end
            if gap < 0:
                continue
            if f.unit == PERSONS:
                if p_start < f.end or gap > 2:
                    continue
            elif f.rank != 0 or gap > PERIOD_WINDOW:
                continue
            if best is None or gap < best[0]:
                best = (gap, period)
        if best is not None:
            f.period = best[1]
