"""The store: idempotent writes, new versions at the same URL, search, errors, and migrating older databases."""

import json
import sqlite3

import pytest

from dateline.article import Article
from dateline.store import Outcome, StoreError, open_store
from dateline.store.migrations import LATEST, MIGRATIONS, migrate
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
def store(tmp_path):
    with open_store(tmp_path / "test.db") as store:
        yield store


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
    conn = sqlite3.connect(store.location)
    names = lambda table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]  # noqa: E731
    for table, columns in ITEM_TABLES.items():
        assert names(table) == ["id", "article_id", "idx", *(c.name for c in columns), "data"]
    assert {c.name for c in ARTICLE_COLUMNS} <= set(names("articles"))
    assert {c.name for c in OUTLET_COLUMNS} <= set(names("outlets"))
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def test_an_older_database_is_migrated_and_its_articles_indexed(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert [step.version for step in migrate(conn, target=1)] == [1]
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
    conn = sqlite3.connect(path)
    assert [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")] == list(
        range(1, LATEST + 1))
    conn.close()
    with open_store(path) as store:  # opening again applies nothing
        assert store.schema_version() == LATEST and store.count("actors") == 1


def test_a_database_from_a_newer_dateline_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', '2099-01-01')", (LATEST + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this dateline"):
        open_store(path)


def test_what_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database " * 100)
    with pytest.raises(StoreError, match="cannot use"):
        open_store(path)
    with pytest.raises(StoreError, match="no dateline database"):
        open_store(tmp_path / "missing.db", create=False)
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/news")
