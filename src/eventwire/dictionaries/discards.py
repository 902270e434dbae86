"""PETRARCH discard lists: phrases that stop a sentence (or, with a leading ``+``, the whole story) from
being coded ("BASEBALL", "+WORLD GOLF CHAMPIONSHIPS").

As in PETRARCH (``read_discard_list``/``check_discards``) matching ignores case and starts at a word
start; a phrase ending in ``_`` must also end at a word end, any other phrase is a stem ("BASEBALL" also
matches "baseballs"). Nothing in this format is malformed except an empty phrase (an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.dictionaries._lines import Record, content_lines, read_text
from eventwire.errors import DictionaryFileError

_WORD_START = r"(?<![^\W_])"


@dataclass(frozen=True, slots=True)
class DiscardEntry(Record):
    phrase: str  # upper case, single spaces
    story: bool  # '+': the whole story is not coded
    whole_word: bool  # trailing '_': must end at a word end
    source: str
    line: int

    def pattern(self) -> str:
        return _WORD_START + self.body()

    def body(self) -> str:
        """The pattern without its word-start test (shared by all entries in :func:`_compile`)."""
        words = [re.escape(w) for w in self.phrase.split()]
        return r"[\s_-]+".join(words) + (r"(?![^\W_])" if self.whole_word else "")


def parse_discards(text: str, source: str) -> list[DiscardEntry]:
    out: list[DiscardEntry] = []
    for line in content_lines(text):
        stripped = line.text.strip()
        story = stripped.startswith("+")
        body = stripped[1:] if story else stripped
        whole = body.rstrip().endswith("_")
        phrase = " ".join(body.replace("_", " ").upper().split())
        if not phrase:
            raise DictionaryFileError(
                f"{source}:{line.number}", "empty discard phrase", "write a phrase or drop the line"
            )
        out.append(DiscardEntry(phrase, story, whole, source, line.number))
    return out


def load_discards(path: Path) -> list[DiscardEntry]:
    return parse_discards(read_text(path), str(path))


class DiscardMatcher:
    """One compiled regular expression per level (sentence, story), run only when a word of the text
    starts like an entry (the expression costs ~1 ms on a long sentence; the test a few microseconds)."""

    def __init__(self, entries: list[DiscardEntry]) -> None:
        self.entries = tuple(entries)
        self._sentence = _compile([e for e in entries if not e.story])
        self._story = _compile([e for e in entries if e.story])
        starts = [_start(e.phrase) for e in entries]
        # None when some entry does not begin with a word character: then the expression always runs
        self._starts = None if "" in starts else frozenset(starts)

    def story_match(self, text: str) -> str | None:
        """The story-level phrase found in ``text``, if any."""
        found = self._story.search(text) if self._story is not None and self._may_match(text) else None
        return found.group(0) if found else None

    def sentence_match(self, text: str) -> str | None:
        found = self._sentence.search(text) if self._sentence is not None and self._may_match(text) else None
        return found.group(0) if found else None

    def _may_match(self, text: str) -> bool:
        if self._starts is None:
            return True
        starts = self._starts
        return any(
            word[:k] in starts for word in _WORD_RE.findall(text.lower()) for k in range(1, START_CHARS + 1)
        )


START_CHARS = 4
_WORD_RE = re.compile(r"[^\W_]+")


def _start(phrase: str) -> str:
    """The first (at most) four word characters of a phrase, lower case ("" if it starts otherwise)."""
    found = _WORD_RE.match(phrase.lower())
    return found.group(0)[:START_CHARS] if found else ""


def _compile(entries: list[DiscardEntry]) -> re.Pattern[str] | None:
    if not entries:
        return None
    # longest first, so that the reported match is the most specific phrase; the word-start test is made
    # once per position, not once per entry (500 Phoenix entries: 3.5 ms a sentence before, see
    # benchmarks/dictionary_speed.py)
    bodies = sorted({e.body() for e in entries}, key=len, reverse=True)
    return re.compile(_WORD_START + "(?:" + "|".join(bodies) + ")", re.IGNORECASE)
