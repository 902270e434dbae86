"""SQL injection through every filter parameter of every endpoint, against a store open for writing.

A payload must be refused (400/422) or taken literally (a text filter that matches nothing); it must never
fail the server (500), change a table, or widen a result."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import TOKEN

from eventwire.store.db import Store
from eventwire.web import ServerContext, create_app
from eventwire.web.params import ARTICLE_QUERY_PARAMS, EVENT_FILTER_PARAMS

PAYLOADS = (
    "' OR '1'='1",
    "MLI' OR 1=1 --",
    "1; DROP TABLE events; --",
    "x') UNION SELECT record FROM events --",
    "%' OR e.event_id LIKE '%",
    '"; DELETE FROM articles; --',
    "\\'; ATTACH 'x.db' AS x; --",
)
EVENT_ENDPOINTS = (
    "/api/events", "/api/actors", "/api/aggregates", "/api/network", "/api/timeline", "/api/map",
    "/api/export/events.jsonl",
)  # fmt: skip
TABLES = ("articles", "events", "rejected", "runs")


@pytest.fixture(scope="module")
def writable(
    web_store_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, Store]]:
    copy = tmp_path_factory.mktemp("inject") / "w.duckdb"
    shutil.copy(web_store_path, copy)
    store = Store.open(copy)
    with TestClient(
        create_app(ServerContext(store=store, token=TOKEN)), raise_server_exceptions=False
    ) as client:
        yield client, store
    store.close()


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


@pytest.mark.parametrize("param", EVENT_FILTER_PARAMS)
def test_event_filters_take_payloads_as_data(writable: tuple[TestClient, Store], param: str) -> None:
    client, store = writable
    before = counts(store)
    total = client.get("/api/events").json()["total"]
    for endpoint in EVENT_ENDPOINTS:
        for payload in PAYLOADS:
            params = {param: payload}
            if param == "partner":
                params["actor"] = "MLI"
            response = client.get(endpoint, params=params)
            assert response.status_code in (200, 400, 422), (endpoint, param, payload, response.text[:200])
            if response.status_code == 200 and endpoint == "/api/events":
                assert response.json()["total"] < total  # a payload never widens the result
    assert counts(store) == before


@pytest.mark.parametrize("param", [*ARTICLE_QUERY_PARAMS, "limit", "offset"])
def test_article_parameters_take_payloads_as_data(writable: tuple[TestClient, Store], param: str) -> None:
    client, store = writable
    before = counts(store)
    for payload in PAYLOADS:
        response = client.get("/api/articles", params={param: payload})
        assert response.status_code in (200, 400, 422), (param, payload)
        if response.status_code == 200 and param in ("q", "outlet"):
            assert response.json()["total"] == 0
    assert client.get("/api/articles/" + PAYLOADS[0]).status_code in (404, 422)
    assert counts(store) == before


@pytest.mark.parametrize("param", ["by", "interval", "country", "limit", "offset"])
def test_summary_options_are_closed_choices(writable: tuple[TestClient, Store], param: str) -> None:
    client, store = writable
    before = counts(store)
    for endpoint in ("/api/aggregates", "/api/timeline", "/api/events", "/api/actors"):
        for payload in PAYLOADS:
            response = client.get(endpoint, params={param: payload})
            assert response.status_code in (200, 422), (endpoint, param, payload)
    assert counts(store) == before


def test_ingest_body_is_data(writable: tuple[TestClient, Store]) -> None:
    client, store = writable
    before = counts(store)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    for payload in PAYLOADS:
        response = client.post(
            "/api/ingest", json={"url": "https://x.invalid/" + payload, "title": payload}, headers=headers
        )
        # the context has no pipeline: refused before anything is read, never a 500 from SQL
        assert response.status_code in (422, 503)
    assert counts(store) == before
