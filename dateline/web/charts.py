"""The timeline of events by type: counts bucketed by day, month or year, and the bars of an SVG chart.

Drawn on the server as plain SVG shapes (no chart library, no script), so the page works offline and prints.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateline.events.vocabulary import TYPES

PERIODS = {"day": 10, "month": 7, "year": 4}  # period -> length of its date prefix
MAX_BARS = 400  # more periods than this and the chart goes one period coarser
MAX_BAR_W = 48  # a bar no wider than this, centred in its slot: one period looks like a bar, not a block


def bucket_counts(rows: list[dict], period: str | None = None) -> dict:
    """rows of {date, type, events} -> events per period and type, every period from the first to the last.

    `period` None chooses the finest that keeps the chart readable. A date less precise than the period
    ("2016" on a chart by month) cannot be placed: those are counted in `imprecise`.
    """
    dated = [row for row in rows if row.get("date") and _valid(row["date"])]
    if period not in PERIODS:
        period = _auto_period([row["date"] for row in dated])
    while True:
        size = PERIODS[period]
        keys = [row["date"][:size] for row in dated if len(row["date"]) >= size]
        span = _span(min(keys), max(keys), period) if keys else []
        if len(span) <= MAX_BARS or period == "year":
            break
        period = "month" if period == "day" else "year"
    counts: dict[str, dict[str, int]] = {key: {} for key in span}
    imprecise = 0
    for row in dated:
        key = row["date"][:size]
        if len(row["date"]) < size or key not in counts:
            imprecise += row["events"]
            continue
        counts[key][row["type"]] = counts[key].get(row["type"], 0) + row["events"]
    undated = sum(row["events"] for row in rows) - sum(row["events"] for row in dated)
    return {
        "period": period,
        "periods": [{"period": key, "total": sum(types.values()), "types": types} for key, types in counts.items()],
        "imprecise": imprecise,
        "undated": undated,
    }


def _valid(day: str) -> bool:
    try:
        _parse(day)
    except ValueError:
        return False
    return True


def _parse(day: str) -> date:
    parts = [int(part) for part in day.split("-")]
    return date(parts[0], *(parts[1:] or [1]), *([1] if len(parts) < 3 else []))


def _auto_period(days: list[str]) -> str:
    precise = [d for d in days if len(d) == 10]
    if not precise:
        return "year" if not any(len(d) == 7 for d in days) else "month"
    first, last = _parse(min(precise)), _parse(max(precise))
    if (last - first).days <= 92:
        return "day"
    return "month" if (last.year - first.year) <= 10 else "year"


def _span(first: str, last: str, period: str) -> list[str]:
    if period == "year":
        return [str(year) for year in range(int(first[:4]), int(last[:4]) + 1)]
    if period == "month":
        year, month = int(first[:4]), int(first[5:7])
        end = (int(last[:4]), int(last[5:7]))
        keys = []
        while (year, month) <= end:
            keys.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return keys
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def timeline_chart(buckets: dict, width: int = 960, height: int = 260) -> dict:
    """The geometry of a stacked bar chart of the buckets: bars, their segments by type, axis ticks, a legend."""
    left, right, top, bottom = 40, 10, 10, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    periods = buckets["periods"]
    most = max((p["total"] for p in periods), default=0)
    scale = plot_h / most if most else 0
    slot = plot_w / len(periods) if periods else plot_w
    gap = min(2.0, slot * 0.2)
    bar_w = min(max(slot - gap, 0.5), MAX_BAR_W)
    present = [t for t in TYPES if any(t in p["types"] for p in periods)]
    present += sorted({t for p in periods for t in p["types"]} - set(TYPES))  # a type newer than this chart
    bars = []
    for i, bucket in enumerate(periods):
        x, y = left + i * slot + (slot - bar_w) / 2, top + plot_h
        segments = []
        for kind in present:
            n = bucket["types"].get(kind, 0)
            if n:
                h = n * scale
                y -= h
                segments.append({"type": kind, "n": n, "y": round(y, 2), "h": round(h, 2)})
        bars.append({"period": bucket["period"], "total": bucket["total"], "x": round(x, 2),
                     "w": round(bar_w, 2), "segments": segments})
    every = max(1, -(-len(periods) // 12))  # at most ~12 period labels
    ticks = [{"x": round(b["x"] + b["w"] / 2, 2), "label": b["period"]} for b in bars[::every]]
    steps = _steps(most)
    grid = [{"y": round(top + plot_h - n * scale, 2), "label": n} for n in steps]
    return {"width": width, "height": height, "left": left, "top": top, "plot_w": plot_w, "plot_h": plot_h,
            "bars": bars, "ticks": ticks, "grid": grid, "types": present, "axis_y": top + plot_h}


def _steps(most: int) -> list[int]:
    if most <= 0:
        return [0]
    step = 1
    while most / step > 5:
        step = step * 5 // 2 if str(step).startswith("2") else step * 2
    return list(range(0, most + 1, step))
