"""Distributed ingest on a Dask LocalCluster (2 worker processes on 127.0.0.1): the same store as a local run."""

import shutil
import sys
from contextlib import contextmanager

import pytest

from dateline.cli import main
from dateline.ingest import ingest
from dateline.store import open_store
from tests.conftest import SHARED

pytest.importorskip("distributed", reason="Dask is the optional `cluster` extra: pip install 'dateline[cluster]'")

from dateline.cluster import ClusterError, dask_client, ingest_on_cluster  # noqa: E402

SEED = SHARED / "seed" / "presstv-aleppo-2016.txt"
PAGES = SHARED / "benchmarks" / "article-extraction" / "html"
TABLES = ("articles", "actors", "mentions", "entities", "quotes", "places", "events")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The seed, 10 web pages, the seed again under another name (unchanged: its content is stored), a page
    that fails on the worker (binary bytes) and a file that fails on the client (missing)."""
    pages = sorted(PAGES.glob("*.html.gz"))[:10]
    if not SEED.exists() or len(pages) < 10:
        pytest.skip(f"needs the seed article ({SEED}) and the extraction gold pages ({PAGES}) from ../shared")
    folder = tmp_path_factory.mktemp("inputs")
    copy = folder / "seed-copy.txt"
    shutil.copy(SEED, copy)
    binary = folder / "photo.html"
    binary.write_bytes(bytes(range(256)) * 40)
    return [str(SEED), *map(str, pages), str(copy), str(binary), str(folder / "missing.txt")]


@pytest.fixture(scope="module")
def client():
    with dask_client(local_workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def local_store(inputs, client, tmp_path_factory):
    # After the workers have started and loaded the pipeline: in a checkout being edited, the local run and the
    # workers then read the same code.
    with open_store(":memory:") as nothing:
        ingest_on_cluster([], nothing, client)
    path = tmp_path_factory.mktemp("local") / "local.db"
    with open_store(path) as store:
        results = []
        report = ingest(inputs, store, on_result=lambda *r: results.append(r))
    assert (report.stored, report.unchanged, report.failed) == (11, 1, 2), results
    return path


def _contents(path, *, ids: bool = True) -> dict:
    """Every row of every table, but the times of writing; by input when `ids` is false (ids follow the order
    articles were written in)."""
    with open_store(path) as store:
        inputs = {row["article_id"]: row["input"] for row in store.rows("articles")}
        tables = {}
        for table in TABLES:
            rows = []
            for row in store.rows(table):
                row = {k: v for k, v in row.items() if k not in ("ingested", "updated")}
                if not ids:
                    row["article_id"] = inputs[row["article_id"]]
                rows.append(row)
            tables[table] = sorted(rows, key=repr)
        tables["errors"] = sorted((row["input"], row["message"]) for row in store.rows("errors"))
        tables["sources"] = sorted((row["input"], row["source_hash"], inputs[row["article_id"]])
                                   for row in store.query("SELECT * FROM sources"))
    return tables


def _same(got: dict, expected: dict) -> None:
    for table in got:
        missing = [row for row in expected[table] if row not in got[table]]
        extra = [row for row in got[table] if row not in expected[table]]
        assert not missing and not extra, f"{table}: missing {missing[:3]}, extra {extra[:3]}"


def test_a_cluster_run_stores_what_a_local_run_stores(inputs, client, local_store, tmp_path):
    db = tmp_path / "cluster.db"
    results = []
    with open_store(db) as store:
        # Partitions of 3: the 14 documents are spread over both workers.
        report = ingest_on_cluster(inputs, store, client, partition_size=3, on_result=lambda *r: results.append(r))
    assert (report.stored, report.unchanged, report.skipped, report.failed) == (11, 1, 0, 2)
    assert len(client.nthreads()) == 2
    expected = _contents(local_store)
    assert expected["events"] and expected["quotes"] and expected["places"]
    _same(_contents(db), expected)  # written in input order: article ids too
    failures = {name: error for outcome, name, error in results if outcome == "failed"}
    assert set(failures) == {inputs[-2], inputs[-1]}
    assert failures[inputs[-1]].startswith("no such file")

    # Run again: every stored input is skipped unread; the failed ones are tried again, and fail again.
    with open_store(db) as store:
        again = ingest_on_cluster(inputs, store, client, partition_size=3)
        assert (again.skipped, again.stored, again.failed) == (12, 0, 2)
        assert {row["input"]: row["attempts"] for row in store.rows("errors")} == {inputs[-2]: 2, inputs[-1]: 2}
    _same(_contents(db), expected)


def test_workers_can_write_to_a_store_they_reach(inputs, client, local_store, tmp_path):
    # As with PostgreSQL; a SQLite file on this machine is reachable from the workers too.
    db = tmp_path / "workers.db"
    with open_store(db) as store:
        report = ingest_on_cluster(inputs, store, client, partition_size=3, workers_write=True)
    assert (report.stored, report.failed) == (11, 2)
    assert report.unchanged + report.stored == 12  # the copy of the seed is "unchanged" or, first, "stored"
    assert _contents(db, ids=False)["events"] == _contents(local_store, ids=False)["events"]
    assert _contents(db, ids=False)["quotes"] == _contents(local_store, ids=False)["quotes"]
    assert _contents(db, ids=False)["errors"] == _contents(local_store, ids=False)["errors"]


def test_workers_write_to_postgresql_themselves(inputs, client, local_store, postgres_url):
    with open_store(postgres_url) as store:
        # Each worker reopens the store by its target: the URL with its password, not the masked location.
        report = ingest_on_cluster(inputs, store, client, partition_size=3)
    assert (report.stored + report.unchanged, report.failed) == (12, 2)
    got, expected = _contents(postgres_url, ids=False), _contents(local_store, ids=False)
    _same({table: got[table] for table in ("events", "quotes", "places", "errors")}, expected)


def test_the_command_line_runs_a_local_cluster(inputs, client, tmp_path, capsys, monkeypatch):
    import dateline.cluster

    asked = []

    @contextmanager
    def the_test_cluster(scheduler=None, *, local_workers=None):  # the running one: a second costs ~20 s
        asked.append((scheduler, local_workers))
        yield client

    monkeypatch.setattr(dateline.cluster, "dask_client", the_test_cluster)
    db = str(tmp_path / "cli.db")
    status = main(["ingest", *inputs[:3], "--db", db, "--dask-local", "2", "--quiet"])
    assert status == 0 and capsys.readouterr().err == "" and asked == [(None, 2)]
    with open_store(db) as store:
        assert store.count("articles") == 3
    assert main(["ingest", inputs[-1], "--db", db, "--scheduler", "tcp://127.0.0.1:1"]) == 1
    assert asked[-1] == ("tcp://127.0.0.1:1", None)
    assert "1 failed" in capsys.readouterr().err


def test_no_scheduler_at_the_address():
    with pytest.raises(ClusterError, match="no Dask scheduler answers at tcp://127.0.0.1:9"):
        with dask_client("tcp://127.0.0.1:9", timeout=1):
            pass


def test_usage_errors(tmp_path, capsys):
    for argv in (["--dask-local", "0"], ["--dask-local", "2", "--workers", "2"],
                 ["--dask-local", "2", "--scheduler", "tcp://127.0.0.1:8786"]):
        with pytest.raises(SystemExit) as exit_:
            main(["ingest", "a.txt", "--db", str(tmp_path / "u.db"), *argv])
        assert exit_.value.code == 2


def test_without_dask_the_message_says_what_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ClusterError, match=r"dateline\[cluster\]"):
        with dask_client(local_workers=1):
            pass
    with pytest.raises(SystemExit) as exit_:  # the command: one line, status 2
        main(["ingest", "a.txt", "--db", str(tmp_path / "d.db"), "--dask-local", "2"])
    assert exit_.value.code == 2 and "pip install 'dateline[cluster]'" in capsys.readouterr().err


def test_a_document_that_kills_its_worker_is_recorded_and_the_others_stored(client, tmp_path):
    from distributed.diagnostics.plugin import WorkerPlugin

    class KillOnPoison(WorkerPlugin):  # in every worker process, restarted ones too
        def setup(self, worker):
            import os

            import dateline.pipeline

            def poisoned(article, doc):
                if "KILL-THE-WORKER" in article.text:
                    os._exit(1)  # as an out-of-memory kill or a crash in native code would end it

            dateline.pipeline.STAGES = (poisoned, *dateline.pipeline.STAGES)

    story = ("Yemen's government and the Houthi movement agreed on {day} to exchange hundreds of prisoners, the "
             "United Nations envoy said after talks in Geneva.")
    inputs = []
    for day in ("Monday", "Tuesday", "KILL-THE-WORKER", "Thursday"):
        path = tmp_path / f"{day}.txt"
        path.write_text(story.format(day=day), encoding="utf-8")
        inputs.append(str(path))
    scheduler = client.cluster.scheduler  # in this process: a LocalCluster's
    allowed = scheduler.allowed_failures
    scheduler.allowed_failures = 0  # the first death gives up on the partition (by default Dask tries 3 workers)
    client.register_plugin(KillOnPoison(), name="kill-on-poison")
    try:
        with open_store(tmp_path / "k.db") as store:
            report = ingest_on_cluster(inputs, store, client, partition_size=4)
            assert (report.stored, report.failed) == (3, 1)
            [error] = store.rows("errors")
            assert error["input"] == inputs[2] and "worker analysing it died" in error["message"]
    finally:  # the last test of the cluster: its workers, poisoned, end with it
        scheduler.allowed_failures = allowed
