"""The PETRARCH dictionary loader: each construct, each malformed case (invented entries only)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.dictionaries import load_dictionaries, parse_actors, parse_agents, parse_discards, parse_verbs
from eventwire.dictionaries.discards import DiscardMatcher
from eventwire.errors import DictionaryFileError, DictionarySetError

ACTORS = """<!-- invented test actors -->
# a comment line
FREEDONIA_  [FRE]
+FREEDONIAN   # inline comment
FREEDONIAN_NAVY [FREMIL]
RUFUS_FIREFLY ; TABARI comment
\t[FREELI < 19300101]
\t[FREGOV 19330101-19331231]
\t[FRE---OPP > 19340101]
SYLVANIA  [SYL]
THE_MARX_TRIO  [FRE/SYL]
NOBODY_IN_PARTICULAR [---]
<!-- a comment
over two lines -->
TRENTINO
\t[SYLGOV 330101 - 331231]
\t[SYL]
"""


def test_actor_phrases_synonyms_and_codes() -> None:
    entries, issues = parse_actors(ACTORS, "t.actors")
    assert not issues
    by_phrase = {p: e for e in entries for p in e.phrases}
    assert by_phrase["FREEDONIAN"] is by_phrase["FREEDONIA"]
    assert by_phrase["FREEDONIAN NAVY"].default == "FREMIL"
    assert by_phrase["THE MARX TRIO"].code_on(None) == "FRE/SYL"
    assert by_phrase["NOBODY IN PARTICULAR"].code_on(None) is None  # the null code
    assert by_phrase["RUFUS FIREFLY"].line == 6


def test_dated_codes_resolve_against_the_date() -> None:
    entries, _ = parse_actors(ACTORS, "t.actors")
    rufus = next(e for e in entries if e.phrases[0] == "RUFUS FIREFLY")
    assert rufus.code_on(dt.date(1929, 5, 1)) == "FREELI"
    assert rufus.code_on(dt.date(1933, 6, 1)) == "FREGOV"
    assert rufus.code_on(dt.date(1935, 1, 1)) == "FRE---OPP"
    assert rufus.code_on(dt.date(1931, 1, 1)) is None  # no default, no interval
    assert rufus.code_on(None) is None
    trentino = next(e for e in entries if e.phrases[0] == "TRENTINO")
    assert trentino.code_on(dt.date(1933, 3, 1)) == "SYLGOV"  # YYMMDD, 33 -> 1933
    assert trentino.code_on(dt.date(1950, 1, 1)) == "SYL"  # the undated line is the default


def test_first_holding_dated_code_wins() -> None:
    entries, _ = parse_actors(
        "ZEPPO [FRE]\n\t[FREBUS 20100109-20100112]\n\t[FREMIL 20080120-20121109]\n", "t"
    )
    assert entries[0].code_on(dt.date(2010, 1, 10)) == "FREBUS"
    assert entries[0].code_on(dt.date(2011, 1, 10)) == "FREMIL"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("\t[FRE]\n", "before any actor phrase"),
        ("+FREEDONIAN\n", "synonym"),
        ("  [FRE]\n", "before any actor phrase"),
        ("FREEDONIA [F$E]\n", "bad actor code"),
        ("FREEDONIA []\n", "empty code"),
    ],
)
def test_malformed_actor_lines_are_errors_naming_file_and_line(text: str, reason: str) -> None:
    with pytest.raises(DictionaryFileError) as err:
        parse_actors("# header\n" + text, "bad.actors")
    assert "bad.actors:2" in str(err.value) and reason in str(err.value)
    assert err.value.code == "E050"


def test_tolerated_actor_lines_are_counted() -> None:
    text = (
        "GROUCHO [FRE]\n\t[FREGOV 19991399-20000101]\n\t[FREMIL 20050101-20000101]\n"
        "HARPO [FRE\nGROUCHO [SYL]\n"
    )
    entries, issues = parse_actors(text, "t.actors")
    reasons = [i.reason for i in issues]
    assert len(issues) == 3
    assert "date restriction not read" in reasons[0] and issues[0].line == 2
    assert "ends before it starts" in reasons[1]
    assert "without ']'" in reasons[2]
    assert entries[1].default == "FRE"  # read to the line end
    assert load_dictionaries  # the duplicate GROUCHO is counted when a set is built (below)


AGENTS = """!PERSON! = MAN, WOMAN
!MINST! = MINISTER, MINISTRY
ADMIRAL [~MIL]
SPY {} [~SPY]
GOOSE {GEESE} [~GGS]
ENVOY [~GOV]
RIGHTS_BODY [NGO~]
SEA!PERSON! [~MIL]
!MINST!_OF_PEACE [~GOV]
"""


def test_agents_codes_plurals_and_markers() -> None:
    entries, issues = parse_agents(AGENTS, "t.agents")
    assert not issues
    forms = {e.phrase: e for e in entries}
    assert forms["ADMIRALS"].code == "MIL" and forms["ADMIRALS"].plural
    assert "SPIES" not in forms and "SPYS" not in forms  # {} = no plural
    assert forms["GEESE"].code == "GGS"
    assert forms["ENVOIES"].code == "GOV"  # PETRARCH's rule: a final Y becomes IES, even after a vowel
    assert forms["RIGHTS BODY"].prefix
    assert {"SEAMAN", "SEAWOMAN"} <= set(forms) and "SEAMANS" not in forms
    assert forms["MINISTRY OF PEACE"].code == "GOV"


def test_tolerated_agent_lines_are_counted_and_bad_codes_are_errors() -> None:
    _, issues = parse_agents("NOCODE\nGOOSE {GEESE [~GGS]\nSEA!NOBODY! [~MIL]\nDEPT [~ENV}\n", "t.agents")
    assert [i.line for i in issues] == [1, 2, 3, 4]
    with pytest.raises(DictionaryFileError, match="t.agents:1.*no '~'"):
        parse_agents("ADMIRAL [MIL]\n", "t.agents")
    with pytest.raises(DictionaryFileError, match="empty agent phrase"):
        parse_agents("[~MIL]\n", "t.agents")


VERBS = """&MONEY
+DUCAT
+FREEDONIAN_DOLLAR

