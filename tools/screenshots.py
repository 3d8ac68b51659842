"""Take the README's screenshots of the web view: docs/screenshots/{article,map,events}.png.

It builds a store with the seed article (../shared/seed, not copied here), serves it on 127.0.0.1 and photographs
three pages in headless Chromium, with the same launch and serve code as the browser tests (tests/browser.py):

    python tools/screenshots.py [--out docs/screenshots]

Needs Debian's Chromium at /usr/bin/chromium and the `playwright` package (the `test` extra); downloads nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.browser, when run as a script

from tests.browser import chromium, chromium_unavailable, new_page, site  # noqa: E402

WIDTH = 1280
# name: (path, viewport height): each page's top, as a reader first sees it.
SHOTS = {
    "article": ("/articles/{seed}", 820),
    "map": ("/events/map", 860),
    "events": ("/events", 900),
}
MAX_BYTES = 300 * 1024


def take(out: Path) -> list[Path]:
    reason = chromium_unavailable()
    if reason:
        raise SystemExit(reason)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as folder, site(Path(folder), hostile=False) as (base_url, ids), \
            chromium() as browser:
        for name, (path, height) in SHOTS.items():
            page = new_page(browser, width=WIDTH, height=height)
            page.goto(base_url + path.format(**ids))
            target = out / f"{name}.png"
            target.write_bytes(page.screenshot())
            page.context.close()
            size = target.stat().st_size
            print(f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}: {size / 1024:.0f} KiB")
            if size > MAX_BYTES:
                raise SystemExit(f"{target} is over {MAX_BYTES // 1024} KiB: make the viewport smaller")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    take(parser.parse_args(argv).out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
