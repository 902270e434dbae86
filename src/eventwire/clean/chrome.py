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

5. **Page furniture around the main block** (for whole pages saved as text, e.g. rendered from HTML with
   every visible line kept). Lines are scored: a line of prose that ends like a sentence scores its words,
   any other line :data:`BLOCK_LINE_COST`. The blocks of prose are the maximum-sum runs; a run of
   :data:`BLOCK_GAP_LINES` non-prose lines (a menu, a link list) or a break marker (a ``tail=hard`` kind or
   a comment heading) ends a block, and after a break marker that follows article prose nothing is article
   text (comments are prose too). The main block is the first block scoring at least
   :data:`BLOCK_FIRST_SHARE` of the best one (teasers of other articles come after the article); it goes on
   across a gap into a neighbouring block of dense prose (:data:`EXTEND_MIN_DENSITY`). A side of the page
   outside these blocks is dropped when it has at least :data:`FURNITURE_MIN_LINES` lines, except the
   headline (the last title-like line just before the text); a gap between two blocks is dropped when it is
   long or holds chrome, except a subheading right before the next block.

6. **The line model, on whole pages** (a page where rule 5 found furniture on one side of its text). A
   two-stage logistic model (:mod:`eventwire.clean.chrome_model`, ``data/chrome_line_model.txt``) scores
   every line from general features (:data:`LINE_FEATURES`: length, punctuation, function-word share,
   indentation, position, the marks of rules 1-4) and its neighbours' scores, picks the article's span of
   lines by maximum sum, and decides every line that rules 1-3 do not mark: it may keep a line rules 4-5
   dropped and drop an unmarked one (reason ``"model"``). The headline of rule 5 always stays, and the model
   never keeps a line after the article's end of rule 5 (a break marker after article prose: comments are
   prose too). A list right after a kept line that introduces it (one ending with a colon, or a short
   heading: "Tour dates", "Qualified teams") is kept whole (:func:`_keep_introduced_lists`): the model
   scores list items low one by one. It was trained on one half of the rendered pages of
   ``benchmarks/chrome_lines.py`` and measured on the other.

Lines are never dropped just for being short outside a tail, a menu run or the furniture of rules 5-6, and
the headline (the first line that rules 1-3 do not mark, or the one rule 5 finds) is never dropped by rule
4: headlines and subheadings are article text. A clean article (a headline, a byline and paragraphs) has
too few lines outside its text for rule 5 to drop anything, and an article that is all prose is one block.
The detector is conservative on purpose: a false drop can lose an event, a missed chrome line only adds
noise.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from eventwire.clean.chrome_model import LineModel, load_model
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

WRAP_MIN_WORDS = 4
"""A line of this many words that does not end a sentence, followed by a line that starts in lowercase, is
the first part of a hard-wrapped paragraph (prose if the paragraph is)."""

BLOCK_LINE_COST = 12
"""Score of a line that is not prose in the search for the main block (a prose line scores its words)."""

BLOCK_LONG_WORDS = 60
"""A line of this many words scores as prose in the block search even without a final stop; shorter
unpunctuated lines are mostly teasers (a title glued to its summary)."""

BLOCK_GAP_LINES = 9
"""This many lines in a row that are not prose end a block: a menu, a tag list or a list of links."""

BLOCK_MIN_WORDS = 40
"""Score the main block needs; a page without such a block is left to rules 1-4."""

FURNITURE_MIN_LINES = 10
"""Lines a side of the main block needs before it is taken for page furniture: a clean article has a
headline, a byline and a date before its text, a full page has menus."""

BLOCK_FIRST_SHARE = 0.5
"""The main block is the first block of prose that scores at least this share of the best one."""

EXTEND_MIN_DENSITY = 0.7
"""Share of prose lines a block needs to continue the article across a gap (teaser lists have about half)."""

EXTEND_MAX_GAP_LINES = 30
"""Most lines between two blocks of the same article (an advertisement, a list of related links)."""

EXTEND_MIN_WORDS = 30
"""Score a block needs to continue the article across a gap of more than :data:`EXTEND_NEAR_GAP_LINES`
lines (a single sentence further down is more often a caption or a teaser than article text)."""

EXTEND_NEAR_GAP_LINES = 3
"""A block this close to the article continues it whatever its score (a share widget between paragraphs)."""

