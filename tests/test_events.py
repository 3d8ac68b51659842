"""Events on the seed and on sentences of our own: PLOVER type, mode, actors, date, place, quote, one act once."""

from datetime import date

import pytest

import dateline
from dateline.events.dates import EventDate, resolve
from dateline.events.vocabulary import TYPES, compiled_matcher, vocabulary
from dateline.nlp import load_model


@pytest.fixture(scope="module")
def seed(seed_text):
    return dateline.analyze(seed_text)


def analyze(text: str, published: str = "2016-04-30"):
    return dateline.analyze(text, kind="plain", date=published)


def events_of(article, event_type: str, source: str | None = None) -> list[dict]:
    return [e for e in article.events if e["type"] == event_type and (source is None or source in e["source"])]


def one(article, event_type: str, source: str | None = None) -> dict:
    found = events_of(article, event_type, source)
    assert len(found) == 1, f"{event_type} by {source}: {found or [(e['type'], e['source']) for e in article.events]}"
    return found[0]


def actor(article, actor_id: str) -> dict:
    return next(a for a in article.actors if a["id"] == actor_id)


def triggers(event: dict) -> list[str]:
    return [e["trigger"]["text"] for e in event["evidence"]]


# ----------------------------------------------------------------------------------------------------------------
# the seed
def test_russia_refuses_to_press_syria_told_twice_is_one_refusal(seed):
    # "Moscow will not seek a halt to Syrian airstrikes ..." and "we are not going to put pressure on (Damascus)":
    # a denied request is a refusal (PLOVER 3.10), not a halt, and the lede and the quote tell the same act.
    refusal = one(seed, "REJECT", "RUS-GOV")
    assert "SYR-GOV" in refusal["target"]
    assert triggers(refusal) == ["seek", "pressure"]
    assert (refusal["date"], refusal["date_precision"]) == ("2016-04-30", "day")  # "said Saturday"
    assert refusal["claimant"] == "person:gennady-gatilov"
    assert not events_of(seed, "REQUEST", "RUS-GOV") and not events_of(seed, "RETREAT")
    # the second telling is Gatilov's direct quote
    quoted = refusal["evidence"][1]["quote"]
    assert quoted is not None and seed.quotes[quoted]["kind"] == "direct"


def test_syrian_airstrikes_are_an_aerial_assault_on_militants_in_aleppo(seed):
    strikes = next(e for e in events_of(seed, "ASSAULT") if "airstrikes" in triggers(e))
    assert strikes["mode"] == "aerial" and strikes["cameo"] == "195"
    assert [actor(seed, a)["country"] for a in strikes["source"]] == ["SYR"]
    militants = [actor(seed, a) for a in strikes["target"]]
    assert [(m["country"], m["sector"]) for m in militants] == [("SYR", "REB")]  # "militant-held areas of Aleppo"
    assert seed.places[strikes["place"]]["name"] == "Aleppo"
    assert (strikes["date"], strikes["date_precision"]) == ("2016-04-30", "day")
    # Syria's campaign and its offensive in Aleppo, told again by Gatilov, are the same assault.
    assert {"campaign", "offensive"} <= set(triggers(strikes))


def test_hnc_demands_that_damascus_stop_fighting(seed):
    # "a demand by Syria's High Negotiations Committee" and "the group has warned that if Damascus does not stop
    # fighting in Aleppo, ...": one request, to the Syrian government, to stop fighting.
    demand = one(seed, "REQUEST", "HNC")
    assert demand["target"] == ["SYR-GOV"]
    assert demand["mode"] == "yield"
    assert triggers(demand) == ["demand", "warned"]
    assert demand["date"] == "2016-04-30"


def test_hnc_walked_out_of_the_geneva_talks_last_week(seed):
    walkout = one(seed, "REJECT", "HNC")
    assert walkout["mode"] == "walk-out" and walkout["trigger"]["text"] == "left"
    assert seed.places[walkout["place"]]["name"] in ("Geneva", "Genève")
    assert (walkout["date"], walkout["date_precision"]) == ("2016-04-18", "week")  # "last week"


def test_hnc_accused_the_government_of_violating_the_truce(seed):
    accusation = one(seed, "ACCUSE", "HNC")  # "after it accused ...": "it" is the HNC
    assert accusation["target"] == ["SYR-GOV"] and accusation["mode"] == "allege"
    assert accusation["date"] == "2016-04-18"  # the clause's date is the sentence's "last week"
    assert not events_of(seed, "REJECT", "SYR-GOV")  # the violation is what is alleged, not an event


