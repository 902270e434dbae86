"""What a site's robots.txt allows eventwire to fetch (the rules of RFC 9309, read by urllib.robotparser)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

import httpx

ROBOTS_MAX_BYTES = 512 * 1024
"""robots.txt bytes read at most; RFC 9309 asks crawlers to parse at least 500 KiB."""

ROBOTS_AGENT = "eventwire"
"""The product token matched against ``User-agent:`` lines."""


@dataclass(frozen=True)
class RobotsPolicy:
    """The rules of one host. ``parser`` is None when the host allows or refuses everything outright."""

    parser: RobotFileParser | None
    allow_all: bool
    why: str  # said in the error when a URL is refused, e.g. "disallowed by robots.txt"

    def allows(self, url: str) -> bool:
        """Whether ``url`` may be fetched by eventwire."""
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(ROBOTS_AGENT, url)


def robots_url(url: str) -> str:
    """The robots.txt URL that governs ``url`` (a URL already checked to be valid)."""
    return str(httpx.URL(url).copy_with(path="/robots.txt", query=None, fragment=None))


def host_key(url: str) -> str:
    """Scheme, host and port: robots.txt applies per origin."""
    parsed = httpx.URL(url)
    return f"{parsed.scheme}://{parsed.host}:{parsed.port or ''}"


def policy_from_response(status: int, data: bytes) -> RobotsPolicy:
    """The policy for a robots.txt answered with ``status`` and body ``data`` (RFC 9309 section 2.3.1).

    2xx: the rules in the file. 4xx (no robots.txt): everything allowed. 5xx and 429 (unreachable, or
    "slow down"): nothing allowed until it can be read.
    """
    if 200 <= status < 300:
        parser = RobotFileParser()
        parser.parse(data.decode("utf-8", errors="replace").splitlines())
        return RobotsPolicy(parser=parser, allow_all=False, why="disallowed by robots.txt")
    if 400 <= status < 500 and status != 429:
        return RobotsPolicy(parser=None, allow_all=True, why="")
    return RobotsPolicy(
        parser=None, allow_all=False, why=f"robots.txt unreachable (HTTP {status}), so nothing may be fetched"
    )
