"""Feed parsing: RSS 2.0 and Atom entries, skipped entries, unsafe XML refused before parsing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import BadFeed, UnsafeFeed
from eventwire.sources import FeedEntry, parse_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>http://news.example/</link>
<item><title>Talks resume in Doha</title><link>http://news.example/a</link>
  <guid>urn:a</guid><pubDate>Mon, 13 Sep 2021 23:30:00 -0400</pubDate></item>
<item><title>No link here</title><description>just text</description></item>
<item><title>Relative</title><link>/b</link></item>
<item><title>Script</title><link>javascript:alert(1)</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:feed</id>
<updated>2021-09-14T00:00:00Z</updated>
<entry><title>Ceasefire agreed</title><id>urn:e1</id><link href="http://news.example/e1"/>
  <published>2021-09-12T08:00:00Z</published><updated>2021-09-13T08:00:00Z</updated></entry>
<entry><title>Only updated</title><id>urn:e2</id><link rel="alternate" href="http://news.example/e2"/>
  <updated>2021-09-10T08:00:00Z</updated></entry>
</feed>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://news.example/a</link></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><title>&x;</title><link>http://news.example/a</link></item></channel></rss>"""


def test_rss_entries_with_links_titles_dates_and_ids() -> None:
    entries = parse_feed(RSS, "feed", base_url="http://news.example/feed.xml")
    assert entries == [
        # the date as the feed writes it (13 September, 23:30 at -04:00), not the UTC date
        FeedEntry("http://news.example/a", "Talks resume in Doha", dt.date(2021, 9, 13), "urn:a"),
        FeedEntry("http://news.example/b", "Relative", None, None),
    ]


def test_atom_entries_prefer_the_published_date() -> None:
    entries = parse_feed(ATOM, "feed")
    assert [(e.url, e.title, e.pub_date, e.entry_id) for e in entries] == [
        ("http://news.example/e1", "Ceasefire agreed", dt.date(2021, 9, 12), "urn:e1"),
        ("http://news.example/e2", "Only updated", dt.date(2021, 9, 10), "urn:e2"),
    ]


def test_rss_091_doctype_without_entities_is_allowed() -> None:
    feed = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel>'
        b"<title>x</title><item><title>a</title><link>http://news.example/a</link></item></channel></rss>"
    )
    assert [e.url for e in parse_feed(feed, "feed")] == ["http://news.example/a"]


@pytest.mark.timeout(5)
def test_billion_laughs_is_refused() -> None:
    with pytest.raises(UnsafeFeed, match="declares the XML entity") as caught:
        parse_feed(BILLION_LAUGHS, "http://x/feed")
    assert caught.value.code == "E033" and caught.value.input_name == "http://x/feed"


def test_external_entity_is_refused() -> None:
    with pytest.raises(UnsafeFeed, match="'x'"):
        parse_feed(EXTERNAL_ENTITY, "feed")


def test_ill_formed_xml_declaring_entities_is_refused() -> None:
    broken = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss><channel><item><title>&a;</rss>'
    with pytest.raises(UnsafeFeed):
        parse_feed(b"\x01" + broken, "feed")


def test_slightly_broken_feed_is_still_read() -> None:
    sloppy = RSS.replace(b"Talks resume in Doha", b"Talks & more")  # unescaped ampersand
    assert [e.url for e in parse_feed(sloppy, "feed")][0] == "http://news.example/a"


def test_not_a_feed_is_a_bad_feed() -> None:
    with pytest.raises(BadFeed, match="not a readable RSS or Atom feed"):
        parse_feed(b"<?xml version='1.0'?><html><body><p>oops", "feed")


def test_garbled_encoding_declarations_are_bad_feeds() -> None:
    for declaration in (b"bogus-enc", b"\xcftf-16", b"utf\x00-16"):
        feed = b'<?xml version="1.0" encoding="' + declaration + b'"?><rss/>'
        with pytest.raises(BadFeed):
            parse_feed(feed, "feed")


@settings(max_examples=60, deadline=None)
@given(
    seed=st.sampled_from([RSS, ATOM, BILLION_LAUGHS, EXTERNAL_ENTITY]),
    cut=st.integers(min_value=0, max_value=2000),
    insert=st.binary(max_size=20) | st.sampled_from([b"&", b"<!ENTITY a 'b'>", b"<!DOCTYPE x>", b"]]>"]),
    where=st.integers(min_value=0, max_value=2000),
)
def test_damaged_feeds_give_entries_or_a_feed_error(seed: bytes, cut: int, insert: bytes, where: int) -> None:
    data = seed[:cut]
    data = data[:where] + insert + data[where:]
    try:
        entries = parse_feed(data, "feed", base_url="http://news.example/")
    except (BadFeed, UnsafeFeed):
        return
    assert all(entry.url.startswith(("http://", "https://")) for entry in entries)
