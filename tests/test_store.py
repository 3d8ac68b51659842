"""The store: idempotent writes, new versions at the same URL, search, errors, and migrating older databases;
each on SQLite and on PostgreSQL (`store_target`, tests/conftest.py)."""

import json
import multiprocessing
import sqlite3

import pytest

from dateline.article import Article
from dateline.store import Outcome, StoreError, open_store
from dateline.store.migrations import LATEST, MIGRATIONS, POSTGRES, SQLITE, migrate
from dateline.store.records import ARTICLE_COLUMNS, ITEM_TABLES, OUTLET_COLUMNS

OUTLET = {"name": "Example Wire", "domain": "example.org", "country": "GBR", "ownership": "private",
          "state_affiliated": False, "domains": ["example.org"], "kind": "agency", "evidence": "url"}


def article(text="Delegations met in Geneva on Tuesday to discuss a prisoner exchange.", *, url="https://example.org/a",
            input="a.html", title="Talks in Geneva", **fields) -> Article:
    fields.setdefault("actors", [{"id": "YEM-GOV", "name": "Yemeni government", "kind": "government",
                                  "country": "YEM", "sector": "GOV", "role": "government", "aliases": [],
                                  "wikidata": None, "mentions": 1}])
    fields.setdefault("entities", [{"start": 20, "end": 26, "text": "Geneva", "label": "GPE", "actor": None}])
    return Article(input=input, text=text, url=url, title=title, outlet=OUTLET, published="2025-03-04",
                   language="en", warnings=["a warning"], **fields)


@pytest.fixture
def store(store_target):
    with open_store(store_target) as store:
        yield store


def connect(target: str):
    """A connection to the store's database beside the store, reading `?` as the store's does (autocommit)."""
    if target.startswith("postgresql://"):
        import psycopg

        from dateline.store.postgres import _Connection
        return _Connection(psycopg.connect(target, autocommit=True)), POSTGRES
    return sqlite3.connect(target, isolation_level=None), SQLITE


def is_postgres(store) -> bool:
    return store.location.startswith("postgresql://")


def test_a_new_article_is_stored_with_its_items(store):
    outcome, article_id = store.put(article(), source_hash="h1")
    assert outcome is Outcome.STORED
    stored = store.article(article_id)
    assert stored == article().to_dict()
    assert store.count("articles") == store.count("actors") == store.count("entities") == store.count("outlets") == 1
    assert store.count("quotes") == store.count("places") == store.count("events") == 0
    row = next(store.rows("articles"))
    assert (row["url"], row["title"], row["outlet"], row["outlet_country"], row["warnings"]) == (
        "https://example.org/a", "Talks in Geneva", "Example Wire", "GBR", ["a warning"])
    assert len(row["content_hash"]) == 64
    assert store.has_source("a.html", "h1") and not store.has_source("a.html", "h2")


def test_reingesting_the_same_article_changes_nothing(store, tmp_path):
    first = store.put(article(), source_hash="h1")
    before = list(store.rows("articles"))
    # Same content by another input and URL (a mirror, a wire copy): noted as a source, nothing rewritten.
    assert store.put(article(input="mirror.html", url="https://mirror.example.net/a"), source_hash="h9") == (
        Outcome.UNCHANGED, first[1])
    assert store.put(article(), source_hash="h1") == (Outcome.UNCHANGED, first[1])
    assert store.lookup(article()) == (Outcome.UNCHANGED, first[1])
    assert list(store.rows("articles")) == before
    assert store.count("articles") == 1 and store.count("actors") == 1
    assert store.has_source("mirror.html", "h9")


def test_a_new_version_at_the_same_url_replaces_the_old_in_place(store):
    _, article_id = store.put(article(), source_hash="h1")
    newer = article("Delegations met in Geneva again on Wednesday and agreed on a prisoner exchange.", events=[
        {"type": "AGREE", "source": ["YEM-GOV"], "target": [], "cameo": "057"}])
    assert store.lookup(newer) == (Outcome.REPLACED, article_id)
    assert store.put(newer, source_hash="h2") == (Outcome.REPLACED, article_id)
    assert store.count("articles") == 1 and store.count("events") == 1 and store.count("actors") == 1
    assert store.article(article_id)["text"] == newer.text
    assert [hit["article_id"] for hit in store.search("agreed")] == [article_id]
    assert store.search("Tuesday") == []  # the old text is out of the index


