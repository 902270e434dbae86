"""Fixtures for the sources tests: a local HTTP server, a fast fetcher, a WARC writer."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.sources.helpers import LocalServer, WarcRecord, warc_bytes

from eventwire.sources import Fetcher


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.start()
    yield local
    local.close()


@pytest.fixture(scope="session")
def tls_context() -> ssl.SSLContext:
    """One TLS context for every test fetcher: httpx builds a new one per client otherwise (0.3 s each)."""
    return ssl.create_default_context()


@pytest.fixture
def make_fetcher(tls_context: ssl.SSLContext) -> Iterator[Callable[..., Fetcher]]:
    """Makes fetchers over a real HTTP transport with short timeouts and near-zero backoff (overridable);
    closes them after the test."""
    made: list[Fetcher] = []

    def make(**options: Any) -> Fetcher:
        settings: dict[str, Any] = {
            "connect_timeout": 1.0,
            "read_timeout": 1.0,
            "deadline": 5.0,
            "backoff_base": 0.01,
            "max_retry_after": 0.05,
        }
        settings.update(options)
        fetcher = Fetcher(transport=httpx.HTTPTransport(verify=tls_context), **settings)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


@pytest.fixture
def fetcher(make_fetcher: Callable[..., Fetcher]) -> Fetcher:
    """A fetcher with short timeouts and near-zero backoff, so failure tests stay fast."""
    return make_fetcher()


@pytest.fixture
def write_warc(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, records: list[WarcRecord]) -> Path:
        path = tmp_path / name
        path.write_bytes(warc_bytes(records, gzip=name.endswith(".gz")))
        return path

    return write
