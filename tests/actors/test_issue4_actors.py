"""Issue 4, item 2: actors of the kinds the CAMEO manual's example sentences use, on sentences written for
these tests (loads the spaCy model)."""

from __future__ import annotations

import pytest
from tests.actors.helpers import find, run_actors

from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


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


def test_country_adjective_before_an_ethnonym_is_where_they_live(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Croatian Serbs held a rally while Greek Cypriots watched.")
    assert find(doc, "Croatian Serbs").country == "HRV"
    assert find(doc, "Greek Cypriots").country == "CYP"


def test_people_of_a_place_live_there(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "The Hungarians of northern Serbia asked for more schools.")
    assert find(doc, "The Hungarians of northern Serbia").country == "SRB"


def test_bare_security_council_is_the_un_body_unless_a_country_owns_it(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "The Security Council met on Tuesday.")
    assert (find(doc, "The Security Council").country, find(doc, "The Security Council").type) == (
        "IGO",
        "IGO",
    )
    doc = run_actors(pipeline, "Iran's Security Council met on Tuesday.")
    assert find(doc, "Iran's Security Council").country == "IRN"


def test_people_in_a_town_take_its_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Police in Karachi detained two students on Monday.")
    assert find(doc, "Police in Karachi").country == "PAK"


def test_town_in_a_sentence_gives_its_country_to_unplaced_actors(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Gunmen opened fire on a bus in Mosul, police said.")
    assert doc.sent_countries[0] == ["IRQ"]


def test_group_noun_after_a_known_organisation_is_that_organisation(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Troops raided offices of the Hamas political movement on Monday.")
    found = find(doc, "the Hamas political movement")
    assert (found.country, found.type, found.kind) == ("PSE", "REB", "org")


def test_it_after_a_legal_team_is_the_team(pipeline: Pipeline) -> None:
    # a defence or legal team is a group of lawyers (CVL) that "it" can refer to, rather than the court
    # named before it
    doc = run_actors(
        pipeline,
        "At the high court in Accra on Monday, the Ghanaian governor's legal team said it would appeal.",
    )
    team = find(doc, "the Ghanaian governor's legal team")
    it = find(doc, "it")
    assert (team.type, it.type, it.country) == ("CVL", "CVL", team.country)


def test_a_title_before_a_name_the_ner_took_for_an_organisation_makes_it_a_person(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Kenyan Vice-President Moody Awori has declined to resign.")
    actor = find(doc, "Kenyan Vice-President Moody Awori")
    assert (actor.kind, actor.country, actor.type) == ("person", "KEN", "GOV")


def test_members_of_a_named_armed_group_act_as_the_group(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "American drones killed two al-Qaeda leaders and Hamas fighters.")
    leaders = find(doc, "two al-Qaeda leaders")
    fighters = find(doc, "Hamas fighters")
    assert (leaders.kind, leaders.country, leaders.type) == ("org", None, "REB")
    assert (fighters.country, fighters.type) == ("PSE", "REB")


def test_a_name_split_by_the_parse_is_resolved_whole(pipeline: Pipeline) -> None:
    # the parse hangs "for the Total Independence ..." on "demands": the entity's root is the preposition
    doc = run_actors(
        pipeline, "The president yielded to demands from National Union for the Total Independence of Angola."
    )
    actor = find(doc, "National Union for the Total Independence of Angola")
    assert (actor.name, actor.country) == ("UNITA", "AGO")


def test_supporters_of_someone_are_civilians_of_that_country_not_that_person(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Supporters of the Kenyan opposition leader clashed with police in Kisumu.")
    actor = find(doc, "Supporters of the Kenyan opposition leader")
    assert (actor.country, actor.type) == ("KEN", "CVL")
