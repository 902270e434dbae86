"""iter_inputs on files, directories, stdin and bad specs."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from tests.sources.helpers import WarcRecord, warc_bytes

from eventwire.errors import InputNotFound, UnreadableInput, UnsupportedInput
from eventwire.sources import DEFAULT_MAX_BYTES, RawInput, Rejection, SourceItem, iter_inputs

HTML = b"<!DOCTYPE html><html><body><p>Protesters marched in the capital.</p></body></html>"


def _only(items: list[SourceItem]) -> SourceItem:
    assert len(items) == 1, items
    return items[0]


def test_text_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"The army said so.")
    (tmp_path / "b.TEXT").write_bytes(b"Police arrested two men.")
    for suffix in (".html", ".htm", ".xhtml"):
        (tmp_path / f"c{suffix}").write_bytes(HTML)
    specs = [str(tmp_path / name) for name in ("a.txt", "b.TEXT", "c.html", "c.htm", "c.xhtml")]
    items = list(iter_inputs(specs))
    assert [(item.origin, item.kind) for item in items if isinstance(item, RawInput)] == [
        (specs[0], "text"),
        (specs[1], "text"),
        (specs[2], "html"),
        (specs[3], "html"),
        (specs[4], "html"),
    ]
    assert isinstance(items[0], RawInput) and items[0].data == b"The army said so."


def test_empty_and_blank_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b" \n\t\n")
    items = list(iter_inputs([str(tmp_path / "empty.txt"), str(tmp_path / "blank.html")]))
    assert all(isinstance(item, Rejection) and isinstance(item.error, UnreadableInput) for item in items)
    assert [item.error.reason for item in items if isinstance(item, Rejection)] == [
        "file is empty",
        "file is empty (only white space)",
    ]


def test_binary_file_is_left_to_the_read_stage(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 4)
    item = _only(list(iter_inputs([str(path)])))
    assert isinstance(item, RawInput) and item.kind == "text" and len(item.data) == 1024


def test_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    item = _only(list(iter_inputs([str(path)], max_bytes=100)))
    assert isinstance(item, Rejection) and "101 bytes, over the 100-byte cap" in item.error.reason
    assert isinstance(_only(list(iter_inputs([str(path)], max_bytes=101))), RawInput)


@pytest.mark.timeout(10)
def test_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:  # sparse: 8 GiB on paper, nothing on disk
        handle.truncate(8 * 1024**3)
    item = _only(list(iter_inputs([str(path)])))
    assert isinstance(item, Rejection)
    assert f"over the {DEFAULT_MAX_BYTES}-byte cap" in item.error.reason


def test_nested_directory_sorted_and_recursive(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "b" / "deep" / "z.html").write_bytes(HTML)
    (tmp_path / "b" / "m.jsonl").write_text('{"text": "from jsonl", "url": "http://x/1"}\n')
    (tmp_path / "b" / "n.warc").write_bytes(warc_bytes([WarcRecord("http://x/2", HTML)], gzip=False))
    (tmp_path / "b" / "o.warc.gz").write_bytes(warc_bytes([WarcRecord("http://x/3", HTML)], gzip=True))
    (tmp_path / "c.urls").write_text("# none yet\n")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = list(iter_inputs([str(tmp_path)]))
    origins = [item.origin for item in items]
    assert origins == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "deep" / "z.html"),
        f"{tmp_path / 'b' / 'm.jsonl'}:1",
        f"{tmp_path / 'b' / 'n.warc'}@0",
        f"{tmp_path / 'b' / 'o.warc.gz'}@0",
        str(tmp_path / "c.urls"),  # rejected: no URLs in it
    ]
    assert [type(item).__name__ for item in items][-1] == "Rejection"


def test_directory_without_inputs_is_one_rejection(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing to code")
    item = _only(list(iter_inputs([str(tmp_path)])))
    assert isinstance(item, Rejection) and isinstance(item.error, UnsupportedInput)
    assert "no supported files" in item.error.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_unlistable_subdirectory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("readable")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("hidden")
    locked.chmod(0)
    try:
        items = list(iter_inputs([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert [type(item).__name__ for item in items] == ["Rejection", "RawInput"]
    assert "cannot list" in items[0].error.reason  # type: ignore[union-attr]


def test_missing_path_unsupported_suffix_and_other_schemes(tmp_path: Path) -> None:
    (tmp_path / "doc.pdf").write_bytes(b"%PDF")
    specs = [str(tmp_path / "nope.txt"), str(tmp_path / "doc.pdf"), "ftp://example.org/a.txt"]
    items = list(iter_inputs(specs))
    assert [item.origin for item in items] == specs
    errors = [item.error for item in items if isinstance(item, Rejection)]
    assert isinstance(errors[0], InputNotFound)
    assert isinstance(errors[1], UnsupportedInput) and "'.pdf'" in errors[1].reason
    assert isinstance(errors[2], UnsupportedInput) and "'ftp'" in errors[2].reason


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Rebels seized the town.")
    items = list(iter_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "good.txt")]))
    assert [type(item).__name__ for item in items] == ["Rejection", "RawInput"]


def test_stdin_html_and_text() -> None:
    item = _only(list(iter_inputs(["-"], stdin=io.BytesIO(b"\n  " + HTML))))
    assert isinstance(item, RawInput) and (item.origin, item.kind) == ("-", "html")
    item = _only(list(iter_inputs(["-"], stdin=io.BytesIO(b"Ministers met in Paris."))))
    assert isinstance(item, RawInput) and item.kind == "auto" and item.data == b"Ministers met in Paris."


def test_stdin_empty_and_over_the_cap() -> None:
    empty = _only(list(iter_inputs(["-"], stdin=io.BytesIO(b"  \n"))))
    assert isinstance(empty, Rejection) and "empty" in empty.error.reason
    big = _only(list(iter_inputs(["-"], stdin=io.BytesIO(b"x" * 11), max_bytes=10)))
    assert isinstance(big, Rejection) and "over the 10-byte cap" in big.error.reason


def test_a_single_string_is_not_a_list_of_specs() -> None:
    with pytest.raises(TypeError, match="not one string"):
        list(iter_inputs("article.txt"))
