"""In-document coreference of people (no spaCy): name folding, surname matching, ``link_people``.

The pairs of coref.NAME_SIMILARITY's docstring (Camara/Kamara, Putin/Poutine, Smith/Smyth, Brown/Green) are
pinned here: re-run this file when changing the threshold or the folding table.
"""

from __future__ import annotations

import difflib

import pytest

from eventwire.actors.coref import (
    NAME_SIMILARITY,
    UNTITLED_PERSON_TYPE,
    fold,
    link_people,
    names_match,
    same_surname,
)
from eventwire.document import Mention


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


# --- fold -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Camara", "kamara"),  # c -> k
        ("Kamala", "kamara"),  # l -> r
        ("Poutine", "putin"),  # ou -> u, silent final e
        ("Smyth", "smit"),  # y -> i, th -> t
        ("Goïta", "goita"),  # accents off
        ("Abdoulaye", "abdurai"),  # ou -> u, l -> r, y -> i, final e
        ("Mohammed", "mohamed"),  # doubled letters collapse
        ("O'Brien", "obrien"),  # punctuation off
        ("  Sall  ", "sar"),
    ],
)
def test_fold(name: str, folded: str) -> None:
    assert fold(name) == folded


def test_fold_keeps_word_boundaries() -> None:
    assert fold("Sadio Camara") == "sadio kamara"
    assert fold("Jean-Claude") == "jeankraud"  # the hyphen goes, then c -> k, l -> r and the final e


def test_fold_of_nothing_alphabetic_is_empty() -> None:
    assert fold("") == ""
    assert fold("1234 !?") == ""


# --- same_surname: the pairs that chose NAME_SIMILARITY ---------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Camara", "Kamara"),
        ("Putin", "Poutine"),
        ("Smith", "Smyth"),
        ("Kamala", "Camara"),  # machine translation confuses l/r
        ("Goita", "Goïta"),
        ("Mohamed", "Mohammed"),
    ],
)
def test_same_surname_variants(a: str, b: str) -> None:
    assert same_surname(a, b)
    assert same_surname(b, a)


def test_brown_and_green_are_different_people() -> None:
    assert not same_surname("Brown", "Green")
    assert not same_surname("Green", "Brown")


def test_threshold_separates_the_docstring_pairs_with_a_margin() -> None:
    """The same pairs as ratios: the matches sit at or above the threshold, Brown/Green well below it."""
    for a, b in [("Camara", "Kamara"), ("Putin", "Poutine"), ("Smith", "Smyth")]:
        assert ratio(a, b) >= NAME_SIMILARITY, (a, b)
    assert ratio("Brown", "Green") < NAME_SIMILARITY - 0.2


def test_near_miss_surnames_of_ordinary_length_match() -> None:
    # one letter off in a long name passes the ratio, not only exact folds
    assert ratio("Ouattara", "Ouatara") == 1.0  # doubled letter
    assert same_surname("Tshisekedi", "Tshisekedy")
    assert NAME_SIMILARITY <= ratio("Tshisekedi", "Tshisekedo") < 1.0
    assert same_surname("Tshisekedi", "Tshisekedo")
    assert NAME_SIMILARITY <= ratio("Kagame", "Kagami") < 1.0
    assert same_surname("Kagame", "Kagami")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Li", "Lee", True),  # folds to the same "ri"
        ("Ali", "Aly", True),  # folds to the same "ari"
        ("Ali", "Alin", False),  # ratio 0.86 would pass, but a 3-letter fold needs an exact match
        ("Kim", "Kin", False),
        ("Wu", "Woo", False),
        ("Sall", "Sal", True),
    ],
)
def test_short_names_match_only_on_exact_fold(a: str, b: str, same: bool) -> None:
    assert same_surname(a, b) is same
    assert same_surname(b, a) is same


def test_short_name_ratio_alone_would_have_matched() -> None:
    """Guards the ``< 4`` rule: without it, Ali/Alin would pass the threshold."""
    assert ratio("Ali", "Alin") >= NAME_SIMILARITY
    assert not same_surname("Ali", "Alin")


