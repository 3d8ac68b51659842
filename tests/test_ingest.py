"""Batch ingest: killed and restarted it loses nothing and stores nothing twice; bad inputs are recorded, not fatal."""

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import dateline.pipeline
from dateline.cli import main
from dateline.ingest import count_documents, ingest
from dateline.store import open_store
from tests.conftest import REPO, SHARED

STORY = ("Yemen's government and the Houthi movement agreed on Tuesday to exchange hundreds of prisoners, "
         "the United Nations envoy said after talks in Geneva.\n\n"
         "The deal, reached after eleven days of negotiations, covers more than 800 detainees.")


def _count(db, sql):
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    finally:
        conn.close()


def test_a_killed_batch_restarts_where_it_stopped(tmp_path, benchmarks, seed_text):
    pages = benchmarks / "article-extraction" / "html"
    inputs = [str(pages), str(SHARED / "seed" / "presstv-aleppo-2016.txt")]
    expected = len(list(pages.glob("*.html.gz"))) + 1
    db = tmp_path / "batch.db"
    command = [sys.executable, "-m", "dateline.cli", "ingest", *inputs, "--db", str(db)]

    first = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while _count(db, "SELECT COUNT(*) FROM articles") < 10:
        assert first.poll() is None, first.communicate()[1].decode()
        assert time.monotonic() < deadline, "no articles stored in 90 s"
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)  # no clean-up of any kind: as a crash or an OOM kill would stop it
    first.wait()
    stored_before = _count(db, "SELECT COUNT(*) FROM articles")
    assert 10 <= stored_before < expected

    second = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    # What the first run stored is skipped unread, not parsed again.
    assert f"{expected - stored_before} stored" in second.stderr
    assert f"{stored_before} skipped" in second.stderr
    assert _count(db, "SELECT COUNT(*) FROM articles") == expected
    assert _count(db, "SELECT COUNT(DISTINCT input) FROM articles") == expected
    assert _count(db, "SELECT COUNT(*) FROM sources") == expected
    assert _count(db, "SELECT COUNT(*) FROM errors") == 0
    assert _count(db, "SELECT COUNT(*) FROM actors") > expected  # the stages' findings came along

    with open_store(db) as store:
        [hit] = store.search("Gatilov")
        assert hit["title"] == "Russia won’t pressure Syria to halt Aleppo strikes: Official"


def _ingest(capsys, *argv):
    status = main(["ingest", *argv])
    return status, capsys.readouterr().err


def test_reingest_is_a_no_op_and_a_changed_page_replaces_the_old(tmp_path, capsys):
    story, db = tmp_path / "story.txt", str(tmp_path / "s.db")
    story.write_text(STORY, encoding="utf-8")
    args = (str(story), "--db", db, "--as", "plain", "--url", "https://example.org/2025/03/04/swap")
    assert _ingest(capsys, *args)[0] == 0
    with open_store(db) as store:
        [before] = store.rows("articles")
    status, err = _ingest(capsys, *args)
    assert status == 0 and "0 stored" in err and "1 skipped" in err
    # The same text from another input: found stored before it is parsed.
    copy = tmp_path / "copy.txt"
    copy.write_text(STORY, encoding="utf-8")
    status, err = _ingest(capsys, str(copy), "--db", db, "--as", "plain")
    assert status == 0 and "1 unchanged" in err
    with open_store(db) as store:
        assert list(store.rows("articles")) == [before]

    story.write_text(STORY.replace("800 detainees", "850 detainees, the envoy's office said later"), "utf-8")
    status, err = _ingest(capsys, *args)
    assert status == 0 and "1 replaced" in err
    with open_store(db) as store:
        [after] = store.rows("articles")
        assert after["article_id"] == before["article_id"] and after["content_hash"] != before["content_hash"]
        assert "850 detainees" in after["text"] and after["ingested"] == before["ingested"]
        assert [hit["article_id"] for hit in store.search("envoy's office")] == [after["article_id"]]
        assert store.count("articles") == 1