def test_search_finds_articles_by_words_of_their_text_or_title(store):
    _, geneva = store.put(article())
    _, aden = store.put(article("Fighting resumed around Aden's port, residents said.", url="https://example.org/b",
                                title="Clashes in Aden"))
    assert [hit["article_id"] for hit in store.search("prisoner exchange")] == [geneva]
    hit = store.search("residents")[0]
    assert (hit["article_id"], hit["title"], hit["published"]) == (aden, "Clashes in Aden", "2025-03-04")
    assert "[residents]" in hit["snippet"]
    assert [hit["article_id"] for hit in store.search("clashes")] == [aden]  # the title, any case
    assert store.search("geneva aden") == []  # every word must be there
    # Words, not FTS5 syntax: quotes, operators and stray punctuation don't break the query.
    assert store.search('"prisoner" AND (NEAR* ^') == [] and store.search("!!!") == []


def test_search_finds_words_with_or_without_their_accents_and_shows_them_as_written(store):
    _, sao = store.put(article("Thousands marched in São Paulo [Brazil] on Sunday, organisers said.",
                               url="https://example.org/sp", title="Protest in São Paulo"))
    _, bogota = store.put(article("Talks in Bogota resumed; Zürich hosted the last round.",
                                  url="https://example.org/bo", title="Talks in Bogotá"))
    for query in ("Sao Paulo", "são paulo", "SAO PAULO", "São Paulo"):
        [hit] = store.search(query)
        assert hit["article_id"] == sao, query
        # The snippet is the text as written, the words found marked, accents and brackets of the text kept.
        assert "in [São] [Paulo] [Brazil] on" in hit["snippet"], (query, hit["snippet"])
        assert hit["title"] == "Protest in São Paulo"
    assert [hit["article_id"] for hit in store.search("Bogotá")] == [bogota]  # the accent only in the title
    assert [hit["article_id"] for hit in store.search("bogota")] == [bogota]
    assert "[Zürich]" in store.search("zurich")[0]["snippet"]
    assert store.search("Paulo Zurich") == []


def test_errors_keep_one_row_per_input_and_clear_when_it_succeeds(store):
    store.record_error("a.html", "no such file: a.html")
    store.record_error("a.html", "no such file: a.html")
    store.record_error("b.html", "not text")
    rows = {row["input"]: row for row in store.rows("errors")}
    assert rows["a.html"]["attempts"] == 2 and rows["b.html"]["message"] == "not text"
    store.put(article(input="a.html"))
    assert [row["input"] for row in store.rows("errors")] == ["b.html"]


def test_a_failed_article_is_refused(store):
    with pytest.raises(ValueError, match="record_error"):
        store.put(Article(input="x", error="no such file"))


def test_items_keep_every_field_as_json_and_their_columns(store):
    quote = {"start": 0, "end": 10, "text": "We agreed", "kind": "direct", "cue": {"start": 11, "end": 15,
             "text": "said"}, "speaker": {"start": 16, "end": 20, "text": "Ali", "actor": "P1"}, "extra": [1, 2]}
    place = {"start": 20, "end": 26, "text": "Geneva", "name": "Geneva", "geonameid": "2660646", "lat": 46.2,
             "lon": 6.14, "country": "CHE", "feature": "PPLA"}
    _, article_id = store.put(article(quotes=[quote], places=[place]))
    [q] = store.rows("quotes")
    assert (q["article_id"], q["idx"], q["cue_text"], q["speaker_actor"], q["span_end"]) == (article_id, 0, "said",
                                                                                              "P1", 10)
    [p] = store.rows("places")
    assert (p["geonameid"], p["lat"], p["country"]) == (2660646, 46.2, "CHE")  # the id's string read as a number
    assert store.article(article_id)["quotes"] == [quote]  # the extra field is kept in the article's JSON


