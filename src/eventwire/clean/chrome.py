"""Find the site-chrome lines of a scraped plain-text news page.

A scraped page keeps the page's furniture as lines of its own: comment forms, share buttons, "Related
Articles" blocks, translate widgets, cookie and ad-blocker notices, "Source link", "Back to top",
copyright lines and menus. :func:`find_chrome_lines` returns the spans of such lines; the clean stage
removes them. The phrases are data (``data/chrome_patterns.txt``); this module adds the structure:

1. **Phrase lines.** A line is chrome when its whole normalised text matches a pattern of the data file.
   A sentence that merely *contains* a chrome phrase ("they did not share this view") is never matched.
2. **Breadcrumbs and one-line menus.** Three or more short items separated by ``|``, ``»``, ``›``, ``•``
   or ``·``, one of them a menu word ("Home » World » Africa").
3. **Menu runs.** :data:`NAV_RUN_MIN` or more consecutive short lines (blank lines may separate them), at
   least :data:`NAV_WORDS_MIN` of them menu words ("Home", "Politics", "Contact us") or chrome lines; the
   run is cut after its last menu item, so a short headline right after a menu stays.
4. **The tail.** Once a *tail marker* (a ``tail=hard`` or ``tail=soft`` kind: "Source link", "Leave a
   Reply", "Back to top", a copyright line, "Related Articles" ...) follows at least
   :data:`TAIL_MIN_PROSE_WORDS` words of article prose, the following lines that are not prose are
   dropped too: the titles of related articles, commenters' names, dates. Prose paragraphs after it
   always survive, and so does a short line right before a prose paragraph (a subheading). A soft tail
   ends at the next prose paragraph; a hard one goes on to the end of the page.

Lines are never dropped just for being short outside a tail or a menu run, and the headline (the first
line that rules 1-3 do not mark) is never dropped by rule 4: headlines and subheadings are article text.
The detector is conservative on purpose: a false drop can lose an event, a missed chrome line only adds
noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.data_files import read_data_file
from eventwire.errors import BadDataFile

MAX_CHROME_CHARS = 400
"""Longest line a phrase pattern may match. Cookie and newsletter notices reach ~300 characters; longer
lines are article text. Chosen on the Zyte article-extraction pages (benchmarks/chrome_lines.py)."""

PROSE_MIN_WORDS = 6
"""A line of this many words that ends like a sentence (``.``, ``!``, ``?``, ``…`` or ``:``, maybe followed by
a quote or bracket) is prose, and survives a tail. Related-article titles and bylines rarely end so."""

PROSE_LONG_WORDS = 20
"""A line of this many words is prose even without a final period (a paragraph cut by the scraper)."""

TAIL_MIN_PROSE_WORDS = 40
"""Words of prose that must come before a tail marker for it to start a tail: a promo sentence in a page
header followed by a copyright line is not "after the article"."""

NAV_ITEM_MAX_WORDS = 4
"""Menu items have at most this many words (and no final period and no digits)."""

NAV_ITEM_MAX_CHARS = 40
"""... and at most this many characters."""

NAV_RUN_MIN = 4
"""Consecutive short lines needed for a menu run."""

NAV_WORDS_MIN = 2
"""Menu words (``navword`` patterns) or chrome lines a run needs, so that a list of names or places in an
article (one per line) is not taken for a menu."""

BREADCRUMB_MIN_ITEMS = 3
"""Items of a one-line menu or breadcrumb ("Home » World » Africa")."""

TAIL_KINDS = ("hard", "soft")

_DECORATION = (
    "\u2022\u00b7|\u00bb\u00ab\u203a\u2039>\u2192\u2190\u2191^-\u2013\u2014_=#~:"  # bullets, arrows, dashes
    "\u25b6\u25ba\u2605\u2606\u2716\u00d7 \t"  # triangles, stars, crosses, spaces
)
_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_PROSE_END = re.compile(r"[.!?…:][\"'”’)\]»]*$")
_BREADCRUMB_SEP = re.compile(r"\s*[|»›•·]\s*|\s+[>/]\s+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class ChromeKind:
    name: str
    tail: str  # "", "hard" or "soft"
    patterns: tuple[re.Pattern[str], ...]

    def fullmatch(self, norm: str) -> bool:
        return any(p.fullmatch(norm) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class ChromeRules:
    """The phrase patterns of ``data/chrome_patterns.txt``, by kind, plus the menu-word patterns."""

    kinds: tuple[ChromeKind, ...]
    navwords: tuple[re.Pattern[str], ...]

    def match(self, norm: str) -> ChromeKind | None:
        """The first kind one of whose patterns matches the whole normalised line, or None."""
        if not norm or len(norm) > MAX_CHROME_CHARS:
            return None
        for kind in self.kinds:
            if kind.fullmatch(norm):
                return kind
        return None

    def is_navword(self, norm: str) -> bool:
        return any(p.fullmatch(norm) for p in self.navwords)


def parse_rules(text: str, source: str = "chrome_patterns.txt") -> ChromeRules:
    """Parse the pattern file format (see the header of ``data/chrome_patterns.txt``)."""
    kinds: list[ChromeKind] = []
    navwords: list[re.Pattern[str]] = []
    name: str | None = None
    tail = ""
    patterns: list[re.Pattern[str]] = []

    def flush() -> None:
        if name is not None and name != "navword":
            kinds.append(ChromeKind(name, tail, tuple(patterns)))

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@kind"):
            flush()
            fields = line.split()
            if len(fields) < 2:
                raise BadDataFile(source, f"line {lineno}: @kind needs a name", "write `@kind NAME`")
            name, tail, patterns = fields[1], "", []
            for opt in fields[2:]:
                key, _, value = opt.partition("=")
                if key != "tail" or value not in TAIL_KINDS:
                    raise BadDataFile(
                        source, f"line {lineno}: unknown option {opt!r}", "use tail=hard or tail=soft"
                    )
                tail = value
            continue
        if name is None:
            raise BadDataFile(source, f"line {lineno}: pattern before any @kind", "start with `@kind NAME`")
        try:
            pattern = re.compile(line, re.IGNORECASE)
        except re.error as exc:
            raise BadDataFile(
                source, f"line {lineno}: bad regular expression ({exc})", "fix the pattern"
            ) from exc
        if name == "navword":
            navwords.append(pattern)
        else:
            patterns.append(pattern)
    flush()
    return ChromeRules(tuple(kinds), tuple(navwords))


@lru_cache(maxsize=1)
def default_rules() -> ChromeRules:
    """The packaged rules (loaded once)."""
    text, _ = read_data_file("chrome_patterns.txt")
    return parse_rules(text)


def normalise_line(line: str) -> str:
    """Collapse whitespace runs; strip decoration (bullets, pipes, arrows, dashes, colons) at both ends."""
    return _WS.sub(" ", line).strip(_DECORATION)


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    norm: str
    words: int
    blank: bool
    prose: bool
    kind: ChromeKind | None = None
    reason: str = ""


def _is_prose(norm: str, words: int) -> bool:
    if words >= PROSE_LONG_WORDS:
        return True
    return words >= PROSE_MIN_WORDS and bool(_PROSE_END.search(norm))


def _is_nav_item(line: _Line, rules: ChromeRules) -> bool:
    """A line that could be a menu item: short, no final period, no digits."""
    if line.blank or line.prose or line.words > NAV_ITEM_MAX_WORDS or len(line.norm) > NAV_ITEM_MAX_CHARS:
        return False
    if line.kind is not None or rules.is_navword(line.norm):
        return True
    if _DIGIT.search(line.norm) or line.norm[-1:] in ".!?,;:":
        return False
    words = _WORD.findall(line.norm)
    return bool(words) and all(
        w[0].isupper() or w.lower() in ("and", "of", "the", "in", "for", "&") for w in words
    )


def _is_breadcrumb(norm: str, rules: ChromeRules) -> bool:
    items = [item.strip() for item in _BREADCRUMB_SEP.split(norm) if item.strip()]
    if len(items) < BREADCRUMB_MIN_ITEMS:
        return False
    if any(len(_WORD.findall(item)) > NAV_ITEM_MAX_WORDS or _PROSE_END.search(item) for item in items):
        return False
    return any(rules.is_navword(normalise_line(item)) for item in items)


def split_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text``, without their line break (``\\n``, ``\\r\\n`` or ``\\r``)."""
    spans = []
    pos = 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def find_chrome_lines(text: str, rules: ChromeRules | None = None) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, reason)`` of the chrome lines of ``text`` (line breaks excluded), in order.

    ``reason`` is the kind of the matching phrase ("comment-form", "share", "related" ...), ``"nav"`` for
    breadcrumbs and menu runs, or ``"tail:KIND"`` for a non-prose line after the tail marker of KIND.
    """
    rules = rules or default_rules()
    lines: list[_Line] = []
    for start, end in split_lines(text):
        plain = _WS.sub(" ", text[start:end]).strip()
        norm = plain.strip(_DECORATION)
        words = len(_WORD.findall(norm))
        lines.append(_Line(start, end, norm, words, blank=not norm, prose=_is_prose(plain, words)))

    # 1-2: phrase lines, breadcrumbs
    for line in lines:
        if line.blank:
            continue
        line.kind = rules.match(line.norm)
        if line.kind is not None:
            line.reason = line.kind.name
        elif _is_breadcrumb(line.norm, rules):
            line.reason = "nav"

    # 3: menu runs
    _mark_nav_runs(lines, rules)

    # 4: the tail, which never takes the headline
    headline = next((i for i, line in enumerate(lines) if not line.blank and not line.reason), -1)
    _mark_tail(lines, headline)

    return [(line.start, line.end, line.reason) for line in lines if line.reason]


def _next_text_line(lines: list[_Line], i: int) -> _Line | None:
    for line in lines[i + 1 :]:
        if not line.blank:
            return line
    return None


def _mark_nav_runs(lines: list[_Line], rules: ChromeRules) -> None:
    """Mark runs of short lines that hold menu words, cut after their last menu item.

    The cut keeps a short headline or byline that follows a menu.
    """
    run: list[int] = []

    def is_menu(i: int) -> bool:
        return lines[i].kind is not None or lines[i].reason == "nav" or rules.is_navword(lines[i].norm)

    def close() -> None:
        menu = [i for i in run if is_menu(i)]
        if len(menu) >= NAV_WORDS_MIN:
            trimmed = run[: run.index(menu[-1]) + 1]
            if len(trimmed) >= NAV_RUN_MIN:
                for i in trimmed:
                    if not lines[i].reason:
                        lines[i].reason = "nav"
        run.clear()

    for i, line in enumerate(lines):
        if line.blank:
            continue
        if _is_nav_item(line, rules) or line.reason == "nav":
            run.append(i)
        else:
            close()
    close()


def _mark_tail(lines: list[_Line], headline: int) -> None:
    prose_words = 0
    tail: ChromeKind | None = None
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if line.kind is not None:
            starts = line.kind.tail and prose_words >= TAIL_MIN_PROSE_WORDS
            if starts and (tail is None or tail.tail != "hard"):
                tail = line.kind
            continue
        if line.reason:
            continue
        if line.prose:
            prose_words += line.words
            if tail is not None and tail.tail == "soft":
                tail = None
            continue
        if tail is None or i == headline:
            continue
        after = _next_text_line(lines, i)
        if after is not None and after.prose and after.kind is None:
            continue  # a heading: a paragraph follows
        line.reason = f"tail:{tail.name}"
