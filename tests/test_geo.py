"""Places: toponyms found and resolved to GeoNames, metonyms left to the actors, the place a sentence sets."""

import math

import pytest

import dateline
from dateline.geo import distance_km, fold, gazetteer, place_of_sentence, resolve_span
from dateline.geo.gazetteer import subdivision_meant
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
        "BEIRUT (AP) - An aid agency spokeswoman says a convoy of grain trucks crossed into the south on Friday.",
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


# --------------------------------------------------------------------------------------------------------------------
def test_a_street_in_a_local_paper_whose_domain_names_no_town_is_in_the_registrys_home():
    text = ("Firefighters were sent to a house on River Avenue late on Saturday when neighbours saw smoke, a "
            "spokesman said. Nobody was hurt.")
    start = text.index("River Avenue")
    for url, country, home in (("https://www.nola.com/news/crime/fire-1", "USA", (29.95, -90.08)),  # New Orleans
                               ("https://www.startribune.com/fire/1", "USA", (44.98, -93.26)),  # Minneapolis
                               ("https://www.theargus.co.uk/news/1", "GBR", (50.83, -0.14))):  # Brighton
        article = dateline.analyze(text, kind="plain", url=url)
        assert article.outlet["home"] is not None, url
        street = resolve_span(article, start, start + len("River Avenue"))
        assert street is not None and street["country"] == country and near(street, home, 20), (url, street)
    for url in ("https://www.reuters.com/world/fire-1", "https://www.bbc.co.uk/news/1"):  # national: no home
        article = dateline.analyze(text, kind="plain", url=url)
        assert article.outlet["home"] is None
        street = resolve_span(article, start, start + len("River Avenue"))
        assert street is None or not any(near(street, p, 161) for p in ((29.95, -90.08), (50.83, -0.14))), url


def test_the_registry_home_comes_before_the_domain_and_from_the_outlet_object():
    from dateline.article import Article
    from dateline.geo.outlets import outlet_home

    gaz = gazetteer()

    def home(url, outlet=None):
        place = outlet_home(Article(input="x", url=url, outlet=outlet), gaz)
        return place and (place.name, place.country)

    assert home("https://www.nola.com/news/1") == ("New Orleans", "USA")
    assert home("https://www.inquirer.com/news/1") == ("Philadelphia", "USA")
    assert home("https://www.irishnews.com/news/1") == ("Belfast", "GBR")
    assert home("https://www.hulldailymail.co.uk/news/1") == ("Kingston upon Hull", "GBR")
    assert home("https://www.al.com/news/1")[0] == "Alabama"  # a statewide site's home is its state
    assert home("https://www.reuters.com/world/1") is None and home("https://www.bbc.co.uk/news/1") is None
    # Identified by name in the page furniture, with no URL: the outlet object's home
    assert home(None, {"name": "Star Tribune", "country": "USA", "home": "Minneapolis"}) == ("Minneapolis", "USA")
    assert home(None, {"name": "Star Tribune", "country": "USA"}) == ("Minneapolis", "USA")  # older objects: registry
    assert home(None, {"name": "Reuters", "country": "GBR", "home": None}) is None


# Counties, subdivisions of every level, names inside names, the outlet's domain, the focus, the cache
# --------------------------------------------------------------------------------------------------------------------


def test_a_us_county_is_a_county_in_its_state():
    article = dateline.analyze("Wildfires burned across Orange County, California, on Monday, officials said.",
                               kind="plain")
    (county,) = places_named(article, "Orange County")
    assert county["feature"] == "admin2" and county["country"] == "USA"
    assert near(county, (33.79, -117.85), 40)  # the county, not Orange County, Florida or New York


def test_english_counties_and_the_domain_of_a_british_outlet():
    gaz = gazetteer()
    kent = [m.place for m in gaz.lookup("Kent") if m.place.feature == "admin2"]
    assert kent and kent[0].country == "GBR" and distance_km(kent[0].lat, kent[0].lon, 51.2, 0.7) < 161
    leicestershire = next(m.place for m in gaz.lookup("Leicestershire"))
    assert distance_km(leicestershire.lat, leicestershire.lon, 52.64, -1.13) < 30  # its county town's point
    article = dateline.analyze("Flood warnings were issued for villages in Kent and Essex on Sunday.", kind="plain",
                               url="https://www.example-local-paper.co.uk/news/1")
    for name in ("Kent", "Essex"):
        start = article.text.index(name)
        place = resolve_span(article, start, start + len(name))
        assert place["country"] == "GBR", (name, place)


