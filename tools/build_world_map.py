"""Build dateline/web/static/world.svg, the offline world map of the web view, from Natural Earth.

What it reads: Natural Earth's 1:110m admin-0 countries (public domain, version 5.1.1) as the geopandas project
ships them in its 0.14.4 wheel, `geopandas/datasets/naturalearth_lowres/naturalearth_lowres.{shp,shx,dbf}`
(177 countries; geopandas assigns Crimea to Ukraine). The shapefile is read straight out of the wheel with the
pure-Python `pyshp`; neither package is a dependency of dateline, so run this in a throwaway environment:

    python3.11 -m venv /tmp/wm && /tmp/wm/bin/pip install pyshp
    /tmp/wm/bin/pip download --no-deps -d /tmp/wm geopandas==0.14.4
    /tmp/wm/bin/python tools/build_world_map.py /tmp/wm/geopandas-0.14.4-py3-none-any.whl

What it writes: an equirectangular SVG, viewBox `0 0 360 180` with x = lon + 180 and y = 90 - lat (so a place is
drawn with the same two sums), one `<path>` per country with `id` and `data-iso3` (ISO 3166 alpha-3) and
`data-name`, coordinates rounded to 0.1 degree, and no fill or stroke, which the page's CSS gives.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

OUT = Path(__file__).resolve().parents[1] / "dateline" / "web" / "static" / "world.svg"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
# Natural Earth leaves Kosovo without an ISO code ("-99"); XK/XKX is the code the EU and the IMF use.
ISO3_OVERRIDES = {"Kosovo": "XKX"}
# Rings smaller than this (square degrees) are dropped: at 0.1 degree they are specks, not shapes.
MIN_RING_AREA = 0.05


def read_countries(wheel: Path):
    """(name, iso3, rings) per country, each ring a list of (lon, lat), from the shapefile inside the wheel."""
    import shapefile  # pyshp, in the throwaway environment only

    with zipfile.ZipFile(wheel) as archive:
        parts = {ext: io.BytesIO(archive.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
        encoding = archive.read(f"{MEMBER}.cpg").decode("ascii").strip()  # the .dbf's code page
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding=encoding)
    for item in reader.iterShapeRecords():
        name = item.record["name"]
        iso3 = ISO3_OVERRIDES.get(name, item.record["iso_a3"])
        shape = item.shape
        starts = list(shape.parts) + [len(shape.points)]
        rings = [shape.points[a:b] for a, b in zip(starts, starts[1:])]
        yield name, iso3, rings


def ring_area(points) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))) / 2


def fmt(value: int) -> str:
    """A coordinate in tenths of a degree as the shortest SVG number: 5 -> .5, -15 -> -1.5, 30 -> 3."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    if tenth == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def ring_path(points) -> str:
    """One closed subpath: an absolute move, then relative lines in tenths of a degree, repeats dropped."""
    grid = []
    for lon, lat in points:
        cell = (round((lon + 180) * 10), round((90 - lat) * 10))
        if not grid or cell != grid[-1]:
            grid.append(cell)
    if len(grid) > 1 and grid[0] == grid[-1]:
        grid.pop()  # "z" closes the ring
    if len(grid) < 3:
        return ""
    numbers = []
    for (x0, y0), (x1, y1) in zip(grid, grid[1:]):
        numbers += [fmt(x1 - x0), fmt(y1 - y0)]
    return f"M{fmt(grid[0][0])} {fmt(grid[0][1])}l{join_numbers(numbers)}z"


def join_numbers(numbers: list[str]) -> str:
    """An SVG number list, minified: a minus sign separates numbers by itself."""
    return numbers[0] + "".join(number if number.startswith("-") else " " + number for number in numbers[1:])


def build(wheel: Path) -> str:
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" id="world">',
        "<!-- Natural Earth 1:110m admin-0 countries, v5.1.1, public domain (naturalearthdata.com), as shipped in"
        " geopandas 0.14.4; built by tools/build_world_map.py. Equirectangular: x = lon + 180, y = 90 - lat. -->",
    ]
    for name, iso3, rings in sorted(read_countries(wheel), key=lambda country: country[1]):
        big = [ring for ring in rings if ring_area(ring) >= MIN_RING_AREA] or [max(rings, key=ring_area)]
        d = "".join(ring_path(ring) for ring in big)
        if d:
            lines.append(f'<path id="{iso3}" data-iso3="{iso3}" data-name={quoteattr(name)} d="{d}"/>')
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheel", type=Path, help="geopandas-0.14.4-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    svg = build(args.wheel)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(svg, encoding="utf-8")
    print(f"{args.out}: {svg.count('<path')} countries, {len(svg.encode()) / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
