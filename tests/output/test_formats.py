"""Writers for hand-built events: the JSONL record the shared scorer reads, CSV, the table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from eventwire.document import STATUSES, Actor, Event, Location, Quantity, TextSpan
from eventwire.output.formats import CSV_COLUMNS, WRITERS, render

ORIGINAL = (
    "Mali took to the streets.\n\n"
    "After the coup, people in Mali demanded that the Russian government send 1,000 mercenaries, "
    "the agency said."
)


def span(text: str, occurrence: int = 0) -> TextSpan:
    start = -1
    for _ in range(occurrence + 1):
        start = ORIGINAL.index(text, start + 1)
    return TextSpan(text, start, start + len(text))


def sample_event(**changes: Any) -> Event:
    evidence = span("After the coup, people in Mali demanded that the Russian government send 1,000 "
                    "mercenaries, the agency said.")  # fmt: skip
    event = Event(
        doc="seed",
        cameo="1041",
        source=Actor(span("people in Mali"), name=None, country="MLI", type="CVL", entity_id=3),
        target=Actor(span("the Russian government"), name="Russia", country="RUS", type="GOV"),
        evidence=evidence,
        trigger=span("demanded"),
        rule="demand_that",
        plover="DEMAND",
        goldstein=-5.0,
        quad_class=3,
        date="2021-05",
        date_precision="month",
        location=Location(span("Mali", 1), name="Mali", country="MLI", lat=17.0, lon=-4.0),
        status="reported",
        attributed_to=span("the agency"),
        quantities=[Quantity(span("1,000 mercenaries"), value=1000, unit="persons")],
        confidence=0.8,
        other_mentions=[span("Mali took to the streets.")],
        id="e1",
    )
    for key, value in changes.items():
        setattr(event, key, value)
    return event


# --- the registry ---------------------------------------------------------------------------------


def test_writer_names_are_pinned() -> None:
    assert list(WRITERS) == ["table", "jsonl", "csv", "gdelt", "geojson"]


# --- jsonl ----------------------------------------------------------------------------------------

SCORER_FIELDS = (
    "id", "doc", "cameo", "cameo_root", "plover", "goldstein", "quad_class", "source", "target", "date",
    "date_precision", "location", "status", "attributed_to", "quantities", "evidence", "confidence", "rule",
)  # fmt: skip
RECORD_FIELDS = (
    "id", "doc", "cameo", "cameo_root", "plover", "goldstein", "quad_class", "source", "target", "date",
    "date_precision", "date_span", "location", "other_locations", "status", "attributed_to", "quantities",
    "evidence", "trigger", "other_mentions", "confidence", "rule",
)  # fmt: skip
ACTOR_FIELDS = {"text", "name", "country", "type", "start", "end", "implicit"}
SPAN_FIELDS = {"text", "start", "end"}


def jsonl_records(events: list[Event]) -> list[dict[str, Any]]:
    text = render(events, "jsonl")
    assert text.endswith("\n") or not events
    lines = text.split("\n")[:-1]  # JSON Lines: records end with "\n" (U+2028 and friends are not breaks)
    assert len(lines) == len(events)
    return [json.loads(line) for line in lines]


def test_jsonl_record_carries_the_scorer_fields() -> None:
    (rec,) = jsonl_records([sample_event()])
    assert set(SCORER_FIELDS) <= set(rec)
    assert tuple(rec) == RECORD_FIELDS  # the record's fields, pinned in order
    assert rec["id"] == "e1" and rec["doc"] == "seed" and rec["rule"] == "demand_that"
    assert rec["cameo"] == "1041" and isinstance(rec["cameo"], str)
    assert rec["cameo_root"] == "10" and isinstance(rec["cameo_root"], str)
    assert rec["plover"] == "DEMAND" and rec["goldstein"] == -5.0 and rec["quad_class"] == 3
    assert set(rec["source"]) == ACTOR_FIELDS and set(rec["target"]) == ACTOR_FIELDS
    assert rec["source"] == {"text": "people in Mali", "name": None, "country": "MLI", "type": "CVL",
                             "start": ORIGINAL.index("people in Mali"),
                             "end": ORIGINAL.index("people in Mali") + len("people in Mali"),
                             "implicit": False}  # fmt: skip
    assert rec["date"] == "2021-05" and rec["date_precision"] == "month"
    assert rec["location"]["country"] == "MLI" and rec["location"]["name"] == "Mali"
    assert rec["other_locations"] == []
    assert rec["status"] == "reported"
    assert set(rec["attributed_to"]) == SPAN_FIELDS and rec["attributed_to"]["text"] == "the agency"
    qty = ORIGINAL.index("1,000 mercenaries")
    assert rec["quantities"] == [
        {
            "text": "1,000 mercenaries",
            "value": 1000,
            "unit": "persons",
            "period": None,
            "start": qty,
            "end": qty + 17,
        }
    ]
    assert set(rec["evidence"]) == SPAN_FIELDS
    assert rec["confidence"] == 0.8


def test_jsonl_optional_parts_are_null_or_empty() -> None:
    event = sample_event(target=None, location=None, attributed_to=None, quantities=[], date=None,
                         date_precision=None, plover=None, goldstein=None, quad_class=None)  # fmt: skip
    (rec,) = jsonl_records([event])
    for key in ("target", "location", "attributed_to", "date", "date_precision", "plover", "goldstein"):
        assert rec[key] is None, key
    assert rec["quantities"] == []


def test_jsonl_spans_point_into_the_original() -> None:
    (rec,) = jsonl_records([sample_event()])
    spans = [rec["evidence"], rec["source"], rec["target"], rec["location"], rec["attributed_to"],
             rec["trigger"], *rec["quantities"], *rec["other_mentions"]]  # fmt: skip
    for s in spans:
        assert ORIGINAL[s["start"] : s["end"]] == s["text"]


def test_confidence_is_rounded_to_three_places() -> None:
    (rec,) = jsonl_records([sample_event(confidence=2 / 3)])
    assert rec["confidence"] == 0.667


def test_no_events_no_lines() -> None:
    assert render([], "jsonl") == ""


# --- property: event -> JSONL line -> event -------------------------------------------------------

_text = st.text(min_size=1, max_size=40)  # any unicode (no lone surrogates), newlines and U+2028 included
_offsets = st.integers(0, 10_000)
_spans = st.builds(lambda t, s: TextSpan(t, s, s + len(t)), _text, _offsets)
_maybe = st.none() | st.text(min_size=1, max_size=12)
_actors = st.builds(
    Actor,
    span=_spans,
    name=_maybe,
    country=st.sampled_from([None, "MLI", "RUS", "IGO", "NGO"]),
    type=st.sampled_from([None, "GOV", "MIL", "CVL", "REB", "IGO"]),
)
_finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
_quantities = st.builds(Quantity, span=_spans, value=st.integers(-(10**12), 10**12) | _finite,
                        unit=st.sampled_from(["persons", "USD", "EUR"]),
                        period=st.sampled_from([None, "day", "week", "month", "year"]))  # fmt: skip
_locations = st.builds(Location, span=_spans, name=_maybe, country=_maybe,
                       lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180))  # fmt: skip
_events = st.builds(
    Event,
    doc=_text,
    cameo=st.from_regex(r"\A[0-2][0-9]{1,3}\Z"),
    source=st.none() | _actors,
    target=st.none() | _actors,
    evidence=_spans,
    trigger=_spans,
    rule=_text,
    plover=_maybe,
    goldstein=st.none() | st.floats(-10, 10),
    quad_class=st.none() | st.integers(0, 4),
    date=st.none() | st.dates().map(lambda d: d.isoformat()),
    date_precision=st.sampled_from([None, "day", "month", "year"]),
    date_span=st.none() | _spans,
    location=st.none() | _locations,
    status=st.sampled_from(STATUSES),
    attributed_to=st.none() | _spans,
    quantities=st.lists(_quantities, max_size=3),
    confidence=st.floats(0, 1).map(lambda c: round(c, 3)),
    other_mentions=st.lists(_spans, max_size=3),
    id=st.from_regex(r"\Ae[1-9][0-9]{0,2}\Z"),
)


def _span_back(rec: dict[str, Any] | None) -> TextSpan | None:
    return None if rec is None else TextSpan(rec["text"], rec["start"], rec["end"])


def _actor_back(rec: dict[str, Any] | None) -> Actor | None:
    if rec is None:
        return None
    return Actor(TextSpan(rec["text"], rec["start"], rec["end"]), rec["name"], rec["country"], rec["type"])


def event_from_record(rec: dict[str, Any]) -> Event:
    """Rebuild an Event from its JSONL record (the exported fields only)."""
    evidence = _span_back(rec["evidence"])
    trigger = _span_back(rec["trigger"])
    assert evidence is not None and trigger is not None
    loc = rec["location"]
    return Event(
        doc=rec["doc"], cameo=rec["cameo"], source=_actor_back(rec["source"]),
        target=_actor_back(rec["target"]), evidence=evidence, trigger=trigger, rule=rec["rule"],
        plover=rec["plover"], goldstein=rec["goldstein"],
        quad_class=rec["quad_class"], date=rec["date"], date_precision=rec["date_precision"],
        date_span=_span_back(rec["date_span"]),
        location=None if loc is None else Location(_span_back(loc), loc["name"], loc["country"],  # type: ignore[arg-type]
                                                   loc["lat"], loc["lon"]),
        status=rec["status"], attributed_to=_span_back(rec["attributed_to"]),
        quantities=[Quantity(TextSpan(q["text"], q["start"], q["end"]), q["value"], q["unit"], q["period"])
                    for q in rec["quantities"]],
        confidence=rec["confidence"], other_mentions=[_span_back(m) for m in rec["other_mentions"]],  # type: ignore[misc]
        id=rec["id"],
    )  # fmt: skip


@given(events=st.lists(_events, max_size=4))
def test_jsonl_round_trip(events: list[Event]) -> None:
    for event in events:  # fields that are not exported
        for actor in (event.source, event.target):
            if actor is not None:
                actor.entity_id = None
    records = jsonl_records(events)
    assert [event_from_record(r) for r in records] == events
    for rec, event in zip(records, events, strict=True):
        assert rec["cameo_root"] == event.cameo[:2]


# --- csv ------------------------------------------------------------------------------------------


def test_csv_header_and_one_row_per_event() -> None:
    events = [sample_event(), sample_event(id="e2", target=None, quantities=[], location=None)]
    text = render(events, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(events)
    first, second = (dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:])
    assert first["id"] == "e1" and first["cameo"] == "1041" and first["cameo_root"] == "10"
    assert first["source_country"] == "MLI" and first["target_country"] == "RUS"
    assert first["location_country"] == "MLI" and first["attributed_to"] == "the agency"
    assert json.loads(first["quantities"])[0]["value"] == 1000
    evidence = sample_event().evidence
    assert (int(first["evidence_start"]), int(first["evidence_end"])) == (evidence.start, evidence.end)
    assert first["evidence"] == evidence.text
    assert second["id"] == "e2" and second["target_country"] == "" and second["quantities"] == ""


def test_csv_keeps_newlines_commas_and_quotes_inside_cells() -> None:
    evidence = TextSpan('He said, "no"\nand left.', 0, 24)
    text = render([sample_event(evidence=evidence)], "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 1 and rows[0]["evidence"] == evidence.text


def test_csv_with_no_events_is_just_the_header() -> None:
    rows = list(csv.reader(io.StringIO(render([], "csv"), newline="")))
    assert rows == [list(CSV_COLUMNS)]


# --- table ----------------------------------------------------------------------------------------


def test_table_says_no_events() -> None:
    lines = render([], "table").splitlines()
    assert lines[-1] == "(no events)"
    header = ["doc", "id", "cameo", "plover", "source", "target", "date", "status", "evidence"]
    assert lines[0].split() == header


def test_table_has_one_line_per_event_even_with_multiline_evidence() -> None:
    long = TextSpan("Talks\nresumed " + "and went on " * 10, 0, 0)
    events = [sample_event(), sample_event(id="e2", evidence=long, source=None, target=None)]
    lines = render(events, "table").splitlines()
    assert len(lines) == 3
    assert "(no events)" not in render(events, "table")
    assert "MLICVL people in Mali" in lines[1] and "RUSGOV Russia" in lines[1]
    assert lines[2].endswith("…") and "Talks resumed" in lines[2]


def test_table_row_stays_on_one_line_when_an_actor_crosses_a_line_break() -> None:
    """Regression: an actor mention crossing a line break of a hard-wrapped file split its table row."""
    actor = Actor(TextSpan("Foreign\nMinister Yawa Mensah", 0, 28), name=None, country="TGO", type="GOV")
    lines = render([sample_event(source=actor)], "table").splitlines()
    assert len(lines) == 2


def test_spreadsheet_safe_csv_defuses_formulas() -> None:
    import csv as csv_module
    import io as io_module

    from eventwire.output.formats import spreadsheet_safe, write_csv

    assert spreadsheet_safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)" and spreadsheet_safe("Army") == "Army"
    assert spreadsheet_safe(-7.2) == -7.2  # numbers stay numbers
    rec = sample_event().to_json()
    rec["evidence"]["text"] = "=cmd|' /C calc'!A0"
    plain, safe = io_module.StringIO(), io_module.StringIO()
    write_csv([rec], plain)
    write_csv([rec], safe, for_spreadsheets=True)
    assert next(csv_module.DictReader(io_module.StringIO(plain.getvalue())))["evidence"].startswith("=")
    assert next(csv_module.DictReader(io_module.StringIO(safe.getvalue())))["evidence"].startswith("'=")
