"""Article dates from the text around the article: timestamps, wire datelines, URLs and photo captions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# Month names and their common abbreviations, to month numbers; weekdays in datetime's order (Monday = 0).
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WRITTEN_DATES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_URL_DATES = (
    (re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|\b)"), "day"),
    (re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)/"), "day"),
    (re.compile(r"/((?:19|20)\d\d)/(\d\d)/"), "month"),
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A lede's own day: "said Saturday", "on Saturday", "announced on Tuesday".
_LEDE_WEEKDAY = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|warned|on)\s+(?:on\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month, year


def _make(year: str, month: str | int, day: str | int | None) -> FoundDate | None:
    month_number = month if isinstance(month, int) else MONTHS.get(month.lower().rstrip("."), None)
    if month_number is None:
        month_number = int(month)
    try:
        if day is None:
            date(int(year), month_number, 1)
            return FoundDate(f"{int(year):04d}-{month_number:02d}", "month")
        return FoundDate(date(int(year), month_number, int(day)).isoformat(), "day")
    except ValueError:
        return None


def find_written_date(text: str) -> FoundDate | None:
    """The first full date written in a piece of text ("April 29, 2016", "29 April 2016", "2016-04-29")."""
    found = []
    for pattern in _WRITTEN_DATES:
        for match in pattern.finditer(text):
            value = _make(match["year"], match["month"], match["day"])
            if value:
                found.append((match.start(), value))
    if found:
        return min(found, key=lambda pair: pair[0])[1]
    match = _MONTH_YEAR.search(text)
    return _make(match["year"], match["month"], None) if match else None


def date_from_url(url: str | None) -> FoundDate | None:
    """News URLs often carry the publication date: /2016/04/30/, /2016-04-30-, /20160430/."""
    if not url:
        return None
    for pattern, precision in _URL_DATES:
        match = pattern.search(url)
        if match:
            found = _make(match[1], int(match[2]), match[3] if precision == "day" else None)
            if found:
                return found
    return None


def next_weekday_named(lede: str, earliest: str) -> str | None:
    """The day a lede's weekday ("said Saturday") names, given the earliest date the article can have.

    A photo caption dates the photo, and the report comes on or after it; the lede's weekday is then the first
    such weekday from that date on.
    """
    match = _LEDE_WEEKDAY.search(lede)
    if not match or len(earliest) != 10:
        return None
    start = date.fromisoformat(earliest)
    target = WEEKDAYS.index(match["weekday"].lower())
    return (start + timedelta(days=(target - start.weekday()) % 7)).isoformat()