BLOCK_BREAK_KINDS = ("comment-link",)
"""Kinds (besides the ``tail=hard`` ones) that end a block of prose: the comments under an article are
prose too."""

FURNITURE_MIN_CHROME = 2
"""... and at least this many chrome lines of rules 1-3 (a menu, a share widget, a copyright line) or list
items marked as such (``*``, ``•``, ``1.``): the ingredients of a recipe or the questions of an interview
written as plain lines after an article's text are not furniture."""

HEADLINE_WINDOW = 8
"""Unmarked lines before the main block searched for the headline."""

HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30

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
_BULLET = re.compile(r"^\s*(?:[*+\u2022\u00b7\u25aa\u25e6\u2023]|(?<=\s)o|\d{1,3}[.)])\s+")
_TRUNCATED = re.compile(r"(\.\.\.|…|\[…\]|\[\.\.\.\])$")
_LOWER_START = re.compile(r"^\W*[a-z]")


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
    model: LineModel | None = None  # the line model of rule 6; None: rules 1-5 only
    function_words: frozenset[str] = frozenset()
    features: bool = False  # compute the model's features even without a model (for training one)

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
    """The packaged rules with the packaged line model (loaded once)."""
    return replace(base_rules(), model=load_model(LINE_FEATURES))


def base_rules() -> ChromeRules:
    """The packaged patterns and function words, without a line model (rules 1-5; for training one)."""
    text, _ = read_data_file("chrome_patterns.txt")
    return replace(parse_rules(text), function_words=function_words())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The function words of ``data/chrome_function_words.txt`` (a feature of the line model)."""
    text, _ = read_data_file("chrome_function_words.txt")
    return frozenset(
        w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


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
    sentence: bool = False  # prose that ends like a sentence (or a very long line): block material
    bullet: bool = False
    indent: int = 0
    kind: ChromeKind | None = None
    reason: str = ""


def _is_prose(norm: str, words: int) -> bool:
    if words >= PROSE_LONG_WORDS:
        return True
    if _TRUNCATED.search(norm):
        return False  # the cut title or summary of a teaser
    return words >= PROSE_MIN_WORDS and bool(_PROSE_END.search(norm))


def _parse_lines(text: str) -> list[_Line]:
    """The lines of ``text`` with their features; wrapped paragraphs are prose as a whole."""
    lines: list[_Line] = []
    for start, end in split_lines(text):
        raw = text[start:end]
        bullet = _BULLET.match(raw)
        plain = _WS.sub(" ", raw[bullet.end() :] if bullet else raw).strip()
        norm = plain.strip(_DECORATION)
        words = len(_WORD.findall(norm))
        prose = _is_prose(plain, words)
        sentence = prose and (words >= BLOCK_LONG_WORDS or bool(_PROSE_END.search(plain)))
        lines.append(_Line(start, end, norm, words, not norm, prose, sentence, bool(bullet), _indent(raw)))
    # a paragraph hard-wrapped over several lines: a line that does not end a sentence, continued by one
    # that starts in lowercase
    i = 0
    while i < len(lines):
        j = i
        while (
            j + 1 < len(lines)
            and lines[j].words >= WRAP_MIN_WORDS
            and not lines[j + 1].blank
            and not lines[j + 1].bullet
            and not _PROSE_END.search(lines[j].norm)
            and _LOWER_START.match(lines[j + 1].norm)
        ):
            j += 1
        if j > i:
            group = lines[i : j + 1]
            if _is_prose(group[-1].norm, sum(line.words for line in group)):
                ends = bool(_PROSE_END.search(group[-1].norm))
                for line in group:
                    line.prose = True
                    line.sentence = ends or line.sentence
        i = j + 1
    return lines


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
    breadcrumbs and menu runs, ``"tail:KIND"`` for a non-prose line after the tail marker of KIND,
    ``"outside"`` for a line of the page furniture around the main block of prose, or ``"model"`` for a
    line of a whole page that the line model (rule 6) takes for furniture.
    """
    rules = rules or default_rules()
    return analyse_page(text, rules).decide(rules.model)


