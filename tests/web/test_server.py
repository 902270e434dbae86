"""``eventwire serve``: the write endpoint behind its token, and a real server process that watches a
source while it is browsed, with a second writer refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from tests.synthetic import article_text
from tests.web.conftest import TOKEN
from tests.web.test_browser import free_port

from eventwire.api import build_pipeline
from eventwire.errors import BadOption
from eventwire.store.db import Store
from eventwire.web import ServerContext, create_app
from eventwire.web.server import is_loopback

pytestmark = pytest.mark.slow


def test_short_tokens_are_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store, pytest.raises(BadOption):
        ServerContext(store=store, token="short")


def test_loopback_hosts() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_ingest_needs_the_token_and_writes(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "w.duckdb")
    app = create_app(ServerContext(store=store, token=TOKEN, pipeline=build_pipeline()))
    body = {"text": "Kenyan police arrested 12 protesters in Nairobi on Monday.\n", "pub_date": "2021-05-03"}
    with TestClient(app) as client:
        assert client.post("/api/ingest", json=body).status_code == 401
        bad = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer " + "x" * len(TOKEN)})
        assert bad.status_code == 401
        assert client.post("/api/ingest", json={}, headers=_auth()).status_code == 422
        assert (
            client.post("/api/ingest", json={**body, "url": "https://a.example"}, headers=_auth()).status_code
            == 422
        )
        done = client.post("/api/ingest", json=body, headers=_auth()).json()
        assert done["summary"]["ingested"] == 1 and len(done["article_ids"]) == 1
        again = client.post("/api/ingest", json=body, headers=_auth()).json()
        assert again["summary"]["unchanged"] == 1 and again["article_ids"] == []
        events = client.get("/api/events", params={"article": done["article_ids"][0]}).json()
        assert events["total"] >= 1 and events["items"][0]["article"]["pub_date"] == "2021-05-03"
        assert client.get("/api/status").json()["writable"] is True
    store.close()


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def _wait(check: Any, timeout: float = 90.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_watch_grows_while_browsed_and_refuses_a_second_writer(tmp_path: Path) -> None:
    import random

    rng = random.Random(5)
    source = tmp_path / "incoming"
    source.mkdir()
    for i in range(3):
        (source / f"{i}.txt").write_text(article_text(i, rng), encoding="utf-8")
    db = tmp_path / "live.duckdb"
    port = free_port()
    env = {**os.environ, "EVENTWIRE_TOKEN": ""}
    cmd = [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(
        [*cmd, "--watch", str(source), "--every", "1s"], env=env, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: httpx.get(base + "/api/status").json()["counts"]["articles"] == 3)
        status = httpx.get(base + "/api/status").json()
        assert status["writable"] and status["watching"] == [str(source)] and not status["ingest"]
        (source / "3.txt").write_text(article_text(3, rng), encoding="utf-8")
        _wait(lambda: httpx.get(base + "/api/status").json()["counts"]["articles"] == 4)
        assert httpx.get(base + "/api/events").json()["total"] > 0
        assert httpx.post(base + "/api/ingest", json={"text": "x"}).status_code in (404, 405)
        second = subprocess.run(
            [sys.executable, "-m", "eventwire", "ingest", str(source), "--db", str(db)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert second.returncode == 1
        assert "E072" in second.stderr and str(db) in second.stderr and "Traceback" not in second.stderr
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
    assert "Traceback" not in err
    with Store.open(db, read_only=True) as store:
        assert store.count("articles") == 4


def test_read_only_server_and_missing_store(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(tmp_path / "none.duckdb"), "--port", "1"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0 and "no such store" in result.stderr
