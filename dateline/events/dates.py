"""When an event happened: a sentence's own date words ("on Saturday", "last week", "in late February", "since
2012") resolved against the article's date.

Dates come out in the article's own format: `YYYY-MM-DD` with precision "day" (or "week": the Monday of that
week), `YYYY-MM` with precision "month", `YYYY` with precision "year". News tells the past: a bare weekday or month
is the latest one on or before the article's date, unless the act is announced for the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.extract.dates import MONTHS, WEEKDAYS

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3, "couple": 2}
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
          "year": "year", "years": "year"}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?(?:,?\s+((?:19|20)\d\d))?\b")
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?,?\s+((?:19|20)\d\d)\b")
_MONTH_ALONE = re.compile(rf"\b(?:(early|mid|late|end of|beginning of|middle of)[\s-]+)?({_MONTH})\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b(?!s)")
_AGO = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|couple)"
                  r"\s+(?:of\s+)?(days?|weeks?|months?|years?)\s+(?:ago|earlier|before)\b")
_RELATIVE = re.compile(r"\b(last|this|next|past|previous|coming|recent)\s+(?:few\s+|several\s+|two\s+|three\s+)?"
                       r"(week|weekend|month|year|days|weeks|months)\b")


@dataclass(frozen=True)
class EventDate:
    value: str
    precision: str  # day, week, month, year


def parse_anchor(published: str | None) -> tuple[date | None, str | None]:
    """The article's date as a day (the first of the month or year when only those are known) and its precision."""
    if not published:
        return None, None
    parts = published.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        return date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None, None


def _day(value: date) -> EventDate:
    return EventDate(value.isoformat(), "day")


def _week(value: date) -> EventDate:
    return EventDate((value - timedelta(days=value.weekday())).isoformat(), "week")


def _month(year: int, month: int) -> EventDate:
    return EventDate(f"{year:04d}-{month:02d}", "month")


def _shift_month(anchor: date, months: int) -> tuple[int, int]:
    total = anchor.year * 12 + anchor.month - 1 + months
    return total // 12, total % 12 + 1


def resolve(text: str, anchor: date | None, *, future: bool = False) -> EventDate | None:
    """A date expression ("Saturday", "last week", "in late February", "April 29, 2016", "since 2012") as a
    date with its precision, relative to `anchor` (the article's date); None when it names no point in time
    ("five years", "a year after the war") or needs an anchor there is none of."""
    lower = " ".join(text.lower().replace("’", "'").split())
    # Absolute dates first: they need no anchor.
    if m := _MONTH_FIRST.search(lower):
        month, day_, year = MONTHS[m.group(1)], int(m.group(2)), m.group(3)
        return _dated(year, month, day_, anchor, future)
    if m := _DAY_FIRST.search(lower):
        day_, month, year = int(m.group(1)), MONTHS[m.group(2)], m.group(3)
        return _dated(year, month, day_, anchor, future)
    if m := _MONTH_YEAR.search(lower):
        return _month(int(m.group(2)), MONTHS[m.group(1)])
    if anchor is not None:
        if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", lower):
            return _day(anchor)
        if re.search(r"\byesterday\b", lower):
            return _day(anchor - timedelta(days=1))
        if re.search(r"\btomorrow\b", lower):
            return _day(anchor + timedelta(days=1))
        if m := _AGO.search(lower):
            count = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
            unit = _UNITS[m.group(2)]
            if unit == "day":
                return _day(anchor - timedelta(days=count))
            if unit == "week":
                return _week(anchor - timedelta(weeks=count))
            if unit == "month":
                return _month(*_shift_month(anchor, -count))
            return EventDate(f"{anchor.year - count:04d}", "year")
        for name in WEEKDAYS:
            if re.search(rf"\b{name}\b", lower):
                return _day(_weekday(anchor, WEEKDAYS.index(name), lower, future))
        if m := _RELATIVE.search(lower):
            return _relative(m.group(1), m.group(2), anchor)
        if m := _MONTH_ALONE.search(lower):
            month = MONTHS[m.group(2)]
            year = anchor.year
            if future and month < anchor.month:
                year += 1
            elif not future and month > anchor.month:
                year -= 1
            return _month(year, month)
    if m := _YEAR.search(lower):
        return EventDate(m.group(1), "year")
    return None


def _dated(year: str | None, month: int, day_: int, anchor: date | None, future: bool) -> EventDate | None:
    if year is None:
        if anchor is None:
            return None
        guess = anchor.year
        if future and (month, day_) < (anchor.month, anchor.day):
            guess += 1
        elif not future and (month, day_) > (anchor.month, anchor.day):
            guess -= 1
        year = str(guess)
    try:
        return _day(date(int(year), month, day_))
    except ValueError:
        return None


def _weekday(anchor: date, weekday: int, text: str, future: bool) -> date:
    """The weekday named, relative to the anchor: the latest on or before it ("said Saturday"), or the next one
    for "next Friday" and acts announced for the future."""
    back = (anchor.weekday() - weekday) % 7
    if "next" in text.split() or (future and "last" not in text.split()):
        ahead = (weekday - anchor.weekday()) % 7 or (7 if "next" in text.split() else 0)
        return anchor + timedelta(days=ahead)
    if "last" in text.split() and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _relative(which: str, unit: str, anchor: date) -> EventDate:
    step = {"last": -1, "previous": -1, "past": -1, "recent": -1, "this": 0, "next": 1, "coming": 1}[which]
    if unit in ("days", "weeks"):  # "over the past few days": the period up to the article's date
        return _week(anchor)
    if unit == "months":
        return _month(anchor.year, anchor.month)
    if unit in ("week", "weekend"):
        if which in ("past", "recent"):
            return _week(anchor)
        return _week(anchor + timedelta(weeks=step))
    if unit == "month":
        return _month(*_shift_month(anchor, 0 if which in ("past", "recent") else step))
    return EventDate(f"{anchor.year + (0 if which in ('past', 'recent') else step):04d}", "year")
