"""Shared pytest fixtures."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import build_pipeline
from eventwire.pipeline import Pipeline

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared benchmark folder ``shared`` next to the project root (CI always provides it).

    Fails (does not skip) when it is missing, so that benchmark tests cannot silently stop running.
    """
    path = PROJECT_ROOT.parent / "shared"
    if not (path / "benchmarks").is_dir():
        pytest.fail(
            f"shared benchmark folder not found: expected {path}/benchmarks next to the project root "
            f"{PROJECT_ROOT}. Provide the `shared` folder (CI does) before running these tests.",
            pytrace=False,
        )
    return path


# --- shared benchmark material: dev articles, the shared scorer, the offset property --------------

SCORER_MODES: dict[str, tuple[str, ...]] = {
    "lenient": (),
    "aligned": ("--aligned",),
    "strict+factual": ("--strict", "--factual"),
}
"""The three ways the issue scores a run with ../shared/eval/score_events.py (always with --json)."""


@dataclass(frozen=True)
class DevArticle:
    doc_id: str  # "gwn-<file id>", as in ../shared/dev/gold.jsonl
    text: str  # the <text> element exactly as the XML parser returns it (gold offsets point into it)
    pub_date: dt.date | None


def load_gwn_texts(shared: Path) -> dict[str, str]:
    """GeoWebNews texts by ``<article file="N">``, exactly as ElementTree returns them (nothing stripped)."""
    path = shared / "benchmarks" / "geoparsing-gritta" / "GWN.xml.gz"
    with gzip.open(path, "rb") as fh:
        root = ET.parse(fh).getroot()
    return {a.get("file", ""): a.findtext("text") or "" for a in root.iter("article")}


@pytest.fixture(scope="session")
def dev_articles(shared_dir: Path) -> list[DevArticle]:
    """The 15 dev articles of ../shared/dev/index.jsonl, in index order, with their publication dates."""
    texts = load_gwn_texts(shared_dir)
    articles = []
    for line in (shared_dir / "dev" / "index.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        pub = row.get("pub_date")
        pub_date = dt.date.fromisoformat(pub) if pub else None
        articles.append(DevArticle(row["doc"], texts[row["gwn_id"]], pub_date))
    return articles


ScoreFunc = Callable[[Path, Path], dict[str, dict[str, Any]]]


@pytest.fixture(scope="session")
def score_events(shared_dir: Path) -> ScoreFunc:
    """Run the shared scorer exactly as it is (a subprocess) in each of SCORER_MODES; results by mode."""
    scorer = shared_dir / "eval" / "score_events.py"

    def run(gold: Path, pred: Path) -> dict[str, dict[str, Any]]:
        results = {}
        for mode, flags in SCORER_MODES.items():
            proc = subprocess.run(
                [sys.executable, str(scorer), str(gold), str(pred), "--json", *flags],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            assert proc.returncode == 0, f"scorer failed in mode {mode}: {proc.stderr}"
            results[mode] = json.loads(proc.stdout)
        return results

    return run


def record_spans(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every span object of one JSONL event record, with a label saying where it sits."""
    spans: list[tuple[str, dict[str, Any]]] = [("evidence", record["evidence"])]
    for key in ("source", "target", "location", "attributed_to", "trigger", "date_span"):
        if record.get(key) is not None:
            spans.append((key, record[key]))
    spans += [(f"quantities[{n}]", q) for n, q in enumerate(record.get("quantities") or [])]
    spans += [(f"other_mentions[{n}]", m) for n, m in enumerate(record.get("other_mentions") or [])]
    return spans


def span_problems(original: str, records: list[dict[str, Any]]) -> list[str]:
    """Spans whose ``original[start:end]`` is not their ``text`` (empty list when all agree)."""
    problems = []
    for record in records:
        for label, span in record_spans(record):
            start, end, text = span.get("start"), span.get("end"), span.get("text")
            if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str)):
                problems.append(f"{record['doc']} {record['id']} {label}: not a span: {span!r}")
            elif original[start:end] != text:
                problems.append(
                    f"{record['doc']} {record['id']} {label}: original[{start}:{end}] is "
                    f"{original[start:end]!r}, the record says {text!r}"
                )
    return problems


@pytest.fixture(scope="session")
def find_span_problems() -> Callable[[str, list[dict[str, Any]]], list[str]]:
    """The offset property as a function: ``find_span_problems(original, records) == []`` when it holds."""
    return span_problems


# --- the loaded pipeline, for the slow tests of single stages -----------------------------------------


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The full registered pipeline with its resources loaded (the spaCy model: about 3 s), one per module."""
    built = build_pipeline()
    built.resources.check()
    return built
