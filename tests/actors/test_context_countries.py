"""Countries an actor takes from the words around it: a misspelled country name, a title set beside a
name with a comma, a capital's namesake town, a people the gazetteer does not list, and a role owned by a
pronoun. Sentences written for these tests (loads the spaCy model)."""

from __future__ import annotations

import pytest
from tests.actors.helpers import find, run_actors

from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


# --- misspelled or transliterated country names ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("The minister turned down a proposal from Tadjikistan on Friday.", "Tadjikistan", "TJK"),
        ("Morrocco's king received the delegation in his palace.", "Morrocco's king", "MAR"),
        ("Trade talks with the Phillipines resumed on Monday.", "the Phillipines", "PHL"),
    ],
)
def test_a_misspelled_country_is_read_as_the_country(
    pipeline: Pipeline, text: str, mention: str, country: str
) -> None:
    assert find(run_actors(pipeline, text), mention).country == country


def test_a_persons_name_close_to_a_demonym_stays_a_person(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Marian Okafor criticised the new budget on Tuesday.")
    assert find(doc, "Marian Okafor").country is None


def test_a_real_town_is_not_read_as_a_misspelled_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Students protested in Columbia on Monday.")
    assert "COL" not in doc.sent_countries[0]


# --- a title beside a name ---------------------------------------------------------------------------


def test_a_title_before_a_name_gives_the_name_its_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Morocco's king, Hassan Idrissi Alaoui, opened talks with Tunisia on Monday.")
    person = find(doc, "Hassan Idrissi Alaoui")
    assert (person.country, person.type) == ("MAR", "GOV")


def test_a_title_after_a_name_gives_the_name_its_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "John Mwangi, the Kenyan foreign minister, met officials in Rome.")
    person = find(doc, "John Mwangi")
    assert (person.country, person.type) == ("KEN", "GOV")


def test_a_group_role_beside_a_name_gives_it_nothing(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Chilean protesters, Maria Soto among them, marched in the capital.")
    assert find(doc, "Maria Soto").country is None


# --- a capital's namesake town -----------------------------------------------------------------------


def test_a_capitals_namesake_in_the_named_country(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline, "Shells hit Tripoli on Monday as fighting spread through the Lebanese port city."
    )
    assert find(doc, "Tripoli").country == "LBN"


def test_the_capital_when_its_country_is_named(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline,
        "Libya's rival governments met in Tripoli. Lebanese diplomats also travelled to Tripoli.",
    )
    assert {m.country for m in doc.mentions if m.text == "Tripoli"} == {"LBY"}


def test_a_small_namesake_never_replaces_the_capital(pipeline: Pipeline) -> None:
    # there is a Moscow in Idaho, but far too small to be meant
    doc = run_actors(pipeline, "American envoys flew to Moscow for talks on Friday.")
    assert find(doc, "Moscow").country == "RUS"


# --- a people the gazetteer does not list ------------------------------------------------------------


def test_an_unlisted_people_placed_by_a_country_word(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Thousands of Syrian Kurds crossed into Turkey last week.")
    people = find(doc, "Syrian Kurds")
    assert (people.country, people.type) == ("SYR", "CVL")


# --- a role owned by a pronoun -----------------------------------------------------------------------


def test_a_role_owned_by_a_pronoun_takes_the_antecedents_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Ethiopian rebels said their fighters had left the town.")
    assert find(doc, "their fighters").country == "ETH"


def test_they_may_refer_to_a_people(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "The Kenyans said they would appeal the ruling.")
    pronoun = find(doc, "they")
    assert pronoun.country == "KEN"


# --- role nouns --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country", "type_"),
    [
        ("Chilean negotiators arrived in Lima on Sunday.", "Chilean negotiators", "CHL", "GOV"),
        ("A Dutch national was detained in Caracas.", "A Dutch national", "NLD", "CVL"),
        ("Quito's security chief banned the march.", "Quito's security chief", "ECU", "COP"),
        ("The Libyan army command said it had retaken the port.", "The Libyan army command", "LBY", "MIL"),
    ],
)
def test_role_nouns(pipeline: Pipeline, text: str, mention: str, country: str, type_: str) -> None:
    found = find(run_actors(pipeline, text), mention)
    assert (found.country, found.type) == (country, type_)


# --- a place word inside a hyphenated name -----------------------------------------------------------


def test_a_place_inside_a_linked_hyphenated_name_is_no_place(pipeline: Pipeline) -> None:
    # "Sindh" is a Pakistani province, but "Sindh-e-Azad" names a movement, not the province
    doc = run_actors(pipeline, "Police in Nairobi broke up a Sindh-e-Azad meeting.")
    assert "PAK" not in {m.country for m in doc.mentions}
    assert doc.focus_country == "KEN"


def test_a_country_joined_by_a_plain_hyphen_is_still_named(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "The Iran-backed militia shelled the town.")
    assert find(doc, "The Iran-backed militia").country == "IRN"


# --- a role noun inside a thing's name ---------------------------------------------------------------


def test_a_role_modifying_a_thing_shares_its_country_adjective(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Aid agencies cut rations at the largest Somali refugee camp in Kenya.")
    assert find(doc, "refugee").country == "SOM"


# --- officials of an intergovernmental body; a seat of government named for another country ----------


def test_officials_of_an_intergovernmental_body_are_typed_as_it(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "AU officials said the talks would resume.")
    officials = find(doc, "AU officials")
    assert (officials.country, officials.type) == ("IGO", "IGO")


def test_a_seat_of_government_named_for_another_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "The Canadian State Department protested on Friday.")
    assert find(doc, "The Canadian State Department").country == "CAN"
    doc = run_actors(pipeline, "The State Department protested on Friday.")
    assert find(doc, "The State Department").country == "USA"


# --- where a body is based ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country", "type_"),
    [
        ("A terror group based in Jordan claimed the attack.", "A terror group", "JOR", "REB"),
        ("A charity headquartered in Accra sent doctors to Liberia.", "A charity", "GHA", "NGO"),
    ],
)
def test_a_body_is_placed_where_it_is_based(
    pipeline: Pipeline, text: str, mention: str, country: str, type_: str
) -> None:
    found = find(run_actors(pipeline, text), mention)
    assert (found.country, found.type) == (country, type_)
