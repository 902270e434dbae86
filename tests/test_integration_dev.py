"""Evaluation gate on the 15 dev articles (GeoWebNews texts, ../shared/dev/gold.jsonl), scored with the
shared scorer exactly as it is. The bars are the issue's minimum scores."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import build_pipeline
from eventwire.document import Document

pytestmark = pytest.mark.slow

MIN_F1 = {"lenient": 0.68, "aligned": 0.64}
"""Minimums for the dev set (lenient / --aligned), raised to just below the measured 0.686 / 0.647
(issue 4); a minimum is only ever raised."""


@dataclass(frozen=True)
class CodedDev:
    originals: dict[str, str]  # doc id -> the text as the XML parser returns it
    coded: list[str]  # doc ids in the order the pipeline gave them back
    records: list[dict[str, Any]]
    scores: dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def dev(dev_articles: list[Any], shared_dir: Path, tmp_path_factory: pytest.TempPathFactory,
        score_events: Callable[[Path, Path], dict[str, dict[str, Any]]]) -> CodedDev:  # fmt: skip
    pipeline = build_pipeline()
    docs = [Document(doc_id=a.doc_id, original=a.text, pub_date=a.pub_date) for a in dev_articles]
    pred = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    coded = []
    with pred.open("w", encoding="utf-8") as fh:
        for doc in pipeline.pipe(docs):
            coded.append(doc.doc_id)
            for event in doc.events:
                fh.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
    records = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    scores = score_events(shared_dir / "dev" / "gold.jsonl", pred)
    return CodedDev({a.doc_id: a.text for a in dev_articles}, coded, records, scores)


def _summary(res: dict[str, Any]) -> str:
    return (f"P {res['precision']:.3f} R {res['recall']:.3f} F1 {res['f1']:.3f} "
            f"(matched {res['matched']}, predicted {res['predicted']}, gold {res['gold']})")  # fmt: skip


def test_dev_set_is_complete(dev_articles: list[Any]) -> None:
    assert len(dev_articles) == 15
    assert all(a.text.strip() for a in dev_articles)


@pytest.mark.parametrize("mode", list(MIN_F1))
def test_dev_f1_meets_the_bar(dev: CodedDev, mode: str) -> None:
    res = dev.scores[mode]
    assert res["f1"] >= MIN_F1[mode], f"dev {mode}: {_summary(res)}; the bar is F1 >= {MIN_F1[mode]}"


def test_dev_every_article_is_coded(dev: CodedDev) -> None:
    assert dev.coded == list(dev.originals)  # in input order, none dropped
    assert {r["doc"] for r in dev.records} <= set(dev.originals)
    for doc_id in dev.originals:
        ids = [r["id"] for r in dev.records if r["doc"] == doc_id]
        assert ids == [f"e{n}" for n in range(1, len(ids) + 1)], doc_id


def test_dev_spans_point_into_the_texts(
    dev: CodedDev, find_span_problems: Callable[[str, list[dict[str, Any]]], list[str]]
) -> None:
    problems = []
    for doc_id, original in dev.originals.items():
        problems += find_span_problems(original, [r for r in dev.records if r["doc"] == doc_id])
    assert problems == []
