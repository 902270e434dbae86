"""The ``output`` stage: drops events under min_confidence and checks every span against the original."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.config import Config
from eventwire.document import Actor, Document, Event, Location, Quantity, TextSpan
from eventwire.errors import PipelineConfigError
from eventwire.output.stage import finalize
from eventwire.resources import Resources

ORIGINAL = "Police arrested 40 demonstrators in Lome on Tuesday, witnesses said."


def span(text: str) -> TextSpan:
    start = ORIGINAL.index(text)
    return TextSpan(text, start, start + len(text))


def event(**changes: Any) -> Event:
    ev = Event(
        doc="d",
        cameo="173",
        source=Actor(span("Police"), country="TGO", type="COP"),
        target=Actor(span("40 demonstrators"), country="TGO", type="CVL"),
        evidence=span(ORIGINAL),
        trigger=span("arrested"),
        rule="arrest",
        date="2023-02-28",
        date_span=span("on Tuesday"),
        location=Location(span("Lome"), name="Lomé", country="TGO"),
        attributed_to=span("witnesses"),
        quantities=[Quantity(span("40 demonstrators"), 40, "persons")],
        other_mentions=[span("Police arrested")],
        id="e1",
    )
    for key, value in changes.items():
        setattr(ev, key, value)
    return ev


def run(events: list[Event], min_confidence: float = 0.0) -> Document:
    doc = Document(doc_id="d", original=ORIGINAL, events=events)
    finalize(doc, Resources(Config(min_confidence=min_confidence)))
    return doc


def test_matching_spans_pass() -> None:
    assert len(run([event()]).events) == 1


WRONG = TextSpan("Polic", 0, 6)  # text and offsets disagree


@pytest.mark.parametrize(
    "changes",
    [
        {"evidence": WRONG},
        {"trigger": TextSpan("arrested", 0, 8)},
        {"other_mentions": [WRONG]},
        {"source": Actor(WRONG, country="TGO")},
        {"target": Actor(WRONG)},
        {"quantities": [Quantity(WRONG, 40, "persons")]},
        {"location": Location(WRONG, name=None, country=None)},
        {"attributed_to": WRONG},
        {"date_span": WRONG},
        {"evidence": TextSpan(ORIGINAL + " More.", 0, len(ORIGINAL) + 6)},  # runs past the end
    ],
    ids=[
        "evidence",
        "trigger",
        "other_mention",
        "source",
        "target",
        "quantity",
        "location",
        "attributed_to",
        "date_span",
        "past_the_end",
    ],  # fmt: skip
)
def test_a_span_that_does_not_match_the_original_is_a_pipeline_error(changes: dict[str, Any]) -> None:
    with pytest.raises(PipelineConfigError) as info:
        run([event(), event(id="e2", **changes)])
    message = str(info.value)
    assert message.startswith("E020 d:")
    assert "event e2" in message
    assert "report it" in message


def test_events_under_min_confidence_are_dropped() -> None:
    events = [event(id="e1", confidence=0.4), event(id="e2", confidence=0.5), event(id="e3", confidence=0.9)]
    assert [e.id for e in run(events, min_confidence=0.5).events] == ["e2", "e3"]


def test_default_min_confidence_keeps_everything() -> None:
    assert len(run([event(confidence=0.0), event(confidence=1.0)]).events) == 2


def test_a_dropped_event_is_not_checked() -> None:
    assert run([event(confidence=0.1, evidence=WRONG)], min_confidence=0.5).events == []
