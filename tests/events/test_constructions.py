"""Constructions the role finder handles and lexicon rows for CAMEO's own event language (issue 4: sentences
that got no event). Sentences are written for these tests; they go through the whole pipeline (slow)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.document import Event

Code = Callable[[str], list[Event]]


def summary(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of "use" is the means, not the doer, of the purpose clause
        ("Kenyan police used water cannon to disperse protesters in Nairobi.", ("175", "KEN", "KEN")),
        # a document's participle clause states its issuer's act
        (
            "The Egyptian foreign ministry issued a statement condemning the Israeli raid.",
            ("111", "EGY", "ISR"),
        ),
        # "hundreds of X": the crowd is X
        ("Hundreds of Chilean students marched through Santiago on Friday.", ("141", "CHL", "CHL")),
        # "is opposed to" states the subject's stance, it is no passive
        ("Ghana is opposed to Nigerian mediation in the dispute.", ("120", "GHA", "NGA")),
        # the modifier of a generic head names the act
        (
            "The Kenyan government ended its mediation efforts between the two Sudanese factions.",
            ("165", "KEN", "SDN"),
        ),
        ("Zambian teachers called off their strike on Monday.", ("082", "ZMB", None)),
        ("Peruvian authorities put the former minister under house arrest.", ("173", "PER", "PER")),
        # the lemmatiser's "stag" for "staged" is a light verb like "stage"
        ("Egyptian activists staged a hunger strike in Cairo.", ("142", "EGY", "EGY")),
        ("Indonesia will allow aid convoys into the province.", ("0355", "IDN", None)),
    ],
)
def test_construction(code: Code, text: str, expected: tuple[str, str | None, str | None]) -> None:
    events = code(text)
    assert summary(events) == [expected], [(e.cameo, e.rule) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A roadside bomb killed four Nigerian soldiers near the border on Monday.", "NGA"),
        ("Two Pakistani policemen were killed in a suicide bombing on Sunday.", "PAK"),
    ],
)
def test_an_unattributed_attack_has_an_unnamed_source(code: Code, text: str, target: str) -> None:
    events = code(text)
    assert summary(events) == [("1823", None, target)], [(e.cameo, e.rule) for e in events]
    assert events[0].source is not None and events[0].source.kind == "attack"


@pytest.mark.slow
def test_an_attack_by_a_named_group_keeps_its_doer(code: Code) -> None:
    events = code("Three Malian soldiers were killed in an attack by Boko Haram on Sunday.")
    assert events and all(e.source is not None and e.source.kind != "attack" for e in events), summary(events)


@pytest.mark.slow
def test_a_vow_whose_infinitive_is_parsed_as_an_adverbial_clause(code: Code) -> None:
    events = code("Somali militants have sworn to fight until the Ethiopian troops leave the country.")
    assert ("1384", "SOM", None) in summary(events), [(e.cameo, e.rule) for e in events]


@pytest.mark.slow
def test_a_conjoined_participle_read_as_a_past_tense_stays_passive(code: Code) -> None:
    """ "was arrested and found guilty": the tagger may read "found" as a past tense; it shares the passive
    auxiliary, so the one found guilty is the target, not the source."""
    events = code("The Nigerian governor was arrested and found guilty of embezzlement by a federal court.")
    verdicts = [e for e in events if e.cameo == "116"]
    assert verdicts and all(e.source is not None and e.source.type == "JUD" for e in verdicts)
    assert all(e.target is not None and "governor" in e.target.span.text for e in verdicts)
