"""Status and attribution of an act (attributes.status.decide_status) on parsed invented sentences.

ANNOTATION.md: "When several apply, take the first that fits: denied, hypothetical, requested, planned,
alleged, reported, asserted." Loads the spaCy model.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.attributes.status import StatusResult, decide_status
from eventwire.document import STATUSES
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow

Decide = Callable[[str, str], tuple[StatusResult, str | None]]


@pytest.fixture(scope="module")
def decide(pipeline: Pipeline) -> Decide:
    """``decide(sentence, trigger word)`` -> the result and the text of its attribution span."""
    nlp, lexicon = pipeline.resources.nlp, pipeline.resources.lexicon

    def run(sentence: str, word: str) -> tuple[StatusResult, str | None]:
        doc = nlp(sentence)
        (token,) = [t for t in doc if t.text == word]
        result = decide_status(token, lexicon)
        attributed = None
        if result.attributed_to is not None:
            start, end = result.attributed_to
            assert 0 <= start < end <= len(sentence)
            attributed = sentence[start:end]
        return result, attributed

    return run


def test_statuses_are_in_the_guides_order() -> None:
    assert STATUSES == ("denied", "hypothetical", "requested", "planned", "alleged", "reported", "asserted")


# --- one sentence per status ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "status", "attributed"),
    [
        ("The ministry denied that soldiers had killed civilians in Mopti.", "killed", "denied", None),
        ("Rebels denied killing the villagers.", "killing", "denied", None),
        ("Ghana would send troops to Mali.", "send", "hypothetical", None),
        ("Ghana could send troops to Mali.", "send", "hypothetical", None),
        ("The army would attack the city if talks failed.", "attack", "hypothetical", None),
        ("The junta threatened to expel the French ambassador.", "expel", "hypothetical", None),
        ("Germany urged Iran to release the aid workers.", "release", "requested", None),
        ('"Mali should release the soldiers," the foreign minister said.', "release", "requested",
         "the foreign minister"),
        ("Nigeria will send troops to Niger.", "send", "planned", None),
        ("Nigeria plans to send troops to Niger.", "send", "planned", None),
        ("The junta agreed to release the soldiers.", "release", "planned", None),
        ("Rebels allegedly killed ten villagers.", "killed", "alleged", None),
        ("Rights groups allege that soldiers killed civilians.", "killed", "alleged", "Rights groups"),
        ("Activists claim that police tortured detainees.", "tortured", "alleged", "Activists"),
        ("Officials said police had arrested 20 protesters.", "arrested", "reported", "Officials"),
        ("Police arrested 20 protesters, according to Reuters.", "arrested", "reported", "Reuters"),
        ("Police detained the journalist, according to two diplomatic sources.", "detained", "reported",
         "two diplomatic sources"),
        ("Police reportedly arrested 20 protesters.", "arrested", "reported", None),
        ("Police arrested 20 protesters on Monday.", "arrested", "asserted", None),
        ("The army did not deny that it attacked the village.", "attacked", "asserted", None),
    ],
)  # fmt: skip
def test_status(decide: Decide, sentence: str, word: str, status: str, attributed: str | None) -> None:
    result, attributed_text = decide(sentence, word)
    assert result.status == status
    assert attributed_text == attributed
    assert bool(result.cue) == (status != "asserted")


# --- precedence: when two statuses fit, the earlier in STATUSES wins ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "fits", "status"),
    [
        ("The government denied that it would expel the diplomats.", "expel", "denied > hypothetical",
         "denied"),
        ("Germany would urge Iran to release the aid workers.", "release", "hypothetical > requested",
         "hypothetical"),
        ("Officials said that Ghana would send troops to Mali.", "send", "hypothetical > reported",
         "hypothetical"),
        ("Germany will urge Iran to release the aid workers.", "release", "requested > planned", "requested"),
        ("Activists claim that police will arrest the opposition leader.", "arrest", "planned > alleged",
         "planned"),
        ("Officials said rebels allegedly killed ten villagers.", "killed", "alleged > reported", "alleged"),
        ("Rights groups allege that soldiers killed civilians.", "killed", "alleged > reported", "alleged"),
        ("Nigeria will send troops to Niger, according to Reuters.", "send", "planned > reported", "planned"),
    ],
)  # fmt: skip
def test_precedence(decide: Decide, sentence: str, word: str, fits: str, status: str) -> None:
    first, second = fits.split(" > ")
    assert STATUSES.index(first) < STATUSES.index(second)
    result, _ = decide(sentence, word)
    assert result.status == status == first


def test_reported_keeps_the_speaker_when_a_higher_status_wins(decide: Decide) -> None:
    result, attributed = decide("Officials said that Ghana would send troops to Mali.", "send")
    assert result.status == "hypothetical"
    assert attributed == "Officials"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The army will attack the city if talks fail.", "attack"),
        ("If the talks fail, Ghana will send troops.", "send"),
        ("Ghana will send troops unless the junta steps down.", "send"),
    ],
)
def test_condition_clause_makes_a_planned_act_hypothetical(decide: Decide, sentence: str, word: str) -> None:
    result, _ = decide(sentence, word)
    assert result.status == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The opposition accused police of torturing detainees.", "torturing"),
        ("Human rights groups blamed the army for killing civilians.", "killing"),
    ],
)
def test_accused_of_is_alleged(decide: Decide, sentence: str, word: str) -> None:
    result, _ = decide(sentence, word)
    assert result.status == "alleged"


def test_told_reporters_is_reported(decide: Decide) -> None:
    result, attributed = decide("The army attacked the village, officials told reporters.", "attacked")
    assert result.status == "reported"
    assert attributed == "officials"


def test_cue_names_what_decided_the_status(decide: Decide) -> None:
    result, _ = decide("The government denied that it would expel the diplomats.", "expel")
    assert result.status == "denied"
    assert result.cue == "governed:deny"