&TIES_
+MILITARY
+NAVAL

--- PAY [071] ---
PAY {PAID PAYING PAYS}
- * &MONEY [073]
- * TRIBUTE_TO + [041]
- % * [043:043]
- + WAS_ * TO_ ^ FROM $ [0331]

--- CUT [---] ---
CUT
- * &TIES TIES [161]
+CORDON_OFF {+CORDONED_OFF} [1721]
- * (WITH {NAVAL BLOCKADE}) [191]
- * (TO) [042:043]
"""


def test_verbs_blocks_synsets_and_patterns() -> None:
    dictionary, issues = parse_verbs(VERBS, "t.verbs")
    assert not issues
    pay, cut = dictionary.blocks
    assert (pay.name, pay.code) == ("PAY", "071")
    assert pay.verbs[0].forms == ("PAID", "PAYING", "PAYS")
    assert [p.code for p in pay.patterns] == ["073", "041", "043", "0331"]
    assert pay.patterns[2].reverse == "043" and pay.patterns[2].markers == "%"
    assert pay.patterns[3].markers == "+^$"
    assert [e.text for e in pay.patterns[1].after] == ["TRIBUTE", "TO", "+"] and pay.patterns[1].after[
        1
    ].joined
    assert dictionary.synsets["&MONEY"].members[1] == ("FREEDONIAN", "DOLLAR")
    assert not dictionary.synsets["&TIES"].plurals  # trailing '_'
    cordon = cut.verbs[1]
    assert (cordon.word, cordon.after, cordon.forms, cordon.code) == (
        "CORDON",
        ("OFF",),
        ("CORDONED",),
        "1721",
    )
    assert [e.text for e in cut.patterns[1].after] == ["WITH", "NAVAL", "BLOCKADE"]  # PETRARCH 2 brackets
    assert (cut.patterns[2].code, cut.patterns[2].reverse) == ("042", "043")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("- * DUCAT [071]\n", "before any"),
        ("--- PAY [071] ---\nPAY\n- DUCAT [071]\n", "without '*'"),
        ("--- PAY [071] ---\nPAY\n- * DUCAT\n", r"without a \[code\]"),
        ("PAY\n", "before any"),
        ("--- PAY [071] ---\nPAY {PAID\n", "'{' without '}'"),
    ],
)
def test_malformed_verb_lines_are_errors(text: str, reason: str) -> None:
    with pytest.raises(DictionaryFileError, match=reason):
        parse_verbs(text, "bad.verbs")


def test_tolerated_verb_lines_are_counted() -> None:
    text = "--- PAY [071] ---\nPAY\n- * &NOSUCH [073]\n- * DUCAT [###]\n~ PAY = GIVE\n"
    dictionary, issues = parse_verbs(text, "t.verbs")
    assert sorted(i.line for i in issues) == [3, 4, 5]
    assert dictionary.blocks[0].patterns == []


def test_discards_sentence_story_stem_and_whole_word() -> None:
    entries = parse_discards("CROQUET\n+GRAND_FENWICK_OPEN\nPOLO_\n", "t.discards")
    assert [(e.story, e.whole_word) for e in entries] == [(False, False), (True, False), (False, True)]
    matcher = DiscardMatcher(entries)
    assert matcher.sentence_match("Croquets were played.") is not None  # a stem
    assert matcher.sentence_match("A polo match.") is not None
    assert matcher.sentence_match("Polonius spoke.") is None  # whole word only
    assert matcher.sentence_match("The Acroquet club.") is None  # starts at a word start
    assert matcher.story_match("the grand Fenwick open began") is not None


def test_a_set_from_a_folder_or_a_manifest(tmp_path: Path) -> None:
    (tmp_path / "test.actors.txt").write_text(ACTORS + "GROUCHO [FRE]\nGROUCHO [SYL]\n", encoding="utf-8")
    (tmp_path / "test.agents.txt").write_text(AGENTS, encoding="utf-8")
    (tmp_path / "test.verbs.txt").write_text(VERBS, encoding="utf-8")
    (tmp_path / "test.discards.txt").write_text("CROQUET\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a dictionary", encoding="utf-8")
    loaded = load_dictionaries(tmp_path)
    assert [p.name for p in loaded.files.ignored] == ["notes.txt"]
    assert loaded.actor("the Freedonian Navy") is not None and loaded.agent("admirals") is not None
    assert any("already listed" in i.reason for i in loaded.issues)
    manifest = tmp_path / "set.toml"
    manifest.write_text('actors = ["test.actors.txt"]\nverbs = ["test.verbs.txt"]\n', encoding="utf-8")
    assert load_dictionaries(manifest).summary()["verb_blocks"] == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("actors = 3\n", "must be a list"),
        ('nouns = ["x"]\n', "unknown key"),
        ('actors = ["missing.txt"]\n', "no such file"),
    ],
)
def test_bad_manifests(tmp_path: Path, content: str, reason: str) -> None:
    manifest = tmp_path / "set.toml"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(DictionarySetError, match=reason):
        load_dictionaries(manifest)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(DictionarySetError, match="no such file"):
        load_dictionaries(tmp_path / "nowhere")
    with pytest.raises(DictionarySetError, match="no dictionary files"):
        load_dictionaries(tmp_path)


def test_the_actor_phrase_finder_matches_tokens_as_the_tagger_sees_them() -> None:
    from eventwire.dictionaries.actors import parse_actors as parse
    from eventwire.dictionaries.loaded import ActorPhraseFinder
    from eventwire.knowledge.gazetteer import default_gazetteer

    entries, _ = parse("FREEDONIA_ [FRE]\nFREEDONIAN_NAVY [FREMIL]\nUNO [IGOUNO]\nFRANCE [FRA]\n", "t")
    phrases = [(p, e) for e in entries for p in e.phrases]
    find = ActorPhraseFinder(phrases, default_gazetteer(), str.split)
    words = "The freedonian Navy met Uno and the UNO in France".split()
    found = find(words)
    assert [(words[s], e, label) for s, e, label, _ in found] == [("freedonian", 3, "ORG"), ("UNO", 8, "ORG")]
    assert found[0][3] == "dictionary:Freedonian Navy"
    assert find(["Freedonia"]) == [(0, 1, "GPE", "dictionary:Freedonia")]  # a country's phrase is a GPE
