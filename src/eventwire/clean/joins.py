"""Find words glued together in scraped text, where an inline link's text lost the space around it.

Scraped and machine-translated pages often lose the space on one side of a link: "colony.According to",
"partnersIncluding the United States", "with RussiaThis includes". :func:`find_joins` returns the
positions where a separator belongs; the clean stage inserts it there (see ``eventwire.clean.text``).

Three rules, all conservative (a missed join leaves one odd token; a false split breaks a name):

``sentence``
    a word with at least two lowercase letters (or a closing bracket or quote) then ``.``, ``!``, ``?``
    or ``…``, then directly an uppercase word of two or more letters: "colony.According". Initials and
    acronyms ("U.S.A", "J.R.R"), abbreviations with one lowercase letter ("e.g.", "Dr.Smith",
    "St.Petersburg"), numbers ("No.5", "3.5") and URLs or domains ("www.Example.com") are not split.
``clause``
    the same after ``,``, ``;`` or ``:`` before a Title-case word: "said,According".
``token``
    inside one token, a lowercase letter followed by a Title-case part that is a sentence opener from
    ``data/join_openers.txt`` ("dynamicsThe", "RussiaThis", "BarndowAnd"), or, in a token that starts
    lowercase, any Title-case part of three or more letters after a lowercase word of three or more
    letters ("gameCouncil"). Also an acronym followed by an opener ("NATOThe"). Spared: the tokens in
    ``data/join_exceptions.txt``, name prefixes (McDonald, MacArthur, DeSantis, DiCaprio, LaGuardia,
    LeBron, VanDyke, O'Neill), one- or two-letter lowercase prefixes (iPhone, eBay, kWh), Title-case
    compounds whose second part is not an opener (YouTube, PayPal, WhatsApp, JavaScript), two-letter
    openers after a Title-case word (LinkedIn, AddOn), and anything in a URL, e-mail address, handle or
    hashtag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.data_files import read_data_file

MIN_LEFT_LOWER = 2
"""Rule ``sentence``/``clause``: lowercase letters the word before the punctuation needs ("colony" yes,
"e.g" / "Dr" / "St" no). Two, not three, so that "vs.Russia" and "Mrs.Smith" still get their space."""

MIN_TITLE_LEFT = 3
"""Rule ``token`` in a Title-case token: letters the first part needs ("RussiaThis" yes, "WeThe" no)."""

MIN_LOWER_LEFT = 3
"""Rule ``token`` in a lowercase-initial token: letters of the first part ("iPhone", "eBay", "kWh" no)."""

MIN_OPENER_AFTER_TITLE = 3
"""Rule ``token``: opener length after a Title-case part; two-letter openers end names (LinkedIn, AddOn)."""

MIN_PLAIN_RIGHT = 3
"""Rule ``token`` without an opener: letters of the Title-case part glued to a lowercase word."""

NAME_PREFIXES = frozenset(
    "Mc Mac O De Di Da Du Del Della La Le Van Von Der Den Ten Ter St Fitz Kwa Ben Bin Ibn Abu Al El".split()
)
"""First parts that make a camel-case surname or place name, not a glued word (McCain, DeKalb ...)."""


@dataclass(frozen=True, slots=True)
class Join:
    """A separator belongs at ``pos``, between ``left`` and ``right``; ``kind`` is the rule that found it."""

    pos: int
    kind: str  # "sentence", "clause" or "token"
    left: str
    right: str


def _read_word_list(name: str) -> list[str]:
    raw, _ = read_data_file(name)
    words = []
    for line in raw.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


@lru_cache(maxsize=1)
def openers() -> frozenset[str]:
    """Sentence openers of ``data/join_openers.txt`` (as written: Title-case)."""
    return frozenset(_read_word_list("join_openers.txt"))


@lru_cache(maxsize=1)
def exceptions() -> frozenset[str]:
    """Tokens never split, from ``data/join_exceptions.txt`` (case-sensitive)."""
    return frozenset(_read_word_list("join_exceptions.txt"))


# a whitespace-delimited chunk; candidates are looked for inside each chunk
_CHUNK = re.compile(r"\S+")
_URLISH = re.compile(
    r"://|www\.|@|\\|[/=_]|^#|\.(?:com|org|net|gov|edu|int|mil|info|io|co|uk|us|ru|fr|de|ml|ly|news)\b",
    re.IGNORECASE,
)
_CLOSERS = ")]\"'”’»"
_PUNCT_JOIN = re.compile(
    r"(?P<left>[^\W\d_]+)(?P<close1>[)\]\"'”’»]?)(?P<punct>[.!?…]+|[,;:])(?P<close2>[)\]\"'”’»]*)"
    r"(?=(?P<open>[(\[\"“‘«]?)(?P<right>[^\W\d_]+))"
)
_LETTERS = re.compile(r"[^\W\d_]+")
# cheap pre-filter: where any rule could fire (a letter, maybe punctuation and quotes, then a capital)
_CANDIDATE = re.compile(r"[^\W\d_][)\]\"'”’»]?(?:[.!?…,;:]+[)\]\"'”’»]*[(\[\"“‘«]?)?[A-Z]")
# inside a letter run: lowercase then uppercase, or an uppercase run then a Title-case part
_LOWER_UPPER = re.compile(r"(?<=[^\W\d_])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])")


def find_joins(text: str) -> list[int]:
    """Positions in ``text`` where a separator should be inserted between two glued parts (sorted)."""
    return [join.pos for join in find_join_details(text)]


def find_join_details(text: str) -> list[Join]:
    """Like :func:`find_joins`, with the rule and the two parts of each join."""
    found: list[Join] = []
    done = -1  # end of the last chunk looked at
    for hit in _CANDIDATE.finditer(text):
        if hit.start() < done:
            continue
        chunk = _CHUNK.search(text, _chunk_start(text, hit.start()))
        if chunk is None:  # pragma: no cover - a hit is never whitespace
            continue
        done = chunk.end()
        word = chunk.group()
        if len(word) < 4 or _URLISH.search(word):
            continue
        base = chunk.start()
        found.extend(_punct_joins(word, base))
        for letters in _LETTERS.finditer(word):
            found.extend(_token_joins(letters.group(), base + letters.start()))
    found.sort(key=lambda j: j.pos)
    out: list[Join] = []
    for join in found:
        if not out or out[-1].pos != join.pos:
            out.append(join)
    return out


def _chunk_start(text: str, pos: int) -> int:
    """Start of the whitespace-delimited chunk holding ``pos``."""
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _punct_joins(chunk: str, base: int) -> list[Join]:
    joins = []
    for m in _PUNCT_JOIN.finditer(chunk):
        left, right, punct = m.group("left"), m.group("right"), m.group("punct")
        closed = bool(m.group("close1"))
        if not right[0].isupper():
            continue
        end = m.end()
        right_end = end + len(m.group("open")) + len(right)
        after = chunk[right_end : right_end + 2]
        if after[:1] == "." and after[1:2].islower():
            continue  # domain-like: "Example.com"
        if punct in ",;:":
            # clause join: Title-case word after a real lowercase word
            if sum(c.islower() for c in left) < MIN_LEFT_LOWER or not left[-1].islower() or closed:
                continue
            if len(right) < 2 or not right[1:].islower():
                continue
            joins.append(Join(base + end, "clause", left, right))
            continue
        if not closed:
            if sum(c.islower() for c in left) < MIN_LEFT_LOWER or not left[-1].islower():
                continue
            if m.start() > 0 and chunk[m.start() - 1] == ".":
                continue  # a dotted chain such as "a.bc.De"
        if len(right) < 2:
            continue
        joins.append(Join(base + end, "sentence", left, right))
    return joins


def _token_joins(token: str, base: int) -> list[Join]:
    if len(token) < 4 or token in exceptions():
        return []
    cuts = [m.start() for m in _LOWER_UPPER.finditer(token) if m.start() > 0]
    if not cuts:
        return []
    bounds = [0, *cuts, len(token)]
    parts = [token[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
    lower_initial = token[0].islower()
    joins = []
    for i in range(1, len(parts)):
        left, right = parts[i - 1], parts[i]
        if not (right[0].isupper() and right[1:].islower() and len(right) >= 2):
            continue
        if i == 1 and left in NAME_PREFIXES:
            continue
        is_opener = right in openers()
        if left.isupper():
            # acronym glued to an opener: "NATOThe" (not "BioNTech", "USAToday")
            if len(left) >= 2 and is_opener and len(right) >= MIN_OPENER_AFTER_TITLE:
                joins.append(Join(base + bounds[i], "token", left, right))
            continue
        if not left[-1].islower():
            continue
        if lower_initial and i == 1:
            if len(left) < MIN_LOWER_LEFT or not left.islower():
                continue  # iPhone, eBay, kWh, xCloud
            if is_opener or len(right) >= MIN_PLAIN_RIGHT:
                joins.append(Join(base + bounds[i], "token", left, right))
            continue
        # Title-case part (or a later part) before: only a sentence opener marks a join
        if is_opener and len(right) >= MIN_OPENER_AFTER_TITLE and len(left) >= MIN_TITLE_LEFT:
            joins.append(Join(base + bounds[i], "token", left, right))
    return joins
