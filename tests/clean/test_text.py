"""clean_text on a hand-written scraped page, random pages (hypothesis), and the seed page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.clean.text import clean_document, clean_text
from eventwire.document import Document

PAGE = (
    "Freedonia accuses Sylvania of border raids\n"
    "related news\n"
    "\n"
    "The government of Freedonia accused Sylvania on Monday of sending troops across the river, and "
    "recalled its ambassador.\r\n"
    "\r\n"
    "The foreign ministry said the raids were a violation of the ceasefire.According to the ministry, "
    "two villages were shelled overnight.\n"
    "\n"
    "Sylvania denied the claim and blamed armed groups backed by its neighboursIncluding smugglers "
    "from the delta.\n"
    "\n"
    "Talks stalled\n"
    "\n"
    "Mediators from the regional bloc said they would visit both capitals next week to revive the "
    "talks with SylvaniaThis includes a meeting with the defence minister.\n"
    "\n"
    "Share this:\n"
    "Facebook\n"
    "Twitter\n"
    "\n"
    "A spokesman for the bloc declined to comment on the\u00a0timing of the visit.\n"
    "\n"
    "Source link\n"
    "\n"
    "Related Articles\n"
    "\n"
    "Sylvania opens new port\n"
    "\n"
    "Floods hit the delta\n"
    "\n"
    "Leave a Reply\n"
    "Your email address will not be published. Required fields are marked *\n"
    "Back to top button\n"
    "Translate »\n"
)


def _squash(text: str) -> str:
    return "".join(text.split())


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence-like spans of the clean text: runs up to a final stop or a line break, trimmed."""
    spans = []
    for m in re.finditer(r"[^\n.!?]+[.!?]*", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def test_hand_written_page() -> None:
    result = clean_text(PAGE)
    text = result.text
    # chrome removed, with reasons
    removed = {PAGE[s:e]: reason for s, e, reason in result.removed}
    for line in [
        "related news",
        "Share this:",
        "Facebook",
        "Twitter",
        "Source link",
        "Related Articles",
        "Sylvania opens new port",
        "Floods hit the delta",
        "Leave a Reply",
        "Back to top button",
        "Translate »",
        "Your email address will not be published. Required fields are marked *",
    ]:
        assert line in removed, line
        assert line not in text.splitlines()
    # article text kept, including the headline and the subheading
    assert text.startswith("Freedonia accuses Sylvania of border raids\n\n")
    assert "\nTalks stalled\n" in text
    assert "A spokesman for the bloc declined to comment on the timing of the visit." in text
    # joins split
    assert "ceasefire. According to the ministry" in text
    assert "neighbours Including smugglers" in text
    assert "Sylvania This includes" in text
    assert len(result.joins) == 3
    # line endings normalised
    assert "\r" not in text
    # nothing removed from the article: every sentence maps back exactly
    for s, e in _sentence_spans(text):
        os_, oe = result.offsets.to_original(s, e)
        assert _squash(PAGE[os_:oe]) == _squash(text[s:e]), text[s:e]
        assert PAGE[os_] == text[s] and PAGE[oe - 1] == text[e - 1]


def test_clean_text_of_clean_input_is_identity() -> None:
    original = "Troops left the city.\n\nThe army said the withdrawal was complete and the roads were open.\n"
    result = clean_text(original)
    assert result.text == original
    assert result.removed == [] and result.joins == []
    assert result.offsets.to_original(0, len(original)) == (0, len(original))


def test_headline_is_kept_apart_from_the_body() -> None:
    result = clean_text(
        "Army retakes the port\nThe army said on Sunday it had retaken the port after a week of fighting.\n"
    )
    assert result.text.startswith("Army retakes the port\n\nThe army said")
    start = result.text.index("The army")
    assert result.offsets.to_original(start, start + 8) == (22, 30)


def test_subheading_on_its_own_line_is_kept_apart_but_wrapped_lines_are_not() -> None:
    page = (
        "Army retakes the port\n\n"
        "The army said on Sunday it had retaken the port after a week of fighting, officials said.\n\n"
        "Civilians flee\n"
        "Thousands of civilians left the city on foot as the fighting spread to the northern districts.\n\n"
        "The ministry of defence said that its forces had\n"
        "secured the airport and the road to the capital.\n"
    )
    text = clean_text(page).text
    assert "Civilians flee\n\nThousands" in text
    assert "forces had\nsecured the airport" in text


def test_invisible_characters_and_lone_carriage_returns() -> None:
    original = "\ufeffTroops\u200b left\u00a0the city.\rThey returned."
    result = clean_text(original)
    # the lone \r becomes an inserted \n, and the headline gets its blank line
    assert result.text == "Troops left the city.\n\nThey returned."
    i = result.text.index("left")
    assert result.offsets.to_original(i, i + 4) == (original.index("left"), original.index("left") + 4)


def test_clean_document_fills_the_document() -> None:
    doc = Document(doc_id="t1", original=PAGE)
    clean_document(doc)
    assert doc.text == clean_text(PAGE).text
    assert doc.offsets is not None
    assert any(span.text == "Source link" for span in doc.removed_lines)
    start = doc.text.index("According to the ministry")
    span = doc.span(start, start + len("According to the ministry"))
    assert span.text == "According to the ministry"
    assert PAGE[span.start : span.end] == span.text


_FRAGMENTS = [
    "The army said it had retaken the town.",
    "Officials met in the capital.Reporters waited outside.",
    "Aid reached the regionIncluding food and medicine.",
    "Share this:",
    "Facebook",
    "Source link",
    "Leave a Reply",
    "Related Articles",
    "Talks stalled",
    "A short headline",
    "Back to top",
    "Troops\u00a0withdrew\u200b on Friday.",
    "",
    "   ",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENTS), max_size=14),
    st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\r"]), min_size=14, max_size=14),
)
def test_random_pages_keep_every_kept_character(fragments: list[str], breaks: list[str]) -> None:
    original = "".join(f + b for f, b in zip(fragments, breaks, strict=False))
    result = clean_text(original)
    text, offsets = result.text, result.offsets
    # every copied character maps to itself; the map is monotone
    last = -1
    for i, ch in enumerate(text):
        pos = offsets.original_index(i)
        assert pos >= last
        last = pos
        if offsets.is_copied(i):
            assert original[pos] == ch
        else:
            assert ch in " \n"  # only separators are ever inserted
    # the visible characters are those of the original outside the removed lines, in order
    removed = [(s, e) for s, e, _ in result.removed]
    kept = "".join(
        ch
        for i, ch in enumerate(original)
        if not any(s <= i < e for s, e in removed) and ch not in "\u200b\ufeff"
    )
    assert _squash(text) == _squash(kept)


