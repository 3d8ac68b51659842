"""Places: toponyms found and resolved to GeoNames, metonyms left to the actors, the place a sentence sets."""

import math

import pytest

import dateline
from dateline.geo import distance_km, fold, gazetteer, place_of_sentence, resolve_span
from tests.conftest import SHARED

ALEPPO = (36.20, 37.16)
GENEVA = (46.20, 6.14)
GWN = SHARED / "benchmarks" / "geowebnews"


@pytest.fixture(scope="module")
def seed(seed_text):
    return dateline.analyze(seed_text)


@pytest.fixture(scope="module")
def qatarji():
    return dateline.analyze(
        "Syrian men carried a body through the rubble of destroyed buildings in the Qatarji neighborhood of Aleppo "
        "on Friday. Officials later met in Paris, Texas. The talks resumed in the Swiss city of Geneva.",
        kind="plain",
    )


def places_named(article, text):
    return [p for p in article.places if p["text"] == text]


def near(place, point, km):
    return distance_km(place["lat"], place["lon"], *point) < km


def test_aleppo_and_geneva_in_the_seed_are_resolved_with_coordinates(seed):
    aleppo = places_named(seed, "Aleppo")
    assert len(aleppo) >= 8  # every "in Aleppo", "around Aleppo", "Aleppo has been divided", whatever the tagger said
    for place in aleppo:
        assert (place["geonameid"], place["country"], place["feature"]) == (170063, "SYR", "city")
        assert near(place, ALEPPO, 5)
    (geneva,) = places_named(seed, "Geneva")
    assert (geneva["geonameid"], geneva["country"], geneva["feature"]) == (2660646, "CHE", "city")
    assert near(geneva, GENEVA, 5)
    syria = places_named(seed, "Syria")
    assert syria and all(p["feature"] == "country" and p["geonameid"] == 163843 for p in syria)
    for place in seed.places:  # offsets index the text
        assert seed.text[place["start"]:place["end"]] == place["text"]


def test_capitals_that_act_are_not_places(seed):
    # "Moscow will not seek a halt", "pressure on (Damascus)", "if Damascus does not stop", "underway by Moscow"
    assert not places_named(seed, "Moscow")
    assert not places_named(seed, "Damascus")
    # nor a demonym, nor a country that acts ("backed by Saudi Arabia")
    assert not places_named(seed, "Syrian") and not places_named(seed, "Saudi Arabia")


def test_qatarji_is_a_district_inside_aleppo(qatarji):
    (district,) = places_named(qatarji, "Qatarji")
    assert district["feature"] == "district" and district["country"] == "SYR"
    assert near(district, ALEPPO, 10)
    assert qatarji.places[district["within"]]["text"] == "Aleppo"
    (aleppo,) = places_named(qatarji, "Aleppo")
    assert aleppo["geonameid"] == 170063


def test_the_seed_caption_naming_qatarji_is_boilerplate(seed):
    assert "Qatarji" not in seed.text
    assert any("Qatarji" in removed.text for removed in seed.removed)


def test_paris_texas_is_the_one_in_texas(qatarji):
    (paris,) = places_named(qatarji, "Paris")
    assert paris["country"] == "USA"
    assert near(paris, (33.66, -95.56), 10)
    (texas,) = places_named(qatarji, "Texas")
    assert texas["feature"] == "admin1" and qatarji.places[paris["within"]] is texas


def test_paris_alone_is_the_french_capital():
    article = dateline.analyze("Protesters marched in Paris on Saturday.", kind="plain")
    (paris,) = places_named(article, "Paris")
    assert paris["country"] == "FRA" and paris["geonameid"] == 2988507


def test_the_swiss_city_of_geneva_is_in_switzerland(qatarji):
    (geneva,) = places_named(qatarji, "Geneva")
    assert geneva["country"] == "CHE"


def test_a_wire_dateline_is_a_place():
    article = dateline.analyze(
        "BEIRUT (AP) - A Kurdish militia spokesman says Turkey has shelled a city in northeastern Syria.",
        kind="plain",
    )
    (beirut,) = places_named(article, "BEIRUT")
    assert beirut["country"] == "LBN"


