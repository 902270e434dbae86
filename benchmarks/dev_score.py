"""Code the seed article and the dev set, and score them with the shared scorer (used exactly as it is).

usage: python benchmarks/dev_score.py [--out DIR]

Prints lenient, aligned and strict+factual precision/recall/F1 for the seed and for the dev set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from corpora import Article, dev_articles, seed_articles, shared_dir

from eventwire import Document, build_pipeline

MODES = {"lenient": [], "aligned": ["--aligned"], "strict+factual": ["--strict", "--factual"]}


def code(articles: list[Article], out: Path) -> None:
    pipeline = build_pipeline()
    docs = [Document(doc_id=a.doc_id, original=a.text, pub_date=a.pub_date) for a in articles]
    with out.open("w", encoding="utf-8") as fh:
        for doc in pipeline.pipe(docs):
            for event in doc.events:
                fh.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")


def score(gold: Path, pred: Path) -> dict[str, dict[str, float]]:
    scorer = shared_dir() / "eval" / "score_events.py"
    results = {}
    for mode, flags in MODES.items():
        run = subprocess.run(
            [sys.executable, str(scorer), str(gold), str(pred), "--json", *flags],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        results[mode] = json.loads(run.stdout)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    shared = shared_dir()
    for name, articles, gold in (
        ("seed", seed_articles(), shared / "seed" / "gold.jsonl"),
        ("dev", dev_articles(), shared / "dev" / "gold.jsonl"),
    ):
        pred = args.out / f"{name}.jsonl"
        code(articles, pred)
        for mode, res in score(gold, pred).items():
            print(
                f"{name:5s} {mode:15s} P {res['precision']:.3f}  R {res['recall']:.3f}  F1 {res['f1']:.3f}  "
                f"(matched {res['matched']}, predicted {res['predicted']}, gold {res['gold']}; "
                f"same status {res['status_agreement']:.0%})"
            )


if __name__ == "__main__":
    main()