def _shared_dir() -> Path:
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    if not shared.is_dir():
        pytest.fail(f"shared/ folder not found at {shared}: it must be the sibling of the project root")
    return shared


def test_seed_page() -> None:
    path = _shared_dir() / "seed" / "000_6f4f7caacab94e9b.txt"
    if not path.is_file():
        pytest.fail(f"seed page not found: {path}")
    original = path.read_text(encoding="utf-8")
    result = clean_text(original)
    removed = [original[s:e] for s, e, _ in result.removed]
    lines = original.splitlines()
    # the headline is kept, first
    headline = next(line for line in lines if line.strip())
    assert result.text.startswith(headline.strip())
    # "related news" is removed
    assert any(line.strip().lower() == "related news" for line in removed)
    # "Source link" and every line after it are removed
    idx = next(i for i, line in enumerate(lines) if line.strip().lower() == "source link")
    tail = [line.strip() for line in lines[idx:] if line.strip()]
    assert tail and all(line in [r.strip() for r in removed] for line in tail)
    # no article sentence is removed: every line before the tail with a sentence is kept whole
    for line in lines[:idx]:
        words = line.split()
        if len(words) >= 6 and re.search(r"[.!?\"”]\s*$", line):
            assert line not in removed
            assert _squash(line) in _squash(result.text)
    # the glued sentence is split
    assert "colony.According" in original
    assert "colony. According" in result.text
