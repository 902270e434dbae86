"""Event location on real parses, the names and links added after the event-location round of November:
"the town of X" costs what "X" does, a place measured from another is not inside it, names the small model
labels NORP or splits in two, a people's adjective before a sea, names a gazetteer place is part of, a
named building yields to its town, "attack against X" and "after the fall of X", leaders and ages mark
people. Every sentence here is our own."""

from __future__ import annotations

import pytest
from tests.geo.helpers import location_of, parsed, places_in

from eventwire.geo import find_places
from eventwire.geo.locate import REFERENCE_COST, _direction_word, link_cost
from eventwire.geo.mentions import _person_word
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def _mention_texts(pipeline: Pipeline, text: str) -> dict[str, str]:
    _, places = places_in(pipeline, text)
    return {m.text: m.use for m in places}


def _cost(pipeline: Pipeline, text: str, verb: str, place: str) -> float | None:
    doc = parsed(pipeline, text)
    assert doc.nlp is not None
    mention = next(m for m in find_places(doc, pipeline.resources.geocoder) if m.text == place)
    trigger = next(t for t in doc.nlp if t.text == verb)
    return link_cost(trigger, doc.nlp[mention.root])


def test_the_town_of_a_place_costs_what_the_place_does(pipeline: Pipeline) -> None:
    plain = _cost(pipeline, "Rebels ambushed a convoy in Gulu on Monday.", "ambushed", "Gulu")
    named = _cost(pipeline, "Rebels ambushed a convoy in the town of Gulu on Monday.", "ambushed", "Gulu")
    assert plain is not None and named is not None and named <= plain


def test_a_place_measured_from_another_is_not_inside_it(pipeline: Pipeline) -> None:
    text = "A mine exploded in Bulo Burte town north of Beledweyne, officials said."
    assert location_of(pipeline, text, "exploded") == "Bulo Burte"


def test_a_norp_label_before_a_place_noun_is_a_name(pipeline: Pipeline) -> None:
    uses = _mention_texts(pipeline, "In western Kasese district, local militias patrol every night.")
    assert uses.get("Kasese") == "place"
    assert "Shiite" not in _mention_texts(pipeline, "A bomb exploded in a Shiite neighbourhood on Friday.")


def test_a_lower_case_particle_inside_a_name_stays(pipeline: Pipeline) -> None:
    assert "Cote d'Ivoire" in _mention_texts(pipeline, "Peacekeepers patrolled the north of Cote d'Ivoire.")


def test_a_place_that_modifies_a_leader_stands_for_its_state(pipeline: Pipeline) -> None:
    text = "Peru's national police chief was shot dead outside his home on Sunday."
    assert location_of(pipeline, text, "shot") is None


def test_a_place_the_model_split_in_two_is_one_name(pipeline: Pipeline) -> None:
    assert (
        location_of(pipeline, "Two frigates patrolled the Persian Gulf on Monday.", "patrolled")
        == "Persian Gulf"
    )


def test_a_people_adjective_before_a_sea_is_a_place(pipeline: Pipeline) -> None:
    text = "Coast guard boats patrolled the waters of the Indian Ocean near the harbour."
    assert location_of(pipeline, text, "patrolled") == "Indian Ocean"


def test_a_longer_geographic_name_is_kept(pipeline: Pipeline) -> None:
    text = "Militia fighters shelled farms in South Lebanon on Thursday."
    assert location_of(pipeline, text, "shelled") == "South Lebanon"


def test_a_named_building_yields_to_its_town(pipeline: Pipeline) -> None:
    text = "Two gunmen opened fire inside the Blue Parrot bar in Tijuana late on Friday."
    assert location_of(pipeline, text, "opened") == "Tijuana"


def test_an_embassy_named_after_its_country_is_a_place(pipeline: Pipeline) -> None:
    text = "Hundreds of students protested outside the U.S. Embassy on Monday."
    assert location_of(pipeline, text, "protested") == "U.S. Embassy"
    assert _mention_texts(pipeline, "The U.S. Embassy said the consulate would close.").get(
        "U.S. Embassy"
    ) in {
        None,
        "actor",
    }


def test_an_attack_against_people_inside_a_place_locates(pipeline: Pipeline) -> None:
    text = "The army launched an attack against militants inside the village of Tamrin."
    assert location_of(pipeline, text, "launched") == "Tamrin"
    protest = "Students protested against the war in Yemen on Saturday."
    assert location_of(pipeline, protest, "protested") is None


def test_a_place_of_an_earlier_event_costs_more(pipeline: Pipeline) -> None:
    after = _cost(pipeline, "Rebels regrouped after the fall of Bara.", "regrouped", "Bara")
    beside = _cost(pipeline, "Rebels regrouped at the edge of Bara.", "regrouped", "Bara")
    assert after is not None and beside is not None and after >= beside + REFERENCE_COST


def test_a_name_given_an_age_is_a_person(pipeline: Pipeline) -> None:
    text = "Okafor, 34, was shot dead in Enugu on Tuesday."
    assert "Okafor" not in _mention_texts(pipeline, text)
    assert location_of(pipeline, text, "shot") == "Enugu"


def test_a_stronghold_names_a_place(pipeline: Pipeline) -> None:
    text = "Artillery fire killed six civilians in the rebel stronghold of Kidal on Friday."
    assert location_of(pipeline, text, "killed") == "Kidal"


@pytest.mark.parametrize(
    ("word", "expected"), [("easternmost", True), ("southernmost", True), ("most", False)]
)
def test_superlative_direction_words(pipeline: Pipeline, word: str, expected: bool) -> None:
    assert _direction_word(pipeline.resources.nlp.make_doc(word)[0]) is expected


@pytest.mark.parametrize(("word", "expected"), [("al", False), ("-", False), ("Hassan", True)])
def test_articles_are_no_evidence_of_a_person(pipeline: Pipeline, word: str, expected: bool) -> None:
    assert _person_word(pipeline.resources.nlp.make_doc(word)[0]) is expected


def test_a_bare_compass_word_or_an_ordinal_is_no_place(pipeline: Pipeline) -> None:
    uses = _mention_texts(pipeline, "The wall ran between East and West Berlin for decades.")
    assert "East" not in uses
    assert "304th" not in _mention_texts(pipeline, "The corps led two divisions, the 304th and the 308th.")


def test_at_equal_cost_the_place_outside_the_subject_wins(pipeline: Pipeline) -> None:
    text = "Volunteers in Kalu District were guarding the banks of Tefa Lake on Sunday."
    assert location_of(pipeline, text, "guarding") == "Tefa Lake"
