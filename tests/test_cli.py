"""The command line end to end: the seed, the shipped example, output formats, bad input and exit statuses."""

import gzip
import json
import os
import subprocess
import sys

import pytest

from dateline import analyze, analyze_texts
from dateline.cli import main
from tests.conftest import FIXTURES, REPO, SHARED

CONTRACT_FIELDS = {
    "schema", "id", "input", "url", "outlet", "title", "published", "authors", "sections", "language", "text",
    "removed", "entities", "actors", "quotes", "places", "events", "warnings",
}


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_seed_as_an_analyst_reads_it(capsys, seed_text):
    status, out, _ = run(capsys, "analyze", str(SHARED / "seed" / "presstv-aleppo-2016.txt"))
    assert status == 0
    article = json.loads(out)
    assert CONTRACT_FIELDS <= article.keys() and "error" not in article
    assert article["schema"] == "dateline/1"
    assert article["title"] == "Russia won’t pressure Syria to halt Aleppo strikes: Official"
    assert article["sections"] == ["Syria", "Russia"]
    assert len(article["text"].split("\n\n")) == 10
    assert [r["kind"] for r in article["removed"]] == ["breadcrumb", "caption", "mirror", "share", "promo"]
    outlet = article["outlet"]
    assert (outlet["name"], outlet["country"], outlet["ownership"], outlet["state_affiliated"]) == (
        "Press TV", "IRN", "state", True,
    )
    assert "presstv.co.uk" in outlet["domains"]
    # "said Saturday", anchored by the caption's April 29, 2016 (a Friday).
    assert (article["published"], article["published_source"]) == ("2016-04-30", "caption")
    assert any("caption" in w for w in article["warnings"])
    assert article["language"] == "en"
    assert article["entities"] and article["actors"]
    assert article["quotes"] and article["events"]  # both stages have landed; tests/test_quotes.py, test_events.py
    assert {p["text"] for p in article["places"]} >= {"Aleppo", "Geneva"}


def test_shipped_example_reads_in_the_text_report(capsys):
    status, out, _ = run(capsys, "analyze", str(REPO / "examples" / "geneva-ceasefire-wire.txt"), "--format", "text")
    assert status == 0
    assert out.startswith("== Yemen's warring parties agree to prisoner swap after Geneva talks\n")
    assert "published: 2025-03-04 (from page)" in out
    assert "authors:   Maria Example, Tom Sample" in out
    assert "[related] Related stories" in out
    assert "© 2025" not in out.split("-- removed")[0]


