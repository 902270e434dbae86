"""The ``actors`` stage on a short invented article: mentions with country and type, coreference, the focus
country (loads the spaCy model)."""

from __future__ import annotations

import pytest
from tests.actors.helpers import run_actors

from eventwire.document import Document, Mention
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow

ARTICLE = (
    "Mali's army says Russian instructors are in Mali\n"
    "\n"
    "The Malian army said on Tuesday that it had repelled an attack near Kati, north of Bamako. "
    "Russian President Vladimir Putin said last week that the Wagner Group works in Mali on a commercial "
    "basis. The mercenaries have been accused of abuses against civilians in central Mali. Putin denied any "
    "link with them.\n"
    "\n"
    "Hundreds of protesters in Nairobi marched against foreign troops in Africa on Saturday."
)


@pytest.fixture(scope="module")
def article(pipeline: Pipeline) -> Document:
    return run_actors(pipeline, ARTICLE)


def mention(doc: Document, text: str, occurrence: int = 0) -> Mention:
    """The mention whose text is ``text`` (case-insensitive), the n-th one in the text."""
    found = sorted((m for m in doc.mentions if m.text.lower() == text.lower()), key=lambda m: m.start)
    assert len(found) > occurrence, (text, [m.text for m in doc.mentions])
    return found[occurrence]


def test_mentions_point_into_the_clean_text(article: Document) -> None:
    assert article.mentions
    for m in article.mentions:
        assert article.text[m.start : m.end] == m.text, m
        assert m.text == m.text.strip(), m
        assert article.mention_at[m.head] == article.mentions.index(m)
        span = article.span(m.start, m.end)
        assert article.original[span.start : span.end] == span.text == m.text


def test_demonym_and_role(article: Document) -> None:
    army = mention(article, "the Malian army")
    assert (army.country, army.type, army.kind) == ("MLI", "MIL", "role")


def test_role_with_a_place_pp(article: Document) -> None:
    protesters = mention(article, "protesters in Nairobi")
    assert (protesters.country, protesters.type) == ("KEN", "CVL")


def test_organisation_from_the_gazetteer(article: Document) -> None:
    wagner = mention(article, "the Wagner Group")
    assert (wagner.name, wagner.country, wagner.type, wagner.kind) == ("Wagner Group", "RUS", "PMC", "org")


def test_person_with_title(article: Document) -> None:
    putin = mention(article, "Russian President Vladimir Putin")
    assert (putin.name, putin.country, putin.type, putin.kind) == ("Vladimir Putin", "RUS", "GOV", "person")
    assert putin.entity_id >= 0


def test_surname_repeat_is_the_same_person(article: Document) -> None:
    full = mention(article, "Russian President Vladimir Putin")
    repeat = mention(article, "Putin")
    assert repeat.entity_id == full.entity_id
    assert (repeat.name, repeat.country, repeat.type) == ("Vladimir Putin", "RUS", "GOV")


def test_definite_role_refers_back_to_the_named_group(article: Document) -> None:
    mercenaries = mention(article, "The mercenaries")
    assert (mercenaries.country, mercenaries.type) == ("RUS", "PMC")
    assert mercenaries.name == "Wagner Group"


def test_country_and_capital_mentions(article: Document) -> None:
    assert (mention(article, "Bamako").country, mention(article, "Bamako").kind) == ("MLI", "capital")
    mali = mention(article, "Mali", 1)
    assert (mali.country, mali.type, mali.kind) == ("MLI", "GOV", "country")


def test_focus_country_is_the_most_named(article: Document) -> None:
    named = {"MLI": ARTICLE.count("Mali") + ARTICLE.count("Bamako"), "RUS": ARTICLE.count("Russia"),
             "KEN": ARTICLE.count("Nairobi")}  # fmt: skip
    assert max(named, key=lambda k: named[k]) == "MLI"
    assert article.focus_country == "MLI"


def test_places_named_in_each_sentence(article: Document) -> None:
    assert article.nlp is not None
    sents = list(article.nlp.sents)
    assert len(article.sent_countries) == len(sents)
    last = next(i for i, s in enumerate(sents) if "Nairobi" in s.text)
    assert article.sent_countries[last] == ["KEN"]  # "in Nairobi"; "in Africa" is no country


def test_focus_country_counts_the_headline_twice(pipeline: Pipeline) -> None:
    doc = run_actors(
        pipeline, "Kenya protests grow\n\nPolice in Uganda and in Uganda again held talks with Kenya."
    )
    # Kenya: headline (2) + body (1) = 3, Uganda: 2
    assert doc.focus_country == "KEN"


def test_article_without_countries_has_no_focus(pipeline: Pipeline) -> None:
    assert run_actors(pipeline, "The committee met on Tuesday.").focus_country is None


def test_it_refers_to_the_army(article: Document) -> None:
    it = next(m for m in article.mentions if m.kind == "pronoun" and m.text == "it")
    assert (it.country, it.type) == ("MLI", "MIL")


def test_forces_of_a_country(pipeline: Pipeline) -> None:
    doc = run_actors(pipeline, "Ethiopian forces shelled Tigrayan rebels near Mekelle.")
    forces = mention(doc, "Ethiopian forces")
    assert (forces.country, forces.type) == ("ETH", "MIL")


def test_its_is_the_subject_of_its_clause_not_a_nearer_body(pipeline: Pipeline) -> None:
    # "its" is the ministry's (the subject "it"), not the WTO's named between them
    doc = run_actors(
        pipeline,
        "Brazil's trade ministry said it has filed a complaint with the World Trade Organization over "
        "tariffs on its exports of beef.",
    )
    its = [m for m in doc.mentions if m.text == "its"]
    assert [m.country for m in its] == ["BRA"], doc.mentions
