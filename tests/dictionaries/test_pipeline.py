"""Coding invented sentences with a tiny invented dictionary set through the whole pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire import Document, build_pipeline
from eventwire.config import Config
from eventwire.pipeline import Pipeline

ACTORS = """FREEDONIA_ [FRE]
+FREEDONIAN
FREEDONIAN_NAVY [FREMIL]
SYLVANIA_ [SYL]
RUFUS_FIREFLY
\t[FREELI < 19330101]
\t[FREGOV 19330101-19331231]
\t[FREMIL 19340101-19341231]
"""
AGENTS = "ADMIRAL [~MIL]\nHARBOUR_MASTER [~GOV]\n"
VERBS = """--- BLOCKADE [191] ---
BLOCKADE
- * &COAST COAST [192]
- * SOUTHERN COAST PORTS [987]

--- CONDEMN [---] ---
CONDEMN

--- DECLARE [023] ---
DECLARE

&COAST
+NORTHERN
+SOUTHERN

--- HAIL [041] ---
HAIL

--- OBTAIN [033] ---
OBTAIN
- + * GRAIN $ [071]

--- RESTORE [---] ---
RESTORE
- * DIPLOMATIC [064:064]

--- ENCIRCLE [1721] ---
ENCIRCLE

--- REBUKE [122] ---
REBUKE

--- AGREE [030] ---
AGREE
- * WITH % [031]

