"""Headless Chromium for the web view: the one place that launches it, builds the store it shows and serves it.

Used by tests/test_browser.py and tools/screenshots.py. Playwright drives Debian's Chromium (/usr/bin/chromium)
and never downloads a browser of its own; the store holds the seed article and a hostile one, whose text is
full of markup and script that the pages must show as text and never run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "presstv-aleppo-2016.txt"
CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (we run as root in a container), no GPU, and nothing that talks to the network by itself.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Every payload sets window.__pwned (and the ones that can, open a dialog): a page that ran any of them shows it.
HOSTILE_TITLE = 'Talks <script>window.__pwned=1</script> resume "><svg onload="window.__pwned=2">'
HOSTILE_TEXT = """The United Nations said on Monday that <img src=x onerror="window.__pwned=3;alert(3)"> talks \
in Geneva would resume next week.

"We will not accept "><svg onload="window.__pwned=4;alert(4)"> any delay," said Sergei Lavrov, Russia's foreign \
minister.

The <script>window.__pwned=5</script> Syrian army shelled Aleppo on Sunday, the monitor said.

Details at javascript:window.__pwned=6 and <a href="javascript:window.__pwned=7;alert(7)">this link</a>; \
'><iframe src="javascript:window.__pwned=8"></iframe>.
"""
HOSTILE_URL = "javascript:window.__pwned=9;alert(9)"
# A piece of the hostile text that must be on its page as visible text.
HOSTILE_VISIBLE = '<img src=x onerror="window.__pwned=3;alert(3)">'


def chromium_unavailable() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    if not CHROMIUM.exists():
        return f"Chromium is not at {CHROMIUM} (scripts/test-services installs Debian's chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


@contextmanager
def chromium() -> Iterator:
    """A headless Chromium (Playwright's Browser), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, *, width: int = 1280, height: int = 900):
    """A page in a fresh context, one CSS pixel to one screenshot pixel, so boxes and pixels line up."""
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                  reduced_motion="reduce", color_scheme="light")
    return context.new_page()


@contextmanager
def site(folder: Path, *, hostile: bool = True) -> Iterator[tuple[str, dict[str, int]]]:
    """The web view of a fresh store in `folder` (see `build_store`), served on 127.0.0.1 by
    tests/live_server.py; yields the base URL and the article ids."""
    from tests.live_server import live_server

    path = folder / "browser.db"
    ids = build_store(path, hostile=hostile)
    with live_server(path) as base_url:
        yield base_url, ids


def build_store(path: Path, *, hostile: bool = True) -> dict[str, int]:
    """A store at `path` with the seed article (ingested from its file, as `dateline ingest` would) and, unless
    told not to, the hostile one (analysed, its title and URL made hostile too, then put); their ids by name."""
    from dateline.ingest import ingest
    from dateline.pipeline import analyze
    from dateline.store import open_store

    ids = {}
    with open_store(path) as store:
        report = ingest([str(SEED)], store)
        assert report.stored == 1, f"the seed article was not stored: {report}"
        if hostile:
            article = analyze(HOSTILE_TEXT, kind="plain", url=HOSTILE_URL, date="2016-05-02", input="hostile.txt")
            assert not article.error, article.error
            article.title = HOSTILE_TITLE
            _, ids["hostile"] = store.put(article)
        ids["seed"] = store.search("Gatilov")[0]["article_id"]
    return ids
