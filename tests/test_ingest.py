"""Ingest end to end: inputs of every kind into a store, idempotent re-runs, versions, skips, rejections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.synthetic import write_corpus

from eventwire.api import build_pipeline
from eventwire.ingest import IngestSummary, ingest
from eventwire.pipeline import Pipeline
from eventwire.store import EventFilter, Store, query_events

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline()


def run(specs: list[str], db: Path, pipeline: Pipeline) -> tuple[IngestSummary, list[str]]:
    lines: list[str] = []
    with Store.open(db) as store:
        summary = ingest(specs, store, pipeline, report=lines.append)
    return summary, lines


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(db, read_only=True) as s:
        return {
            "articles": sorted(s.con.execute(
                "SELECT article_id, identity, version, previous_id, content_hash, origin, status, "
                "skip_reason, "
                "text FROM articles").fetchall()),
            "events": sorted(s.con.execute("SELECT event_id, article_id, record FROM events").fetchall()),
            "rejected": sorted(s.con.execute("SELECT origin, reason_code, message FROM rejected").fetchall()),
        }  # fmt: skip


def test_directory_ingest_and_idempotent_rerun(tmp_path: Path, pipeline: Pipeline) -> None:
    counts = write_corpus(tmp_path / "in", 20)
    db = tmp_path / "s.duckdb"
    summary, lines = run([str(tmp_path / "in")], db, pipeline)
    assert summary.ingested == counts["articles"]
    assert summary.skipped == {"language-unsupported:fr": counts["french"]}
    assert sum(summary.rejected.values()) == counts["empty"] + counts["binary"]
    assert summary.events > counts["articles"]  # every invented article states two events
    assert len(lines) == counts["empty"] + counts["binary"]  # one line per rejected input
    assert all("empty" in ln or "binary" in ln for ln in lines), lines
    first = snapshot(db)
    assert len(first["rejected"]) == counts["empty"] + counts["binary"]

    again, _ = run([str(tmp_path / "in")], db, pipeline)
    assert again.ingested == 0 and again.events == 0
    assert again.unchanged == counts["articles"] + counts["french"]
    assert snapshot(db) == first  # nothing lost, nothing duplicated, same event ids


def test_jsonl_versions_and_offsets(tmp_path: Path, pipeline: Pipeline) -> None:
    text1 = "Kenyan police arrested 12 protesters in Nairobi on Monday, officials said."
    text2 = text1 + " Kenya later expelled the Ugandan ambassador."
    dump = tmp_path / "a.jsonl"
    dump.write_text(
        json.dumps({"url": "https://news.example/k1", "text": text1, "pub_date": "2024-03-05"}) + "\n"
        + "{not json\n"
        + json.dumps({"url": "https://news.example/k1", "text": text2, "pub_date": "2024-03-06"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    db = tmp_path / "j.duckdb"
    summary, lines = run([str(dump)], db, pipeline)
    assert summary.ingested == 2 and summary.versions == 1
    assert summary.rejected and any(":2" in ln for ln in lines)  # the bad line is named by its line number
    with Store.open(db, read_only=True) as s:
        rows = list(
            s.rows("SELECT article_id, version, previous_id, text, pub_date FROM articles ORDER BY version")
        )
        assert [r["version"] for r in rows] == [1, 2] and rows[1]["previous_id"] == rows[0]["article_id"]
        texts = {r["article_id"]: r["text"] for r in rows}
        events = list(query_events(s, EventFilter(all_versions=True)))
    assert events
    for ev in events:  # evidence offsets point into the stored text
        text = texts[ev["doc"]]
        for span in (ev["evidence"], ev["trigger"], ev["source"], ev["target"]):
            if span:
                assert text[span["start"] : span["end"]] == span["text"]
