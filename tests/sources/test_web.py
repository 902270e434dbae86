"""iter_inputs on URLs: pages, RSS and Atom feeds expanded into their pages, .urls lists, known URLs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.sources.helpers import LocalServer, Reply

from eventwire.errors import HttpStatusError, UnsafeFeed, UnsupportedInput
from eventwire.sources import Fetcher, RawInput, Rejection, iter_inputs

PAGE = b"<html><body><p>Troops crossed the border at dawn.</p></body></html>"


def _rss(server: LocalServer, *paths: str) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{server.url(path)}</link>"
        f"<pubDate>Tue, 0{n + 1} Mar 2022 09:00:00 GMT</pubDate></item>"
        for n, path in enumerate(paths)
    )
    channel = f"<channel><title>Wire</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def _atom(server: LocalServer, *paths: str) -> bytes:
    entries = "".join(
        f'<entry><title>Entry {n}</title><id>urn:{n}</id><link href="{server.url(path)}"/>'
        f"<published>2022-04-0{n + 1}T10:00:00Z</published></entry>"
        for n, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>A</title><id>urn:f</id><updated>2022-04-09T00:00:00Z</updated>{entries}</feed>"
    ).encode()


def test_a_page_url_is_one_raw_input(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.page("/story", PAGE)
    [item] = iter_inputs([url], fetcher=fetcher)
    assert isinstance(item, RawInput)
    assert (item.origin, item.url, item.kind, item.data) == (url, url, "html", PAGE)
    assert item.fetched_at is not None


def test_kind_follows_the_content_type(server: LocalServer, fetcher: Fetcher) -> None:
    text = server.page("/t", b"Plain words.", content_type="text/plain; charset=utf-8")
    unknown = server.route("/u", Reply(body=b"Something.", content_type=None))
    items = list(iter_inputs([text, unknown], fetcher=fetcher))
    assert [item.kind for item in items if isinstance(item, RawInput)] == ["text", "auto"]


def test_a_pdf_or_an_empty_page_is_rejected(server: LocalServer, fetcher: Fetcher) -> None:
    pdf = server.page("/doc.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    empty = server.page("/empty", b"  \n")
    items = list(iter_inputs([pdf, empty], fetcher=fetcher))
    assert all(isinstance(item, Rejection) for item in items)
    assert "application/pdf is not a web page" in items[0].error.reason
    assert "empty page" in items[1].error.reason


def test_fetch_errors_become_rejections_and_the_rest_go_on(server: LocalServer, fetcher: Fetcher) -> None:
    good = server.page("/good", PAGE)
    items = list(iter_inputs([server.url("/gone"), good], fetcher=fetcher))
    assert isinstance(items[0], Rejection) and isinstance(items[0].error, HttpStatusError)
    assert items[0].origin == server.url("/gone")
    assert isinstance(items[1], RawInput)


def test_rss_feed_is_expanded_into_its_pages(server: LocalServer, fetcher: Fetcher) -> None:
    server.page("/p1", PAGE)
    server.page("/p2", b"Plain text story.", content_type="text/plain")
    feed = server.page("/feed", _rss(server, "/p1", "/p2", "/p3"), content_type="application/rss+xml")
    items = list(iter_inputs([feed], fetcher=fetcher))
    pages = [item for item in items if isinstance(item, RawInput)]
    assert [(p.url, p.title, p.pub_date, p.kind) for p in pages] == [
        (server.url("/p1"), "Story 0", dt.date(2022, 3, 1), "html"),
        (server.url("/p2"), "Story 1", dt.date(2022, 3, 2), "text"),
    ]
    [missing] = [item for item in items if isinstance(item, Rejection)]
    assert missing.origin == server.url("/p3") and "HTTP 404" in missing.error.reason


def test_atom_feed_sniffed_from_its_bytes(server: LocalServer, fetcher: Fetcher) -> None:
    server.page("/e1", PAGE)
    feed = server.page("/atom", _atom(server, "/e1"), content_type="application/octet-stream")
    [item] = iter_inputs([feed], fetcher=fetcher)
    assert isinstance(item, RawInput)
    assert (item.url, item.title, item.pub_date) == (server.url("/e1"), "Entry 0", dt.date(2022, 4, 1))


def test_known_urls_are_not_fetched(server: LocalServer, fetcher: Fetcher) -> None:
    server.page("/old", PAGE)
    server.page("/new", PAGE)
    feed = server.page("/feed", _rss(server, "/old", "/new"), content_type="application/rss+xml")
    known = {server.url("/old"), server.url("/stored")}
    items = list(iter_inputs([feed, server.url("/stored")], fetcher=fetcher, known_url=known.__contains__))
    assert [item.origin for item in items] == [server.url("/new")]
    assert server.hits("/old") == 0 and server.hits("/stored") == 0 and server.hits("/new") == 1


def test_unsafe_feed_is_one_rejection_and_no_entry_is_fetched(server: LocalServer, fetcher: Fetcher) -> None:
    server.page("/p1", PAGE)
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<rss><channel><item><title>&x;</title><link>{server.url('/p1')}</link></item></channel></rss>"
    ).encode()
    feed = server.page("/feed", xxe, content_type="application/rss+xml")
    [item] = iter_inputs([feed], fetcher=fetcher)
    assert isinstance(item, Rejection) and isinstance(item.error, UnsafeFeed)
    assert server.hits("/p1") == 0


def test_an_entry_linking_to_a_feed_is_rejected(server: LocalServer, fetcher: Fetcher) -> None:
    inner = server.page("/inner", _rss(server, "/x"), content_type="application/rss+xml")
    outer = server.page("/outer", _rss(server, "/inner"), content_type="application/rss+xml")
    [item] = iter_inputs([outer], fetcher=fetcher)
    assert isinstance(item, Rejection) and item.origin == inner
    assert "another feed" in item.error.reason


def test_urls_file(server: LocalServer, fetcher: Fetcher, tmp_path: Path) -> None:
    server.page("/a", PAGE)
    server.page("/b", PAGE)
    listing = tmp_path / "today.urls"
    listing.write_text(f"# today's list\n\n{server.url('/a')}\nnot a url\n  {server.url('/b')}  \n")
    items = list(iter_inputs([str(listing)], fetcher=fetcher))
    assert [type(item).__name__ for item in items] == ["RawInput", "Rejection", "RawInput"]
    assert items[1].origin == f"{listing}:4" and isinstance(items[1].error, UnsupportedInput)
    assert items[2].url == server.url("/b")


def test_urls_file_without_urls_is_rejected(tmp_path: Path) -> None:
    listing = tmp_path / "none.urls"
    listing.write_text("# nothing yet\n\n")
    [item] = iter_inputs([str(listing)])
    assert isinstance(item, Rejection) and "no URLs" in item.error.reason


def test_a_fetcher_is_made_when_none_is_given(server: LocalServer) -> None:
    [item] = iter_inputs([server.page("/a", PAGE)])
    assert isinstance(item, RawInput) and item.data == PAGE


def test_robots_disallow_is_a_rejection(server: LocalServer, fetcher: Fetcher) -> None:
    server.page("/robots.txt", b"User-agent: *\nDisallow: /\n", content_type="text/plain")
    [item] = iter_inputs([server.page("/a", PAGE)], fetcher=fetcher)
    assert isinstance(item, Rejection) and item.error.code == "E032"
    assert server.hits("/a") == 0
