"""Exports: every table in every format reads back as it was stored, and events map onto GDELT's layout."""

import io
import json

import pyarrow.parquet as pq
import pytest

from dateline.article import Article
from dateline.cli import main
from dateline.export import GDELT_COLUMNS, TABLES, export, gdelt_rows, read_csv, table_rows
from dateline.store import open_store

ACTORS = [
    {"id": "RUS-GOV", "name": "Russian government", "kind": "government", "country": "RUS", "sector": "GOV",
     "role": "government", "aliases": ["Moscow"], "wikidata": None, "mentions": 3},
    {"id": "SYR", "name": "Syria", "kind": "state", "country": "SYR", "sector": None, "role": None,
     "aliases": [], "wikidata": "Q858", "mentions": 2},
]
PLACES = [{"start": 60, "end": 66, "text": "Aleppo", "name": "Aleppo", "geonameid": 170063, "lat": 36.20124,
           "lon": 37.16117, "country": "SYR", "feature": "PPLA"}]
# Filled by hand: the events stage has not landed; this is what it will write, per the contract.
EVENTS = [
    {"type": "REJECT", "mode": "refuse", "context": ["military"], "source": ["RUS-GOV"], "target": ["SYR"],
     "place": 0, "date": "2016-04-30", "date_precision": "day", "sentence": {"start": 0, "end": 80},
     "trigger": {"start": 12, "end": 20, "text": "pressure"}, "quote": None, "cameo": "128", "confidence": 0.8},
    {"type": "ASSAULT", "mode": None, "context": [], "source": ["SYR", "RUS-GOV"], "target": [], "place": None,
     "date": None, "date_precision": None, "sentence": {"start": 81, "end": 120}, "trigger": None, "quote": 0,
     "cameo": "195", "confidence": None},
]
QUOTES = [{"start": 81, "end": 100, "text": "We will not press", "kind": "direct",
           "cue": {"start": 101, "end": 105, "text": "said"}, "speaker": None}]


def _articles():
    seed_like = Article(
        input="seed.txt", url=None, title="Russia won't pressure Syria to halt Aleppo strikes: Official",
        text="Moscow will not pressure the Syrian government to stop its strikes on Aleppo, an official said. "
             "\"We will not press,\" he said, \"not at all\"; the offensive goes on.",
        outlet={"name": "Press TV", "domain": "presstv.ir", "country": "IRN", "state_affiliated": True},
        published="2016-04-30", published_precision="day", language="en", warnings=["date from a caption"],
        actors=ACTORS, places=PLACES, events=EVENTS, quotes=QUOTES,
        mentions=[{"start": 0, "end": 6, "text": "Moscow", "actor": "RUS-GOV", "kind": "name"}],
    )
    other = Article(input="b.html", url="https://example.org/b", title="Quiet day, with commas, and \"quotes\"",
                    text="Nothing happened.\nA second line, with a comma.", published="2016-05-01")
    return [seed_like, other]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("export") / "x.db") as store:
        for article in _articles():
            store.put(article)
        yield store


def test_gdelt_rows_map_events_actors_and_places():
    first, second = gdelt_rows(7, _articles()[0].to_dict())
    assert first == {
        "GlobalEventID": "7-0", "SQLDATE": 20160430,
        "Actor1Code": "RUSGOV", "Actor1Name": "Russian government", "Actor1CountryCode": "RUS",
        "Actor1Type1Code": "GOV",
        "Actor2Code": "SYR", "Actor2Name": "Syria", "Actor2CountryCode": "SYR", "Actor2Type1Code": None,
        "EventCode": "128", "EventBaseCode": "128", "EventRootCode": "12", "QuadClass": 3,
        "ActionGeo_FullName": "Aleppo", "ActionGeo_CountryCode": "SYR", "ActionGeo_Lat": 36.20124,
        "ActionGeo_Long": 37.16117, "ActionGeo_FeatureID": 170063,
        "SOURCEURL": None, "ArticleID": 7, "EventIndex": 0, "PloverType": "REJECT", "PloverMode": "refuse",
        "DatePrecision": "day", "Actor1ID": "RUS-GOV", "Actor2ID": "SYR", "Confidence": 0.8,
    }
    assert list(first) == [c.name for c in GDELT_COLUMNS]
    # The first source stands for the event; no target, no place; the article's date when the event has none.
    assert (second["Actor1Code"], second["Actor2Code"], second["Actor2Name"], second["ActionGeo_FullName"]) == (
        "SYR", None, None, None)
    assert (second["SQLDATE"], second["DatePrecision"], second["QuadClass"]) == (20160430, "day", 4)


