"""Chrome-line detection on small invented pages."""

from __future__ import annotations

import pytest

from eventwire.clean.chrome import (
    LINE_FEATURES,
    ChromeRules,
    analyse_page,
    base_rules,
    default_rules,
    find_chrome_lines,
    normalise_line,
    parse_rules,
)
from eventwire.clean.chrome_model import CONTEXT_FEATURES, best_span, format_model, load_model, parse_model
from eventwire.errors import BadDataFile

BODY = (
    "The defence minister of Freedonia met his counterpart from Sylvania in the capital on Monday to "
    "discuss a border agreement, officials said.\n\n"
    "The two governments have clashed for years over the river delta, and the talks were the first since "
    "a ceasefire was signed last spring.\n\n"
    "Opposition leaders criticised the meeting and called for a parliamentary vote on any deal.\n"
)


def _dropped(text: str, rules: ChromeRules | None = None) -> dict[str, str]:
    return {text[s:e]: reason for s, e, reason in find_chrome_lines(text, rules)}


def _kept(text: str, rules: ChromeRules | None = None) -> list[str]:
    dropped = _dropped(text, rules)
    return [line for line in text.splitlines() if line.strip() and line not in dropped]


def test_comment_form_and_tail_after_the_article_are_dropped() -> None:
    page = (
        "Freedonia and Sylvania resume border talks\n\n" + BODY + "\n"
        "Source link\n\n"
        "Related Posts\n\n"
        "Sylvania names new army chief\n\n"
        "Floods hit the northern provinces\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n\n"
        "Comment\n\nName *\n\nEmail *\n\nWebsite\n\n"
        "Save my name, email, and website in this browser for the next time I comment.\n\n"
        "Post Comment\n\n"
        "Back to top button\n"
        "Translate »\n\n"
        "Adblock Detected\n\n"
        "Please consider supporting us by disabling your ad blocker\n"
    )
    dropped = _dropped(page)
    for line in [
        "Source link",
        "Related Posts",
        "Sylvania names new army chief",
        "Floods hit the northern provinces",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment",
        "Name *",
        "Email *",
        "Website",
        "Post Comment",
        "Back to top button",
        "Translate »",
        "Adblock Detected",
        "Please consider supporting us by disabling your ad blocker",
        "Save my name, email, and website in this browser for the next time I comment.",
    ]:
        assert line in dropped, line
    assert dropped["Source link"] == "source"
    assert dropped["Sylvania names new army chief"].startswith("tail:")
    assert _kept(page) == ["Freedonia and Sylvania resume border talks", *[p for p in BODY.splitlines() if p]]


def test_share_widgets_and_notices_are_dropped() -> None:
    page = (
        "Freedonia and Sylvania resume border talks\n"
        "Share this:\nFacebook\nTwitter\nWhatsApp\nPinterest\nShare on Facebook\nTweet\n"
        "We use cookies to ensure that we give you the best experience on our website.\n"
        "Subscribe to our newsletter\n" + BODY + "Advertisement\n"
        "Copyright © 2021 Example News. All rights reserved.\n"
    )
    dropped = _dropped(page)
    for line in [
        "Share this:",
        "Facebook",
        "Twitter",
        "WhatsApp",
        "Pinterest",
        "Share on Facebook",
        "Tweet",
        "We use cookies to ensure that we give you the best experience on our website.",
        "Subscribe to our newsletter",
        "Advertisement",
        "Copyright © 2021 Example News. All rights reserved.",
    ]:
        assert line in dropped, line
    assert "Freedonia and Sylvania resume border talks" not in dropped


def test_headlines_and_subheadings_are_never_dropped_for_being_short() -> None:
    page = (
        "Border talks resume\n\n"
        "By Jane Doe\n\n" + BODY + "\n"
        "Up to a thousand troops\n\n"
        "Both armies keep large garrisons near the delta, according to a report by a research institute.\n\n"
        "What comes next\n\n"
        "Diplomats expect a second round of talks in the spring, though no date has been set yet.\n"
    )
    assert find_chrome_lines(page) == []


