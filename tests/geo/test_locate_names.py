"""Event location on real parses, the names and links added after the event-location round of November:
"the town of X" costs what "X" does, a place measured from another is not inside it, names the small model
labels NORP or splits in two, a people's adjective before a sea, names a gazetteer place is part of, a
named building yields to its town, "attack against X" and "after the fall of X", leaders and ages mark
people. Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from tests.geo.helpers import location_of, parsed, places_in

from eventwire.geo import find_places
from eventwire.geo.locate import REFERENCE_COST, _direction_word, link_cost
from eventwire.geo.mentions import (
    _actor_headed,
    _clock_word,
    _event_name,
    _hyphenated_modifier_word,
    _inside_hyphenated_name,
    _person_word,
    _titled,
    place_use,
)
from eventwire.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.tokens import Span

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


# issue 5, item 4: names and uses added on the single-annotator training records


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Gunmen killed ten villagers in Mexico's western Jalisco state on Sunday.", "killed", "Jalisco"),
        ("Police said gunmen killed two guards in Kaduna State on Friday.", "killed", "Kaduna State"),
    ],
)
def test_a_region_before_the_noun_state_is_a_place(
    pipeline: Pipeline, text: str, verb: str, expected: str
) -> None:
    assert location_of(pipeline, text, verb) == expected


def test_a_state_that_modifies_a_government_stands_for_it(pipeline: Pipeline) -> None:
    text = "Officers of the Kaduna State government said gunmen killed two guards."
    assert _mention_texts(pipeline, text) == {"Kaduna State": "actor"}


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Troops shelled the eastern perimeter of Kafr Batna on Tuesday.", "shelled", "Kafr Batna"),
        (
            "Government forces shelled the southern slope of Jabal Zawiya overnight.",
            "shelled",
            "Jabal Zawiya",
        ),
    ],
)
def test_a_name_after_a_part_of_a_place_is_a_place(
    pipeline: Pipeline, text: str, verb: str, expected: str
) -> None:
    assert location_of(pipeline, text, verb) == expected


def test_a_feature_word_of_a_name_is_one_name_and_no_gulf_province(pipeline: Pipeline) -> None:
    _, places = places_in(pipeline, "Pirates attacked a cargo ship in the Gulf of Aden on Monday.")
    gulf = next(m for m in places if m.text == "Gulf of Aden")
    assert gulf.place is None or gulf.place.country != "PNG"
    _, bare = places_in(pipeline, "Iranian boats harassed a tanker in the Gulf on Monday.")
    assert all(m.place is None or m.place.country != "PNG" for m in bare)


def test_a_longer_name_in_a_place_slot_keeps_its_first_word(pipeline: Pipeline) -> None:
    _, places = places_in(pipeline, "Gunmen attacked a checkpoint near Umm Batna on Monday.")
    assert [m.text for m in places if m.use == "place"] == ["Umm Batna"]
    umm = next(m for m in places if m.text == "Umm Batna")
    assert umm.place is None or umm.place.country != "DZA"  # not the Algerian city of Batna


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The rebels launched an assault, targeting the Sheikh Khodr area near the airport.", "targeting",
         "Sheikh Khodr"),
    ],
)  # fmt: skip
def test_a_name_the_model_labels_in_part_is_one_name(
    pipeline: Pipeline, text: str, verb: str, expected: str
) -> None:
    assert location_of(pipeline, text, verb) == expected


def _span(pipeline: Pipeline, text: str, name: str) -> Span:
    doc = pipeline.resources.nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("check", "text", "name", "expected"),
    [
        (_clock_word, "The attack began around 9 A.M. on Friday.", "A.M.", True),
        (_inside_hyphenated_name, "Members of the Lashkar-e-Tayyaba group fled.", "Tayyaba", True),
        (_inside_hyphenated_name, "Rebels held the al-Shaab stadium.", "Shaab", False),
        (_inside_hyphenated_name, "Trucks left on the Aleppo-Khanasser road.", "Khanasser", False),
        (_hyphenated_modifier_word, "He was held near a U.S.-run prison.", "U.S.-run", True),
        (_titled, "They bombed the house of Governor Duraid Salem.", "Governor Duraid Salem", True),
        (_titled, "Rebels held the Sheikh Maqsoud district.", "Sheikh Maqsoud", False),
        (_event_name, "He served in the Vietnam War as a pilot.", "Vietnam War", True),
        (_event_name, "Jets flew during Operation Desert Storm in 1991.", "Operation Desert Storm", True),
        (_event_name, "Troops entered the Gaza Strip on Monday.", "Gaza Strip", False),
    ],
)  # fmt: skip
def test_names_that_are_no_places(
    pipeline: Pipeline, check: Callable[[Span], bool], text: str, name: str, expected: bool
) -> None:
    """A time of day, a word of a hyphenated organisation's name, a hyphenated modifier, a titled person, an
    event's name."""
    assert check(_span(pipeline, text, name)) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Militants stormed the Syrian Arab Army positions.", "Syrian Arab Army", True),
        ("Troops captured the Handarat Refugee Camp.", "Handarat Refugee Camp", False),
        ("Rebels shelled the village of Taybat Al-Imam.", "Taybat Al-Imam", False),
    ],
)
def test_a_name_headed_by_a_force_is_no_place(
    pipeline: Pipeline, text: str, name: str, expected: bool
) -> None:
    """A body of people heads the name; a person's role ("refugee", "imam") does not make it an actor's."""
    assert _actor_headed(_span(pipeline, text, name), pipeline.resources.geocoder) is expected


