"""The web view in a real browser: headless Chromium (Debian's, through Playwright) against a live server over a
store holding the seed article and a hostile one.

What a person would check: the pages load and work when clicked, the hostile article's markup shows as text and
runs nothing, and the screenshots look right (not pixel-exact golden images, fonts differ between machines: the
highlight colours are where the spans are, the map has countries and a marker where Aleppo is).
"""

from __future__ import annotations

import base64
import re
from collections import Counter
from dataclasses import dataclass, field

import pytest

from tests.browser import (HOSTILE_TEXT, HOSTILE_TITLE, HOSTILE_URL, HOSTILE_VISIBLE, SEED, chromium,
                           chromium_unavailable, new_page, site)
from tests.services import service_missing

ALEPPO = (36.2, 37.16)  # lat, lon (GeoNames 170063)
SEED_TITLE = "Russia won’t pressure Syria to halt Aleppo strikes"

# Recorded in every page before its own scripts run: a Content-Security-Policy violation is a page of ours
# trying to use something its policy forbids (or markup from an article that got through, trying to run).
WATCH_CSP = """document.addEventListener("securitypolicyviolation", (e) => {
    (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI);
});"""


@pytest.fixture(scope="session")
def browser():
    reason = chromium_unavailable()
    if reason:
        service_missing(reason)
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def server(tmp_path_factory, browser):
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (it comes with ../shared, which CI has)")
    with site(tmp_path_factory.mktemp("browser")) as (base_url, ids):
        yield base_url, ids


@dataclass
class Tab:
    """A page with everything that must not happen on it recorded: dialogs, script errors, console errors."""

    page: object
    base_url: str
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str):
        response = self.page.goto(self.base_url + path)
        assert response.status == 200, f"{path}: {response.status}"
        return self.page

    def assert_clean(self) -> None:
        assert self.page.evaluate("typeof window.__pwned") == "undefined", "a payload ran"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.page.evaluate("window.__csp || []") == [], "Content-Security-Policy violations"
        assert self.errors == [], f"console or script errors: {self.errors}"


@pytest.fixture
def tab(browser, server):
    page = new_page(browser)
    page.set_default_timeout(10_000)  # a missing element fails in seconds, not Playwright's 30
    page.add_init_script(WATCH_CSP)
    found = Tab(page, server[0])

    def on_dialog(dialog):
        found.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: found.errors.append(f"script error: {error}"))
    page.on("console", lambda message: message.type == "error"
            and found.errors.append(f"{message.text} ({message.location.get('url')})"))
    yield found
    page.context.close()


class Picture:
    """A PNG screenshot, decoded by the browser itself (no imaging library needed): the colours of its pixels."""

    def __init__(self, page, png: bytes):
        self.page = page
        self.width, self.height = page.evaluate(
            """async (b64) => {
                const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                const bitmap = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
                const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d");
                context.drawImage(bitmap, 0, 0);
                window.__picture = context.getImageData(0, 0, bitmap.width, bitmap.height);
                return [bitmap.width, bitmap.height];
            }""",
            base64.b64encode(png).decode("ascii"),
        )

    def colours(self, x: int = 0, y: int = 0, width: int | None = None, height: int | None = None) -> Counter:
        """How many pixels of each (r, g, b) in the box (the whole picture by default)."""
        width = self.width - x if width is None else width
        height = self.height - y if height is None else height
        counts = self.page.evaluate(
            """([x0, y0, w, h]) => {
                const {data, width, height} = window.__picture, counts = {};
                for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++)
                    for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
                        const i = (y * width + x) * 4, key = data[i] + "," + data[i + 1] + "," + data[i + 2];
                        counts[key] = (counts[key] || 0) + 1;
                    }
                return counts;
            }""",
            [int(x), int(y), int(width), int(height)],
        )
        return Counter({tuple(int(c) for c in key.split(",")): n for key, n in counts.items()})


