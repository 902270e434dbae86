"""Every CAMEO code the event coder can emit (lexicon rows, frame recodings, appeals, merged verdicts) against
the external references in ../shared/benchmarks: PLOVER type and mode against CAMEO2PLOVER-2021.txt,
Goldstein against GDELT's lookup, QuadClass against the QuadClass GDELT itself gives in its event export
(tests/knowledge/test_cameo.py checks the whole CAMEO table; this checks the codes the coder uses)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.events import frames
from eventwire.events.lexicon import default_lexicon
from eventwire.events.stage import OBLIGATION_MODALS
from eventwire.knowledge.cameo import CameoTable, default_cameo_table
from eventwire.merge.stage import VERDICT_CODES

ANNOTATION_OVERRIDES = {"016": ("REJECT", None)}
"""ANNOTATION.md: roots 01 and 02 have no PLOVER type, except 016 (deny) -> REJECT."""
KNOWN_QUAD_DIFFERENCES: dict[str, tuple[int, int]] = {}
"""Roots where GDELT's own export disagrees with eventwire.knowledge.cameo's quad-class rule. None since the
knowledge module follows GDELT's grouping (09 investigations in material cooperation, 14 protests in verbal
conflict); pinned so that any difference fails."""
EXPORT_EVENT_CODE, EXPORT_QUAD_CLASS = 26, 29
"""0-based columns of GDELT 2.0's event export (schema/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016)."""


def emitted_codes() -> set[str]:
    codes = {p.cameo for p in default_lexicon().predicates}
    for table in (frames.INTENT_CODES, frames.THREAT_CODES, frames.REFUSAL_CODES, frames.CESSATION_CODES):
        codes |= set(table.values())
    codes |= {"030", "035", "120", "124", "130", "160"}  # the frames' general codes
    codes |= set(OBLIGATION_MODALS.values()) | set(VERDICT_CODES)
    return codes


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return default_cameo_table()


@pytest.fixture(scope="module")
def plover_2021(shared_dir: Path) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """Data lines (first occurrence) and root headers (first occurrence) of the 2021 table."""
    entries: dict[str, tuple[str, str | None]] = {}
    headers: dict[str, str] = {}
    path = shared_dir / "benchmarks" / "plover" / "CAMEO2PLOVER-2021.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        match = re.fullmatch(r"([0-9]{2,4}):\s*(.*)", body)
        if match is None:
            continue
        code, rest = match.groups()
        if "," in rest:
            event, mode = (part.strip() for part in rest.split(",")[:2])
            entries.setdefault(code, (event, mode or None))
        else:
            headers.setdefault(code, rest.strip())
    return entries, headers


def expected_plover(
    code: str, entries: dict[str, tuple[str, str | None]], headers: dict[str, str]
) -> tuple[str | None, str | None]:
    """The 2021 table's type and mode for ``code``: its own line, else its nearest listed parent's, else its
    root's section header (no mode); ANNOTATION.md's rule for roots 01 and 02."""
    if code in ANNOTATION_OVERRIDES:
        return ANNOTATION_OVERRIDES[code]
    if code[:2] in {"01", "02"}:
        return None, None
    for n in range(len(code), 2, -1):
        if code[:n] in entries:
            return entries[code[:n]]
    return headers.get(code[:2]), None


def test_emitted_codes_are_cameo_codes(table: CameoTable) -> None:
    missing = sorted(c for c in emitted_codes() if c not in table)
    assert not missing, f"codes the coder can emit that are not CAMEO codes: {missing}"


def test_plover_type_and_mode_agree_with_the_2021_table(
    table: CameoTable, plover_2021: tuple[dict[str, tuple[str, str | None]], dict[str, str]]
) -> None:
    entries, headers = plover_2021
    wrong = {}
    for code in sorted(emitted_codes()):
        entry = table.get(code)
        ours = (entry.plover, entry.plover_mode)
        theirs = expected_plover(code, entries, headers)
        if ours != theirs:
            wrong[code] = f"ours {ours}, 2021 table {theirs}"
    assert not wrong, f"PLOVER type/mode disagreements: {wrong}"


def test_goldstein_agrees_with_gdelt(table: CameoTable, shared_dir: Path) -> None:
    path = shared_dir / "benchmarks" / "gdelt" / "lookups" / "CAMEO.goldsteinscale.txt"
    gdelt = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            code, value = line.split("\t")[:2]
            gdelt[code.strip()] = float(value)
    wrong = {
        c: (table.goldstein(c), gdelt.get(c)) for c in emitted_codes() if table.goldstein(c) != gdelt.get(c)
    }
    assert not wrong, f"Goldstein values differing from GDELT (ours, GDELT): {wrong}"


def test_quad_class_agrees_with_gdelt_export(table: CameoTable, shared_dir: Path) -> None:
    path = shared_dir / "benchmarks" / "gdelt" / "20191024143000.export.CSV"
    seen: dict[str, set[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > EXPORT_QUAD_CLASS and cols[EXPORT_EVENT_CODE].isdigit():
            seen.setdefault(cols[EXPORT_EVENT_CODE][:2], set()).add(int(cols[EXPORT_QUAD_CLASS]))
    assert all(len(v) == 1 for v in seen.values()), f"GDELT gives one QuadClass per root: {seen}"
    checked = [c for c in emitted_codes() if c[:2] in seen]
    assert len({c[:2] for c in checked}) >= 18, "the export should cover nearly every root the coder uses"
    wrong = {
        c[:2]: (table.quad_class(c), min(seen[c[:2]]))
        for c in checked
        if table.quad_class(c) not in seen[c[:2]]
    }
    assert wrong == KNOWN_QUAD_DIFFERENCES, f"QuadClass differing from GDELT's export (ours, GDELT): {wrong}"


def test_frame_tables_keep_their_roots() -> None:
    for target_root, table in (
        ("03", frames.INTENT_CODES),
        ("13", frames.THREAT_CODES),
        ("12", frames.REFUSAL_CODES),
        ("16", frames.CESSATION_CODES),
    ):
        assert {code[:2] for code in table.values()} == {target_root}, target_root
