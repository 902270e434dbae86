"""Fixtures for the web tests: a small real store (invented articles coded by the real pipeline) and
an in-process client over it."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.synthetic import article_text

from eventwire.api import build_pipeline
from eventwire.ingest import ingest
from eventwire.store.db import Store
from eventwire.web import ServerContext, create_app

TOKEN = "test-token-0123456789abcdef"
PROJECT = Path(__file__).resolve().parents[2]


def write_jsonl_corpus(path: Path, n: int, *, seed: int = 11) -> Path:
    """``n`` invented articles with URLs, titles, outlets and publication dates over six months."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = article_text(i, rng)
            title = text.splitlines()[0]
            row = {
                "url": f"https://news.example.org/{i}",
                "title": title,
                "outlet": ["Example Wire", "Sample Times"][i % 2],
                "pub_date": f"2021-{3 + i % 6:02d}-{1 + i % 27:02d}",
                "text": text,
            }
            out.write(json.dumps(row) + "\n")
    return path


@pytest.fixture(scope="session")
def web_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("web")
    corpus = write_jsonl_corpus(root / "corpus.jsonl", 40)
    db = root / "web.duckdb"
    pipeline = build_pipeline()
    with Store.open(db) as store:
        ingest([str(corpus), str(PROJECT / "examples" / "article.txt")], store, pipeline)
    return db


@pytest.fixture(scope="module")
def read_store(web_store_path: Path) -> Iterator[Store]:
    store = Store.open(web_store_path, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(read_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(ServerContext(store=read_store))) as c:
        yield c
