"""The predicate lexicon (data/predicates.tsv) and the reporting cues (data/reporting.tsv): schema, CAMEO
coverage, candidate order, and the errors a malformed file raises (no spaCy)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from eventwire.errors import BadDataFile
from eventwire.events.lexicon import (
    CUE_KEYS,
    POS_VALUES,
    REPORTING_KINDS,
    PredicateLexicon,
    default_lexicon,
)
from eventwire.knowledge.cameo import default_cameo_table

HEADER = "lemma\tpos\tcue\tcameo\ttarget"
ROLE_SLOTS = frozenset({"obj", "dative", "ccomp", "xcomp", "subj", "poss", "none", "required"})
# ("out" opens the two-word "out of")
PREPOSITIONS = frozenset(
    {"about", "above", "across", "after", "against", "along", "among", "around", "as", "at", "before",
     "behind", "below", "beside", "between", "beyond", "by", "during", "for", "from", "in", "inside", "into",
     "near", "of", "off", "on", "onto", "out", "outside", "over", "through", "throughout", "to", "toward",
     "towards", "under", "upon", "with", "within", "without"}
)  # fmt: skip
ACTOR_TYPES = frozenset({"GOV", "MIL", "REB", "PMC", "COP", "JUD", "OPP", "CVL", "MED", "BUS", "IGO", "NGO"})
ROOTS = tuple(f"{n:02d}" for n in range(1, 21))


@pytest.fixture(scope="module")
def lexicon() -> PredicateLexicon:
    return default_lexicon()


def write(tmp_path: Path, *lines: str, name: str = "predicates.tsv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_predicates(path: Path) -> PredicateLexicon:
    return PredicateLexicon.load(predicates_path=path)


# --- the packaged files -----------------------------------------------------------------------------


def test_packaged_lexicon_loads(lexicon: PredicateLexicon) -> None:
    assert len(lexicon.predicates) > 200
    assert lexicon.reporting
    assert default_lexicon() is lexicon  # cached


def test_every_code_is_in_the_packaged_cameo_table(lexicon: PredicateLexicon) -> None:
    table = default_cameo_table()
    unknown = [(p.line, p.lemma, p.cameo) for p in lexicon.predicates if p.cameo not in table]
    assert unknown == []


def test_lexicon_covers_every_cameo_root(lexicon: PredicateLexicon) -> None:
    covered = {p.cameo[:2] for p in lexicon.predicates}
    assert [root for root in ROOTS if root not in covered] == []
    assert covered <= set(ROOTS)


def test_every_row_has_a_valid_pos_and_cue_keys(lexicon: PredicateLexicon) -> None:
    for p in lexicon.predicates:
        assert p.pos in POS_VALUES, (p.line, p.pos)
        assert p.lemma == p.lemma.lower() and p.lemma.strip() == p.lemma and p.lemma, p.line
        for cue in p.cues:
            assert cue.key in CUE_KEYS, (p.line, cue)
            assert (cue.arg is not None) == (cue.key == "prep"), (p.line, cue)
            assert all(lemma == lemma.lower() for lemma in cue.lemmas), (p.line, cue)


def test_every_target_slot_is_documented(lexicon: PredicateLexicon) -> None:
    for p in lexicon.predicates:
        for slot in p.target_slots:
            assert slot in ROLE_SLOTS or slot in PREPOSITIONS, (p.line, p.lemma, slot)


def test_required_comes_last_and_nothing_follows_none(lexicon: PredicateLexicon) -> None:
    for p in lexicon.predicates:
        slots = list(p.target_slots)
        if "required" in slots:
            assert slots.index("required") == len(slots) - 1, (p.line, slots)
            slots.pop()
        if "none" in slots:
            assert slots.index("none") == len(slots) - 1, (p.line, slots)  # later slots are never tried
            assert not p.needs_target or p.cameo.startswith("04"), (p.line, slots)


def test_every_source_column_is_documented(lexicon: PredicateLexicon) -> None:
    for p in lexicon.predicates:
        if p.source.startswith("implicit:"):
            assert p.source.split(":", 1)[1] in ACTOR_TYPES, (p.line, p.source)
        else:
            assert p.source in {"subj", "from", "sayer"}, (p.line, p.source)


def test_implicit_sources_of_arrests_and_sentences(lexicon: PredicateLexicon) -> None:
    """The unnamed agent of "X was arrested" is the police, of "X was sentenced" a court."""
    assert any(p.source.startswith("implicit:") for p in lexicon.predicates)
    arrest = lexicon.candidates("arrest", "VERB")[0]
    assert arrest.source == "implicit:COP"
    assert lexicon.candidates("sentence", "VERB")[0].source == "implicit:JUD"


def test_meetings_need_a_counterpart(lexicon: PredicateLexicon) -> None:
    meet = lexicon.candidates("meet", "VERB")[0]
    assert meet.cameo == "040"
    assert meet.needs_target


def test_prep_cues_name_prepositions(lexicon: PredicateLexicon) -> None:
    """prep=p or prep=p1|p2 (alternatives): each one a preposition, as the events stage compares words."""
    bad = [(p.line, p.lemma, cue.arg) for p in lexicon.predicates for cue in p.cues
           if cue.key == "prep" and not (cue.arg and set(cue.arg.split("|")) <= PREPOSITIONS)]  # fmt: skip
    assert bad == []


def test_prep_cue_alternatives_load(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER, "protest\tVERB\tprep=against|over\t114\tagainst")
    (row,) = load_predicates(path).predicates
    assert (row.cues[0].arg, row.cues[0].lemmas) == ("against|over", frozenset())


def test_prep_cue_forms(lexicon: PredicateLexicon) -> None:
    (take,) = [p for p in lexicon.candidates("take", "VERB") if p.cameo == "141"]
    (cue,) = take.cues
    assert (cue.key, cue.arg, cue.lemmas) == ("prep", "to", frozenset({"street", "streets"}))
    (call_on,) = [p for p in lexicon.candidates("call", "VERB") if p.cameo == "020" and p.cues[0].arg == "on"]
    assert call_on.cues[0].lemmas == frozenset()  # "p alone: any object"


def test_no_row_is_a_duplicate_of_another(lexicon: PredicateLexicon) -> None:
    """A second row with the same lemma, pos and cues is never reached (the first one wins)."""
    counts = Counter((p.lemma, p.pos, p.cues) for p in lexicon.predicates)
    assert [key[:2] for key, n in counts.items() if n > 1] == []


def test_reporting_kinds_are_known_and_used(lexicon: PredicateLexicon) -> None:
    kinds = {kind for ks in lexicon.reporting.values() for kind in ks}
    assert kinds <= REPORTING_KINDS
    assert kinds == REPORTING_KINDS  # every documented kind has at least one cue
    assert lexicon.reporting_kinds("say") == {"say"}
    assert lexicon.reporting_kinds("deny") == {"deny"}
    assert lexicon.reporting_kinds("urge") == {"request"}
    assert lexicon.reporting_kinds("tell") == {"say", "request"}  # a cue may have several kinds
    assert lexicon.reporting_kinds("bake") == set()


def test_saying_verbs_are_not_events(lexicon: PredicateLexicon) -> None:
    """ANNOTATION.md: plain reporting verbs are not events; say/tell need a cue to become one."""
    assert lexicon.candidates("say", "VERB") == []
    assert all(p.cues for p in lexicon.candidates("tell", "VERB"))


# --- candidate order ---------------------------------------------------------------------------------


def test_candidates_most_specific_first_then_file_order(lexicon: PredicateLexicon) -> None:
    keys = {(p.lemma, p.pos) for p in lexicon.predicates}
    for lemma, pos in keys:
        rows = lexicon.candidates(lemma, pos)
        order = [(-len(p.cues), p.line) for p in rows]
        assert order == sorted(order), (lemma, pos)
        assert sorted(p.line for p in rows) == sorted(p.line for p in lexicon.predicates
                                                      if (p.lemma, p.pos) == (lemma, pos))  # fmt: skip


def test_a_later_specific_row_is_tried_before_an_earlier_general_one(lexicon: PredicateLexicon) -> None:
    appeal = lexicon.candidates("appeal", "VERB")
    assert [p.cameo for p in appeal] == ["115", "020"]  # "appealed the verdict" is file-later but has a cue
    assert appeal[0].line > appeal[1].line
    reject = lexicon.candidates("reject", "VERB")
    assert reject[0].cameo == "016" and reject[-1].cameo == "120"


def test_rally_behind_is_support_not_protest(lexicon: PredicateLexicon) -> None:
    """Regression: 'rally obj=none 141' once shadowed 'rally prep=behind 051' (same cue count, file order)."""
    rows = lexicon.candidates("rally", "VERB")
    behind = next(p for p in rows if any(c.arg == "behind" for c in p.cues))
    assert rows.index(behind) == 0


def test_candidates_order_on_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER, "back\tVERB\t-\t051\tobj", "back\tVERB\tprt=down\t081\tnone",
                 "back\tVERB\tprt=down obj=plan\t081\tnone")  # fmt: skip
    rows = load_predicates(path).candidates("back", "VERB")
    assert [len(p.cues) for p in rows] == [2, 1, 0]
    assert [p.line for p in rows] == [4, 3, 2]


def test_unknown_lemma_has_no_candidates(lexicon: PredicateLexicon) -> None:
    assert lexicon.candidates("bake", "VERB") == []
    assert lexicon.candidates("arrest", "ADJ") == []


# --- a well-formed file ------------------------------------------------------------------------------


def test_a_small_file_loads_with_comments_blank_lines_and_the_optional_source(tmp_path: Path) -> None:
    rows = [
        "Sack\tVERB\t-\t172\tobj\timplicit:GOV",
        "plead\tVERB\tprep=with\t020\twith\t-",
        "want\tVERB\txcomp!=know\t020\tobj,required",
    ]
    path = write(tmp_path, "# comment", "", HEADER, "# section", *rows)
    lex = load_predicates(path)
    sack, plead, want = lex.predicates
    assert (sack.lemma, sack.line, sack.source, sack.target_slots) == ("sack", 5, "implicit:GOV", ("obj",))
    assert plead.source == "subj"  # "-" is the default
    assert plead.cues[0].arg == "with" and plead.cues[0].lemmas == frozenset()
    assert want.cues[0].negated and want.needs_target
    assert lex.reporting  # the packaged reporting cues when no path is given


# --- malformed files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("sack\tVERB\t-\t172", "columns"),  # 4 columns
        ("sack\tVERB\t-\t172\tobj\t-\textra", "columns"),  # 7 columns
        ("sack\tADV\t-\t172\tobj", "pos"),
        ("sack\tverb\t-\t172\tobj", "pos"),
        ("sack\tVERB\t-\t17x\tobj", "CAMEO"),
        ("sack\tVERB\t-\t17\tobj", "CAMEO"),
        ("sack\tVERB\t-\t17222\tobj", "CAMEO"),
        ("sack\tVERB\tactor=minister\t172\tobj", "cue"),
        ("sack\tVERB\tobj\t172\tobj", "cue"),
        ("sack\tVERB\tobj=\t172\tobj", "cue"),
        ("sack\tVERB\t-\t172\t ", "target"),
        ("sack\tVERB\t-\t172\tobj\tagent", "source"),
    ],
)
def test_malformed_predicate_line_names_file_and_line(tmp_path: Path, row: str, reason: str) -> None:
    path = write(tmp_path, "# a comment", HEADER, "fire\tVERB\t-\t172\tobj", row)
    with pytest.raises(BadDataFile) as info:
        load_predicates(path)
    message = str(info.value)
    assert message.startswith("E011 ")
    assert f"{path}:4" in message
    assert reason in message


@pytest.mark.parametrize("code", ["999", "215", "1729"])
def test_code_missing_from_the_cameo_table_is_refused_at_load(tmp_path: Path, code: str) -> None:
    path = write(tmp_path, HEADER, "fire\tVERB\t-\t172\tobj", f"sack\tVERB\t-\t{code}\tobj")
    with pytest.raises(BadDataFile, match=f"{re.escape(str(path))}:3") as info:
        load_predicates(path)
    assert code in str(info.value)


@pytest.mark.parametrize("source", ["implicit:POLICE", "implicit:"])
def test_implicit_source_needs_an_actor_type(tmp_path: Path, source: str) -> None:
    path = write(tmp_path, HEADER, f"sack\tVERB\t-\t172\tobj\t{source}")
    with pytest.raises(BadDataFile, match=f"{re.escape(str(path))}:2"):
        load_predicates(path)


@pytest.mark.parametrize("cue", ["prep=", "prep=>street", "prep=|against", "prep=against||over", "prep=On"])
def test_prep_cue_without_one_preposition_is_refused(tmp_path: Path, cue: str) -> None:
    path = write(tmp_path, HEADER, f"protest\tVERB\t{cue}\t141\tagainst")
    with pytest.raises(BadDataFile, match=f"{re.escape(str(path))}:2"):
        load_predicates(path)


def test_file_without_its_header_is_refused(tmp_path: Path) -> None:
    """Regression: the first data row used to be skipped silently as if it were the header."""
    path = write(tmp_path, "sack\tVERB\t-\t172\tobj", "fire\tVERB\t-\t172\tobj")
    with pytest.raises(BadDataFile, match=f"{re.escape(str(path))}:1"):
        load_predicates(path)


@pytest.mark.parametrize(
    "row",
    [
        "say\tchat",  # unknown kind
        "say",  # one column
        "say\tsay\textra",  # three columns
    ],
)
def test_malformed_reporting_line_names_file_and_line(tmp_path: Path, row: str) -> None:
    path = write(tmp_path, "# cues", "cue\tkind", "tell\tsay", row, name="reporting.tsv")
    with pytest.raises(BadDataFile) as info:
        PredicateLexicon.load(reporting_path=path)
    assert str(info.value).startswith("E011 ")
    assert f"{path}:4" in str(info.value)


def test_reporting_file_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "cue\tkind", "Tell\tsay", "tell\trequest", "", "deny\tdeny", name="reporting.tsv")
    lex = PredicateLexicon.load(reporting_path=path)
    assert lex.reporting == {"tell": {"say", "request"}, "deny": {"deny"}}


def test_subject_and_gerund_cues_load(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER,
        "arrive\tVERB\tsubj=peacekeeper\t074\tin",
        "prevent\tVERB\tgerund=from\t120\tobj",
    )
    arrive, prevent = load_predicates(path).predicates
    assert (arrive.cues[0].key, arrive.cues[0].lemmas) == ("subj", frozenset({"peacekeeper"}))
    assert (prevent.cues[0].key, prevent.cues[0].lemmas) == ("gerund", frozenset({"from"}))


def test_an_unknown_cue_key_names_the_known_ones(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER, "arrive\tVERB\tsubject=peacekeeper\t074\tin")
    with pytest.raises(BadDataFile, match="subj=.*gerund="):
        load_predicates(path)
