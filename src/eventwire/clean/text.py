"""Turn the original text of a scraped page into the clean text the NLP stages read, with an exact map back.

:func:`clean_text` copies the original into the clean text piece by piece (see
:class:`~eventwire.clean.offsets.CleanTextBuilder`), so every kept character keeps its original
position. It changes only this:

- **Chrome lines are dropped** (:func:`~eventwire.clean.chrome.find_chrome_lines`): the line and its line
  break are not copied; where text follows a dropped line, newlines are inserted so that it starts a new
  paragraph (``"\\n\\n"``), so sentence splitting cannot merge the text on both sides. Blank lines right
  after a dropped line are not copied either (the inserted break stands for them).
- **Glued words are split** (:func:`~eventwire.clean.joins.find_joins`): one inserted space at each join.
  A space, and not ". " or a newline, for both kinds of join: a link's text lost its space far more often
  in mid-sentence ("partnersIncluding the United States", "BarndowAnd the prime minister") than at a
  sentence end, and where it was a sentence end the punctuation is usually still there ("colony.According"
  becomes "colony. According", which spaCy splits). Inventing a full stop would cut real sentences in two
  and put punctuation into evidence text that the page does not have.
- **Line breaks are normalised**: ``\\r\\n`` becomes ``\\n`` (only the ``\\n`` is copied) and a lone ``\\r``
  becomes an inserted ``\\n``.
- **Invisible characters**: zero-width spaces, word joiners, byte-order marks and soft hyphens are not
  copied (they split or glue tokens invisibly); no-break and other Unicode spaces become an inserted
  ``" "`` (spaCy splits tokens on ``" "`` only, so ``Vladimir\\u00a0Putin`` would otherwise be one token).
- **Headline and subheadings stay apart from the body**: after the headline (the first kept non-blank
  line), and after a short heading line that starts a block and is followed by a much longer line on the
  next line, a newline is inserted when only a single line break separates them.

Nothing else is collapsed or rewritten: blank lines, spaces, tabs and the words themselves are as in the
original, and every kept character of the original appears in the clean text in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.clean.chrome import ChromeRules, find_chrome_lines
from eventwire.clean.datelines import find_dateline
from eventwire.clean.joins import find_joins
from eventwire.clean.offsets import CleanTextBuilder, OffsetMap

if TYPE_CHECKING:  # pragma: no cover
    from eventwire.document import Document

HEADING_MAX_WORDS = 12
"""A line of at most this many words without final punctuation may be a subheading."""

HEADING_NEXT_RATIO = 1.5
"""... if the line after it is at least this many times longer. Hard-wrapped paragraphs have lines of about
equal length, so their first line is not taken for a heading and no break is put inside a sentence."""

_DROP_CHARS = "\u200b\u2060\ufeff\u00ad"
_SPACE_CHARS = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPECIAL = re.compile(f"[{_DROP_CHARS}{_SPACE_CHARS}]")
_BREAK = re.compile(r"\r\n|\r|\n")
_WORDS = re.compile(r"\w+")
_FINAL_PUNCT = re.compile(r"[.!?:;,…\"'”’)\]]\s*$")


@dataclass(slots=True)
class CleanResult:
    """The clean text, its map to the original, and what was removed.

    ``removed`` holds the original spans of the dropped chrome lines (without their line breaks, which are
    dropped with them) and the reason each was dropped; ``joins`` the original positions at which a space
    was inserted between glued words.
    """

    text: str
    offsets: OffsetMap
    removed: list[tuple[int, int, str]]
    joins: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # end of the content
    break_end: int  # end of the line break (== end on the last line)

    def blank(self, text: str) -> bool:
        return not text[self.start : self.end].strip()


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for m in _BREAK.finditer(text):
        lines.append(_Line(pos, m.start(), m.end()))
        pos = m.end()
    lines.append(_Line(pos, len(text), len(text)))
    return lines


def clean_text(original: str, rules: ChromeRules | None = None) -> CleanResult:
    """Clean ``original`` (see the module docstring); ``rules`` defaults to the packaged chrome patterns."""
    chrome = {(s, e): reason for s, e, reason in find_chrome_lines(original, rules)}
    lines = _lines(original)
    kept = [line for line in lines if (line.start, line.end) not in chrome]
    next_kept = {id(kept[i]): kept[i + 1] for i in range(len(kept) - 1)}
    joins = [pos for pos in find_joins(original)]
    join_i = 0

    builder = CleanTextBuilder(original)
    removed: list[tuple[int, int, str]] = []
    used_joins: list[int] = []
    pending_paragraph = False
    headline_seen = False
    prev_blank = True  # the previous kept line was blank (or there was none)

    for line in lines:
        reason = chrome.get((line.start, line.end))
        if reason is not None:
            removed.append((line.start, line.end, reason))
            pending_paragraph = builder.length > 0
            prev_blank = True
            continue
        blank = line.blank(original)
        if pending_paragraph:
            if blank:
                continue  # blank lines after a dropped line: the paragraph break below replaces them
            _ensure_paragraph_break(builder, line.start)
            pending_paragraph = False

        # the line's content, with joins and invisible characters handled
        while join_i < len(joins) and joins[join_i] < line.start:
            join_i += 1
        line_joins = []
        while join_i < len(joins) and joins[join_i] < line.end:
            line_joins.append(joins[join_i])
            join_i += 1
        dateline = None if blank else find_dateline(original[line.start : line.end])
        if dateline is not None:
            # "NAIROBI (Reuters) - Police arrested ...": the dateline ends with a line break of its own
            cut = line.start + dateline
            _copy_content(builder, original, line.start, cut, [j for j in line_joins if j < cut])
            builder.insert("\n", cut)
            _copy_content(builder, original, cut, line.end, [j for j in line_joins if j >= cut])
        else:
            _copy_content(builder, original, line.start, line.end, line_joins)
        used_joins.extend(line_joins)

        # the line break
        brk = original[line.end : line.break_end]
        if brk == "\r\n":
            builder.copy(line.end + 1, line.break_end)
        elif brk == "\r":
            builder.insert("\n", line.end)
        elif brk:
            builder.copy(line.end, line.break_end)

        # keep a headline or subheading apart from the paragraph on the next line
        nxt = next_kept.get(id(line))
        if not blank and brk and nxt is not None and nxt.start == line.break_end and not nxt.blank(original):
            is_headline = not headline_seen
            if is_headline or (prev_blank and _is_heading(original, line, nxt)):
                builder.insert("\n", line.break_end)
        if not blank:
            headline_seen = True
        prev_blank = blank

    text, offsets = builder.build()
    return CleanResult(text, offsets, removed, used_joins)


def _ensure_paragraph_break(builder: CleanTextBuilder, at: int) -> None:
    if builder.ends_with("\n\n"):
        return
    builder.insert("\n" if builder.ends_with("\n") else "\n\n", at)


def _copy_content(builder: CleanTextBuilder, original: str, start: int, end: int, joins: list[int]) -> None:
    events: list[tuple[int, str]] = [(pos, "join") for pos in joins]
    events.extend((m.start(), m.group()) for m in _SPECIAL.finditer(original, start, end))
    events.sort()
    pos = start
    for at, what in events:
        if at < pos:
            continue
        builder.copy(pos, at)
        if what == "join":
            builder.insert(" ", at)
            pos = at
        elif what in _DROP_CHARS:
            pos = at + 1
        else:  # a Unicode space
            builder.insert(" ", at)
            pos = at + 1
    builder.copy(pos, end)


def _is_heading(original: str, line: _Line, nxt: _Line) -> bool:
    content = original[line.start : line.end].strip()
    words = len(_WORDS.findall(content))
    if not 0 < words <= HEADING_MAX_WORDS or _FINAL_PUNCT.search(content):
        return False
    following = original[nxt.start : nxt.end].strip()
    return len(following) >= HEADING_NEXT_RATIO * len(content)


def clean_document(doc: Document, rules: ChromeRules | None = None) -> Document:
    """Fill the clean-stage fields of ``doc`` (``text``, ``offsets``, ``removed_lines``) from its original."""
    from eventwire.document import TextSpan

    result = clean_text(doc.original, rules)
    doc.text = result.text
    doc.offsets = result.offsets
    doc.removed_lines = [TextSpan(doc.original[s:e], s, e) for s, e, _ in result.removed]
    return doc
