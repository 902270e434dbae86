"""Every quality figure of issue 4 in one table: seed and dev precision/recall/F1 in the three scoring modes,
status agreement, and the CAMEO-manual (PLOVER GSR) event-type and country accuracy.

usage: python benchmarks/quality.py [--out DIR] [--json]

Seed and dev are coded and scored as ``dev_score.py`` does (the shared scorer, run exactly as it is); the
GSR figures come from ``gsr_cameo.py``. The issue's bars are printed beside each figure. ``DIR`` receives the
predictions (``seed.jsonl``, ``dev.jsonl``) for ``diagnose.py`` and the GSR sentences we get wrong
(``gsr_wrong.txt``, one block per sentence as ``gsr_cameo.py --show wrong`` prints them).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from corpora import dev_articles, seed_articles, shared_dir
from dev_score import code, score
from gsr_cameo import evaluate, load_records, render_rows

BARS: dict[tuple[str, str], float] = {
    ("seed", "lenient"): 0.80,
    ("seed", "aligned"): 0.75,
    ("seed", "strict+factual"): 0.65,
    ("seed", "status"): 0.85,
    ("dev", "lenient"): 0.65,
    ("dev", "aligned"): 0.60,
    ("dev", "status"): 0.80,
    ("gsr", "event_type"): 0.80,
    ("gsr", "source_country"): 0.80,
    ("gsr", "target_country"): 0.80,
}
"""Issue 4's minimums (F1 for the scoring modes; share for status and the GSR figures)."""


def measure(out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    shared = shared_dir()
    figures: dict[str, Any] = {}
    for name, articles, gold in (
        ("seed", seed_articles(), shared / "seed" / "gold.jsonl"),
        ("dev", dev_articles(), shared / "dev" / "gold.jsonl"),
    ):
        pred = out / f"{name}.jsonl"
        code(articles, pred)
        results = score(gold, pred)
        figures[name] = {
            mode: {k: res[k] for k in ("precision", "recall", "f1", "matched", "predicted", "gold")}
            for mode, res in results.items()
        }
        figures[name]["status"] = results["lenient"]["status_agreement"]
    gsr = evaluate(load_records())
    (out / "gsr_wrong.txt").write_text(render_rows(gsr) + "\n", encoding="utf-8")
    figures["gsr"] = gsr.summary()
    return figures


def _bar(key: tuple[str, str], value: float) -> str:
    bar = BARS.get(key)
    if bar is None:
        return ""
    return f"(bar {bar:.2f}: {'met' if value >= bar else 'NOT met'})"


def render(figures: dict[str, Any]) -> str:
    lines = [f"{'set':5s} {'figure':16s} {'P':>6s} {'R':>6s} {'F1':>6s}  counts"]
    for name in ("seed", "dev"):
        for mode in ("lenient", "aligned", "strict+factual"):
            r = figures[name][mode]
            lines.append(
                f"{name:5s} {mode:16s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}  "
                f"matched {r['matched']}, predicted {r['predicted']}, gold {r['gold']} "
                f"{_bar((name, mode), r['f1'])}"
            )
        status = figures[name]["status"]
        lines.append(
            f"{name:5s} {'status (lenient)':16s} {'':>6s} {'':>6s} {status:6.3f}  "
            f"{_bar((name, 'status'), status)}"
        )
    gsr = figures["gsr"]
    for how in ("matched", "first"):
        for key in ("event_type", "source_country", "target_country"):
            value = gsr[how][key]
            label = f"{key} ({how})"
            bar = _bar(("gsr", key), value) if how == "matched" else ""
            lines.append(f"{'gsr':5s} {label:24s} {value:6.3f}  {bar}")
    lines.append(
        f"gsr   {gsr['sentences']} sentences, {gsr['events_per_sentence']:.2f} events/sentence, "
        f"{gsr['no_event']} with no event"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = measure(args.out)
    print(json.dumps(figures, indent=1) if args.json else render(figures))


if __name__ == "__main__":
    main()
