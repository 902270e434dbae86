"""read_path on real files in tmp_path: text decoding, every refusal, and article extraction from HTML."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import EventwireError, InputNotFound, NoArticleText, UnreadableInput, UnsupportedInput
from eventwire.read.files import decode_text, read_path

CAP = 1_000_000

ARTICLE_PARAGRAPHS = (
    "The foreign ministers of Ghana and Togo signed an agreement in Accra on Tuesday that removes customs "
    "checks at three crossings along the border between the two West African neighbours.",
    "Togolese Foreign Minister Yawa Mensah said the deal would let traders move goods without paying "
    "informal fees, which business groups in Lome have complained about for years.",
    "Ghana's minister praised the accord and said both governments would review it after twelve months, "
    "according to a joint statement released by the two ministries.",
)
TITLE = "Ghana and Togo sign border trade deal"
NAV_ITEMS = ("World news", "Sport section", "Subscribe to our newsletter today")
FOOTER_ITEMS = ("All rights reserved", "Privacy policy", "Cookie settings")


DATE_META = '<meta property="article:published_time" content="2023-03-03T09:30:00Z">'


def news_page(date_meta: str | None = DATE_META, footer_year: str = "2023") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    nav = "".join(f'<li><a href="/{n}">{item}</a></li>' for n, item in enumerate(NAV_ITEMS))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{TITLE}</title>
{date_meta or ""}
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li>{nav}</ul></nav></header>
<main><article>
<h1>{TITLE}</h1>
{paragraphs}
</article></main>
<footer><p>Copyright {footer_year} Example Media Group. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p></footer>
</body>
</html>
"""


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- plain text -----------------------------------------------------------------------------------


def test_utf8_text_is_returned_exactly(tmp_path: Path) -> None:
    text = "Mali’s junta met Wagner envoys in Bamako — reports say.\r\nSecond line, with CRLF kept.\n"
    result = read_path(write(tmp_path, "a.txt", text), CAP)
    assert result.text == text  # no newline translation: offsets point into the file as it is
    assert result.kind == "text"
    assert result.title is None and result.pub_date is None


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    result = read_path(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + "Café talks resume.".encode()), CAP)
    assert result.text == "Café talks resume."


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    assert read_path(write(tmp_path, "UPPER.TXT", "Talks resume."), CAP).text == "Talks resume."


_plain_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\r\t"),
    min_size=1,
    max_size=200,
).filter(lambda t: t.encode("utf-8").strip() != b"")


@given(text=_plain_text, bom=st.booleans())
def test_decode_round_trips_any_utf8_text(text: str, bom: bool) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    assert decode_text(data, "x.txt") == text


# --- refusals: each names the file and says what to do --------------------------------------------


def assert_helpful(err: EventwireError, path: Path, code: str) -> None:
    message = str(err)
    assert message.startswith(code)
    assert str(path) in message
    assert err.hint and err.hint in message  # the next step


