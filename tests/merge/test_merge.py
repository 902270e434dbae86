"""The ``merge`` stage on hand-built documents and events (no spaCy): what joins, what stays apart."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.document import Actor, Document, Event, TextSpan
from eventwire.events.stage import DOMESTIC_KIND
from eventwire.merge.stage import merge_events
from eventwire.resources import Resources

SENTENCES = (
    "Mali asked Putin to send mercenaries.",  # 0: the headline
    "People in Mali demanded that Russia send mercenaries.",  # 1
    "Protesters again demanded that Russia send troops.",  # 2
    "The junta met Russian envoys and discussed security.",  # 3
    "Later, France demanded that Mali expel the envoys.",  # 4
)
ORIGINAL = "\n\n".join(SENTENCES)
RESOURCES = Resources()


def sentence(n: int) -> TextSpan:
    start = ORIGINAL.index(SENTENCES[n])
    return TextSpan(SENTENCES[n], start, start + len(SENTENCES[n]))


def in_sentence(n: int, text: str) -> TextSpan:
    start = ORIGINAL.index(text, sentence(n).start)
    assert start < sentence(n).end, (n, text)
    return TextSpan(text, start, start + len(text))


def actor(n: int, text: str, country: str | None, type_: str | None = "GOV", entity: int | None = None
          ) -> Actor:  # fmt: skip
    return Actor(in_sentence(n, text), name=None, country=country, type=type_, entity_id=entity)


def ev(n: int, trigger: str, cameo: str, source: Actor | None, target: Actor | None, **kw: object) -> Event:
    event = Event(doc="d", cameo=cameo, source=source, target=target, evidence=sentence(n),
                  trigger=in_sentence(n, trigger), rule="test", sent_index=n)  # fmt: skip
    for key, value in kw.items():
        setattr(event, key, value)
    return event


def merged(*events: Event) -> list[Event]:
    doc = Document(doc_id="d", original=ORIGINAL, events=list(events))
    merge_events(doc, RESOURCES)
    return doc.events


def people(n: int, text: str = "People in Mali") -> Actor:
    return actor(n, text, "MLI", "CVL")


def russia(n: int, text: str = "Russia") -> Actor:
    return actor(n, text, "RUS")


# --- same event stated twice (same code, same actors) -----------------------------------------


def test_same_root_and_actors_in_two_sentences_merge() -> None:
    first = ev(1, "demanded", "1041", people(1), russia(1))
    again = ev(2, "demanded", "1041", actor(2, "Protesters", "MLI", "CVL"), russia(2))
    (event,) = merged(again, first)
    assert event is first  # the first mention in the text is kept as the evidence
    assert event.evidence == sentence(1)
    assert event.other_mentions == [sentence(2)]


def test_merge_fills_missing_attributes_and_keeps_the_first_mentions_status() -> None:
    """The first statement of an act decides its status: an act urged in one sentence and restated
    plainly in a quote stays requested (dev set gwn-282: "urges the government to abolish ...")."""
    first = ev(1, "demanded", "1041", people(1), russia(1), status="reported", confidence=0.6)
    again = ev(2, "demanded", "1041", people(2, "Protesters"), russia(2), status="asserted", confidence=0.7,
               date="2021-06", date_precision="month")  # fmt: skip
    (event,) = merged(first, again)
    assert (event.date, event.date_precision) == ("2021-06", "month")
    assert event.status == "reported"
    assert event.confidence == pytest.approx(0.75)
    assert event.cameo == "1041"


def test_same_coreference_cluster_merges_even_with_different_names() -> None:
    first = ev(3, "met", "040", actor(3, "The junta", "MLI", "MIL", entity=7), russia(3, "Russian envoys"))
    again = ev(4, "demanded", "040", actor(4, "Mali", None, None, entity=7), russia(3, "Russian envoys"))
    assert len(merged(first, again)) == 1


def test_different_targets_stay_separate() -> None:
    a = ev(1, "demanded", "1041", people(1), russia(1))
    b = ev(2, "demanded", "1041", people(2, "Protesters"), actor(4, "Mali", "MLI"))
    assert len(merged(a, b)) == 2


def test_different_roots_stay_separate() -> None:
    a = ev(1, "demanded", "1041", people(1), russia(1))
    b = ev(2, "demanded", "141", people(2, "Protesters"), russia(2))
    assert len(merged(a, b)) == 2


def test_different_dates_stay_separate() -> None:
    a = ev(1, "demanded", "1041", people(1), russia(1), date="2021-05-30")
    b = ev(2, "demanded", "1041", people(2, "Protesters"), russia(2), date="2021-06-02")
    out = merged(a, b)
    assert [(e.date, e.other_mentions) for e in out] == [("2021-05-30", []), ("2021-06-02", [])]


def test_a_dateless_repeat_joins_the_dated_event() -> None:
    a = ev(1, "demanded", "1041", people(1), russia(1), date="2021-05-30")
    b = ev(2, "demanded", "1041", people(2, "Protesters"), russia(2))
    (event,) = merged(a, b)
    assert event.date == "2021-05-30" and event.other_mentions == [sentence(2)]


def test_ids_are_numbered_in_text_order() -> None:
    a = ev(1, "demanded", "1041", people(1), russia(1))
    b = ev(3, "met", "040", actor(3, "The junta", "MLI", "MIL"), russia(3, "Russian envoys"))
    c = ev(4, "demanded", "1056", actor(4, "France", "FRA"), actor(4, "Mali", "MLI"))
    out = merged(c, a, b)
    assert [e.id for e in out] == ["e1", "e2", "e3"]
    assert out == [a, b, c]


# --- the headline ---------------------------------------------------------------------------------


def test_headline_joins_a_body_event_with_a_compatible_root_and_the_same_countries() -> None:
    headline = ev(0, "asked", "020", actor(0, "Mali", "MLI", "CVL"), actor(0, "Putin", "RUS"))
    body = ev(1, "demanded", "1041", people(1), russia(1))
    (event,) = merged(headline, body)
    assert event is body
    assert event.evidence == sentence(1)
    assert event.other_mentions == [sentence(0)]
    assert event.id == "e1"


def test_headline_evidence_goes_first_among_other_mentions() -> None:
    headline = ev(0, "asked", "020", actor(0, "Mali", "MLI", "CVL"), actor(0, "Putin", "RUS"))
    body = ev(1, "demanded", "1041", people(1), russia(1))
    again = ev(2, "demanded", "1041", people(2, "Protesters"), russia(2))
    (event,) = merged(headline, body, again)
    assert event.other_mentions == [sentence(0), sentence(2)]


def test_headline_without_target_joins_a_body_event_with_one() -> None:
    headline = ev(0, "asked", "020", actor(0, "Mali", "MLI", "CVL"), None)
    body = ev(1, "demanded", "1041", people(1), russia(1))
    assert merged(headline, body) == [body]


def test_headline_with_an_incompatible_root_stays() -> None:
    headline = ev(0, "send", "190", actor(0, "Putin", "RUS"), actor(0, "Mali", "MLI"))
    body = ev(1, "demanded", "1041", people(1), russia(1))
    assert len(merged(headline, body)) == 2


def test_headline_with_other_countries_stays() -> None:
    headline = ev(0, "asked", "020", actor(0, "Mali", "MLI", "CVL"), actor(0, "Putin", "RUS"))
    body = ev(4, "demanded", "1056", actor(4, "France", "FRA"), actor(4, "Mali", "MLI"))
    assert len(merged(headline, body)) == 2


def test_body_sentences_are_not_treated_as_headlines() -> None:
    a = ev(1, "demanded", "1041", people(1), russia(1))
    b = ev(2, "demanded", "020", people(2, "Protesters"), russia(2))
    assert len(merged(a, b)) == 2  # compatible roots, but neither is in the first sentence


# --- one act stated with less in the same sentence ------------------------------------------------


def test_target_less_repeat_in_the_same_sentence_joins_the_event_with_a_target() -> None:
    junta = actor(3, "The junta", "MLI", "MIL")
    full = ev(3, "met", "040", junta, russia(3, "Russian envoys"), trigger_token=2)
    partial = ev(3, "discussed", "040", junta, None, location=None, date="2021-09-01")
    (event,) = merged(partial, full)
    assert event is full
    assert event.date == "2021-09-01"
    assert event.other_mentions == []  # same sentence: nothing new to point to


def test_target_less_event_in_another_sentence_stays() -> None:
    full = ev(3, "met", "040", actor(3, "The junta", "MLI", "MIL"), russia(3, "Russian envoys"))
    partial = ev(4, "demanded", "040", actor(3, "The junta", "MLI", "MIL"), None)
    assert len(merged(full, partial)) == 2


def test_target_less_event_with_another_source_stays() -> None:
    full = ev(3, "met", "040", actor(3, "The junta", "MLI", "MIL"), russia(3, "Russian envoys"))
    partial = ev(3, "discussed", "040", russia(3, "Russian envoys"), None)
    assert len(merged(full, partial)) == 2


def test_two_target_less_statements_of_one_act_in_a_sentence_are_one_event() -> None:
    # neither names a target ("stayed away from work to protest"): they are one act, not none
    junta = actor(3, "The junta", "MLI", "MIL")
    first = ev(3, "met", "040", junta, None)
    second = ev(3, "discussed", "040", actor(3, "The junta", "MLI", "MIL"), None)
    (event,) = merged(first, second)
    assert event is first


def test_an_implicit_domestic_target_is_no_fuller_statement() -> None:
    people_ = people(1)
    domestic = Actor(in_sentence(1, "demanded"), name=None, country="MLI", type="GOV", kind=DOMESTIC_KIND)
    first = ev(1, "demanded", "141", people_, domestic)
    second = ev(
        1, "send", "143", people(1), Actor(in_sentence(1, "send"), None, "MLI", "GOV", kind=DOMESTIC_KIND)
    )
    assert len(merged(first, second)) == 1


# --- regressions ----------------------------------------------------------------------------------


def test_no_mention_is_lost_when_a_headline_that_absorbed_a_repeat_joins_the_body() -> None:
    """Regression: _absorb dropped the mentions an absorbed event had already collected."""
    headline = ev(0, "asked", "020", actor(0, "Mali", "MLI", "CVL"), actor(0, "Putin", "RUS"))
    body = ev(1, "demanded", "1041", people(1), russia(1))
    repeat = ev(2, "demanded", "020", actor(2, "Protesters", "MLI", "CVL"), russia(2))  # headline's key
    (event,) = merged(headline, body, repeat)
    assert event.other_mentions == [sentence(0), sentence(2)]


def test_headline_date_is_kept_when_it_joins_the_body() -> None:
    """Regression: a headline joining a body event gave only its evidence, not its date or place."""
    headline = ev(
        0, "asked", "020", actor(0, "Mali", "MLI", "CVL"), actor(0, "Putin", "RUS"), date="2021-06-01"
    )
    body = ev(1, "demanded", "1041", people(1), russia(1))
    (event,) = merged(headline, body)
    assert event.date == "2021-06-01"


# --- properties -----------------------------------------------------------------------------------

_COUNTRIES = [None, "MLI", "RUS", "FRA"]


@st.composite
def _events(draw: st.DrawFn) -> Event:
    n = draw(st.integers(0, len(SENTENCES) - 1))
    words = SENTENCES[n].rstrip(".").split()
    trigger = draw(st.sampled_from(words))

    def party() -> Actor | None:
        if draw(st.booleans()) and draw(st.booleans()):
            return None
        word = draw(st.sampled_from(words))
        return Actor(in_sentence(n, word), name=None, country=draw(st.sampled_from(_COUNTRIES)),
                     type=draw(st.sampled_from([None, "GOV", "CVL"])),
                     entity_id=draw(st.sampled_from([None, None, 1, 2])))  # fmt: skip

    source, target = party(), party()
    return ev(n, trigger, draw(st.sampled_from(["020", "040", "1041", "112", "190"])), source, target,
              date=draw(st.sampled_from([None, "2021-05-30", "2021-06"])),
              status=draw(st.sampled_from(["asserted", "reported", "planned"])),
              confidence=draw(st.sampled_from([0.5, 0.65, 0.8])))  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(events=st.lists(_events(), max_size=8))
def test_merging_is_idempotent_never_adds_events_and_loses_no_mention(events: list[Event]) -> None:
    wanted = {e.evidence for e in events}
    once = merged(*events)
    assert len(once) <= len(events)
    # every input sentence stays reachable, as an event's evidence or one of its other mentions
    assert wanted <= {e.evidence for e in once} | {m for e in once for m in e.other_mentions}
    for event in once:
        assert event.evidence not in event.other_mentions
        assert len(set(event.other_mentions)) == len(event.other_mentions)
    snapshot = copy.deepcopy(once)
    twice = merged(*once)
    assert twice == snapshot
    assert [e.id for e in twice] == [f"e{n}" for n in range(1, len(twice) + 1)]
    assert [e.evidence.start for e in twice] == sorted(e.evidence.start for e in twice)


@settings(max_examples=50, deadline=None)
@given(events=st.lists(_events(), max_size=8, unique_by=lambda e: e.trigger.start))
def test_merging_does_not_depend_on_input_order(events: list[Event]) -> None:
    """The stage sorts by (evidence, trigger) first, so with distinct triggers a reversed input gives the
    same events. (Events sharing a trigger keep the events stage's order.)"""
    forward = merged(*copy.deepcopy(events))
    backward = merged(*reversed(copy.deepcopy(events)))
    assert [(e.cameo, e.trigger, e.other_mentions) for e in backward] == [
        (e.cameo, e.trigger, e.other_mentions) for e in forward
    ]


def test_one_verdict_stated_with_two_verbs_is_one_event() -> None:
    """Issue 4: "convicted X and sentenced him" is one court verdict (ANNOTATION.md: roots 17 or 11), not a
    116 and a 173; the 173 is kept."""
    court, mali = actor(4, "France", "FRA", "JUD"), actor(4, "Mali", "MLI", "GOV")
    convicted = ev(4, "demanded", "116", court, mali)
    sentenced = ev(4, "expel", "173", court, actor(4, "the envoys", "MLI", "GOV"))
    out = merged(convicted, sentenced)
    assert [e.cameo for e in out] == ["173"]


def test_verdicts_of_different_people_stay_apart() -> None:
    court = actor(4, "France", "FRA", "JUD")
    out = merged(
        ev(4, "demanded", "116", court, actor(4, "Mali", "MLI", "GOV")),
        ev(4, "expel", "173", court, actor(4, "the envoys", "RUS", "GOV")),
    )
    assert sorted(e.cameo for e in out) == ["116", "173"]


def test_a_protest_and_the_demand_it_voices_in_one_sentence_are_one_event() -> None:
    protest = ev(1, "Mali", "141", people(1), None)
    demand = ev(1, "demanded", "100", people(1), russia(1))
    (event,) = merged(protest, demand)
    assert event.cameo == "141"
    assert event.target is not None and event.target.country == "RUS"


def test_a_demand_by_someone_else_stays_beside_the_protest() -> None:
    protest = ev(4, "France", "141", people(1), None)
    demand = ev(4, "demanded", "100", actor(4, "France", "FRA"), actor(4, "Mali", "MLI"))
    assert len(merged(protest, demand)) == 2


# --- an act asked for, denied or conditional is not the act done ----------------------------------


@pytest.mark.parametrize("status", ["requested", "denied", "hypothetical"])
def test_an_unrealised_act_stays_apart_from_the_same_act_done(status: str) -> None:
    """ "Prosecutors asked for X to be jailed" and "X was jailed" are two events, even with one code and
    one pair of actors."""
    done = ev(2, "demanded", "1041", people(2, "Protesters"), russia(2), status="asserted")
    unrealised = ev(1, "demanded", "1041", people(1), russia(1), status=status)
    out = merged(done, unrealised)
    assert sorted(e.status for e in out) == sorted(["asserted", status])
    assert all(e.other_mentions == [] for e in out)


def test_realised_statuses_still_merge() -> None:
    first = ev(1, "demanded", "1041", people(1), russia(1), status="reported")
    again = ev(2, "demanded", "1041", people(2, "Protesters"), russia(2), status="planned")
    assert len(merged(first, again)) == 1


def test_a_headline_act_done_does_not_join_the_same_act_asked_for_in_the_body() -> None:
    headline = ev(0, "asked", "1041", actor(0, "Mali", "MLI"), russia(1), status="asserted")
    body = ev(1, "demanded", "1041", people(1), russia(1), status="requested")
    out = merged(headline, body)
    assert [(e.sent_index, e.other_mentions) for e in out] == [(0, []), (1, [])]


# --- a lead sentence is not a headline ----------------------------------------------------------------


def test_headline_is_a_short_first_line_of_its_own() -> None:
    from eventwire.merge.stage import has_headline

    assert has_headline("Ghana sends troops to Mali\n\nGhana sent troops to Mali on Monday, officials said.")
    lede = "Ghana said on Monday that it had sent two battalions of troops to the north of Mali to help the "
    lede += "government fight the insurgents, officials in Accra said."
    assert not has_headline(lede + "\n\nThe troops arrived on Sunday.")
    assert not has_headline("Ghana sent troops to Mali. The troops arrived on Sunday.")


def test_a_lead_sentence_is_not_merged_like_a_headline() -> None:
    """An article opening with its full lead sentence has no headline: a body event with a merely
    compatible code ("surrounded" after "pressing its operations") is a different event."""
    lede = (
        "The Malian people, in their thousands and for the second week in a row, demanded that Russia "
        "send mercenaries to the north of the country."
    )
    body = "Later, protesters again demanded that Russia send troops."
    original = lede + "\n\n" + body

    def span(text: str, after: int = 0) -> TextSpan:
        start = original.index(text, after)
        return TextSpan(text, start, start + len(text))

    start = len(lede) + 2
    first = Event(doc="d", cameo="1041", source=Actor(span("The Malian people"), country="MLI", type="CVL"),
                  target=Actor(span("Russia"), country="RUS", type="GOV"), evidence=span(lede),
                  trigger=span("demanded"), rule="t", sent_index=0)  # fmt: skip
    again = Event(doc="d", cameo="100", source=Actor(span("protesters"), country="MLI", type="CVL"),
                  target=Actor(span("Russia", start), country="RUS", type="GOV"), evidence=span(body),
                  trigger=span("demanded", start), rule="t", sent_index=1)  # fmt: skip
    doc = Document(doc_id="d", original=original, events=[first, again])
    merge_events(doc, RESOURCES)
    assert [(e.evidence.start, e.other_mentions) for e in doc.events] == [(0, []), (start, [])]
