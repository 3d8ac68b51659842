"""`dateline serve` end to end: a live uvicorn server on 127.0.0.1 over a store holding the seed article and a few
gold pages, asked with httpx, as a client would."""

import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from dateline.ingest import ingest
from dateline.store import open_store
from tests.conftest import REPO, SHARED
from tests.live_server import live_server

KEY = "test-key-3f9a"
HOSTILE_TEXT = ('Talks resume <script>alert("x")</script> in Geneva, the United Nations said on Monday. '
                '<img src=x onerror="alert(1)"> The Syrian army shelled Aleppo on Sunday, the monitor said.')


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, seed_text, benchmarks):
    pages = sorted((benchmarks / "article-extraction" / "html").glob("*.html.gz"))[:5]
    path = tmp_path_factory.mktemp("serve") / "news.db"
    with open_store(path) as store:
        report = ingest([str(SHARED / "seed" / "presstv-aleppo-2016.txt"), *map(str, pages)], store)
    assert report.failed == 0 and report.stored == 6, report
    return path


@pytest.fixture(scope="module")
def server(store_path):
    with live_server(store_path, api_key=KEY) as base_url:
        with httpx.Client(base_url=base_url, timeout=60) as client:
            yield client


@pytest.fixture(scope="module")
def seed_id(server):
    return server.get("/api/articles", params={"q": "Gatilov"}).json()["rows"][0]["article_id"]