def test_the_outlet_country_falls_back_on_the_domain():
    from dateline.article import Article
    from dateline.geo.outlets import outlet_country

    gaz = gazetteer()
    assert outlet_country(Article(input="x", url="https://www.dailyecho.co.uk/news/1"), gaz) == "GBR"
    assert outlet_country(Article(input="x", url="https://www.anglocelt.ie/news/"), gaz) == "IRL"
    assert outlet_country(Article(input="x", url="https://example.tv/a"), gaz) is None  # a vanity domain
    assert outlet_country(Article(input="x", url="https://example.com/a"), gaz) is None
    registry = Article(input="x", url="https://example.co.uk/", outlet={"name": "X", "country": "USA"})
    assert outlet_country(registry, gaz) == "USA"


def test_subdivision_names_as_news_writes_them():
    from dateline.geo.gazetteer import _subdivision_names

    assert _subdivision_names("Isle of Anglesey [Sir Ynys Môn GB-YNM]") == ("Isle of Anglesey", ["Sir Ynys Môn"])
    assert _subdivision_names("Bristol, City of")[0] == "Bristol"
    name, others = _subdivision_names("Durham, County")
    assert name == "County Durham" and "Durham" in others
    assert "Aleppo" in _subdivision_names("Aleppo Governorate")[1]


def test_a_second_level_subdivision_and_an_island_by_its_english_name():
    gaz = gazetteer()
    laguna = [m.place for m in gaz.lookup("Laguna") if m.place.country == "PHL"]
    assert laguna and laguna[0].feature == "admin2" and distance_km(laguna[0].lat, laguna[0].lon, 14.2, 121.3) < 161
    sicily = [m.place for m in gaz.lookup("Sicily") if m.place.feature == "admin1"]
    assert sicily and sicily[0].country == "ITA" and distance_km(sicily[0].lat, sicily[0].lon, 37.5, 14.0) < 161


def test_a_name_no_gazetteer_knows_is_put_at_the_place_it_is_named_after():
    article = dateline.analyze("Economists at the Bank of Japan expect growth to slow, the report said.",
                               kind="plain")
    start = article.text.index("Bank of Japan")
    place = resolve_span(article, start, start + len("Bank of Japan"))
    assert place["country"] == "JPN" and place["approximate"] and place["geonameid"] is None
    gaz = gazetteer()
    from dateline.geo.places import inner_toponym

    text = "He was taken to Colchester General Hospital."
    start = text.index("Colchester")
    inner = inner_toponym(gaz, text, start, start + len("Colchester General Hospital"))
    assert inner.text == "Colchester" and any(m.place.country == "GBR" for m in inner.matches)
    text = "They met on Royal Street."
    assert inner_toponym(gaz, text, 12, 12 + len("Royal Street")) is None  # a street shares words with any town


def test_a_country_is_not_its_capitals_alternate_name():
    article = dateline.analyze("Migrants left a camp in southern Mexico on Wednesday, heading north.", kind="plain")
    (mexico,) = places_named(article, "Mexico")
    assert mexico["feature"] == "country" and mexico["country"] == "MEX"


def test_a_state_named_after_its_town_is_the_state():
    article = dateline.analyze("Mary Ann Quitugua runs a cake studio in Tacoma, Washington, and teaches classes.",
                               kind="plain")
    (washington,) = places_named(article, "Washington")
    assert washington["feature"] == "admin1" and washington["country"] == "USA"
    assert not near(washington, (38.90, -77.04), 161)  # not the capital


def test_a_states_name_among_us_states_is_the_us_state():
    article = dateline.analyze("Clinton won Virginia, Georgia and Arkansas on Tuesday.", kind="plain")
    (georgia,) = places_named(article, "Georgia")
    assert georgia["feature"] == "admin1" and georgia["country"] == "USA"
    article = dateline.analyze("The envoy visited Azerbaijan, Cyprus, Georgia and India.", kind="plain")
    (georgia,) = places_named(article, "Georgia")
    assert georgia["feature"] == "country" and georgia["country"] == "GEO"
    # (a possessive folds to the name)
    assert subdivision_meant("Georgia's", "Virginia, Georgia's governor", [], ["Virginia"])


def test_landmarks_are_places_in_their_city():
    gaz = gazetteer()
    (white_house,) = [m.place for m in gaz.lookup("White House") if m.place.feature == "district"]
    assert white_house.within == 4140963 and distance_km(white_house.lat, white_house.lon, 38.90, -77.04) < 2
    heathrow = max(gaz.lookup("Heathrow"), key=lambda m: m.place.population).place
    assert heathrow.country == "GBR"