def test_an_ayn_mark_opens_the_name(pipeline: Pipeline) -> None:
    text = "Warplanes struck rebel positions at the village of \u2018Ayn Issa on Friday."
    assert location_of(pipeline, text, "struck") == "\u2018Ayn Issa"
    quoted = "Warplanes struck rebel positions at the \u2018Kurnaz\u2019 camp on Friday."
    assert "\u2018Kurnaz" not in _mention_texts(pipeline, quoted)


def test_a_known_city_the_model_leaves_unlabelled_is_a_place(pipeline: Pipeline) -> None:
    assert location_of(pipeline, "Russian warplanes hit Aleppo on Monday.", "hit") == "Aleppo"


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The army began its long assault on Kurnaz at dawn.", "began", "Kurnaz"),
        ("The rebels did not end the siege of Ban Houay Sai.", "end", "Ban Houay Sai"),
        ("Government troops launched an assault, targeting Tal Jubb on Monday.", "targeting", "Tal Jubb"),
    ],
)
def test_a_name_after_a_noun_for_an_assault_or_targeted_is_a_place(
    pipeline: Pipeline, text: str, verb: str, expected: str
) -> None:
    assert location_of(pipeline, text, verb) == expected


def test_a_known_city_tagged_as_an_adjective_before_a_place_noun_is_a_place(pipeline: Pipeline) -> None:
    text = "The army launched an offensive that targeted the southern Aleppo districts under rebel control."
    assert [m.text for m in places_in(pipeline, text)[1]] == ["Aleppo"]


# issue 5, item 4 (recall round): a part of a place, a kind-of-place word between a place and its
# container, a known town naming a thing that the text puts in a part of town


def test_the_possessor_of_a_part_noun_is_the_place_not_an_owner(pipeline: Pipeline) -> None:
    text = (
        "The army pressed its offensive in the countryside of Idlib, targeting Tal Sultan's southern flank."
    )
    assert location_of(pipeline, text, "targeting") == "Tal Sultan"


def test_a_kind_of_place_word_between_a_place_and_the_town_near_it(pipeline: Pipeline) -> None:
    text = "Settlers attacked a farmer near Qalandia refugee camp outside the city of Ramallah."
    assert location_of(pipeline, text, "attacked") == "Qalandia"


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("A bomb exploded in a crowded Kabul market in the Shor Bazaar district on Monday.", "exploded",
         "Shor Bazaar"),
        ("Gunmen shot a preacher outside the Masjid Noor mosque in Kisauni on Friday.", "shot", "Kisauni"),
        ("Militiamen attacked Kakuma village in Turkana district on Friday.", "attacked", "Kakuma"),
    ],
)  # fmt: skip
def test_a_thing_a_town_names_is_in_the_part_of_town_after_it(
    pipeline: Pipeline, text: str, verb: str, expected: str
) -> None:
    assert location_of(pipeline, text, verb) == expected


