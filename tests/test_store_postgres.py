"""The PostgreSQL store against a real server: writers racing, migrators queuing, search, the password never shown,
the command line on a postgresql:// URL, and the exports of tests/test_export.py read from PostgreSQL.

The behaviours both stores share are tested on both in tests/test_store.py; the server is the one
tests/conftest.py connects to (skipped without it, failed with DATELINE_REQUIRE_SERVICES=1)."""

import json
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import dateline.store.sql
from dateline.cli import main
from dateline.store import Outcome, PostgresStore, StoreError, mask_password, open_store
from dateline.store.migrations import LATEST, POSTGRES_SEARCH_VECTOR
from dateline.store.postgres import placeholders
from tests import test_export
from tests.conftest import POSTGRES_URL, REPO
from tests.services import drop_stale_schemas, own_schema
from tests.test_ingest import STORY
from tests.test_store import article


def _racing_lookups(monkeypatch, parties: int) -> None:
    """Every writer's first lookup waits until all have looked: each decides to insert before any has."""
    barrier = threading.Barrier(parties, timeout=30)
    looked = threading.local()
    lookup = dateline.store.sql._lookup

    def racing(conn, article, digest):
        found = lookup(conn, article, digest)
        if not getattr(looked, "once", False):
            looked.once = True
            barrier.wait()
        return found

    monkeypatch.setattr(dateline.store.sql, "_lookup", racing)


def _put_in_own_store(url, item):
    with open_store(url) as store:
        return store.put(item, source_hash=item.input)


def test_two_writers_putting_the_same_article_at_once_store_it_once(postgres_url, monkeypatch):
    open_store(postgres_url).close()  # the schema first: migrating is not what races here
    _racing_lookups(monkeypatch, 2)
    copies = [article(input="a.html"), article(input="mirror.html", url="https://mirror.example.net/a")]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(_put_in_own_store, [postgres_url] * 2, copies))
    # Both decided to insert; the unique index let one win, and the other, looking again, found it.
    assert sorted(outcome for outcome, _ in results) == [Outcome.STORED, Outcome.UNCHANGED]
    assert results[0][1] == results[1][1]
    with open_store(postgres_url) as store:
        assert store.count("articles") == store.count("actors") == store.count("outlets") == 1
        assert store.has_source("a.html", "a.html") and store.has_source("mirror.html", "mirror.html")


def test_two_writers_putting_new_versions_of_one_url_at_once_keep_one_row(postgres_url, monkeypatch):
    open_store(postgres_url).close()
    _racing_lookups(monkeypatch, 2)
    versions = [article("First version of the story."), article("Second version of the story.")]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(_put_in_own_store, [postgres_url] * 2, versions))
    assert {outcome for outcome, _ in results} == {Outcome.STORED, Outcome.REPLACED}
    with open_store(postgres_url) as store:
        assert store.count("articles") == 1
        assert store.article(results[0][1])["text"] in {v.text for v in versions}


def test_stores_opened_at_once_on_an_empty_schema_migrate_it_once(postgres_url):
    with ThreadPoolExecutor(4) as pool:
        versions = list(pool.map(lambda _: _open_version(postgres_url), range(4)))
    assert versions == [LATEST] * 4
    with open_store(postgres_url) as store:
        assert [r["version"] for r in store.query("SELECT version FROM schema_version ORDER BY version")] == list(
            range(1, LATEST + 1))


def _open_version(url):
    with open_store(url) as store:
        return store.schema_version()


def test_search_ranks_marks_and_uses_the_index(postgres_url):
    with open_store(postgres_url) as store:
        _, once = store.put(article("Aid reached Aleppo on Monday.", url="https://example.org/1", title="Aid"))
        _, twice = store.put(article("Aleppo was shelled; in Aleppo, residents fled.", url="https://example.org/2",
                                     title="Shelling in Aleppo"))
        hits = store.search("aleppo")
        assert [hit["article_id"] for hit in hits] == [twice, once]  # more of the word, first
        assert hits[0]["snippet"].count("[Aleppo]") == 2 and "[" not in hits[0]["title"]
        assert [hit["article_id"] for hit in store.search("aleppo", limit=1)] == [twice]
        assert [hit["article_id"] for hit in store.search("aleppo: residents!")] == [twice]
        assert store.search("it's & | ! (aleppo") == []  # tsquery operators are words, not syntax
        # The search's expression is the index's: with sequential scans off, the GIN index serves it.
        store._conn.execute("SET enable_seqscan = off")
        plan = store.query(f"EXPLAIN SELECT id FROM articles WHERE {POSTGRES_SEARCH_VECTOR} @@ "
                           "plainto_tsquery('simple'::regconfig, ?)", ("aleppo",))
        assert "articles_search" in " ".join(str(row) for row in plan)


