"""JSONL article dumps: one JSON object per line with ``url``, ``text`` or ``html``, ``pub_date``, ``title``
and ``outlet``. A bad line becomes a rejection for that line (origin ``path:LINE``); the others go on."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import BadJsonlLine, EventwireError, UnreadableInput
from eventwire.sources.files import open_capped
from eventwire.sources.item import RawInput, Rejection, SourceItem

_LINE_HINT = "fix or drop the line; each line is one object with url, text or html, pub_date, title, outlet"
_STRING_FIELDS = ("url", "text", "html", "title", "outlet", "pub_date")


def iter_jsonl(
    path: Path, max_bytes: int, known_url: Callable[[str], bool] | None = None
) -> Iterator[SourceItem]:
    """One item per non-blank line of the JSONL file ``path``; lines whose ``url`` is known are skipped.

    When a line has both ``text`` and ``html``, the text is used (the dump's own extraction).
    """
    name = str(path)
    try:
        handle = open_capped(path, max_bytes)
    except EventwireError as exc:
        yield Rejection(name, exc)
        return
    articles = 0
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            articles += 1
            origin = f"{name}:{number}"
            try:
                item = parse_article_line(line, origin)
            except BadJsonlLine as exc:
                yield Rejection(origin, exc)
                continue
            if item.url and known_url is not None and known_url(item.url):
                continue
            yield item
    if not articles:
        yield Rejection(name, UnreadableInput(name, "file is empty (no lines)", "give one article per line"))


def parse_article_line(line: bytes, origin: str) -> RawInput:
    """The :class:`RawInput` of one JSONL line; raises :class:`BadJsonlLine` saying what is wrong."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise BadJsonlLine(origin, f"not valid JSON ({exc})", _LINE_HINT) from exc
    if not isinstance(obj, dict):
        raise BadJsonlLine(origin, f"a JSON {type(obj).__name__}, not an object", _LINE_HINT)
    fields = {key: _string_field(obj, key, origin) for key in _STRING_FIELDS}
    text, html = fields["text"], fields["html"]
    if text and text.strip():
        kind, body = "text", text
    elif html and html.strip():
        kind, body = "html", html
    else:
        raise BadJsonlLine(origin, "neither 'text' nor 'html' holds any article text", _LINE_HINT)
    try:
        data = body.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate escaped as \ud800 in the JSON
        raise BadJsonlLine(origin, f"'{kind}' is not valid Unicode ({exc.reason})", _LINE_HINT) from exc
    return RawInput(
        origin=origin,
        data=data,
        kind=kind,
        url=fields["url"] or None,
        title=fields["title"] or None,
        outlet=fields["outlet"] or None,
        pub_date=_pub_date(fields["pub_date"], origin),
    )


def _string_field(obj: dict[str, Any], key: str, origin: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise BadJsonlLine(origin, f"'{key}' is a JSON {type(value).__name__}, not a string", _LINE_HINT)


def _pub_date(value: str | None, origin: str) -> dt.date | None:
    """``YYYY-MM-DD`` or an ISO 8601 date-time (its date as written, in the stated time zone)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise BadJsonlLine(
            origin, f"'pub_date' {value!r} is not an ISO date (YYYY-MM-DD) or date-time", _LINE_HINT
        ) from exc
