"""Date expressions: finding, normalising against the publication date, and the "may" trap."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.attributes.dates import PAST_WINDOW, DateMention, find_dates, normalize_date

PUB = dt.date(2019, 6, 14)  # a Friday
"""Publication date of the invented sentences below."""


def found(text: str, pub: dt.date | None = PUB, **kwargs: object) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.value, m.precision) for m in find_dates(text, pub, **kwargs)]  # type: ignore[arg-type]


# --- explicit dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoy landed in Niamey on October 3, 2020, for talks.",
            [("October 3, 2020", "2020-10-03", "day")],
        ),
        ("Rebels seized the depot on 3 October 2020 at dawn.", [("3 October 2020", "2020-10-03", "day")]),
        ("Talks resumed Oct. 3, 2020, in Geneva.", [("Oct. 3, 2020", "2020-10-03", "day")]),
        (
            "The decree was signed on the 3rd of October, 2020.",
            [("the 3rd of October, 2020", "2020-10-03", "day")],
        ),
        (
            "A new cabinet was named on Saturday, October 3, 2020.",
            [("Saturday, October 3, 2020", "2020-10-03", "day")],
        ),
        ("The registry lists 2020-10-03 as the filing date.", [("2020-10-03", "2020-10-03", "day")]),
        ("The army took control in August 2020 and promised a vote.", [("August 2020", "2020-08", "month")]),
        ("Polls are promised for March of 2023.", [("March of 2023", "2023-03", "month")]),
        (
            "Parliament was dissolved in 2016 and again since 2018.",
            [("2016", "2016", "year"), ("2018", "2018", "year")],
        ),
        ("The 2014 uprising toppled the governor.", [("2014", "2014", "year")]),
        ("Analysts recalled 2011's protests.", [("2011", "2011", "year")]),
        ("The party has grown since late 2017.", [("late 2017", "2017", "year")]),
        ("Reforms stalled by mid-2015.", [("mid-2015", "2015", "year")]),
        ("He ruled from 1999 to 2008.", [("1999", "1999", "year"), ("2008", "2008", "year")]),
        ("The mandate covers 2015-2018.", [("2015-2018", None, None)]),
        ("Floods hit the delta in spring 2012.", [("spring 2012", "2012", "year")]),
        ("Copyright 2019 Example Wire.", [("2019", "2019", "year")]),
    ],
)
def test_explicit_dates(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert found(text) == expected


# --- month and day without a year --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister arrived in Ankara on June 2.", [("June 2", "2019-06-02", "day")]),
        ("The minister arrived in Ankara on 2 June.", [("2 June", "2019-06-02", "day")]),
        ("Observers will deploy on Aug. 10 if funds allow.", [("Aug. 10", "2019-08-10", "day")]),
        # more than two months after publication: last year's
        ("The strike began on September 30.", [("September 30", "2018-09-30", "day")]),
        ("The junta seized power in December.", [("December", "2018-12", "month")]),
        ("Protests spread in February.", [("February", "2019-02", "month")]),
        ("Soldiers mutinied at the end of May.", [("the end of May", "2019-05", "month")]),
        (
            "Fighting resumed in late May and early June.",
            [("late May", "2019-05", "month"), ("early June", "2019-06", "month")],
        ),
        ("Aid stopped in mid-March.", [("mid-March", "2019-03", "month")]),
        # "last <month>": the most recent one strictly before the publication month
        ("The treaty expired last May.", [("last May", "2019-05", "month")]),
        ("The treaty expired last June.", [("last June", "2018-06", "month")]),
        ("The treaty expired last September.", [("last September", "2018-09", "month")]),
        ("A summit is planned for next March.", [("next March", "2020-03", "month")]),
        ("Exports fell in January of last year.", [("January of last year", "2018-01", "month")]),
        ("He fled abroad on April 9 last year.", [("April 9 last year", "2018-04-09", "day")]),
        ("Envoys met from May 6-8 in Doha.", [("May 6-8", "2019-05", "month")]),
        ("Troops left in April and May.", [("April", "2019-04", "month"), ("May", "2019-05", "month")]),
        ("KINSHASA, June 12 - The opposition rallied.", [("June 12", "2019-06-12", "day")]),
    ],
)
def test_yearless_months_take_the_year_from_the_publication_date(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert found(text) == expected


def test_yearless_months_without_a_publication_date_keep_month_and_day_but_no_year() -> None:
    (m,) = find_dates("The minister arrived in Ankara on June 2.", None)
    assert (m.value, m.precision, m.iso) == ("--06-02", "day", None)
    assert (m.year, m.month, m.day) == (None, 6, 2)
    (m,) = find_dates("The junta seized power in December.", None)
    assert (m.value, m.precision, m.iso) == ("--12", "month", None)
    assert normalize_date("on June 2", None) == ("--06-02", "day")


def test_ref_year_fixes_the_year_when_only_the_publication_year_is_known() -> None:
    assert found("Protests spread in February.", None, ref_year=2019) == [("February", "2019-02", "month")]
    assert found("The law passed last year.", None, ref_year=2019) == [("last year", "2018", "year")]
    assert found("He was detained on Tuesday.", None, ref_year=2019) == [("Tuesday", None, None)]


def test_future_resolves_forward() -> None:
    assert found("Elections will be held in February.", future=True) == [("February", "2020-02", "month")]
    assert found("The court rules on Monday.", future=True) == [("Monday", "2019-06-17", "day")]


# --- "may" and other month names that are not always months ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "This may arouse anger among the troops.",
        "It may be weeks before the count ends.",
        "May has rejected the plan, her office said.",
        "After May said she would stay, the party split.",
        "May God protect the nation, the cleric said.",
        "Thousands will march on the capital; the march was peaceful.",
        "The august assembly met behind closed doors.",
        "Theresa May visited the troops.",
        "April Ryan asked the spokesman about it.",
        "Jan Novak, the mayor, resigned.",
    ],
)
def test_words_that_only_look_like_months_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_may_the_month_is_a_date() -> None:
    assert found("The coup took place in May.") == [("May", "2019-05", "month")]
    assert found("The coup took place on May 5.") == [("May 5", "2019-05-05", "day")]
    assert found("The coup took place in May 2018.") == [("May 2018", "2018-05", "month")]


# --- weekdays and relative expressions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police made arrests on Thursday.", [("Thursday", "2019-06-13", "day")]),
        ("The vote was held Friday.", [("Friday", "2019-06-14", "day")]),  # the publication day itself
        ("The vote was held Saturday.", [("Saturday", "2019-06-08", "day")]),
        ("Clashes erupted last Friday.", [("last Friday", "2019-06-07", "day")]),
        ("Envoys meet next Thursday.", [("next Thursday", "2019-06-20", "day")]),
        ("Shelling resumed late Wednesday.", [("late Wednesday", "2019-06-12", "day")]),
        ("Shelling resumed Wednesday night.", [("Wednesday night", "2019-06-12", "day")]),
        ("Tuesday's ruling angered the opposition.", [("Tuesday", "2019-06-11", "day")]),
        ("The minister resigned yesterday.", [("yesterday", "2019-06-13", "day")]),
        ("The minister resigns today.", [("today", "2019-06-14", "day")]),
        ("Results are due tomorrow.", [("tomorrow", "2019-06-15", "day")]),
        ("Prices rose last month.", [("last month", "2019-05", "month")]),
        ("Prices will rise next month.", [("next month", "2019-07", "month")]),
        ("The embassy closed last year.", [("last year", "2018", "year")]),
        ("Growth slowed this year.", [("this year", "2019", "year")]),
        ("The war began seven years ago.", [("seven years ago", "2012", "year")]),
        ("The ceasefire collapsed three months ago.", [("three months ago", "2019-03", "month")]),
        ("He was freed 10 days ago.", [("10 days ago", "2019-06-04", "day")]),
        # last week = Mon 3 - Sun 9 June: one month
        ("Troops withdrew last week.", [("last week", "2019-06", "month")]),
    ],
)
def test_relative_expressions_resolve_against_the_publication_date(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert found(text) == expected
    assert all(m.relative for m in find_dates(text, PUB))


def test_a_week_across_two_months_has_year_precision() -> None:
    # published Wednesday 2019-07-03: last week is 24-30 June, this week 1-7 July
    pub = dt.date(2019, 7, 3)
    assert found("It happened last week.", pub) == [("last week", "2019-06", "month")]
    pub = dt.date(2019, 7, 1)  # a Monday: last week is 24-30 June, this week 1-7 July
    assert found("It happens this week.", pub) == [("this week", "2019-07", "month")]
    pub = dt.date(2019, 5, 1)  # this week is 29 April - 5 May
    assert found("It happens this week.", pub) == [("this week", "2019", "year")]
    pub = dt.date(2020, 1, 1)  # this week is 30 December - 5 January
    assert found("It happens this week.", pub) == [("this week", None, None)]


def test_relative_expressions_without_a_publication_date_have_no_value() -> None:
    for text in (
        "Police made arrests on Thursday.",
        "The minister resigned yesterday.",
        "It rose last month.",
    ):
        (m,) = find_dates(text, None)
        assert (m.value, m.precision, m.iso, m.relative) == (None, None, None, True)
    (m,) = find_dates("Police made arrests on Thursday.", None)
    assert m.weekday == 3


def test_named_days_and_papers_are_not_weekdays() -> None:
    assert found("Pilgrims gathered on Good Friday.") == []
    assert found("The Sunday Times reported the deal.") == []
    assert found("An interview with USA Today.") == []


# --- what is not a date -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "About 2000 troops crossed the border.",
        "He has spent 1,000 days in detention.",
        "Around 2000 people attended the rally.",
        "The crisis of the 1990s left scars.",
        "One day after the vote, the count stopped.",
        "Two years later the court freed him.",
        "The 2,018 ballots were recounted.",
        "Unit 1985 patrolled the area.",
        "The 24-year-old was arrested.",
    ],
)
def test_counts_and_event_relative_phrases_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_a_year_before_a_plural_noun_after_a_strong_trigger_stays_a_year() -> None:
    assert found("In 2014 rebels seized the town.") == [("2014", "2014", "year")]


def test_impossible_days_keep_no_day() -> None:
    assert found("It happened on February 31.") == [("February", "2019-02", "month")]  # the month survives
    assert found("It happened on 29 February 2019.") == [("29 February 2019", None, None)]
    assert found("It happened on 29 February 2020.") == [("29 February 2020", "2020-02-29", "day")]


def test_normalize_date() -> None:
    assert normalize_date("September 1, 2021") == ("2021-09-01", "day")
    assert normalize_date("in August 2020", PUB) == ("2020-08", "month")
    assert normalize_date("in 2019") == ("2019", "year")
    assert normalize_date("Thursday", PUB) == ("2019-06-13", "day")
    assert normalize_date("Thursday", None) == (None, None)
    assert normalize_date("no date here", PUB) == (None, None)


def test_iso_property() -> None:
    assert DateMention(0, 4, "2019", "2019", "year").iso == "2019"
    assert DateMention(0, 5, "May 5", "--05-05", "day").iso is None
    assert DateMention(0, 8, "Thursday", None, None, relative=True).iso is None


def test_datetime_pub_dates_are_accepted() -> None:
    assert found("The vote was held Friday.", dt.datetime(2019, 6, 14, 23, 0)) == [
        ("Friday", "2019-06-14", "day")
    ]


# --- properties ---------------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_AP_ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _styles(d: dt.date) -> list[str]:
    month = _MONTH_NAMES[d.month - 1]
    abbr = _AP_ABBREVIATIONS.get(d.month, month)
    nth = f"{d.day}{_ORDINAL.get(d.day, 'th')}"
    weekday = _WEEKDAY_NAMES[d.weekday()]
    return [
        f"{month} {d.day}, {d.year}",
        f"{d.day} {month} {d.year}",
        f"{abbr} {d.day}, {d.year}",
        f"{weekday}, {month} {d.day}, {d.year}",
        f"the {nth} of {month}, {d.year}",
        f"{month} {nth} {d.year}",
        d.isoformat(),
    ]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.data())
def test_every_written_style_of_a_date_round_trips_to_its_iso_value(d: dt.date, data: st.DataObject) -> None:
    style = data.draw(st.sampled_from(_styles(d)))
    pub = data.draw(st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 1, 1)))
    assert normalize_date(style, pub) == (d.isoformat(), "day")
    assert normalize_date(f"The talks took place on {style} in the capital.", pub) == (d.isoformat(), "day")
    month_year = f"in {_MONTH_NAMES[d.month - 1]} {d.year}"
    assert normalize_date(month_year, pub) == (f"{d.year:04d}-{d.month:02d}", "month")
    assert normalize_date(f"since {d.year}", pub) == (f"{d.year:04d}", "year")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1950, 3, 1), max_value=dt.date(2090, 10, 31)), st.integers(1, 12))
def test_a_yearless_month_falls_in_the_past_window(pub: dt.date, month: int) -> None:
    value, precision = normalize_date(f"Fighting broke out in {_MONTH_NAMES[month - 1]}.", pub)
    assert precision == "month" and value is not None
    year, resolved_month = int(value[:4]), int(value[5:])
    offset = (year - pub.year) * 12 + resolved_month - pub.month
    assert resolved_month == month
    assert PAST_WINDOW[0] <= offset <= PAST_WINDOW[1]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 1, 1)), st.integers(0, 6))
def test_a_bare_weekday_is_the_latest_such_day_on_or_before_publication(pub: dt.date, weekday: int) -> None:
    (m,) = find_dates(f"Police said on {_WEEKDAY_NAMES[weekday]} that talks failed.", pub)
    assert m.value is not None
    day = dt.date.fromisoformat(m.value)
    assert day.weekday() == weekday
    assert 0 <= (pub - day).days <= 6


_DATEY_WORDS = st.sampled_from(
    ["May", "may", "in", "on", "March", "2019", "1,000", "2000", "troops", "last", "next", "week", "Friday",
     "yesterday", "the", "end", "of", "mid-", "late", "Sept.", "5", "31", "3rd", ",", "-", "2018-04-05",
     "ago", "years", "seven", "'s", "1990s", "this", "year", "month", "weekend", "over", "early", "\u00e9"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATEY_WORDS, max_size=14), st.sampled_from([" ", "", "  ", "\n"]))
def test_offsets_always_match_the_text_on_date_like_word_salad(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for pub in (PUB, None):
        mentions = find_dates(text, pub)
        for m in mentions:
            assert text[m.start : m.end] == m.text
            assert m.precision in (None, "day", "month", "year")
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.none() | st.dates())
def test_arbitrary_unicode_never_crashes_and_offsets_match(text: str, pub: dt.date | None) -> None:
    for m in find_dates(text, pub):
        assert text[m.start : m.end] == m.text
        assert m.iso is None or m.iso == m.value


# --- issue 4, item 2: the brief's expressions, each with its precision, with and without a publication date


@pytest.mark.parametrize(
    ("text", "with_pub", "without_pub"),
    [
        ("at the end of May the army seized power", ("the end of May", "2019-05", "month"),
         ("the end of May", "--05", "month")),
        ("last Tuesday the minister met the envoy", ("last Tuesday", "2019-06-11", "day"),
         ("last Tuesday", None, None)),
        ("on Thursday he said", ("Thursday", "2019-06-13", "day"), ("Thursday", None, None)),
        ("next month the troops will leave", ("next month", "2019-07", "month"), ("next month", None, None)),
        ("in August 2020 the coup took place", ("August 2020", "2020-08", "month"),
         ("August 2020", "2020-08", "month")),
        ("late last month", ("late last month", "2019-05", "month"), ("late last month", None, None)),
    ],
)  # fmt: skip
def test_brief_expressions(
    text: str, with_pub: tuple[str, str | None, str | None], without_pub: tuple[str, str | None, str | None]
) -> None:
    assert found(text) == [with_pub]
    assert found(text, None) == [without_pub]  # no invented year without a publication date


@pytest.mark.parametrize(
    "text", ["Russia may send troops to Mali.", "The army may well act.", "May they succeed", "it may"]
)
def test_the_verb_may_is_never_the_month(text: str) -> None:
    assert found(text) == []


def test_a_planned_act_looks_ahead() -> None:
    """The attributes stage passes ``future=True`` for planned events: "will visit in May" after June."""
    assert found("He will visit Moscow in May.", future=True) == [("May", "2020-05", "month")]
    assert found("He will visit Moscow on Monday.", future=True) == [("Monday", "2019-06-17", "day")]