def test_text_postgres_cannot_hold_is_stored_all_the_same(postgres_url):
    with open_store(postgres_url) as store:
        outcome, article_id = store.put(article("A NUL\x00 byte in the text.", title="Odd\x00 title"))
        assert outcome is Outcome.STORED
        assert store.article(article_id)["text"] == "A NUL\x00 byte in the text."  # the JSON keeps it
        assert next(store.rows("articles"))["text"] == "A NUL\ufffd byte in the text."
        with pytest.raises(UnicodeError):  # what the batch records as "could not store it", as on SQLite
            store.put(article("A lone surrogate \ud800 here."))
        assert store.count("articles") == 1


def test_an_empty_database_is_no_store_to_read(postgres_url):
    with pytest.raises(StoreError, match="no dateline database at postgresql://dateline:\\*\\*\\*@"):
        open_store(postgres_url, create=False)
    with pytest.raises(StoreError, match="schema version 0, this dateline reads"):
        open_store(postgres_url, read_only=True)


def test_the_password_is_never_shown(postgres_url, capsys):
    assert mask_password("postgresql://news:s3cr:et@db.example.org:5432/news?sslmode=require") == (
        "postgresql://news:***@db.example.org:5432/news?sslmode=require")
    assert mask_password("postgres://db.example.org/news?user=news&password=s3cret&x=1") == (
        "postgres://db.example.org/news?user=news&password=***&x=1")
    assert mask_password("postgresql://news@db.example.org/news") == "postgresql://news@db.example.org/news"
    with open_store(postgres_url) as store:
        assert store.location == postgres_url.replace(":dateline@", ":***@", 1) and store.target == postgres_url

    wrong = postgres_url.replace(":dateline@", ":s3cret-word@", 1)
    with pytest.raises(StoreError) as error:
        open_store(wrong)
    message = str(error.value)
    assert "s3cret" not in message and "\n" not in message
    assert message.startswith("cannot connect to postgresql://dateline:***@") and "password authentication" in message

    nobody = "postgresql://dateline:s3cret@127.0.0.1:1/news?password=s3cret"
    with pytest.raises(StoreError, match="cannot connect to .*:1/news\\?password=\\*\\*\\*: .*refused") as error:
        open_store(nobody)
    assert "s3cret" not in str(error.value) and "\n" not in str(error.value)

    assert main(["search", "Geneva", "--db", nobody]) == 2  # the CLI's status for a store it can't open
    err = capsys.readouterr().err
    assert err.startswith("dateline: cannot connect to") and err.count("\n") == 1 and "s3cret" not in err


def test_without_psycopg_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(StoreError, match=r"pip install psycopg\[binary\]") as error:
        open_store("postgres://news:s3cret@localhost/news")
    assert "s3cret" not in str(error.value)


def test_placeholders_become_psycopg_s_and_literal_percents_double():
    assert placeholders("SELECT a FROM t WHERE b LIKE ? AND c = ?") == "SELECT a FROM t WHERE b LIKE %s AND c = %s"
    assert placeholders("SELECT '50%?', \"odd?%\" FROM t WHERE x LIKE 'a''?%' -- why?%\nAND y = ? /* ?% */") == (
        "SELECT '50%%?', \"odd?%%\" FROM t WHERE x LIKE 'a''?%%' -- why?%%\nAND y = %s /* ?%% */")
    assert placeholders("SELECT 5 % 2, ?") == "SELECT 5 %% 2, %s"