@pytest.mark.parametrize(
    ("name", "data", "error", "code", "words"),
    [
        ("empty.txt", b"", UnreadableInput, "E003", "empty"),
        ("blank.txt", b" \n\t\n", UnreadableInput, "E003", "empty"),
        ("nul.txt", b"PK\x03\x04\x00\x00\x08\x00binary zip header", UnreadableInput, "E003", "binary"),
        ("controls.txt", bytes(range(1, 9)) * 20, UnreadableInput, "E003", "binary"),
        ("latin1.txt", "Caf\u00e9 talks in Lom\u00e9".encode("latin-1"), UnreadableInput, "E003", "UTF-8"),
        ("report.pdf", b"%PDF-1.4 article", UnsupportedInput, "E002", ".pdf"),
        ("README", b"no suffix at all", UnsupportedInput, "E002", "(none)"),
    ],
)
def test_bad_files_are_refused_with_a_helpful_message(
    tmp_path: Path, name: str, data: bytes, error: type[EventwireError], code: str, words: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(error) as info:
        read_path(path, CAP)
    assert_helpful(info.value, path, code)
    assert words in str(info.value)


def test_invalid_utf8_says_how_to_re_encode(tmp_path: Path) -> None:
    path = write(tmp_path, "latin1.txt", "Lom\u00e9".encode("latin-1"))
    with pytest.raises(UnreadableInput) as info:
        read_path(path, CAP)
    assert "re-encode" in str(info.value)
    assert "byte 3" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "article.txt"
    with pytest.raises(InputNotFound) as info:
        read_path(path, CAP)
    assert_helpful(info.value, path, "E001")


def test_directory(tmp_path: Path) -> None:
    path = tmp_path / "articles.txt"
    path.mkdir()
    with pytest.raises(UnsupportedInput) as info:
        read_path(path, CAP)
    assert_helpful(info.value, path, "E002")
    assert "directory" in str(info.value)


def test_file_over_the_cap_is_refused_not_truncated(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "x" * 101)
    with pytest.raises(UnreadableInput) as info:
        read_path(path, max_bytes=100)
    assert_helpful(info.value, path, "E003")
    assert "101 bytes" in str(info.value) and "100-byte cap" in str(info.value)
    assert read_path(write(tmp_path, "ok.txt", "x" * 100), max_bytes=100).text == "x" * 100


# --- HTML pages -----------------------------------------------------------------------------------


def test_html_article_text_and_title_are_extracted(tmp_path: Path) -> None:
    result = read_path(write(tmp_path, "page.html", news_page()), CAP)
    assert result.kind == "html"
    assert result.title == TITLE
    assert result.text.startswith(TITLE)
    assert result.text.count(TITLE) == 1  # the <h1> is not doubled by prepending the title
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in result.text
    for boilerplate in (*NAV_ITEMS, *FOOTER_ITEMS, "Copyright"):
        assert boilerplate not in result.text
    assert result.pub_date == dt.date(2023, 3, 3)


@pytest.mark.parametrize("suffix", [".htm", ".HTML", ".xhtml"])
def test_other_html_suffixes(tmp_path: Path, suffix: str) -> None:
    assert read_path(write(tmp_path, "page" + suffix, news_page()), CAP).kind == "html"


def test_html_entities_and_non_ascii_are_decoded(tmp_path: Path) -> None:
    page = news_page().replace("Lome have", "Lom&eacute; have").replace("Ghana's", "Ghana&#8217;s")
    text = read_path(write(tmp_path, "page.html", page), CAP).text
    assert "Lomé have" in text
    assert "Ghana’s minister" in text
    assert unicodedata.is_normalized("NFC", text)


def test_page_with_no_article_text(tmp_path: Path) -> None:
    page = ("<html><head><title>Example News</title></head><body><header><nav><ul>"
            '<li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>'
            "<footer><p>Copyright 2023 Example Media</p></footer></body></html>")  # fmt: skip
    path = write(tmp_path, "menu.html", page)
    with pytest.raises(NoArticleText) as info:
        read_path(path, CAP)
    assert_helpful(info.value, path, "E004")


def test_empty_html_body(tmp_path: Path) -> None:
    with pytest.raises(NoArticleText):
        page = "<html><head><title>x</title></head><body></body></html>"
        read_path(write(tmp_path, "blank.html", page), CAP)


def test_binary_file_named_html_is_refused_before_extraction(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="binary"):
        read_path(write(tmp_path, "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), CAP)


def test_copyright_year_is_not_taken_as_the_publication_date(tmp_path: Path) -> None:
    """Regression: a footer's "Copyright 2023" was taken as the page date (2023-01-01), so relative dates
    were resolved against 1 January."""
    result = read_path(write(tmp_path, "page.html", news_page(date_meta=None, footer_year="2023")), CAP)
    assert result.pub_date is None


def test_page_of_bare_navigation_links_has_no_article_text(tmp_path: Path) -> None:
    """Regression: trafilatura's fallback returned the link text ("Home About"), coded as an article."""
    page = ('<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/a">About</a>'
            "</nav><footer>Copyright 2023</footer></body></html>")  # fmt: skip
    with pytest.raises(NoArticleText):
        read_path(write(tmp_path, "menu.html", page), CAP)
