"""Frames that recode the act in their complement (eventwire.events.frames), demands behind "must", and the
negation of nouns and coordinated verbs (issue 4, item 1).

The code tables are tested without spaCy; the constructions go through the whole pipeline (slow).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.events.helpers import summary

from eventwire.document import Event
from eventwire.events.frames import framed_code


@pytest.mark.parametrize(
    ("kind", "act", "expected"),
    [
        ("intent", "046", "036"),  # offered to negotiate
        ("intent", "0841", "0353"),  # promised to free
        ("intent", "073", "0333"),  # pledged humanitarian aid
        ("intent", "173", "173"),  # agreed to arrest: a conflictive act keeps its code
        ("intent", "032", "032"),
        ("threat", "163", "1312"),  # threatened sanctions
        ("threat", "191", "1381"),  # threatened a blockade
        ("threat", "1723", "1323"),  # threatened a curfew
        ("threat", "042", "130"),  # no listed prefix: the general code
        ("refusal", "040", "125"),  # refused to meet
        ("refusal", "0841", "1243"),  # refused to free
        ("refusal", "0813", "1241"),  # refused to lift the curfew
        ("refusal", "190", None),  # refused to attack: no event
        ("cessation", "062", "1622"),  # stopped selling arms
        ("cessation", "046", "164"),  # stopped negotiating
        ("cessation", "111", None),  # stopped criticising: no event
        ("future", "0874", "0356"),  # will withdraw its troops: intent to de-escalate
        ("future", "1723", "1323"),  # will impose a curfew: a threat
        ("future", "154", "154"),  # troops will be deployed: force posture keeps its code
        ("future", "111", "111"),  # will criticise: a verbal act keeps its code
        ("vow", "190", "1384"),  # vowed to fight
        ("intent", "190", "190"),  # agreed to attack: the act agreed keeps its code
    ],
)
def test_framed_code(kind: str, act: str, expected: str | None) -> None:
    assert framed_code(kind, act) == expected


Code = Callable[[str], list[Event]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran threatened on Tuesday to impose sanctions on Iraq.", ("1312", "IRN", "IRQ")),
        ("The Syrian government offered to negotiate with the Turkish government.", ("036", "SYR", "TUR")),
        ("The government of Israel refused to meet the Jordanian foreign minister.", ("125", "ISR", "JOR")),
        ("The United States stopped selling weapons to Saudi Arabia last year.", ("1622", "USA", "SAU")),
    ],
)
def test_frame_recodes_the_complement(code: Code, text: str, expected: tuple[str, str, str]) -> None:
    events = code(text)
    assert summary(events) == [expected], [(e.cameo, e.rule) for e in events]


@pytest.mark.slow
def test_refusing_a_conflictive_act_is_no_event(code: Code) -> None:
    events = code("The Ghanaian army refused to attack the rebels in Togo.")
    assert [e for e in events if e.cameo_root in {"12", "19"}] == []


@pytest.mark.slow
def test_must_in_reported_speech_is_a_demand(code: Code) -> None:
    events = code("Russia said on Tuesday that Sudan must return the helicopter.")
    assert ("100", "RUS", "SDN") in summary(events)


@pytest.mark.slow
def test_no_request_is_no_event(code: Code) -> None:
    events = code("Officials said there had been no request by the Ghanaian government to Togo.")
    assert [e for e in events if e.cameo_root == "02"] == []


@pytest.mark.slow
def test_negation_covers_a_coordinated_verb_without_its_own_subject(code: Code) -> None:
    assert [e for e in code("The journalist was never arrested or prosecuted in Azerbaijan.")] == []
    events = code("The French ministry did not respond, but Togo criticized the Ghanaian government.")
    assert ("111", "TGO", "GHA") in summary(events)


@pytest.mark.slow
def test_an_act_nouns_maker_is_its_target(code: Code) -> None:
    events = code("Bangladesh rejected an Indian proposal for a free trade agreement.")
    assert ("120", "BGD", "IND") in summary(events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 4: acts announced in the future tense are intents (03) or threats (13)
        ("Israel will evacuate all 21 settlements in the Gaza Strip, an Israeli spokesman said.",
         ("0356", "ISR", "PSE")),
        ("Finland will give Tanzania a grant of 500 million shillings, the Finnish ministry said.",
         ("033", "FIN", "TZA")),
        ("Syria says it will not accept any more refugees.", ("122", "SYR", None)),
        # "unless Z ...": a threat aimed at Z
        ("Nigeria announced that it will withdraw its troops from Chad unless Chad holds elections.",
         ("130", "NGA", "TCD")),
        ("Iran threatened to launch a new offensive unless Baghdad accepted its conditions.",
         ("1384", "IRN", "IRQ")),
    ],
)  # fmt: skip
def test_announced_acts(code: Code, text: str, expected: tuple[str, str, str | None]) -> None:
    events = code(text)
    assert expected in summary(events), [(e.cameo, e.rule) for e in events]


@pytest.mark.slow
def test_others_reporting_a_plan_is_no_announcement(code: Code) -> None:
    events = code("Security sources said that the Russian mercenaries will train the Malian army.")
    assert ("062", "RUS", "MLI") in summary(events), [(e.cameo, e.rule) for e in events]
