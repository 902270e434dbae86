"""Measure article extraction, page metadata and language detection on real pages (not a test).

Usage::

    python benchmarks/extraction.py [--shared PATH] [--focus-all] [--json OUT]

Data: the Zyte (Scrapinghub) article-extraction benchmark in ``shared/benchmarks/article-extraction`` (the
sibling of the project root): 181 real pages (gzipped HTML) with the gold article body of each, and
``pages.tsv`` with the body's language (``lang``) and the page's ``<html lang>``. Nothing is copied.

Systems, all in the same run on the same decompressed HTML:

- ``trafilatura`` -- ``trafilatura.extract(html)`` with its defaults (comments included, as by default);
- ``trafilatura precision`` -- ``trafilatura.extract(html, favor_precision=True)``;
- ``eventwire`` -- ``eventwire.read.page.extract_page(html, id, url)`` with :data:`EXTRACTION_FOCUS`, scored
  on ``Page.text``. That is the article body alone: the headline is in ``Page.title`` and is only prepended
  by ``read_path`` (the gold bodies exclude headlines, so scoring the prepended text would count every
  headline as a false positive). A page refused with ``NoArticleText`` scores as an empty prediction;
- with ``--focus-all``, ``extract_page`` with each of the three ``focus`` settings, to choose
  :data:`EXTRACTION_FOCUS`.

Metrics (tokens are ``\\w+`` matches, case kept, as in the Zyte benchmark):

- token P/R/F1 *micro*: multiset overlap of unigram tokens summed over pages (long pages weigh more);
- token P/R/F1 *mean*: the same per page, averaged (an empty prediction scores 0/0/0);
- *Zyte* P/R/F1: the benchmark's own measure (multisets of word 4-gram shingles, TP/FP/FN normalised per
  page, precision and recall averaged over pages, F1 of the two averages), comparable with its README;
- pages/s: wall-clock over the pages (HTML already in memory; one warm-up page first, which also loads the
  language model);
- for eventwire: share of pages with a title, author, publication date (and how it was found) and canonical
  URL (no gold for these: coverage only), and the detected language against ``lang`` and ``html_lang``;
- the language detector on snippets of the gold bodies (30-240 characters): the share of calls marked
  reliable and the accuracy of reliable and unreliable calls (how ``RELIABLE_CONFIDENCE`` was chosen).

Results on the development machine are in the docstring of ``eventwire.read.page.EXTRACTION_FOCUS`` and the
issue's report.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import NoArticleText
from eventwire.read.language import detect_language
from eventwire.read.page import EXTRACTION_FOCUS, ExtractionFocus, Page, extract_page

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BENCHMARK = Path("benchmarks") / "article-extraction"
TOKEN = re.compile(r"\w+")
SHINGLE_N = 4
"""Word n-gram size of the Zyte benchmark's measure."""
SNIPPET_LENGTHS = (30, 60, 120, 240)
SNIPPET_STEP = 300
"""Snippets start every 300 characters of a gold body, up to :data:`SNIPPET_SPAN`."""
SNIPPET_SPAN = 3000
FOCUSES: tuple[ExtractionFocus, ...] = ("precision", "balanced", "recall")


@dataclass(frozen=True)
class BenchPage:
    page_id: str
    url: str
    lang: str
    html_lang: str
    gold: str
    html: str


@dataclass
class Run:
    name: str
    texts: dict[str, str] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    seconds: float = 0.0


def load_pages(shared: Path) -> list[BenchPage]:
    base = shared / BENCHMARK
    gold = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    with (base / "pages.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pages = []
    for row in rows:
        with gzip.open(base / "html" / f"{row['id']}.html.gz", "rt", encoding="utf-8") as fh:
            html = fh.read()
        entry = gold[row["id"]]
        pages.append(
            BenchPage(row["id"], entry["url"], row["lang"], row["html_lang"], entry["articleBody"], html)
        )
    return pages


# --- systems -------------------------------------------------------------------------------------------


def run_trafilatura(pages: list[BenchPage], name: str, **options: Any) -> Run:
    import trafilatura

    def one(page: BenchPage) -> str:
        return trafilatura.extract(page.html, **options) or ""

    run = Run(name)
    one(pages[0])  # warm-up
    start = time.perf_counter()
    for page in pages:
        run.texts[page.page_id] = one(page)
    run.seconds = time.perf_counter() - start
    return run


def run_eventwire(pages: list[BenchPage], name: str, focus: ExtractionFocus) -> Run:
    def one(page: BenchPage) -> Page | None:
        try:
            return extract_page(page.html, page.page_id, url=page.url, focus=focus)
        except NoArticleText:
            return None

    run = Run(name)
    one(pages[0])  # warm-up: imports and the language model
    start = time.perf_counter()
    for page in pages:
        result = one(page)
        run.texts[page.page_id] = result.text if result is not None else ""
        if result is not None:
            run.pages[page.page_id] = result
    run.seconds = time.perf_counter() - start
    return run


# --- metrics -------------------------------------------------------------------------------------------


def overlap(gold: Counter[Any], pred: Counter[Any]) -> tuple[int, int, int]:
    """(TP, FP, FN) of two multisets."""
    tp = sum((gold & pred).values())
    return tp, sum(pred.values()) - tp, sum(gold.values()) - tp


def ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    return ratio(2 * precision * recall, precision + recall)


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + SHINGLE_N]) for i in range(max(1, len(tokens) - SHINGLE_N + 1)))


