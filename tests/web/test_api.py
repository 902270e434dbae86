"""The JSON API, in-process, over a small real store."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.store.db import Store
from eventwire.store.query import EventFilter, query_events


def all_events(read_store: Store) -> list[dict[str, Any]]:
    return list(query_events(read_store, EventFilter()))


def test_status_reports_counts_and_read_only(client: TestClient, read_store: Store) -> None:
    body = client.get("/api/status").json()
    assert body["writable"] is False and body["ingest"] is False
    assert body["counts"]["events"] == read_store.count("events") > 20
    assert body["counts"]["articles"] == 41


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    expected = [
        "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors", "/api/aggregates",
        "/api/network", "/api/timeline", "/api/map", "/api/export/events.{fmt}", "/api/status",
    ]  # fmt: skip
    for path in expected:
        assert path in paths
    assert "/api/ingest" not in paths  # no token: no write endpoint
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "partner", "actor_type", "actor_name", "cameo", "plover", "status", "since", "until",
            "place", "bbox", "limit", "offset"} <= params  # fmt: skip


def test_docs_page_uses_packaged_swagger_not_a_cdn(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "https://" not in html.split("<body>")[0].replace("https://fastapi", "")


def test_no_write_endpoint_without_token(client: TestClient) -> None:
    assert client.post("/api/ingest", json={"text": "x"}).status_code in (404, 405)


def test_events_page_and_total(client: TestClient, read_store: Store) -> None:
    total = len(all_events(read_store))
    first = client.get("/api/events", params={"limit": 5}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == total
    assert len(first["items"]) == 5 and len(second["items"]) == 5
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert first["items"][0]["article"]["url"].startswith("https://news.example.org/")


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"actor": "MLI"}, lambda e: "MLI" in (_c(e, "source"), _c(e, "target"))),
        ({"source": "FRA"}, lambda e: _c(e, "source") == "FRA"),
        ({"target": "GHA"}, lambda e: _c(e, "target") == "GHA"),
        ({"actor_type": "MIL"}, lambda e: "MIL" in (_t(e, "source"), _t(e, "target"))),
        ({"cameo": "14"}, lambda e: e["cameo"].startswith("14")),
        ({"plover": "protest"}, lambda e: e["plover"] == "PROTEST"),
        ({"status": "asserted"}, lambda e: e["status"] == "asserted"),
        ({"since": "2021-06-01"}, lambda e: (e["date"] or e["article"]["pub_date"]) >= "2021-06"),
        ({"until": "2021-04-30"}, lambda e: (e["date"] or e["article"]["pub_date"]) <= "2021-04-30"),
        ({"text": "protesters"}, lambda e: "protesters" in e["evidence"]["text"].lower()),
    ],
)
def test_event_filters_select_what_they_say(client: TestClient, params: dict[str, str], check: Any) -> None:
    body = client.get("/api/events", params={**params, "limit": 1000}).json()
    assert body["total"] > 0, params
    assert body["total"] < client.get("/api/events").json()["total"]
    assert all(check(e) for e in body["items"]), params


def _c(e: dict[str, Any], side: str) -> str | None:
    return (e[side] or {}).get("country")


def _t(e: dict[str, Any], side: str) -> str | None:
    return (e[side] or {}).get("type")


def test_actor_and_partner_select_the_pair_both_ways(client: TestClient, read_store: Store) -> None:
    events = all_events(read_store)
    pairs = {(_c(e, "source"), _c(e, "target")) for e in events if _c(e, "source") and _c(e, "target")}
    a, b = next((a, b) for a, b in sorted(pairs) if a != b)
    expected = {e["id"] for e in events if {_c(e, "source"), _c(e, "target")} == {a, b}}
    got = client.get("/api/events", params={"actor": a, "partner": b, "limit": 1000}).json()["items"]
    assert {e["id"] for e in got} == expected


def test_place_name_country_and_bounding_box(client: TestClient, read_store: Store) -> None:
    located = [e for e in all_events(read_store) if e["location"] and e["location"].get("lat") is not None]
    assert located
    loc = located[0]["location"]
    by_name = client.get("/api/events", params={"place": loc["name"][:4].lower()}).json()["items"]
    assert located[0]["id"] in {e["id"] for e in by_name}
    by_country = client.get("/api/events", params={"place": loc["country"], "limit": 1000}).json()["items"]
    assert by_country and all(e["location"]["country"] == loc["country"] for e in by_country)
    box = f"{loc['lon'] - 0.5},{loc['lat'] - 0.5},{loc['lon'] + 0.5},{loc['lat'] + 0.5}"
    in_box = client.get("/api/events", params={"bbox": box, "limit": 1000}).json()["items"]
    assert located[0]["id"] in {e["id"] for e in in_box}
    assert all(abs(e["location"]["lat"] - loc["lat"]) <= 0.5 for e in in_box)
    far = client.get("/api/events", params={"bbox": "-179,-89,-178,-88"}).json()
    assert far["total"] == 0


def test_actor_name_matches_names_and_texts(client: TestClient, read_store: Store) -> None:
    named = [e for e in all_events(read_store) if e["source"] and e["source"]["text"]]
    word = named[0]["source"]["text"].split()[-1]
    got = client.get("/api/events", params={"actor_name": word.upper(), "limit": 1000}).json()["items"]
    assert named[0]["id"] in {e["id"] for e in got}


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "mali"},
        {"cameo": "1x"},
        {"status": "true"},
        {"bbox": "1,2,3"},
        {"bbox": "10,0,0,10"},
        {"since": "2021-13-01"},
        {"since": "2021-06-01", "until": "2021-01-01"},
        {"partner": "FRA"},
        {"limit": "0"},
        {"limit": "100000"},
        {"offset": "-1"},
        {"article": "not-an-id"},
    ],
)
def test_bad_filters_are_refused_with_a_reason(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code in (400, 422), params
    assert response.json()["detail"]


def test_article_search_ranks_matches_and_honours_phrases(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "Togo Lome"}).json()
    assert body["total"] >= 1
    assert "Lome" in body["items"][0]["snippet"] or "Togo" in body["items"][0]["title"]
    assert all(item["score"] > 0 for item in body["items"])
    none = client.get("/api/articles", params={"q": "zzzunknownword"}).json()
    assert none["total"] == 0
    words = client.get("/api/articles", params={"q": "news from Mali"}).json()["total"]
    phrase = client.get("/api/articles", params={"q": '"news from Mali"'}).json()["total"]
    reversed_phrase = client.get("/api/articles", params={"q": '"Mali from news"'}).json()["total"]
    assert words >= phrase > 0 and reversed_phrase == 0


def test_article_filters_by_outlet_and_date(client: TestClient) -> None:
    wire = client.get("/api/articles", params={"outlet": "example wire", "limit": 1000}).json()
    assert wire["total"] == 20 and all(a["outlet"] == "Example Wire" for a in wire["items"])
    march = client.get("/api/articles", params={"since": "2021-03-01", "until": "2021-03-31"}).json()
    assert march["total"] > 0 and all(a["pub_date"].startswith("2021-03") for a in march["items"])


def test_one_article_with_events_whose_offsets_point_into_its_text(client: TestClient) -> None:
    listed = client.get("/api/articles", params={"q": "Togo"}).json()["items"][0]
    article = client.get(f"/api/articles/{listed['article_id']}").json()
    assert article["events"]
    for ev in article["events"]:
        spans = [
            ev["evidence"],
            ev["trigger"],
            *(x for x in (ev["source"], ev["target"], ev["location"]) if x),
        ]
        for span in spans:
            assert article["text"][span["start"] : span["end"]] == span["text"]
    assert client.get("/api/articles/a0000000000000000000").status_code == 404
    assert client.get("/api/articles/../../etc").status_code in (404, 422)


def test_actors_count_both_sides(client: TestClient, read_store: Store) -> None:
    items = client.get("/api/actors", params={"limit": 10_000}).json()["items"]
    events = all_events(read_store)
    as_source = sum(1 for e in events if e["source"])
    assert sum(a["as_source"] for a in items) == as_source
    assert all(a["events"] == a["as_source"] + a["as_target"] for a in items)


def test_aggregates_sum_to_the_filtered_total(client: TestClient) -> None:
    for by in ("quad_class", "plover"):
        for interval in ("day", "month"):
            body = client.get(
                "/api/aggregates", params={"by": by, "interval": interval, "actor": "MLI"}
            ).json()
            total = client.get("/api/events", params={"actor": "MLI"}).json()["total"]
            assert sum(r["count"] for r in body["items"]) == total
    months = {r["period"] for r in client.get("/api/aggregates").json()["items"] if r["period"]}
    assert months and all(len(p) == 7 for p in months)
    assert (
        client.get("/api/aggregates", params={"by": "source_country; DROP TABLE events"}).status_code == 422
    )


def test_network_edges_count_events_between_coded_actors(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert graph["edges"]
    for edge in graph["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
        assert edge["count"] == sum(edge["by_quad"].values())
        assert edge["by_quad"][str(edge["quad_class"])] == max(edge["by_quad"].values())


def test_timeline_for_a_pair(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"actor": "MLI", "interval": "month"}).json()
    assert body["items"] and body["events"]
    assert sum(i["count"] for i in body["items"]) == len(body["events"])
    assert all("MLI" in (e["source_label"] or "") + (e["target_label"] or "") for e in body["events"])


def test_map_counts_the_located_events_per_place(client: TestClient, read_store: Store) -> None:
    fc = client.get("/api/map").json()
    assert fc["type"] == "FeatureCollection" and fc["features"]
    located = [e for e in all_events(read_store) if (e["location"] or {}).get("lat") is not None]
    assert sum(f["properties"]["count"] for f in fc["features"]) == len(located)
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = f["properties"]
        assert sum(props["by_quad"].values()) <= props["count"]
        box = f"{lon - 0.001},{lat - 0.001},{lon + 0.001},{lat + 0.001}"
        assert client.get("/api/events", params={"bbox": box}).json()["total"] >= props["count"]
    mali = client.get("/api/map", params={"actor": "MLI"}).json()["features"]
    assert sum(f["properties"]["count"] for f in mali) < len(located)


def test_exports_carry_the_filtered_events(client: TestClient, tmp_path: Any) -> None:
    flt = {"actor": "MLI"}
    total = client.get("/api/events", params=flt).json()["total"]
    jsonl = client.get("/api/export/events.jsonl", params=flt)
    assert jsonl.status_code == 200 and "ndjson" in jsonl.headers["content-type"]
    assert len(jsonl.text.splitlines()) == total
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events.csv", params=flt).text)))
    assert len(rows) == total
    parquet = client.get("/api/export/events.parquet", params=flt)
    path = tmp_path / "e.parquet"
    path.write_bytes(parquet.content)
    assert duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone() == (
        total,
    )
    geo = json.loads(client.get("/api/export/events.geojson", params=flt).text)
    assert geo["type"] == "FeatureCollection"
    tsv = client.get("/api/export/events.tsv", params=flt).text.splitlines()
    assert len(tsv) == total and all(len(line.split("\t")) == 61 for line in tsv)
    assert client.get("/api/export/events.exe").status_code == 404


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for path in ("/", "/api/events", "/static/app.js"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_status_parameter_lists_the_seven_statuses() -> None:
    from typing import get_args

    from eventwire.document import STATUSES
    from eventwire.web.params import EventStatus

    assert set(get_args(EventStatus)) == set(STATUSES)
