"""Issue 3: an ingest killed with SIGKILL mid-run and run again stores exactly what an uninterrupted run
stores: nothing lost, nothing duplicated (articles, events with their ids, rejected inputs)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.synthetic import write_corpus

from eventwire.store import Store

pytestmark = pytest.mark.slow

N_ARTICLES = 500
KILL_AFTER_DOCS = 120  # well past the first batches, well before the end
DONE = re.compile(r"(\d+)/(\d+)")


def ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db), "--progress", "always"]


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(db, read_only=True) as s:
        return {
            "articles": sorted(s.con.execute(
                "SELECT article_id, identity, version, previous_id, content_hash, origin, url, title, "
                "pub_date, "
                "language, status, skip_reason, text FROM articles").fetchall()),
            "events": sorted(
                s.con.execute("SELECT * EXCLUDE (record), record::VARCHAR FROM events").fetchall()
            ),
            "rejected": sorted(s.con.execute("SELECT origin, reason_code, message FROM rejected").fetchall()),
        }  # fmt: skip


def run_and_kill(cmd: list[str], after_docs: int, timeout: float = 600) -> int:
    """Start ``cmd``, read its progress bar until ``after_docs`` documents are committed, SIGKILL it."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert proc.stderr is not None
    deadline = time.monotonic() + timeout
    buf = b""
    done = 0
    os.set_blocking(proc.stderr.fileno(), False)
    while time.monotonic() < deadline and proc.poll() is None:
        chunk = proc.stderr.read(65536) or b""
        buf = (buf + chunk)[-4096:]
        counts = DONE.findall(buf.decode("utf-8", "replace"))
        if counts:
            done = int(counts[-1][0])
        if done >= after_docs:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return done
        time.sleep(0.05)
    proc.kill()
    pytest.fail(f"ingest ended or stalled before {after_docs} documents were done (done: {done})")


def test_sigkill_mid_run_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    counts = write_corpus(corpus, N_ARTICLES)
    total_inputs = sum(counts.values())
    assert total_inputs >= 500

    clean_db = tmp_path / "clean.duckdb"
    subprocess.run(ingest_cmd(corpus, clean_db), check=False, capture_output=True, timeout=900)
    expected = snapshot(clean_db)
    assert len(expected["articles"]) == counts["articles"] + counts["french"]
    assert len(expected["rejected"]) == counts["empty"] + counts["binary"]
    assert len(expected["events"]) > N_ARTICLES

    killed_db = tmp_path / "killed.duckdb"
    done = run_and_kill(ingest_cmd(corpus, killed_db), KILL_AFTER_DOCS)
    partial = snapshot(killed_db)
    assert 0 < len(partial["articles"]) < len(expected["articles"]), f"killed after {done} documents"

    rerun = subprocess.run(ingest_cmd(corpus, killed_db), check=False, capture_output=True, timeout=900)
    assert b"unchanged" in rerun.stderr
    assert snapshot(killed_db) == expected
