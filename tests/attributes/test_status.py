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
        # the minister asks for it: a request has no source of a claim (no requested gold event has one)
        ('"Mali should release the soldiers," the foreign minister said.', "release", "requested", None),
        ("Nigeria will send troops to Niger.", "send", "planned", None),
        # a conjoined base form shares "will"; a conjoined past tense does not
        ("Nigeria will send troops to Niger and open a base.", "open", "planned", None),
        ("Nigeria will host talks, sent envoys to Niger and closed the border.", "sent", "asserted", None),
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
        # "press" asks only with an infinitive or "for": its plain noun object goes on being pursued
        ("The army is pressing its offensive against the militia.", "offensive", "asserted", None),
        ("The army pressed the rebels to surrender.", "surrender", "requested", None),
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


# --- issue 4: one list of saying verbs, one climb; plans told later; sources as subjects --------------


def test_one_list_of_saying_verbs_serves_status_and_the_sayer(pipeline: Pipeline) -> None:
    """``events.roles.sayer_of`` climbs with ``governing_say`` over ``data/reporting.tsv``'s say/allege
    rows: no second list of saying verbs in the code."""
    import eventwire.events.roles as roles
    from eventwire.attributes.status import governing_say

    assert not hasattr(roles, "SAY_LEMMAS")
    doc = pipeline.resources.nlp("Britain says Russia poisoned the former spy.")
    poisoned = next(t for t in doc if t.text == "poisoned")
    say = governing_say(poisoned, pipeline.resources.lexicon.reporting)
    assert say is not None and say.text == "says"
    sayer = roles.sayer_of(poisoned)
    assert sayer is not None and sayer.text == "Britain"


@pytest.mark.parametrize(
    ("sentence", "word", "status"),
    [
        # future in the past: an announced plan, not a condition
        ("The two governments announced that the United States would sell tanks to Saudi Arabia.", "sell",
         "planned"),
        ("Frank said that he would resign his position.", "resign", "planned"),
        # a prediction about someone else stays hypothetical
        ("Analysts said the sanctions would hurt the economy.", "hurt", "hypothetical"),
        # a real condition stays hypothetical
        ("The minister said he would resign if the army attacked.", "resign", "hypothetical"),
    ],
)  # fmt: skip
def test_would_under_an_announcement_is_planned(
    decide: Decide, sentence: str, word: str, status: str
) -> None:
    assert decide(sentence, word)[0].status == status


def test_if_after_a_verb_of_telling_is_whether_not_a_condition(decide: Decide) -> None:
    result, _ = decide("He challenged the committee to tell the world if the president was still the leader.",
                       "challenged")  # fmt: skip
    assert result.status == "asserted"


def test_anonymous_sources_as_subject_make_the_act_reported(decide: Decide) -> None:
    result, attributed = decide("French diplomatic sources criticized the Wagner Group.", "criticized")
    assert result.status == "reported"
    assert attributed == "French diplomatic sources"


def test_dismissing_charges_denies_no_act(decide: Decide) -> None:
    result, _ = decide("The supreme court dismissed the charges against him.", "charges")
    assert result.status != "denied"


def test_a_request_names_no_source(decide: Decide) -> None:
    """ANNOTATION.md: attributed_to is the source of a claim; "X should release Y," Z said is Z's request."""
    result, attributed = decide('"They should release him," she said.', "release")
    assert result.status == "requested"
    assert attributed is None


def test_according_to_is_kept_for_a_plan(decide: Decide) -> None:
    result, attributed = decide("According to Reuters, the group will receive six billion francs.", "receive")
    assert result.status == "planned"
    assert attributed == "Reuters"


@pytest.mark.parametrize(
    ("sentence", "word", "status"),
    [
        # an act named by a noun that a request verb asks for
        ("Students marched in Lagos, calling for the activist's release.", "release", "requested"),
        ("The union demanded the release of the detained workers.", "release", "requested"),
        # an infinitive clause introduced by "for" under a request verb
        ("The prosecutors asked for the mayor to receive a ten-year sentence.", "receive", "requested"),
        # verbs of advice ask for their complement
        ("The party elder advised the chairman to resign before the congress.", "resign", "requested"),
        # a noun subject of a reported clause takes that clause's status
        ("The militia says negotiations with the army aim to end the siege.", "negotiations", "reported"),
    ],
)
def test_issue4_requested_and_reported_nouns(decide: Decide, sentence: str, word: str, status: str) -> None:
    assert decide(sentence, word)[0].status == status


def test_issue4_a_say_conjoined_with_deny_does_not_deny_its_clause(decide: Decide) -> None:
    sentence = "The militia denies it is losing ground and says negotiations with the army aim to end it."
    assert decide(sentence, "negotiations")[0].status == "reported"


@pytest.mark.parametrize(
    ("sentence", "word", "denied"),
    [
        # the claimed act is denied by ", a charge that X denies"; the act of claiming it is not
        (
            "Kenya says Somali militants attacked the border post, a charge that Somalia denies.",
            "attacked",
            True,
        ),
        (
            "Kenya says Somali militants attacked the border post, a claim that Somalia rejects.",
            "attacked",
            True,
        ),
        ("Britain blamed Russia for the poisoning, a charge denied by the Kremlin.", "blamed", False),
        (
            "Kenya says Somali militants attacked the border post, a claim Somalia does not deny.",
            "attacked",
            False,
        ),
    ],
)
def test_a_charge_that_someone_denies_denies_the_claim(
    decide: Decide, sentence: str, word: str, denied: bool
) -> None:
    result, _ = decide(sentence, word)
    assert (result.status == "denied") == denied, result
