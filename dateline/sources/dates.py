"""Dates as sources give them, cut to the day: YYYY-MM-DD, or None when it isn't one."""

from __future__ import annotations

import datetime
import re

_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


def iso_day(value: object) -> str | None:
    """"2024-03-05" from "2024-03-05" or "2024-03-05T10:00:00Z"; None for anything that isn't a real date."""
    match = _DAY.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return datetime.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:  # 2024-02-30
        return None
