"""Event filters: each option selects what it says, and only that."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.store.test_db import article, event, write

from eventwire.errors import BadOption
from eventwire.store import EventFilter, Store, StoredArticle, export_parquet, query_events


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "q.duckdb")
    write(
        s,
        StoredArticle(
            article("Article one.", "https://x.org/1", pub_date=dt.date(2021, 9, 14)),
            [
                event("042", 0, "MLI", "RUS", date="2021-09-13", plover="CONSULT"),
                event("141", 20, "MLI", None, status="alleged", plover="PROTEST"),
                event("173", 40, "FRA", "MLI", date="2021-08", plover="COERCE"),
            ],
        ),
    )
    yield s
    s.close()


def cameos(store: Store, **kw: object) -> list[str]:
    return sorted(e["cameo"] for e in query_events(store, EventFilter(**kw)))  # type: ignore[arg-type]


def test_filters(store: Store) -> None:
    assert cameos(store) == ["042", "141", "173"]
    assert cameos(store, actor="MLI") == ["042", "141", "173"]
    assert cameos(store, actor="RUS") == ["042"]
    assert cameos(store, source="FRA") == ["173"]
    assert cameos(store, target="MLI") == ["173"]
    assert cameos(store, cameo="14") == ["141"]
    assert cameos(store, cameo="173") == ["173"]
    assert cameos(store, plover="protest") == ["141"]
    assert cameos(store, status="alleged") == ["141"]
    # an undated event takes the publication day (2021-09-14); a month-precise one spans its month
    assert cameos(store, since=dt.date(2021, 9, 14)) == ["141"]
    assert cameos(store, until=dt.date(2021, 8, 15)) == ["173"]
    assert cameos(store, since=dt.date(2021, 8, 31), until=dt.date(2021, 9, 13)) == ["042", "173"]


@pytest.mark.parametrize(
    "kw",
    [{"actor": "mali"}, {"source": "ML"}, {"cameo": "x1"}, {"status": "rumour"},
     {"since": dt.date(2021, 2, 1), "until": dt.date(2021, 1, 1)}],
)  # fmt: skip
def test_bad_filters_are_refused(kw: dict[str, object]) -> None:
    with pytest.raises(BadOption):
        EventFilter(**kw)  # type: ignore[arg-type]


def test_parquet_export_round_trips(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "it's here.parquet"  # a quote in the path must not break the COPY statement
    assert export_parquet(store, EventFilter(actor="MLI"), str(out)) == 3
    rows = store.con.execute(
        "SELECT cameo, url, source_country FROM read_parquet(?) ORDER BY cameo", [str(out)]
    )
    assert rows.fetchall() == [("042", "https://x.org/1", "MLI"), ("141", "https://x.org/1", "MLI"),
                               ("173", "https://x.org/1", "FRA")]  # fmt: skip


def _located(name: str, country: str) -> dict[str, object]:
    return {"text": name, "name": name, "country": country, "lat": 1.0, "lon": 2.0, "start": 0, "end": 3}


def test_place_filter_matches_every_location_of_an_event(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "p.duckdb")
    try:
        write(
            s,
            StoredArticle(
                article("Article two.", "https://x.org/2"),
                [
                    event("190", 0, location=_located("Homs", "SYR"),
                          other_locations=[_located("Tripoli", "LBN"), _located("Idlib", "SYR")]),
                    event("141", 20, location=_located("Bamako", "MLI"), other_locations=[]),
                    event("042", 40),
                ],
            ),
        )  # fmt: skip
        assert cameos(s, place="SYR") == ["190"]
        assert cameos(s, place="LBN") == ["190"]  # a listed place's country
        assert cameos(s, place="tripoli") == ["190"]  # a listed place's name
        assert cameos(s, place="bamako") == ["141"]
        assert cameos(s, place="MLI") == ["141"]
        assert cameos(s, place="Paris") == []
    finally:
        s.close()