@dataclass(frozen=True, slots=True)
class ChromePage:
    """A page after rules 1-5, ready for the line model (rule 6); see :func:`analyse_page`."""

    spans: tuple[tuple[int, int], ...]  # every line of the page
    reasons: tuple[str, ...]  # the reason rules 1-5 give each line ("" if none)
    headline: int  # index of the headline line, -1 if none
    full: bool  # a whole page: rule 5 found furniture on one side of the main block
    rows: tuple[tuple[int, tuple[float, ...]], ...]  # (line index, LINE_FEATURES) of the non-blank lines
    shapes: tuple[tuple[int, bool], ...] = ()  # per line: (indent, -1 if blank; introduces a list)
    article_end: int = -1  # index of the break marker after which nothing is article text, -1 if none

    def decide(self, model: LineModel | None) -> list[tuple[int, int, str]]:
        """The chrome lines: those of rules 1-5, overruled by ``model`` on a whole page (rule 6).

        On a whole page the model keeps or drops every line that rules 1-3 do not mark: a line it keeps
        loses a mark of rules 4-5 (:data:`MODEL_MAY_KEEP`), an unmarked line it drops gets ``"model"``;
        the headline always stays. Other pages (a clean article, a page without a main block) and a
        missing model leave rules 1-5 as they are.
        """
        reasons = list(self.reasons)
        if model is not None and self.full and self.rows:
            keep = model.keep([row for _, row in self.rows])
            for (i, _), kept in zip(self.rows, keep, strict=True):
                if i == self.headline or (kept and 0 <= self.article_end < i):
                    continue  # comments are prose too: nothing after the article's end comes back
                if kept:
                    if reasons[i].startswith(MODEL_MAY_KEEP):
                        reasons[i] = ""
                elif not reasons[i]:
                    reasons[i] = "model"
            _keep_introduced_lists(reasons, self.shapes, self.article_end)
        return [(s, e, r) for (s, e), r in zip(self.spans, reasons, strict=True) if r]


def analyse_page(text: str, rules: ChromeRules | None = None) -> ChromePage:
    """Rules 1-5 on ``text``, and the features of its lines for the line model.

    ``benchmarks/chrome_lines.py --train`` trains the model on :attr:`ChromePage.rows`.
    """
    rules = rules or default_rules()
    lines = _parse_lines(text)

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

    # 5: page furniture around the main block (it also finds the headline of a full page), marked after 4
    blocks = _main_blocks(lines)
    headline, outside, full = _outside_main_blocks(lines, blocks)

    # 4: the tail, which never takes the headline
    if headline < 0:
        headline = next((i for i, line in enumerate(lines) if not line.blank and not line.reason), -1)
    _mark_tail(lines, headline)
    for i in outside:
        if not lines[i].reason:
            lines[i].reason = "outside"
    rows = _feature_rows(lines, blocks, rules) if full and (rules.model is not None or rules.features) else []
    return ChromePage(
        tuple((line.start, line.end) for line in lines),
        tuple(line.reason for line in lines),
        headline,
        full,
        tuple((i, tuple(row)) for i, row in rows),
        tuple((-1 if line.blank else line.indent, _is_list_intro(line, text)) for line in lines),
        end if (end := _pieces(lines)[1]) < len(lines) else -1,
    )


LIST_INTRO_MAX_WORDS = 12
"""Words of a heading that introduces a list ("Tour dates", "Qualified teams")."""

LIST_MIN_ITEMS = 3
"""Lines a list needs to be kept after the kept line that introduces it (:func:`_keep_introduced_lists`)."""


def _is_list_intro(line: _Line, text: str) -> bool:
    """A line that may introduce a list of the article: it ends with a colon, or is a short heading."""
    if line.blank or line.bullet:
        return False
    if text[line.start : line.end].rstrip().endswith(":"):
        return True
    return not line.prose and 1 <= line.words <= LIST_INTRO_MAX_WORDS and not _PROSE_END.search(line.norm)


