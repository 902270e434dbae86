"""Datelines at the start of a paragraph are cut off from the first sentence (invented examples)."""

import pytest

from eventwire.clean.datelines import find_dateline
from eventwire.clean.text import clean_text


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("NAIROBI (Reuters) - Kenyan police arrested a protest leader.", "NAIROBI (Reuters) - "),
        ("BEIRUT (AP) — A militia spokesman says the town fell.", "BEIRUT (AP) — "),
        ("Hanoi (VNA) – Vietnam wants closer ties.", "Hanoi (VNA) – "),
        ("NAIROBI, Kenya, Apr 5 – The Chief Justice denied the claims.", "NAIROBI, Kenya, Apr 5 – "),
        ("By LAGOS, Nigeria, May 2 - Police said.", "By LAGOS, Nigeria, May 2 - "),
    ],
)
def test_datelines_are_found(line: str, dateline: str) -> None:
    assert line[: find_dateline(line)] == dateline


@pytest.mark.parametrize(
    "line",
    [
        "NATO - the alliance said it would send ships.",  # an acronym and a dash, no place, date or agency
        "UPDATE: The inmates were caught.",
        "France is worried about the deal.",
        "The army (SAA) - said nothing.",
        "MEXICO CITY (AP)",  # nothing after it
    ],
)
def test_other_lines_have_no_dateline(line: str) -> None:
    assert find_dateline(line) is None


def test_clean_text_ends_the_dateline_with_a_line_break() -> None:
    original = "Headline here\n\nNAIROBI (Reuters) - Kenyan police arrested a protest leader.\n"
    result = clean_text(original)
    assert "NAIROBI (Reuters) - \nKenyan police" in result.text
    start = result.text.index("Kenyan")
    s, e = result.offsets.to_original(start, start + len("Kenyan police"))
    assert original[s:e] == "Kenyan police"
