"""Evaluation gate on the seed article: code it, score it with the shared scorer exactly as it is.

The bars are the issue's minimum scores. Re-run ``python benchmarks/dev_score.py`` to see the numbers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import code_path

pytestmark = pytest.mark.slow

SEED_DOC = "000_6f4f7caacab94e9b"
MIN_F1 = {"lenient": 0.81, "aligned": 0.81, "strict+factual": 0.90}
"""Minimums for the seed article (lenient / --aligned / --strict --factual), raised to just below the measured
0.818 / 0.818 / 0.909 (issue 4); a minimum is only ever raised."""


@dataclass(frozen=True)
class CodedSeed:
    original: str  # the file's text, read independently of eventwire
    records: list[dict[str, Any]]
    scores: dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def seed(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory,
         score_events: Callable[[Path, Path], dict[str, dict[str, Any]]]) -> CodedSeed:  # fmt: skip
    path = shared_dir / "seed" / f"{SEED_DOC}.txt"
    doc = code_path(path)
    pred = tmp_path_factory.mktemp("seed") / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for event in doc.events:
            fh.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
    records = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    scores = score_events(shared_dir / "seed" / "gold.jsonl", pred)
    return CodedSeed(path.read_bytes().decode("utf-8-sig"), records, scores)


def _summary(res: dict[str, Any]) -> str:
    return (f"P {res['precision']:.3f} R {res['recall']:.3f} F1 {res['f1']:.3f} "
            f"(matched {res['matched']}, predicted {res['predicted']}, gold {res['gold']})")  # fmt: skip


@pytest.mark.parametrize("mode", list(MIN_F1))
def test_seed_f1_meets_the_bar(seed: CodedSeed, mode: str) -> None:
    res = seed.scores[mode]
    assert res["f1"] >= MIN_F1[mode], f"seed {mode}: {_summary(res)}; the bar is F1 >= {MIN_F1[mode]}"


def test_seed_records_name_the_document(seed: CodedSeed) -> None:
    assert seed.records, "no events coded from the seed article"
    assert {r["doc"] for r in seed.records} == {SEED_DOC}
    assert [r["id"] for r in seed.records] == [f"e{n}" for n in range(1, len(seed.records) + 1)]


def test_seed_spans_point_into_the_file(
    seed: CodedSeed, find_span_problems: Callable[[str, list[dict[str, Any]]], list[str]]
) -> None:
    assert find_span_problems(seed.original, seed.records) == []