def _keep_introduced_lists(
    reasons: list[str], shapes: tuple[tuple[int, bool], ...], article_end: int
) -> None:
    """Keep the list right after a kept line that introduces it (rule 6's smoothing).

    Tour dates, the qualified teams, the items of a fact box: a run of at least :data:`LIST_MIN_ITEMS`
    consecutive lines (no blank line between them) of one indentation, after a kept line that ends with a
    colon or is a short title (blank lines may separate the two). Lines the model or rules 4-5 dropped are
    kept; a run holding a line of rules 1-3 (a menu, a share widget) or reaching past the article's end (a
    break marker after the article, :func:`_pieces`) is left alone.
    """
    n = len(shapes) if article_end < 0 else article_end
    for i in range(n):
        if reasons[i] or not shapes[i][1] or shapes[i][0] < 0:
            continue
        j = i + 1
        while j < n and shapes[j][0] < 0:
            j += 1
        k = j
        while k < len(shapes) and shapes[k][0] == shapes[j][0] >= 0:
            k += 1
        run = range(j, k)
        if (
            len(run) < LIST_MIN_ITEMS
            or k > n
            or any(reasons[m] and not _overrulable(reasons[m]) for m in run)
        ):
            continue
        for m in run:
            reasons[m] = ""


def _overrulable(reason: str) -> bool:
    return reason == "model" or reason.startswith(MODEL_MAY_KEEP)


MODEL_MAY_KEEP = ("outside", "tail:")
"""Reasons of rules 4-5 that the line model may overrule (it keeps the line); the phrase, breadcrumb and
menu marks of rules 1-3 always stand. Rule 5 splits an article whose middle is a list (a meal plan, a
product list), and the model keeps such lists more often than it keeps furniture; chosen by the
cross-validation of ``benchmarks/chrome_lines.py --train``."""


LINE_FEATURES: tuple[str, ...] = (
    "words_log", "chars_log", "w0_2", "w3_5", "w6_12", "w13_25", "w26_",
    "sentence", "prose", "ends_stop", "truncated", "bullet", "digit_share", "upper_share", "caps_share",
    "function_share",
    "commas_log", "separator", "starts_by", "link_or_at", "quoted", "bracketed", "title_like",
    "kind", "kind_hard", "kind_soft", "nav", "tail", "position", "indent_main", "indent_diff_log",
    "prev_sentence", "next_sentence", "prev_words_log", "next_words_log", "blank_before", "blank_after",
)  # fmt: skip
"""The stage-1 features of the line model, in the order of the :attr:`ChromePage.rows`. The marks of rule
5 (outside the main block, distance to it) are left out on purpose: with them the model learnt rule 5's
mistakes on the dev half and lost whole list-heavy articles on the held-out half."""

_SEPARATORS = re.compile(r"[|»›•·]|\s/\s")
_LINK_OR_AT = re.compile(r"https?:|www\.|@\w|\.com\b")
_QUOTE_START = re.compile(r"^[\"“”'‘’«]")
_BRACKETED = re.compile(r"^[(\[].*[)\]]$")


def _indent(raw: str) -> int:
    stripped = raw.lstrip(" \t")
    return sum(4 if c == "\t" else 1 for c in raw[: len(raw) - len(stripped)])


def _feature_rows(
    lines: list[_Line], blocks: list[_Segment], rules: ChromeRules
) -> list[tuple[int, list[float]]]:
    text_idx = [i for i, line in enumerate(lines) if not line.blank]
    if not text_idx:
        return []
    in_block = [i for seg in blocks for i in range(seg.first, seg.last + 1)]
    prose_indents = Counter(
        lines[i].indent for i in (in_block or text_idx) if not lines[i].blank and lines[i].sentence
    )
    main_indent = prose_indents.most_common(1)[0][0] if prose_indents else 0
    fw = rules.function_words
    rows = []
    for k, i in enumerate(text_idx):
        line = lines[i]
        words = _WORD.findall(line.norm)
        n = len(words)
        chars = max(len(line.norm), 1)
        reason = line.reason
        kind = line.kind
        prev_line = lines[text_idx[k - 1]] if k > 0 else None
        next_line = lines[text_idx[k + 1]] if k + 1 < len(text_idx) else None
        row = [
            math.log1p(n),
            math.log1p(len(line.norm)),
            float(n <= 2),
            float(3 <= n <= 5),
            float(6 <= n <= 12),
            float(13 <= n <= 25),
            float(n >= 26),
            float(line.sentence),
            float(line.prose),
            float(bool(_PROSE_END.search(line.norm))),
            float(bool(_TRUNCATED.search(line.norm))),
            float(line.bullet),
            len(_DIGIT.findall(line.norm)) / chars,
            sum(w[0].isupper() for w in words) / n if n else 0.0,
            sum(c.isupper() for c in line.norm) / max(sum(c.isalpha() for c in line.norm), 1),
            sum(w.lower() in fw for w in words) / n if n else 0.0,
            math.log1p(line.norm.count(",")),
            float(bool(_SEPARATORS.search(line.norm))),
            float(line.norm.lower().startswith("by ")),
            float(bool(_LINK_OR_AT.search(line.norm))),
            float(bool(_QUOTE_START.match(line.norm))),
            float(bool(_BRACKETED.match(line.norm))),
            float(_is_title_like(replace(line, reason=""))),
            float(kind is not None),
            float(kind is not None and kind.tail == "hard"),
            float(kind is not None and kind.tail == "soft"),
            float(reason == "nav"),
            float(reason.startswith("tail:")),
            k / len(text_idx),
            float(line.indent == main_indent),
            math.log1p(abs(line.indent - main_indent)),
            float(prev_line is not None and prev_line.sentence),
            float(next_line is not None and next_line.sentence),
            math.log1p(prev_line.words) if prev_line is not None else 0.0,
            math.log1p(next_line.words) if next_line is not None else 0.0,
            float(i > 0 and lines[i - 1].blank),
            float(i + 1 < len(lines) and lines[i + 1].blank),
        ]
        rows.append((i, row))
    return rows


