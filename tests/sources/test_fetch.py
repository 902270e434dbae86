"""Fetcher against a real local server: caps, gzip, retries, redirects, timeouts, robots.txt."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable

import httpx
import pytest
from tests.sources.helpers import LocalServer, Reply

from eventwire import __version__
from eventwire.errors import (
    DisallowedByRobots,
    FetchFailed,
    HttpStatusError,
    UnreadableInput,
    UnsupportedInput,
)
from eventwire.sources import Fetcher, default_user_agent

PAGE = b"<html><body><p>The minister met the envoy on Monday.</p></body></html>"


def test_fetches_a_page_with_its_headers(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.page("/a", PAGE, ETag='"v1"', **{"Last-Modified": "Mon, 13 Sep 2021 10:00:00 GMT"})
    result = fetcher.fetch(url)
    assert result.data == PAGE
    assert result.status == 200
    assert result.url == url == result.requested_url
    assert result.content_type == "text/html; charset=utf-8"
    assert result.etag == '"v1"'
    assert result.last_modified == "Mon, 13 Sep 2021 10:00:00 GMT"
    assert result.fetched_at.tzinfo is not None


def test_sends_an_honest_user_agent(server: LocalServer, fetcher: Fetcher) -> None:
    fetcher.fetch(server.page("/a", PAGE))
    agent = [seen.headers["User-Agent"] for seen in server.seen if seen.path == "/a"][0]
    assert agent == default_user_agent()
    assert agent.startswith(f"eventwire/{__version__} (+https://github.com/eventwire/eventwire;")


def test_gzip_response_is_decompressed(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/gz", Reply(body=gzip.compress(PAGE), headers={"Content-Encoding": "gzip"}))
    assert fetcher.fetch(url).data == PAGE
    sent = [seen.headers for seen in server.seen if seen.path == "/gz"][0]
    assert sent["Accept-Encoding"] == "gzip, deflate"


def test_gzip_bomb_is_refused_at_the_cap(server: LocalServer, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"\0" * (8 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 20_000
    url = server.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(UnreadableInput, match="over the 1000000-byte cap"):
        fetcher.fetch(url, max_bytes=1_000_000)


def test_plain_body_over_the_cap_is_refused(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.page("/big", b"x" * 5000)
    with pytest.raises(UnreadableInput, match="over the 4999-byte cap"):
        fetcher.fetch(url, max_bytes=4999)
    assert fetcher.fetch(url, max_bytes=5000).data == b"x" * 5000


def test_body_without_a_length_is_capped_while_streaming(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/stream", Reply(body=b"x" * 70_000, with_length=False))
    with pytest.raises(UnreadableInput, match=r"over the 69999-byte cap \(decompressed\)"):
        fetcher.fetch(url, max_bytes=69_999)
    assert fetcher.fetch(url, max_bytes=70_000).data == b"x" * 70_000


def test_truncated_gzip_body_is_an_error(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route(
        "/cut", Reply(body=gzip.compress(PAGE * 50)[:-30], headers={"Content-Encoding": "gzip"})
    )
    with pytest.raises(FetchFailed, match="corrupt gzip body"):
        fetcher.fetch(url)


def test_follows_redirects(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/old", Reply(status=301, headers={"Location": "/new"}))
    new = server.page("/new", PAGE)
    result = fetcher.fetch(server.url("/old"))
    assert result.url == new
    assert result.redirects == (server.url("/old"),)
    assert result.data == PAGE


def test_redirect_loop_is_named(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/a", Reply(status=302, headers={"Location": "/b"}))
    server.route("/b", Reply(status=302, headers={"Location": "/a"}))
    with pytest.raises(FetchFailed, match="redirect loop") as caught:
        fetcher.fetch(server.url("/a"))
    assert caught.value.code == "E030"
    assert server.hits("/a") == 1 and server.hits("/b") == 1


def test_too_many_redirects(server: LocalServer, make_fetcher: Callable[..., Fetcher]) -> None:
    for n in range(5):
        server.route(f"/r{n}", Reply(status=302, headers={"Location": f"/r{n + 1}"}))
    server.page("/r5", PAGE)
    short = make_fetcher(max_redirects=3, backoff_base=0.01)
    with pytest.raises(FetchFailed, match=r"too many redirects \(more than 3\)"):
        short.fetch(server.url("/r0"))
    enough = make_fetcher(max_redirects=5, backoff_base=0.01)
    assert enough.fetch(server.url("/r0")).data == PAGE


def test_redirect_to_another_scheme_is_refused(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/evil", Reply(status=302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(UnsupportedInput, match="'file'"):
        fetcher.fetch(server.url("/evil"))


def test_only_valid_http_and_https_urls(fetcher: Fetcher) -> None:
    with pytest.raises(UnsupportedInput, match="only http and https"):
        fetcher.fetch("ftp://127.0.0.1/file.txt")
    with pytest.raises(UnsupportedInput, match="no host"):
        fetcher.fetch("http://")
    with pytest.raises(UnsupportedInput, match="not a valid URL"):
        fetcher.fetch("http://[::1")


def test_a_redirect_to_an_invalid_url(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/bad", Reply(status=302, headers={"Location": "http://[::1"}))
    with pytest.raises(FetchFailed, match="(?i)invalid URL"):
        fetcher.fetch(server.url("/bad"))


@pytest.mark.timeout(10)
def test_a_hanging_server_fails_within_the_read_timeout(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.page("/robots.txt", b"", content_type="text/plain")
    url = server.route("/hang", Reply(hang=True))
    quick = make_fetcher(connect_timeout=0.5, read_timeout=0.5, deadline=5.0, backoff_base=0.01)
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="read timed out"):
        quick.fetch(url)
    assert time.monotonic() - started < 2.0
    assert server.hits("/hang") == 1  # a read timeout is not retried


@pytest.mark.timeout(10)
def test_a_trickling_server_is_cut_off_at_the_deadline(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    url = server.route("/slow", Reply(trickle=0.05))
    quick = make_fetcher(connect_timeout=0.5, read_timeout=0.5, deadline=1.0, backoff_base=0.01)
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="deadline"):
        quick.fetch(url)
    assert time.monotonic() - started < 2.5


def test_retries_a_503_then_succeeds(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/flaky", Reply(status=503), Reply(body=PAGE))
    assert fetcher.fetch(url).data == PAGE
    assert server.hits("/flaky") == 2


def test_gives_up_after_max_attempts_with_the_status(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/down", Reply(status=503))
    with pytest.raises(HttpStatusError, match="HTTP 503") as caught:
        fetcher.fetch(url)
    assert caught.value.status == 503
    assert server.hits("/down") == 3


def test_404_is_not_retried(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(HttpStatusError, match="HTTP 404") as caught:
        fetcher.fetch(server.url("/missing"))
    assert caught.value.status == 404 and caught.value.code == "E031"
    assert server.hits("/missing") == 1


def test_retry_after_is_honoured_up_to_the_cap(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/busy", Reply(status=429, headers={"Retry-After": "2"}), Reply(body=PAGE))
    server.route("/busier", Reply(status=503, headers={"Retry-After": "3600"}), Reply(body=PAGE))
    pauses: list[float] = []
    polite = make_fetcher(max_retry_after=5.0, deadline=30.0, sleep=pauses.append)
    assert polite.fetch(server.url("/busy")).data == PAGE
    assert polite.fetch(server.url("/busier")).data == PAGE
    assert pauses == [2.0, 5.0]


def test_a_retry_after_past_the_deadline_is_not_waited_for(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    url = server.route("/busy", Reply(status=429, headers={"Retry-After": "3600"}), Reply(body=PAGE))
    pauses: list[float] = []
    hurried = make_fetcher(max_retry_after=7200.0, deadline=3.0, sleep=pauses.append)
    with pytest.raises(HttpStatusError, match="HTTP 429"):
        hurried.fetch(url)
    assert pauses == [] and server.hits("/busy") == 1


def test_backoff_grows_exponentially_with_jitter(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    url = server.route("/down", Reply(status=500))
    pauses: list[float] = []
    patient = make_fetcher(max_attempts=4, backoff_base=1.0, deadline=60.0, sleep=pauses.append)
    with pytest.raises(HttpStatusError):
        patient.fetch(url)
    assert len(pauses) == 3
    for attempt, pause in enumerate(pauses, start=1):
        assert 0.5 * 2 ** (attempt - 1) <= pause <= 1.5 * 2 ** (attempt - 1)


def test_connection_refused_is_retried_then_reported(make_fetcher: Callable[..., Fetcher]) -> None:
    f = make_fetcher(connect_timeout=0.5, backoff_base=0.01)
    port = _closed_port()
    with pytest.raises(
        FetchFailed,
        match=r"could not connect.*after 3 attempt.*while reading http://127.0.0.1:\d+/robots.txt",
    ):
        f.fetch(f"http://127.0.0.1:{port}/page")


def test_robots_txt_disallow_is_respected(server: LocalServer, fetcher: Fetcher) -> None:
    server.page("/robots.txt", b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    secret = server.page("/private/page", PAGE)
    public = server.page("/public", PAGE)
    with pytest.raises(DisallowedByRobots, match="disallowed by robots.txt"):
        fetcher.fetch(secret)
    assert server.hits("/private/page") == 0
    assert fetcher.fetch(public).data == PAGE
    assert server.hits("/robots.txt") == 1  # read once per host, then cached


def test_robots_txt_rules_for_eventwire_by_name(server: LocalServer, fetcher: Fetcher) -> None:
    server.page(
        "/robots.txt", b"User-agent: eventwire\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "text/plain"
    )
    with pytest.raises(DisallowedByRobots):
        fetcher.fetch(server.page("/a", PAGE))


def test_robots_txt_checked_on_redirect_targets(server: LocalServer, fetcher: Fetcher) -> None:
    server.page("/robots.txt", b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.route("/go", Reply(status=302, headers={"Location": "/private/x"}))
    server.page("/private/x", PAGE)
    with pytest.raises(DisallowedByRobots, match="redirected to"):
        fetcher.fetch(server.url("/go"))
    assert server.hits("/private/x") == 0


def test_missing_robots_txt_allows_everything(server: LocalServer, fetcher: Fetcher) -> None:
    assert fetcher.fetch(server.page("/a", PAGE)).data == PAGE
    assert server.hits("/robots.txt") == 1


def test_robots_txt_server_error_disallows(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/robots.txt", Reply(status=500))
    with pytest.raises(DisallowedByRobots, match="unreachable"):
        fetcher.fetch(server.page("/a", PAGE))
    assert server.hits("/a") == 0


def test_robots_txt_429_disallows(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/robots.txt", Reply(status=429))
    with pytest.raises(DisallowedByRobots, match="HTTP 429"):
        fetcher.fetch(server.page("/a", PAGE))
    assert server.hits("/a") == 0 and server.hits("/robots.txt") == 3


def test_injectable_transport() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html"})

    with Fetcher(transport=httpx.MockTransport(handler)) as mocked:
        result = mocked.fetch("https://news.example/story")
    assert result.data == PAGE and result.content_type == "text/html"


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
