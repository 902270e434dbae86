"""Per gold event of the seed and dev sets: was it found (in its sentence), found in another sentence, or
missed; and which predictions match nothing. Reads prediction files written by ``dev_score.py``.

usage: python benchmarks/diagnose.py [--out DIR] [--set seed|dev|both] [--misses-only] [--code]

With ``--code`` the sets are coded first (into ``DIR``); otherwise ``DIR/seed.jsonl`` and ``DIR/dev.jsonl``
must exist. The matching is the shared scorer's own (``max_matching``, loaded from ../shared/eval).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from corpora import Article, dev_articles, seed_articles, shared_dir
from dev_score import code

Row = dict[str, Any]


def load_scorer() -> ModuleType:
    path = shared_dir() / "eval" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _actor(obj: Row | None) -> str:
    if not obj:
        return "-"
    country, type_ = obj.get("country"), obj.get("type")
    return f"{obj.get('text')!r}({country}/{type_})"


def _short(text: str, width: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def diagnose(name: str, gold: list[Row], pred: list[Row], misses_only: bool) -> Counter[str]:
    scorer = load_scorer()
    tally: Counter[str] = Counter()
    for doc in sorted({g["doc"] for g in gold}):
        golds = [g for g in gold if g["doc"] == doc]
        preds = [p for p in pred if p["doc"] == doc]
        keys = [scorer._key(p) for p in preds]
        aligned = scorer.max_matching(keys, golds, aligned=True)
        lenient = scorer.max_matching(keys, golds)
        used = set(aligned.values())
        print(f"=== {name} {doc}: gold {len(golds)}, predicted {len(preds)}, aligned {len(aligned)}")
        for j, g in enumerate(golds):
            if j in aligned:
                verdict = "found"
            elif j in lenient:
                verdict = "other-sentence"
            else:
                verdict = "missed"
            tally[verdict] += 1
            if misses_only and verdict == "found":
                continue
            print(
                f"  [{verdict}] {g['id']} roots {g['cameo_root']} cameo {g.get('cameo')} {g.get('status')}: "
                f"{_actor(g.get('source'))} -> {_actor(g.get('target'))}"
            )
            print(f"      {_short(g['evidence']['text'])}")
            if verdict != "found":
                span = (g["evidence"]["start"], g["evidence"]["end"])
                for p in preds:
                    ev = p["evidence"]
                    if ev["start"] < span[1] and span[0] < ev["end"]:
                        print(
                            f"      same sentence: {p['cameo']} {_actor(p.get('source'))} -> "
                            f"{_actor(p.get('target'))} [{p.get('rule')}] {p.get('status')}"
                        )
        for i, p in enumerate(preds):
            if i in used:
                continue
            tally["unmatched-prediction"] += 1
            print(
                f"  [false+] {p['id']} {p['cameo']} {_actor(p.get('source'))} -> {_actor(p.get('target'))} "
                f"[{p.get('rule')}] {p.get('status')}"
            )
            print(f"      {_short(p['evidence']['text'])}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--set", choices=("seed", "dev", "both"), default="both")
    parser.add_argument("--misses-only", action="store_true")
    parser.add_argument("--code", action="store_true", help="code the sets first")
    args = parser.parse_args()
    shared = shared_dir()
    sets: list[tuple[str, Any, Path]] = [
        ("seed", seed_articles, shared / "seed" / "gold.jsonl"),
        ("dev", dev_articles, shared / "dev" / "gold.jsonl"),
    ]
    for name, loader, gold_path in sets:
        if args.set not in (name, "both"):
            continue
        pred_path = args.out / f"{name}.jsonl"
        if args.code:
            args.out.mkdir(parents=True, exist_ok=True)
            articles: list[Article] = loader()
            code(articles, pred_path)
        tally = diagnose(name, _rows(gold_path), _rows(pred_path), args.misses_only)
        print(f"--- {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))


if __name__ == "__main__":
    main()