--- POSTPONE [---] ---
POSTPONE
- % HAVE * [191]
"""
DISCARDS = "CROQUET\n"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    folder: Path = tmp_path_factory.mktemp("dicts")
    for name, text in (
        ("t.actors.txt", ACTORS),
        ("t.agents.txt", AGENTS),
        ("t.verbs.txt", VERBS),
        ("t.discards.txt", DISCARDS),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    return build_pipeline(Config(dictionaries=folder))


def _code(
    pipeline: Pipeline, text: str, day: dt.date | None = dt.date(1933, 6, 1)
) -> list[tuple[str, str, str]]:
    doc = pipeline(Document(doc_id="t", original=text, pub_date=day))
    dictionaries = pipeline.resources.dictionaries
    assert dictionaries is not None
    out = []
    for e in doc.events:
        src = dictionaries.petrarch_codes(e.source, day, doc) or ["---"]
        tgt = dictionaries.petrarch_codes(e.target, day, doc) or ["---"]
        out += [(s, t, e.cameo) for s in src for t in tgt]
    return out


@pytest.mark.slow
def test_a_dictionary_actor_and_verb_pattern_code_an_event(pipeline: Pipeline) -> None:
    doc = pipeline(
        Document(
            doc_id="t",
            original="The Freedonian Navy blockaded the southern coast of Sylvania.",
            pub_date=None,
        )
    )
    [event] = doc.events
    assert event.cameo == "192" and event.rule.startswith("dictionary:")
    assert event.source is not None and (event.source.country, event.source.type) == ("FRE", "MIL")
    assert event.target is not None and event.target.country == "SYL"


@pytest.mark.slow
def test_the_verb_default_code_and_agents(pipeline: Pipeline) -> None:
    assert _code(pipeline, "A Freedonian admiral hailed Sylvania on Monday.") == [("FREMIL", "SYL", "041")]


@pytest.mark.slow
def test_dated_roles_follow_the_publication_date(pipeline: Pipeline) -> None:
    text = "Rufus Firefly hailed Sylvania on Monday."
    assert _code(pipeline, text, dt.date(1933, 6, 1)) == [("FREGOV", "SYL", "041")]
    assert _code(pipeline, text, dt.date(1932, 6, 1)) == [("FREELI", "SYL", "041")]
    doc = pipeline(Document(doc_id="t", original=text, pub_date=dt.date(1933, 6, 1)))
    assert doc.events[0].source is not None and doc.events[0].source.type == "GOV"
    # the role is set on the mention by the actors stage, for every later stage (FREMIL in 1934)
    doc = Document(doc_id="t", original=text, pub_date=dt.date(1934, 6, 1))
    for stage in ("read", "clean", "nlp", "actors"):
        pipeline.run_stage(stage, doc)
    assert [(m.country, m.type) for m in doc.mentions if m.name == "Rufus Firefly"] == [("FRE", "MIL")]


@pytest.mark.slow
def test_discarded_sentences_are_not_coded(pipeline: Pipeline) -> None:
    assert _code(pipeline, "After the croquet final, Freedonia hailed Sylvania.") == []
    assert _code(pipeline, "Freedonia hailed Sylvania.") == [("FRE", "SYL", "041")]


@pytest.mark.slow
def test_the_dictionaries_decide_for_the_verbs_they_list(pipeline: Pipeline) -> None:
    # listed as no event: eventwire's own lexicon (which codes "condemn") is not consulted
    assert _code(pipeline, "France condemned Germany on Monday.") == []
    # the most specific pattern decides even when eventwire cannot emit its code (987 is not CAMEO)
    assert _code(pipeline, "Freedonia blockaded the southern coast ports of Sylvania.") == []
    assert _code(pipeline, "Freedonia blockaded the southern coast of Sylvania.") == [("FRE", "SYL", "192")]
    # a statement whose complement is coded passes the complement's event up (PETRARCH 2)
    text = "Freedonia declared that its navy had blockaded the northern coast of Sylvania."
    assert [c for _, _, c in _code(pipeline, text)] == ["192"]


@pytest.mark.slow
def test_without_dictionaries_nothing_changes() -> None:
    plain = build_pipeline()
    assert plain.resources.dictionaries is None
    doc = plain(Document(doc_id="t", original="The Freedonian Navy blockaded the coast of Sylvania."))
    # eventwire's own lexicon may code the verb, but nothing comes from the dictionaries
    assert not any(e.rule.startswith("dictionary:") for e in doc.events)
    assert not any(e.source is not None and e.source.country == "FRE" for e in doc.events)
    assert plain(Document(doc_id="t", original="France condemned Germany on Monday.")).events


@pytest.mark.slow
def test_passive_voice_swaps_source_and_target(pipeline: Pipeline) -> None:
    # issue 5: "X was rebuked by Y" is Y's act on X; the "by" phrase is not the target
    assert _code(pipeline, "Sylvania was rebuked by Freedonia on Monday.") == [("FRE", "SYL", "122")]
    assert _code(pipeline, "Freedonia rebuked Sylvania on Monday.") == [("FRE", "SYL", "122")]


@pytest.mark.slow
def test_a_source_marker_after_the_verb_points_at_the_source(pipeline: Pipeline) -> None:
    # "- + * GRAIN $": the subject (+) is the target, the actor after the verb ($) the source
    text = "Sylvania has obtained by ship grain from Freedonia."
    assert _code(pipeline, text) == [("FRE", "SYL", "071")]


@pytest.mark.slow
def test_compound_subjects_with_a_reciprocal_code_act_on_each_other(pipeline: Pipeline) -> None:
    # issue 5: the first subject names no actor; each conjunct of the compound is a source
    text = "Old rivals Freedonia and Sylvania have restored diplomatic ties."
    assert sorted(_code(pipeline, text)) == [("FRE", "SYL", "064"), ("SYL", "FRE", "064")]


@pytest.mark.slow
def test_the_target_is_the_first_actor_of_the_verb_phrase(pipeline: Pipeline) -> None:
    # issue 5: PETRARCH codes the first actor noun phrase of the verb phrase, however deep
    text = "The Freedonian Navy has encircled the roads leading into Sylvania."
    assert _code(pipeline, text) == [("FREMIL", "SYL", "1721")]


@pytest.mark.slow
def test_a_compound_marker_before_the_verb_codes_the_members_against_each_other(pipeline: Pipeline) -> None:
    # "- % HAVE * [191]": the compound subject's members act on each other
    text = "Freedonia and Sylvania have postponed their meeting."
    assert sorted(_code(pipeline, text)) == [("FRE", "SYL", "191"), ("SYL", "FRE", "191")]
    # "- * WITH % [031]": a compound after the verb is the target; the subject acts on it, not back
    assert _code(pipeline, "Freedonia agreed with Sylvania on Monday.") == [("FRE", "SYL", "031")]


@pytest.mark.slow
def test_actors_in_an_of_phrase_take_the_agents_of_its_noun(pipeline: Pipeline) -> None:
    # PETRARCH codes the noun phrase: the actors of its "of" phrase with the agents of its head
    text = "The admirals of Freedonia and Sylvania hailed Rufus Firefly on Monday."
    assert sorted(_code(pipeline, text)) == [("FREMIL", "FREGOV", "041"), ("SYLMIL", "FREGOV", "041")]


@pytest.mark.slow
def test_a_listed_verb_under_a_preposition_is_no_event(pipeline: Pipeline) -> None:
    # PETRARCH 2 reads a prepositional phrase for its actors, not for an event: "after hailing X"
    text = "Freedonia rebuked Sylvania after hailing Rufus Firefly."
    assert _code(pipeline, text) == [("FRE", "SYL", "122")]


@pytest.mark.slow
def test_a_personal_pronoun_takes_the_subject_of_the_clause_above(pipeline: Pipeline) -> None:
    # PETRARCH resolves "it" to the first noun phrase of the clause that holds the pronoun's own clause
    assert _code(pipeline, "Freedonia declared it rebuked Sylvania.") == [("FRE", "SYL", "122")]
