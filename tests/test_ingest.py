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


def test_bad_inputs_each_get_one_line_and_a_rejected_row(tmp_path: Path, pipeline: Pipeline) -> None:
    """Issue 3, item 7: deeply nested, malformed, script-only and entity-bomb pages, binary, undecodable and
    truncated inputs, a redirect loop and a hanging server: one line and one rejected row each; the good
    article among them is still coded."""
    from tests.sources.helpers import LocalServer, Reply

    from eventwire.sources import Fetcher

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deep.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "</div>" * 100_000 + "</body></html>"
    )
    (folder / "scripts.html").write_text(
        "<html><head>"
        + "<script>var a = 1;</script>" * 2000
        + "</head><body><script>go()</script></body></html>"
    )
    (folder / "bomb.html").write_text(
        '<?xml version="1.0"?><!DOCTYPE z [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<html><body><p>&b;&b;&b;&b;</p></body></html>"
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (folder / "undecodable.txt").write_bytes("Кения выслала посла Уганды в понедельник".encode("cp1251") * 3)
    (folder / "cut.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40)
    (folder / "good.txt").write_text("Kenya expelled the Ugandan ambassador on Monday, officials said.\n")
    server = LocalServer()
    server.route("/loop", Reply(status=302, headers={"Location": "/loop"}))
    server.route("/hang", Reply(hang=True))
    server.start()
    fetcher = Fetcher(connect_timeout=1, read_timeout=1, deadline=3, backoff_base=0.01)
    lines: list[str] = []
    try:
        with Store.open(tmp_path / "b.duckdb") as store:
            specs = [str(folder), server.url("/loop"), server.url("/hang")]
            summary = ingest(specs, store, pipeline, fetcher=fetcher, report=lines.append)
            rejected = {r["origin"]: r["reason_code"] for r in store.rows("SELECT * FROM rejected")}
    finally:
        fetcher.close()
        server.close()
    bad = ["deep.html", "scripts.html", "bomb.html", "binary.txt", "undecodable.txt", "cut.warc.gz"]
    assert summary.ingested == 1 and summary.events >= 1
    assert len(rejected) == len(bad) + 2 == len(lines) == sum(summary.rejected.values())
    for name in bad:
        assert any(name in origin for origin in rejected), name
        assert any(name in line for line in lines), name
    assert server.url("/loop") in rejected and server.url("/hang") in rejected
    assert all(line.startswith("E0") for line in lines)
