"""Role finding on hand-built parses: the parser's known slips that ``eventwire.events.roles`` repairs,
independent of the model's parse of any one sentence."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.events.roles import prep_object, target_of

VOCAB = spacy.blank("en").vocab
LEMMAS = {"said": "say"}


def parse(rows: list[tuple[str, int, str, str]]) -> Doc:
    """A Doc from (word, head index, dependency, coarse part of speech) rows; lemmas are the lower-case
    words (but "said")."""
    words, heads, deps, pos = zip(*rows, strict=True)
    lemmas = [LEMMAS.get(w, w.lower()) for w in words]
    return Doc(VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), lemmas=lemmas)


def test_a_preposition_left_without_object_takes_the_participle_subject_after_it() -> None:
    # "granted asylum to five officers holed up": the parser made "officers" the subject of "holed"
    doc = parse(
        [("Peru", 1, "nsubj", "PROPN"), ("granted", 1, "ROOT", "VERB"), ("asylum", 1, "dobj", "NOUN"),
         ("to", 1, "prep", "ADP"), ("five", 5, "nummod", "NUM"), ("officers", 6, "nsubj", "NOUN"),
         ("holed", 1, "advcl", "VERB"), ("up", 6, "prt", "ADP"), (".", 1, "punct", "PUNCT")]
    )  # fmt: skip
    assert prep_object(doc[1], "to") == doc[5]


def test_a_preposition_with_its_object_is_left_alone() -> None:
    doc = parse(
        [("Peru", 1, "nsubj", "PROPN"), ("granted", 1, "ROOT", "VERB"), ("asylum", 1, "dobj", "NOUN"),
         ("to", 1, "prep", "ADP"), ("officers", 3, "pobj", "NOUN"), ("who", 6, "nsubj", "PRON"),
         ("fled", 4, "relcl", "VERB"), (".", 1, "punct", "PUNCT")]
    )  # fmt: skip
    assert prep_object(doc[1], "to") == doc[4]


def test_from_on_an_act_of_someone_is_where_they_leave() -> None:
    # "demanded the withdrawal of troops from Congo": Congo is not whom the demand is made of
    doc = parse(
        [("They", 1, "nsubj", "PRON"), ("demanded", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
         ("withdrawal", 1, "dobj", "NOUN"), ("of", 3, "prep", "ADP"), ("troops", 4, "pobj", "NOUN"),
         ("from", 3, "prep", "ADP"), ("Congo", 6, "pobj", "PROPN")]
    )  # fmt: skip
    assert prep_object(doc[1], "from") is None
    # "demanded an apology from Congo": the one asked
    doc = parse(
        [("They", 1, "nsubj", "PRON"), ("demanded", 1, "ROOT", "VERB"), ("an", 3, "det", "DET"),
         ("apology", 1, "dobj", "NOUN"), ("from", 3, "prep", "ADP"), ("Congo", 4, "pobj", "PROPN")]
    )  # fmt: skip
    assert prep_object(doc[1], "from") == doc[5]


def test_a_clause_of_time_is_no_content_but_a_that_clause_on_the_verb_is_the_nouns() -> None:
    # "demanded elections after a court cleared him": the court is not asked anything
    doc = parse(
        [("He", 1, "nsubj", "PRON"), ("demanded", 1, "ROOT", "VERB"), ("elections", 1, "dobj", "NOUN"),
         ("after", 6, "mark", "SCONJ"), ("a", 5, "det", "DET"), ("court", 6, "nsubj", "NOUN"),
         ("cleared", 1, "advcl", "VERB"), ("him", 6, "dobj", "PRON")]
    )  # fmt: skip
    assert target_of(doc[1], ("ccomp",)) is None
    # "repeated its demand that Kenya raise wages": the clause hangs on "repeated"
    doc = parse(
        [("It", 1, "nsubj", "PRON"), ("repeated", 1, "ROOT", "VERB"), ("its", 3, "poss", "PRON"),
         ("demand", 1, "dobj", "NOUN"), ("that", 6, "mark", "SCONJ"), ("Kenya", 6, "nsubj", "PROPN"),
         ("raise", 1, "ccomp", "VERB"), ("wages", 6, "dobj", "NOUN")]
    )  # fmt: skip
    assert target_of(doc[3], ("ccomp",)) == doc[5]


def test_a_trailing_attribution_is_no_content_clause() -> None:
    # "They demanded elections, diplomats said": the parser hung "said" under "demanded"
    doc = parse(
        [("They", 1, "nsubj", "PRON"), ("demanded", 1, "ROOT", "VERB"), ("elections", 1, "dobj", "NOUN"),
         (",", 5, "punct", "PUNCT"), ("diplomats", 5, "nsubj", "NOUN"), ("said", 1, "ccomp", "VERB")]
    )  # fmt: skip
    assert target_of(doc[1], ("ccomp",)) is None
