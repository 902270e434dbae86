"""The learned line model of the chrome detector: a two-stage logistic model over general line features.

The model decides which lines of a *whole page* saved as text (menus, teasers, captions, bylines and
footers around the article) are article text. It reads only general features of a line and its
neighbours (length, punctuation, function-word share, indentation, position, the rule marks of
:mod:`eventwire.clean.chrome`); no word of any page is part of it. :func:`eventwire.clean.chrome.analyse_page`
computes the features; this module holds the model and its file format:

- **stage 1** (``@stage line``) gives each line a logit from its own features;
- **stage 2** (``@stage context``) gives the final logit from the stage-1 logits of the line and of windows
  of its neighbours (:data:`CONTEXT_FEATURES`), so a short line between two paragraphs can stay and a
  sentence inside a block of teasers can go.

The article is one stretch of a page: the lines to keep are chosen around the *span* of the page, the
contiguous run of lines with the largest sum of ``logit - threshold`` (Kadane's maximum subarray). Inside
the span a line is kept when its logit is at least ``threshold - SPAN_INSIDE_MARGIN`` (a short line between
paragraphs), outside it only when at least ``threshold + SPAN_OUTSIDE_MARGIN`` (a teaser sentence far from
the article must look more like prose than a line of the article itself). The packaged model
(``data/chrome_line_model.txt``) is written by ``benchmarks/chrome_lines.py --train``, whose header in the
file says how it was trained.

File format: ``#`` comments; ``@threshold VALUE``; ``@stage NAME`` followed by ``FEATURE<TAB>WEIGHT`` lines
(the feature ``bias`` is the intercept).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.data_files import read_data_file
from eventwire.errors import BadDataFile

MODEL_FILE = "chrome_line_model.txt"

CONTEXT_WINDOWS = (1, 3, 8)
"""Half-widths of the neighbour windows of stage 2 (in non-blank lines). Chosen by cross-validation on the
halves of the rendered pages (``benchmarks/chrome_lines.py --train``)."""

CONTEXT_FEATURES: tuple[str, ...] = (
    "self",
    "prev1",
    "next1",
    *(f"{side}{w}" for w in CONTEXT_WINDOWS[1:] for side in ("before", "after")),
    *(f"around{w}" for w in CONTEXT_WINDOWS),
)
"""Stage-2 inputs: the line's own stage-1 logit, its previous and next line's, the mean logit of the ``w``
lines before and after it, and of the ``2w+1`` lines around it."""

STAGES = ("line", "context")

LINE_SHARE = 0.5
"""Weight of the stage-1 logit in the final logit (the rest is stage 2's): the context alone pulled the
paragraphs of a short article between a menu and a teaser list below the threshold."""

SPAN_INSIDE_MARGIN = 0.5
"""Logit margin below the threshold at which a line inside the span is still kept."""

SPAN_OUTSIDE_MARGIN = 1.0
"""Logit margin above the threshold a line outside the span needs to be kept. Both margins were chosen by
the cross-validation of ``benchmarks/chrome_lines.py --train`` (trained on one half, measured on the
other, in both directions) among 0/0.5/1/2 and 1/2/none."""


@dataclass(frozen=True, slots=True)
class Stage:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def logit(self, values: Sequence[float]) -> float:
        return self.bias + sum(w * v for w, v in zip(self.weights, values, strict=True))


@dataclass(frozen=True, slots=True)
class LineModel:
    line: Stage
    context: Stage
    threshold: float

    def logits(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Final logits of a page's non-blank lines, given their feature rows (in page order)."""
        first = [self.line.logit(row) for row in rows]
        second = [self.context.logit(row) for row in context_rows(first)]
        return [LINE_SHARE * a + (1 - LINE_SHARE) * b for a, b in zip(first, second, strict=True)]

    def keep(self, rows: Sequence[Sequence[float]]) -> list[bool]:
        """Which of a page's non-blank lines are article text (module docstring: the span and margins)."""
        logits = self.logits(rows)
        first, last = best_span([x - self.threshold for x in logits])
        keep = [
            x >= self.threshold - SPAN_INSIDE_MARGIN
            if first <= i <= last
            else x >= self.threshold + SPAN_OUTSIDE_MARGIN
            for i, x in enumerate(logits)
        ]
        return keep


def best_span(values: Sequence[float]) -> tuple[int, int]:
    """``(first, last)`` of the contiguous run of ``values`` with the largest sum; ``(0, -1)`` if none is
    positive."""
    best, best_sum = (0, -1), 0.0
    start, total = 0, 0.0
    for i, value in enumerate(values):
        if total <= 0:
            start, total = i, 0.0
        total += value
        if total > best_sum:
            best, best_sum = (start, i), total
    return best


def context_rows(first: Sequence[float]) -> list[list[float]]:
    """The stage-2 inputs (:data:`CONTEXT_FEATURES`) of each line, from the stage-1 logits of a page."""
    n = len(first)
    prefix = [0.0]
    for value in first:
        prefix.append(prefix[-1] + value)

    def mean(lo: int, hi: int, default: float) -> float:
        lo, hi = max(lo, 0), min(hi, n)
        return (prefix[hi] - prefix[lo]) / (hi - lo) if hi > lo else default

    rows = []
    for i, value in enumerate(first):
        row = [value, mean(i - 1, i, value), mean(i + 1, i + 2, value)]
        for w in CONTEXT_WINDOWS[1:]:
            row += [mean(i - w, i, value), mean(i + 1, i + 1 + w, value)]
        row += [mean(i - w, i + w + 1, value) for w in CONTEXT_WINDOWS]
        rows.append(row)
    return rows


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x > -50 else 0.0


def parse_model(text: str, line_features: Sequence[str], source: str = MODEL_FILE) -> LineModel:
    """Parse the model file format (module docstring); every feature of a stage must be given."""
    threshold: float | None = None
    stages: dict[str, dict[str, float]] = {}
    current: dict[str, float] | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        try:
            if fields[0] == "@threshold" and len(fields) == 2:
                threshold = float(fields[1])
            elif fields[0] == "@stage" and len(fields) == 2 and fields[1] in STAGES:
                current = stages.setdefault(fields[1], {})
            elif current is not None and len(fields) == 2:
                current[fields[0]] = float(fields[1])
            else:
                raise ValueError(line)
        except ValueError as exc:
            raise BadDataFile(
                source,
                f"line {lineno}: cannot read {line!r}",
                "write `@threshold X`, `@stage NAME` or `FEATURE W`",
            ) from exc
    if threshold is None:
        raise BadDataFile(source, "no @threshold line", "add `@threshold X`")
    built = []
    for name, names in (("line", tuple(line_features)), ("context", CONTEXT_FEATURES)):
        weights = stages.get(name)
        if weights is None:
            raise BadDataFile(source, f"no @stage {name}", f"add the weights of stage {name}")
        missing = [f for f in ("bias", *names) if f not in weights]
        unknown = [f for f in weights if f != "bias" and f not in names]
        if missing or unknown:
            raise BadDataFile(
                source,
                f"stage {name}: missing features {missing}, unknown features {unknown}",
                "train the model again with benchmarks/chrome_lines.py --train",
            )
        built.append(Stage(names, tuple(weights[f] for f in names), weights["bias"]))
    return LineModel(built[0], built[1], threshold)


def format_model(model: LineModel, header: str) -> str:
    """The model file text of ``model``; ``header`` (how it was trained) becomes ``#`` comments."""
    out = [f"# {line}".rstrip() for line in header.splitlines()]
    out.append(f"@threshold {model.threshold:.4f}")
    for name, stage in (("line", model.line), ("context", model.context)):
        out.append(f"\n@stage {name}")
        out.append(f"bias\t{stage.bias:.6f}")
        out.extend(f"{f}\t{w:.6f}" for f, w in zip(stage.features, stage.weights, strict=True))
    return "\n".join(out) + "\n"


@lru_cache(maxsize=1)
def _packaged(line_features: tuple[str, ...]) -> LineModel:
    text, source = read_data_file(MODEL_FILE)
    return parse_model(text, line_features, source)


def load_model(line_features: Sequence[str], path: Path | None = None) -> LineModel:
    """The packaged model (loaded once), or the model file at ``path``."""
    if path is None:
        return _packaged(tuple(line_features))
    text, source = read_data_file(MODEL_FILE, path)
    return parse_model(text, line_features, source)
