"""Place mentions and event locations on real parses: resolution in the article's context, places standing
for actors left out, datelines left out, and the place the parse links to the trigger chosen."""

from __future__ import annotations

import pytest
from tests.geo.helpers import location_of, parsed, places_in

from eventwire.attributes.places import geocode
from eventwire.document import Document
from eventwire.geo import Geocoder
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


_doc = parsed
_places = places_in
_location = location_of


@pytest.fixture(scope="module")
def geocoder(pipeline: Pipeline) -> Geocoder:
    return pipeline.resources.geocoder


def test_town_in_the_focus_country(geocoder: Geocoder) -> None:
    place = geocode("Kati", geocoder, focus="MLI")
    assert place is not None and (place.name, place.country, place.kind) == ("Kati", "MLI", "city")
    assert place.lat == pytest.approx(12.74, abs=0.05) and place.lon == pytest.approx(-8.07, abs=0.05)


@pytest.mark.parametrize(("text", "iso3"), [("Mali", "MLI"), ("Kenya", "KEN"), ("the Gambia", "GMB")])
def test_country_resolves_to_the_country(geocoder: Geocoder, text: str, iso3: str) -> None:
    place = geocode(text, geocoder)
    assert place is not None and (place.country, place.kind) == (iso3, "country")


@pytest.mark.parametrize(("text", "iso3"), [("Segou", "MLI"), ("Sao Paulo", "BRA"), ("Kiev", "UKR")])
def test_spelling_variants(geocoder: Geocoder, text: str, iso3: str) -> None:
    place = geocode(text, geocoder)
    assert place is not None and place.country == iso3 and place.lat is not None


def test_article_countries_pick_the_tripoli(pipeline: Pipeline) -> None:
    _, places = _places(
        pipeline, "Lebanese troops arrived in Beirut on Monday. Clashes broke out in Tripoli overnight."
    )
    tripoli = next(p for p in places if p.text == "Tripoli")
    assert tripoli.place is not None and tripoli.place.country == "LBN"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Moscow said the talks had failed.", "Moscow"),
        ("U.S. forces withdrew from the base.", "U.S."),
        ("The Kremlin denied the report.", "Kremlin"),
        ("French troops patrolled the area.", "French"),
    ],
)
def test_places_standing_for_actors_are_not_locations(pipeline: Pipeline, text: str, name: str) -> None:
    _, places = _places(pipeline, text)
    assert not any(p.is_location and name in p.text for p in places)


def test_dateline_is_not_an_event_location(pipeline: Pipeline) -> None:
    text = "BAMAKO (Reuters) - Gunmen attacked a village, killing ten people."
    assert _location(pipeline, text, "attacked") is None


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Around 100,000 supporters demonstrated in Rome on Saturday.", "demonstrated", "Rome"),
        ("Rebels captured the town of Bakwa last month.", "captured", "Bakwa"),
        (
            "A civilian was killed by a mortar in al-Tijara neighbourhood in central Damascus.",
            "killed",
            "al-Tijara",
        ),
        ("More than 10,000 people demonstrated in the Belarus capital Minsk.", "demonstrated", "Minsk"),
        (
            "A roadside bomb exploded in the town of Suwayrah, some 50 km south of Baghdad.",
            "exploded",
            "Suwayrah",
        ),
    ],
)
def test_the_place_linked_to_the_trigger(pipeline: Pipeline, text: str, verb: str, expected: str) -> None:
    assert _location(pipeline, text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        (
            "Militants were killed near Sirrin town in the southern countryside of Kobane.",
            "killed",
            "Sirrin",
        ),
        ("A man was killed by locals in Iraq's northern city of Mosul on Tuesday.", "killed", "Mosul"),
        ("Peacekeepers patrolled Kakata, 60 kilometers northeast of Monrovia.", "patrolled", "Kakata"),
    ],
)
def test_issue5_the_most_specific_place(pipeline: Pipeline, text: str, verb: str, expected: str) -> None:
    assert _location(pipeline, text, verb) == expected


def test_issue5_a_sentence_opening_place_sets_the_scene(pipeline: Pipeline) -> None:
    text = "In Vienna, some 200,000 people, many festooned in rainbow colours, marched for gay rights."
    assert _location(pipeline, text, "marched") == "Vienna"


