"""Fetch one URL politely and safely: robots.txt, timeouts, a deadline, a byte cap, retries, redirects.

:class:`Fetcher` wraps an :class:`httpx.Client`. Its transport can be injected (httpx style), so tests can
run it against an :class:`httpx.MockTransport` or a local server without patching anything.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import importlib.metadata
import random
import sys
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import TracebackType

import httpx

from eventwire.errors import (
    DisallowedByRobots,
    EventwireError,
    FetchFailed,
    HttpStatusError,
    UnreadableInput,
    UnsupportedInput,
)
from eventwire.sources.decompress import ACCEPT_ENCODING, CappedBody, OverCap
from eventwire.sources.limits import DEFAULT_MAX_BYTES
from eventwire.sources.robots import (
    ROBOTS_MAX_BYTES,
    RobotsPolicy,
    host_key,
    policy_from_response,
    robots_url,
)

PROJECT_URL = "https://github.com/eventwire/eventwire"
ALLOWED_SCHEMES = frozenset({"http", "https"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
"""Answers that say "try again later"; other 4xx and 5xx are final."""
ROBOTS_MAX_REDIRECTS = 5
"""RFC 9309: follow at least five redirects for robots.txt."""
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5"

_RETRYABLE_TRANSPORT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)
"""Connection failures worth another attempt. A read timeout is not retried: a server that does not answer
within the read timeout rarely answers on the next try, and retrying would multiply the wait."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One fetched page: the body (decompressed, not decoded) and what the server said about it."""

    url: str  # final URL, after redirects
    requested_url: str
    status: int
    content_type: str | None
    last_modified: str | None
    etag: str | None
    data: bytes
    fetched_at: dt.datetime
    redirects: tuple[str, ...] = ()  # the URLs redirected from, in order


@dataclass(frozen=True, slots=True)
class _Answer:
    url: str
    status: int
    headers: httpx.Headers
    data: bytes


def default_user_agent() -> str:
    """The honest User-Agent: product, version, where to read about it, and what it is for."""
    return f"eventwire/{_package_version()} (+{PROJECT_URL}; research event coder)"


