"""People from title + name + context (actors.names) and their repeats (issue 4, item 1). Loads the model."""

from __future__ import annotations

import pytest
from tests.actors.helpers import run_actors

from eventwire.document import Document, Mention
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def named(doc: Document, name: str) -> list[Mention]:
    return [m for m in doc.mentions if m.name == name and m.kind == "person"]


def test_title_inside_the_entity_gives_name_type_and_country(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline,
        "The president received Minister of Defence of Russian Minister of Defence Sergey Shoyu in Hanoi. "
        "Later Sergey Shoyu held talks with officials.",
    )
    shoyu = named(doc, "Sergey Shoyu")
    assert len(shoyu) == 2  # the name alone, without the title or "in Hanoi"
    assert {(m.country, m.type) for m in shoyu} == {("RUS", "GOV")}  # the repeat takes the title's facts
    assert shoyu[0].entity_id == shoyu[1].entity_id


def test_a_title_through_of_before_the_name(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline,
        "Addressing the meeting, General Secretary of the Communist Party of Vietnam Nguyen Phu Trong said.",
    )
    (trong,) = named(doc, "Nguyen Phu Trong")
    assert (trong.country, trong.type) == ("VNM", "GOV")


def test_a_lawyers_title(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Attorney Wang Quanzhang was detained in 2015. Police later charged Wang.")
    people = [m for m in doc.mentions if m.name == "Wang Quanzhang"]
    assert people and all(m.type == "CVL" for m in people)


def test_titles_written_as_abbreviations_and_acronyms(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "The outgoing PM Miro Cerar criticised Gov. Jerry Brown on Monday.")
    assert [(m.type) for m in named(doc, "Miro Cerar")] == ["GOV"]


def test_places_and_bodies_tagged_as_people_are_not_people(pipeline: Pipeline) -> None:
    from eventwire.actors.names import NOT_PERSON_HEADS

    assert {"barracks", "affairs", "committee"} <= NOT_PERSON_HEADS
    doc = run_actors(pipeline, "Soldiers left Katy Barracks after the Ministry of Foreign Affairs spoke.")
    assert not [m for m in doc.mentions if m.kind == "person" and m.name and "Barracks" in m.name]


def test_role_acronyms_match_only_in_capitals(pipeline: Pipeline) -> None:
    gaz = pipeline.resources.gazetteer
    assert gaz.role("PM") is not None and gaz.role("pm") is None
    assert gaz.role("NGOs") is not None and gaz.role("Ngo") is None  # "Ngo Xuan Lich" is a name
