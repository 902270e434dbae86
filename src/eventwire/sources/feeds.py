"""Read RSS and Atom feeds safely into entries (link, title, date, id).

The bytes go through defusedxml first, with entity declarations and external references forbidden, so a
billion-laughs or external-entity (XXE) feed is refused before feedparser sees it; feedparser then reads
the entries, tolerating the small faults real feeds have.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

from eventwire.errors import BadFeed, UnsafeFeed

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_LINK_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry: the article's URL and the hints the feed gives about it."""

    url: str
    title: str | None = None
    pub_date: dt.date | None = None
    entry_id: str | None = None


def parse_feed(data: bytes, name: str, base_url: str | None = None) -> list[FeedEntry]:
    """The entries of the RSS or Atom feed ``data`` that link to an http(s) page, in feed order.

    ``name`` names the feed in errors; ``base_url`` resolves relative links. Raises :class:`UnsafeFeed`
    for entity declarations or external references and :class:`BadFeed` for bytes that are not a feed.
    Entries without a usable link are skipped.
    """
    refuse_unsafe_xml(data, name)
    headers = {"content-location": base_url} if base_url else None
    try:
        parsed = feedparser.parse(data, response_headers=headers)
    except (ValueError, LookupError) as exc:  # feedparser fails on a garbled encoding declaration
        raise BadFeed(
            name, f"not a readable RSS or Atom feed ({exc})", "check that the URL is a feed"
        ) from exc
    entries = [entry for raw in parsed.entries if (entry := _entry(raw, base_url)) is not None]
    if not parsed.entries and parsed.bozo:
        problem = parsed.get("bozo_exception")
        raise BadFeed(name, f"not a readable RSS or Atom feed ({problem})", "check that the URL is a feed")
    return entries


def refuse_unsafe_xml(data: bytes, name: str) -> None:
    """Raise :class:`UnsafeFeed` when ``data`` declares entities or refers to external resources.

    A document type without entity declarations (the RSS 0.91 doctype) is allowed. Ill-formed XML is left
    to feedparser's lenient parser, but is refused if it declares entities anywhere.
    """
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise UnsafeFeed(name, f"the feed declares the XML entity {exc.name!r}", _UNSAFE_HINT) from exc
    except defusedxml.ExternalReferenceForbidden as exc:
        raise UnsafeFeed(
            name, f"the feed refers to an external resource {exc.sysid!r}", _UNSAFE_HINT
        ) from exc
    except defusedxml.DefusedXmlException as exc:
        raise UnsafeFeed(name, f"unsafe XML ({exc})", _UNSAFE_HINT) from exc
    except (ParseError, LookupError):  # ill-formed, or an encoding expat does not know
        if _ENTITY_DECLARATION.search(data):
            raise UnsafeFeed(
                name, "the feed is not well-formed and declares XML entities", _UNSAFE_HINT
            ) from None


_UNSAFE_HINT = "entity declarations can exhaust memory or read local files; such feeds are never read"


def _entry(raw: Any, base_url: str | None) -> FeedEntry | None:
    link = raw.get("link")
    if not isinstance(link, str) or not link.strip():
        return None
    url = urljoin(base_url, link.strip()) if base_url else link.strip()
    if urlsplit(url).scheme.lower() not in _LINK_SCHEMES:
        return None
    title = raw.get("title")
    entry_id = raw.get("id")
    return FeedEntry(
        url=url,
        title=title.strip() or None if isinstance(title, str) else None,
        pub_date=_entry_date(raw),
        entry_id=entry_id if isinstance(entry_id, str) and entry_id else None,
    )


def _entry_date(raw: Any) -> dt.date | None:
    """The entry's published date (else its updated date), as written: the date in the feed's own time
    zone (RFC 822 in RSS, ISO 8601 in Atom); failing that, feedparser's UTC reading of it."""
    for key in ("published", "updated"):
        written = _written_date(raw.get(key))
        if written is not None:
            return written
        value = raw.get(f"{key}_parsed")
        if isinstance(value, time.struct_time):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _written_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