def test_the_focus_is_where_the_places_cluster_not_a_stray_town():
    from dateline.geo.gazetteer import Match
    from dateline.geo.places import Toponym, focus

    gaz = gazetteer()

    def resolved(name, country):
        place = next(m.place for m in gaz.lookup(name) if m.place.country == country and m.place.feature == "city")
        toponym = Toponym(0, 0, name, [Match(place, False)], "entity")
        toponym.choice = place
        return toponym

    text = "x" * 400  # no dateline
    chosen = focus([resolved("Honda", "COL"), resolved("Leeds", "GBR"), resolved("Bradford", "GBR")], text)
    assert chosen.country == "GBR"


def test_the_gazetteer_cache_is_named_by_its_sources_and_can_be_turned_off(tmp_path, monkeypatch):
    from dateline.geo.gazetteer import _cache_path

    monkeypatch.setenv("DATELINE_CACHE_DIR", "off")
    assert _cache_path() is None
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    path = _cache_path()
    assert path.parent == tmp_path and path.name.startswith("gazetteer-") and path.suffix == ".pickle"
    assert _cache_path() == path  # the same sources, the same name


def test_the_gazetteer_is_cached_and_read_back(tmp_path, monkeypatch):
    import importlib
    import pickle

    module = importlib.import_module("dateline.geo.gazetteer")  # the module, not the function of that name

    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    (tmp_path / "gazetteer-0000000000000000.pickle").write_bytes(b"stale")
    small = module.Gazetteer()
    small.add(module.Place(key="dl:test", name="Testville", feature="city", lat=1.0, lon=2.0))
    monkeypatch.setattr(module, "_build", lambda: small)
    built = module.gazetteer.__wrapped__()
    assert built is small and [p.name for p in tmp_path.iterdir()] == [module._cache_path().name]  # stale gone
    read = module.gazetteer.__wrapped__()
    assert read is not small and [m.place.name for m in read.lookup("testville")] == ["Testville"]
    module._cache_path().write_bytes(pickle.dumps("not a gazetteer"))
    assert module.gazetteer.__wrapped__() is small  # a foreign file: built anew


# --------------------------------------------------------------------------------------------------------------------
# Names no gazetteer knows, put where the phrase or the article puts them
# --------------------------------------------------------------------------------------------------------------------


def test_a_village_named_with_its_county_is_put_in_the_county_not_at_a_namesake_abroad():
    article = dateline.analyze("The championship ends at Rockingham, Northamptonshire, in October after ten rounds.",
                               kind="plain")
    (rockingham,) = places_named(article, "Rockingham")
    assert rockingham["country"] == "GBR" and rockingham["approximate"]  # not Rockingham, North Carolina
    assert article.places[rockingham["within"]]["text"] == "Northamptonshire"
    assert near(rockingham, (52.51, -0.72), 161)
    start = article.text.index("Rockingham")
    assert resolve_span(article, start, start + len("Rockingham"))["country"] == "GBR"


def test_a_list_of_towns_or_states_is_no_container():
    article = dateline.analyze("The band was due to play shows in Copenhagen, Hamburg and Mannheim this month.",
                               kind="plain")
    (copenhagen,) = places_named(article, "Copenhagen")
    assert copenhagen["country"] == "DNK" and copenhagen["feature"] == "city" and not copenhagen["approximate"]
    article = dateline.analyze("The governors of Texas, Arizona, and New Mexico met on Monday to share out the "
                               "river's water.", kind="plain")
    (texas,) = places_named(article, "Texas")
    assert texas["feature"] == "admin1" and texas["country"] == "USA" and not texas["approximate"]


def test_a_street_or_venue_in_a_town_is_put_in_that_town():
    article = dateline.analyze("Tesco runs stores across the Czech Republic, in Prague, Brno and Ostrava. In "
                               "Slovakia, shoppers queued outside its department store on Kamenné Square in "
                               "Bratislava on Saturday.", kind="plain")
    start = article.text.index("Kamenné Square")
    square = resolve_span(article, start, start + len("Kamenné Square"))
    assert square["country"] == "SVK" and square["approximate"] and square["geonameid"] is None
    assert near(square, (48.15, 17.11), 10)
    for place in places_named(article, "Kamenné Square"):  # when the tagger finds it, the stage agrees
        assert article.places[place["within"]]["text"] == "Bratislava"
    article = dateline.analyze("The film premiered in Los Angeles and Hollywood, then in New York. The after-party "
                               "dinner was held at Black Sheep in Irvine, where the chef cooked for the crew.",
                               kind="plain")
    start = article.text.index("Black Sheep")
    (irvine,) = places_named(article, "Irvine")
    venue = resolve_span(article, start, start + len("Black Sheep"))
    assert (venue["lat"], venue["lon"]) == (irvine["lat"], irvine["lon"]) and venue["feature"] == "unknown"