def test_failing_inputs_are_recorded_and_the_batch_goes_on(tmp_path, capsys):
    good, binary, empty = tmp_path / "good.txt", tmp_path / "photo.html", tmp_path / "empty.txt"
    good.write_text(STORY, encoding="utf-8")
    binary.write_bytes(bytes(range(256)) * 40)
    empty.write_text("   \n")
    missing = str(tmp_path / "missing.txt")
    db = str(tmp_path / "e.db")
    status, err = _ingest(capsys, missing, str(binary), str(good), str(empty), "--db", db)
    assert status == 1
    assert f"dateline: {missing}: no such file" in err and "1 stored" in err and "3 failed" in err
    with open_store(db) as store:
        errors = {row["input"]: row for row in store.rows("errors")}
        assert set(errors) == {missing, str(binary), str(empty)}
        assert errors[missing]["message"] == f"no such file: {missing}"
        assert all(row["time"] and row["attempts"] == 1 for row in errors.values())
        assert [row["input"] for row in store.rows("articles")] == [str(good)]

    # Run again once the file is there: the error is cleared, the others are tried again and counted.
    good.rename(missing)
    status, err = _ingest(capsys, missing, str(binary), "--db", db, "--quiet")
    assert status == 1 and err.count("dateline: ") == 1  # --quiet: the error, no summary
    with open_store(db) as store:
        errors = {row["input"]: row["attempts"] for row in store.rows("errors")}
        assert errors == {str(binary): 2, str(empty): 1}


def test_an_article_that_breaks_a_stage_is_recorded_and_the_rest_stored(tmp_path, monkeypatch):
    def fragile(article, doc):
        if "POISON" in article.text:
            raise RuntimeError("cannot cope")

    monkeypatch.setattr(dateline.pipeline, "STAGES", (*dateline.pipeline.STAGES, fragile))
    jsonl = tmp_path / "batch.jsonl"
    texts = [STORY, "POISON " + STORY, STORY.replace("Geneva", "Stockholm"), STORY.replace("Tuesday", "Friday")]
    jsonl.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    results = []
    with open_store(tmp_path / "p.db") as store:
        report = ingest([str(jsonl)], store, kind="plain", on_result=lambda *r: results.append(r))
        assert [row["doc_id"] for row in store.rows("articles")] == ["0", "2", "3"]
        assert [row["input"] for row in store.rows("errors")] == [f"{jsonl}:2"]
    assert (report.stored, report.failed) == (3, 1)
    assert (f"{jsonl}:2" , "failed") in [(name, outcome) for outcome, name, _ in results]
    assert "RuntimeError: cannot cope" in [e for _, _, e in results if e][0]


def test_workers_parse_in_other_processes(tmp_path):
    jsonl = tmp_path / "batch.jsonl"
    texts = [STORY.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    with open_store(tmp_path / "w.db") as store:
        report = ingest([str(jsonl)], store, kind="plain", processes=2)
        assert report.stored == 5 and report.failed == 0
        rows = list(store.rows("articles"))
        assert [row["input"] for row in rows] == [f"{jsonl}:{n}" for n in range(1, 6)]
        assert all(store.article(row["article_id"])["actors"] for row in rows)  # the stages ran on them


def test_count_documents_estimates_the_batch(tmp_path):
    (tmp_path / "pages").mkdir()
    for name in ("a.html", "b.txt", ".hidden.html", "notes.md"):
        (tmp_path / "pages" / name).write_text("x")
    (tmp_path / "pages" / "c.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n')
    assert count_documents([str(tmp_path / "pages"), "https://example.org/feed.xml", "missing.txt"]) == 6


def test_usage_errors(tmp_path):
    for argv in (["a.txt", "b.txt", "--url", "https://example.org/x"], ["a.txt", "--workers", "0"]):
        with pytest.raises(SystemExit) as exit_:
            main(["ingest", *argv, "--db", str(tmp_path / "u.db")])
        assert exit_.value.code == 2


def test_a_model_that_cannot_be_loaded_ends_the_run_with_status_2(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    status, err = _ingest(capsys, str(story), "--db", str(tmp_path / "m.db"), "--model", "no_such_model_here")
    assert status == 2 and "cannot load the spaCy model 'no_such_model_here'" in err
