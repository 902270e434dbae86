"""One HTML page -> its article text and what the page says about itself (title, outlet, author, date ...).

The article text and most metadata come from trafilatura; the publication date from htmldate (through
trafilatura), checked so that a date that only a site's chrome shows (a "Today is ..." widget in the page
header, a footer copyright) is not taken as the article's date; the language from
:func:`eventwire.read.language.detect_language`.
"""

from __future__ import annotations

import datetime as dt
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml.html import Element, HtmlElement

from eventwire.errors import NoArticleText
from eventwire.read.language import Language, detect_language

MIN_ARTICLE_WORDS = 8
"""Fewer extracted words than this is navigation or an error page, not an article (a headline alone has
about 8-12 words)."""

ExtractionFocus = Literal["precision", "balanced", "recall"]

EXTRACTION_FOCUS: ExtractionFocus = "precision"
"""trafilatura's trade-off (``favor_precision=True`` / its default / ``favor_recall=True``). Chosen with
``benchmarks/extraction.py --focus-all`` on the 181 pages of the Zyte article-extraction benchmark
(trafilatura 2.3.1): token F1 (micro) 0.976 with precision, 0.969 balanced, 0.972 recall; the benchmark's own
shingle F1 0.964 / 0.960 / 0.959. Precision loses 0.005 of recall and gains 0.013-0.018 of precision, and
boilerplate coded as article text costs more events than a missed paragraph. Re-run it when changing this
or upgrading trafilatura."""

DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}
"""htmldate settings: the original publication date, not the last update; no free-text search of the whole
page, which takes a footer's "Copyright 2023" as 2023-01-01."""

DateSource = Literal["url", "metadata", "page"]
"""How the publication date was found: in the page's URL (``/2019/11/19/``), in its structured metadata
(``<meta>`` tags such as ``article:published_time``, JSON-LD ``datePublished``), or in the page body outside
its header, navigation, footer and sidebars (an article's byline, a ``<time>`` element)."""

CHROME_TAGS = ("header", "nav", "footer", "aside")
"""Elements that hold a site's chrome when they are not inside the article (``<article>``/``<main>``): a
date found only there (a "Today is ..." widget, a copyright line) is the site's, not the article's."""

CHROME_ROLES = ("banner", "navigation", "contentinfo", "complementary")
"""ARIA landmark roles with the same meaning as :data:`CHROME_TAGS`."""

_CHROME_XPATH = " | ".join(
    [f"//{tag}" for tag in CHROME_TAGS] + [f"//*[@role='{role}']" for role in CHROME_ROLES]
)
_CANONICAL_XPATH = (
    "//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONIL', 'canonil')), ' '),"
    " ' canonical ')]/@href"
)
_OG_URL_XPATH = "//meta[@property='og:url' or @name='og:url']/@content"
_IN_ARTICLE_XPATH = "ancestor::article | ancestor::main | ancestor::*[@role='main' or @role='article']"


@dataclass(frozen=True, slots=True)
class Page:
    """What :func:`extract_page` found in one HTML page.

    ``text`` is the article body only (the headline is in ``title``, not prepended). ``canonical_url`` is
    absolute http(s) without fragment, or None. ``date_source`` says how ``pub_date`` was found (see
    :data:`DateSource`); both are None when the page states no publication date of its own. ``html_lang`` is
    the ``<html lang>`` attribute as written (``"en-US"``); ``language`` is detected from ``text``.
    """

    text: str
    title: str | None
    outlet: str | None
    author: str | None
    canonical_url: str | None
    pub_date: dt.date | None
    date_source: DateSource | None
    language: Language
    html_lang: str | None


