"""Issue 3: generated inputs of every kind go through ingest with zero crashes, and every input is
accounted for (ingested, unchanged, skipped or rejected with a reason). No catch-all hides an error: an
exception that is not an EventwireError would fail the test."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from tests.fuzz_inputs import inputs

from eventwire.api import build_pipeline
from eventwire.ingest import ingest
from eventwire.pipeline import Pipeline
from eventwire.store import Store

pytestmark = pytest.mark.slow
CI_EXAMPLES = 300


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store.open(tmp_path_factory.mktemp("fuzz") / "f.duckdb")
    yield s
    s.close()


@settings(
    max_examples=CI_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(example=inputs())
def test_generated_inputs_never_crash_ingest(
    example: tuple[str, bytes], pipeline: Pipeline, store: Store, tmp_path_factory: pytest.TempPathFactory
) -> None:
    name, data = example
    path = tmp_path_factory.mktemp("in") / name
    path.write_bytes(data)
    before = store.count("rejected")
    summary = ingest([str(path)], store, pipeline)
    accounted = (
        summary.ingested + summary.unchanged + sum(summary.skipped.values()) + sum(summary.rejected.values())
    )
    assert accounted == summary.seen
    if name.endswith((".txt", ".html")):
        assert summary.seen == 1  # a single-article file is always accounted for, never silently dropped
    assert store.count("rejected") <= before + sum(summary.rejected.values())
    for row in store.rows(
        "SELECT a.text, e.record FROM events e JOIN articles a USING (article_id) WHERE a.run_id = "
        "(SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)"
    ):
        rec = json.loads(row["record"])
        ev = rec["evidence"]
        assert row["text"][ev["start"] : ev["end"]] == ev["text"]