def test_empty_names_never_match() -> None:
    assert not same_surname("", "")
    assert not same_surname("Putin", "")
    assert not same_surname("!!", "??")


# --- names_match: full names against surnames ------------------------------------------------------


@pytest.mark.parametrize(
    ("later", "earlier"),
    [
        ("Putin", "Vladimir Putin"),
        ("Vladimir Putin", "Putin"),
        ("Poutine", "Vladimir Putin"),
        ("Vladimir Poutine", "Vladimir Putin"),
        ("Kamala", "Sadio Camara"),  # phonetic l/r and c/k
        ("Sadio Camara", "Kamala"),
        ("Sadio Kamara", "Sadio Camara"),
        ("J. Smith", "John Smith"),  # an initial
        ("John Smith", "J. Smith"),
        ("Assimi Goïta", "Assimi Goita"),
        ("Prince Faisal", "Faisal bin Farhan"),  # a royal named by title and given name
        ("Sheikh Tamim", "Tamim bin Hamad"),
    ],
)
def test_names_match(later: str, earlier: str) -> None:
    assert names_match(later, earlier)


@pytest.mark.parametrize(
    ("later", "earlier"),
    [
        ("Green", "Gordon Brown"),
        ("Brown", "Green"),
        ("John Smith", "Mary Smith"),  # same surname, different first initial
        ("Mary Smith", "John Smith"),
        ("Vladimir Putin", "Vladimir Zelensky"),  # same first name is not enough
        ("", "Vladimir Putin"),
        ("Putin", ""),
    ],
)
def test_names_do_not_match(later: str, earlier: str) -> None:
    assert not names_match(later, earlier)


def test_different_full_first_names_with_the_same_initial_do_not_match() -> None:
    assert not names_match("Jane Smith", "John Smith")
    assert not names_match("John Smith", "Jane Smith")


# --- link_people on hand-built mentions -------------------------------------------------------------


def person(text: str, start: int, country: str | None = None, type_: str | None = None,
           kind: str = "person") -> Mention:  # fmt: skip
    return Mention(start=start, end=start + len(text), text=text, name=text, country=country, type=type_,
                   kind=kind)  # fmt: skip


def test_surname_repeat_joins_the_full_mention_and_inherits_country_and_type() -> None:
    full = person("Sadio Camara", 0, "MLI", "GOV")
    other = person("Emmanuel Macron", 40, "FRA", "GOV")
    repeat = person("Camara", 90)
    link_people([full, other, repeat])
    assert repeat.entity_id == full.entity_id
    assert repeat.entity_id != other.entity_id
    assert (repeat.country, repeat.type) == ("MLI", "GOV")
    assert repeat.name == "Sadio Camara"  # the cluster's fullest name
    assert (full.country, full.type, full.name) == ("MLI", "GOV", "Sadio Camara")


def test_garbled_repeat_joins_and_inherits() -> None:
    full = person("Vladimir Putin", 0, "RUS", "GOV")
    garbled = person("Poutine", 50)
    link_people([full, garbled])
    assert garbled.entity_id == full.entity_id >= 0
    assert (garbled.country, garbled.type, garbled.name) == ("RUS", "GOV", "Vladimir Putin")


def test_phonetic_l_r_repeat_joins() -> None:
    full = person("Sadio Camara", 0, "MLI", "MIL")
    garbled = person("Kamala", 30)
    link_people([full, garbled])
    assert garbled.entity_id == full.entity_id
    assert garbled.country == "MLI"


def test_a_later_full_mention_gives_its_country_to_an_earlier_surname() -> None:
    bare = person("Camara", 0)
    full = person("Sadio Camara", 30, "MLI", "GOV")
    link_people([bare, full])
    assert bare.entity_id == full.entity_id
    assert (bare.country, bare.type, bare.name) == ("MLI", "GOV", "Sadio Camara")


