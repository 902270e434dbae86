"""JSONL dumps: one article per line; a bad line is a rejection for that line only."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from eventwire.errors import BadJsonlLine
from eventwire.sources import RawInput, Rejection, iter_inputs


def _write(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_good_and_bad_lines(tmp_path: Path) -> None:
    good = {"url": "http://n.example/1", "text": "Troops withdrew.", "pub_date": "2021-09-13", "title": "T"}
    lines = [
        json.dumps(good | {"outlet": "Daily"}),
        "{not json",
        json.dumps({"url": "http://n.example/2"}),  # neither text nor html
        "",  # blank lines are skipped, but still counted
        json.dumps({"html": "<p>Talks</p>", "pub_date": "2021-09-13T23:30:00-04:00"}),
        json.dumps({"text": "x", "title": 7}),
        json.dumps({"text": "x", "pub_date": "13/09/2021"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "   ", "html": ""}),
    ]
    path = _write(tmp_path / "dump.jsonl", lines)
    items = list(iter_inputs([path]))
    assert [item.origin for item in items] == [f"{path}:{n}" for n in (1, 2, 3, 5, 6, 7, 8, 9)]
    first, fifth = items[0], items[3]
    assert isinstance(first, RawInput) and isinstance(fifth, RawInput)
    assert (first.kind, first.data, first.url, first.title, first.outlet, first.pub_date) == (
        "text",
        b"Troops withdrew.",
        "http://n.example/1",
        "T",
        "Daily",
        dt.date(2021, 9, 13),
    )
    assert (fifth.kind, fifth.data, fifth.url, fifth.pub_date) == (
        "html",
        b"<p>Talks</p>",
        None,
        dt.date(2021, 9, 13),
    )
    rejected = [item for item in items if isinstance(item, Rejection)]
    assert all(isinstance(item.error, BadJsonlLine) and item.error.code == "E035" for item in rejected)
    reasons = [item.error.reason for item in rejected]
    assert reasons[0].startswith("not valid JSON")
    assert reasons[1] == "neither 'text' nor 'html' holds any article text"
    assert reasons[2] == "'title' is a JSON int, not a string"
    assert "'pub_date' '13/09/2021' is not an ISO date" in reasons[3]
    assert reasons[4] == "a JSON list, not an object"


def test_text_wins_over_html_and_unicode_is_kept(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.jsonl", [json.dumps({"text": "Doha talks: «accord»", "html": "<p>x</p>"})])
    [item] = iter_inputs([path])
    assert isinstance(item, RawInput) and item.kind == "text"
    assert item.data.decode("utf-8") == "Doha talks: «accord»"


def test_broken_unicode_and_deep_nesting_are_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(
        b'{"text": "\\ud800 lone surrogate"}\n{"text": "\xff\xfe bad utf-8"}\n' + b"[" * 100_000 + b"\n"
    )
    items = list(iter_inputs([str(path)]))
    assert [type(item).__name__ for item in items] == ["Rejection"] * 3


def test_known_urls_are_skipped(tmp_path: Path) -> None:
    lines = [json.dumps({"url": f"http://n.example/{n}", "text": f"Story {n}."}) for n in range(3)]
    path = _write(tmp_path / "d.jsonl", lines)
    items = list(iter_inputs([path], known_url=lambda url: url.endswith("/1")))
    assert [item.url for item in items if isinstance(item, RawInput)] == [
        "http://n.example/0",
        "http://n.example/2",
    ]


def test_empty_dump_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.jsonl", ["", "  "])
    [item] = iter_inputs([path])
    assert isinstance(item, Rejection) and "no lines" in item.error.reason
