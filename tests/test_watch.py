"""Watching feeds: only new articles are fetched and coded; a restart resumes; SIGTERM stops cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.sources.helpers import LocalServer, Reply

from eventwire.api import build_pipeline
from eventwire.errors import BadOption
from eventwire.pipeline import Pipeline
from eventwire.sources import Fetcher
from eventwire.store import Store
from eventwire.watch import StopFlag, parse_interval, watch

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{body}</p><p>Officials said more talks would follow next month in the capital.</p>"
    "</article></body></html>"
)


def page(title: str, body: str) -> bytes:
    return PAGE.format(title=title, body=body).encode()


def rss(base: str, items: list[str]) -> bytes:
    entries = "".join(
        f"<item><title>{i}</title><link>{base}/{i}.html</link><guid>{i}</guid></item>" for i in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'.encode()
    )


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.start()
    yield local
    local.close()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline()


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("2", 2), ("1.5m", 90)]
)
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0s", "-5m", "10x"])
def test_bad_interval(text: str) -> None:
    with pytest.raises(BadOption):
        parse_interval(text)


@pytest.mark.slow
def test_watch_codes_only_what_is_new_and_resumes(
    tmp_path: Path, server: LocalServer, pipeline: Pipeline
) -> None:
    server.page("/a.html", page("Kenya expels envoy", "Kenya expelled the Ugandan ambassador on Monday."))
    server.page(
        "/b.html", page("Police arrest protesters", "Police in Ghana arrested 30 protesters on Tuesday.")
    )
    server.page("/c.html", page("Peru signs deal", "Peru signed a trade agreement with Chile on Friday."))
    feed = server.route(
        "/feed.xml",
        Reply(body=rss(server.base, ["a", "b"]), content_type="application/rss+xml"),
        Reply(body=rss(server.base, ["a", "b", "c"]), content_type="application/rss+xml"),
    )
    db = tmp_path / "w.duckdb"
    fetcher = Fetcher(connect_timeout=2, read_timeout=2, backoff_base=0.01)
    try:
        with Store.open(db) as store:
            polls = watch([feed], store, pipeline, 0.05, StopFlag(), fetcher=fetcher, max_polls=2)
            assert polls == 2
            assert store.count("articles") == 3
        assert [server.hits(p) for p in ("/a.html", "/b.html", "/c.html")] == [1, 1, 1]
        # a restart polls again and fetches nothing it already holds
        with Store.open(db) as store:
            watch([feed], store, pipeline, 0.05, StopFlag(), fetcher=fetcher, max_polls=1)
            assert store.count("articles") == 3
            (row,) = store.rows("SELECT source, items_seen FROM watch_state")
            assert row["source"] == feed
    finally:
        fetcher.close()
    assert [server.hits(p) for p in ("/a.html", "/b.html", "/c.html")] == [1, 1, 1]
    assert server.hits("/feed.xml") == 3


@pytest.mark.slow
def test_sigterm_stops_the_watch_cleanly(tmp_path: Path, server: LocalServer) -> None:
    server.page("/a.html", page("Kenya expels envoy", "Kenya expelled the Ugandan ambassador on Monday."))
    feed = server.route("/feed.xml", Reply(body=rss(server.base, ["a"]), content_type="application/rss+xml"))
    db = tmp_path / "w.duckdb"
    cmd = [sys.executable, "-m", "eventwire", "watch", feed, "--every", "1s", "--db", str(db)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    first = ""
    while time.monotonic() < deadline:
        first = proc.stderr.readline()
        if "ingested" in first or not first:
            break
    assert "ingested 1" in first, first
    proc.send_signal(signal.SIGTERM)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert "watch stopped" in rest
    with Store.open(db, read_only=True) as store:
        assert store.count("articles") == 1
        (run,) = list(store.rows("SELECT finished_at FROM runs ORDER BY started_at LIMIT 1"))
        assert run["finished_at"] is not None