def test_unrelated_people_get_different_ids() -> None:
    people = [person("Gordon Brown", 0, "GBR", "GOV"), person("Green", 20), person("Smith", 40),
              person("Mary Smith", 60, "USA", "GOV")]  # fmt: skip
    link_people(people)
    brown, green, smith, mary = people
    assert len({brown.entity_id, green.entity_id, smith.entity_id}) == 3
    assert green.country is None  # nothing inherited from Brown
    assert green.type == UNTITLED_PERSON_TYPE  # an untitled private person, not Brown's GOV
    assert mary.entity_id == smith.entity_id  # "Smith" then "Mary Smith": the same person


def test_own_country_and_type_are_kept() -> None:
    full = person("Sadio Camara", 0, "MLI", "GOV")
    repeat = person("Camara", 30, None, "MIL")
    link_people([full, repeat])
    assert repeat.type == "MIL"  # only missing values are filled
    assert repeat.country == "MLI"


def test_only_named_people_and_roles_are_linked() -> None:
    country = Mention(0, 4, "Mali", None, "MLI", "GOV", "country")
    unnamed_role = Mention(10, 19, "the army", None, "MLI", "MIL", "role")
    titled = Mention(25, 50, "President Vladimir Putin", "Vladimir Putin", "RUS", "GOV", "role")
    repeat = person("Putin", 60)
    link_people([country, unnamed_role, titled, repeat])
    assert country.entity_id == -1 and unnamed_role.entity_id == -1
    assert repeat.entity_id == titled.entity_id >= 0
    assert repeat.country == "RUS"


def test_ids_start_after_existing_ones() -> None:
    already = Mention(0, 4, "them", "X", "MLI", "GOV", "pronoun", entity_id=7)
    new = person("Sadio Camara", 10, "MLI", "GOV")
    link_people([already, new])
    assert new.entity_id == 8


def test_a_surname_member_does_not_chain_different_full_names() -> None:
    joe, bare, hunter = person("Joe Biden", 0, "USA", "GOV"), person("Biden", 20), person("Hunter Biden", 40)
    assert not names_match("Hunter Biden", "Joe Biden")
    link_people([joe, bare, hunter])
    assert bare.entity_id == joe.entity_id
    assert hunter.entity_id != joe.entity_id


# --- issue 4: hyphenated surnames, honorifics, the article's subject, country context, ORG-tagged people


def test_one_part_of_a_hyphenated_surname_repeats_it() -> None:
    assert names_match("Oyegun", "John Odigie-Oyegun")
    assert names_match("Chief Oyegun", "Chief John Odigie-Oyegun")  # honorifics are not names


def test_an_ambiguous_surname_joins_the_person_named_most() -> None:
    daughter = [person("Park Geun-hye", 0, "KOR", "GOV"), person("Park", 30), person("Park", 60)]
    father = person("Park Chung-hee", 90, "KOR", "GOV")
    later = person("Park", 130)
    link_people([*daughter, father, later])
    assert later.entity_id == daughter[0].entity_id != father.entity_id


def test_a_namesake_of_another_country_is_another_person() -> None:
    a, b = person("Ali Mahdi", 0, "SOM", "GOV"), person("Ali Mahdi", 40, "SDN", "GOV")
    link_people([a, b])
    assert a.entity_id != b.entity_id


def test_an_org_tagged_name_joins_a_person_only_on_an_exact_name() -> None:
    trump = person("Donald Trump", 0, None, "GOV")
    as_org = person("Trump", 40, kind="unknown-org")
    garbled_org = person("Trumb", 80, kind="unknown-org")
    unrelated_org = person("Gazprom", 120, kind="unknown-org")
    link_people([trump, as_org, garbled_org, unrelated_org])
    assert as_org.entity_id == trump.entity_id and as_org.kind == "person" and as_org.type == "GOV"
    assert garbled_org.entity_id == -1 and garbled_org.kind == "unknown-org"
    assert unrelated_org.entity_id == -1