def extract_page(
    html: str, origin: str, url: str | None = None, *, focus: ExtractionFocus = EXTRACTION_FOCUS
) -> Page:
    """Extract the article and its metadata from ``html`` (fetched from ``url``, when known).

    ``origin`` names the input in errors. Raises :class:`NoArticleText` when the page has no article text
    (fewer than :data:`MIN_ARTICLE_WORDS` words: a menu, an error page, an empty body).
    """
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        raise NoArticleText(origin, "the page could not be parsed as HTML", "check that it is an HTML page")
    # bare_extraction works on its own copy of the tree, so ``tree`` stays whole for the reads below
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=focus == "precision",
        favor_recall=focus == "recall",
        date_extraction_params=dict(DATE_PARAMS),
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise NoArticleText(
            origin, "no article text found in the page", "check that it is a news article page"
        )
    canonical = canonical_url(tree, url)
    pub_date, date_source = publication_date(tree, getattr(result, "date", None), canonical or url)
    return Page(
        text=text,
        title=_clean(getattr(result, "title", None)),
        outlet=outlet_name(tree, _clean(getattr(result, "sitename", None)), canonical or url),
        author=_clean(getattr(result, "author", None)),
        canonical_url=canonical,
        pub_date=pub_date,
        date_source=date_source,
        language=detect_language(text),
        html_lang=_clean(tree.get("lang") or tree.get("xml:lang")),
    )


def canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    """``<link rel=canonical>``, else ``og:url``, made absolute against ``url``; http(s) only, no fragment."""
    candidates = [*tree.xpath(_CANONICAL_XPATH), *tree.xpath(_OG_URL_XPATH)]
    for candidate in candidates:
        href = str(candidate).strip()
        if not href:
            continue
        absolute = urljoin(url, href) if url else href
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.netloc:
            return urldefrag(absolute).url
    return None


def outlet_name(tree: HtmlElement, sitename: str | None, url: str | None) -> str | None:
    """``og:site_name`` (a leading ``@`` of a Twitter handle dropped), else trafilatura's site name, else the
    host of ``url`` without ``www.``."""
    for value in tree.xpath("//meta[@property='og:site_name' or @name='og:site_name']/@content"):
        name = _clean(str(value).strip().lstrip("@"))
        if name:
            return name
    if sitename:
        return sitename
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return None


def publication_date(
    tree: HtmlElement, found: str | None, url: str | None
) -> tuple[dt.date | None, DateSource | None]:
    """Check the date trafilatura found (``found``, ISO) and say where it comes from.

    A date from the URL or the page's structured metadata is kept as it is. Any other date was found in the
    page body; it is looked for again with the site's chrome removed (see :data:`CHROME_TAGS`), and the date
    found there (or none) is the answer, so that a date widget or copyright line never becomes the article's.
    """
    if parse_iso_date(found) is None:
        return None, None
    from htmldate import find_date

    if url and find_date(_empty_page(), url=url, **DATE_PARAMS) == found:
        return parse_iso_date(found), "url"
    if find_date(_metadata_only(tree), url=url, **DATE_PARAMS) == found:
        return parse_iso_date(found), "metadata"
    in_body = parse_iso_date(find_date(_without_chrome(tree), url=url, **DATE_PARAMS))
    return (in_body, "page") if in_body is not None else (None, None)


def parse_iso_date(value: str | None) -> dt.date | None:
    """The date of an ISO 8601 string (``2023-03-03`` or a timestamp), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _empty_page() -> HtmlElement:
    root = Element("html")
    root.append(Element("head"))
    root.append(Element("body"))
    return root


def _metadata_only(tree: HtmlElement) -> HtmlElement:
    """A page holding only ``tree``'s ``<head>`` and its JSON-LD blocks (the page's structured metadata)."""
    root = _empty_page()
    head, body = root[0], root[1]
    for element in tree.xpath("//head/*"):
        head.append(deepcopy(element))
    for element in tree.xpath("//body//script[contains(@type, 'json')]"):
        body.append(deepcopy(element))
    return root


def _without_chrome(tree: HtmlElement) -> HtmlElement:
    """A copy of ``tree`` without header, navigation, footer and sidebar elements outside the article."""
    copy = deepcopy(tree)
    for element in copy.xpath(_CHROME_XPATH):
        if element.getparent() is not None and not element.xpath(_IN_ARTICLE_XPATH):
            element.drop_tree()  # keeps the text that follows the element
    return copy


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
