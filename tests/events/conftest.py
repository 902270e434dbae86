"""Fixtures of the events tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.api import code_text
from eventwire.document import Event
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def code(
    pipeline: Pipeline, find_span_problems: Callable[[str, list[dict[str, Any]]], list[str]]
) -> Callable[[str], list[Event]]:
    """Code one text; fails unless ``text[start:end] == span text`` for every span of every event."""

    def run(text: str) -> list[Event]:
        events = code_text(text, doc_id="t", pipeline=pipeline)
        assert find_span_problems(text, [e.to_json() for e in events]) == []
        return events

    return run
