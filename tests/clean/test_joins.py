"""Glued-word detection on invented sentences."""

from __future__ import annotations

import pytest

from eventwire.clean.joins import exceptions, find_join_details, find_joins, openers


def _split(text: str) -> str:
    """The text with a space inserted at every join (what the clean stage does)."""
    out, pos = [], 0
    for at in find_joins(text):
        out.append(text[pos:at])
        out.append(" ")
        pos = at
    out.append(text[pos:])
    return "".join(out)


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        # sentence end glued to the next sentence
        (
            "The talks ended in the capital.Officials said little.",
            "The talks ended in the capital. Officials said little.",
        ),
        ("Rebels seized the town!Troops withdrew.", "Rebels seized the town! Troops withdrew."),
        ("the minister said.“We will respond", "the minister said. “We will respond"),
        ("the minister said.”The army denied it", "the minister said.” The army denied it"),
        ("the agency (AFP).The talks", "the agency (AFP). The talks"),
        ("a fragile truce...Fighting resumed", "a fragile truce... Fighting resumed"),
        (
            "relations with the government,According to the envoy",
            "relations with the government, According to the envoy",
        ),
        # lowercase word glued to a sentence opener inside one token
        (
            "support from several donorsIncluding the World Bank",
            "support from several donors Including the World Bank",
        ),
        ("ties with KenyaThis includes a loan", "ties with Kenya This includes a loan"),
        ("the regional balanceThe ambassador said", "the regional balance The ambassador said"),
        ("the governor, OkaforAnd the deputy", "the governor, Okafor And the deputy"),
        ("a new tradeAccording to officials", "a new trade According to officials"),
        ("the sanctions regimeHowever the council", "the sanctions regime However the council"),
        # acronym glued to an opener
        ("a statement by NATOThe alliance", "a statement by NATO The alliance"),
        # lowercase word glued to any Title-case word
        ("the village elderCouncil met on Monday", "the village elder Council met on Monday"),
    ],
)
def test_glued_words_are_split(glued: str, fixed: str) -> None:
    assert _split(glued) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.A and the U.K. signed it.",
        "Forces e.g. police and army units.",
        "Clause No.5 of the accord, i.e. the annex.",
        "Inflation reached 3.5 percent in 2.5 years.",
        "See www.Example.com or https://news.Example.org/Path for details.",
        "Written by J.R.R. Tolkien and J.R.R Martin.",
        "Dr.Smith met St.Petersburg officials.",
        "McDonald, MacArthur, DeSantis, DiCaprio, LaGuardia and LeBron.",
        "McCain met O'Neill and DeKalb county officials.",
        "Posted on YouTube, PayPal, LinkedIn, WhatsApp, JavaScript and PowerPoint.",
        "SoftBank, WeWork, AirPods, FedEx, BlackRock and ExxonMobil shares fell.",
        "An iPhone, an iPad, eBay, 5 kWh and xCloud.",
        "The al-Qaeda affiliate and the bin Laden family.",
        "Follow @realDonaldTrump and #BringBackOurGirls online.",
        "Write to press@Ministry.gov for details.",
        "Washington,D.C. is the capital.",
        "BioNTech and USAToday reported it.",
        "They flew easyJet and watched NowThis.",
        'He said: "We are ready." Then he left.',
        "",
        "a.B",
    ],
)
def test_names_abbreviations_and_urls_are_not_split(text: str) -> None:
    assert find_joins(text) == []


def test_join_details_name_the_rule_and_parts() -> None:
    text = "the capital.Officials said the partiesThe envoy left,Reports said"
    details = find_join_details(text)
    assert [(j.kind, j.left, j.right) for j in details] == [
        ("sentence", "capital", "Officials"),
        ("token", "parties", "The"),
        ("clause", "left", "Reports"),
    ]
    assert [j.pos for j in details] == find_joins(text)
    assert all(text[j.pos - 1] != " " and text[j.pos] != " " for j in details)


def test_positions_are_sorted_and_unique() -> None:
    text = "one.Two three.Four fiveSix sevenThe eight"
    positions = find_joins(text)
    assert positions == sorted(set(positions))


def test_word_lists_load() -> None:
    assert {"The", "According", "Including", "And", "This"} <= openers()
    assert "LinkedIn" in exceptions()
    # openers are single Title-case words
    assert all(w[0].isupper() and " " not in w for w in openers())
