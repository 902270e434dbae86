"""The loaded spaCy model with eventwire's additions: the gazetteer tagger and the paragraph splitter."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.nlp.model import PARAGRAPHS_NAME, RULER_NAME
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(pipeline: Pipeline) -> Language:
    return pipeline.resources.nlp


def test_gazetteer_tagger_runs_before_the_ner(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(RULER_NAME) < names.index("ner")


def test_paragraph_splitter_runs_before_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(PARAGRAPHS_NAME) < names.index("parser")


def test_each_addition_is_added_once(nlp: Language) -> None:
    assert nlp.pipe_names.count(RULER_NAME) == 1
    assert nlp.pipe_names.count(PARAGRAPHS_NAME) == 1


def ents(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_country_is_a_gpe_where_the_small_model_guesses_person(nlp: Language) -> None:
    assert ("Mali", "GPE", "country:MLI") in ents(nlp, "Mali took to the streets.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters in Bamako burned a French flag.", [("Bamako", "GPE", "capital:MLI"),
                                                       ("French", "NORP", "demonym:FRA")]),
        ("The Wagner Group denied the report.", [("Wagner Group", "ORG", "org:Wagner Group")]),
    ],
)  # fmt: skip
def test_gazetteer_entities_carry_their_id(
    nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = ents(nlp, text)
    for item in expected:
        assert item in found


def test_acronym_us_is_tagged_but_the_pronoun_is_not(nlp: Language) -> None:
    doc = nlp("The US told us to leave, and the US embassy let us go.")
    us_tokens = [t for t in doc if t.lower_ == "us"]
    assert [t.text for t in us_tokens] == ["US", "us", "US", "us"]
    for token in us_tokens:
        if token.text == "US":
            assert token.ent_type_ == "GPE" and token.ent_id_ == "country:USA"
        else:
            assert token.ent_type_ == ""


@pytest.mark.parametrize("newline", ["\n", "\n\n", "  \n", "\r\n"])
def test_a_headline_never_runs_into_the_paragraph_below(nlp: Language, newline: str) -> None:
    headline = "Mali junta frees detained soldiers"  # no final stop: the parser alone would run on
    body = "the soldiers were released on Monday in Bamako."  # lower case: no casing cue either
    doc = nlp(f"{headline}{newline}{body}")
    sents = list(doc.sents)
    assert len(sents) >= 2
    for sent in sents:
        assert not (sent.start_char < len(headline) and sent.end_char > len(headline) + len(newline)), (
            sent.text
        )
    second = next(s for s in sents if s.start_char >= len(headline))
    assert second.start_char == len(headline) + len(newline)
    assert second.text.startswith("the soldiers")


def test_every_line_starts_a_sentence(nlp: Language) -> None:
    lines = ["BREAKING", "Ghana and Togo sign border pact", "By a staff reporter", "Ghana and Togo on Monday"
             " signed a pact."]  # fmt: skip
    text = "\n".join(lines)
    starts = {s.start_char for s in nlp(text).sents}
    offset = 0
    for line in lines:
        assert offset in starts, line
        offset += len(line) + 1


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("The court freed the editor Surprisingly, the prosecutor did not appeal.", "Surprisingly"),
        ("The envoys met in the capital However, the talks broke down.", "However"),
    ],
)
def test_a_lost_full_stop_before_a_title_case_adverb_starts_a_sentence(
    nlp: Language, text: str, second: str
) -> None:
    sentences = [s.text for s in nlp(text).sents]
    assert len(sentences) == 2 and sentences[1].startswith(second), sentences


@pytest.mark.parametrize(
    "text",
    [
        "The delegation travelled to Italy, then flew home.",
        "The minister said that, frankly, nothing had changed.",
    ],
)
def test_a_name_or_lowercase_adverb_before_a_comma_starts_no_sentence(nlp: Language, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Two guards were killed on Saturday [22 August] in the Kamdesh district of Nuristan.",
        "Five traders from Beni in North Kivu province [eastern Congo] were kidnapped by gunmen.",
        "Police said the blast (a car bomb) wounded nine people near the market.",
    ],
)
def test_an_inserted_bracket_never_starts_a_sentence(nlp: Language, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


def test_a_bracket_after_a_full_stop_may_start_one(nlp: Language) -> None:
    doc = nlp("Troops left the town. [Editor's note: the report was updated.] Then the rain came.")
    assert any(sent.text.startswith("[") for sent in doc.sents)
