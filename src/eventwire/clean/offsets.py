"""Exact offset map between a clean text and the original text it was built from.

The clean text is built left to right from pieces: runs *copied* from the original, and short *inserted*
(synthetic) strings such as the space put between two glued words or the newlines that keep paragraphs
apart where a chrome line was removed. :class:`CleanTextBuilder` records each piece as a segment;
:class:`OffsetMap` answers lookups by bisecting over the segment starts, so every lookup is O(log n) in
the number of segments and the map's memory grows with the number of edits, not with the text length.

Copies must move forward through the original (each copy starts at or after the end of the previous
one, and an insertion's anchor lies between them). That is what makes the map monotone: a later clean
position never maps to an earlier original position, and ``to_original`` can answer with the first and
last copied character of a span instead of scanning it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of the clean text: ``clean[clean_start:clean_start+length]``.

    A copied segment equals ``original[orig_start:orig_start+length]``; an inserted segment has no
    original characters and maps every one of its characters to the single original position
    ``orig_start`` (its anchor).
    """

    clean_start: int
    orig_start: int
    length: int
    copied: bool

    @property
    def clean_end(self) -> int:
        return self.clean_start + self.length

    @property
    def orig_end(self) -> int:
        return self.orig_start + self.length if self.copied else self.orig_start


class OffsetMap:
    """Maps clean-text offsets to original-text offsets (and back). Build it with CleanTextBuilder."""

    __slots__ = (
        "_segments",
        "_starts",
        "_copied",
        "_copied_orig",
        "_next_copied",
        "_prev_copied",
        "_length",
        "_orig_end",
    )

    def __init__(self, segments: list[Segment], length: int, orig_end: int) -> None:
        self._segments = segments
        self._starts = [seg.clean_start for seg in segments]
        # indexes of the copied segments and their original starts, for the reverse lookup
        self._copied = [i for i, seg in enumerate(segments) if seg.copied]
        self._copied_orig = [segments[i].orig_start for i in self._copied]
        # for segment i: the first copied segment at or after i, and the last copied one at or before i
        n = len(segments)
        self._next_copied = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            self._next_copied[i] = i if segments[i].copied else self._next_copied[i + 1]
        self._prev_copied = [-1] * n
        for i in range(n):
            prev = self._prev_copied[i - 1] if i else -1
            self._prev_copied[i] = i if segments[i].copied else prev
        self._length = length
        self._orig_end = orig_end

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a clean text that is the original unchanged."""
        segments = [Segment(0, 0, length, True)] if length else []
        return cls(segments, length, length)

    def __len__(self) -> int:
        """Length of the clean text."""
        return self._length

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(self._segments)

    def _segment_at(self, clean_index: int) -> int:
        """Index of the segment holding clean character ``clean_index`` (0 <= clean_index < len)."""
        return bisect_right(self._starts, clean_index) - 1

    def _check(self, clean_index: int, *, allow_end: bool) -> None:
        limit = self._length if allow_end else self._length - 1
        if not 0 <= clean_index <= limit:
            raise IndexError(f"clean index {clean_index} out of range 0..{limit}")

    def original_index(self, clean_index: int) -> int:
        """Original position of clean character ``clean_index``.

        A copied character maps to its own position, an inserted one to its anchor, and
        ``len(self)`` (the end of the clean text) to the end of the last piece.
        """
        self._check(clean_index, allow_end=True)
        if clean_index == self._length:
            return self._orig_end
        seg = self._segments[self._segment_at(clean_index)]
        if seg.copied:
            return seg.orig_start + (clean_index - seg.clean_start)
        return seg.orig_start

    def is_copied(self, clean_index: int) -> bool:
        """True if clean character ``clean_index`` was copied from the original (not inserted)."""
        self._check(clean_index, allow_end=False)
        return self._segments[self._segment_at(clean_index)].copied

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Smallest original span covering the copied characters of the clean span ``[start, end)``.

        Inserted characters contribute no original characters. A span with no copied character (empty,
        or only inserted characters) maps to the empty span at ``original_index(start)``.
        """
        self._check(start, allow_end=True)
        self._check(end, allow_end=True)
        if end < start:
            raise ValueError(f"span end {end} before start {start}")
        first = self._first_copied_at_or_after(start, end)
        last = self._last_copied_before(end, start)
        if first is None or last is None:
            pos = self.original_index(start)
            return pos, pos
        return first, last + 1

    def _first_copied_at_or_after(self, start: int, end: int) -> int | None:
        """Original index of the first copied character in clean ``[start, end)``, or None."""
        if start >= end:
            return None
        i = self._next_copied[self._segment_at(start)]
        if i >= len(self._segments) or self._segments[i].clean_start >= end:
            return None
        seg = self._segments[i]
        return seg.orig_start + max(start - seg.clean_start, 0)

    def _last_copied_before(self, end: int, start: int) -> int | None:
        """Original index of the last copied character in clean ``[start, end)``, or None."""
        if start >= end:
            return None
        i = self._prev_copied[self._segment_at(end - 1)]
        if i < 0 or self._segments[i].clean_end <= start:
            return None
        seg = self._segments[i]
        return seg.orig_start + min(end, seg.clean_end) - 1 - seg.clean_start

    def clean_index(self, orig_index: int) -> int:
        """Clean position of original position ``orig_index`` (for moving original offsets to clean text).

        A copied original character maps to its clean position; an original character that was removed
        maps to the clean position of the next copied character (or to the clean end).
        """
        if orig_index < 0:
            raise IndexError(f"original index {orig_index} is negative")
        k = bisect_right(self._copied_orig, orig_index) - 1
        if k >= 0:
            seg = self._segments[self._copied[k]]
            if orig_index < seg.orig_start + seg.length:
                return seg.clean_start + (orig_index - seg.orig_start)
        # removed character: the next copied segment starts after it
        k = bisect_left(self._copied_orig, orig_index + 1) if k < 0 else k + 1
        if k < len(self._copied):
            return self._segments[self._copied[k]].clean_start
        return self._length

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """Smallest clean span holding the kept characters of the original span ``[start, end)``.

        With no kept character in it, the empty span at ``clean_index(start)``.
        """
        if end < start:
            raise ValueError(f"span end {end} before start {start}")
        s = self.clean_index(start)
        k = bisect_right(self._copied_orig, end - 1) - 1 if end > start else -1
        if k < 0:
            return s, s
        seg = self._segments[self._copied[k]]
        last = min(end - 1, seg.orig_start + seg.length - 1)
        if last < start:
            return s, s
        return s, seg.clean_start + (last - seg.orig_start) + 1