def test_a_county_known_only_approximately_is_nearer_than_the_country_for_a_village():
    article = dateline.analyze("Police in Essex said a cyclist was hurt in a crash on the A120 near Coggeshall on "
                               "Thursday.", kind="plain")
    (essex,) = places_named(article, "Essex")
    assert essex["feature"] == "admin2" and essex["approximate"]
    start = article.text.index("Coggeshall")
    village = resolve_span(article, start, start + len("Coggeshall"))
    assert village["country"] == "GBR" and (village["lat"], village["lon"]) == (essex["lat"], essex["lon"])
    assert near(village, (51.87, 0.69), 161)  # Britain's own point (54.8 N, 2.7 W) is some 400 km away


def test_a_place_the_tagger_cut_short_is_read_whole():
    article = dateline.analyze("Work on a maternity wing began at Derry’s Altnagelvin Hospital on Monday. No larger "
                               "one exists in Northern Ireland, health officials said.", kind="plain")
    (region,) = places_named(article, "Northern Ireland")  # the tagger's entity is "Ireland" alone
    assert region["feature"] == "admin1" and region["country"] == "GBR"
    assert not [p for p in article.places if p["country"] == "IRL"]


def test_a_venue_written_as_a_towns_own_is_in_that_town():
    article = dateline.analyze("Work on a maternity wing began at Derry’s Altnagelvin Hospital on Monday. No larger "
                               "one exists in Northern Ireland, health officials said.", kind="plain")
    start = article.text.index("Altnagelvin Hospital")
    hospital = resolve_span(article, start, start + len("Altnagelvin Hospital"))
    assert hospital["country"] == "GBR" and hospital["approximate"] and near(hospital, (55.00, -7.31), 10)
    from dateline.geo.places import inner_toponym

    text = "Passengers were stranded at London's Heathrow Airport."
    start = text.index("Heathrow")
    owner = inner_toponym(gazetteer(), text, start, start + len("Heathrow Airport"))
    assert owner.text == "London" and any(m.place.country == "GBR" for m in owner.matches)
    text = "Protesters gathered outside Russia's embassy."  # a country that owns it is a hint, not a town
    start = text.index("embassy")
    assert inner_toponym(gazetteer(), text, start, start + len("embassy")) is None


def test_the_focus_is_in_the_country_the_article_names_most():
    text = ("The British Touring Car Championship starts at Brands Hatch, Kent, on Sunday. Last year Honda took the "
            "title in Medellin. The calendar visits Thruxton, Hampshire, Oulton Park, Cheshire, and Silverstone, "
            "Northamptonshire, and the season ends at Snetterton.")
    article = dateline.analyze(text, kind="plain", url="https://www.example-motoring.co.uk/news/1")
    (medellin,) = places_named(article, "Medellin")
    assert medellin["country"] == "COL"  # the one town the gazetteer is sure of is abroad
    start = text.index("Snetterton")
    circuit = resolve_span(article, start, start + len("Snetterton"))
    assert circuit["country"] == "GBR" and near(circuit, (52.47, 0.94), 250)  # an English county's point
    for place in places_named(article, "Snetterton"):
        assert place["country"] == "GBR"


def test_a_ministry_sits_in_the_capital_and_an_embassy_abroad():
    from dateline.geo.places import inner_toponym

    gaz = gazetteer()
    text = "The envoy was told of the expulsions at the Russian Foreign Ministry on Wednesday."
    start = text.index("Russian Foreign Ministry")
    ministry = inner_toponym(gaz, text, start, start + len("Russian Foreign Ministry"))
    (moscow,) = {m.place for m in ministry.matches}
    assert (moscow.name, moscow.country, moscow.feature) == ("Moscow", "RUS", "city")  # not Russia's middle
    text = "Trade officials at the British Embassy Tokyo said exports had doubled."
    start = text.index("British Embassy Tokyo")
    embassy = inner_toponym(gaz, text, start, start + len("British Embassy Tokyo"))
    assert embassy.text == "Tokyo" and all(m.place.country == "JPN" for m in embassy.matches)
    text = "Protesters gathered outside the Russian Embassy on Sunday."
    start = text.index("Russian Embassy")
    assert inner_toponym(gaz, text, start, start + len("Russian Embassy")) is None  # abroad, not in Russia
    article = dateline.analyze("Economists at the Bank of Japan expect growth to slow, the report said.",
                               kind="plain")
    start = article.text.index("Bank of Japan")
    bank = resolve_span(article, start, start + len("Bank of Japan"))
    assert bank["country"] == "JPN" and near(bank, (35.69, 139.69), 30)  # Tokyo


