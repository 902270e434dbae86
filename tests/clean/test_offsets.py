"""Offset map: property tests over random sequences of copies, skips and insertions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.clean.offsets import CleanTextBuilder, OffsetMap

# an operation is ("copy", n), ("skip", n) or ("insert", text)
_ops = st.lists(
    st.one_of(
        st.tuples(st.just("copy"), st.integers(1, 12)),
        st.tuples(st.just("skip"), st.integers(1, 6)),
        st.tuples(st.just("insert"), st.sampled_from([" ", "\n", "\n\n", ". ", "X"])),
    ),
    max_size=25,
)
_originals = st.text(alphabet="ab c\nD.é", min_size=0, max_size=120)


def _build(original: str, ops: list[tuple[str, object]]) -> tuple[str, OffsetMap, list[int | None]]:
    """Apply ops; return clean text, map and, per clean char, its original index (None if inserted)."""
    b = CleanTextBuilder(original)
    pos = 0
    sources: list[int | None] = []
    for op, arg in ops:
        if op == "copy":
            end = min(len(original), pos + int(arg))  # type: ignore[call-overload]
            b.copy(pos, end)
            sources.extend(range(pos, end))
            pos = end
        elif op == "skip":
            pos = min(len(original), pos + int(arg))  # type: ignore[call-overload]
        else:
            b.insert(str(arg), pos)
            sources.extend([None] * len(str(arg)))
    text, offsets = b.build()
    return text, offsets, sources


@settings(max_examples=300, deadline=None)
@given(_originals, _ops)
def test_copied_characters_map_to_themselves(original: str, ops: list[tuple[str, object]]) -> None:
    text, offsets, sources = _build(original, ops)
    assert len(offsets) == len(text) == len(sources)
    for i, src in enumerate(sources):
        assert offsets.is_copied(i) == (src is not None)
        if src is not None:
            assert offsets.original_index(i) == src
            assert original[src] == text[i]
            assert offsets.clean_index(src) == i  # round trip


@settings(max_examples=300, deadline=None)
@given(_originals, _ops)
def test_original_index_is_monotone(original: str, ops: list[tuple[str, object]]) -> None:
    text, offsets, _ = _build(original, ops)
    positions = [offsets.original_index(i) for i in range(len(text) + 1)]
    assert positions == sorted(positions)
    assert all(0 <= p <= len(original) for p in positions)


@settings(max_examples=300, deadline=None)
@given(_originals, _ops, st.data())
def test_to_original_is_the_smallest_covering_span(
    original: str, ops: list[tuple[str, object]], data
) -> None:
    text, offsets, sources = _build(original, ops)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = offsets.to_original(start, end)
    copied = [src for src in sources[start:end] if src is not None]
    if copied:
        assert (s, e) == (min(copied), max(copied) + 1)
        # every copied character of the span is in original[s:e], in order
        assert "".join(original[c] for c in copied) == "".join(
            text[i] for i in range(start, end) if sources[i] is not None
        )
        # nothing skipped inside: the original span is the clean span minus the insertions
        if copied == list(range(s, e)):
            pairs = zip(text[start:end], sources[start:end], strict=True)
            assert original[s:e] == "".join(ch for ch, src in pairs if src is not None)
    else:
        assert s == e == offsets.original_index(start)


@settings(max_examples=200, deadline=None)
@given(_originals, _ops, st.data())
def test_to_clean_covers_the_kept_characters(original: str, ops: list[tuple[str, object]], data) -> None:
    text, offsets, sources = _build(original, ops)
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, len(original)))
    cs, ce = offsets.to_clean(start, end)
    assert 0 <= cs <= ce <= len(text)
    kept = [i for i, src in enumerate(sources) if src is not None and start <= src < end]
    if kept:
        assert (cs, ce) == (min(kept), max(kept) + 1)
    else:
        assert cs == ce


def test_doc_example_and_whitespace_trimmed_property() -> None:
    original = "France is concerned.Reuters said so."
    b = CleanTextBuilder(original)
    b.copy(0, 20)
    b.insert(" ", 20)
    b.copy(20, len(original))
    text, offsets = b.build()
    assert text == "France is concerned. Reuters said so."
    # "Reuters said so." in the clean text
    start = text.index("Reuters")
    assert offsets.to_original(start, len(text)) == (20, len(original))
    # a span over the inserted space maps to the copied characters around it
    s, e = offsets.to_original(text.index("concerned"), start + 7)
    assert original[s:e] == "concerned.Reuters"
    # only the inserted space: an empty span at its anchor
    assert offsets.to_original(20, 21) == (20, 20)


def test_contiguous_copies_merge_into_one_segment() -> None:
    original = "x" * 10_000
    b = CleanTextBuilder(original)
    for i in range(0, 10_000, 10):
        b.copy(i, i + 10)
    _, offsets = b.build()
    assert len(offsets.segments) == 1
    assert offsets.original_index(9_999) == 9_999


def test_identity_map() -> None:
    offsets = OffsetMap.identity(5)
    assert len(offsets) == 5
    assert offsets.to_original(1, 4) == (1, 4)
    assert OffsetMap.identity(0).to_original(0, 0) == (0, 0)


def test_copies_may_not_go_back() -> None:
    b = CleanTextBuilder("abcdef")
    b.copy(2, 4)
    with pytest.raises(ValueError):
        b.copy(1, 3)
    with pytest.raises(ValueError):
        b.insert(" ", 3)
    with pytest.raises(ValueError):
        b.copy(4, 99)


def test_out_of_range_lookups_raise() -> None:
    b = CleanTextBuilder("abc")
    b.copy(0, 3)
    _, offsets = b.build()
    with pytest.raises(IndexError):
        offsets.original_index(4)
    with pytest.raises(ValueError):
        offsets.to_original(2, 1)