def picture(tab: Tab, png: bytes) -> Picture:
    """Decode in a blank page of the same browser (the page under test keeps its state)."""
    blank = tab.page.context.new_page()
    return Picture(blank, png)


def line_boxes(span) -> list[tuple[int, int, int, int]]:
    """The boxes (x, y, width, height, in page pixels) of an inline element's lines: where a full-page screenshot
    shows it."""
    return [tuple(round(n) for n in box) for box in span.evaluate(
        """(node) => Array.from(node.getClientRects(), (r) =>
            [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height])""")]


def rgb(css: str) -> tuple[int, int, int]:
    """(r, g, b) of a computed CSS colour, "rgb(219, 233, 255)" or "rgba(...)"."""
    return tuple(int(float(n)) for n in re.findall(r"[\d.]+", css)[:3])


def near(a, b, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def share(colours: Counter, colour, tolerance: int = 6) -> float:
    """The share of pixels of about `colour`."""
    total = sum(colours.values())
    return sum(n for c, n in colours.items() if near(c, colour, tolerance)) / total if total else 0.0


# -- the hostile article ----------------------------------------------------------------------------------------

def test_hostile_article_shows_its_markup_as_text_and_runs_none_of_it(tab, server):
    page = tab.open(f"/articles/{server[1]['hostile']}")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.title().startswith(HOSTILE_TITLE[:20])
    text = page.locator("div.text").inner_text()
    assert HOSTILE_VISIBLE in text and "<script>window.__pwned=5</script>" in text
    assert text.strip() == HOSTILE_TEXT.strip()
    # The article's URL is a javascript: one: shown, never a link.
    assert HOSTILE_URL in page.locator("header p.meta").inner_text()
    hrefs = page.eval_on_selector_all("[href], [src], [action]", "(nodes) => nodes.map((n) => "
                                      "n.getAttribute('href') || n.getAttribute('src') || n.getAttribute('action'))")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")], hrefs
    # Nothing of the article became an element: the one script is ours, and there are no images or frames.
    assert page.eval_on_selector_all("script", "(nodes) => nodes.map((n) => n.getAttribute('src'))") == [
        "/static/view.js"]
    assert page.locator("img, iframe, object, embed, main svg[onload], [onerror], [onload]").count() == 0
    # Clicking through its highlights and quotes runs nothing either.
    for link in page.locator("aside a[href^='#']").all():
        link.click()
    page.locator("#show-actor").uncheck()
    tab.assert_clean()


@pytest.mark.parametrize("path", ["/", "/articles?q=Lavrov", "/events", "/actors?q=Lavrov",
                                  "/actors/person%3Asergei-lavrov", "/events/timeline"])
def test_pages_that_quote_the_hostile_article_run_none_of_it(tab, path):
    page = tab.open(path)
    if path in ("/", "/articles?q=Lavrov", "/actors/person%3Asergei-lavrov"):
        assert HOSTILE_TITLE in page.locator("main").inner_text()
    tab.assert_clean()


# -- the seed article -------------------------------------------------------------------------------------------

def test_seed_article_highlights_actors_places_quotes_and_events_at_their_spans(tab, server):
    page = tab.open(f"/articles/{server[1]['seed']}")
    assert page.locator("h1").inner_text().startswith(SEED_TITLE)
    text = page.locator("div.text")
    gatilov = text.locator(".hl-actor", has_text="Gatilov").first
    aleppo = text.locator(".hl-place", has_text="Aleppo").first
    quote = text.locator(".hl-quote", has_text="we are not going to put").first
    event = text.locator(".hl-event").first
    for span in (gatilov, aleppo, quote, event):
        span.scroll_into_view_if_needed()
        assert span.is_visible()
    assert gatilov.locator("a").first.get_attribute("href") == "/actors/person%3Agennady-gatilov"
    assert "place: Aleppo" in aleppo.get_attribute("title")

    # The screenshot: a real page (many colours, not one blank fill) ...
    shot = picture(tab, page.screenshot(full_page=True))
    colours = shot.colours()
    assert len(colours) > 50 and colours.most_common(1)[0][1] / sum(colours.values()) < 0.9
    # ... with each highlight's colour where its span is (in each line box of a span that wraps).
    for span in (gatilov, aleppo, quote):
        background = rgb(span.evaluate("(node) => getComputedStyle(node).backgroundColor"))
        assert background != (0, 0, 0) and len(set(background)) > 1, background  # a colour, not transparent
        inside = sum((shot.colours(*box) for box in line_boxes(span)), Counter())
        assert share(inside, background) > 0.4, (span.inner_text(), background, inside.most_common(3))
    outline = rgb(event.evaluate("(node) => getComputedStyle(node).outlineColor"))
    outlined = sum((shot.colours(*box) for box in line_boxes(event)), Counter())
    assert share(outlined, outline, tolerance=40) > 0.05, (outline, outlined.most_common(3))

    # A layer switched off clears its marks.
    page.locator("#show-place").uncheck()
    assert aleppo.evaluate("(node) => getComputedStyle(node).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.locator("#show-place").check()
    tab.assert_clean()


def test_search_finds_the_seed(tab):
    page = tab.open("/")
    page.locator("form.quick input[name=q]").fill("Gatilov")
    page.locator("form.quick input[name=q]").press("Enter")
    page.wait_for_url("**/articles?q=Gatilov")
    titles = page.locator("ol.results a.title").all_inner_texts()
    assert len(titles) == 1 and titles[0].startswith(SEED_TITLE)
    assert "Gatilov" in page.locator("ol.results mark").all_inner_texts()
    page.locator("ol.results a.title").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").inner_text().startswith(SEED_TITLE)

    page = tab.open("/articles")
    page.locator("form.filters input[name=q]").fill("Zanzibar")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/articles?q=Zanzibar")
    assert page.locator("ol.results li.none").inner_text() == "No article matches."
    tab.assert_clean()


def test_events_table_filters_by_type(tab):
    page = tab.open("/events")
    rows = page.locator("table.events tbody tr")
    types = Counter(t.strip() for t in page.locator("table.events tbody td.type > a").all_inner_texts())
    assert rows.count() == sum(types.values()) >= 2 and len(types) >= 2, types
    chosen = min(types, key=lambda t: (types[t], t))  # the rarest type: filtering it must drop rows

    page.locator("form.filters select[name=type]").select_option(chosen)
    page.locator("form.filters button[type=submit]").click()
    # The script leaves the empty fields out of the address.
    page.wait_for_url(f"**/events?type={chosen}")
    filtered = page.locator("table.events tbody td.type > a").all_inner_texts()
    assert [t.strip() for t in filtered] == [chosen] * types[chosen]
    assert page.locator("form.filters select[name=type]").input_value() == chosen

    page.locator("form.filters").get_by_role("link", name="clear").click()
    page.wait_for_url("**/events")
    assert page.locator("table.events tbody tr").count() == rows.count()
    tab.assert_clean()


# -- the map and the actor page ---------------------------------------------------------------------------------

def test_map_draws_the_world_and_a_marker_at_aleppo(tab):
    page = tab.open("/events/map")
    world = page.locator("svg.map")
    assert world.locator("path.country").count() >= 170
    places = world.locator("circle.place")
    names = " ".join(places.locator("title").all_text_contents())
    assert places.count() >= 1 and ("Aleppo" in names or "Geneva" in names), names

    # Where Aleppo falls on the screen, through the map's own transform (x = lon + 180, y = 90 - lat).
    lat, lon = ALEPPO
    x, y = world.evaluate(
        """(svg, [x, y]) => {
            const point = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
            const box = svg.getBoundingClientRect();
            return [point.x - box.left, point.y - box.top];
        }""",
        [lon + 180, 90 - lat],
    )
    with_markers = picture(tab, world.screenshot())
    land = rgb(world.locator("path.country:not([class*=level])").first.evaluate(
        "(node) => getComputedStyle(node).fill"))
    sea = rgb(world.locator("rect.sea").evaluate("(node) => getComputedStyle(node).fill"))
    everything = with_markers.colours()
    assert share(everything, land, 3) > 0.1 and share(everything, sea, 3) > 0.3, everything.most_common(5)

    places.evaluate_all("(nodes) => nodes.forEach((n) => { n.style.visibility = 'hidden'; })")
    without_markers = picture(tab, world.screenshot())
    marker = rgb(places.first.evaluate("(node) => getComputedStyle(node).fill"))

    def at_aleppo(shot: Picture) -> Counter:
        return shot.colours(round(x) - 1, round(y) - 1, 3, 3)

    def closeness(colours: Counter) -> float:
        return min(sum(abs(a - b) for a, b in zip(c, marker)) for c in colours)

    # A marker pixel is there with the circles drawn, and it was the marker: gone when they are hidden.
    assert closeness(at_aleppo(with_markers)) + 40 < closeness(at_aleppo(without_markers)), (
        at_aleppo(with_markers), at_aleppo(without_markers), marker)
    tab.assert_clean()


def test_actor_page_of_russias_government_shows_a_timeline(tab, server):
    page = tab.open(f"/articles/{server[1]['seed']}")
    page.locator("aside a[href='/actors/RUS-GOV']").first.click()
    page.wait_for_url("**/actors/RUS-GOV")
    assert page.locator("h1").inner_text() == "Russian government"
    items = page.locator("ol.timeline > li")
    assert items.count() >= 1 and page.locator("ol.timeline > li.none").count() == 0
    assert items.first.locator("a[href^='/articles/']").count() == 1
    assert "2016" in page.locator("ol.timeline").inner_text()
    tab.assert_clean()


def test_russias_page_rolls_up_its_government_and_the_switch_shows_russia_alone(tab):
    page = tab.open("/actors/RUS")
    assert page.locator("h1").inner_text() == "Russia"
    note = page.locator("#roll-up-note")
    assert note.inner_text().startswith("With its government, military and officials")
    assert note.locator("a[href='/actors/RUS-GOV']").count() == 1
    rolled = page.locator("ol.timeline > li").count()
    assert page.locator("ol.timeline .via a[href='/actors/RUS-GOV']").count() >= 3  # each row says who acted
    assert "Gennady Gatilov" in page.locator("ol.timeline").inner_text()
    page.locator("#exact").check()  # the switch applies at once (view.js); the button does it without script
    page.wait_for_url("**/actors/RUS?exact=1")
    assert page.locator("#roll-up-note").inner_text().startswith("Russia itself only")
    assert page.locator("#exact").is_checked()
    assert page.locator("ol.timeline > li").count() < rolled and page.locator("ol.timeline .via").count() == 0
    assert page.locator("a.json").get_attribute("href") == "/api/actors/RUS?exact=1"
    page.locator("#exact").uncheck()
    page.wait_for_url(re.compile(r"/actors/RUS\??$"))
    assert page.locator("ol.timeline > li").count() == rolled
    tab.assert_clean()


def test_the_api_reference_page_loads_nothing_from_elsewhere(tab):
    requested = []
    tab.page.on("request", lambda request: requested.append(request.url))
    page = tab.open("/")
    page.locator("header nav a", has_text="API").click()
    page.wait_for_url("**/docs")
    assert page.locator("h1").inner_text() == "The JSON API"
    assert page.locator("section.operation").count() >= 9
    events = page.locator("section.operation", has=page.locator("h2", has_text="GET /api/events")).first
    assert "exact" in events.locator("table").inner_text()
    page.locator("ul.toc a", has_text="POST /api/articles").click()
    assert page.url.endswith("#POST-/api/articles")
    assert all(url.startswith(tab.base_url) for url in requested), requested  # offline: this server only
    tab.assert_clean()