class CleanTextBuilder:
    """Builds a clean text and its :class:`OffsetMap` from copies of the original and insertions.

    >>> b = CleanTextBuilder("Hello,world")
    >>> b.copy(0, 6); b.insert(" ", at_orig=6); b.copy(6, 11)
    >>> text, offsets = b.build()
    >>> text, offsets.to_original(7, 12)
    ('Hello, world', (6, 11))
    """

    def __init__(self, original: str) -> None:
        self._original = original
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0
        self._orig_pos = 0  # original position reached so far: copies and anchors may not go back
        self._tail = ""  # the last few characters written, for ends_with()

    @property
    def length(self) -> int:
        """Length of the clean text built so far."""
        return self._length

    @property
    def orig_pos(self) -> int:
        """Original position reached so far (end of the last copy, or the last anchor)."""
        return self._orig_pos

    def ends_with(self, suffix: str) -> bool:
        """True if the clean text built so far ends with ``suffix`` (at most 8 characters)."""
        if len(suffix) > 8:
            raise ValueError("ends_with looks at the last 8 characters only")
        return self._tail.endswith(suffix)

    def copy(self, orig_start: int, orig_end: int) -> None:
        """Append ``original[orig_start:orig_end]``."""
        if not 0 <= orig_start <= orig_end <= len(self._original):
            raise ValueError(
                f"copy span {orig_start}:{orig_end} outside the original (0:{len(self._original)})"
            )
        if orig_start < self._orig_pos:
            raise ValueError(f"copy from {orig_start} goes back before original position {self._orig_pos}")
        if orig_start == orig_end:
            return
        last = self._segments[-1] if self._segments else None
        if last is not None and last.copied and last.orig_end == orig_start:
            # extend the previous copy: fewer segments, same map
            self._segments[-1] = Segment(
                last.clean_start, last.orig_start, last.length + orig_end - orig_start, True
            )
        else:
            self._segments.append(Segment(self._length, orig_start, orig_end - orig_start, True))
        piece = self._original[orig_start:orig_end]
        self._append(piece)
        self._orig_pos = orig_end

    def insert(self, text: str, at_orig: int) -> None:
        """Append synthetic ``text`` whose characters all map to original position ``at_orig``."""
        if not 0 <= at_orig <= len(self._original):
            raise ValueError(f"insert anchor {at_orig} outside the original (0:{len(self._original)})")
        if at_orig < self._orig_pos:
            raise ValueError(f"insert anchor {at_orig} goes back before original position {self._orig_pos}")
        if not text:
            return
        last = self._segments[-1] if self._segments else None
        if last is not None and not last.copied and last.orig_start == at_orig:
            self._segments[-1] = Segment(last.clean_start, at_orig, last.length + len(text), False)
        else:
            self._segments.append(Segment(self._length, at_orig, len(text), False))
        self._append(text)
        self._orig_pos = at_orig

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)
        self._tail = (self._tail + piece)[-8:]

    def build(self) -> tuple[str, OffsetMap]:
        """The clean text and its map. The builder can be used again afterwards (it keeps its state)."""
        text = "".join(self._parts)
        self._parts = [text]
        return text, OffsetMap(list(self._segments), self._length, self._orig_pos)
