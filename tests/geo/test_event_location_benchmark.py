"""Evaluation gate: event location on the tuning half of ``../shared/benchmarks/event-location`` keeps its
pinned minimums (the figures of ``benchmarks/event_location.py --set dev``; the held-out half is the one
reported, and is not used for gating so that it stays unseen)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from tests.geo.helpers import import_benchmark

from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow

MIN_EXACT_PRECISION = 0.91
MIN_EXACT_RECALL = 0.92
"""Pinned just below the figures measured when set (exact span P 0.919, R 0.929 on the 247 tuning records
with the places listed with the linked one, issue 5 item 4; before that P 0.911, R 0.886, and P 0.908,
R 0.853); a minimum is only ever raised."""


@pytest.fixture(scope="module")
def event_location(shared_dir: Path) -> ModuleType:
    return import_benchmark("event_location")


def test_event_location_tuning_half(event_location: ModuleType, pipeline: Pipeline) -> None:
    records = event_location.load_records("dev")
    scores = event_location.score(records, event_location.predict(records, pipeline.resources))
    assert scores["exact"]["precision"] >= MIN_EXACT_PRECISION, scores
    assert scores["exact"]["recall"] >= MIN_EXACT_RECALL, scores


def test_train_records_from_an_offset(event_location: ModuleType) -> None:
    first = event_location.load_records("train", 6)
    assert event_location.load_records("train", 3, offset=3) == first[3:6]


def test_research_assistant_records_share_no_sentence_with_gold(event_location: ModuleType) -> None:
    assistants = event_location.load_records("ra")
    gold = {r.text for r in event_location.load_records("gold")}
    assert len(assistants) > 4000  # 5,058 such records, less the 475 the gold records relabel
    assert not any(r.text in gold for r in assistants)
    assert event_location.load_records("ra", 3, offset=3) == assistants[3:6]


def test_error_kinds(event_location: ModuleType) -> None:
    record = event_location.Record("Troops fired in Gao town.", (7, 12), ((16, 19),))
    listed = event_location.Record("Troops fired in Gao and Kidal.", (7, 12), ((16, 19), (24, 29)))
    none = event_location.Record("Troops fired.", (7, 12), ())
    kind = event_location.error_kind
    assert kind(record, ((16, 19),)) is None
    assert kind(record, ((16, 24),)) == "boundary"
    assert kind(record, ((0, 6),)) == "wrong"
    assert kind(record, ((16, 19), (0, 6))) == "wrong"
    assert kind(record, ()) == "missed"
    assert kind(listed, ((16, 19),)) == "incomplete"
    assert kind(listed, ((24, 29), (16, 19))) is None
    assert kind(none, ((0, 6),)) == "spurious"
    assert kind(none, ()) is None


def test_listed_places_score_each(event_location: ModuleType) -> None:
    listed = event_location.Record("Troops fired in Gao and Kidal.", (7, 12), ((16, 19), (24, 29)))
    one = event_location.score([listed], [((16, 19),)])
    assert one["exact"]["precision"] == 1.0 and one["exact"]["recall"] == 0.5
    both = event_location.score([listed], [((16, 19), (24, 29), (0, 6))])
    assert both["predicted_spans"] == 3 and both["exact"]["recall"] == 1.0
    assert both["exact"]["precision"] == 2 / 3
