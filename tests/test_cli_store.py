"""``eventwire ingest`` and ``eventwire events`` in-process: summary, exit codes, every output format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from eventwire.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    bad = root / "empty.txt"
    bad.write_bytes(b"")
    path = root / "s.duckdb"
    assert (
        main(["ingest", str(EXAMPLE), str(bad), "--db", str(path), "--progress", "never"]) == EXIT_SOME_FAILED
    )
    return path


pytestmark = pytest.mark.slow


def test_ingest_summary_and_rerun(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(EXAMPLE), "--db", str(db), "--progress", "never"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "ingested 0" in err and "unchanged 1" in err and "events written 0" in err


def test_events_jsonl_csv_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == EXIT_OK
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(r["id"].startswith("e") and r["doc"].startswith("a") for r in records)
    text = EXAMPLE.read_bytes().decode("utf-8-sig")
    assert all(text[r["evidence"]["start"] : r["evidence"]["end"]] == r["evidence"]["text"] for r in records)

    assert main(["events", "--db", str(db), "--format", "csv", "--actor", "TGO"]) == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all("TGO" in (r["source_country"], r["target_country"]) for r in rows)
    assert len(rows) < len(records) or all("TGO" in (r["source"] or {}, r["target"] or {}) for r in records)

    assert main(["events", "--db", str(db), "--cameo", "14"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "141" in out and "PROTEST" in out


def test_events_parquet(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "e.parquet"
    assert main(["events", "--db", str(db), "--format", "parquet", "--output", str(out)]) == EXIT_OK
    with duckdb.connect() as con:
        (n,) = con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone() or (0,)
    assert n > 0 and f"{n} events written as parquet" in capsys.readouterr().err


def test_events_bad_filter_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(db), "--actor", "Togo"]) == EXIT_USAGE
    assert "ISO 3166" in capsys.readouterr().err
    assert main(["events", "--db", str(db), "--since", "yesterday"]) == EXIT_USAGE


def test_events_without_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == EXIT_SOME_FAILED
    assert "no such store" in capsys.readouterr().err


def test_rejected_input_is_recorded(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT origin, reason_code FROM rejected").fetchall()
    assert len(rows) == 1 and rows[0][0].endswith("empty.txt")