def test_place_of_sentence_is_the_place_after_in_else_the_dateline():
    text = ("BEIRUT (AP) - Turkish jets struck villages in the Qatarji neighborhood of Aleppo on Tuesday. "
            "Officials in Ankara declined to comment. Syria's government condemned the raids.")
    article = dateline.analyze(text, kind="plain")
    first_end = text.index("Tuesday.") + len("Tuesday.")
    index = place_of_sentence(article, 0, first_end)
    assert article.places[index]["text"] == "Qatarji"  # the most specific place the sentence sets
    second = text.index("Officials")
    index = place_of_sentence(article, second, text.index("comment.") + 8)
    assert article.places[index]["text"] == "Ankara"
    third = text.index("Syria's government")
    index = place_of_sentence(article, third, len(text))
    assert article.places[index]["text"] == "BEIRUT"  # no place set: the dateline's
    assert place_of_sentence(dateline.analyze("Nothing happened.", kind="plain"), 0, 17) is None


def test_resolve_span_reads_a_demonym_and_the_context(seed):
    start = seed.text.index("Syrian")
    place = resolve_span(seed, start, start + len("Syrian"))
    assert place["country"] == "SYR" and place["feature"] == "country"
    start = seed.text.index("Moscow")
    place = resolve_span(seed, start, start + len("Moscow"))  # the city, when asked where it is
    assert place["geonameid"] == 524901


def test_gazetteer_names_fold_accents_case_and_abbreviations():
    assert fold("Tamil Nādu") == fold("tamil nadu") == "tamil nadu"
    assert fold("St. Petersburg") == "saint petersburg"
    assert fold("the Middle East") == "middle east"
    gaz = gazetteer()
    assert gaz is gazetteer()  # built once per process
    assert any(m.place.country == "USA" and m.place.feature == "admin1" for m in gaz.lookup("W.Va."))
    assert gaz.adjective("Swiss").country == "CHE"
    assert math.isclose(distance_km(0, 0, 0, 1), 111.2, rel_tol=0.01)


# --------------------------------------------------------------------------------------------------------------------
# The GeoWebNews scorer (bench/geo.py)
# --------------------------------------------------------------------------------------------------------------------

needs_gwn = pytest.mark.skipif(
    not (GWN / "GWN.xml").exists(), reason=f"GeoWebNews is not at {GWN} (it comes with ../shared, which CI has)"
)


@pytest.fixture(scope="module")
def gold():
    from bench.geo import load_gold

    return load_gold(GWN)


@needs_gwn
def test_gold_loader_reads_every_article_with_offsets_that_give_the_text(gold):
    assert len(gold) == 200
    toponyms = [t for a in gold for t in a.toponyms]
    assert len(toponyms) > 6000
    for article in gold:
        for toponym in article.toponyms:
            assert article.text[toponym.start:toponym.end] == toponym.text
    assert sum(a.misaligned for a in gold) < 10
    beirut = next(t for t in gold[1].toponyms if t.text == "BEIRUT")
    assert (beirut.type, beirut.geonameid) == ("Mixed", 276781) and beirut.literal
    assert all(t.lat is None for t in toponyms if t.type in ("Literal_Expression", "Non_Lit_Expression"))


def test_scorer_metrics():
    from bench.geo import MAX_ERROR_KM, auc_of_errors, prf, span_counts

    assert auc_of_errors([0.0, 0.0, 0.0]) == 0.0
    assert math.isclose(auc_of_errors([MAX_ERROR_KM - 1] * 4), 1.0)
    assert 0 < auc_of_errors([0, 10, 100, 1000]) < 1
    assert span_counts([(0, 5), (10, 15)], [(0, 5), (20, 25)]) == (1, 1, 1)
    assert span_counts([(0, 6)], [(1, 5)], exact=False) == (1, 0, 0)
    assert prf(1, 1, 1) == (0.5, 0.5, 0.5)


def test_bench_says_clearly_when_the_data_is_absent(tmp_path, capsys):
    from bench.geo import main

    assert main(["--data", str(tmp_path)]) == 2
    assert "GeoWebNews is not at" in capsys.readouterr().err
