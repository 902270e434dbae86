"""URLs: a page becomes one article; an RSS or Atom feed becomes the pages its entries link to.

``.urls`` files (one URL a line) are read here too. A URL that ``known_url`` reports as already stored is
skipped before any request is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from eventwire.errors import EventwireError, UnreadableInput, UnsupportedInput
from eventwire.sources.feeds import parse_feed
from eventwire.sources.fetch import Fetcher, FetchResult
from eventwire.sources.files import read_capped
from eventwire.sources.item import RawInput, Rejection, SourceItem
from eventwire.sources.sniff import is_not_a_page, kind_for_content_type, looks_like_feed, media_type

URL_PREFIXES = ("http://", "https://")


def is_url(spec: str) -> bool:
    """True for a spec that starts ``http://`` or ``https://`` (the fetcher checks the rest of it)."""
    return spec[:8].lower().startswith(URL_PREFIXES)


def iter_url(
    url: str, fetcher: Fetcher, max_bytes: int, known_url: Callable[[str], bool] | None = None
) -> Iterator[SourceItem]:
    """Fetch ``url``: one item for a page, one per entry for a feed (each entry's link fetched as a page)."""
    if known_url is not None and known_url(url):
        return
    try:
        result = fetcher.fetch(url, max_bytes=max_bytes)
    except EventwireError as exc:
        yield Rejection(url, exc)
        return
    if not looks_like_feed(result.content_type, result.data):
        yield page_item(url, result)
        return
    try:
        entries = parse_feed(result.data, url, base_url=result.url)
    except EventwireError as exc:
        yield Rejection(url, exc)
        return
    for entry in entries:
        if known_url is not None and known_url(entry.url):
            continue
        try:
            page = fetcher.fetch(entry.url, max_bytes=max_bytes)
        except EventwireError as exc:
            yield Rejection(entry.url, exc)
            continue
        if looks_like_feed(page.content_type, page.data):
            reason = f"the entry of feed {url} links to another feed, not a page"
            yield Rejection(entry.url, UnsupportedInput(entry.url, reason, "give the feed itself"))
            continue
        yield page_item(entry.url, page, title=entry.title, pub_date=entry.pub_date)


def page_item(
    url: str, result: FetchResult, *, title: str | None = None, pub_date: dt.date | None = None
) -> SourceItem:
    """The :class:`RawInput` of a fetched page, or a rejection when it is empty or plainly not a page.

    ``url`` (the URL as requested, so that ``known_url`` recognises it on the next run) is the origin and
    the article's URL; ``title`` and ``pub_date`` are hints from a feed entry.
    """
    if is_not_a_page(result.content_type):
        kind = media_type(result.content_type)
        return Rejection(
            url, UnsupportedInput(url, f"content type {kind} is not a web page", "give a page URL")
        )
    if not result.data.strip():
        return Rejection(url, UnreadableInput(url, "the server sent an empty page", "check the URL"))
    return RawInput(
        origin=url,
        data=result.data,
        kind=kind_for_content_type(result.content_type),
        url=url,
        title=title,
        pub_date=pub_date,
        fetched_at=result.fetched_at,
    )


def iter_url_list(
    path: Path,
    fetcher: Callable[[], Fetcher],
    max_bytes: int,
    known_url: Callable[[str], bool] | None = None,
) -> Iterator[SourceItem]:
    """Fetch every URL listed in the ``.urls`` file ``path`` (``#`` comments and blank lines ignored).

    ``fetcher`` is called for the fetcher on the first URL, so that a list with no URLs opens no client.
    A line that is not an http(s) URL is rejected as ``path:LINE``.
    """
    name = str(path)
    try:
        data = read_capped(path, max_bytes)
    except EventwireError as exc:
        yield Rejection(name, exc)
        return
    urls = 0
    for number, raw_line in enumerate(data.splitlines(), start=1):
        line = raw_line.decode("utf-8", errors="replace").strip()
        if not line or line.startswith("#"):
            continue
        urls += 1
        if not is_url(line):
            origin = f"{name}:{number}"
            reason = f"not an http(s) URL: {line[:200]!r}"
            yield Rejection(
                origin, UnsupportedInput(origin, reason, "give one http:// or https:// URL a line")
            )
            continue
        yield from iter_url(line, fetcher(), max_bytes, known_url)
    if not urls:
        yield Rejection(name, UnreadableInput(name, "no URLs in the file", "give one URL a line"))
