"""Measure the clean stage's chrome-line detector and join finder on real pages (not a test).

Usage::

    python benchmarks/chrome_lines.py [--shared PATH] [--show N]

Three measurements, all on data in ``shared/benchmarks`` (the sibling of the project root):

A. **Scraped pages** — the English pages of the Zyte article-extraction benchmark, rendered from their
   HTML to plain text one block per line (what a scraper that keeps the whole page writes), with each
   line labelled *article* when its words occur, in order, in the page's gold article body. Reports the
   share of non-article lines (and characters) dropped, and every article line of 4+ words dropped
   (false drops: each can lose an event).
B. **Clean articles** — gold article bodies of that benchmark plus the GeoWebNews, LGL, TR-News and
   GeoVirus texts: every line dropped there is listed (most should be genuine chrome the corpora kept).
C. **Joins** — the joins found in the clean articles of B, by rule (in clean text every one is either a
   real glued pair the corpus kept, or a false split).

The thresholds in ``eventwire.clean.chrome`` and ``eventwire.clean.joins`` were chosen with this script.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from eventwire.clean.chrome import find_chrome_lines, split_lines
from eventwire.clean.joins import find_join_details

_BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "option",
    "button",
    "label",
    "select",
    "textarea",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"}
_TOKENS = re.compile(r"\w+")


def render_text(html: str) -> str:
    """Visible text of an HTML page, one block element per line (a plain-text scrape of the page)."""
    import lxml.html

    root = lxml.html.fromstring(html)
    out: list[str] = []

    def walk(el: object) -> None:
        tag = getattr(el, "tag", None)
        if not isinstance(tag, str):  # comments, processing instructions
            tail = getattr(el, "tail", None)
            if tail:
                out.append(tail)
            return
        tag = tag.lower()
        if tag in _SKIP_TAGS:
            if el.tail:  # type: ignore[attr-defined]
                out.append(el.tail)  # type: ignore[attr-defined]
            return
        block = tag in _BLOCK_TAGS
        if block:
            out.append("\n")
        if el.text:  # type: ignore[attr-defined]
            out.append(el.text)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            walk(child)
        if block:
            out.append("\n")
        if el.tail:  # type: ignore[attr-defined]
            out.append(el.tail)  # type: ignore[attr-defined]

    walk(root)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(out).split("\n")]
    text_lines: list[str] = []
    for line in lines:
        if line:
            text_lines.append(line)
    return "\n\n".join(text_lines) + "\n"


def _token_string(text: str) -> str:
    return " " + " ".join(t.lower() for t in _TOKENS.findall(text)) + " "


def scraped_pages(shared: Path) -> list[tuple[str, str, str]]:
    """(page id, rendered page text, gold body) for the English pages of the article benchmark."""
    folder = shared / "benchmarks" / "article-extraction"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    with (folder / "pages.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["lang"] == "en"]
    pages = []
    for row in rows:
        html = gzip.open(folder / "html" / f"{row['id']}.html.gz").read().decode("utf-8", "replace")
        pages.append((row["id"][:12], render_text(html), gold[row["id"]]["articleBody"]))
    return pages


def clean_articles(shared: Path) -> list[tuple[str, str]]:
    """(name, text) of article texts without page chrome (or with only what the corpora kept)."""
    out: list[tuple[str, str]] = []
    folder = shared / "benchmarks" / "article-extraction"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    with (folder / "pages.tsv").open(encoding="utf-8") as fh:
        english = {r["id"] for r in csv.DictReader(fh, delimiter="\t") if r["lang"] == "en"}
    out.extend((f"zyte:{k[:12]}", v["articleBody"]) for k, v in gold.items() if k in english)
    geo = shared / "benchmarks" / "geoparsing-gritta"
    for name in ("GWN.xml.gz", "lgl.xml.gz", "TR-News.xml", "GeoVirus.xml.gz"):
        path = geo / name
        if not path.exists():
            continue
        data = gzip.open(path).read() if name.endswith(".gz") else path.read_bytes()
        for i, art in enumerate(ET.fromstring(data).iter("article")):
            node = art.find("text")
            if node is not None and node.text:
                out.append((f"{name.split('.')[0]}:{i}", node.text))
    return out


def measure_pages(pages: list[tuple[str, str, str]], show: int) -> None:
    kept_article = dropped_article = kept_other = dropped_other = 0
    chars_other = chars_other_dropped = 0
    false_drops: list[tuple[str, str, str]] = []
    reasons: Counter[str] = Counter()
    for page_id, text, body in pages:
        gold = _token_string(body)
        dropped = {(s, e): r for s, e, r in find_chrome_lines(text)}
        for s, e in split_lines(text):
            line = text[s:e].strip()
            if not line:
                continue
            toks = _token_string(line)
            article = toks.strip() != "" and toks in gold
            reason = dropped.get((s, e))
            if article:
                if reason:
                    dropped_article += 1
                    if len(toks.split()) >= 4:
                        false_drops.append((page_id, reason, line))
                else:
                    kept_article += 1
            else:
                chars_other += len(line)
                if reason:
                    dropped_other += 1
                    chars_other_dropped += len(line)
                    reasons[reason.split(":")[0]] += 1
                else:
                    kept_other += 1
    n_other = dropped_other + kept_other
    print(f"A. scraped pages: {len(pages)}")
    print(
        f"   non-article lines dropped: {dropped_other}/{n_other} ({dropped_other / max(n_other, 1):.1%}),"
        f" chars {chars_other_dropped / max(chars_other, 1):.1%}"
    )
    print(
        f"   article lines dropped: {dropped_article}/{dropped_article + kept_article}"
        f" ({len(false_drops)} of 4+ words)"
    )
    print(f"   drops by reason: {dict(reasons.most_common())}")
    for page_id, reason, line in false_drops[:show]:
        print(f"   FALSE DROP {page_id} [{reason}] {line[:110]!r}")


def measure_clean(articles: list[tuple[str, str]], show: int) -> None:
    drops = [(name, r, text[s:e]) for name, text in articles for s, e, r in find_chrome_lines(text)]
    chars = sum(len(t) for _, t in articles)
    print(f"B. clean articles: {len(articles)} ({chars:,} chars): {len(drops)} lines dropped")
    for name, reason, line in drops[:show]:
        print(f"   {name} [{reason}] {line[:110]!r}")


def measure_joins(articles: list[tuple[str, str]], show: int) -> None:
    joins = [(name, j, text) for name, text in articles for j in find_join_details(text)]
    print(f"C. joins in clean articles: {len(joins)} {dict(Counter(j.kind for _, j, _ in joins))}")
    for name, j, text in joins[:show]:
        print(f"   {name} [{j.kind}] {text[max(0, j.pos - 30) : j.pos + 25]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_shared = Path(__file__).resolve().parents[1].parent / "shared"
    parser.add_argument("--shared", type=Path, default=default_shared, help="the shared/ folder")
    parser.add_argument("--show", type=int, default=40, help="examples to print per measurement")
    args = parser.parse_args(argv)
    if not (args.shared / "benchmarks").is_dir():
        print(f"no benchmarks folder under {args.shared}; pass --shared", file=sys.stderr)
        return 2
    measure_pages(scraped_pages(args.shared), args.show)
    articles = clean_articles(args.shared)
    measure_clean(articles, args.show)
    measure_joins(articles, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