def _block_value(line: _Line) -> int:
    return line.words if line.sentence and not line.reason else -BLOCK_LINE_COST


def _best_segment(lines: list[_Line], lo: int, hi: int) -> tuple[int, int, int]:
    """``(first, last, score)`` of the maximum-sum run of ``lines[lo:hi]`` (score 0: none)."""
    best = (-1, -1, 0)
    start, total, gap = -1, 0, 0
    for i in range(lo, hi):
        if lines[i].blank:
            continue
        value = _block_value(lines[i])
        gap = gap + 1 if value < 0 else 0
        if total <= 0 or gap >= BLOCK_GAP_LINES:
            start, total = i, 0
        total += value
        if total > best[2]:
            best = (start, i, total)
    return best


@dataclass(frozen=True, slots=True)
class _Segment:
    first: int
    last: int
    score: int
    piece: int  # segments in different pieces are separated by a break marker
    density: float  # share of its non-blank lines that are block prose


def _pieces(lines: list[_Line]) -> tuple[list[tuple[int, int]], int]:
    """``(pieces, end)``: the ranges of lines between break markers, and the line where article text ends.

    A break marker is a ``tail=hard`` kind or one of :data:`BLOCK_BREAK_KINDS`; ``end`` is the first one
    that follows :data:`TAIL_MIN_PROSE_WORDS` words of prose (``len(lines)`` if none does).
    """
    pieces: list[tuple[int, int]] = []
    lo, prose_words = 0, 0
    end = len(lines)
    for i, line in enumerate(lines):
        kind = line.kind
        if kind is not None and (kind.tail == "hard" or kind.name in BLOCK_BREAK_KINDS):
            pieces.append((lo, i))
            lo = i + 1
            if prose_words >= TAIL_MIN_PROSE_WORDS:
                end = i
                break
        elif line.sentence and not line.reason:
            prose_words += line.words
    if end == len(lines):
        pieces.append((lo, end))
    return pieces, end


def _segments(lines: list[_Line]) -> list[_Segment]:
    """The blocks of prose of the page, in order.

    Blocks are runs of lines scored by :func:`_block_value` (maximum-sum segments, found again in what is
    left on either side of each one). A break marker (a ``tail=hard`` kind or one of
    :data:`BLOCK_BREAK_KINDS`) splits blocks, and once it follows :data:`TAIL_MIN_PROSE_WORDS` words of
    prose nothing after it can be article text (comments are prose too).
    """
    pieces, _ = _pieces(lines)
    segments: list[_Segment] = []
    stack = [(a, b, k) for k, (a, b) in enumerate(pieces) if b > a]
    while stack:
        a, b, k = stack.pop()
        first, last, score = _best_segment(lines, a, b)
        if score <= 0:
            continue
        inside = [line for line in lines[first : last + 1] if not line.blank]
        density = sum(_block_value(line) > 0 for line in inside) / len(inside)
        segments.append(_Segment(first, last, score, k, density))
        stack.extend(((a, first, k), (last + 1, b, k)))
    return sorted(segments, key=lambda seg: seg.first)