def test_issue5_a_town_inside_a_person_name_is_no_place(pipeline: Pipeline) -> None:
    _, places = _places(pipeline, "Somali warlord Mohamed Farah Aidid captured the town of Huddur.")
    assert not any(p.text == "Farah" for p in places)


@pytest.mark.parametrize(("text", "name"), [("Va.", "Virginia"), ("Calif.", "California")])
def test_issue5_state_abbreviations(geocoder: Geocoder, text: str, name: str) -> None:
    place = geocode(text, geocoder)
    assert place is not None and (place.name, place.country, place.kind) == (name, "USA", "region")


def test_issue5_georgia_in_an_american_article(geocoder: Geocoder) -> None:
    place = geocode("Georgia", geocoder, focus="USA")
    assert place is not None and (place.country, place.kind) == ("USA", "region")


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("A bomb exploded near al-Nasr Stadium in western Mosul on Monday.", "exploded", "al-Nasr Stadium"),
        ("Two farmers were killed in the village of Qarmish on Sunday.", "killed", "Qarmish"),
        ("Police patrolled Freedom Square on Friday.", "patrolled", "Freedom Square"),
        ("Gunmen killed three people in Idlib province on Friday.", "killed", "Idlib"),
        ("The bomb detonated in front of a cafe in Gaza City.", "detonated", "Gaza City"),
        (
            "Two guards were killed at the gate of Kabul International Airport.",
            "killed",
            "Kabul International Airport",
        ),
        ("Protesters marched on a Hong Kong hotel on Monday.", "marched", "Hong Kong"),
        ("The bomb exploded 200 meters from a market in Kandahar.", "exploded", "Kandahar"),
        ("Rebels shelled army positions in the Tarbat area of Hasakah district.", "shelled", "Tarbat"),
        ("The bomber detonated his vest near the UNO base in Qaryat.", "detonated", "Qaryat"),
    ],
)
def test_issue5_names_the_model_does_not_label_as_places(
    pipeline: Pipeline, text: str, verb: str, expected: str
) -> None:
    """Issue 5 item 4: names after a place noun or a locative preposition, Arabic articles, span bounds
    as the event-location gold marks them (a capitalised place noun in, a lower-case one out)."""
    assert _location(pipeline, text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Troops were killed in a US-Kurdish raid on Friday.", "killed"),
        ("The gunman shot himself, according to a Chicago radio station.", "shot"),
        ("Thousands have been killed since the war in Yemen began.", "killed"),
        ("Anna Berg, of Sweden, captured the gold medal.", "captured"),
        (
            "The bomber detonated a bomb and killed a leader who fought the rebels that ruled Herat.",
            "detonated",
        ),
    ],
)
def test_issue5_places_that_are_not_where_the_event_happened(
    pipeline: Pipeline, text: str, verb: str
) -> None:
    assert _location(pipeline, text, verb) is None


def test_place_of_the_report_is_not_the_place_of_the_event(pipeline: Pipeline) -> None:
    text = "The minister said in Paris that rebels had attacked the convoy."
    assert _location(pipeline, text, "attacked") is None


def test_no_place_no_location(pipeline: Pipeline) -> None:
    assert _location(pipeline, "At least five civilians were killed, officials said.", "killed") is None


def test_pipeline_gives_the_event_its_location(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="t", original="Malian soldiers attacked rebels in Kidal on Monday."))
    located = [e.location for e in doc.events if e.location is not None]
    assert located, [e.to_json() for e in doc.events]
    loc = located[0]
    assert loc.span.text == "Kidal" and loc.country == "MLI" and loc.lat is not None


def test_an_event_in_several_listed_places_carries_each(pipeline: Pipeline) -> None:
    text = "Government troops attacked the towns of Kasulu and Ngara in western Tanzania on Sunday."
    doc = pipeline(Document(doc_id="t", original=text))
    attack = next(e for e in doc.events if e.cameo_root == "19")
    assert attack.location is not None and attack.location.span.text == "Kasulu"
    assert [loc.span.text for loc in attack.other_locations] == ["Ngara"]
    listed = attack.to_json()["other_locations"][0]
    assert (listed["country"], text[listed["start"] : listed["end"]]) == ("TZA", "Ngara")
