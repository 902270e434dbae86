"""read_path on real files in tmp_path: text decoding, every refusal, and article extraction from HTML."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import EventwireError, InputNotFound, NoArticleText, UnreadableInput, UnsupportedInput
from eventwire.read.files import MAX_LEGACY_RUN, decode_bytes, decode_text, read_path

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
        ("cp1251.txt", "Переговоры в Ломе".encode("cp1251"), UnreadableInput, "E003", "UTF-8"),
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
    """Changed in issue 3: Latin-1 ("Lom\\xe9") is now decoded; undeclared Cyrillic in a legacy code page
    (long runs of non-ASCII bytes) is still refused."""
    path = write(tmp_path, "cp1251.txt", "Lom Ломе".encode("cp1251"))
    with pytest.raises(UnreadableInput) as info:
        read_path(path, CAP)
    assert "re-encode" in str(info.value)
    assert "byte 4" in str(info.value)


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


# --- legacy encodings (issue 3): decoded when declared or clearly Windows-1252, refused otherwise ---------

LATIN_TEXT = "Caf\u00e9 talks in Lom\u00e9 \u2014 \u201cGr\u00f6\u00dfe\u201d, a\u00e7\u00f5es, \u20ac5"


def test_undeclared_latin1_text_is_decoded(tmp_path: Path) -> None:
    """Changed in issue 3: this file (formerly refused as "not UTF-8") is read."""
    text = "Caf\u00e9 talks in Lom\u00e9"
    assert read_path(write(tmp_path, "latin1.txt", text.encode("latin-1")), CAP).text == text


def test_undeclared_cp1252_quotes_and_euro_are_decoded() -> None:
    assert decode_text(LATIN_TEXT.encode("cp1252"), "x.txt") == LATIN_TEXT


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1251">',
        "<meta charset=cp1251>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
def test_declared_legacy_charset_is_used(declaration: str) -> None:
    html = (
        f"<html><head>{declaration}<title>Новости</title></head><body><p>Переговоры в Ломе</p></body></html>"
    )
    assert decode_text(html.encode("cp1251"), "page.html") == html


def test_xml_declaration_is_used() -> None:
    xhtml = '<?xml version="1.0" encoding="koi8-r"?><html><body><p>Переговоры</p></body></html>'
    assert decode_text(xhtml.encode("koi8-r"), "page.xhtml") == xhtml


def test_iso_8859_1_label_means_windows_1252() -> None:
    """As in browsers: pages labelled ISO-8859-1 use Windows-1252's quotes (bytes 0x80-0x9F)."""
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{LATIN_TEXT}</p></body></html>'
    assert decode_text(html.encode("cp1252"), "page.html") == html


def test_valid_utf8_wins_over_a_wrong_legacy_label() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Lomé — “talks”</p></body></html>'
    assert decode_text(html.encode("utf-8"), "page.html") == html


def test_content_type_header_comes_first() -> None:
    body = '<html><head><meta charset="koi8-r"></head><body><p>Переговоры</p></body></html>'
    data = body.encode("cp1251")
    assert decode_bytes(data, "https://x.test/a", "text/html; charset=windows-1251") == body
    assert decode_bytes(data, "https://x.test/a", 'text/html; charset="WINDOWS-1251"') == body
    unknown_label = decode_bytes(data, "https://x.test/a", "text/html; charset=no-such-charset")
    assert unknown_label == body.encode("cp1251").decode("koi8-r")  # the meta's charset, then


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks(codec: str) -> None:
    assert decode_bytes(LATIN_TEXT.encode(codec), "x.txt") == LATIN_TEXT


def test_utf16_declared_in_the_header_without_bom() -> None:
    assert decode_bytes(LATIN_TEXT.encode("utf-16-le"), "u", "text/plain; charset=utf-16le") == LATIN_TEXT


def test_undeclared_cyrillic_in_a_legacy_code_page_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="does not look like Windows-1252"):
        decode_bytes("Переговоры в Ломе".encode("cp1251"), "x.txt")


def test_a_false_declaration_is_refused_with_what_it_declared() -> None:
    data = '<meta charset="utf-16le"><p>Переговоры в Ломе</p>'.encode("cp1251")
    with pytest.raises(UnreadableInput, match="UTF-8"):
        decode_bytes(data, "x.html", "text/html; charset=shift_jis")


def test_a_broken_bom_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="byte-order mark"):
        decode_bytes(b"\xff\xfe" + b"\x00\xd8", "x.txt")  # UTF-16 BOM, then a lone surrogate


_CP1252_HIGH = "".join(
    ch for ch in bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore") if ch.isprintable()
)
_latin_text = (
    st.lists(
        st.tuples(
            st.text(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:'\"!?-()\n\t",
                min_size=1,
                max_size=8,
            ),
            st.text(_CP1252_HIGH, max_size=MAX_LEGACY_RUN),
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda parts: "".join(a + b for a, b in parts))
    .filter(lambda t: t.strip() != "")
)


@given(text=_latin_text)
def test_decode_round_trips_windows_1252_text(text: str) -> None:
    """Windows-1252 text with at most MAX_LEGACY_RUN accented letters side by side reads back exactly, unless
    its bytes are also valid UTF-8 ("Ã©" is the bytes of UTF-8 "é"): those read as UTF-8, by design."""
    data = text.encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_bytes(data, "x.txt") == text
    else:
        assert decode_bytes(data, "x.txt") == data.decode("utf-8")


def test_html_result_carries_the_page_metadata(tmp_path: Path) -> None:
    head = ('<meta property="og:site_name" content="Example Media"><meta name="author" content="Kofi Mensah">'
            '<link rel="canonical" href="https://example-media.test/2023/ghana-togo">')  # fmt: skip
    result = read_path(write(tmp_path, "page.html", news_page().replace("</title>", "</title>" + head)), CAP)
    assert result.outlet == "Example Media"
    assert result.author == "Kofi Mensah"
    assert result.canonical_url == "https://example-media.test/2023/ghana-togo"
    assert result.language is not None and result.language.code == "en"


def test_text_result_carries_its_language(tmp_path: Path) -> None:
    result = read_path(write(tmp_path, "a.txt", " ".join(ARTICLE_PARAGRAPHS)), CAP)
    assert result.language is not None and result.language.code == "en"
    assert result.outlet is None and result.canonical_url is None