def _main_blocks(lines: list[_Line]) -> list[_Segment]:
    """The blocks of article text: the main block and the blocks it extends to.

    The main block is the first block whose score is at least :data:`BLOCK_FIRST_SHARE` of the best one
    (the article comes before the teasers of other articles). It extends, on either side, to a neighbouring
    block that is dense prose (:data:`EXTEND_MIN_DENSITY`) when no break marker and at most
    :data:`EXTEND_MAX_GAP_LINES` lines lie between them: an article interrupted by an advertisement or a
    list of links goes on after it, while teasers alternate titles and summaries.
    """
    segments = _segments(lines)
    if not segments:
        return []
    top = max(seg.score for seg in segments)
    m = next(k for k, seg in enumerate(segments) if seg.score >= BLOCK_FIRST_SHARE * top)
    if segments[m].score < BLOCK_MIN_WORDS:
        return []

    def joins(a: _Segment, b: _Segment, candidate: _Segment) -> bool:
        gap = sum(not line.blank for line in lines[a.last + 1 : b.first])
        return (
            a.piece == b.piece
            and gap <= EXTEND_MAX_GAP_LINES
            and candidate.density >= EXTEND_MIN_DENSITY
            and (candidate.score >= EXTEND_MIN_WORDS or gap <= EXTEND_NEAR_GAP_LINES)
        )

    lo = hi = m
    while lo > 0 and joins(segments[lo - 1], segments[lo], segments[lo - 1]):
        lo -= 1
    while hi + 1 < len(segments) and joins(segments[hi], segments[hi + 1], segments[hi + 1]):
        hi += 1
    return segments[lo : hi + 1]


def _is_title_like(line: _Line) -> bool:
    return (
        not line.blank
        and not line.reason
        and not line.bullet
        and HEADLINE_MIN_WORDS <= line.words <= HEADLINE_MAX_WORDS
        and not line.prose
        and not line.norm.lower().startswith("by ")
        and not line.norm.endswith(".")
    )


def _is_furniture(lines: list[_Line], side: list[int]) -> bool:
    return (
        len(side) >= FURNITURE_MIN_LINES
        and sum(bool(lines[i].reason) or lines[i].bullet for i in side) >= FURNITURE_MIN_CHROME
    )


def _outside_main_blocks(lines: list[_Line], blocks: list[_Segment]) -> tuple[int, list[int], bool]:
    """``(headline, outside, full)``: the furniture of a full page, outside the blocks of article text.

    Lines before the first block and after the last one are furniture when there are at least
    :data:`FURNITURE_MIN_LINES` of them on that side (a clean article has only a headline, a byline and a
    date before its text; a full page has menus); the headline is kept (the last title-like line of the
    :data:`HEADLINE_WINDOW` lines before the text; -1 if none was looked for). Lines between two blocks are
    furniture when there are at least :data:`BLOCK_GAP_LINES` of them or one of them is chrome: a short
    list inside an article stays. ``full`` tells whether a side was furniture (a whole page).
    """
    if not blocks:
        return -1, [], False
    first, last = blocks[0].first, blocks[-1].last
    headline = -1
    outside: list[int] = []
    before = [i for i in range(first) if not lines[i].blank]
    full = False
    if _is_furniture(lines, before):
        full = True
        window = [i for i in before if not lines[i].reason][-HEADLINE_WINDOW:]
        headline = next((i for i in reversed(window) if _is_title_like(lines[i])), -1)
        outside.extend(i for i in before if i != headline)
    for a, b in zip(blocks, blocks[1:], strict=False):
        gap = [i for i in range(a.last + 1, b.first) if not lines[i].blank]
        if len(gap) >= BLOCK_GAP_LINES or any(lines[i].reason for i in gap):
            if _is_title_like(lines[gap[-1]]):
                gap.pop()  # the subheading of the next block
            outside.extend(gap)
    after = [i for i in range(last + 1, len(lines)) if not lines[i].blank]
    if _is_furniture(lines, after):
        full = True
        outside.extend(after)
    return headline, outside, full


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
