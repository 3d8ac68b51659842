"""The map of event places: an equirectangular SVG (x = lon + 180, y = 90 - lat, in a 360 x 180 box) with a
graticule, the world's countries when the outline asset is there, and a circle per place sized by its events.

The outline is `static/world.svg` (Natural Earth countries as <path id="ISO3" data-name=... d=...> in the same
360 x 180 box). Its paths are drawn inline, not as an <img>, so the countries where events happened can be
shaded and linked to their events. Without the file the map still works: graticule and points only.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

WORLD_SVG = Path(__file__).resolve().parent / "static" / "world.svg"
_SVG = "{http://www.w3.org/2000/svg}"


def project(lat: float, lon: float) -> tuple[float, float]:
    return round(lon + 180.0, 3), round(90.0 - lat, 3)


@cache
def _outline(path: Path, mtime: float) -> tuple[dict, ...]:
    # Our own asset, read with the standard parser (which fetches no external entities); cached per file version.
    root = ElementTree.parse(path).getroot()
    return tuple(
        {"id": node.get("id") or "", "name": node.get("data-name") or node.get("id") or "", "d": node.get("d")}
        for node in root.iter(f"{_SVG}path") if node.get("d")
    )


def world_outline(path: Path = WORLD_SVG) -> tuple[dict, ...]:
    """The countries' paths, or none when the asset is missing or unreadable."""
    try:
        return _outline(path, path.stat().st_mtime)
    except (OSError, ElementTree.ParseError):
        return ()


def map_view(places: list[dict], filters: dict, outline: tuple[dict, ...] | None = None) -> dict:
    """The geometry of the map: country shapes (shaded by events), graticule lines, one circle per place."""
    outline = world_outline() if outline is None else outline
    most = max((place["events"] for place in places), default=1)
    by_country: dict[str, int] = {}
    points = []
    for place in places:
        if place["lat"] is None or place["lon"] is None:
            continue
        x, y = project(place["lat"], place["lon"])
        if place["country"]:
            by_country[place["country"]] = by_country.get(place["country"], 0) + place["events"]
        key = str(place["geonameid"]) if place["geonameid"] is not None else place["name"]
        points.append({
            **place, "x": x, "y": y,
            # Area in proportion to the count, so a place with four times the events looks four times as big.
            "r": round(1.2 + 4.0 * math.sqrt(place["events"] / most), 2),
            "href": "/events?" + urlencode({**filters, "place": key}),
        })
    peak = max(by_country.values(), default=1)
    countries = []
    for country in outline:
        events = by_country.get(country["id"], 0)
        countries.append({**country, "events": events,
                          "level": 0 if not events else 1 + min(3, int(3 * events / peak)),
                          "href": "/events?" + urlencode({**filters, "country": country["id"]}) if events else None})
    # Largest first, so a small place drawn later stays clickable on top of a big one.
    points.sort(key=lambda point: -point["r"])
    return {"countries": countries, "points": points, "graticule": _graticule(), "outline": bool(outline)}


def _graticule(step: int = 30) -> str:
    meridians = " ".join(f"M{x} 0V180" for x in range(0, 361, step))
    parallels = " ".join(f"M0 {y}H360" for y in range(0, 181, step))
    return f"{meridians} {parallels}"