def test_russia_seeks_to_blacklist_two_groups(seed):
    # "efforts are underway by Moscow for broadening the list of outlawed groups" and "We are trying now to add
    # two more to them, ... namely Jaysh al-Islam and Ahrar ash-Sham": one intended sanction.
    move = one(seed, "SANCTION", "RUS-GOV")
    assert move["modality"] == "intended" and move["mode"] == "blacklist"
    assert set(move["target"]) == {"JAI", "AHRAR"}
    assert triggers(move) == ["broadening", "add"]
    assert (move["date"], move["date_precision"]) == ("2016-04-30", "day")  # no date words: the article's date
    assert move["claimant"] == "person:gennady-gatilov"
    assert seed.quotes[move["quote"]]["speaker"]["actor"] == "person:gennady-gatilov"


def test_a_truce_sponsored_by_two_states_has_two_sources(seed):
    sponsorship = one(seed, "SUPPORT", "USA-GOV")
    assert sponsorship["source"] == ["USA-GOV", "RUS-GOV"]  # "sponsored by the United States and Russia"
    backing = one(seed, "SUPPORT", "SAU-GOV")  # "The group, which is backed by Saudi Arabia"
    assert backing["target"] == ["HNC"]


def test_every_seed_event_is_well_formed(seed):
    text = seed.text
    ids = {a["id"] for a in seed.actors}
    for event in seed.events:
        assert event["type"] in TYPES and event["cameo"]
        assert set(event["source"]) | set(event["target"]) <= ids
        for evidence in event["evidence"]:
            trigger, sentence = evidence["trigger"], evidence["sentence"]
            assert text[trigger["start"]:trigger["end"]] == trigger["text"]
            assert sentence["start"] <= trigger["start"] < trigger["end"] <= sentence["end"]
        assert event["place"] is None or 0 <= event["place"] < len(seed.places)
        assert event["quote"] is None or 0 <= event["quote"] < len(seed.quotes)
        for span in event["source_spans"] + event["target_spans"]:
            assert text[span["start"]:span["end"]] == span["text"]
        assert 0 < event["confidence"] <= 1
    # The events stage leaves the actors stage's reading alone: Aleppo and Geneva are still no actors.
    assert not [m for m in seed.mentions if m["text"] in ("Aleppo", "Geneva")]


def test_the_text_report_lists_the_events(seed):
    from dateline.report import text_report

    report = text_report(seed)
    assert "-- events" in report
    assert "REJECT/walk-out" in report and "HNC" in report


# ----------------------------------------------------------------------------------------------------------------
# sentences of our own
def test_passive_voice_the_agent_acts():
    article = analyze("The Syrian army was attacked by Turkish troops on Monday.")
    attack = one(article, "ASSAULT")
    assert attack["source"] == ["TUR-MIL"] and actor(article, attack["target"][0])["country"] == "SYR"
    assert (attack["date"], attack["date_precision"]) == ("2016-04-25", "day")  # the Monday before


def test_passive_arrest_by_police_of_people_named_by_kind():
    article = analyze("Kurdish protesters were arrested by Turkish police in Istanbul on Sunday.")
    arrest = one(article, "COERCE")
    assert arrest["mode"] == "arrest" and arrest["source"] == ["TUR-COP"]
    protesters = actor(article, arrest["target"][0])
    assert protesters["sector"] == "CVL"
    assert article.places[arrest["place"]]["name"] == "Istanbul"


def test_denied_conflict_is_no_event_and_denied_cooperation_is_a_refusal():
    assert analyze("Iran did not attack the tanker, a spokesman said.").events == []
    refusal = one(analyze("France did not sign the agreement with Iran."), "REJECT", "FRA-GOV")
    assert refusal["target"] == ["IRN-GOV"]
    refused = one(analyze("Germany refused to send weapons to Ukraine."), "REJECT", "DEU-GOV")
    assert refused["mode"] == "assist"


def test_promised_aid_is_agree_and_announced_force_is_a_threat():
    promise = one(analyze("Japan will give Vietnam a grant of 10 million dollars."), "AGREE", "JPN-GOV")
    assert promise["modality"] == "future" and promise["target"] == ["VNM-GOV"]
    threat = one(analyze("Russia threatened to cut gas supplies to Ukraine."), "THREATEN", "RUS-GOV")
    assert threat["mode"] == "relations"