def test_a_name_a_possessive_pronoun_owns_is_no_place(pipeline: Pipeline) -> None:
    text = "A bomber detonated his explosives-packed Mercedes near a market in Mosul on Sunday."
    assert "Mercedes" not in _mention_texts(pipeline, text)
    assert location_of(pipeline, text, "detonated") == "Mosul"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("A party leader in Enugu State and a member of the state assembly, Chidi Okonkwo, was shot.",
         "Chidi Okonkwo"),
        (" Laurent Nkunda, captured towns in the North Kivu province.", "Laurent Nkunda"),
    ],
)  # fmt: skip
def test_a_person_beside_a_place_noun_that_names_no_place_is_no_place(
    pipeline: Pipeline, text: str, person: str
) -> None:
    """An apposition to "State" of "Enugu State" or a plural place noun after the name ("X, captured towns")
    does not make a person's name a place, as "the capital, Baku" and "Ngabe, a village" do."""
    assert person not in _mention_texts(pipeline, text)


def test_the_first_word_of_an_organisations_name_is_no_place(pipeline: Pipeline) -> None:
    """The small model labels "Jabhat" GPE inside "Jabhat Fateh Al-Sham"; the longer name is no place."""
    text = "The rebels of Jabhat Fateh Al-Sham launched an offensive near the town of Kafr Zita on Sunday."
    assert not any(name.startswith("Jabhat") for name in _mention_texts(pipeline, text))


def test_a_capitalised_word_after_a_place_noun_and_of_is_a_name(pipeline: Pipeline) -> None:
    """The tagger takes the ayn-marked "\u2018Ibta" for a common noun; after "the town of" it is a name."""
    text = "Rebels launched an offensive at a base near the Dara\u2019a Governorate town of \u2018Ibta today."
    assert location_of(pipeline, text, "launched") == "\u2018Ibta"


# issue 5, item 4 (research assistants' records): a point of the compass before a name, the passive
# subject of a verb that takes places


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Government forces captured west Mosul in July after a long siege.", "captured", "Mosul"),
        ("The army seized east Aleppo last winter.", "seized", "Aleppo"),
    ],
)
def test_a_lower_case_point_of_the_compass_is_a_part_of_the_place(
    pipeline: Pipeline, text: str, verb: str, expected: str
) -> None:
    """The small model labels "west Mosul" GPE with its lower-case first word; the name is "Mosul", and
    "west" before it is no noun saying who a captured person is."""
    assert location_of(pipeline, text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Jaffna was stormed by the army in May.", "stormed", "Jaffna"),  # labelled PERSON
        ("Kisangani was overrun by the rebels on Tuesday.", "overrun", "Kisangani"),  # labelled NORP
        ("Goma was shelled by rebels overnight.", "shelled", "Goma"),
    ],
)
def test_a_known_town_that_a_place_verb_takes_as_passive_subject_is_a_place(
    pipeline: Pipeline, text: str, verb: str, expected: str
) -> None:
    assert location_of(pipeline, text, verb) == expected


def test_a_passive_subject_a_pronoun_shows_to_be_a_person_is_no_place(pipeline: Pipeline) -> None:
    """The gazetteer knows a town "Arad"; "his car" after it says the captured Arad is a person."""
    text = "Arad was captured by militants after his car broke down near the border with Syria."
    assert "Arad" not in _mention_texts(pipeline, text)


def test_a_place_before_s_and_a_persons_name_is_where_the_person_is_from(pipeline: Pipeline) -> None:
    """The small model sometimes parses "ahead of Brazil's X and England's Dan Barker" with England as a
    conjunct of X instead of the possessor of the name after it; the words still say where Barker is from.
    The misparse is made by hand here, as the small model gives it on other sentences."""
    doc = parsed(pipeline, "Hill finished ahead of Brazil's Tiago Monteiro and England's Dan Barker.")
    assert doc.nlp is not None
    england = next(t for t in doc.nlp if t.text == "England")
    monteiro = next(t for t in doc.nlp if t.text == "Monteiro")
    england.head, england.dep_ = monteiro, "conj"
    span = doc.nlp[england.i : england.i + 1]
    assert place_use(doc, span, pipeline.resources.geocoder, "country") == "actor"