def test_sentences_that_contain_chrome_phrases_are_kept() -> None:
    page = (
        "Ministers share this view\n\n"
        "The ministers said they did not share this view and would leave a reply to the envoy later.\n\n"
        "Read more about the agreement in the annex, the spokesman told reporters in the capital.\n\n"
        "The court ruled that the source link between the payments and the party had not been proven.\n\n"
        "Click here, he said, was the message shown on the screens of the election commission.\n"
    )
    assert _dropped(page) == {}


def test_a_related_block_inside_the_article_keeps_the_next_subheading() -> None:
    page = (
        "Border talks resume\n\n" + BODY + "\n"
        "Related Articles\n\n"
        "Sylvania names new army chief\n\n"
        "Floods hit the northern provinces\n\n"
        "Rebels in the delta\n\n"
        "A rebel group that controls part of the delta said it had not been invited to the talks.\n"
    )
    dropped = _dropped(page)
    assert dropped["Related Articles"] == "related"
    assert dropped["Sylvania names new army chief"] == "tail:related"
    assert "Rebels in the delta" not in dropped
    assert (
        "A rebel group that controls part of the delta said it had not been invited to the talks."
        not in dropped
    )


def test_prose_after_a_tail_marker_survives() -> None:
    page = (
        "Border talks resume\n\n" + BODY + "\n"
        "Source link\n\n"
        "Freedonia's parliament will debate the deal next week, the speaker's office said on Tuesday.\n\n"
        "Short teaser title\n"
    )
    dropped = _dropped(page)
    assert "Source link" in dropped
    assert "Short teaser title" in dropped
    assert not any(line.startswith("Freedonia's parliament") for line in dropped)


def test_tail_marker_before_the_article_does_not_start_a_tail() -> None:
    page = "related news\n\nBorder talks\n\n" + BODY
    dropped = _dropped(page)
    assert dropped == {"related news": "related"}


def test_menu_runs_are_dropped_but_lists_in_articles_are_not() -> None:
    menu_page = "Home\nNews\nPolitics\nWorld\nBusiness\nContact Us\n\nBorder talks resume\n\n" + BODY
    dropped = _dropped(menu_page)
    assert set(dropped) >= {"Home", "News", "Politics", "World", "Business", "Contact Us"}
    assert "Border talks resume" not in dropped

    list_page = (
        "Sanctions widened\n\n"
        "The council added five countries to the list of states under an arms embargo on Friday:\n\n"
        "Freedonia\nSylvania\nMarsovia\nLatveria\nGenovia\n\n" + BODY
    )
    assert _dropped(list_page) == {}


def test_breadcrumbs_and_edit_links() -> None:
    page = "Home » World » Africa\n\nBorder talks resume\n\n" + BODY + "\nContact (edit)\n\n[edit]\n" + BODY
    dropped = _dropped(page)
    assert dropped["Home » World » Africa"] == "nav"
    assert "Contact (edit)" in dropped
    assert "[edit]" in dropped
    assert "Border talks resume" not in dropped


def test_spans_exclude_line_breaks_and_handle_crlf() -> None:
    page = "Border talks resume\r\n\r\n" + BODY.replace("\n", "\r\n") + "\r\nSource link\r\nBack to top\r\n"
    spans = find_chrome_lines(page)
    assert [page[s:e] for s, e, _ in spans] == ["Source link", "Back to top"]


def test_normalise_line_strips_decoration() -> None:
    assert normalise_line("  •  Share   this:  ") == "Share this"
    assert normalise_line("— Related Articles —") == "Related Articles"


def test_packaged_rules_load_and_every_kind_has_patterns() -> None:
    rules = default_rules()
    names = {kind.name for kind in rules.kinds}
    assert {"comment-form", "share", "related", "translate", "notice", "copyright", "advert"} <= names
    assert all(kind.patterns for kind in rules.kinds)
    assert rules.navwords
    assert {kind.tail for kind in rules.kinds} == {"", "hard", "soft"}


@pytest.mark.parametrize(
    "bad",
    ["share this\n", "@kind share tail=sometimes\nshare\n", "@kind share\n(unclosed\n", "@kind\n"],
)
def test_malformed_pattern_files_raise(bad: str) -> None:
    with pytest.raises(BadDataFile):
        parse_rules(bad)


