"""The GeoJSON export: valid JSON, [lon, lat] points, events without a point skipped, hostile text safe."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from eventwire.api import code_text
from eventwire.output.geojson import feature, write_geojson
from eventwire.pipeline import Pipeline

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "article.txt"


def make_record(**changes: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": "e0f67e8006f9dd50c7f4", "doc": "d1", "cameo": "141", "cameo_root": "14", "plover": "PROTEST",
        "goldstein": -6.5, "quad_class": 3,
        "source": {"text": "protesters", "name": None, "country": "TGO", "type": "CVL",
                   "start": 4, "end": 14},
        "target": None, "date": "2024-03-05", "date_precision": "day", "date_span": None,
        "location": {"text": "Lome", "name": "Lomé", "country": "TGO", "lat": 6.12874, "lon": 1.22154,
                     "start": 20, "end": 24},
        "status": "asserted", "attributed_to": None, "quantities": [],
        "evidence": {"text": "The protesters rallied in Lome.", "start": 0, "end": 31},
        "trigger": {"text": "rallied", "start": 15, "end": 22}, "other_mentions": [], "confidence": 0.85,
        "rule": "test",
    }  # fmt: skip
    rec.update(changes)
    return rec


def render(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    write_geojson(records, out)
    return out.getvalue()


def test_a_point_in_lon_lat_order() -> None:
    doc = json.loads(render([make_record()]))
    assert doc["type"] == "FeatureCollection"
    [feat] = doc["features"]
    assert feat["type"] == "Feature" and feat["id"] == "e0f67e8006f9dd50c7f4"
    assert feat["geometry"] == {"type": "Point", "coordinates": [1.22154, 6.12874]}
    props = feat["properties"]
    assert (props["cameo"], props["cameo_root"], props["plover"], props["quad_class"]) == (
        "141",
        "14",
        "PROTEST",
        3,
    )
    assert (props["source_country"], props["source_type"], props["source_text"]) == (
        "TGO",
        "CVL",
        "protesters",
    )
    assert props["target_country"] is None
    assert (props["location_name"], props["location_country"]) == ("Lomé", "TGO")
    assert (props["evidence_start"], props["evidence_end"]) == (0, 31)
    assert "url" not in props


def test_places_listed_with_the_location_make_a_multipoint() -> None:
    kara = {"text": "Kara", "name": "Kara", "country": "TGO", "lat": 9.55, "lon": 1.19,
            "start": 30, "end": 34}  # fmt: skip
    region = {"text": "Savanes", "name": "Savanes", "country": "TGO", "lat": None, "lon": None,
              "start": 40, "end": 47}  # fmt: skip
    [feat] = json.loads(render([make_record(other_locations=[kara, region])]))["features"]
    assert feat["geometry"] == {"type": "MultiPoint", "coordinates": [[1.22154, 6.12874], [1.19, 9.55]]}
    assert feat["properties"]["other_location_names"] == "Kara; Savanes"
    [single] = json.loads(render([make_record(other_locations=[])]))["features"]
    assert single["geometry"]["type"] == "Point" and single["properties"]["other_location_names"] is None


def test_events_without_coordinates_are_skipped() -> None:
    country_only = {
        "text": "Togo",
        "name": "Togo",
        "country": "TGO",
        "lat": None,
        "lon": None,
        "start": 0,
        "end": 4,
    }
    records = [make_record(location=None), make_record(location=country_only), make_record(id="kept")]
    doc = json.loads(render(records))
    assert [f["id"] for f in doc["features"]] == ["kept"]
    assert feature(make_record(location=None)) is None
    assert feature(make_record(location={**country_only, "lat": 95.0, "lon": 1.0})) is None
    assert feature(make_record(location={**country_only, "lat": float("nan"), "lon": 1.0})) is None


def test_zero_features_is_valid() -> None:
    assert json.loads(render([])) == {"type": "FeatureCollection", "features": []}
    assert json.loads(render([make_record(location=None)]))["features"] == []


def test_article_url_and_title() -> None:
    article = {"url": "https://example.org/a?b=1&c=2", "title": "A </script> title", "pub_date": None,
               "ingested_at": None, "outlet": None}  # fmt: skip
    text = render([make_record(article=article)])
    assert "</script>" not in text and "&" not in text
    props = json.loads(text)["features"][0]["properties"]
    assert (props["url"], props["title"]) == (article["url"], article["title"])


def test_non_finite_numbers_become_null() -> None:
    props = json.loads(render([make_record(goldstein=float("nan"))]))["features"][0]["properties"]
    assert props["goldstein"] is None


HOSTILE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    [
        '"quoted"',
        "</script><script>alert(1)</script>",
        "back\\slash",
        "tab\tnew\nline",
        "\u2028\u2029",
        "ÆØÅ 東京 🚀",
    ]
)


@given(HOSTILE, HOSTILE)
def test_hostile_strings_round_trip(name: str, evidence: str) -> None:
    rec = make_record(
        source={"text": name, "name": name, "country": "TGO", "type": "CVL", "start": 0, "end": 1},
        evidence={"text": evidence, "start": 0, "end": len(evidence)},
    )
    text = render([rec])
    assert "</" not in text and "\u2028" not in text
    props = json.loads(text)["features"][0]["properties"]
    assert (props["source_name"], props["source_text"], props["evidence"]) == (name, name, evidence)


def test_round_trip_on_the_example_article(pipeline: Pipeline) -> None:
    events = code_text(EXAMPLE.read_text(encoding="utf-8"), doc_id="example", pub_date=dt.date(2024, 3, 5),
                       pipeline=pipeline)  # fmt: skip
    records = [e.to_json() for e in events]
    doc = json.loads(render(records))
    located = [r for r in records if r["location"] and r["location"]["lat"] is not None]
    assert located, "the example article should have a located event (Lome)"
    assert [f["id"] for f in doc["features"]] == [r["id"] for r in located]
    for feat, rec in zip(doc["features"], located, strict=True):
        assert feat["geometry"]["coordinates"] == [rec["location"]["lon"], rec["location"]["lat"]]
