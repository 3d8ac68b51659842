"""Dates written in page furniture, URLs and captions."""

import pytest

from dateline.extract.dates import FoundDate, date_from_url, find_written_date, next_weekday_named


@pytest.mark.parametrize(
    "text, expected",
    [
        ("This April 29, 2016 photo shows Syrian men", FoundDate("2016-04-29", "day")),
        ("Published On 12 Jun 2024", FoundDate("2024-06-12", "day")),
        ("Sat Apr. 30th, 2016 11:20AM", FoundDate("2016-04-30", "day")),
        ("Updated 2023-02-06T09:12Z", FoundDate("2023-02-06", "day")),
        ("in March 2011, when protests began", FoundDate("2011-03", "month")),
        ("February 30, 2016", None),  # no such day
        ("at 10:30 on the 5th", None),
    ],
)
def test_find_written_date(text, expected):
    assert find_written_date(text) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.presstv.ir/Detail/2016/04/30/463281/Russia-Syria-Aleppo", FoundDate("2016-04-30", "day")),
        ("https://example.org/news/2019-11-18-browns-steelers", FoundDate("2019-11-18", "day")),
        ("https://example.org/a/20200105/story", FoundDate("2020-01-05", "day")),
        ("https://example.org/2021/07/some-story", FoundDate("2021-07", "month")),
        ("https://example.org/story/12345", None),
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_lede_weekday_is_the_first_such_day_on_or_after_the_caption_date():
    lede = "Moscow will not seek a halt, Russia's deputy foreign minister said Saturday."
    # 2016-04-29 was a Friday: the Saturday the lede names is the next day.
    assert next_weekday_named(lede, "2016-04-29") == "2016-04-30"
    assert next_weekday_named("Officials said on Friday that ...", "2016-04-29") == "2016-04-29"
    assert next_weekday_named("No weekday here.", "2016-04-29") is None
    assert next_weekday_named("He said Saturday.", "2016-04") is None