def test_gdelt_dates_and_codes_at_the_edges():
    article = {"published": "2016-04", "published_precision": "month", "actors": [],
               "events": [{"type": "AID", "source": ["X"], "target": ["Y"], "cameo": "07", "date": None},
                          {"type": "AGREE", "source": [], "target": [], "cameo": None, "date": "2016"}]}
    aid, agree = gdelt_rows(1, article)
    assert (aid["SQLDATE"], aid["DatePrecision"], aid["QuadClass"]) == (20160400, "month", 2)
    assert aid["EventBaseCode"] == "07"
    assert (aid["Actor1Name"], aid["Actor1Code"]) == ("X", None)  # an id the article's actors lack: kept as name
    assert (agree["SQLDATE"], agree["EventCode"], agree["QuadClass"], agree["Actor1ID"]) == (20160000, None, None, None)


@pytest.mark.parametrize("table", TABLES)
def test_every_table_round_trips_through_jsonl_csv_and_parquet(store, tmp_path, table):
    columns, rows = table_rows(store, table)
    rows = list(rows)
    names = [c.name for c in columns]

    assert export(store, table, "jsonl", tmp_path / "t.jsonl") == len(rows)
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == rows

    assert export(store, table, "csv", tmp_path / "t.csv") == len(rows)
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()[0] == ",".join(names)
    # CSV has no missing value but the empty cell: an empty string reads back as None.
    expected = [{k: (None if v == "" else v) for k, v in row.items()} for row in rows]
    assert read_csv(tmp_path / "t.csv", columns) == expected

    assert export(store, table, "parquet", tmp_path / "t.parquet") == len(rows)
    parquet = pq.read_table(tmp_path / "t.parquet")
    assert parquet.column_names == names
    decoded = [{c.name: (json.loads(row[c.name]) if c.type == "json" and row[c.name] is not None else row[c.name])
                for c in columns} for row in parquet.to_pylist()]
    assert decoded == rows


def test_exports_hold_what_was_stored(store):
    counts = {table: len(list(table_rows(store, table)[1])) for table in TABLES}
    assert counts == {"articles": 2, "actors": 2, "mentions": 1, "entities": 0, "quotes": 1, "places": 1,
                      "events": 2, "errors": 0, "gdelt": 2}
    events = list(table_rows(store, "events")[1])
    assert (events[0]["source"], events[0]["trigger_text"], events[0]["context"]) == (["RUS-GOV"], "pressure",
                                                                                      ["military"])
    assert events[1]["trigger_text"] is None and events[1]["quote"] == 0
    articles = list(table_rows(store, "articles")[1])
    assert [a["outlet"] for a in articles] == ["Press TV", None]


def test_export_command(store, tmp_path, capsys):
    out = tmp_path / "gdelt.csv"
    assert main(["export", "--db", store.location, "--table", "gdelt", "--out", str(out)]) == 0
    assert "wrote 2 gdelt rows" in capsys.readouterr().err
    assert [row["Actor1Code"] for row in read_csv(out, list(GDELT_COLUMNS))] == ["RUSGOV", "SYR"]  # csv from .csv

    assert main(["export", "--db", store.location, "--table", "quotes"]) == 0  # jsonl on stdout
    assert json.loads(capsys.readouterr().out)["cue_text"] == "said"

    with pytest.raises(SystemExit) as exit_:
        main(["export", "--db", store.location, "--table", "events", "--format", "parquet"])
    assert exit_.value.code == 2
    assert main(["export", "--db", str(tmp_path / "none.db"), "--table", "events"]) == 2
    assert "no dateline database" in capsys.readouterr().err


def test_export_to_an_open_file(store):
    buffer = io.StringIO()
    assert export(store, "actors", "csv", buffer) == 2
    assert buffer.getvalue().startswith("article_id,url,published,idx,actor,name")
