"""Places named through a place noun ("near the town of X"), countries after "anti-"/"pro-", language names,
and a few organisations the gazetteer lists, on sentences written for these tests (loads the spaCy model)."""

from __future__ import annotations

import pytest
from tests.actors.helpers import find, run_actors

from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A car bomb went off near the town of Kirkuk on Monday.", "IRQ"),
        ("Gunmen opened fire in a crowded market district of Kandahar.", "AFG"),
        ("Soldiers searched houses in a Somali village overnight.", "SOM"),
    ],
)
def test_a_place_noun_locates_the_name_or_adjective_it_governs(
    pipeline: Pipeline, text: str, country: str
) -> None:
    doc = run_actors(pipeline, text)
    assert doc.sent_countries == [[country]]


def test_of_phrase_under_a_non_place_noun_is_no_place(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Thousands of students marched in support of Ukraine.")
    assert doc.sent_countries == [[]]


def test_a_country_after_anti_or_pro_is_not_the_actors_home(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "An anti-American cleric was detained by police in Tbilisi on Friday.")
    assert find(doc, "An anti-American cleric").country is None
    assert doc.focus_country == "GEO"
    assert "USA" not in doc.ent_countries.values()


def test_a_language_name_gives_no_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "The broadcaster stopped airing programmes in the Russian language.")
    assert "RUS" not in doc.ent_countries.values()
    assert doc.focus_country is None


@pytest.mark.parametrize(
    ("text", "mention", "country", "type_"),
    [
        ("The Islamic Salvation Front urged a boycott.", "The Islamic Salvation Front", "DZA", "OPP"),
        ("The Khmer Rouge shelled a government post overnight.", "The Khmer Rouge", "KHM", "REB"),
    ],
)  # fmt: skip
def test_listed_national_organisations(
    pipeline: Pipeline, text: str, mention: str, country: str, type_: str
) -> None:
    found = find(run_actors(pipeline, text), mention)
    assert (found.country, found.type) == (country, type_)
