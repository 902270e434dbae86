"""Ingest speed and memory, against a named baseline in the same run.

usage:
  python benchmarks/ingest.py pages [--rounds K]     HTML pages/s through ingest (coding excluded) vs
                                                     trafilatura alone, on the 181 real pages of
                                                     ../shared/benchmarks/article-extraction (target >= 0.8)
  python benchmarks/ingest.py docs [--n 5000]        docs/s and peak RSS of an N-document ingest with coding,
                                                     as `eventwire ingest` runs it (a subprocess)

pages: the same decompressed .html files go (a) to ``trafilatura.extract`` with its defaults and (b) to
``trafilatura.bare_extraction`` with metadata (the extraction ingest needs), and (c) through
``eventwire.ingest.ingest`` with a read-only pipeline (decode, extraction + metadata + date check, language,
store write; no NLP). Rounds alternate the three; the best round of each is reported, as timeit does,
both in wall-clock time and in CPU time of this process (CPU time is what to compare on a shared machine).

docs: a JSONL file of N articles: the real articles of ../shared/benchmarks/geoparsing-gritta (GWN, TR-News,
LGL, GeoVirus: 1,135 texts) plus the 181 article-extraction pages as HTML, topped up with invented template
articles (tests/synthetic.py) to N. Peak RSS is the child process's high-water mark (getrusage).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpora import shared_dir
from throughput import CORPORA, load_texts

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def extraction_pages() -> list[tuple[str, bytes]]:
    folder = shared_dir() / "benchmarks" / "article-extraction" / "html"
    return [
        (p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes()))
        for p in sorted(folder.glob("*.html.gz"))
    ]


def bench_pages(rounds: int) -> dict[str, object]:
    import trafilatura

    from eventwire.api import build_pipeline
    from eventwire.ingest import IngestSummary, ingest
    from eventwire.pipeline import Pipeline
    from eventwire.stages import STAGES
    from eventwire.store import Store

    pages = extraction_pages()
    read_only = Pipeline(STAGES[:1], build_pipeline().resources)
    names = ("trafilatura.extract", "trafilatura.bare_extraction+metadata", "eventwire ingest (no coding)")
    best_wall = dict.fromkeys(names, float("inf"))
    best_cpu = dict.fromkeys(names, float("inf"))
    stored = 0
    summaries: list[IngestSummary] = []

    def timed(name: str, work: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        best_wall[name] = min(best_wall[name], time.perf_counter() - wall)
        best_cpu[name] = min(best_cpu[name], time.process_time() - cpu)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for name, data in pages:
            (folder / name).write_bytes(data)
        files = sorted(folder.iterdir())

        def extract() -> None:
            for f in files:
                trafilatura.extract(f.read_bytes().decode("utf-8", "replace"))

        def bare() -> None:
            for f in files:
                trafilatura.bare_extraction(f.read_bytes().decode("utf-8", "replace"), with_metadata=True)

        for r in range(rounds):
            timed(names[0], extract)
            timed(names[1], bare)
            with Store.open(Path(tmp) / f"r{r}.duckdb") as store:
                timed(names[2], lambda store=store: summaries.append(ingest([str(folder)], store, read_only)))
            stored = summaries[-1].ingested + sum(summaries[-1].skipped.values())
    n = len(pages)
    wall = {k: n / v for k, v in best_wall.items()}
    cpu = {k: n / v for k, v in best_cpu.items()}
    ours = names[2]
    return {
        "pages": n,
        "stored": stored,
        "pages_per_s_wall": {k: round(v, 2) for k, v in wall.items()},
        "pages_per_cpu_s": {k: round(v, 2) for k, v in cpu.items()},
        "ratio_vs_extract": {
            "wall": round(wall[ours] / wall[names[0]], 3),
            "cpu": round(cpu[ours] / cpu[names[0]], 3),
        },
        "ratio_vs_bare_extraction": {
            "wall": round(wall[ours] / wall[names[1]], 3),
            "cpu": round(cpu[ours] / cpu[names[1]], 3),
        },
    }


def build_docs(path: Path, n: int) -> dict[str, int]:
    from tests.synthetic import article_text

    counts = {"real_text": 0, "real_html": 0, "synthetic": 0}
    with path.open("w", encoding="utf-8") as out:
        written = 0
        for corpus in CORPORA:
            for i, text in enumerate(load_texts(corpus)):
                if written >= n:
                    break
                out.write(json.dumps({"url": f"https://bench.invalid/{corpus}/{i}", "text": text}) + "\n")
                written += 1
                counts["real_text"] += 1
        for name, data in extraction_pages():
            if written >= n:
                break
            html = data.decode("utf-8", "replace")
            out.write(json.dumps({"url": f"https://bench.invalid/ae/{name}", "html": html}) + "\n")
            written += 1
            counts["real_html"] += 1
        rng = random.Random(11)
        while written < n:
            out.write(json.dumps({"text": article_text(written, rng)}) + "\n")
            written += 1
            counts["synthetic"] += 1
    return counts


def bench_docs(n: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "docs.jsonl"
        counts = build_docs(dump, n)
        db = Path(tmp) / "docs.duckdb"
        cmd = [sys.executable, "-m", "eventwire", "ingest", str(dump), "--db", str(db), "--progress", "never"]
        t = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - t
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (usage.ru_utime - before.ru_utime) + (usage.ru_stime - before.ru_stime)
        peak_mb = usage.ru_maxrss / 1024
        summary = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
        db_mb = db.stat().st_size / 2**20 if db.exists() else 0.0
    return {
        "documents": n,
        "mix": counts,
        "elapsed_s": round(elapsed, 1),
        "docs_per_s": round(n / elapsed, 2),
        "cpu_s": round(cpu, 1),
        "docs_per_cpu_s": round(n / cpu, 2) if cpu else None,
        "peak_rss_mb": round(peak_mb, 1),
        "store_mb": round(db_mb, 1),
        "exit_status": proc.returncode,
        "summary": summary,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="what", required=True)
    pages = sub.add_parser("pages")
    pages.add_argument("--rounds", type=int, default=3)
    docs = sub.add_parser("docs")
    docs.add_argument("--n", type=int, default=5000)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    figures = bench_pages(args.rounds) if args.what == "pages" else bench_docs(args.n)
    figures["machine"] = f"{platform.processor() or platform.machine()}, Python {platform.python_version()}"
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
