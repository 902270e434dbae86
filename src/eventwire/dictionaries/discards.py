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

from eventwire.dictionaries._lines import content_lines, read_text
from eventwire.errors import DictionaryFileError


@dataclass(frozen=True, slots=True)
class DiscardEntry:
    phrase: str  # upper case, single spaces
    story: bool  # '+': the whole story is not coded
    whole_word: bool  # trailing '_': must end at a word end
    source: str
    line: int

    def pattern(self) -> str:
        words = [re.escape(w) for w in self.phrase.split()]
        body = r"(?<![^\W_])" + r"[\s_-]+".join(words)
        return body + (r"(?![^\W_])" if self.whole_word else "")


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
    """One compiled regular expression per level (sentence, story)."""

    def __init__(self, entries: list[DiscardEntry]) -> None:
        self.entries = tuple(entries)
        self._sentence = _compile([e for e in entries if not e.story])
        self._story = _compile([e for e in entries if e.story])

    def story_match(self, text: str) -> str | None:
        """The story-level phrase found in ``text``, if any."""
        found = self._story.search(text) if self._story is not None else None
        return found.group(0) if found else None

    def sentence_match(self, text: str) -> str | None:
        found = self._sentence.search(text) if self._sentence is not None else None
        return found.group(0) if found else None


def _compile(entries: list[DiscardEntry]) -> re.Pattern[str] | None:
    if not entries:
        return None
    # longest first, so that the reported match is the most specific phrase
    patterns = sorted({e.pattern() for e in entries}, key=len, reverse=True)
    return re.compile("|".join(patterns), re.IGNORECASE)