def test_search_finds_the_seed_by_aleppo_and_filters_by_outlet_and_date(server):
    found = server.get("/api/articles", params={"q": "Aleppo", "outlet": "Press TV"}).json()
    assert found["total"] == 1
    seed = found["rows"][0]
    assert seed["title"].startswith("Russia won’t pressure Syria to halt Aleppo strikes")
    assert seed["outlet"] == "Press TV" and seed["published"] == "2016-04-30"
    assert seed["events"] >= 5 and "[Aleppo]" in seed["snippet"]
    by_outlet = server.get("/api/articles", params={"outlet": "presstv.ir", "from": "2016-01-01", "to": "2016-12-31"})
    assert [r["article_id"] for r in by_outlet.json()["rows"]] == [seed["article_id"]]
    assert server.get("/api/articles", params={"q": "Aleppo", "from": "2019-01-01"}).json()["total"] == 0
    everything = server.get("/api/articles", params={"limit": 2}).json()
    assert everything["total"] >= 6 and len(everything["rows"]) == 2 and "offset=2" in everything["next"]

    page = server.get("/articles", params={"q": "Aleppo"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert f'href="/articles/{seed["article_id"]}"' in page.text and "<mark>Aleppo</mark>" in page.text
    assert 'href="/api/articles?q=Aleppo"' in page.text  # the page's JSON twin


def test_events_filter_by_type_actor_country_place_and_date_range(server):
    assault = server.get("/api/events", params={"type": "ASSAULT"}).json()
    assert assault["total"] >= 3 and {e["type"] for e in assault["rows"]} == {"ASSAULT"}

    russia = server.get("/api/events", params={"actor": "RUS-GOV"}).json()["rows"]
    assert all("RUS-GOV" in {p["id"] for p in e["source"] + e["target"]} for e in russia)
    reject = next(e for e in russia if e["type"] == "REJECT")
    assert reject["source"][0] == {"id": "RUS-GOV", "name": "Russian government", "kind": "government",
                                   "country": "RUS", "sector": "GOV"}
    assert [p["id"] for p in reject["target"]] == ["SYR-GOV"]
    assert reject["sentence"].startswith("Moscow will not seek a halt to Syrian airstrikes")
    assert {e["article_published"][:4] for e in russia} == {"2016", "2019"}  # the seed and a sports page

    april = server.get("/api/events", params={"actor": "RUS-GOV", "from": "2016-04-01", "to": "2016-04-30"}).json()
    assert april["total"] >= 3 and all("2016-04-01" <= e["date"] <= "2016-04-30" for e in april["rows"])
    assert april["total"] < len(russia)

    syria = server.get("/api/events", params={"country": "SYR"}).json()["rows"]
    assert syria and {e["place_country"] for e in syria} == {"SYR"}
    aleppo = server.get("/api/events", params={"place": "aleppo", "type": "SUPPORT"}).json()["rows"]
    assert aleppo and all(e["place"] == "Aleppo" and e["type"] == "SUPPORT" for e in aleppo)

    assert server.get("/api/events", params={"from": "April"}).status_code == 422
    page = server.get("/events", params={"actor": "RUS-GOV", "type": "REJECT"})
    assert page.status_code == 200 and 'Moscow will not <b class="trigger">seek</b> a halt' in page.text
    assert '<option value="REJECT" selected>' in page.text


def test_actor_page_lists_its_events_and_quotes_over_time(server):
    actor = server.get("/api/actors/RUS-GOV").json()
    assert actor["name"] == "Russian government" and actor["country"] == "RUS" and actor["articles"] == 2
    assert {"REJECT", "SANCTION"} <= {e["type"] for e in actor["events"]["rows"]}
    # Gatilov, Russia's deputy foreign minister, speaks for the government: his quotes are on its page.
    quotes = actor["quotes"]["rows"]
    assert any(q["text"].startswith("“No, we are not going to put pressure on (Damascus)") for q in quotes)
    assert {q["speaker_name"] for q in quotes} == {"Gennady Gatilov"}
    dates = [item["date"] for item in actor["timeline"]]
    assert dates == sorted(dates, reverse=True) and {item["what"] for item in actor["timeline"]} == {"event", "quote"}

    page = server.get("/actors/RUS-GOV")
    assert page.status_code == 200
    assert "<h1>Russian government</h1>" in page.text and "Gennady Gatilov" in page.text
    assert "No, we are not going to put pressure on (Damascus)" in page.text and '<rect class="t-REJECT"' in page.text

    listed = server.get("/api/actors", params={"q": "russia"}).json()["rows"]
    assert "RUS-GOV" in {a["id"] for a in listed}
    assert server.get("/api/actors/XYZ-NOBODY").status_code == 404
    assert server.get("/actors/XYZ-NOBODY").status_code == 404


def test_a_states_page_includes_its_government_military_and_officials_unless_exact(server):
    # The seed files Russia's doings under its government (Moscow, RUS-GOV) and its deputy foreign minister.
    russia = server.get("/api/actors/RUS").json()
    assert russia["kind"] == "state" and russia["roll_up"] == "state" and russia["exact"] is False
    members = {m["id"] for m in russia["members"]}
    assert {"RUS-GOV", "person:gennady-gatilov"} <= members and "RUS" not in members
    assert not any(m["id"].startswith("SYR") for m in russia["members"])
    events = russia["events"]["rows"]
    assert {"REJECT", "SUPPORT", "SANCTION"} <= {e["type"] for e in events}
    reject = next(e for e in events if e["type"] == "REJECT" and e["sentence"].startswith("Moscow will not seek"))
    assert (reject["role"], [p["id"] for p in reject["via"]]) == ("source", ["RUS-GOV"])
    assert all(p["id"] in members | {"RUS"} for e in events for p in e["via"]) and all(e["via"] for e in events)
    assert {q["speaker_name"] for q in russia["quotes"]["rows"]} >= {"Gennady Gatilov"}
    listed = server.get("/api/events", params={"actor": "RUS", "limit": 500}).json()
    assert listed["total"] == russia["events"]["total"] and listed["filters"] == {"actor": "RUS"}

    alone = server.get("/api/actors/RUS", params={"exact": 1}).json()
    assert alone["exact"] is True and alone["members"] == []
    assert alone["events"]["total"] < russia["events"]["total"] and alone["quotes"]["total"] == 0
    assert all(any(p["id"] == "RUS" for p in e["source"] + e["target"]) for e in alone["events"]["rows"])
    exact = server.get("/api/events", params={"actor": "RUS", "exact": "1"}).json()
    assert exact["total"] == alone["events"]["total"] and exact["filters"] == {"actor": "RUS", "exact": True}
    # Syria's page: its government's and army's events, not its rebels' or its opposition's.
    syria = server.get("/api/actors/SYR").json()
    assert {"SYR-GOV"} <= {m["id"] for m in syria["members"]}
    assert not {"SYR-REB", "HNC"} & {m["id"] for m in syria["members"]}

    page = server.get("/actors/RUS").text
    assert "With its government, military and officials" in page
    assert '<input type="checkbox" name="exact" value="1" id="exact">' in page
    assert 'as source: <a href="/actors/RUS-GOV" title="RUS-GOV">Russian government</a>' in page
    assert 'href="/events?actor=RUS"' in page and "Gennady Gatilov" in page
    page = server.get("/actors/RUS", params={"exact": 1}).text
    assert "Russia itself only" in page and 'id="exact" checked>' in page
    assert 'href="/events?actor=RUS&amp;exact=1"' in page and 'href="/api/actors/RUS?exact=1"' in page
    assert "Gennady Gatilov" not in page and 'class="via"' not in page
    table = server.get("/events", params={"actor": "RUS", "exact": 1}).text
    assert 'href="/events/map?actor=RUS&amp;exact=1"' in table
    assert '<input type="checkbox" name="exact" value="1" checked>' in table
    assert '<input type="checkbox" name="exact" value="1">' in server.get("/events", params={"actor": "RUS"}).text


def test_article_page_highlights_actors_quotes_places_and_events_at_their_spans(server, seed_id):
    article = server.get(f"/api/articles/{seed_id}").json()
    assert article["article_id"] == seed_id and article["schema"] == "dateline/1"
    page = server.get(f"/articles/{seed_id}").text
    # "Moscow" (the first word) is a mention of the Russian government inside Gatilov's first, indirect quote.
    assert ('<span class="hl-actor hl-quote" title="actor: Russian government (name)\nindirect quote by Gennady '
            'Gatilov"><a href="/actors/RUS-GOV">Moscow</a></span>') in page
    assert '<span class="hl-quote hl-event"' in page and ">seek</span>" in page
    assert 'class="hl-place"' in page and ">Aleppo</span>" in page
    assert 'id="event-0"' in page and 'href="#event-0"' in page


def test_map_and_timeline_of_events(server):
    places = server.get("/api/events/map", params={"actor": "RUS-GOV"}).json()
    aleppo = next(p for p in places["places"] if p["name"] == "Aleppo")
    assert aleppo["country"] == "SYR" and round(aleppo["lat"]) == 36 and aleppo["events"] >= 3
    page = server.get("/events/map", params={"actor": "RUS-GOV"}).text
    assert '<svg class="map" viewBox="0 0 360 180"' in page and 'cx="217.161" cy="53.799"' in page
    assert 'class="country level-' in page  # Syria shaded, from the offline world outline

    timeline = server.get("/api/events/timeline", params={"from": "2016-04-01", "to": "2016-04-30"}).json()
    assert timeline["period"] == "day"
    day = next(p for p in timeline["periods"] if p["period"] == "2016-04-30")
    assert day["types"]["REJECT"] >= 1 and day["total"] == sum(day["types"].values())
    chart = server.get("/events/timeline", params={"period": "month"}).text
    assert '<svg class="chart"' in chart and '<rect class="t-ASSAULT"' in chart and "By month" in chart


def test_analyze_needs_the_api_key(server):
    body = {"text": "Russia's foreign minister said on Monday that Moscow would not pressure Damascus.",
            "kind": "plain", "date": "2016-05-02"}
    assert server.post("/api/analyze", json=body).status_code == 401
    assert server.post("/api/analyze", json=body, headers={"X-API-Key": "wrong"}).status_code == 401
    answer = server.post("/api/analyze", json=body, headers={"X-API-Key": KEY})
    assert answer.status_code == 200, answer.text
    article = answer.json()
    assert article["schema"] == "dateline/1" and article["text"] == body["text"]
    assert "RUS-GOV" in {a["id"] for a in article["actors"]}
    bearer = server.post("/api/analyze", json=body, headers={"Authorization": f"Bearer {KEY}"})
    assert bearer.status_code == 200
    both = server.post("/api/analyze", json={"text": "a", "html": "b"}, headers={"X-API-Key": KEY})
    assert both.status_code == 422


def test_a_body_over_the_size_limit_is_refused_with_413(server):
    big = json.dumps({"text": "x" * (5 * 1024 * 1024 + 1)})
    answer = server.post("/api/analyze", content=big, headers={"X-API-Key": KEY, "Content-Type": "application/json"})
    assert answer.status_code == 413

    def chunks():  # no Content-Length: the size is only known while reading
        for _ in range(6):
            yield b"x" * (1024 * 1024)

    chunked = server.post("/api/articles", content=chunks(), headers={"X-API-Key": KEY,
                                                                      "Content-Type": "application/json"})
    assert chunked.status_code == 413


def test_openapi_lists_the_routes_and_the_docs_are_served(server):
    spec = server.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api", "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/map",
                 "/api/events/timeline", "/api/actors", "/api/actors/{actor_id}", "/api/analyze"):
        assert path in paths, path
    assert {"get", "post"} <= set(paths["/api/articles"])
    assert "X-API-Key" in json.dumps(spec["components"]["securitySchemes"])
    assert not any(p.startswith("/events") for p in paths)  # the HTML pages stay out of the API's description
    assert "/docs" not in paths

    # The reference page is the web view's own, under its one policy: nothing from a CDN, no inline script.
    docs = server.get("/docs")
    assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
    assert docs.headers["content-security-policy"] == server.get("/events").headers["content-security-policy"]
    assert "'unsafe-inline'" not in docs.headers["content-security-policy"]
    assert "cdn" not in docs.text and "swagger" not in docs.text.lower() and docs.text.count("<script") == 1
    operations = sum(len(methods) for methods in paths.values())
    assert docs.text.count('<section class="operation"') == operations
    assert '<h2><code>POST /api/articles</code> <span class="key">key</span></h2>' in docs.text
    assert "<h2><code>GET /api/events</code></h2>" in docs.text
    assert "<td><code>exact</code></td>" in docs.text and "a PLOVER event type: ASSAULT, REQUEST" in docs.text
    assert "one of auto, html, text, plain" in docs.text  # the body of POST /api/analyze
    assert 'href="/openapi.json" class="json"' in docs.text  # its JSON twin
    assert server.get("/redoc").status_code == 404


def test_a_hostile_article_comes_back_escaped(server):
    body = {"text": HOSTILE_TEXT, "kind": "plain", "url": "javascript:alert(9)", "date": "2016-05-02",
            "input": "hostile.txt"}
    assert server.post("/api/articles", json=body).status_code == 401
    stored = server.post("/api/articles", json=body, headers={"X-API-Key": KEY})
    assert stored.status_code == 201, stored.text
    article_id = stored.json()["article_id"]
    again = server.post("/api/articles", json=body, headers={"X-API-Key": KEY})
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"

    page = server.get(f"/articles/{article_id}")
    assert page.status_code == 200
    html = page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html and "&lt;img src=x onerror=" in html
    assert "<script>alert" not in html and "<img" not in html
    assert 'href="javascript:' not in html and "javascript:alert(9)" in html  # shown, never a link
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert "script-src 'self';" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    for path in ("/events?place=Aleppo", "/articles?q=Geneva", "/events/map", "/"):
        text = server.get(path).text
        assert "<script>alert" not in text and "<img" not in text, path
    # Only the static script runs on the pages: no inline script anywhere.
    assert html.count("<script") == 1 and '<script src="/static/view.js" defer></script>' in html


def test_read_only_and_keyless_servers_refuse_writes(store_path):
    body = {"text": "The army shelled the town.", "kind": "plain"}
    with live_server(store_path, api_key=KEY, read_only=True) as base_url:
        answer = httpx.post(base_url + "/api/articles", json=body, headers={"X-API-Key": KEY}, timeout=60)
        assert answer.status_code == 403 and "read-only" in answer.json()["detail"]
        assert httpx.get(base_url + "/api/articles", params={"q": "Gatilov"}).json()["total"] == 1
    with live_server(store_path) as base_url:
        for path in ("/api/analyze", "/api/articles"):
            answer = httpx.post(base_url + path, json=body, headers={"X-API-Key": KEY}, timeout=60)
            assert answer.status_code == 403 and "--api-key" in answer.json()["detail"]


def test_dateline_serve_listens_on_localhost(store_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DATELINE_API_KEY": KEY}
    command = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(store_path), "--port", str(port),
               "--read-only"]
    process = subprocess.Popen(command, cwd=REPO, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read()
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api")
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline, "dateline serve did not answer in 60 s"
                time.sleep(0.1)
        assert answer.status_code == 200 and answer.json()["counts"]["articles"] >= 6
    finally:
        process.terminate()
        process.wait(10)
    assert f"at http://127.0.0.1:{port}/" in process.stderr.read()


def test_the_api_and_pages_over_a_postgresql_store(request, seed_text):
    try:
        target = request.getfixturevalue("postgres_url")  # a fresh schema on the test server (conftest)
    except pytest.FixtureLookupError:
        pytest.skip("no PostgreSQL fixture in this checkout")
    with open_store(target) as store:
        report = ingest([str(SHARED / "seed" / "presstv-aleppo-2016.txt")], store)
    assert report.stored == 1, report
    with live_server(target, api_key=KEY) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        found = client.get("/api/articles", params={"q": "Aleppo", "from": "2016-04-01"}).json()["rows"]
        assert [row["outlet"] for row in found] == ["Press TV"]
        article_id = found[0]["article_id"]
        april = client.get("/api/events", params={"actor": "RUS-GOV", "to": "2016-04-30"}).json()["rows"]
        reject = next(e for e in april if e["type"] == "REJECT")
        assert reject["source"][0]["name"] == "Russian government"
        assert reject["sentence"].startswith("Moscow will not seek a halt")
        actor = client.get("/api/actors/RUS-GOV").json()
        assert actor["quotes"]["total"] >= 3 and actor["events"]["total"] >= 3
        assert any(p["name"] == "Aleppo" for p in client.get("/api/events/map").json()["places"])
        assert client.get("/api/events/timeline").json()["period"] == "day"
        page = client.get(f"/articles/{article_id}").text
        assert '<a href="/actors/RUS-GOV">Moscow</a>' in page
        stored = client.post("/api/articles", json={"text": HOSTILE_TEXT, "kind": "plain"}, headers={"X-API-Key": KEY})
        assert stored.status_code == 201, stored.text
        hostile = client.get(f"/articles/{stored.json()['article_id']}").text
        assert "&lt;script&gt;" in hostile and "<script>alert" not in hostile
