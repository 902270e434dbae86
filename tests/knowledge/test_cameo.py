"""The CAMEO table against GDELT's lookups and the 2021 CAMEO -> PLOVER table, plus the loader's rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.knowledge.cameo import (
    CameoCode,
    CameoTable,
    CameoTableError,
    UnknownCameoCode,
    default_cameo_table,
    quad_class_of_root,
)

# Pinned facts of the benchmark files (see shared/benchmarks/*/SOURCE.md).
GDELT_CODE_COUNT = 311
PLOVER_2021_NON_COMMENT_LINES = 277
# In the 2021 CAMEO -> PLOVER table but not CAMEO 1.1b3 codes (absent from GDELT's lookups).
PLOVER_ONLY_CODES = {"1213", "1214"}
MIN_PARAPHRASED_SHARE = 0.90


# --- benchmark readers -------------------------------------------------------------------------------


def _read_gdelt_lookup(path: Path, header: str) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].strip() == header, f"{path}: unexpected header {lines[:1]}"
    table: dict[str, str] = {}
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        code, value = line.split("\t")[:2]
        assert code not in table, f"{path}, line {lineno}: duplicate code {code}"
        table[code.strip()] = value
    return table


@pytest.fixture(scope="module")
def gdelt_descriptions(shared_dir: Path) -> dict[str, str]:
    path = shared_dir / "benchmarks" / "gdelt" / "lookups" / "CAMEO.eventcodes.txt"
    return _read_gdelt_lookup(path, "CAMEOEVENTCODE\tEVENTDESCRIPTION")


@pytest.fixture(scope="module")
def gdelt_goldstein(shared_dir: Path) -> dict[str, float]:
    path = shared_dir / "benchmarks" / "gdelt" / "lookups" / "CAMEO.goldsteinscale.txt"
    return {code: float(v) for code, v in _read_gdelt_lookup(path, "CAMEOEVENTCODE\tGOLDSTEINSCALE").items()}


_PLOVER_LINE = re.compile(r"^(?P<code>[0-9]{2,4}):\s*(?P<rest>.*)$")


class Plover2021:
    """The parsed CAMEO2PLOVER-2021.txt.

    Data lines ``CODE: EVENT, MODE, CONTEXT # description`` go to ``entries`` (every occurrence kept, the
    file lists 175 twice); section headers ``NN: EVENT`` go to ``headers`` (08 appears twice, as CONCEDE
    and as RETREAT). Comment lines start with ``#``; the file ends with a ``~~~~~`` rule. Any other line
    is collected in ``odd_lines`` so that a test can fail on it.
    """

    def __init__(self, path: Path) -> None:
        self.entries: dict[str, list[tuple[str, str | None]]] = {}
        self.headers: dict[str, list[str]] = {}
        self.odd_lines: list[tuple[int, str]] = []
        self.non_comment_lines = 0
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            self.non_comment_lines += 1
            if set(stripped) == {"~"}:
                continue
            match = _PLOVER_LINE.match(stripped.split("#", 1)[0].strip())
            if match is None:
                self.odd_lines.append((lineno, line))
                continue
            code, rest = match["code"], match["rest"]
            if "," in rest:
                event, mode, _context = (part.strip() for part in rest.split(",", 2))
                if not re.fullmatch(r"[A-Z]+", event):
                    self.odd_lines.append((lineno, line))
                    continue
                self.entries.setdefault(code, []).append((event, mode or None))
            elif len(code) == 2 and re.fullmatch(r"[A-Z]+", rest.strip()):
                self.headers.setdefault(code, []).append(rest.strip())
            else:
                self.odd_lines.append((lineno, line))


@pytest.fixture(scope="module")
def plover_2021(shared_dir: Path) -> Plover2021:
    return Plover2021(shared_dir / "benchmarks" / "plover" / "CAMEO2PLOVER-2021.txt")


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return default_cameo_table()


def _plover_file_rows() -> dict[str, tuple[str | None, str | None]]:
    """Our packaged cameo_plover.tsv as the loader reads it (including rows outside the CAMEO table)."""
    from importlib.resources import files

    from eventwire.knowledge.cameo import _parse_plover

    resource = files("eventwire") / "data" / "cameo_plover.tsv"
    return _parse_plover(resource.read_text(encoding="utf-8"), str(resource))


# --- agreement with the benchmarks ---------------------------------------------------------------------


def test_code_set_equals_gdelt(table: CameoTable, gdelt_descriptions: dict[str, str]) -> None:
    ours, theirs = set(table.codes()), set(gdelt_descriptions)
    missing, extra = sorted(theirs - ours), sorted(ours - theirs)
    assert not missing and not extra, f"missing from our table: {missing}; not in GDELT's lookup: {extra}"
    assert len(table) == GDELT_CODE_COUNT


def test_goldstein_equals_gdelt(table: CameoTable, gdelt_goldstein: dict[str, float]) -> None:
    wrong = {
        code: (table.goldstein(code), value)
        for code, value in gdelt_goldstein.items()
        if code in table and abs(table.goldstein(code) - value) > 1e-9
    }
    assert not wrong, f"Goldstein values differing from GDELT (ours, GDELT): {wrong}"


def test_plover_2021_file_fully_parsed(plover_2021: Plover2021) -> None:
    assert not plover_2021.odd_lines, f"unparsed lines in CAMEO2PLOVER-2021.txt: {plover_2021.odd_lines}"
    assert plover_2021.non_comment_lines == PLOVER_2021_NON_COMMENT_LINES
    conflicting = {c: v for c, v in plover_2021.entries.items() if len(set(v)) > 1}
    assert not conflicting, f"codes listed twice with different values: {conflicting}"


def test_plover_map_agrees_with_2021_table(table: CameoTable, plover_2021: Plover2021) -> None:
    file_rows = _plover_file_rows()
    disagreements: dict[str, str] = {}
    for code, values in plover_2021.entries.items():
        expected = values[0]
        if code in table:
            entry = table.get(code)
            ours = (entry.plover, entry.plover_mode)
        else:
            assert code in PLOVER_ONLY_CODES, f"{code} is in the 2021 table but in neither CAMEO nor our list"
            ours = file_rows.get(code, (None, None))
        if ours != expected:
            disagreements[code] = f"ours {ours}, 2021 table {expected}"
        if file_rows.get(code) != expected:
            disagreements[code + " (cameo_plover.tsv row)"] = f"ours {file_rows.get(code)}, 2021 {expected}"
    assert not disagreements, f"PLOVER disagreements: {disagreements}"


def test_plover_roots_agree_with_2021_section_headers(table: CameoTable, plover_2021: Plover2021) -> None:
    assert plover_2021.headers, "no section headers parsed"
    wrong = {
        root: (table.plover_type(root), names)
        for root, names in plover_2021.headers.items()
        if table.plover_type(root) not in names
    }
    assert not wrong, f"root types not among the 2021 section headers (ours, headers): {wrong}"
    # 08 is listed as CONCEDE and again as RETREAT; we keep CONCEDE, the type of 080.
    assert table.plover_type("08") == "CONCEDE" == table.plover_type("080")


def test_statement_and_appeal_roots_have_no_plover_type_except_denial(table: CameoTable) -> None:
    for code in table.codes():
        if code[:2] in ("01", "02"):
            expected = "REJECT" if code.startswith("016") else None
            assert table.plover_type(code) == expected, code
            if expected is None:
                assert table.get(code).plover_mode is None, code
    # The 2021 table has no rows for roots 01 and 02; nothing to record beyond the empty root rows.
    rows = _plover_file_rows()
    assert rows["01"] == (None, None) and rows["02"] == (None, None)


def test_every_code_outside_01_02_has_a_plover_type(table: CameoTable) -> None:
    untyped = [c for c in table.codes() if c[:2] not in ("01", "02") and table.plover_type(c) is None]
    assert not untyped, f"codes without a PLOVER type: {untyped}"


def test_names_are_paraphrased(table: CameoTable, gdelt_descriptions: dict[str, str]) -> None:
    same = [
        code
        for code, description in gdelt_descriptions.items()
        if code in table and table.get(code).name.strip().lower() == description.strip().lower()
    ]
    share = 1 - len(same) / len(gdelt_descriptions)
    assert share >= MIN_PARAPHRASED_SHARE, f"names copied from GDELT's descriptions: {same}"


def test_names_are_present_and_single_line(table: CameoTable) -> None:
    for code in table.codes():
        name = table.get(code).name
        assert name and name == name.strip() and "\t" not in name and "\n" not in name, code


# --- loader rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 2)]
    + [("10", 3), ("13", 3), ("14", 3), ("15", 4), ("20", 4)],
)
def test_quad_class_rule(root: str, quad: int) -> None:
    assert quad_class_of_root(root) == quad


@pytest.mark.parametrize("bad", ["00", "21", "99", "1", "042", "ab", "", "١٢"])
def test_quad_class_rejects_non_roots(bad: str) -> None:
    with pytest.raises(ValueError, match="not a CAMEO root"):
        quad_class_of_root(bad)


def test_every_code_carries_the_quad_class_of_its_root(table: CameoTable) -> None:
    for code in table.codes():
        entry = table.get(code)
        assert entry.root == code[:2]
        assert entry.quad_class == table.quad_class(code) == quad_class_of_root(code[:2]), code
    samples = ("042", "057", "073", "0874", "093", "112", "1246", "141", "173", "2042")
    assert [table.quad_class(c) for c in samples] == [1, 1, 2, 2, 2, 3, 3, 3, 4, 4]


def test_entry_fields(table: CameoTable) -> None:
    entry = table.get("0874")
    assert isinstance(entry, CameoCode)
    assert (entry.code, entry.root, entry.goldstein, entry.quad_class) == ("0874", "08", 10.0, 2)
    assert (entry.plover, entry.plover_mode) == ("RETREAT", "disarm")
    assert table.root_name("08") == table.get("08").name == table.root_name("0874")
    assert table.codes() == sorted(table.codes())
    assert "042" in table and "42" not in table and "2043" not in table


def test_default_table_is_cached() -> None:
    assert default_cameo_table() is default_cameo_table()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


CODES_TSV = """# a small table
code\tname\tgoldstein
02\tappeal\t3.0
023\task for aid\t3.4
0231\task for economic aid\t3.4
016\tdeny\t-2.0
01\tstatement\t0.0
14\tprotest\t-6.5
140\tdissent\t-6.5
141\trally\t-6.5
1411\trally for leaders\t-6.5
"""

PLOVER_TSV = """code\tplover\tmode
01\tAGREE\tsomething
02\tREQUEST\t
14\tPROTEST
141\tPROTEST\tdemo
"""


def test_parent_inheritance(tmp_path: Path) -> None:
    table = CameoTable.load(_write(tmp_path, "c.tsv", CODES_TSV), _write(tmp_path, "p.tsv", PLOVER_TSV))
    assert (table.get("1411").plover, table.get("1411").plover_mode) == ("PROTEST", "demo")  # from 141
    assert (table.get("140").plover, table.get("140").plover_mode) == ("PROTEST", None)  # from 14
    # 0231 -> 023 -> 02: roots 01/02 have no PLOVER type whatever the file says, except 016 -> REJECT.
    assert table.plover_type("0231") is None and table.plover_type("02") is None
    assert table.plover_type("01") is None and table.get("01").plover_mode is None
    assert table.plover_type("016") == "REJECT"


def test_packaged_table_inherits_for_unlisted_codes(table: CameoTable) -> None:
    # 0231 has no row of its own in cameo_plover.tsv: it inherits 02's (none).
    assert "0231" not in _plover_file_rows()
    assert table.plover_type("0231") is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("141\trally", "expected 3 tab-separated fields"),
        ("141\trally\t-6.5\textra", "expected 3 tab-separated fields"),
        ("141\trally\tlots", "Goldstein value 'lots'"),
        ("141\trally\t-11", "not a number from -10 to 10"),
        ("141\t\t-6.5", "empty name"),
        ("41\trally\t-6.5", "not a CAMEO root"),
        ("1x1\trally\t-6.5", "not a CAMEO code"),
        ("140\tagain\t-6.5", "already on line 4"),
        ("1419\torphan\t-6.5", "no parent code 141"),
    ],
)
def test_malformed_codes_line(tmp_path: Path, line: str, message: str) -> None:
    text = "# header comment\ncode\tname\tgoldstein\n14\tprotest\t-6.5\n140\tdissent\t-6.5\n" + line + "\n"
    codes = _write(tmp_path, "bad_codes.tsv", text)
    plover = _write(tmp_path, "p.tsv", PLOVER_TSV)
    with pytest.raises(ValueError) as info:
        CameoTable.load(codes, plover)
    text_of_error = str(info.value)
    assert isinstance(info.value, CameoTableError)
    assert "bad_codes.tsv" in text_of_error and "line 5" in text_of_error, text_of_error
    assert message in text_of_error, text_of_error


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("141\tPROTST\tdemo", "not a PLOVER event type"),
        ("141\t\tdemo", "without a PLOVER type"),
        ("141\tPROTEST\tDemo Mode", "not a PLOVER mode"),
        ("14\tPROTEST\t", "already on line 2"),
        ("141\tPROTEST\tdemo\tx", "expected 3 tab-separated fields"),
    ],
)
def test_malformed_plover_line(tmp_path: Path, line: str, message: str) -> None:
    codes = _write(tmp_path, "c.tsv", CODES_TSV)
    plover = _write(tmp_path, "bad_plover.tsv", "code\tplover\tmode\n14\tPROTEST\t\n" + line + "\n")
    with pytest.raises(ValueError, match=re.escape(message)) as info:
        CameoTable.load(codes, plover)
    assert "bad_plover.tsv, line 3" in str(info.value)


def test_missing_header_is_reported(tmp_path: Path) -> None:
    codes = _write(tmp_path, "noheader.tsv", "# comment\n14\tprotest\t-6.5\n")
    with pytest.raises(ValueError, match=r"noheader\.tsv, line 2: expected the column header"):
        CameoTable.load(codes, _write(tmp_path, "p.tsv", PLOVER_TSV))


def test_unknown_code(table: CameoTable) -> None:
    with pytest.raises(KeyError) as info:
        table.get("42")
    assert isinstance(info.value, UnknownCameoCode)
    message = str(info.value)
    assert "'42'" in message and "cameo_codes.tsv" in message and "'042'" in message, message
    for method in (table.goldstein, table.quad_class, table.plover_type, table.root_name):
        with pytest.raises(UnknownCameoCode):
            method("99")
