"""Hypothesis strategies for generated inputs of every kind ingest reads (shared by the fuzz test and
``benchmarks/fuzz_ingest.py``). Each example is (file name, bytes): the suffix decides how it is read."""

from __future__ import annotations

import gzip
import json

from hypothesis import strategies as st

WORDS = st.sampled_from(
    "Kenya Ghana police arrested protesters the minister met said on Monday in Accra troops attacked "
    "rebels signed an agreement with France expelled ambassador . , ; ' \" — é ü ß 中 ١ \u200b \ufeff".split()
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)
TEXT = st.one_of(
    st.lists(SENTENCE, min_size=0, max_size=8).map("\n".join),
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
)
TAGS = st.sampled_from(
    ["p", "div", "article", "script", "style", "nav", "footer", "b", "table", "td", "h1", "a"]
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    depth = draw(st.integers(0, 300))
    tag = draw(TAGS)
    inner = draw(TEXT)
    body = f"<{tag}>" * depth + inner + (f"</{tag}>" * draw(st.integers(0, depth)))
    head = draw(
        st.sampled_from(["", "<title>t</title>", '<meta charset="latin-1">', "<script>var x=1</script>"])
    )
    broken = draw(st.sampled_from(["", "<", "<!--", "<![CDATA[", "</html></html>", "&#xD800;", "&lol;"]))
    return f"<html><head>{head}</head><body>{body}{broken}</body></html>"


def _jsonl_line(draw: st.DrawFn) -> str:
    obj = draw(
        st.one_of(
            st.fixed_dictionaries(
                {},
                optional={
                    "url": st.one_of(st.none(), st.text(max_size=30), st.just("https://example.invalid/a")),
                    "text": st.one_of(st.none(), TEXT, st.integers()),
                    "html": st.one_of(st.none(), html_pages()),
                    "pub_date": st.one_of(st.none(), st.text(max_size=12), st.just("2021-09-13")),
                    "title": st.one_of(st.none(), st.text(max_size=20), st.lists(st.integers(), max_size=2)),
                    "outlet": st.one_of(st.none(), st.text(max_size=20)),
                },
            ),
            st.lists(st.integers(), max_size=3),
            st.text(max_size=10),
        )
    )
    return json.dumps(obj) if draw(st.booleans()) else draw(st.text(max_size=60)).replace("\n", " ")


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    lines = [_jsonl_line(draw) for _ in range(draw(st.integers(0, 4)))]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def inputs(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(
        st.sampled_from(["txt", "html", "jsonl", "warc.gz", "warc", "bytes.txt", "bytes.html", "legacy"])
    )
    if kind == "txt":
        return "a.txt", draw(TEXT).encode("utf-8", "surrogatepass")
    if kind == "html":
        return "a.html", draw(html_pages()).encode("utf-8", "surrogatepass")
    if kind == "jsonl":
        return "a.jsonl", draw(jsonl_files())
    if kind == "legacy":
        codec = draw(st.sampled_from(["latin-1", "cp1252", "cp1251", "utf-16", "shift_jis"]))
        return "a.txt", draw(TEXT).encode(codec, "replace")
    raw = draw(st.binary(max_size=600))
    if kind == "warc.gz":
        data = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + raw)
        cut = draw(st.integers(0, len(data)))
        return "a.warc.gz", data[:cut]
    if kind == "warc":
        return "a.warc", b"WARC/1.0\r\n" + raw
    return ("a.txt" if kind == "bytes.txt" else "a.html"), raw
