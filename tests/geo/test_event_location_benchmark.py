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

MIN_EXACT_PRECISION = 0.89
MIN_EXACT_RECALL = 0.83
"""Pinned just below the figures measured when set (exact span P 0.907, R 0.848 on the 247 tuning records);
a minimum is only ever raised."""


@pytest.fixture(scope="module")
def event_location(shared_dir: Path) -> ModuleType:
    return import_benchmark("event_location")


def test_event_location_tuning_half(event_location: ModuleType, pipeline: Pipeline) -> None:
    records = event_location.load_records("dev")
    scores = event_location.score(records, event_location.predict(records, pipeline.resources))
    assert scores["exact"]["precision"] >= MIN_EXACT_PRECISION, scores
    assert scores["exact"]["recall"] >= MIN_EXACT_RECALL, scores