def test_ingest_search_and_export_on_a_postgresql_url(postgres_url, tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    args = ["ingest", str(story), "--db", postgres_url, "--as", "plain", "--url", "https://example.org/swap"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "1 stored" in err and "postgresql://dateline:***@" in err and ":dateline@" not in err
    assert main(args) == 0 and "1 skipped" in capsys.readouterr().err  # resumed: the input is known

    assert main(["search", "prisoners", "Geneva", "--db", postgres_url, "--format", "jsonl"]) == 0
    [hit] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (hit["article_id"], hit["url"]) == (1, "https://example.org/swap") and "[prisoners]" in hit["snippet"]
    assert main(["search", "Stockholm", "--db", postgres_url]) == 1

    assert main(["export", "--db", postgres_url, "--table", "actors"]) == 0
    actors = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert actors and {a["article_id"] for a in actors} == {1}
    assert any(a["country"] == "YEM" for a in actors)
    out = tmp_path / "articles.csv"
    assert main(["export", "--db", postgres_url, "--table", "articles", "--out", str(out)]) == 0
    assert "wrote 1 articles rows" in capsys.readouterr().err


@pytest.fixture
def export_store(postgres_url):
    with open_store(postgres_url) as store:
        for item in test_export._articles():
            store.put(item)
        yield store


def test_exports_read_the_same_from_postgresql(export_store, tmp_path):
    assert isinstance(export_store, PostgresStore)
    test_export.test_exports_hold_what_was_stored(export_store)
    for table in test_export.TABLES:
        test_export.test_every_table_round_trips_through_jsonl_csv_and_parquet(export_store, tmp_path, table)


def test_rows_come_a_page_at_a_time_in_order(postgres_url, monkeypatch):
    monkeypatch.setattr(dateline.store.sql, "_PAGE", 3)
    with open_store(postgres_url) as store:
        for n in range(7):
            store.put(article(f"Story number {n} of the day.", url=f"https://example.org/{n}", input=f"{n}.txt",
                              entities=[{"start": 0, "end": 5, "text": "Story"}, {"start": 6, "end": 12,
                                                                                 "text": "number"}]))
            store.record_error(f"bad{n}", "broken")
        assert [row["input"] for row in store.rows("articles")] == [f"{n}.txt" for n in range(7)]
        assert [(row["article_id"], row["idx"]) for row in store.rows("entities")] == [
            (a, i) for a in range(1, 8) for i in (0, 1)]
        assert [row["input"] for row in store.rows("errors")] == [f"bad{n}" for n in range(7)]
        assert [article_id for article_id, _ in store.articles()] == list(range(1, 8))
        first = next(store.rows("actors"))  # a reader that stops early leaves the connection usable
        assert first["article_id"] == 1 and store.count("articles") == 7


def test_schemas_left_by_killed_runs_are_dropped_and_live_ones_kept(postgres_server):
    # Under a prefix of this test's own, so that no other run's schemas are touched.
    prefix = "dateline_stalecheck_"
    schemas = lambda: {name for (name,) in postgres_server.execute(  # noqa: E731
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'dateline\\_stalecheck\\_%'").fetchall()}
    # A run killed mid-test: the process dies with its schema made and a table in it, its clean-up never run.
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, psycopg\n"
         "from tests.services import own_schema\n"
         f"conn = psycopg.connect({POSTGRES_URL!r}, autocommit=True)\n"
         f"with own_schema(conn, {prefix!r}) as schema:\n"
         "    conn.execute(f'CREATE TABLE {schema}.articles (id int)')\n"
         "    print(schema, flush=True)\n"
         "    time.sleep(120)\n"],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        killed = child.stdout.readline().strip()
        legacy = f"{prefix}{'ab' * 6}"  # named as before names carried their time, by a run long gone
        postgres_server.execute(f"CREATE SCHEMA {legacy}")
        import psycopg

        other_run = psycopg.connect(POSTGRES_URL, autocommit=True)
        with other_run, own_schema(other_run, prefix) as live:  # a live run's, made before this run started
            time.sleep(1.1)
            started = time.time()
            assert {killed, legacy, live} <= schemas()
            # While its process lives, the schema is in use: kept.
            assert drop_stale_schemas(postgres_server, started, prefix) == [legacy]
            child.kill()
            child.wait(10)
            with own_schema(postgres_server, prefix) as new:  # made since this run started
                for _ in range(50):  # the server notices the dead session in a moment
                    dropped = drop_stale_schemas(postgres_server, started, prefix)
                    if dropped:
                        break
                    time.sleep(0.1)
                assert dropped == [killed]
                # Held by this very session (where trying the lock succeeds): kept for being new.
                assert schemas() == {live, new}
            assert schemas() == {live}
        assert schemas() == set()
    finally:
        child.kill()
        for name in schemas():
            postgres_server.execute(f"DROP SCHEMA {name} CASCADE")
