"""extract_page on invented pages (dates, URLs, outlet, author, language) and, marked slow, on the 181 real
pages of the Zyte article-extraction benchmark with pinned minimum scores."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.errors import NoArticleText
from eventwire.read.page import Page, extract_page

PROJECT_ROOT = Path(__file__).resolve().parents[2]

PARAGRAPHS = (
    "The water authority of the coastal province announced on Monday that it would ration supplies in "
    "four towns after the reservoir fell to its lowest level in a decade.",
    "Officials said households would receive water on alternate days until the rains return, and that "
    "hospitals and schools would be exempt from the cuts.",
    "Farmers' unions criticised the decision and asked the provincial government to compensate growers "
    "whose crops are lost during the dry months.",
)
TITLE = "Province rations water as reservoir runs low"
URL = "https://www.example-news.test/province/water-rationing"
WIDGET_DATES = ("Friday, 27 November 2026", "Friday, 15 March 2024")


def page(
    head: str = "",
    site_header: str = "",
    article_header: str = "",
    footer: str = "Copyright 2023 Example News Ltd. All rights reserved.",
    lang: str = "en",
) -> str:
    """An invented news page: site header, an article with optional header, a site footer."""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{TITLE} | Example News</title>{head}</head>
<body>
<header><a href="/">Example News</a>{site_header}
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><header><h1>{TITLE}</h1>{article_header}</header>
{body}
</article></main>
<footer><p>{footer}</p></footer>
</body></html>"""


def widget(date: str) -> str:
    return f'<div class="date">Today is {date}</div>'


PUBLISHED = '<meta property="article:published_time" content="2023-03-03T09:30:00Z">'


def extract(html: str, url: str | None = URL) -> Page:
    return extract_page(html, "page.html", url)


# --- publication date -----------------------------------------------------------------------------


@pytest.mark.parametrize("today", WIDGET_DATES)
def test_a_date_widget_in_the_site_header_is_not_the_publication_date(today: str) -> None:
    result = extract(page(site_header=widget(today)))
    assert result.pub_date is None
    assert result.date_source is None


def test_a_footer_copyright_is_not_the_publication_date() -> None:
    result = extract(page(footer="Copyright 2021 Example News Ltd. Updated 2021."))
    assert result.pub_date is None


@pytest.mark.parametrize("today", WIDGET_DATES)
def test_published_time_wins_over_a_date_widget(today: str) -> None:
    result = extract(page(head=PUBLISHED, site_header=widget(today)))
    assert result.pub_date == dt.date(2023, 3, 3)
    assert result.date_source == "metadata"


def test_json_ld_date_published_is_metadata() -> None:
    json_ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-07-14"}</script>'
    )
    result = extract(page(site_header=widget(WIDGET_DATES[1])).replace("</main>", f"</main>{json_ld}"))
    assert (result.pub_date, result.date_source) == (dt.date(2022, 7, 14), "metadata")


@pytest.mark.parametrize("today", WIDGET_DATES)
def test_the_article_byline_date_is_used_when_the_header_shows_another(today: str) -> None:
    byline = '<p class="byline">By A. Writer, <time datetime="2022-05-04">4 May 2022</time></p>'
    result = extract(page(site_header=widget(today), article_header=byline))
    assert result.pub_date == dt.date(2022, 5, 4)
    assert result.date_source == "page"


def test_a_date_in_the_url() -> None:
    result = extract(
        page(site_header=widget(WIDGET_DATES[1])), url="https://example-news.test/2021/06/30/rations"
    )
    assert (result.pub_date, result.date_source) == (dt.date(2021, 6, 30), "url")


# --- canonical URL, outlet, author, title, languages ---------------------------------------------


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        (
            '<link rel="canonical" href="/province/water#comments">',
            URL,
            "https://www.example-news.test/province/water",
        ),
        (
            '<link rel="Canonical" href="https://cdn.example.test/a?id=3">',
            None,
            "https://cdn.example.test/a?id=3",
        ),
        (
            '<meta property="og:url" content="https://example-news.test/w">',
            URL,
            "https://example-news.test/w",
        ),
        ('<link rel="canonical" href="/relative/only">', None, None),  # nothing to resolve it against
        ('<link rel="canonical" href="javascript:void(0)">', URL, None),
        ('<link rel="canonical" href="ftp://example-news.test/a.txt">', URL, None),
        ("", URL, None),
    ],
)
def test_canonical_url(head: str, url: str | None, expected: str | None) -> None:
    assert extract(page(head=head), url=url).canonical_url == expected