def test_custom_rules_are_used() -> None:
    rules = parse_rules("@kind promo tail=hard\nbuy now\n")
    page = BODY + "\nBuy now\n\nA short title\n"
    assert [(page[s:e], r) for s, e, r in find_chrome_lines(page, rules)] == [
        ("Buy now", "promo"),
        ("A short title", "tail:promo"),
    ]


MENU = "".join(
    f"  * {item}\n"
    for item in [
        "Home",
        "World",
        "Politics",
        "Business",
        "Opinion",
        "Sport",
        "Culture",
        "Weather",
        "Podcasts",
    ]
)
TEASERS = (  # teasers with cut summaries; whole-sentence summaries can still join the article (see report)
    "More stories\n"
    "  * Harvest festival opens in the old town square\n"
    "    The festival, which draws visitors from the whole region, opened on a sunny …\n"
    "  * Rail workers vote on a new pay offer\n"
    "    Union members have until Friday to vote on the offer, which the company calls...\n"
    "  * City council approves the new bridge\n"
    "    Construction of the bridge is expected to start next spring and to last about…\n"
)
FOOTER = "".join(
    f"{item}\n"
    for item in ["About us", "Careers", "Advertise", "Privacy", "Terms of use", "Contact", "Follow us", "RSS"]
)


SHORT_ARTICLE_GAP = pytest.mark.xfail(
    strict=True,
    reason="issue 3 item 4: the line model (rule 6) does not carry an article across a link list; rules 1-5 "
    "alone do (the rules-only variant below). The model gains 0.07 line precision and 0.11 recall on unseen "
    "pages.",
)

WHOLE_PAGE = (
    MENU + "Freedonia and Sylvania resume border talks\n"
    "By Jane Doe\n"
    "November 19, 2019 8:03 am\n" + BODY + TEASERS + FOOTER
)


@pytest.mark.parametrize("rules", [None, "rules 1-5"])
def test_a_whole_page_drops_menus_teasers_and_footer(rules: str | None) -> None:
    """Issue 3, item 4: a page saved with all its visible text (menus, teasers, footer)."""
    kept = _kept(WHOLE_PAGE, base_rules() if rules else None)
    assert kept[0] == "Freedonia and Sylvania resume border talks"
    assert set(kept[1:]) <= set(BODY.splitlines())
    assert BODY.splitlines()[2] in kept


@pytest.mark.parametrize("rules", [None, "rules 1-5"])
def test_a_whole_page_keeps_its_headline_and_article_and_drops_the_rest(rules: str | None) -> None:
    kept = _kept(WHOLE_PAGE, base_rules() if rules else None)
    assert kept == [
        "Freedonia and Sylvania resume border talks",
        *[p for p in BODY.splitlines() if p],
    ]


def test_comments_under_an_article_are_dropped_even_when_they_are_prose() -> None:
    page = (
        MENU + "Border talks resume\n" + BODY + "Leave a Reply\n"
        "Jane on November 19, 2019 at 4:47 pm said:\n"
        "I think the talks will fail again, as they always have since the war, and nobody is surprised.\n"
        "John on November 19, 2019 at 5:02 pm said:\n"
        "The delta has been a problem for decades and the two governments will never agree on the river.\n"
        + FOOTER
    )
    kept = _kept(page)
    assert kept == ["Border talks resume", *[p for p in BODY.splitlines() if p]]


@pytest.mark.parametrize("rules", [pytest.param(None, marks=SHORT_ARTICLE_GAP), "rules 1-5"])
def test_an_article_interrupted_by_a_link_list_goes_on_after_it(rules: str | None) -> None:
    second = (
        "The foreign ministers will meet again in December, when a draft agreement on the delta is expected "
        "to be ready for signature by both heads of state.\n"
        "Observers from the regional bloc said that the first round had gone better than expected.\n"
    )
    page = MENU + "Border talks resume\n" + BODY + TEASERS + second + FOOTER
    kept = _kept(page, base_rules() if rules else None)
    assert kept[0] == "Border talks resume"
    assert all(line in kept for line in (BODY + second).splitlines() if line)
    assert "More stories" not in kept
    assert not any("Harvest festival" in line for line in kept)