def test_plain_keeps_the_input_unchanged(capsys, tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    status, out, _ = run(capsys, "analyze", str(path), "--as", "plain", "--date", "2016-04-30")
    article = json.loads(out)
    assert status == 0
    assert article["text"] == seed_text and article["removed"] == []
    assert (article["published"], article["published_source"]) == ("2016-04-30", "input")


def test_html_page_gets_body_metadata_and_outlet_from_the_url():
    html = (
        "<html><head><title>Talks resume | Reuters</title>"
        '<meta property="article:published_time" content="2023-05-02T10:00:00Z"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Talks resume in Jeddah</h1>"
        + "".join(
            f"<p>Paragraph {i} of the report says the delegations met again on Tuesday in the Saudi port city "
            f"and discussed a ceasefire, a diplomat said.</p>"
            for i in range(6)
        )
        + "</article><footer>© Reuters 2023</footer></body></html>"
    )
    article = analyze(html, url="https://www.reuters.com/world/talks-resume-2023-05-02/")
    assert article.error is None
    assert article.text.startswith("Paragraph 0 of the report")
    assert "Home" not in article.text and "©" not in article.text
    assert article.published == "2023-05-02" and article.published_source == "metadata"
    assert article.outlet["name"] == "Reuters" and article.outlet["evidence"] == "url: www.reuters.com"


def test_a_text_with_lone_surrogates_is_read_and_the_batch_goes_on():
    # What Python's surrogateescape makes of a stray byte; the parser's string store refused it, ending the batch.
    texts = ["Thousands had left \udca0the area, a spokesman said.", "The army said it had retaken the town."]
    first, second = analyze_texts(texts, kind="plain")
    assert first.error is None and first.text[19] == "\ufffd"
    assert [(q["text"], q["speaker"]["text"]) for q in first.quotes] == [
        ("Thousands had left \ufffdthe area", "a spokesman")]
    assert second.error is None and second.quotes


def test_the_output_does_not_depend_on_pythons_hash_seed(benchmarks):
    # Sets iterate in an order each process draws anew: an article must still read the same in every run. (A
    # headline's "Trump" came out as "Trump" or "Trump’s" by the order of two names in a set.)
    texts = benchmarks / "polnear" / "train" / "text"
    article = texts / "huff-post_2016-06-08_chuck-grassley-compares-trump-s-.txt"
    outputs = []
    for seed in ("1", "4"):
        done = subprocess.run(
            [sys.executable, "-m", "dateline.cli", "analyze", str(article), "--as", "plain"],
            cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


def test_batch_goes_on_past_bad_inputs_and_exits_1(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    scripts_only = tmp_path / "app.html"
    scripts_only.write_text("<html><head><script>var a = 1;</script></head><body><div id='root'></div></body></html>")
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><body><div><p>The army said on Monday it had retaken the town after two days of fighting, "
        "officials said. <b>Residents fled <p>Aid groups said thousands had left the area and more were "
        "expected to follow, a spokesman said. <script>while(1){}",
        encoding="utf-8",
    )
    good = FIXTURES / "scrape-hard-wrapped.txt"
    status, out, err = run(
        capsys, "analyze", str(empty), str(binary), str(tmp_path / "missing.txt"), str(scripts_only), str(broken),
        str(good), "--format", "jsonl",
    )
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert [bool(a.get("error")) for a in lines] == [True, True, True, True, False, False]
    assert "empty" in lines[0]["error"]
    assert "binary" in lines[1]["error"]
    assert "no such file" in lines[2]["error"].lower()
    assert "no article text" in lines[3]["error"]
    assert "retaken the town" in lines[4]["text"] and "while(1)" not in lines[4]["text"]
    assert lines[5]["title"] == "IRAQ: Parliament fails again to elect a speaker"
    # Every failed input is named on stderr, one line each.
    assert len(err.strip().splitlines()) == 4


def test_legacy_encodings_are_detected(capsys, tmp_path):
    text = (FIXTURES / "scrape-caption-mid-body.txt").read_text().replace("Belarus", "Bélarus")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(text.encode("latin-1"))
    status, out, _ = run(capsys, "analyze", str(latin))
    article = json.loads(out)
    assert status == 0 and "Bélarus" in article["title"]
    # A sentence alone fits several code pages as cleanly: the western one is taken.
    short = tmp_path / "short.txt"
    short.write_bytes("Le président a déclaré à Paris que la Syrie négocierait.".encode("latin-1"))
    status, out, _ = run(capsys, "analyze", str(short))
    assert json.loads(out)["text"] == "Le président a déclaré à Paris que la Syrie négocierait."
    declared = tmp_path / "page.html"
    body = "".join(f"<p>Москва заявила, что переговоры продолжатся, сообщил дипломат номер {i}.</p>" for i in range(8))
    declared.write_bytes(f'<html><head><meta charset="windows-1251"></head><body><article>{body}</article></body></html>'.encode("cp1251"))
    status, out, _ = run(capsys, "analyze", str(declared))
    article = json.loads(out)
    assert status == 0 and "Москва заявила" in article["text"]
    assert article["language"] is None
    assert any("English" in w for w in article["warnings"])


def test_huge_article_is_truncated_with_a_warning(tmp_path):
    paragraph = "The council met again on Monday and the delegates said that the talks would go on. " * 40
    article = analyze("\n\n".join([paragraph] * 80), kind="plain")
    assert len(article.text) == 200_000
    assert any("truncated" in w for w in article.warnings)


def test_gzipped_page(capsys, tmp_path):
    html = "<html><body><article>" + "<p>Ministers met in Brussels on Monday to discuss the sanctions package, officials said.</p>" * 5 + "</article></body></html>"
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(html.encode()))
    status, out, _ = run(capsys, "analyze", str(path))
    assert status == 0 and json.loads(out)["text"].startswith("Ministers met in Brussels")


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", "a.txt", "b.txt", "--url", "https://example.org/x"],
        ["analyze", "a.txt", "--date", "30/04/2016"],
        ["analyze", "a.txt", "--as", "pdf"],
        ["analyze"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit:
        main(argv)
    assert exit.value.code == 2


def test_several_articles_make_a_json_list(capsys):
    status, out, _ = run(capsys, "analyze", str(FIXTURES))
    articles = json.loads(out)
    assert status == 0
    assert [a["input"].rsplit("/", 1)[1] for a in articles] == sorted(p.name for p in FIXTURES.glob("*.txt"))


def test_a_stage_that_fails_on_one_article_fails_only_that_article(capsys, monkeypatch, tmp_path):
    import dateline.pipeline as pipeline

    def fragile(article, doc):
        if "Kremlin" in article.text:
            raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "STAGES", (*pipeline.STAGES, fragile))
    status, out, err = run(
        capsys, "analyze", str(FIXTURES / "scrape-wire-dateline.txt"), str(FIXTURES / "scrape-hard-wrapped.txt"),
        "--format", "jsonl",
    )
    first, second = (json.loads(line) for line in out.splitlines())
    assert status == 1
    assert "fragile: RuntimeError: boom" in first["error"] and first["actors"] == []
    assert "error" not in second and second["actors"]
