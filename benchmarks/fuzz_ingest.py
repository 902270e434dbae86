"""Fuzz ingest with generated inputs of every kind (the strategies of tests/fuzz_inputs.py) and report.

usage: python benchmarks/fuzz_ingest.py [--examples 10000] [--json FILE]

Every generated input (text, HTML with deep nesting and broken markup, JSONL with wrong types, truncated
WARC archives, random and legacy-encoded bytes) is written to a file and ingested into one store through the
full pipeline. A crash is any exception that escapes ``ingest`` (there is no catch-all inside it: only
EventwireErrors become rejected rows). Prints the number of examples, crashes, outcomes by kind and reason.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz_inputs import inputs  # noqa: E402

from eventwire.api import build_pipeline  # noqa: E402
from eventwire.ingest import ingest  # noqa: E402
from eventwire.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    pipeline = build_pipeline()
    pipeline.resources.check()
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    crashes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = Store.open(root / "fuzz.duckdb")
        counter = {"n": 0}

        @settings(
            max_examples=args.examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(example=inputs())
        def run(example: tuple[str, bytes]) -> None:
            counter["n"] += 1
            name, data = example
            kinds[name.split(".", 1)[1]] += 1
            folder = root / f"in{counter['n']}"
            folder.mkdir()
            path = folder / name
            path.write_bytes(data)
            try:
                summary = ingest([str(path)], store, pipeline)
            except Exception:  # the benchmark's job is to count what escapes ingest
                crashes.append(traceback.format_exc(limit=3))
                return
            finally:
                path.unlink()
                folder.rmdir()
            outcomes["ingested"] += summary.ingested
            outcomes["unchanged"] += summary.unchanged
            for reason, n in (summary.skipped + summary.rejected).items():
                outcomes[reason] += n

        started = time.perf_counter()
        run()
        elapsed = time.perf_counter() - started
        stored = {t: store.count(t) for t in ("articles", "events", "rejected")}
        store.close()
    figures = {
        "examples": counter["n"],
        "crashes": len(crashes),
        "by_kind": dict(kinds),
        "outcomes": dict(outcomes),
        "stored": stored,
        "elapsed_s": round(elapsed, 1),
        "examples_per_s": round(counter["n"] / elapsed, 1),
        "machine": f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
        "first_crashes": crashes[:3],
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