def test_a_list_introduced_by_a_kept_line_stays_with_the_article() -> None:
    """Issue 3, item 4: the model scores list items low one by one; the list after "...:" stays whole."""
    dates = [
        "June 9 - Northport, Harbour Arena",
        "June 12 - Eastbridge, Civic Hall",
        "June 14 - Lakeside, Open Air Stage",
        "June 20 - Old Town, Market Square",
    ]
    page = (
        MENU + "Freedonia and Sylvania resume border talks\n"
        + BODY + "\nThe delegations will meet on these dates:\n" + "".join(f"{d}\n" for d in dates)
        + "\n" + TEASERS + FOOTER
    )  # fmt: skip
    kept = _kept(page)
    assert all(d in kept for d in dates)
    assert "The delegations will meet on these dates:" in kept
    assert "More stories" not in kept and "About us" not in kept


@pytest.mark.parametrize(
    "line",
    [
        "Photo by Jane Doe/Northport Images",
        "Image: The defence minister arrives in the capital on Monday",
        "Jane Doe, Associated Press",
        "Jane Doe and John Roe, AP National Political Writer",
        "The Associated Press",
        "The minister in the capital on Monday. Jane Doe / AP file",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "John Roe contributed reporting from Northport.",
        "Follow the Northport Herald on Facebook, Twitter and Instagram.",
    ],
)
def test_captions_credits_and_follow_lines_are_dropped(line: str) -> None:
    page = "Border talks resume\n\n" + BODY + "\n" + line + "\n"
    assert line in _dropped(page)


@pytest.mark.parametrize("heading", ["Hostage swap", "Michael Bloomberg"])
def test_a_subheading_that_ends_like_an_agency_name_is_kept(heading: str) -> None:
    page = "Border talks resume\n\n" + BODY + f"\n{heading}\n\n" + BODY
    assert heading not in _dropped(page)


@pytest.mark.parametrize(
    "article",
    [
        BODY,
        "Talks resume\n\n" + BODY,
        "Talks resume\nBy Jane Doe\nNovember 19, 2019\n" + BODY,
        BODY + "\nKey dates\n\n1990\n1995\n2001\n2008\n2015\n\n" + BODY,
        BODY.replace(", officials said.", ",\nofficials said."),  # hard-wrapped
    ],
)
def test_clean_articles_lose_no_prose(article: str) -> None:
    dropped = _dropped(article)
    assert not any(len(line.split()) >= 6 for line in dropped), dropped
    assert "Talks resume" not in dropped


def test_the_packaged_line_model_loads_with_every_feature() -> None:
    model = load_model(LINE_FEATURES)
    assert model.line.features == LINE_FEATURES
    assert model.context.features == CONTEXT_FEATURES
    assert default_rules().model is model


def test_the_model_file_format_round_trips() -> None:
    model = load_model(LINE_FEATURES)
    again = parse_model(format_model(model, "trained by hand\non nothing"), LINE_FEATURES)
    assert again.threshold == pytest.approx(model.threshold)
    assert again.line.weights == pytest.approx(model.line.weights, abs=1e-6)
    assert again.context.weights == pytest.approx(model.context.weights, abs=1e-6)


@pytest.mark.parametrize(
    "bad",
    [
        "@stage line\nbias 0\n",  # no threshold
        "@threshold 0\n@stage line\nbias 0\n",  # features missing, no context stage
        "@threshold zero\n",
        "@threshold 0\nbias 1\n",  # weight before any stage
    ],
)
def test_malformed_model_files_raise(bad: str) -> None:
    with pytest.raises(BadDataFile):
        parse_model(bad, LINE_FEATURES)


def test_best_span_is_the_maximum_sum_run() -> None:
    assert best_span([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0]) == (1, 3)
    assert best_span([-1.0, -2.0]) == (0, -1)
    assert best_span([]) == (0, -1)


def test_the_model_decides_only_on_whole_pages() -> None:
    """A clean article (no furniture around its text) is left to rules 1-4: the model never runs."""
    article = "Talks resume\nBy Jane Doe\nNovember 19, 2019\n" + BODY
    page = analyse_page(article)
    assert not page.full and not page.rows
    assert page.decide(default_rules().model) == page.decide(None)
    assert analyse_page(WHOLE_PAGE).full
