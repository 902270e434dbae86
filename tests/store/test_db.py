"""The store: identity and versions, idempotent writes, rejected inputs, migrations, stable event ids."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import StoreError, StoreLocked, StoreVersionError
from eventwire.store import (
    SCHEMA_VERSION,
    ArticleRecord,
    EventFilter,
    RejectedInput,
    Store,
    StoredArticle,
    content_hash,
    identity_of,
    query_events,
)
from eventwire.store.db import date_range, event_ids
from eventwire.store.schema import MIGRATIONS, Migration


def article(text: str, url: str | None = None, **kw: Any) -> ArticleRecord:
    h = content_hash(text)
    return ArticleRecord(
        identity=identity_of(url, None, h), content_hash=h, origin=url or "a.txt", text=text, status="coded",
        url=url, **kw,
    )  # fmt: skip


def event(
    cameo: str = "042", start: int = 0, src: str | None = "MLI", tgt: str | None = "RUS", **kw: Any
) -> dict:
    def actor(country: str | None, s: int) -> dict[str, Any] | None:
        if country is None:
            return None
        return {"text": country, "name": None, "country": country, "type": "GOV", "start": s, "end": s + 3}

    rec = {
        "id": "e1", "doc": "d", "cameo": cameo, "cameo_root": cameo[:2], "plover": "CONSULT",
        "goldstein": 1.9,
        "quad_class": 1, "source": actor(src, start), "target": actor(tgt, start + 5), "date": None,
        "date_precision": None, "date_span": None, "location": None, "status": "asserted",
        "attributed_to": None,
        "quantities": [], "evidence": {"text": "x" * 10, "start": start, "end": start + 10},
        "trigger": {"text": "met", "start": start + 4, "end": start + 7}, "other_mentions": [],
        "confidence": 0.8, "rule": "test",
    }  # fmt: skip
    rec.update(kw)
    return rec


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "t.duckdb")
    yield s
    s.close()


def write(store: Store, *items: StoredArticle, rejected: tuple[RejectedInput, ...] = ()) -> Any:
    return store.write_batch(list(items), list(rejected), run_id="r", code_version="1")


def test_new_store_has_current_schema(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    tables = {r["table_name"] for r in store.rows("SELECT table_name FROM information_schema.tables")}
    assert {"meta", "articles", "events", "rejected", "runs", "watch_state"} <= tables
    for table in ("articles", "events", "rejected", "runs"):
        assert store.count(table) == 0


def test_same_text_twice_is_a_no_op(store: Store) -> None:
    first = write(store, StoredArticle(article("Mali met Russia."), [event()]))
    again = write(store, StoredArticle(article("Mali met Russia."), [event()]))
    assert len(first.new) == 1 and first.events == 1
    assert again.new == [] and again.unchanged == 1 and again.events == 0
    assert store.count("articles") == 1 and store.count("events") == 1


def test_changed_page_at_same_url_is_a_new_version(store: Store) -> None:
    url = "https://example.org/news/1"
    v1 = write(store, StoredArticle(article("First text.", url), [event()]))
    v2 = write(store, StoredArticle(article("Second, corrected text.", url), [event(start=3)]))
    assert v2.versions and not v2.new
    rows = list(store.rows("SELECT version, previous_id, article_id FROM articles ORDER BY version"))
    assert [r["version"] for r in rows] == [1, 2]
    assert rows[1]["previous_id"] == v1.new[0] == rows[0]["article_id"]
    # by default only the latest version's events are listed; --all-versions shows both
    assert [e["doc"] for e in query_events(store, EventFilter())] == [rows[1]["article_id"]]
    assert len(list(query_events(store, EventFilter(all_versions=True)))) == 2


def test_articles_without_url_are_identified_by_text(store: Store) -> None:
    write(store, StoredArticle(article("One text.")), StoredArticle(article("Another text.")))
    assert store.count("articles") == 2


def test_rejected_inputs_are_recorded_once_per_origin_and_reason(store: Store) -> None:
    bad = RejectedInput("bad.txt", "E003", "E003 bad.txt: file is empty")
    write(store, rejected=(bad,))
    write(store, rejected=(bad,))
    write(store, rejected=(RejectedInput("bad.txt", "E004", "E004 bad.txt: other"),))
    rows = list(store.rows("SELECT origin, reason_code FROM rejected ORDER BY reason_code"))
    assert rows == [
        {"origin": "bad.txt", "reason_code": "E003"},
        {"origin": "bad.txt", "reason_code": "E004"},
    ]


def test_failed_batch_writes_nothing(store: Store) -> None:
    good = StoredArticle(article("Good text."), [event()])
    broken = StoredArticle(article("Broken text."), [{"cameo": "042"}])  # no evidence: KeyError mid-batch
    with pytest.raises(KeyError):
        write(store, good, broken, rejected=(RejectedInput("x", "E003", "m"),))
    assert store.count("articles") == 0 and store.count("events") == 0 and store.count("rejected") == 0


def test_event_ids_are_stable_and_distinct() -> None:
    recs = [event(), event(start=20), event()]
    a = event_ids("a1", "1.0", recs)
    assert a == event_ids("a1", "1.0", recs)
    assert len(set(a)) == 3 and a[2] == a[0] + "-1"
    assert event_ids("a1", "1.1", recs)[0] != a[0]  # another code version, other ids


def test_stored_record_carries_store_ids(store: Store) -> None:
    result = write(store, StoredArticle(article("Mali met Russia."), [event()]))
    (rec,) = query_events(store, EventFilter())
    assert rec["doc"] == result.new[0] and rec["id"].startswith("e") and rec["evidence"]["start"] == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-09-15", (dt.date(2021, 9, 15), dt.date(2021, 9, 15))),
        ("2021-02", (dt.date(2021, 2, 1), dt.date(2021, 2, 28))),
        ("2021-12", (dt.date(2021, 12, 1), dt.date(2021, 12, 31))),
        ("2021", (dt.date(2021, 1, 1), dt.date(2021, 12, 31))),
        ("--09-15", (None, None)),
        (None, (None, None)),
        ("2021-13", (None, None)),
    ],
)
def test_date_range(value: str | None, expected: tuple[Any, Any]) -> None:
    assert date_range(value) == expected


def test_migrations_bring_an_old_store_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    Store.open(path, migrations=MIGRATIONS[:1]).close()
    extra = Migration(SCHEMA_VERSION + 1, "test column", ("ALTER TABLE articles ADD COLUMN note VARCHAR",))
    with Store.open(path, migrations=(*MIGRATIONS, extra)) as s:
        assert s.schema_version() == SCHEMA_VERSION + 1
        assert "note" in [d[0] for d in s.con.execute("SELECT * FROM articles LIMIT 0").description]
    # the store is now newer than this code's migrations: refused, not misread
    with pytest.raises(StoreVersionError, match="newer"):
        Store.open(path)


def test_read_only_store_that_needs_migrating_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    Store.open(path, migrations=MIGRATIONS[:1]).close()
    extra = Migration(SCHEMA_VERSION + 1, "x", ("CREATE TABLE x (a INTEGER)",))
    with pytest.raises(StoreVersionError, match="migrating"):
        Store.open(path, read_only=True, migrations=(*MIGRATIONS, extra))


def test_missing_store_for_reading_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


def test_not_a_duckdb_file(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    path.write_text("hello, I am not a database")
    with pytest.raises(StoreError):
        Store.open(path)


def test_second_writer_gets_a_clear_message(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "t.duckdb"
    with Store.open(path):
        code = (
            "import sys\nfrom eventwire.store import Store\nfrom eventwire.errors import StoreLocked\n"
            f"try:\n    Store.open({str(path)!r})\n"
            "except StoreLocked as e:\n    print(e.message); sys.exit(3)\n"
        )
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert "another eventwire process" in proc.stdout
    assert StoreLocked.code in proc.stdout


def test_runs_are_recorded_with_their_config(store: Store) -> None:
    run = store.start_run("ingest", "0.1.0", {"batch_size": 16})
    store.finish_run(run, {"ingested": 3})
    (row,) = store.rows("SELECT config, summary, finished_at FROM runs")
    assert json.loads(row["config"]) == {"batch_size": 16} and json.loads(row["summary"]) == {"ingested": 3}
    assert row["finished_at"] is not None


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=6))
def test_any_text_is_stored_verbatim_and_once(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    path = tmp_path_factory.mktemp("h") / "t.duckdb"
    with Store.open(path) as s:
        for _ in range(2):
            write(s, *[StoredArticle(article(t)) for t in texts])
        stored = sorted(r["text"] for r in s.rows("SELECT text FROM articles"))
    assert stored == sorted(set(texts))


def test_queries_are_parameterised(store: Store) -> None:
    write(store, StoredArticle(article("Mali met Russia."), [event()]))
    hostile = "MLI' OR '1'='1"
    with pytest.raises(Exception, match="ISO 3166"):
        EventFilter(actor=hostile)
    # a value that passes validation still only ever travels as a parameter
    sql, params = EventFilter(actor="MLI", plover="x' OR 1=1 --").where()
    assert "x' OR" not in sql and "x' OR 1=1 --" in params
    assert list(query_events(store, EventFilter(plover="x' OR 1=1 --"))) == []
    assert duckdb.__version__


def test_migration_marks_events_of_replaced_versions(tmp_path: Path) -> None:
    """Schema 3 adds ``events.latest``; a store written before it gets the flag from its version chain."""
    path = tmp_path / "v2.duckdb"
    with Store.open(path) as store:
        write(store, StoredArticle(article("first text", url="u"), [event()]))
        write(store, StoredArticle(article("second text", url="u"), [event("043")]))
        # turn it back into a schema-2 store: no flag column
        store.con.execute("DROP INDEX events_article")
        for column in ("other_names", "other_countries", "latest"):  # the columns of schemas 3 and 4
            store.con.execute(f"ALTER TABLE events DROP COLUMN {column}")
        store.con.execute("CREATE INDEX events_article ON events (article_id)")
        store.con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with Store.open(path) as migrated:
        assert migrated.schema_version() == SCHEMA_VERSION
        assert [e["cameo"] for e in query_events(migrated, EventFilter())] == ["043"]
        assert len(list(query_events(migrated, EventFilter(all_versions=True)))) == 2


def test_migration_fills_the_places_listed_with_a_location(tmp_path: Path) -> None:
    """Schema 4 adds ``events.other_countries`` and ``other_names``; an older store gets them from records."""
    path = tmp_path / "v3.duckdb"
    listed = [
        {"text": "Tripoli", "name": "Tripoli", "country": "LBN", "lat": 34.4, "lon": 35.8,
         "start": 9, "end": 16},
        {"text": "Qusayr", "name": None, "country": None, "lat": None, "lon": None, "start": 20, "end": 26},
    ]  # fmt: skip
    with Store.open(path) as store:
        events = [event(other_locations=listed), event("043")]
        write(store, StoredArticle(article("first text", url="u"), events))
        store.con.execute("DROP INDEX events_article")
        for column in ("other_names", "other_countries"):
            store.con.execute(f"ALTER TABLE events DROP COLUMN {column}")
        store.con.execute("CREATE INDEX events_article ON events (article_id)")
        store.con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with Store.open(path) as migrated:
        assert migrated.schema_version() == SCHEMA_VERSION
        rows = migrated.rows("SELECT cameo, other_countries, other_names FROM events ORDER BY cameo")
        assert [(r["cameo"], r["other_countries"], r["other_names"]) for r in rows] == [
            ("042", "LBN", "tripoli\ntripoli\nqusayr"),
            ("043", None, None),
        ]
        assert [e["cameo"] for e in query_events(migrated, EventFilter(place="qusayr"))] == ["042"]
