"""WARC archives written with warcio's own writer: pages, skipped records, truncation, a gzip bomb."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from collections.abc import Callable
from pathlib import Path

from tests.sources.helpers import WarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.errors import CorruptArchive, UnreadableInput
from eventwire.sources import RawInput, Rejection, iter_inputs

HTML = b"<html><body><p>" + b"The ministry confirmed the arrests. " * 60 + b"</p></body></html>"

MIXED = [
    WarcRecord("http://n.example/a", HTML),
    WarcRecord(
        "http://n.example/a",
        b"GET /a HTTP/1.1\r\n\r\n",
        record_type="request",
        content_type="application/http",
    ),
    WarcRecord("http://n.example/logo.png", b"\x89PNG....", content_type="image/png"),
    WarcRecord("http://n.example/moved", b"", status="301 Moved Permanently"),
    WarcRecord("http://n.example/missing", b"<html>gone</html>", status="404 Not Found"),
    WarcRecord("http://n.example/meta", b"crawl notes", record_type="metadata", content_type="text/plain"),
    WarcRecord(
        "http://n.example/b", HTML.replace(b"arrests", b"talks"), content_type="application/xhtml+xml"
    ),
]


def test_html_responses_become_raw_inputs(write_warc: Callable[..., Path]) -> None:
    for name in ("crawl.warc", "crawl.warc.gz"):
        path = write_warc(name, MIXED)
        items = list(iter_inputs([str(path)]))
        assert all(isinstance(item, RawInput) for item in items), items
        assert [item.url for item in items if isinstance(item, RawInput)] == [
            "http://n.example/a",
            "http://n.example/b",
        ]
        first = items[0]
        assert isinstance(first, RawInput)
        assert first.kind == "html" and first.data == HTML and first.origin == f"{path}@0"
        assert isinstance(first.fetched_at, dt.datetime) and first.fetched_at.tzinfo is not None
        assert items[1].origin.startswith(f"{path}@") and items[1].origin != first.origin


def test_offsets_point_at_the_records(write_warc: Callable[..., Path]) -> None:
    path = write_warc("crawl.warc.gz", MIXED)
    items = list(iter_inputs([str(path)]))
    data = path.read_bytes()
    for item in items:
        offset = int(item.origin.rsplit("@", 1)[1])
        member = gzip.GzipFile(fileobj=io.BytesIO(data[offset:])).read(200)
        assert member.startswith(b"WARC/1.")


def test_truncated_warc_gz_keeps_the_good_records(write_warc: Callable[..., Path], tmp_path: Path) -> None:
    whole = write_warc(
        "whole.warc.gz", [WarcRecord(f"http://n.example/{n}", HTML) for n in range(3)]
    ).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - len(whole) // 4])
    items = list(iter_inputs([str(cut)]))
    assert [type(item).__name__ for item in items] == ["RawInput", "RawInput", "Rejection"]
    last = items[-1]
    assert isinstance(last, Rejection) and isinstance(last.error, CorruptArchive)
    assert last.origin.startswith(f"{cut}@") and int(last.origin.rsplit("@", 1)[1]) > 0


def test_truncated_plain_warc_record_is_rejected(write_warc: Callable[..., Path], tmp_path: Path) -> None:
    whole = write_warc(
        "whole.warc", [WarcRecord(f"http://n.example/{n}", HTML) for n in range(2)]
    ).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:-500])
    items = list(iter_inputs([str(cut)]))
    assert [type(item).__name__ for item in items] == ["RawInput", "Rejection"]
    assert "truncated" in items[1].error.reason  # type: ignore[union-attr]


def test_garbage_and_empty_archives_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "junk.warc").write_bytes(b"this is not a WARC file\r\n\r\nat all\r\n")
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"nor is this\n"))
    (tmp_path / "empty.warc").write_bytes(b"")
    specs = [str(tmp_path / name) for name in ("junk.warc", "junk.warc.gz", "empty.warc")]
    items = list(iter_inputs(specs))
    assert [type(item).__name__ for item in items] == ["Rejection"] * 3
    assert isinstance(items[0].error, CorruptArchive)  # type: ignore[union-attr]
    assert items[2].error.reason == "file is empty"  # type: ignore[union-attr]


def test_page_over_the_cap_is_rejected_and_the_rest_go_on(write_warc: Callable[..., Path]) -> None:
    big = b"<html>" + b"x" * 5000  # compresses to almost nothing: the file is under the cap, the page is not
    path = write_warc("crawl.warc.gz", [WarcRecord("http://n.example/big", big), MIXED[0]])
    assert path.stat().st_size < 3000 < len(big) and len(HTML) < 3000
    items = list(iter_inputs([str(path)], max_bytes=3000))
    assert [type(item).__name__ for item in items] == ["Rejection", "RawInput"]
    assert items[0].origin == f"{path}@0" and "page is over the 3000-byte cap" in items[0].error.reason  # type: ignore[union-attr]
    assert items[1].url == "http://n.example/a"


def test_gzip_bomb_inside_a_warc_gz_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    bomb = b"<html>" + b" " * (4 * 1024 * 1024)  # 16 caps of 20 kB are 320 kB
    record = writer.create_warc_record(
        "http://n.example/bomb", "response", payload=io.BytesIO(bomb), http_headers=http
    )
    writer.write_record(record)
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 20_000
    items = list(iter_inputs([str(path)], max_bytes=20_000))
    assert len(items) <= 2 and all(isinstance(item, Rejection) for item in items)
    assert any("inflates past" in item.error.reason for item in items if isinstance(item, Rejection))
    assert isinstance(items[-1].error, UnreadableInput)  # type: ignore[union-attr]


def test_known_urls_are_skipped(write_warc: Callable[..., Path]) -> None:
    path = write_warc("crawl.warc.gz", MIXED)
    items = list(iter_inputs([str(path)], known_url=lambda url: url == "http://n.example/a"))
    assert [item.url for item in items if isinstance(item, RawInput)] == ["http://n.example/b"]