def test_several_sources_and_a_weekday():
    sanctions = one(analyze("France and Germany imposed sanctions on Belarus on Monday."), "SANCTION")
    assert sanctions["source"] == ["FRA-GOV", "DEU-GOV"] and sanctions["target"] == ["BLR-GOV"]
    assert sanctions["date"] == "2016-04-25"


def test_the_same_arrests_told_twice_are_one_event():
    article = analyze("Egyptian police arrested 20 protesters in Cairo on Friday. "
                      "The arrests by Egyptian police came after a rally, witnesses said.")
    arrest = one(article, "COERCE", "EGY-COP")
    assert triggers(arrest) == ["arrested", "arrests"]
    assert [e["sentence"]["start"] for e in arrest["evidence"]] == [0, article.text.index("The arrests")]
    assert arrest["date"] == "2016-04-29"


def test_a_speaker_saying_someone_must_act_makes_a_request():
    request = one(analyze("Russia said on Tuesday that Sudan must release the detained pilots."), "REQUEST", "RUS-GOV")
    assert request["target"] == ["SDN-GOV"] and request["mode"] == "yield"


def test_planned_talks_are_an_agreement_to_meet():
    article = analyze("Turkey and Qatar will hold talks in Ankara next week.")
    plan = one(article, "AGREE")
    assert plan["source"] == ["TUR-GOV", "QAT-GOV"] and plan["cameo"] == "036"
    assert (plan["date"], plan["date_precision"]) == ("2016-05-02", "week")


# ----------------------------------------------------------------------------------------------------------------
# dates, vocabulary
@pytest.mark.parametrize(
    "words, expected",
    [
        ("Saturday", EventDate("2016-04-30", "day")),
        ("on Friday", EventDate("2016-04-29", "day")),
        ("last week", EventDate("2016-04-18", "week")),
        ("in late February", EventDate("2016-02", "month")),
        ("since 2012", EventDate("2012", "year")),
        ("two weeks ago", EventDate("2016-04-11", "week")),
        ("yesterday", EventDate("2016-04-29", "day")),
        ("last month", EventDate("2016-03", "month")),
        ("April 29, 2016", EventDate("2016-04-29", "day")),
        ("September 19", EventDate("2015-09-19", "day")),
        ("five years", None),
    ],
)
def test_date_words_resolve_against_the_article_date(words, expected):
    assert resolve(words, date(2016, 4, 30)) == expected


def test_future_weekdays_and_months_look_ahead():
    assert resolve("Sunday", date(2016, 4, 30), future=True) == EventDate("2016-05-01", "day")
    assert resolve("mid-August", date(2016, 4, 30), future=True) == EventDate("2016-08", "month")


def test_the_vocabulary_covers_every_type_and_compiles_once():
    groups = {g.index: g for found in vocabulary().groups.values() for g in found}
    assert {g.type for g in groups.values() if g.type} == set(TYPES)
    assert all(g.cameo for g in groups.values() if g.type)
    vocab = load_model().vocab
    assert compiled_matcher(vocab) is compiled_matcher(vocab)


def test_the_wire_dateline_the_parse_takes_for_a_subject_is_not_the_actor():
    # spaCy makes "GENEVA" a subject of "agreed" when the story opens with its dateline
    article = analyze("GENEVA (Example Wire) - Yemen's government and the Houthi movement agreed on Tuesday to exchange "
                      "more than 800 prisoners, the United Nations said.")
    event = next(e for e in article.events if "agreed" in triggers(e))
    assert set(event["source"]) == {"YEM-GOV", "HOUTHIS"}
    assert all(span["text"] != "GENEVA" for span in event["source_spans"])


def test_a_place_named_again_by_its_kind_locates_the_act():
    article = analyze("Fighting has continued near the city of Marib, where government forces said they repelled an "
                      "attack on Monday. The Houthis said they had shot down a drone over the province.\n\n"
                      "In Sanaa, the talks went on.")
    event = next(e for e in article.events if "shot down" in triggers(e))
    assert article.places[event["place"]]["country"] == "YEM"
    assert article.places[event["place"]]["text"] == "Marib"  # not Sanaa, the next paragraph's
