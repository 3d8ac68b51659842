"""Actors on the seed: names, metonymy, titles and coreference resolved as an analyst reads them."""

import pytest

import dateline


@pytest.fixture(scope="module")
def seed(seed_text):
    return dateline.analyze(seed_text)


def actor_named(article, name):
    found = [a for a in article.actors if a["name"] == name]
    assert found, f"no actor named {name!r} among {[a['name'] for a in article.actors]}"
    return found[0]


def mentions_of(article, actor_id):
    return [m["text"] for m in article.mentions if m["actor"] == actor_id]


def test_gatilov_is_russias_deputy_foreign_minister_in_every_mention(seed):
    gatilov = actor_named(seed, "Gennady Gatilov")
    assert (gatilov["kind"], gatilov["country"], gatilov["role"], gatilov["sector"]) == (
        "person", "RUS", "deputy foreign minister", "GOV",
    )
    mentions = mentions_of(seed, gatilov["id"])
    assert mentions.count("Gatilov") + mentions.count("Gennady Gatilov") == 4
    # The lede's unnamed official and the later "The Russian deputy foreign minister" are Gatilov too.
    assert "Russia’s deputy foreign minister" in mentions
    assert "The Russian deputy foreign minister" in mentions
    assert all(e["label"] == "PERSON" for e in seed.entities if e["text"] == "Gatilov")


def test_capitals_and_countries_that_act_are_governments(seed):
    text = seed.text
    def actor_at(phrase, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        return next(m["actor"] for m in seed.mentions if m["start"] == start)

    assert actor_at("Moscow") == "RUS-GOV"  # "Moscow will not seek a halt"
    assert actor_at("Damascus") == "SYR-GOV"  # "put pressure on (Damascus)"
    assert actor_at("Damascus", 1) == "SYR-GOV"  # "if Damascus does not stop fighting"
    assert actor_at("Moscow", 1) == "RUS-GOV"  # "efforts are underway by Moscow"
    kinds = {a["id"]: a["kind"] for a in seed.actors}
    assert kinds["RUS-GOV"] == kinds["SYR-GOV"] == "government"
    # Aleppo and Geneva only locate: places, not actors.
    assert not [m for m in seed.mentions if m["text"] in ("Aleppo", "Geneva")]


def test_hnc_and_the_group_are_one_opposition_actor(seed):
    hnc = next(a for a in seed.actors if "HNC" in a["aliases"] or a["name"] == "HNC")
    assert hnc["kind"] == "opposition"
    mentions = mentions_of(seed, hnc["id"])
    assert "High Negotiations Committee" in mentions and "HNC" in mentions and "The group" in mentions


@pytest.mark.parametrize(
    "mention, kind, country",
    [
        # "backed by Saudi Arabia", "sponsored by the United States and Russia": states that act are governments.
        ("Saudi Arabia", "government", "SAU"),
        ("United States", "government", "USA"),
        ("United Nations", "igo", None),
        ("UN Security Council", "igo", None),
        ("Jabhat al-Nusra", "armed_group", "SYR"),
        ("Jaysh al-Islam", "armed_group", "SYR"),
        ("Ahrar ash-Sham", "armed_group", "SYR"),
        ("Syrian military", "military", "SYR"),
    ],
)
def test_named_actors_of_the_seed(seed, mention, kind, country):
    actor_id = next(m["actor"] for m in seed.mentions if m["text"] == mention)
    actor = next(a for a in seed.actors if a["id"] == actor_id)
    assert (actor["kind"], actor["country"]) == (kind, country)


def test_al_nusra_under_both_names_is_one_actor(seed):
    nusra = actor_named(seed, "al-Nusra Front")
    assert set(mentions_of(seed, nusra["id"])) == {"Jabhat al-Nusra", "al-Nusra Front"}


def test_daesh_and_isis_are_islamic_state(seed):
    islamic_state = actor_named(seed, "Islamic State")
    mentions = mentions_of(seed, islamic_state["id"])
    assert mentions.count("Daesh") == 2 and "ISIS" in mentions
    assert islamic_state["wikidata"]


def test_every_entity_has_its_span_and_actors_are_listed_once(seed):
    for entity in seed.entities:
        assert seed.text[entity["start"]:entity["end"]] == entity["text"]
    ids = [a["id"] for a in seed.actors]
    assert len(ids) == len(set(ids))
    assert {m["actor"] for m in seed.mentions} == set(ids)


def test_people_named_once_in_full_are_followed_through_surnames_titles_and_pronouns():
    article = dateline.analyze(
        "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Monday. "
        "Lavrov told reporters that the talks had been useful. Later, he said Moscow would send a delegation. "
        "The ministry said in a statement that Lavrov would return next month.",
        kind="plain",
    )
    lavrov = actor_named(article, "Sergei Lavrov")
    assert (lavrov["country"], lavrov["role"]) == ("RUS", "foreign minister")
    assert mentions_of(article, lavrov["id"]) == ["Russian Foreign Minister Sergei Lavrov", "Lavrov", "he", "Lavrov"]
    # The titled name is one PERSON entity, without the nested nationality.
    assert [e["label"] for e in article.entities if e["text"] == "Russian Foreign Minister Sergei Lavrov"] == ["PERSON"]
    assert not [e for e in article.entities if e["text"] == "Russian"]
    # Ankara only locates the meeting; Moscow acts.
    assert [m["actor"] for m in article.mentions if m["text"] == "Moscow"] == ["RUS-GOV"]
    assert not [m for m in article.mentions if m["text"] == "Ankara"]


def test_an_organisation_the_knowledge_base_lacks_is_still_an_actor():
    article = dateline.analyze(
        "The Sahel Democratic Liberation Front said on Tuesday it had seized two towns in northern Mali.",
        kind="plain",
    )
    front = next(a for a in article.actors if a["name"].endswith("Sahel Democratic Liberation Front"))
    assert front["kind"] == "armed_group" and front["id"].startswith("org:")
