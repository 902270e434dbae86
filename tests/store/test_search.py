"""Article search: the store's own term index (schema 2), BM25 ranking, phrases and filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import BadOption
from eventwire.store.db import ArticleRecord, Store, StoredArticle, content_hash, identity_of
from eventwire.store.schema import MIGRATIONS
from eventwire.store.search import ArticleQuery, get_article, search_articles

TEXTS = {
    "a": (
        "Flood talks",
        "Ministers met to discuss the flood. The flood damaged roads. Flood relief was promised.",
    ),
    "b": ("Budget", "The finance minister presented the budget; a flood of criticism followed."),
    "c": (
        "Côte d'Ivoire",
        "Les élections à Abidjan: the electoral commission in Côte d'Ivoire met on Monday.",
    ),
    "d": ("Harbour strike", "Dock workers went on strike at the harbour over pay."),
}


def record(key: str, *, outlet: str = "Wire", day: int = 1) -> ArticleRecord:
    title, text = TEXTS[key]
    h = content_hash(text)
    url = f"https://example.org/{key}"
    return ArticleRecord(
        identity=identity_of(url, None, h), content_hash=h, origin=url, text=text, status="coded", url=url,
        title=title, outlet=outlet, pub_date=dt.date(2022, 3, day),
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "s.duckdb")
    items = [
        StoredArticle(record("a", day=1)),
        StoredArticle(record("b", outlet="Daily", day=5)),
        StoredArticle(record("c", day=9)),
        StoredArticle(record("d", outlet="Daily", day=20)),
    ]
    s.write_batch(items, [], run_id="r", code_version="1")
    yield s
    s.close()


def titles(store: Store, **kw: object) -> list[str]:
    _, rows = search_articles(store, ArticleQuery(**kw))  # type: ignore[arg-type]
    return [r["title"] for r in rows]


def test_all_words_must_occur_and_more_occurrences_rank_first(store: Store) -> None:
    assert titles(store, q="flood") == ["Flood talks", "Budget"]
    assert titles(store, q="flood minister") == ["Budget"]
    assert titles(store, q="FLOOD, Relief!") == ["Flood talks"]
    assert titles(store, q="volcano") == []


def test_phrases_match_as_written(store: Store) -> None:
    assert titles(store, q='"flood of criticism"') == ["Budget"]
    assert titles(store, q='"criticism of flood"') == []
    assert titles(store, q='minister "flood of"') == ["Budget"]


def test_letters_beyond_ascii_are_words(store: Store) -> None:
    assert titles(store, q="élections Côte") == ["Côte d'Ivoire"]
    assert titles(store, q="cote") == []  # no accent folding: the index keeps words as written


def test_outlet_and_date_filters_without_search_newest_first(store: Store) -> None:
    assert titles(store, outlet="daily") == ["Harbour strike", "Budget"]
    assert titles(store, since=dt.date(2022, 3, 5), until=dt.date(2022, 3, 9)) == ["Côte d'Ivoire", "Budget"]
    total, rows = search_articles(store, ArticleQuery(), limit=2, offset=2)
    assert total == 4 and [r["title"] for r in rows] == ["Budget", "Flood talks"]


@pytest.mark.parametrize("q", ["", "   ", "!!! ???", "x" * 501])
def test_empty_or_oversized_searches_are_refused(q: str) -> None:
    with pytest.raises(BadOption):
        ArticleQuery(q=q)


def test_page_limits_are_checked(store: Store) -> None:
    with pytest.raises(BadOption):
        search_articles(store, ArticleQuery(), limit=0)
    with pytest.raises(BadOption):
        search_articles(store, ArticleQuery(), offset=-1)


def test_get_article_gives_text_and_next_version(store: Store) -> None:
    _, rows = search_articles(store, ArticleQuery(q="harbour"))
    art = get_article(store, rows[0]["article_id"])
    assert art is not None and art["text"] == TEXTS["d"][1] and art["next_id"] is None
    assert get_article(store, "a" + "0" * 19) is None


def test_migration_indexes_articles_of_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path, migrations=MIGRATIONS[:1]) as old:
        old.con.execute(
            """INSERT INTO articles (article_id, identity, version, content_hash, origin, title, status, text,
                   code_version, run_id, ingested_at)
               VALUES ('a0000000000000000001', 'x', 1, 'h', 'x.txt', 'Old', 'coded',
                       'Harbour pilots held a strike.', '0', 'r', now())"""
        )
    with Store.open(path) as new:
        assert titles(new, q="strike harbour") == ["Old"]
        assert new.con.execute("SELECT n_terms FROM article_lengths").fetchall() == [(6,)]