def zyte_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """The Zyte benchmark's measure, as its README and evaluate.py describe it (re-implemented)."""
    precisions, recalls = [], []
    for gold, pred in pairs:
        tp, fp, fn = overlap(shingles(gold) if gold else Counter(), shingles(pred) if pred else Counter())
        total = tp + fp + fn
        tp_n, fp_n, fn_n = (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)
        if tp_n + fp_n > 0:
            precisions.append(1.0 if fp_n == fn_n == 0 else tp_n / (tp_n + fp_n))
        if tp_n + fn_n > 0:
            recalls.append(1.0 if fp_n == fn_n == 0 else tp_n / (tp_n + fn_n))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


def token_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    total = [0, 0, 0]
    per_page = []
    for gold, pred in pairs:
        tp, fp, fn = overlap(Counter(TOKEN.findall(gold)), Counter(TOKEN.findall(pred)))
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        per_page.append((p, r, f1(p, r)))
    tp, fp, fn = total
    micro_p, micro_r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    n = len(per_page)
    return {
        "micro_precision": micro_p,
        "micro_recall": micro_r,
        "micro_f1": f1(micro_p, micro_r),
        "mean_precision": sum(x[0] for x in per_page) / n,
        "mean_recall": sum(x[1] for x in per_page) / n,
        "mean_f1": sum(x[2] for x in per_page) / n,
    }


def score_run(run: Run, pages: list[BenchPage]) -> dict[str, Any]:
    pairs = [(page.gold, run.texts[page.page_id]) for page in pages]
    return {
        "pages": len(pages),
        "empty": sum(1 for _, pred in pairs if not pred.strip()),
        **token_scores(pairs),
        **{f"zyte_{key}": value for key, value in zyte_scores(pairs).items()},
    }


def primary_subtag(tag: str) -> str:
    return tag.strip().lower().replace("_", "-").split("-")[0]


def metadata_figures(run: Run, pages: list[BenchPage]) -> dict[str, Any]:
    found = [run.pages.get(page.page_id) for page in pages]
    got = [p for p in found if p is not None]
    n = len(pages)
    with_html_lang = [(page, p) for page, p in zip(pages, found, strict=True) if page.html_lang]
    return {
        "pages": n,
        "extracted": len(got),
        "title": ratio(sum(1 for p in got if p.title), n),
        "author": ratio(sum(1 for p in got if p.author), n),
        "pub_date": ratio(sum(1 for p in got if p.pub_date), n),
        "date_source": dict(Counter(p.date_source or "none" for p in got)),
        "canonical_url": ratio(sum(1 for p in got if p.canonical_url), n),
        "outlet": ratio(sum(1 for p in got if p.outlet), n),
        "language_vs_lang": ratio(
            sum(1 for page, p in zip(pages, found, strict=True) if p and p.language.code == page.lang), n
        ),
        "language_reliable": ratio(sum(1 for p in got if p.language.reliable), n),
        "language_errors": [
            f"{page.url} lang={page.lang} detected={p.language.code} ({p.language.confidence:.2f})"
            for page, p in zip(pages, found, strict=True)
            if p and p.language.code != page.lang
        ],
        "language_vs_html_lang": ratio(
            sum(1 for page, p in with_html_lang if p and p.language.code == primary_subtag(page.html_lang)),
            len(with_html_lang),
        ),
        "html_lang_vs_lang": ratio(
            sum(1 for page, _ in with_html_lang if primary_subtag(page.html_lang) == page.lang),
            len(with_html_lang),
        ),
        "pages_with_html_lang": len(with_html_lang),
    }


