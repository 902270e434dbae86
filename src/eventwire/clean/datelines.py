"""Wire-style datelines at the start of a paragraph: "NAIROBI (Reuters) - ", "BEIRUT, Lebanon, April 5 — ",
"Hanoi (VNA) – ".

The dateline names where the story was filed, not an actor; glued to the first sentence it becomes its
subject in the parse ("NAIROBI (Reuters) - Kenyan police arrested ..." has NAIROBI as subject). The clean
stage ends the dateline with a line break so the sentence parses on its own.
"""

from __future__ import annotations

import re

_PLACE_CAPS = r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
_PLACE_TITLE = r"[A-Z][a-z'’.\-]+(?: [A-Z][a-z'’.\-]+){0,3}"
_EXTRA = r"(?:, ?[A-Z0-9][A-Za-z0-9.'’ ]{1,30}?){1,3}"  # ", Kenya", ", Apr 5", ", March 3"
_AGENCY = r"\([^()\n]{2,80}\)"
_DASH = r"\s*[-–—:]\s+"

_CAPS_DATELINE = rf"{_PLACE_CAPS}(?:{_EXTRA}(?: ?{_AGENCY})?| ?{_AGENCY})"
_TITLE_DATELINE = rf"{_PLACE_TITLE}(?:{_EXTRA})? ?{_AGENCY}"
DATELINE_RE = re.compile(rf"^(?:By )?(?:{_CAPS_DATELINE}|{_TITLE_DATELINE}){_DASH}")
"""An all-capitals place with a country, date or agency ("NAIROBI, Kenya, Apr 5", "BEIRUT (AP)"), or a
title-case place with an agency in brackets ("Hanoi (VNA)"), then a dash or colon. A bare "NATO - " or
"UPDATE: " is not a dateline."""

MAX_DATELINE_CHARS = 120


def find_dateline(line: str) -> int | None:
    """The length of the dateline at the start of ``line`` (up to the first word after the dash), or None."""
    match = DATELINE_RE.match(line)
    if match is None or match.end() > MAX_DATELINE_CHARS or match.end() >= len(line.rstrip()):
        return None
    return match.end()