def _package_version() -> str:
    package = sys.modules.get("eventwire")
    version = getattr(package, "__version__", None)
    if isinstance(version, str):
        return version
    try:
        return importlib.metadata.version("eventwire")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class Fetcher:
    """Fetches URLs one at a time with one connection pool; use it as a context manager or call :meth:`close`.

    Each :meth:`fetch` is bounded: ``connect_timeout`` to connect, ``read_timeout`` between bytes, and
    ``deadline`` seconds for the whole call (redirects, retries and their pauses included), so a server
    that trickles bytes forever is cut off. Bodies are capped at ``max_bytes`` after decompression.
    Connection errors, 429 and 5xx answers are retried up to ``max_attempts`` times in all, pausing
    ``backoff_base * 2**(attempt-1)`` seconds with +-50% jitter, or as long as ``Retry-After`` asks, up to
    ``max_retry_after``. robots.txt is read once per host and cached on the instance.
    """

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        deadline: float = 60.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_attempts: int = 3,
        backoff_base: float = 1.0,
        max_retry_after: float = 60.0,
        max_redirects: int = 10,
        user_agent: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.max_retry_after = max_retry_after
        self.max_redirects = max_redirects
        self.user_agent = user_agent or default_user_agent()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._robots: dict[str, RobotsPolicy] = {}
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,  # followed here, so that every hop is checked against robots.txt
            headers={"User-Agent": self.user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def fetch(self, url: str, *, max_bytes: int | None = None) -> FetchResult:
        """Fetch ``url`` (http or https), following redirects; raise an :class:`EventwireError` naming it.

        ``max_bytes`` overrides the instance's cap for this call.
        """
        deadline_at = time.monotonic() + self.deadline
        cap = self.max_bytes if max_bytes is None else max_bytes
        answer, hops = self._follow(url, cap, deadline_at, self.max_redirects, check_robots=True)
        if not 200 <= answer.status < 300:
            raise HttpStatusError(
                url,
                f"HTTP {answer.status} from {answer.url}",
                _status_hint(answer.status),
                status=answer.status,
            )
        return FetchResult(
            url=answer.url,
            requested_url=url,
            status=answer.status,
            content_type=answer.headers.get("content-type"),
            last_modified=answer.headers.get("last-modified"),
            etag=answer.headers.get("etag"),
            data=answer.data,
            fetched_at=dt.datetime.now(dt.UTC),
            redirects=hops,
        )

    def robots_policy(self, url: str) -> RobotsPolicy:
        """The robots.txt rules of ``url``'s host, fetched on first use and then cached."""
        return self._policy_for(url, time.monotonic() + self.deadline)

    # --- redirects and robots.txt ------------------------------------------------------------------

    def _follow(
        self, url: str, cap: int, deadline_at: float, max_redirects: int, *, check_robots: bool
    ) -> tuple[_Answer, tuple[str, ...]]:
        _check_url(url, url)
        hops: list[str] = []
        current = url
        while True:
            if check_robots:
                policy = self._policy_for(current, deadline_at)
                if not policy.allows(current):
                    name = url if current == url else f"{url} (redirected to {current})"
                    raise DisallowedByRobots(
                        name,
                        policy.why,
                        "eventwire respects robots.txt; give a saved copy of the page instead",
                    )
            answer = self._get_with_retries(url, current, cap, deadline_at)
            location = answer.headers.get("location")
            if answer.status not in REDIRECT_STATUSES or not location:
                return answer, tuple(hops)
            target = _redirect_target(url, current, location)
            _check_url(url, target)
            hops.append(current)
            if target in hops:
                chain = " -> ".join([*hops[hops.index(target) :], target])
                raise FetchFailed(
                    url, f"redirect loop: {chain}", "the site is misconfigured; try again later"
                )
            if len(hops) > max_redirects:
                raise FetchFailed(
                    url, f"too many redirects (more than {max_redirects})", "give the final URL of the page"
                )
            current = target

    def _policy_for(self, url: str, deadline_at: float) -> RobotsPolicy:
        """The cached robots.txt policy of ``url``'s host, read now if this is the host's first URL."""
        key = host_key(url)
        policy = self._robots.get(key)
        if policy is None:
            policy = self._read_robots(url, deadline_at)
            self._robots[key] = policy
        return policy

    def _read_robots(self, url: str, deadline_at: float) -> RobotsPolicy:
        """Fetch and read the robots.txt of ``url``'s host. When it cannot be fetched at all (network
        error, redirect loop, over the size cap) the page is not fetched either, and nothing is cached, so
        the next URL of the host tries again."""
        where = robots_url(url)
        try:
            answer, _ = self._follow(
                where, ROBOTS_MAX_BYTES, deadline_at, ROBOTS_MAX_REDIRECTS, check_robots=False
            )
        except EventwireError as exc:
            raise FetchFailed(url, f"{exc.reason} (while reading {where})", "try again later") from exc
        return policy_from_response(answer.status, answer.data)

    # --- one request, with retries -------------------------------------------------------------------

    def _get_with_retries(self, name: str, url: str, cap: int, deadline_at: float) -> _Answer:
        attempt = 1
        while True:
            try:
                answer = self._get_once(name, url, cap, deadline_at)
            except _RETRYABLE_TRANSPORT_ERRORS as exc:
                if attempt >= self.max_attempts or not self._pause(self._backoff(attempt), deadline_at):
                    raise FetchFailed(
                        name,
                        f"{_describe(exc)} (after {attempt} attempt(s))",
                        "check the URL and the network",
                    ) from exc
            else:
                if answer.status not in RETRY_STATUSES or attempt >= self.max_attempts:
                    return answer
                wait = _retry_after(answer.headers, self.max_retry_after)
                if not self._pause(self._backoff(attempt) if wait is None else wait, deadline_at):
                    return answer
            attempt += 1

    def _backoff(self, attempt: int) -> float:
        return float(self.backoff_base * 2 ** (attempt - 1) * self._rng.uniform(0.5, 1.5))

    def _pause(self, seconds: float, deadline_at: float) -> bool:
        """Sleep before another attempt; False (and no sleep) when that would pass the deadline."""
        if time.monotonic() + seconds >= deadline_at:
            return False
        if seconds > 0:
            self._sleep(seconds)
        return True

    def _get_once(self, name: str, url: str, cap: int, deadline_at: float) -> _Answer:
        remaining = deadline_at - time.monotonic()
        if remaining <= 0:
            raise FetchFailed(name, f"no complete answer within the {self.deadline:g} s deadline", _SLOW_HINT)
        timeout = httpx.Timeout(
            connect=min(self.connect_timeout, remaining),
            read=min(self.read_timeout, remaining),
            write=min(self.read_timeout, remaining),
            pool=min(self.connect_timeout, remaining),
        )
        try:
            with self._client.stream("GET", url, timeout=timeout) as response:
                if not 200 <= response.status_code < 300:
                    return _Answer(url, response.status_code, response.headers, b"")
                data = self._read_body(name, response, cap, deadline_at)
                return _Answer(str(response.url), response.status_code, response.headers, data)
        except httpx.TimeoutException as exc:
            if isinstance(exc, _RETRYABLE_TRANSPORT_ERRORS):
                raise
            raise FetchFailed(name, f"{_describe(exc)} after {self.read_timeout:g} s", _SLOW_HINT) from exc
        except httpx.InvalidURL as exc:
            raise UnsupportedInput(name, f"not a valid URL ({exc})", "check the URL") from exc
        except _RETRYABLE_TRANSPORT_ERRORS:
            raise
        except httpx.TransportError as exc:
            raise FetchFailed(name, _describe(exc), "check the URL and the network") from exc

    def _read_body(self, name: str, response: httpx.Response, cap: int, deadline_at: float) -> bytes:
        encoding = response.headers.get("content-encoding", "")
        if response.is_stream_consumed:
            # a transport that hands over a finished, already decoded body (httpx.MockTransport)
            chunks: Iterable[bytes] = [response.content]
            encoding = ""
        else:
            chunks = response.iter_raw()
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and not encoding:
            raise UnreadableInput(name, f"response is {declared} bytes, over the {cap}-byte cap", _BIG_HINT)
        try:
            body = CappedBody(encoding, cap)
        except ValueError as exc:
            raise FetchFailed(
                name, str(exc), "the server ignored our Accept-Encoding; try again later"
            ) from exc
        try:
            for chunk in chunks:
                body.feed(chunk)
                if time.monotonic() > deadline_at:
                    raise FetchFailed(
                        name, f"body still arriving after the {self.deadline:g} s deadline", _SLOW_HINT
                    )
            return body.finish()
        except OverCap as exc:
            raise UnreadableInput(
                name, f"response is over the {cap}-byte cap (decompressed)", _BIG_HINT
            ) from exc
        except (zlib.error, EOFError) as exc:
            raise FetchFailed(name, f"corrupt {encoding} body ({exc})", "try again later") from exc


_BIG_HINT = "the page is too large to be an article; save and split it if it is one"
_SLOW_HINT = "the server is too slow or not answering; try again later or raise the timeout"


def _check_url(name: str, url: str) -> None:
    """Refuse a URL that is malformed, has no host, or is not http(s) (``name`` is the URL as given)."""
    shown = f" (redirect to {url})" if name != url else ""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        detail = str(exc).rstrip(".")
        raise UnsupportedInput(name, f"not a valid URL{shown}: {detail}", "check the URL") from exc
    if parsed.scheme not in ALLOWED_SCHEMES:
        scheme = parsed.scheme or "no scheme"
        raise UnsupportedInput(
            name, f"only http and https URLs are fetched, not {scheme!r}{shown}", "give an http(s) URL"
        )
    if not parsed.host:
        raise UnsupportedInput(name, f"the URL has no host{shown}", "check the URL")


def _redirect_target(name: str, current: str, location: str) -> str:
    try:
        return str(httpx.URL(current).join(location))
    except httpx.InvalidURL as exc:
        raise FetchFailed(
            name, f"redirect to an invalid URL {location!r}", "the site is misconfigured"
        ) from exc


def _retry_after(headers: httpx.Headers, cap: float) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or HTTP-date), capped; None if absent."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return min(max((when - dt.datetime.now(dt.UTC)).total_seconds(), 0.0), cap)


def _status_hint(status: int) -> str:
    if status == 404 or status == 410:
        return "the page is gone; check the URL"
    if status in (401, 403):
        return "the site refuses access; give a saved copy of the page instead"
    if status in RETRY_STATUSES:
        return "the server is busy or failing; try again later"
    return "check the URL"


def _describe(exc: httpx.HTTPError) -> str:
    kinds: dict[type[httpx.HTTPError], str] = {
        httpx.ConnectError: "could not connect",
        httpx.ConnectTimeout: "connect timed out",
        httpx.ReadTimeout: "no answer (read timed out)",
        httpx.WriteTimeout: "could not send the request (write timed out)",
        httpx.PoolTimeout: "no free connection (pool timed out)",
        httpx.ReadError: "connection broken while reading",
        httpx.WriteError: "connection broken while sending",
        httpx.RemoteProtocolError: "the server broke the HTTP protocol",
    }
    kind = kinds.get(type(exc), type(exc).__name__)
    detail = str(exc).rstrip(".")
    return f"{kind}: {detail}" if detail else kind