def snippet_figures(pages: list[BenchPage]) -> dict[str, dict[str, float]]:
    """The detector on snippets of gold bodies: share reliable, accuracy of reliable and unreliable calls."""
    figures = {}
    for length in SNIPPET_LENGTHS:
        reliable_right = reliable = unreliable_right = unreliable = 0
        for page in pages:
            body = page.gold
            for start in range(0, min(len(body), SNIPPET_SPAN), SNIPPET_STEP):
                snippet = body[start : start + length]
                if len(snippet) < length:
                    continue
                call = detect_language(snippet)
                right = call.code == page.lang
                if call.reliable:
                    reliable, reliable_right = reliable + 1, reliable_right + right
                else:
                    unreliable, unreliable_right = unreliable + 1, unreliable_right + right
        figures[str(length)] = {
            "snippets": reliable + unreliable,
            "share_reliable": ratio(reliable, reliable + unreliable),
            "accuracy_reliable": ratio(reliable_right, reliable),
            "accuracy_unreliable": ratio(unreliable_right, unreliable),
        }
    return figures


# --- report --------------------------------------------------------------------------------------------


def print_report(results: dict[str, Any], out: Callable[[str], None] = print) -> None:
    for subset, systems in results["extraction"].items():
        out(f"\n== article body, {subset} ==")
        out(
            f"{'system':<24}{'pages/s':>8}{'empty':>6} | {'micro P':>8}{'R':>7}{'F1':>7} | "
            f"{'mean P':>7}{'R':>7}{'F1':>7} | {'Zyte P':>7}{'R':>7}{'F1':>7}"
        )
        for name, s in systems.items():
            out(
                f"{name:<24}{results['pages_per_second'][name]:>8.2f}{s['empty']:>6} | "
                f"{s['micro_precision']:>8.3f}{s['micro_recall']:>7.3f}{s['micro_f1']:>7.3f} | "
                f"{s['mean_precision']:>7.3f}{s['mean_recall']:>7.3f}{s['mean_f1']:>7.3f} | "
                f"{s['zyte_precision']:>7.3f}{s['zyte_recall']:>7.3f}{s['zyte_f1']:>7.3f}"
            )
    for subset, m in results["metadata"].items():
        out(
            f"\n== eventwire page metadata, {subset} "
            f"({m['pages']} pages, {m['extracted']} with article text) =="
        )
        out(
            f"title {m['title']:.1%}  author {m['author']:.1%}  date {m['pub_date']:.1%} {m['date_source']}  "
            f"canonical URL {m['canonical_url']:.1%}  outlet {m['outlet']:.1%}"
        )
        out(
            f"language = pages.tsv lang: {m['language_vs_lang']:.1%} "
            f"(reliable calls {m['language_reliable']:.1%}); = <html lang> on the "
            f"{m['pages_with_html_lang']} pages with one: {m['language_vs_html_lang']:.1%} "
            f"(<html lang> itself = lang: {m['html_lang_vs_lang']:.1%})"
        )
        for line in m["language_errors"]:
            out(f"  wrong language: {line}")
    out("\n== language detector on snippets of the gold bodies (all 181 pages) ==")
    out(f"{'chars':>6}{'snippets':>10}{'reliable':>10}{'acc. reliable':>15}{'acc. unreliable':>17}")
    for length, s in results["snippets"].items():
        out(
            f"{length:>6}{s['snippets']:>10}{s['share_reliable']:>10.1%}{s['accuracy_reliable']:>15.1%}"
            f"{s['accuracy_unreliable']:>17.1%}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    parser.add_argument("--focus-all", action="store_true", help="also run extract_page with each focus")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    if not (args.shared / BENCHMARK / "ground-truth.json").is_file():
        print(f"benchmark not found under {args.shared / BENCHMARK}", file=sys.stderr)
        return 2
    pages = load_pages(args.shared)
    runs = [
        run_trafilatura(pages, "trafilatura"),
        run_trafilatura(pages, "trafilatura precision", favor_precision=True),
        run_eventwire(pages, "eventwire", EXTRACTION_FOCUS),
    ]
    if args.focus_all:
        runs += [run_eventwire(pages, f"eventwire {focus}", focus) for focus in FOCUSES]
    subsets = {"all 181 pages": pages, "English pages": [p for p in pages if p.lang == "en"]}
    ours = runs[2]
    results: dict[str, Any] = {
        "pages_per_second": {run.name: len(pages) / run.seconds for run in runs},
        "extraction": {
            f"{name} ({len(subset)})": {run.name: score_run(run, subset) for run in runs}
            for name, subset in subsets.items()
        },
        "metadata": {f"{name}": metadata_figures(ours, subset) for name, subset in subsets.items()},
        "snippets": snippet_figures(pages),
        "settings": {"extraction_focus": EXTRACTION_FOCUS},
    }
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