def test_the_declared_columns_are_the_tables_columns(store):
    if is_postgres(store):
        sql = ("SELECT column_name AS name, data_type AS type FROM information_schema.columns "
               "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")
    else:
        sql = "SELECT name, type FROM pragma_table_info(?)"
    names = lambda table: [row["name"] for row in store.query(sql, (table,))]  # noqa: E731
    for table, columns in ITEM_TABLES.items():
        assert names(table) == ["id", "article_id", "idx", *(c.name for c in columns), "data"]
    assert {c.name for c in ARTICLE_COLUMNS} <= set(names("articles"))
    assert {c.name for c in OUTLET_COLUMNS} <= set(names("outlets"))
    types = {row["name"]: row["type"].lower() for row in store.query(sql, ("places",))}
    if is_postgres(store):  # SQLite's 64-bit integers and 8-byte reals; JSON as text, as in SQLite
        assert (types["id"], types["geonameid"], types["lat"], types["data"]) == ("bigint", "bigint",
                                                                                  "double precision", "text")
        [identity] = store.query("SELECT is_identity FROM information_schema.columns WHERE table_schema = "
                                 "current_schema() AND table_name = 'articles' AND column_name = 'id'")
        assert identity == {"is_identity": "YES"}
    else:
        assert (types["id"], types["geonameid"], types["lat"], types["data"]) == ("integer", "integer", "real",
                                                                                  "text")
        assert store.query("PRAGMA journal_mode") == [{"journal_mode": "wal"}]


def _write_batch(target: str, texts: list[str]) -> list[str]:
    with open_store(target) as store:
        return [store.put(article(text, url=None, input=f"p{n}"))[0].value for n, text in enumerate(texts)]


def test_writer_processes_storing_the_same_batch_end_with_one_row_each(store_target):
    # As Dask workers would: several processes, each its own connection, the same articles in the same order.
    # They start on an empty store, so they race to create it too. (Two writers made to decide at the same
    # moment: tests/test_store_postgres.py; SQLite's writers queue on its write lock.)
    texts = [f"Talks resumed in Geneva on day {n} of the prisoner exchange." for n in range(12)]
    context = multiprocessing.get_context("fork")  # the children open their own connections
    with context.Pool(3) as pool:
        outcomes = pool.starmap(_write_batch, [(store_target, texts)] * 3)
    stored = [o for run in outcomes for o in run]
    assert stored.count("stored") == 12 and stored.count("unchanged") == 24
    with open_store(store_target) as store:
        assert store.count("articles") == 12 and store.count("actors") == 12
        assert store.query("SELECT COUNT(*) AS n FROM schema_version") == [{"n": LATEST}]


def test_a_read_only_store_refuses_writes_and_reads_what_is_there(store_target):
    with open_store(store_target) as store:
        _, article_id = store.put(article())
    with open_store(store_target, read_only=True) as store:
        assert store.article(article_id)["title"] == "Talks in Geneva"
        assert [hit["article_id"] for hit in store.search("prisoner")] == [article_id]
        with pytest.raises(StoreError, match="read-only"):
            store.put(article("Another text entirely."))
        with pytest.raises(StoreError, match="read-only"):
            store.record_error("x.html", "broken")
        with pytest.raises(Exception, match="read-?only"):  # the database itself refuses, whatever is asked
            store.query("DELETE FROM articles")
    with open_store(store_target) as store:
        assert store.count("articles") == 1 and store.count("errors") == 0


def test_query_reads_portable_sql_with_placeholders_and_literal_percents(store):
    _, geneva = store.put(article(title="Talks in Geneva: 100% agreed?"))
    store.put(article("Fighting resumed around Aden's port.", url="https://example.org/b", title="Clashes in Aden"))
    assert store.query("SELECT id, title FROM articles WHERE title LIKE ? ORDER BY id", ("%Geneva%",)) == [
        {"id": geneva, "title": "Talks in Geneva: 100% agreed?"}]
    # A `%` and a `?` written in the SQL itself are text, not placeholders.
    assert store.query("SELECT id FROM articles WHERE title LIKE '%100\\%%' ESCAPE '\\' AND title LIKE '%?'") == [
        {"id": geneva}]
    assert store.query("SELECT COUNT(*) AS n, ? AS label FROM articles WHERE url LIKE ? || '%'",
                       ["both", "https://example.org/"]) == [{"n": 2, "label": "both"}]
    assert store.query("SELECT title FROM articles WHERE id = ?", (-1,)) == []


