"""Evaluation gate: the geoparse benchmark on a small GeoWebNews subset keeps its pinned minimums."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SUBSET = 20
"""The first 20 held-out (odd-numbered) GeoWebNews articles."""
MIN_DETECT_F1_OVERLAP = 0.55
MIN_IN_COUNTRY = 0.93
MIN_ACCURACY_161 = 0.50
"""Pinned about 0.05 below the figures measured when this test was written (see the report of issue 5);
re-run ``python benchmarks/geoparse.py --split heldout --limit 20`` to see the current ones."""


@pytest.fixture(scope="module")
def geoparse(shared_dir: Path) -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module("geoparse")
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_geowebnews_subset(geoparse: ModuleType, pipeline: Pipeline) -> None:
    rows = geoparse.run("GWN", "heldout", SUBSET, pipeline.resources)
    row = rows["GWN heldout"]
    assert row["articles"] == SUBSET
    assert row["detect_overlap"]["f1"] >= MIN_DETECT_F1_OVERLAP, row
    assert row["end_to_end"]["in_country_share"] >= MIN_IN_COUNTRY, row
    assert row["end_to_end"]["accuracy_161km"] >= MIN_ACCURACY_161, row
