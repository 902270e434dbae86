"""Property: whatever bytes an input file holds, iter_inputs yields RawInput or Rejection, never raises."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.sources import RawInput, Rejection, iter_inputs

SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".urls"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
article_objects = st.fixed_dictionaries(
    {},
    optional={
        "url": st.none() | st.text(max_size=30) | st.integers(),
        "text": st.none() | st.text(max_size=40) | st.integers(),
        "html": st.none() | st.text(max_size=40) | st.lists(st.text(max_size=3), max_size=2),
        "title": st.none() | st.text(max_size=20) | st.floats(allow_nan=False),
        "outlet": st.none() | st.text(max_size=20),
        "pub_date": st.none()
        | st.dates().map(str)
        | st.datetimes().map(lambda d: d.isoformat())
        | st.text(max_size=12)
        | st.integers(),
    },
)
jsonl_lines = st.one_of(
    article_objects.map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=40).filter(lambda line: "\n" not in line and "\r" not in line),
)


def _never_fetch(url: str) -> bool:
    return True  # every URL counts as known, so nothing is fetched


def _check(path: Path, max_bytes: int = 10_000) -> None:
    for item in iter_inputs([str(path), str(path.parent)], known_url=_never_fetch, max_bytes=max_bytes):
        assert isinstance(item, RawInput | Rejection)
        if isinstance(item, RawInput):
            assert item.data.strip() and len(item.data) <= max_bytes
            assert item.kind in ("text", "html", "auto")
        else:
            assert item.error.code.startswith("E") and item.origin


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES), compress=st.booleans())
def test_random_bytes_in_any_input_file(data: bytes, suffix: str, compress: bool) -> None:
    if compress:
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        _check(path)


@settings(max_examples=50, deadline=None)
@given(lines=st.lists(jsonl_lines, max_size=8))
def test_random_jsonl_lines(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dump.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        items = list(iter_inputs([str(path)], known_url=_never_fetch))
        assert all(isinstance(item, RawInput | Rejection) for item in items)
        for item in items:
            line = int(item.origin.rsplit(":", 1)[1]) if item.origin != str(path) else 0
            assert 0 <= line <= len(lines)


@settings(max_examples=40, deadline=None)
@given(head=st.binary(max_size=300), cut=st.integers(min_value=0, max_value=4000))
def test_damaged_warc_archives(head: bytes, cut: int) -> None:
    from tests.sources.helpers import WarcRecord, warc_bytes

    whole = warc_bytes(
        [WarcRecord(f"http://n.example/{n}", b"<html>page</html>") for n in range(3)], gzip=True
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.warc.gz"
        path.write_bytes(head + whole[:cut])
        _check(path)