def test_an_older_database_is_migrated_and_its_articles_indexed(store_target):
    path = store_target
    conn, dialect = connect(path)
    assert [step.version for step in migrate(conn, target=1, dialect=dialect)] == [1]
    data = article().to_dict()
    conn.execute(
        "INSERT INTO articles (input, url, content_hash, title, text, warnings, data, ingested, updated) "
        "VALUES (?, ?, ?, ?, ?, '[]', ?, '2025-01-01', '2025-01-01')",
        ("a.html", data["url"], "0" * 64, data["title"], data["text"], json.dumps(data)),
    )
    conn.close()

    with open_store(path) as store:
        assert store.schema_version() == LATEST == MIGRATIONS[-1].version
        # The item tables came in a later step: filled from the stored JSON of the articles already there.
        assert [row["actor"] for row in store.rows("actors")] == ["YEM-GOV"]
        assert [row["text"] for row in store.rows("entities")] == ["Geneva"]
        assert [hit["article_id"] for hit in store.search("prisoner")] == [1]  # and indexed for search
    conn, _ = connect(path)
    assert [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()] == list(
        range(1, LATEST + 1))
    conn.close()
    with open_store(path) as store:  # opening again applies nothing
        assert store.schema_version() == LATEST and store.count("actors") == 1


def test_a_store_from_before_accent_folding_is_searched_without_accents_once_migrated(store_target):
    conn, dialect = connect(store_target)
    assert [step.version for step in migrate(conn, target=3, dialect=dialect)] == [1, 2, 3]
    for n, (title, text) in enumerate([("Protest in São Paulo", "Thousands marched in São Paulo on Sunday."),
                                       ("Talks", "Talks in Bogotá resumed.")]):
        data = article(text, title=title, url=f"https://example.org/{n}").to_dict()
        conn.execute(
            "INSERT INTO articles (input, url, content_hash, title, text, warnings, data, ingested, updated) "
            "VALUES (?, ?, ?, ?, ?, '[]', ?, '2025-01-01', '2025-01-01')",
            (f"{n}.html", data["url"], str(n) * 64, title, text, json.dumps(data)),
        )
    conn.close()
    if store_target.startswith("postgresql://"):  # it lacks the folded text: the web view asks for the upgrade
        with pytest.raises(StoreError, match="schema version 3, this dateline reads .* upgrades it"):
            open_store(store_target, read_only=True)
    else:  # step 4 changes nothing in SQLite: read as it is (FTS5 folds accents itself)
        with open_store(store_target, read_only=True) as store:
            assert store.schema_version() == 3 and [hit["article_id"] for hit in store.search("Sao")] == [1]
    with open_store(store_target) as store:
        assert store.schema_version() == LATEST >= 4
        assert [hit["article_id"] for hit in store.search("sao paulo")] == [1]
        assert "[São] [Paulo]" in store.search("Sao Paulo")[0]["snippet"]
        assert [hit["article_id"] for hit in store.search("BOGOTA")] == [2]
        assert store.article(2)["text"] == "Talks in Bogotá resumed."  # nothing stored is changed or lost
        if is_postgres(store):
            assert [row["search_text"] for row in store.query("SELECT search_text FROM articles ORDER BY id")] == [
                "protest in sao paulo\nthousands marched in sao paulo on sunday.", "talks\ntalks in bogota resumed."]


def test_a_database_from_a_newer_dateline_is_refused(store_target):
    path = store_target
    open_store(path).close()
    conn, _ = connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', '2099-01-01')", (LATEST + 1,))
    conn.close()
    with pytest.raises(StoreError, match="newer than this dateline"):
        open_store(path)
    with pytest.raises(StoreError, match=f"schema version {LATEST + 1}, this dateline reads {LATEST}"):
        open_store(path, read_only=True)


def test_what_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database " * 100)
    with pytest.raises(StoreError, match="cannot use"):
        open_store(path)
    with pytest.raises(StoreError, match="no dateline database"):
        open_store(tmp_path / "missing.db", create=False)


def _actor(actor_id, name, kind, country=None, sector=None) -> dict:
    return {"id": actor_id, "name": name, "kind": kind, "country": country, "sector": sector, "role": None,
            "aliases": [], "wikidata": None, "mentions": 1}