def test_a_name_cased_inside_the_word_is_that_place_only_as_so_cased():
    gaz = gazetteer()
    assert any(m.place.name == "NoMa" for m in gaz.lookup("NoMa"))  # Washington's neighbourhood
    assert not any(m.place.name == "NoMa" for m in gaz.lookup("Noma"))  # a woman's name
    assert any(m.place.name == "NoMa" for m in gaz.lookup("NOMA"))  # a headline in capitals
    article = dateline.analyze("Noma, a nurse from Gugulethu in Cape Town, told the inquiry in March that she had "
                               "waited a year. Noma said she would appeal.", kind="plain")
    assert not [p for p in article.places if p["country"] == "USA"]


def test_a_local_outlet_is_named_after_its_town():
    from dateline.article import Article
    from dateline.geo.outlets import outlet_home

    gaz = gazetteer()

    def home(url):
        place = outlet_home(Article(input="x", url=url), gaz)
        return place and (place.name, place.country)

    assert home("https://www.derryjournal.com/news/1") == ("Derry", "GBR")
    assert home("https://saskatoon.ctvnews.ca/a") == ("Saskatoon", "CAN")
    assert home("https://www.chicagotribune.com/news/") == ("Chicago", "USA")
    assert home("https://www.washingtonpost.com/world/") == ("Washington", "USA")  # the city, not the state
    assert home("https://www.gloucestershirelive.co.uk/news/")[0] == "Gloucestershire"
    assert home("https://www.dailyecho.co.uk/news/1") is None  # "Daily Echo" names no town
    assert home("https://www.bbc.co.uk/news/1") is None


def test_a_street_in_a_local_paper_that_names_no_town_is_in_the_papers_town():
    text = ("Firefighters were sent to a house on River Avenue late on Saturday when neighbours saw smoke, a "
            "spokesman said. Nobody was hurt.")
    article = dateline.analyze(text, kind="plain", url="https://winnipeg.ctvnews.ca/fire-1")
    start = text.index("River Avenue")
    street = resolve_span(article, start, start + len("River Avenue"))
    assert street["country"] == "CAN" and near(street, (49.90, -97.14), 20)  # Winnipeg
    elsewhere = dateline.analyze(text + " The fire was the third this month in Vancouver.", kind="plain",
                                 url="https://winnipeg.ctvnews.ca/fire-1")
    street = resolve_span(elsewhere, start, start + len("River Avenue"))
    assert near(street, (49.25, -123.12), 20)  # a town the article names comes first


def test_pakistans_former_tribal_agencies_are_places():
    article = dateline.analyze("The army chief inaugurated a market in South Waziristan Agency on Thursday, part of "
                               "an uplift programme for the Federally Administered Tribal Areas (FATA).", kind="plain")
    gaz = gazetteer()
    (agency,) = [m.place for m in gaz.lookup("South Waziristan Agency")]
    assert agency.feature == "admin2" and agency.country == "PAK" and not agency.approximate
    assert distance_km(agency.lat, agency.lon, 32.30, 69.57) < 10  # Wana, its seat
    assert [m.place.name for m in gaz.lookup("FATA")] == ["Federally Administered Tribal Areas"]
    assert not gaz.lookup("Fata")  # the abbreviation only in capitals
    start = article.text.index("FATA")
    assert resolve_span(article, start, start + 4)["country"] == "PAK"


