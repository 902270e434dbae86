"""Issue 4, item 2: actors of the kinds the CAMEO manual's example sentences use, on sentences written for
these tests (loads the spaCy model)."""

from __future__ import annotations

import pytest
from tests.actors.helpers import run_actors

from eventwire.document import Document, Mention
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def find(doc: Document, text: str) -> Mention:
    found = [m for m in doc.mentions if m.text.lower() == text.lower()]
    assert found, (text, [(m.text, m.country, m.type) for m in doc.mentions])
    return found[0]


def test_igo_members_are_the_igo(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline, "European Community trade ministers promised new credits to Hungary on Monday."
    )
    assert (
        find(doc, "European Community trade ministers").country,
        find(doc, "European Community").type,
    ) == (
        "IGO",
        "IGO",
    )


def test_former_state_names_take_the_successor_code(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "West German officials criticised the Yugoslav government on Friday.")
    assert find(doc, "West German officials").country == "DEU"
    assert find(doc, "the Yugoslav government").country == "SRB"


def test_equipment_stands_for_the_forces_of_its_country(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline, "Syrian warplanes and Turkish tanks attacked the town, and a Syrian passenger plane landed."
    )
    assert (find(doc, "Syrian warplanes").country, find(doc, "Syrian warplanes").type) == ("SYR", "MIL")
    assert find(doc, "Turkish tanks").country == "TUR"
    assert not any("passenger plane" in m.text for m in doc.mentions)


def test_equipment_without_a_country_or_by_maker_is_no_actor(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Tanks rolled into the square while French-made helicopters circled.")
    assert not any(m.text.lower().endswith(("tanks", "helicopters")) for m in doc.mentions)


def test_ethnic_group_takes_the_country_it_lives_in(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Ethnic Hungarians in Romania demanded schools in their own language.")
    assert find(doc, "Ethnic Hungarians in Romania").country == "ROU"
    doc = run_actors(pipeline, "Hundreds of ethnic Serbs marched on Sunday.")
    assert find(doc, "ethnic Serbs").country is None  # left to the sentence's place or the focus


def test_definite_plural_demonym_is_the_state(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline, "The Iranians rejected the offer, and thousands of Iranians marched in protest."
    )
    assert find(doc, "The Iranians").type == "GOV"
    assert find(doc, "Iranians").type == "CVL"


def test_speaker_for_a_rights_group_is_ngo(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline,
        "Grace Adeyemi, a researcher for the charity Nigerian Prisoners Watch, said arrests were unlawful.",
    )
    person = find(doc, "Grace Adeyemi")
    assert (person.country, person.type) == ("NGO", "NGO")
    doc = run_actors(pipeline, "A human rights group in Kenya condemned the killings.")
    assert find(doc, "A human rights group in Kenya").country == "KEN"


def test_leader_name_before_government_joins_the_leader(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline,
        "Ghanaian President Nana Akufo-Addo spoke in Accra. Critics said the Akufo-Addo government failed.",
    )
    body = next(m for m in doc.mentions if m.text.lower().endswith("government"))
    assert body.country == "GHA"


def test_domestic_organisation_counts_towards_the_focus_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Hezbollah said on Monday that the president had refused its demands.")
    assert doc.focus_country == "LBN"
