"""Events located in several places: the places a list names together with the linked one ("the villages
of X, Y and Z", "in X and in Y"), whatever label the model gives each name of the list; places named
beside the list but not in it are not added."""

from __future__ import annotations

import pytest
from tests.geo.helpers import locations_of, places_in

from eventwire.geo.mentions import _person_name
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        (
            "Gunmen raided the villages of Tabora, Kasulu and Ngara on Sunday.",
            "raided",
            ["Tabora", "Kasulu", "Ngara"],
        ),
        ("Students protested in Lyon and in Grenoble on Tuesday.", "protested", ["Lyon", "Grenoble"]),
        ("Rebels burned Kimbo village and Lasso village on Friday.", "burned", ["Kimbo", "Lasso"]),
        ("Troops shelled Kobane and Raqqa after talks in Geneva.", "shelled", ["Kobane", "Raqqa"]),
        (
            "Jets struck rebel positions at Kafr Ruma, Binnish and Idlib City on Saturday.",
            "struck",
            ["Kafr Ruma", "Binnish", "Idlib City"],
        ),
        (
            "Jets struck the rebels at the Minyan and Al-Assad suburbs on Monday.",
            "struck",
            ["Minyan", "Al-Assad"],
        ),
        (
            "Gunmen attacked farms in the Mokwa and Bida local government areas on Friday.",
            "attacked",
            ["Mokwa", "Bida"],
        ),
        (
            "Rebels shelled the settlements of Tell Ahmar, Kafr Naya (twice) and Deir Jamal, and Homs's "
            "districts of Bab Amr, Khalidiya and Inshaat.",
            "shelled",
            ["Tell Ahmar", "Kafr Naya", "Deir Jamal", "Bab Amr", "Khalidiya", "Inshaat"],
        ),
    ],
)
def test_every_place_of_a_list_locates_the_event(
    pipeline: Pipeline, text: str, verb: str, expected: list[str]
) -> None:
    assert locations_of(pipeline, text, verb) == expected


def test_a_place_outside_the_list_is_not_added(pipeline: Pipeline) -> None:
    text = "Police arrested ten men in Mombasa after a riot in Nairobi."
    assert locations_of(pipeline, text, "arrested") == ["Mombasa"]


def test_no_linked_place_means_no_list(pipeline: Pipeline) -> None:
    text = "The minister said Kenya and Uganda would sign the treaty."
    assert locations_of(pipeline, text, "said") == []


def test_words_for_a_people_make_no_list_of_places(pipeline: Pipeline) -> None:
    text = "Gunmen burned the Kurdish and Arab villages on Monday."
    assert locations_of(pipeline, text, "burned") == []


def test_the_area_around_a_list_is_not_in_it(pipeline: Pipeline) -> None:
    text = "Militiamen killed 18 civilians in the East Darfur towns of Muhajeriya and Labado on Tuesday."
    assert locations_of(pipeline, text, "killed") == ["Muhajeriya", "Labado"]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Ten people were killed in a bandit attack in Kapedo, Baringo county.", "killed", ["Kapedo"]),
        ("Bodies were found dumped in Miranshah, the main town of North Waziristan.", "found", ["Miranshah"]),
    ],
)
def test_a_place_after_a_comma_alone_is_no_list(
    pipeline: Pipeline, text: str, verb: str, expected: list[str]
) -> None:
    assert locations_of(pipeline, text, verb) == expected


def test_unlabelled_names_later_in_a_list_are_places(pipeline: Pipeline) -> None:
    """The small model labels some items of a list and leaves others bare; each item is a place."""
    text = "The air force bombed the rebels at Al-Houla, Al-Rastan, Harbnafseh, Umm Sharshouh, and Al-Zarah."
    assert {"Harbnafseh", "Umm Sharshouh"} <= {m.text for m in places_in(pipeline, text)[1]}


def test_a_numbered_brigade_is_a_force_not_a_place(pipeline: Pipeline) -> None:
    text = "In the Qalamoun Mountains, the army's 63rd Brigade and its allies captured a hilltop on Monday."
    assert "63rd Brigade" not in {m.text for m in places_in(pipeline, text)[1]}


def test_a_name_conjoined_with_a_place_is_a_place(pipeline: Pipeline) -> None:
    """The model labels "Bzaah" ORG; joined by "and" to the place "Qabasin" it is an item of that list."""
    text = "Turkish troops tried to capture Qabasin and Bzaah in the east on Monday."
    assert {"Qabasin", "Bzaah"} <= {m.text for m in places_in(pipeline, text)[1]}


def test_a_body_conjoined_with_a_place_is_no_place(pipeline: Pipeline) -> None:
    text = "Jets pounded Qabasin and the Jaysh Al-Islam fighters nearby."
    assert not any("Jaysh" in m.text and m.use == "place" for m in places_in(pipeline, text)[1])


@pytest.mark.parametrize(
    ("name", "expected"),
    [("John Seneviratne", True), ("Al-Bab", False), ("Khan Bani", True), ("Bzaah", False)],
)
def test_a_persons_name_is_not_taken_for_a_listed_place(
    pipeline: Pipeline, name: str, expected: bool
) -> None:
    """Two or more words with no Arabic article or hyphen read as a person's name when the model says PERSON
    (so "Khan Bani" alone would; the list rule takes it only when the model labels it otherwise)."""
    doc = pipeline.resources.nlp.make_doc(name)
    assert _person_name(doc[:]) is expected


def test_a_two_word_person_label_in_a_list_of_places_is_a_place(pipeline: Pipeline) -> None:
    """The model labels "Balad Ruz" PERSON; in a list with other places it is one of them."""
    text = (
        "On Friday gunmen raided the province, attacking Muqdadiyah, Balad Ruz, Kanaan, Khalis and Baqubah."
    )
    assert "Balad Ruz" in locations_of(pipeline, text, "attacking")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the province of Idlib, militants shelled the villages of Kafr Naya (twice), Tal Rifaat (four "
            "times), Deir Jamal (twice), Maarrat Umm Hawsh and Anadan, a bakery in the village of Hayan and "
            "the Al-Zahra camp.",
            ["Kafr Naya", "Tal Rifaat", "Deir Jamal", "Maarrat Umm Hawsh", "Anadan"],
        ),
        (
            "Militants shelled the villages of Kafr Naya (twice), Tal Rifaat (three times), Deir Jamal and "
            "Maarrat Umm Hawsh, and Idlib's districts of Bustan al-Qasr and al-Mashhad.",
            ["Kafr Naya", "Tal Rifaat", "Deir Jamal", "Maarrat Umm Hawsh", "Bustan al-Qasr", "al-Mashhad"],
        ),
    ],
)
def test_a_counted_list_of_settlements_is_read_from_the_words(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    """A shelling report lists the places it names with counts in brackets; the small model parses such a
    list as it will ("Tal Rifaat" left out of the first), so the lists of the sentence are read from the
    words, and every one of them is where the shelling was. "Idlib" goes on the noun after it: no item."""
    assert locations_of(pipeline, text, "shelled") == expected