def test_a_venue_followed_by_its_town_is_in_that_town_but_not_a_clause():
    text = ("Venues include the Market Square, Cavan; the Percy French Hotel, Ballyjamesduff; and the Ramor Theatre in "
            "Virginia.")
    from dateline.geo.places import Toponym, _read_phrases

    gaz = gazetteer()
    hotel = Toponym(text.index("Percy"), text.index(", Bally"), "Percy French Hotel", [], "entity")
    town_start = text.index("Ballyjamesduff")
    town = Toponym(town_start, town_start + len("Ballyjamesduff"), "Ballyjamesduff",
                   [m for m in gaz.lookup("Cavan") if m.place.feature == "city"], "entity")  # a stand-in town
    _read_phrases(text, [hotel, town], gaz)
    assert hotel.inside is town
    text = "In Madinaty, Liverpool have opened an academy for children."
    place = Toponym(3, 11, "Madinaty", [], "entity")
    club = Toponym(13, 22, "Liverpool", [m for m in gaz.lookup("Liverpool") if m.place.feature == "city"], "entity")
    _read_phrases(text, [place, club], gaz)
    assert place.inside is None  # the town opens a clause: it holds nothing


def test_an_alternate_name_of_a_town_abroad_gives_way_to_the_towns_of_that_name():
    from dateline.geo.places import candidates

    gaz = gazetteer()
    garden_city = candidates(gaz, "Garden City")
    assert garden_city and not any(m.place.name == "Singapore" for m in garden_city)  # a nickname of Singapore
    assert {m.place.country for m in garden_city} >= {"USA"}
    assert not any(m.place.country == "CHN" for m in candidates(gaz, "Canton"))  # Canton, Ohio et al.
    assert [m.place.name for m in candidates(gaz, "Bombay")] == ["Mumbai"]  # no town of its own: the old name
    assert any(m.place.country == "ITA" for m in candidates(gaz, "Florence"))  # GeoNames' own English name


def test_a_us_postal_code_after_a_place_and_a_comma_is_the_state():
    from dateline.geo.places import postal_state

    gaz = gazetteer()
    text = "HORRY COUNTY, SC (WMBF) - Volunteers cleared litter from the dunes on Saturday morning."
    assert postal_state(gaz, text, 14, 16).name == "South Carolina"
    flights = "Flights to Portland, OR and Seattle resumed."
    assert postal_state(gaz, flights, flights.index("OR"), flights.index("OR") + 2).name == "Oregon"
    assert postal_state(gaz, "Buy one, OR two.", 9, 11) is None  # no place before the comma
    assert postal_state(gaz, "The SC ruled on Monday.", 4, 6) is None
    article = dateline.analyze(text, kind="plain")
    start = text.index("SC")
    state = resolve_span(article, start, start + 2)
    assert state["feature"] == "admin1" and state["name"] == "South Carolina"


def test_a_short_acronym_is_no_small_town_of_that_name():
    from dateline.geo.places import candidates

    gaz = gazetteer()
    assert candidates(gaz, "OAS") == []  # the Organization of American States, not Oas in the Philippines
    assert candidates(gaz, "CHU") == []  # a French hospital, not Chũ
    assert candidates(gaz, "Oas")  # the town as its name is written
    assert any(m.place.name == "Manhattan" for m in candidates(gaz, "NYC"))  # a city's own abbreviation
    assert any(m.place.country == "GBR" for m in candidates(gaz, "UK"))
    article = dateline.analyze("Delegates met at the OAS in Washington on Tuesday for a second day of talks, the "
                               "foreign minister said.", kind="plain")
    assert not [p for p in article.places if p["country"] == "PHL"]


def test_a_feast_the_tagger_reads_as_a_place_is_no_place():
    text = ("Pope urges peace in Easter message\n\nVATICAN CITY (AP) — Pope Francis celebrated Easter Mass on Sunday "
            "and called for peace in Syria and Ukraine. During Ramadan, fighting in Gaza went on.")
    places = [p["text"] for p in dateline.analyze(text, kind="plain").places]
    assert "Easter" not in places and "Ramadan" not in places
    assert {"Syria", "Ukraine", "Gaza"} <= set(places)


def test_a_saints_church_or_square_is_not_the_saints_town():
    def places(text):
        return {p["text"]: p for p in dateline.analyze(text, kind="plain").places}

    square = places("Thousands gathered in St. Peter's Square in Vatican City on Sunday.")["St. Peter's Square"]
    assert square["country"] == "VAT"  # not Saint Peter, Antigua
    cathedral = places("A service was held at St. Paul's Cathedral in London.")["St. Paul's Cathedral"]
    assert cathedral["country"] == "GBR"  # not Saint Paul, Minnesota
    assert "Mary's" not in places("Mourners filled St. Mary's Church in Boston on Tuesday.")  # nor Mary, Turkmenistan
    city = places("St. Petersburg's Hermitage Museum reopened on Monday.")["St. Petersburg"]
    assert city["country"] == "RUS"