def test_a_states_page_rolls_up_its_organs_and_officials_unless_exact(store):
    from dateline.store import queries

    lavrov, lookalike = "person:sergei_lavrov", "person:sergeiXlavrov"  # `_` is a LIKE wildcard: escaped
    store.put(article("Russia's foreign minister met Kyiv's envoy; the opposition protested; Moscow said no.",
                      actors=[_actor("RUS", "Russia", "state", "RUS"),
                              _actor("RUS-GOV", "Russian government", "government", "RUS", "GOV"),
                              _actor(lavrov, "Sergei Lavrov", "person", "RUS", "GOV"),
                              _actor(lookalike, "Sergei X. Lavrov", "person", "RUS", "OPP"),
                              _actor("RUS-OPP", "Russian opposition", "opposition", "RUS", "OPP"),
                              _actor("UKR-GOV", "Ukrainian government", "government", "UKR", "GOV")],
                      events=[{"type": "CONSULT", "source": [lavrov], "target": ["UKR-GOV"], "date": "2025-03-01"},
                              {"type": "PROTEST", "source": ["RUS-OPP"], "target": ["RUS-GOV"], "date": "2025-03-02"},
                              {"type": "ACCUSE", "source": [lookalike], "target": ["UKR-GOV"], "date": "2025-03-03"},
                              {"type": "REJECT", "source": ["RUS"], "target": ["UKR-GOV"], "date": "2025-03-04"}],
                      quotes=[{"start": 0, "end": 5, "text": "No.", "kind": "direct",
                               "speaker": {"start": 6, "end": 9, "text": "Lavrov", "actor": lavrov}},
                              {"start": 10, "end": 15, "text": "Shame.", "kind": "direct",
                               "speaker": {"start": 16, "end": 19, "text": "they", "actor": "RUS-OPP"}}]))
    # Another article names only Russia's army, never Russia: still Russia's, by its stored country and sector.
    store.put(article("The Russian army shelled the port.", url="https://example.org/b", title="Shelling",
                      actors=[_actor("RUS-MIL", "Russian armed forces", "military", "RUS", "MIL")],
                      events=[{"type": "ASSAULT", "source": ["RUS-MIL"], "target": [], "date": "2025-03-05"}]))

    russia = queries.actor(store, "RUS")
    assert russia["roll_up"] == "state" and russia["exact"] is False
    assert [(e["type"], e["role"], [p["id"] for p in e["via"]]) for e in russia["events"]["rows"]] == [
        ("ASSAULT", "source", ["RUS-MIL"]), ("REJECT", "source", ["RUS"]), ("PROTEST", "target", ["RUS-GOV"]),
        ("CONSULT", "source", [lavrov])]
    assert [(q["speaker_actor"], q["speaker_name"]) for q in russia["quotes"]["rows"]] == [(lavrov, "Sergei Lavrov")]
    assert [m["id"] for m in russia["members"]] == sorted(["RUS-GOV", "RUS-MIL", lavrov])
    assert [item["what"] for item in russia["timeline"]] == ["event", "event", "quote", "event", "event"]

    alone = queries.actor(store, "RUS", exact=True)
    assert [e["type"] for e in alone["events"]["rows"]] == ["REJECT"] and alone["quotes"]["total"] == 0
    assert alone["members"] == [] and alone["exact"] is True
    # The events filter, its counts and map read the same roll-up.
    assert queries.count_events(store, queries.EventFilters(actor="RUS")) == 4
    assert queries.count_events(store, queries.EventFilters(actor="RUS", exact=True)) == 1
    assert sum(row["events"] for row in queries.event_counts(store, queries.EventFilters(actor="RUS"))) == 4
    # Not a state: no roll-up of events; an organisation's officials' quotes unless exact, as before.
    government = queries.actor(store, "RUS-GOV")
    assert government["roll_up"] == "officials" and government["events"]["total"] == 1
    assert government["quotes"]["total"] == 1 and queries.actor(store, "RUS-GOV", exact=True)["quotes"]["total"] == 0
    assert queries.count_events(store, queries.EventFilters(actor="UKR-GOV")) == 3
    assert queries.actor(store, "RUS-OPP")["events"]["total"] == 1
