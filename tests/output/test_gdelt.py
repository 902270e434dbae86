"""The GDELT 2.0 export: column layout and cell shapes, checked against GDELT's schema and a real export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import code_text
from eventwire.knowledge.gazetteer import ACTOR_TYPES
from eventwire.output.gdelt import (
    GDELT_COLUMNS,
    default_actor_types,
    fips_code,
    gdelt_row,
    global_event_id,
    load_actor_types,
    write_gdelt,
)
from eventwire.pipeline import Pipeline

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GDELT_DIR = PROJECT_ROOT.parent / "shared" / "benchmarks" / "gdelt"
SCHEMA = GDELT_DIR / "schema" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
EXPORT = GDELT_DIR / "20191024143000.export.CSV"
CAMEO_TYPES = GDELT_DIR / "lookups" / "CAMEO.type.txt"
DATA = PROJECT_ROOT / "src" / "eventwire" / "data"
EXAMPLE = PROJECT_ROOT / "examples" / "article.txt"

DELIBERATELY_EMPTY = {"AvgTone"}
"""Columns the real export always fills and we leave empty (documented in eventwire.output.gdelt)."""

COL = {name: n for n, name in enumerate(GDELT_COLUMNS)}


def shared_file(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"shared GDELT file missing: {path}")
    return path


def make_record(**changes: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": "e0f67e8006f9dd50c7f4",
        "doc": "a99f0e8ce27f48d74515",
        "cameo": "0841",
        "cameo_root": "08",
        "plover": "RETREAT",
        "goldstein": 7.0,
        "quad_class": 2,
        "source": {"text": "the Malian government", "name": None, "country": "MLI", "type": "GOV",
                   "start": 250, "end": 271},
        "target": {"text": "Wagner", "name": "Wagner Group", "country": "RUS", "type": "PMC",
                   "start": 282, "end": 288},
        "date": "2021-12-24",
        "date_precision": "day",
        "date_span": None,
        "location": {"text": "Bamako", "name": "Bamako", "country": "MLI", "lat": 12.65, "lon": -8.0,
                     "start": 10, "end": 16},
        "status": "asserted",
        "attributed_to": None,
        "quantities": [],
        "evidence": {"text": "The Malian government released Wagner.", "start": 169, "end": 324},
        "trigger": {"text": "released", "start": 274, "end": 281},
        "other_mentions": [],
        "confidence": 0.8,
        "rule": "test",
        "article": {"url": "https://example.org/mali", "pub_date": "2021-12-26",
                    "ingested_at": "2021-12-26T15:30:00+00:00", "title": "Mali", "outlet": "x"},
    }  # fmt: skip
    rec.update(changes)
    return rec


def cell(rec: dict[str, Any], column: str) -> str:
    return gdelt_row(rec)[COL[column]]


# --- layout -----------------------------------------------------------------------------------------


def test_columns_match_the_schema_file() -> None:
    with shared_file(SCHEMA).open(encoding="utf-8", newline="") as fh:
        names = [row["tableId"] for row in csv.DictReader(fh)]
    assert list(GDELT_COLUMNS) == names
    assert len(GDELT_COLUMNS) == 61


def test_no_header_by_default_and_header_on_request() -> None:
    plain, headed = io.StringIO(), io.StringIO()
    write_gdelt([make_record()], plain)
    write_gdelt([make_record()], headed, header=True)
    assert plain.getvalue().splitlines()[0].split("\t")[0].isdigit()
    lines = headed.getvalue().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert lines[1] == plain.getvalue().splitlines()[0]


def _column_pattern(values: list[str]) -> str:
    """The narrowest of a ladder of shapes that every non-empty value of a real column fits."""
    filled = [v for v in values if v]
    if not filled:
        return ""
    low, high = min(map(len, filled)), max(map(len, filled))
    for pattern in (
        rf"[0-9]{{{low},{high}}}",
        r"-?[0-9]+",
        r"-?[0-9]+(\.[0-9]+)?",
        rf"[A-Za-z]{{{low},{high}}}",
        rf"[A-Z0-9]{{{low},{high}}}",
        r"-?[A-Z0-9]+",
    ):
        if all(re.fullmatch(pattern, v) for v in filled):
            return pattern
    return r"[^\t\r\n]+"


@pytest.fixture(scope="module")
def real_shapes() -> dict[str, tuple[re.Pattern[str], bool]]:
    """Column name -> (shape of its filled cells, whether the real file has empty cells) from the export."""
    with shared_file(EXPORT).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows and all(len(r) == 61 for r in rows)
    shapes = {}
    for n, name in enumerate(GDELT_COLUMNS):
        values = [r[n] for r in rows]
        shapes[name] = (re.compile(_column_pattern(values)), any(v == "" for v in values))
    # GDELT's ids are sequential 9-digit numbers; ours are hashes: any non-negative int64 (19 digits at most).
    shapes["GLOBALEVENTID"] = (re.compile(r"[0-9]{1,19}"), False)
    return shapes


def shape_problems(row: list[str], shapes: dict[str, tuple[re.Pattern[str], bool]]) -> list[str]:
    problems = []
    for name, value in zip(GDELT_COLUMNS, row, strict=True):
        pattern, empty_ok = shapes[name]
        if value == "":
            if not (empty_ok or name in DELIBERATELY_EMPTY):
                problems.append(f"{name} is empty, never so in GDELT's export")
        elif not pattern.fullmatch(value):
            problems.append(f"{name}={value!r} does not fit GDELT's shape {pattern.pattern!r}")
    return problems


def test_the_derived_shapes_are_strict_enough(real_shapes: dict[str, tuple[re.Pattern[str], bool]]) -> None:
    assert real_shapes["SQLDATE"][0].pattern == "[0-9]{8,8}"
    assert real_shapes["EventCode"][0].pattern == "[0-9]{3,4}"
    assert real_shapes["ActionGeo_CountryCode"][0].pattern == "[A-Za-z]{2,2}"
    bad = gdelt_row(make_record())
    bad[COL["EventRootCode"]] = "8"
    bad[COL["DATEADDED"]] = ""
    assert len(shape_problems(bad, real_shapes)) == 2


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"location": {"text": "Mali", "name": "Mali", "country": "MLI", "lat": None, "lon": None,
                      "start": 1, "end": 5}},
        {"location": {"text": "Texas", "name": "Texas", "country": "USA", "lat": 31.1, "lon": -97.6,
                      "start": 1, "end": 5}},
        {"source": {"text": "the UN", "name": "United Nations", "country": "IGO", "type": "IGO",
                    "start": 1, "end": 3}, "cameo": "04", "cameo_root": "04", "goldstein": 1},
    ],
)  # fmt: skip
def test_cells_fit_the_shape_of_the_real_export(
    changes: dict[str, Any], real_shapes: dict[str, tuple[re.Pattern[str], bool]]
) -> None:
    row = gdelt_row(make_record(**changes))
    assert len(row) == 61
    assert shape_problems(row, real_shapes) == []


# --- individual cells --------------------------------------------------------------------------------


def test_a_full_row() -> None:
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_record()), strict=True))
    assert row["SQLDATE"] == "20211224" and row["MonthYear"] == "202112" and row["Year"] == "2021"
    assert row["FractionDate"] == f"{2021 + (11 * 30 + 24) / 365:.4f}"
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("MLIGOV", "MLI", "GOV")
    assert row["Actor1Name"] == "THE MALIAN GOVERNMENT"
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2Type1Code"]) == ("RUSUAF", "WAGNER GROUP", "UAF")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("0841", "084", "08")
    assert (row["QuadClass"], row["GoldsteinScale"], row["AvgTone"]) == ("2", "7.0", "")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    assert row["Actor1Geo_Type"] == row["Actor2Geo_Type"] == "0" and row["Actor1Geo_FullName"] == ""
    assert row["ActionGeo_Type"] == "4" and row["ActionGeo_FullName"] == "Bamako, Mali"
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_Lat"], row["ActionGeo_Long"]) == (
        "ML",
        "12.65",
        "-8",
    )
    assert row["DATEADDED"] == "20211226153000"
    assert row["SOURCEURL"] == "https://example.org/mali"
    assert row["IsRootEvent"] == "1"


def test_codes_keep_leading_zeros() -> None:
    rec = make_record(cameo="0231", cameo_root="02")
    assert cell(rec, "EventCode") == "0231" and cell(rec, "EventBaseCode") == "023"
    assert cell(rec, "EventRootCode") == "02"
    assert cell(make_record(cameo="01", cameo_root="01"), "EventCode") == "010"


@pytest.mark.parametrize(
    ("iso3", "fips"),
    [
        ("MLI", "ML"),
        ("FRA", "FR"),
        ("RUS", "RS"),
        ("GBR", "UK"),
        ("DEU", "GM"),
        ("USA", "US"),
        ("IGO", ""),
        (None, ""),
    ],
)
def test_fips_conversion(iso3: str | None, fips: str) -> None:
    assert fips_code(iso3) == fips


def test_geo_types() -> None:
    def geo(**loc: Any) -> list[str]:
        base = {"text": "x", "name": "x", "country": None, "lat": None, "lon": None, "start": 0, "end": 1}
        row = gdelt_row(make_record(location={**base, **loc}))
        return row[COL["ActionGeo_Type"] : COL["ActionGeo_FeatureID"] + 1]

    assert geo(name="Mali", country="MLI") == ["1", "Mali", "ML", "ML", "", "", "", "ML"]
    assert geo(name="Russia", country="RUS")[0] == "1"
    assert geo(name="Texas", country="USA", lat=31.1, lon=-97.6)[:4] == [
        "2",
        "Texas, United States",
        "US",
        "USTX",
    ]
    assert geo(name="Chicago", country="USA", lat=41.85, lon=-87.65)[0] == "3"
    assert geo(name="Paris", country="FRA", lat=48.85, lon=2.35)[:3] == ["4", "Paris, France", "FR"]
    assert geo(name="Kidal Region", country="MLI")[0] == "5"
    assert geo(name="Africa", country=None) == ["0", "", "", "", "", "", "", ""]
    assert gdelt_row(make_record(location=None))[COL["ActionGeo_Type"]] == "0"


def test_igo_and_ngo_actors_are_written_like_gdelt() -> None:
    un = {"text": "the UN", "name": "United Nations", "country": "IGO", "type": "IGO", "start": 1, "end": 3}
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_record(source=un)), strict=True))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("IGO", "", "IGO")
    msf = {**un, "country": "NGO", "type": "MED"}
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_record(source=msf)), strict=True))
    assert (row["Actor1Code"], row["Actor1Type1Code"], row["Actor1Type2Code"]) == ("NGOMED", "NGO", "MED")
    nobody = {**un, "country": None, "type": "COP", "name": None, "text": "police"}
    assert cell(make_record(source=nobody), "Actor1Code") == "COP"


def test_dates_fall_back_to_the_publication_day() -> None:
    assert cell(make_record(date=None), "SQLDATE") == "20211226"
    assert cell(make_record(date="--12-20"), "SQLDATE") == "20211226"
    assert cell(make_record(date="2021-12"), "SQLDATE") == "20211226"
    assert cell(make_record(date="2020"), "SQLDATE") == ""  # the publication day is not in 2020
    assert gdelt_row(make_record(date=None, article=None))[1:5] == ["", "", "", ""]


def test_missing_article_leaves_its_cells_empty() -> None:
    rec = make_record()
    del rec["article"]
    row = gdelt_row(rec)
    assert row[COL["SOURCEURL"]] == row[COL["DATEADDED"]] == ""
    assert row[COL["SQLDATE"]] == "20211224"


def test_dateadded_is_utc() -> None:
    article = {**make_record()["article"], "ingested_at": "2021-12-26T23:30:00-02:00"}
    assert cell(make_record(article=article), "DATEADDED") == "20211227013000"
    assert cell(make_record(article={**article, "ingested_at": "garbage"}), "DATEADDED") == ""


def test_root_event_flag() -> None:
    assert cell(make_record(), "IsRootEvent") == "1"
    late = {"text": "x", "start": 2000, "end": 2010}
    assert cell(make_record(evidence=late), "IsRootEvent") == "0"
    headline = [{"text": "Headline", "start": 0, "end": 8}]
    assert cell(make_record(evidence=late, other_mentions=headline), "IsRootEvent") == "1"
    assert cell(make_record(other_mentions=headline), "NumMentions") == "2"


def test_untrusted_text_cannot_break_the_row() -> None:
    nasty = "Evil\tname\nwith\r\nbreaks\u2028and\x0bmore"
    actor = {"text": nasty, "name": None, "country": "MLI", "type": "GOV", "start": 1, "end": 3}
    location = {**make_record()["location"], "name": nasty}
    article = {**make_record()["article"], "url": "https://x.org/a\tb\nc"}
    out = io.StringIO()
    write_gdelt([make_record(source=actor, target=actor, location=location, article=article)], out)
    lines = out.getvalue().split("\n")
    assert lines[1:] == [""]
    row = lines[0].split("\t")
    assert len(row) == 61
    assert row[COL["Actor1Name"]] == "EVIL NAME WITH BREAKS AND MORE"
    assert row[COL["SOURCEURL"]] == "https://x.org/a b c"


def test_global_event_id_is_a_stable_int64() -> None:
    rec = make_record()
    first = cell(rec, "GLOBALEVENTID")
    assert first == cell(make_record(), "GLOBALEVENTID") == str(int("e0f67e8006f9dd5", 16))
    assert 0 <= int(first) < 2**63
    assert global_event_id("e1") == global_event_id("e1") != global_event_id("e2")
    assert 0 <= global_event_id("not hex at all") < 2**63
    assert cell(make_record(id="e0f67e8006f9dd60c7f4"), "GLOBALEVENTID") != first


# --- the actor-type table -------------------------------------------------------------------------------


def _data_types(name: str, column: int) -> set[str]:
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [line.split("\t") for line in lines if not line.startswith("#")][1:]
    return {row[column].strip() for row in rows if len(row) > column and row[column].strip()}


def test_every_mapped_type_is_a_cameo_type() -> None:
    lines = shared_file(CAMEO_TYPES).read_text(encoding="utf-8").splitlines()[1:]
    cameo_types = {line.split("\t")[0] for line in lines if line.strip()}
    table = default_actor_types()
    assert set(table.cameo.values()) <= cameo_types
    assert table["PMC"] == "UAF" and "Unaligned" in table.comments["PMC"]


def test_every_type_our_coder_can_emit_is_mapped() -> None:
    emitted = set(ACTOR_TYPES) | _data_types("roles.tsv", 1) | _data_types("organisations.tsv", 3)
    assert emitted, "found no actor types"
    assert emitted <= set(default_actor_types().cameo)


def test_the_loader_rejects_bad_files(tmp_path: Path) -> None:
    from eventwire.errors import BadDataFile

    bad = tmp_path / "t.tsv"
    bad.write_text("# c\ntype\tcameo\tcomment\nPMC\tuaf\tlower case\n", encoding="utf-8")
    with pytest.raises(BadDataFile):
        load_actor_types(bad)
    bad.write_text("type\tcameo\tcomment\nGOV\tGOV\tx\nGOV\tMIL\ty\n", encoding="utf-8")
    with pytest.raises(BadDataFile):
        load_actor_types(bad)


# --- real output --------------------------------------------------------------------------------------


def test_round_trip_on_the_example_article(
    pipeline: Pipeline, real_shapes: dict[str, tuple[re.Pattern[str], bool]]
) -> None:
    events = code_text(EXAMPLE.read_text(encoding="utf-8"), doc_id="example", pub_date=dt.date(2024, 3, 5),
                       pipeline=pipeline)  # fmt: skip
    assert events
    article = {"url": "https://example.org/togo", "pub_date": "2024-03-05",
               "ingested_at": "2024-03-05T12:00:00Z", "title": "Togo", "outlet": "example"}  # fmt: skip
    records = [{**e.to_json(), "article": article} for e in events]
    out = io.StringIO()
    write_gdelt(records, out)
    rows = [line.split("\t") for line in out.getvalue().splitlines()]
    assert len(rows) == len(events)
    for row in rows:
        assert shape_problems(row, real_shapes) == []
    assert len({row[0] for row in rows}) == len(rows)  # ids stay unique
    assert any(row[COL["Actor1CountryCode"]] == "TGO" for row in rows)