def test_outlet_from_og_site_name() -> None:
    head = '<meta property="og:site_name" content="The Example Herald">'
    assert extract(page(head=head)).outlet == "The Example Herald"


def test_outlet_falls_back_to_the_host() -> None:
    bare = page().replace('<a href="/">Example News</a>', "").replace(" | Example News", "")
    assert extract(bare).outlet == "example-news.test"


def test_author_title_and_text() -> None:
    result = extract(page(head='<meta name="author" content="Amina Diallo">'))
    assert result.author == "Amina Diallo"
    assert result.title == TITLE
    assert not result.text.startswith(TITLE)  # the body only: read_path prepends the headline
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    for chrome in ("World", "Sport", "Copyright", "All rights reserved"):
        assert chrome not in result.text


def test_html_lang_and_detected_language() -> None:
    result = extract(page(lang="en-GB"))
    assert result.html_lang == "en-GB"
    assert result.language.code == "en" and result.language.reliable


def test_the_declared_lang_does_not_decide_the_language() -> None:
    french = page(lang="en").replace(PARAGRAPHS[0], "Le conseil a voté jeudi la fermeture de deux écoles.")
    french = french.replace(PARAGRAPHS[1], "Les parents ont annoncé qu'ils feraient appel de la décision.")
    french = french.replace(
        PARAGRAPHS[2], "La préfecture a promis de réexaminer le dossier avant la fin du mois."
    )
    result = extract(french)
    assert result.html_lang == "en"
    assert result.language.code == "fr"


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>x</title></head><body></body></html>",
        '<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav><footer>Copyright 2023</footer>'
        "</body></html>",
        "",
    ],
)
def test_no_article_text(html: str) -> None:
    with pytest.raises(NoArticleText) as info:
        extract(html)
    assert str(info.value).startswith("E004 page.html:")


# --- the real pages: an evaluation gate ------------------------------------------------------------

MIN_TOKEN_MICRO_F1 = 0.97
"""Measured 0.976 on all 181 pages (benchmarks/extraction.py); trafilatura alone with defaults: 0.957."""
MIN_ZYTE_F1 = 0.96
"""Measured 0.964 on all 181 pages; trafilatura alone with defaults: 0.953."""
MIN_LANGUAGE_ACCURACY = 0.99
"""Measured 181/181 against pages.tsv ``lang``."""
MIN_DATE_COVERAGE = 0.95
"""Measured 98.9% of pages with a publication date (no gold: coverage only)."""


def load_benchmark_script() -> ModuleType:
    path = PROJECT_ROOT / "benchmarks" / "extraction.py"
    spec = importlib.util.spec_from_file_location("eventwire_benchmark_extraction", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_extraction_quality_on_the_real_pages(shared_dir: Path) -> None:
    bench = load_benchmark_script()
    pages = bench.load_pages(shared_dir)
    assert len(pages) == 181
    run = bench.run_eventwire(pages, "eventwire", bench.EXTRACTION_FOCUS)
    scores = bench.score_run(run, pages)
    assert scores["micro_f1"] >= MIN_TOKEN_MICRO_F1, scores
    assert scores["zyte_f1"] >= MIN_ZYTE_F1, scores
    metadata = bench.metadata_figures(run, pages)
    assert metadata["language_vs_lang"] >= MIN_LANGUAGE_ACCURACY, metadata["language_errors"]
    assert metadata["pub_date"] >= MIN_DATE_COVERAGE, metadata
    newest = max(p.pub_date for p in run.pages.values() if p.pub_date)
    assert newest <= dt.date(2020, 1, 14)  # the benchmark's release: no page can be dated later
