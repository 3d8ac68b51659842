"""Actors on the seed: names, metonymy, titles and coreference resolved as an analyst reads them."""

import gzip

import pytest

import dateline
from tests.conftest import SHARED


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


@pytest.mark.parametrize("before, actor", [
    ("The High Negotiations Committee walked out of the talks in Geneva.", "HNC"),
    # no opposition named before: the opposition of the country the story is about
    ("The Syrian army said it had retaken most of eastern Ghouta near Damascus.", "SYR-OPP"),
])
def test_the_opposition_is_the_one_named_before_or_that_of_the_country(before, actor):
    article = dateline.analyze(f"{before} The opposition says the army used napalm.", kind="plain")
    assert [m["actor"] for m in article.mentions if m["text"] == "The opposition"] == [actor]


def test_the_rebels_with_no_armed_group_named_before_are_those_of_the_country():
    article = dateline.analyze("The Syrian army said it had retaken most of eastern Ghouta near Damascus. The rebels "
                               "say they were bombed.", kind="plain")
    assert [m["actor"] for m in article.mentions if m["text"] == "The rebels"] == ["SYR-REB"]


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


@pytest.mark.parametrize("text, name, actor", [
    ("The United Nations High Commissioner for Human Rights said the decision was unlawful.",
     "United Nations High Commissioner for Human Rights", "OHCHR"),
    ("The U.N. Human Rights Council met on Monday.", "U.N. Human Rights Council", "UNHRC"),
])
def test_a_un_body_is_named_with_un_spelled_out_or_abbreviated(text, name, actor):
    article = dateline.analyze(text, kind="plain")
    assert [(m["text"], m["actor"]) for m in article.mentions] == [(name, actor)]


@pytest.mark.parametrize("text, country", [
    # a state's name that is also a US state's, in news that names other US states, is the US state: a place
    ("Clinton won Virginia, Georgia and Arkansas on Tuesday.", False),
    ("Trump spoke in Texas on Monday. Georgia Gov. Brian Kemp said the state would reopen.", False),
    # the country, where nothing says otherwise, or its people or capital are named, or other countries are listed
    ("Georgia President Salome Zourabichvili said the talks had failed.", True),
    ("Texas backed the bill. Russia invaded Georgia in 2008, Georgian officials said.", True),
    ("The envoy visited Azerbaijan, Cyprus, Georgia and India.", True),
    ("Trump spoke in Texas on Monday. Putin has used his invasions of Georgia and Ukraine as a threat.", True),
])
def test_georgia_is_the_country_unless_the_article_is_about_us_states(text, country):
    article = dateline.analyze(text, kind="plain")
    assert any(m["text"] == "Georgia" and m["actor"].startswith("GEO") for m in article.mentions) == country


def test_an_organisation_named_once_is_it_where_the_tagger_missed_its_name():
    article = dateline.analyze("More than a third of WeWork’s 12,000 employees will receive notice this week.\n\n"
                               "WeWork declined to comment.", kind="plain")
    assert [e["text"] for e in article.entities if e["label"] == "ORG"] == ["WeWork", "WeWork"]
    assert [q["speaker"]["actor"] for q in article.quotes] == ["org:wework"]
    # not inside a longer name
    article = dateline.analyze("More than a third of WeWork’s 12,000 employees will receive notice this week.\n\n"
                               "WeWork Labs declined to comment.", kind="plain")
    assert [e["text"] for e in article.entities if e["label"] == "ORG"] == ["WeWork"]


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
    assert mentions_of(article, lavrov["id"]) == ["Russian Foreign Minister Sergei Lavrov", "his", "Lavrov", "he",
                                                  "Lavrov"]
    # The titled name is one PERSON entity, without the nested nationality.
    assert [e["label"] for e in article.entities if e["text"] == "Russian Foreign Minister Sergei Lavrov"] == ["PERSON"]
    assert not [e for e in article.entities if e["text"] == "Russian"]
    # Ankara only locates the meeting; Moscow acts.
    assert [m["actor"] for m in article.mentions if m["text"] == "Moscow"] == ["RUS-GOV"]
    assert not [m for m in article.mentions if m["text"] == "Ankara"]


def test_a_persons_mention_takes_in_the_abbreviated_ranks_before_the_name():
    article = dateline.analyze("Lt. Gen. Ray Marlow and Col. Ada Brandt briefed reporters in Valbrook on Monday.",
                               kind="plain")
    people = [e["text"] for e in article.entities if e["label"] == "PERSON"]
    assert people == ["Lt. Gen. Ray Marlow", "Col. Ada Brandt"]


def test_a_description_stands_for_the_person_first_named_with_it():
    article = dateline.analyze(
        "Brandt hits back\n\n"
        "Republican presidential nominee Ray Marlow spoke in Dayton on Monday, alongside Ohio Gov. Ada Brandt. "
        "Democratic presidential nominee Lena Okafor campaigned in Reno, and FBI Director Tom Pryce testified in "
        "Washington. Florida Sen. Rosa Ilves voted.\n\n"
        "The Republican nominee said the plan would create jobs. The Ohio governor said she agreed. The FBI director "
        "said the inquiry was closed. The nominee also spoke. The former FBI director has not said more. Pryce "
        "said Marlow would not be the nominee in four years. The Florida senator said nothing.",
        kind="plain",
    )
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert by_text["The Republican nominee"] == actor_named(article, "Ray Marlow")["id"]
    assert by_text["The Ohio governor"] == actor_named(article, "Ada Brandt")["id"]
    assert by_text["The FBI director"] == actor_named(article, "Tom Pryce")["id"]
    assert by_text["The former FBI director"] == actor_named(article, "Tom Pryce")["id"]
    # (a title the data knows, "Sen.", with the state before it)
    assert by_text["The Florida senator"] == actor_named(article, "Rosa Ilves")["id"]
    # two nominees: "the nominee" alone names neither; what someone would be is no mention of anyone
    assert "The nominee" not in by_text and "the nominee" not in by_text
    # the pronoun after the description is the governor's, not the director's named before her
    she = next(m for m in article.mentions if m["text"] == "she")
    assert she["actor"] == actor_named(article, "Ada Brandt")["id"]
    # the headline's lone surname, tagged as an organisation, is the governor
    assert article.mentions[0]["text"] == "Brandt" and article.mentions[0]["actor"] == by_text["The Ohio governor"]
    assert not [a for a in article.actors if a["id"].startswith("org:")]
    # (a title given to a person named before keeps its description too)
    article = dateline.analyze("Lena Okafor spoke in Reno on Sunday.\n\nFormer UN Ambassador Lena Okafor spoke on "
                               "Monday. The former ambassador said the economy was weak.", kind="plain")
    assert article.quotes[0]["speaker"]["actor"] == actor_named(article, "Lena Okafor")["id"]


def test_a_description_given_to_a_person_named_before_stands_for_them_too():
    article = dateline.analyze("Ray Marlow and Lena Okafor met in Dayton on Monday.\n\nOn Tuesday, Republican "
                               "presidential nominee Ray Marlow spoke in Reno. The Republican nominee said the plan "
                               "would create jobs.", kind="plain")
    assert article.quotes[0]["speaker"]["actor"] == actor_named(article, "Ray Marlow")["id"]


def test_a_subject_that_says_what_kind_of_person_stands_for_the_subject_before():
    def described(text, description):
        article = dateline.analyze(text, kind="plain")
        return next((m["actor"] for m in article.mentions if m["text"] == description), None), article

    actor, article = described("Ray Marlow spoke in Reno on Monday. The billionaire businessman said the plan would "
                               "create jobs.", "The billionaire businessman")
    assert actor == actor_named(article, "Ray Marlow")["id"] == article.quotes[0]["speaker"]["actor"]
    # a party's member, a name to the tagger
    actor, article = described("Ray Marlow spoke in Dayton on Monday. The Ohio Democrat said he would vote no.",
                               "The Ohio Democrat")
    assert actor == actor_named(article, "Ray Marlow")["id"] == article.quotes[0]["speaker"]["actor"]
    # of two described so, the subject before
    actor, article = described("Republican nominee Rosa Ilves and Democratic nominee Ada Brandt debated on Monday. "
                               "Ms. Brandt spoke after the debate. The nominee said the plan was bad.", "The nominee")
    assert actor == actor_named(article, "Ada Brandt")["id"]
    # two clauses joined: the first one's subject is still the one meant
    actor, article = described("Ray Marlow criticised Tom Pryce, and the billionaire businessman said the plan would "
                               "create jobs.", "the billionaire businessman")
    assert actor == actor_named(article, "Ray Marlow")["id"]
    # not the subject of a clause the description is part of, nor a person named in its own clause
    assert described("Tom Pryce said on Monday that the plan failed after the senator left.", "the senator")[0] is None
    assert described("Tom Pryce met Ray Marlow. The billionaire businessman has not stepped forward to defend "
                     "Pryce, aides said.", "The billionaire businessman")[0] is None
    # a name in apposition is the name's mention
    actor, article = described("Tom Pryce spoke in Reno on Monday. The previous Republican nominee, Ray Marlow, said "
                               "the plan would fail.", "Ray Marlow")
    assert actor == actor_named(article, "Ray Marlow")["id"] == article.quotes[0]["speaker"]["actor"]


def test_a_name_the_tagger_takes_for_another_thing_is_a_persons_by_given_name_or_description():
    # ("Carly Marlow" an organisation, "Kessington" a place, to the tagger)
    for text, name in (("Carly Marlow said on Monday that the plan would fail. Marlow said taxes would rise.",
                        "Carly Marlow"),
                       ("Kessington, director of the Valbrook Institute, said the plan would fail. Kessington said "
                        "taxes would rise.", "Kessington")):
        article = dateline.analyze(text, kind="plain")
        person = actor_named(article, name)
        assert person["kind"] == "person"
        assert [q["speaker"]["actor"] for q in article.quotes] == [person["id"], person["id"]]


def test_a_generational_suffix_is_no_surname():
    article = dateline.analyze("Ray Marlow Jr. pleaded guilty on Monday. District Attorney Tom Pryce Jr. said the case "
                               "was clear. Marlow said he was sorry.", kind="plain")
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert by_text["Marlow"] == actor_named(article, "Ray Marlow Jr.")["id"]
    assert actor_named(article, "Ray Marlow Jr.")["id"] != actor_named(article, "Tom Pryce Jr.")["id"]


def test_an_unnamed_ambassador_is_the_one_named_so_later_not_the_next_speaker():
    article = dateline.analyze(
        "China’s ambassador to Britain accused London of meddling. Wen Taoming, the commander of the harbour police, "
        "said the rioters must surrender. China’s ambassador to Britain Zhao Weiguo said that Beijing could end the "
        "unrest. Zhao said that troops were ready.", kind="plain")
    ambassador = actor_named(article, "Zhao Weiguo")
    assert (ambassador["role"], ambassador["country"]) == ("ambassador", "CHN")
    assert actor_named(article, "Wen Taoming")["role"] is None
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    # the lede's unnamed ambassador, and the family name alone (written first)
    assert by_text["China’s ambassador"] == by_text["Zhao"] == ambassador["id"]


def test_a_pronoun_tells_the_gender_of_the_person_it_stands_for():
    article = dateline.analyze("Tom Pryce wrote the book. Jo Walton read it. She said it was dense, because he never "
                               "spelled things out.", kind="plain")
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert by_text["She"] == actor_named(article, "Jo Walton")["id"]
    assert by_text["he"] == actor_named(article, "Tom Pryce")["id"]


def test_a_subject_pronoun_stands_for_the_subject_before_it():
    article = dateline.analyze(
        "Mr. Marlow said his friendship with Mr. Pryce was strictly business. ''It was my duty to get along with "
        "everyone,'' he wrote.\n\nThe plan was echoed by Tom Okafor, who noted that he had backed it for years.",
        kind="plain")
    he = [m["actor"] for m in article.mentions if m["text"] == "he"]
    assert he == [actor_named(article, "Marlow")["id"], actor_named(article, "Tom Okafor")["id"]]
    # a person named inside the quotation is not who speaks after it
    article = dateline.analyze("Ada Okafor, the lawyer for the defendant, said her client meant no harm.\n\n“Ray "
                               "Marlow is passionate about his beliefs,” she said in an email.", kind="plain")
    assert [m["actor"] for m in article.mentions if m["text"] == "she"] == [actor_named(article, "Ada Okafor")["id"]]
    # nor is one named inside a quotation whose opening mark the parse made a sentence of its own, and an
    # apostrophe ("Okafor’ son") opens none
    for text in ("Ray Marlow, who represents a swing district, said Mr. Pryce had failed the troops.\n\n''Having "
                 "served in Iraq, I'm offended when Tom Pryce fails to honor them,'' he said.",
                 "Ray Marlow said Ada Okafor’ son had been reckless. “Tom Pryce should resign,” he said."):
        article = dateline.analyze(text, kind="plain")
        assert [m["actor"] for m in article.mentions if m["text"] == "he"] == [actor_named(article, "Ray Marlow")["id"]]
    # a quotation the parse reads as a sentence of its own stands between them
    article = dateline.analyze("Ray Marlow also congratulated his rivals Tom Pryce and Ada Brandt, who are in a tight "
                               "race for second place. “Just one minute, come on, alright?” he urged them.", kind="plain")
    assert [m["actor"] for m in article.mentions if m["text"] == "he"] == [actor_named(article, "Ray Marlow")["id"]]


def test_it_or_they_opening_a_sentence_stands_for_the_subject_of_the_sentence_before():
    article = dateline.analyze("The Federal Reserve does not want to stall growth. It plans to raise rates slowly.\n\n"
                               "Several Democrats cautioned against the plan. They said it would hurt workers.\n\n"
                               "The Associated Press interviewed 20 former crew members. They described the set.",
                               kind="plain")
    pronouns = [(m["text"], m["actor"]) for m in article.mentions if m["text"] in ("It", "They")]
    fed, democrats = actor_named(article, "Federal Reserve")["id"], actor_named(article, "Democratic Party")["id"]
    # (not the one before's object: the crew members are no actor)
    assert pronouns == [("It", fed), ("They", democrats)]


def test_a_full_name_the_tagger_took_for_an_organisation_after_a_person_noun_is_a_person():
    article = dateline.analyze("Fox News host Sean Hannity said the debate was rigged. Hannity said the polls lied.",
                               kind="plain")
    hannity = actor_named(article, "Sean Hannity")
    assert hannity["kind"] == "person"
    assert [q["speaker"]["actor"] for q in article.quotes] == [hannity["id"], hannity["id"]]


def test_a_social_platform_is_no_person():
    article = dateline.analyze("Ada Brandt said on Twitter that she would run.", kind="plain")
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert by_text["Twitter"] == "org:twitter" and by_text["she"] == actor_named(article, "Ada Brandt")["id"]


def test_namesakes_are_told_apart_by_given_name_and_honorific():
    article = dateline.analyze("Ada Brandt spoke in Dayton. Tom Brandt campaigned in Akron. Mr. Brandt said his wife "
                               "would win. Mrs. Brandt said she was grateful. Brandt won the state.", kind="plain")
    ada, tom = actor_named(article, "Ada Brandt")["id"], actor_named(article, "Tom Brandt")["id"]
    assert ada != tom
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert (by_text["Mr. Brandt"], by_text["Mrs. Brandt"], by_text["Brandt"]) == (tom, ada, ada)
    # a short form of the given name, or a title before the surname, is the same person
    article = dateline.analyze("Patrick W. Marlow Jr. pleaded guilty. Pat Marlow said he was sorry. Representative "
                               "Marlow left.", kind="plain")
    assert len({m["actor"] for m in article.mentions if "Marlow" in m["text"]}) == 1
    # a surname of several words, with and without the given name, is one person
    article = dateline.analyze("Mayor Ada de Hoek spoke on Monday. De Hoek said the plan would work.", kind="plain")
    assert len({m["actor"] for m in article.mentions if "Hoek" in m["text"]}) == 1


def test_a_surname_named_before_the_full_name_is_that_person_under_the_full_names_id():
    # a headline's surname is the person the lede names in full, and "Tom Whitaker" after her another person
    article = dateline.analyze("Whitaker says Valbrook vote was unfair.\n\nAda Whitaker said on Monday that the "
                               "vote was unfair. Tom Whitaker, her brother, said he agreed. Whitaker added that she "
                               "would appeal.", kind="plain")
    ada, tom = actor_named(article, "Ada Whitaker")["id"], actor_named(article, "Tom Whitaker")["id"]
    assert ada == "person:ada-whitaker" and ada != tom
    assert mentions_of(article, ada)[0] == "Whitaker" and "she" in mentions_of(article, ada)
    # a title's gender chooses among the full names
    article = dateline.analyze("Mrs. Marlow left early. Tom Marlow and Lena Marlow came later.", kind="plain")
    assert mentions_of(article, actor_named(article, "Lena Marlow")["id"])[0] == "Mrs. Marlow"


def test_the_company_and_the_newspaper_stand_for_the_one_named_before():
    article = dateline.analyze("Valbrook Pharmaceuticals cut its forecast on Monday. The company said sales had "
                               "fallen.", kind="plain")
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert by_text["The company"] == by_text["Valbrook Pharmaceuticals"]
    article = dateline.analyze("The Valbrook Foundation gave $2 million to schools. The foundation said more would "
                               "follow. Valbrook News Network aired the story. The network said it stood by it.",
                               kind="plain")
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert by_text["The foundation"] == by_text["Valbrook Foundation"]
    assert by_text["The network"] == by_text["Valbrook News Network"]


@pytest.mark.parametrize("text, named", [
    ("Hamas fired rockets at Israel on Monday. The militant group said it would go on.", "Hamas"),
    ("Hezbollah fired rockets on Monday. The Iran-backed group said it would go on.", "Hezbollah"),
    ("The Syrian Democratic Forces took the town. The Kurdish-led alliance said it had freed 300 civilians.",
     "Syrian Democratic Forces"),
    # (a modifier and its noun may name a kind of their own: a news organization is an outlet)
    ("CNBC reported that the talks had stalled. The news organization said it had two sources.", "CNBC"),
])
def test_a_description_with_modifiers_stands_for_the_actor_named_before(text, named):
    article = dateline.analyze(text, kind="plain")
    actor = next(m["actor"] for m in article.mentions if m["text"] == named)
    [speaker] = [q["speaker"] for q in article.quotes if q["speaker"]["text"].startswith("The ")]
    assert speaker["actor"] == actor
    # not with a modifier that makes it another one
    article = dateline.analyze("Hamas fired rockets on Monday. The rival group said it would not join.", kind="plain")
    assert [q["speaker"]["actor"] for q in article.quotes if q["speaker"]["text"] == "The rival group"] == [None]


def test_the_party_abbreviation_describes_as_the_party_name_does():
    article = dateline.analyze("Republican nominee Ray Marlow spoke in Dayton. Democratic nominee Lena Okafor spoke "
                               "in Reno. The GOP nominee said the plan would create jobs.", kind="plain")
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert by_text["The GOP nominee"] == actor_named(article, "Ray Marlow")["id"]


def test_an_organisations_head_noun_after_the_stands_for_the_one_named_with_it():
    article = dateline.analyze("The Valbrook Transit Agency raised fares on Monday. The agency said costs had risen. "
                               "The board of the Valbrook Herald met. The board said the paper would close. The "
                               "board of elections said nothing.", kind="plain")
    agency = next(m["actor"] for m in article.mentions if m["text"] == "Valbrook Transit Agency")
    # (no organisation was named with "board"; "the board of elections" is another)
    assert [q["speaker"]["actor"] for q in article.quotes] == [agency, None, None]
    # an administration is a government's
    article = dateline.analyze("The Valbrook Transit Administration raised fares. The administration said costs had "
                               "risen.", kind="plain")
    assert article.quotes[0]["speaker"]["actor"] is None


@pytest.mark.parametrize("text, named", [
    ("The Congressional Budget Office released its estimate. The agency said the deficit would grow.",
     "Congressional Budget Office"),
    ("The Valbrook Transit Administration raised fares. The agency said costs had risen.",
     "Valbrook Transit Administration"),
    # (by the name of the actor an acronym stands for: the Federal Bureau of Investigation)
    ("The FBI opened an inquiry on Monday. The agency said it had found nothing.", "FBI"),
])
def test_the_agency_stands_for_a_government_body_of_any_name(text, named):
    article = dateline.analyze(text, kind="plain")
    body = next(m["actor"] for m in article.mentions if m["text"] == named)
    assert [q["speaker"]["actor"] for q in article.quotes if q["speaker"]["text"] == "The agency"] == [body]


def test_a_states_government_is_no_agency():
    article = dateline.analyze("The Obama administration backed the plan. The agency said it would not.",
                               kind="plain")
    assert [q["speaker"]["actor"] for q in article.quotes if q["speaker"]["text"] == "The agency"] == [None]


def test_a_government_named_after_its_leader_is_that_states_government():
    article = dateline.analyze(
        "The Obama administration and Erdogan's government traded accusations over the Assad regime on Monday. "
        "The administration said the talks would go on. Administration officials said Ankara had not replied.",
        kind="plain",
    )
    by_text = {m["text"]: m["actor"] for m in article.mentions}
    assert (by_text["Obama administration"], by_text["Erdogan's government"], by_text["Assad regime"]) == (
        "USA-GOV", "TUR-GOV", "SYR-GOV")
    # "the administration" is the one named before, whatever country the article is most about
    assert by_text["The administration"] == by_text["Administration officials"] == "USA-GOV"
    article = dateline.analyze("Syrian rebels met in Aleppo. The administration said the talks had failed.",
                               kind="plain")
    assert not [m for m in article.mentions if "administration" in m["text"]]


def test_the_leaders_data_names_each_leader_and_government_once_with_known_offices():
    import tomllib
    from importlib import resources

    from dateline.actors.knowledge import _key, knowledge_base

    kb = knowledge_base()
    data = tomllib.loads(resources.files("dateline.data").joinpath("actors", "leaders.toml").read_text())
    names = [_key(n) for entry in data["leader"] for n in (entry["name"], *entry.get("names", ()))]
    assert len(names) == len(set(names)) == len(kb.leaders) > 300
    country_of_government = {}
    for entry in data["leader"]:
        assert entry.get("country") is None or entry["country"] in kb.states
        for name in entry.get("government", ()):
            assert country_of_government.setdefault(name, entry["country"]) == entry["country"], name
        # an organisation's office gives no country, so a country only with an office of a state
        assert "country" in entry or all(kb_role(kb, term["office"]).igo for term in entry["terms"]), entry["name"]
        for term in entry["terms"]:
            assert term["office"] in {role.title for role in kb.roles}
            assert term["from"] < term.get("to", data["checked"]), entry["name"]


def kb_role(kb, title):
    return next(role for role in kb.roles if role.title == title)


def test_a_leader_named_alone_is_of_their_country_and_in_office_on_the_articles_date():
    text = ("Tayyip Erdogan spoke in Ankara on Monday. The president said Turkey would not yield, and Putin "
            "criticized him.")
    article = dateline.analyze(text, kind="plain", date="2016-05-02")
    erdogan, putin = actor_named(article, "Recep Tayyip Erdogan"), actor_named(article, "Vladimir Putin")
    assert (erdogan["country"], erdogan["role"], erdogan["sector"]) == ("TUR", "president", "GOV")
    assert (putin["country"], putin["role"]) == ("RUS", "president")
    assert [q["speaker"]["actor"] for q in article.quotes if q["cue"]["text"] == "said"] == [erdogan["id"]]
    # in 2010 Erdogan was prime minister and Putin too; with no date, neither holds an office from the data
    article = dateline.analyze(text, kind="plain", date="2010-05-03")
    assert actor_named(article, "Recep Tayyip Erdogan")["role"] == actor_named(article, "Vladimir Putin")["role"] == (
        "prime minister")
    article = dateline.analyze(text, kind="plain")
    erdogan = actor_named(article, "Recep Tayyip Erdogan")
    assert (erdogan["country"], erdogan["role"]) == ("TUR", None)
    # a country's title is the leader holding it on the date, but not with "former"
    article = dateline.analyze("Russia's president said on Saturday that talks would go on. The Syrian president "
                               "agreed, and the former Iranian president objected.", kind="plain", date="2016-04-30")
    assert [q["speaker"]["actor"] for q in article.quotes] == [actor_named(article, "Vladimir Putin")["id"]]
    assert "Bashar al-Assad" in {a["name"] for a in article.actors} and "Hassan Rouhani" not in {
        a["name"] for a in article.actors}
    article = dateline.analyze("Ray Marlow said on Sunday that he hoped to become the US president, and Lena Okafor "
                               "that she would be elected as U.S. president.", kind="plain", date="2016-06-26")
    assert "Barack Obama" not in {a["name"] for a in article.actors}
    # an international organisation's head acts for it, not for a country, while in office
    article = dateline.analyze("Mark Rutte met Guterres in Brussels on Monday. The UN chief said talks would go on.",
                               kind="plain", date="2025-03-03")
    rutte, guterres = actor_named(article, "Mark Rutte"), actor_named(article, "António Guterres")
    assert (rutte["country"], rutte["role"], guterres["country"], guterres["role"]) == (
        None, "nato secretary-general", None, "un secretary-general")
    assert [q["speaker"]["actor"] for q in article.quotes] == [guterres["id"]]
    article = dateline.analyze("Mark Rutte met Guterres in Brussels on Monday.", kind="plain", date="2015-03-03")
    assert (actor_named(article, "Mark Rutte")["country"], actor_named(article, "Mark Rutte")["role"]) == (
        "NLD", "prime minister")
    # a leader's gender is known: "Sheikh" before a woman's name
    article = dateline.analyze("Sheikh Hasina met Narendra Modi in Delhi on Monday. She said the talks went well.",
                               kind="plain", date="2016-05-02")
    assert [q["speaker"]["actor"] for q in article.quotes] == [actor_named(article, "Sheikh Hasina")["id"]]
    # another of a leader's names is the same person
    article = dateline.analyze("Luiz Inácio Lula da Silva spoke in Brasilia. Lula said Brazil would grow.",
                               kind="plain")
    assert [a["name"] for a in article.actors if a["kind"] == "person"] == ["Luiz Inácio Lula da Silva"]
    # a leader's name the tagger misses or takes for something else ("Erdogan" as a place) is still the leader; the
    # government of a leader is his country's
    article = dateline.analyze("Erdogan said Turkey would not yield, and Putin criticized Ankara.", kind="plain")
    assert [q["speaker"]["actor"] for q in article.quotes if q["cue"]["text"] == "said"] == [
        actor_named(article, "Recep Tayyip Erdogan")["id"]]
    article = dateline.analyze("Officials prepared the Obama-Xi talks in Beijing on Monday.", kind="plain")
    assert (actor_named(article, "Xi Jinping")["country"], actor_named(article, "Barack Obama")["country"]) == (
        "CHN", "USA")
    article = dateline.analyze("U.S. officials met in Washington on Monday. They discussed bombing raids by the "
                               "government of President Bashar al-Assad.", kind="plain")
    assert [m["actor"] for m in article.mentions if m["text"] == "the government"] == ["SYR-GOV"]


def test_an_unnamed_spokesperson_speaks_for_whom_the_phrase_names():
    article = dateline.analyze(
        "A Pentagon spokeswoman said the strike killed two fighters. A spokesman for the Russian Foreign Ministry "
        "said the claim was false. Ada Brandt, a spokeswoman for Lena Okafor, said Okafor would run. Kremlin "
        "spokesman Dmitry Peskov said nothing.",
        kind="plain",
    )
    speakers = [q["speaker"]["actor"] for q in article.quotes]
    assert speakers[:3] == ["USA-MOD", "RUS-MFA", actor_named(article, "Ada Brandt")["id"]]
    assert actor_named(article, "Dmitry Peskov")["id"] == speakers[3]
    # a former spokesman speaks for no one; one named after whom he speaks for is himself
    article = dateline.analyze("“We stay,” said a former spokesman for the Pentagon. “We will not back down,” said a "
                               "spokesman for the Foreign Ministry, Maria Zakharova.", kind="plain")
    assert [q["speaker"]["actor"] for q in article.quotes] == [None, actor_named(article, "Maria Zakharova")["id"]]
    # a person's campaign, office, team and aides speak for the person; to campaign for someone is no campaign
    article = dateline.analyze("Lena Okafor spoke in Reno. The Okafor campaign said the ad was false. Mrs. Okafor's "
                               "office said she would not comment. Her team said the polls were wrong. A senior "
                               "Okafor adviser said she would win. Ray Marlow said he would campaign for her.",
                               kind="plain")
    okafor = actor_named(article, "Lena Okafor")["id"]
    assert [q["speaker"]["actor"] for q in article.quotes][:4] == [okafor, okafor, okafor, okafor]
    assert [m["start"] for m in article.mentions if m["text"] == "campaign"] == [article.text.index("campaign")]
    # an organisation's command and officials speak for it
    article = dateline.analyze("Hamas officials said the truce held. The Syrian army command said it had won.",
                               kind="plain")
    assert [q["speaker"]["actor"] for q in article.quotes] == ["HAMAS", "SYR-ARMY"]
    # "the campaign", "the spokesman" as a subject is the one named before; "during the campaign" is the race
    article = dateline.analyze("Lena Okafor's campaign raised $2 million in May. The campaign said the average "
                               "donation was $27. Ray Marlow said during the campaign that taxes would fall. A "
                               "spokesman for the Valbrook Herald said the story was true. The spokesman said it "
                               "would not be withdrawn.", kind="plain")
    okafor, herald = (next(m["actor"] for m in article.mentions if m["text"] == name)
                      for name in ("Lena Okafor", "Valbrook Herald"))
    assert [q["speaker"]["actor"] for q in article.quotes] == [
        okafor, actor_named(article, "Ray Marlow")["id"], herald, herald]
    assert [m["text"] for m in article.mentions].count("campaign") == 2


def test_a_surname_the_tagger_takes_for_a_thing_is_the_person_named_before():
    article = dateline.analyze("Rep. Tom Cole of Oklahoma, an ally of the leadership, said Thursday his bill would "
                               "pass. Cole said the bill was good.", kind="plain")
    cole = actor_named(article, "Tom Cole")["id"]
    assert [q["speaker"]["actor"] for q in article.quotes] == [cole, cole]


def test_one_man_with_two_titles_and_his_family_name_written_first():
    # the tagger takes "Councilor" for a person and "Wang" for an organisation
    article = dateline.analyze("Chinese State Councilor and Foreign Minister Wang Yi said in Moscow on Thursday that "
                               "the talks must resume. All sides should work toward peace on the peninsula, Wang told "
                               "a news conference.", kind="plain")
    wang = actor_named(article, "Wang Yi")["id"]
    assert [q["speaker"]["actor"] for q in article.quotes] == [wang, wang]
    assert [a["id"] for a in article.actors] == ["CHN", wang]
    assert "Councilor" not in [e["text"] for e in article.entities]


def test_what_someone_is_or_becomes_is_no_mention_of_the_person_described_so():
    article = dateline.analyze(
        "Republican presidential nominee Ray Marlow spoke in Dayton. Pryce said she hoped to be the nominee in four "
        "years, and the nominee smiled.",
        kind="plain",
    )
    described = [m["text"] for m in article.mentions if m["kind"] == "description"]
    assert described == ["the nominee"] and article.text.count("the nominee") == 2
    assert article.mentions[-1]["start"] == article.text.rindex("the nominee")


@pytest.mark.parametrize("text, name, kind", [
    ("The Sahel Democratic Liberation Front said on Tuesday it had seized two towns in northern Mali.",
     "Sahel Democratic Liberation Front", "armed_group"),
    ("The International Renewable Energy Agency said on Tuesday that solar capacity grew by a third.",
     "International Renewable Energy Agency", "igo"),
    ("The Environmental Protection Agency said on Tuesday that the rule would stand.",
     "Environmental Protection Agency", "government"),
    ("The Kazinform News Agency reported on Tuesday that the talks had ended.", "Kazinform News Agency", "media"),
])
def test_an_organisation_the_knowledge_base_lacks_is_still_an_actor_of_the_kind_its_name_says(text, name, kind):
    article = dateline.analyze(text, kind="plain")
    organisation = actor_named(article, name)
    assert organisation["kind"] == kind and organisation["id"].startswith("org:")


@pytest.mark.parametrize("text, name, country", [
    ("Interfax reported on Tuesday that the talks had ended.", "Interfax", "RUS"),
    ("The Guardian reported on Tuesday that the talks had ended.", "The Guardian", "GBR"),
    ("Al Jazeera said on Tuesday that the talks had ended.", "Al Jazeera", "QAT"),
    # (a name of several words, which the model tags in part: "Washington" alone)
    ("The Washington Post reported on Tuesday that the talks had ended.", "The Washington Post", "USA"),
])
def test_a_news_outlet_of_the_outlets_data_is_a_media_actor_of_its_country(text, name, country):
    outlet = actor_named(dateline.analyze(text, kind="plain"), name)
    assert (outlet["kind"], outlet["sector"], outlet["country"]) == ("media", "MED", country)


def test_an_organisations_short_name_in_brackets_stands_for_it_later():
    article = dateline.analyze(
        "The International Renewable Energy Agency (IRENA) said on Tuesday that solar capacity grew by a third. "
        "IRENA said the growth would go on, and its director said in a report that costs kept falling.",
        kind="plain",
    )
    agency = actor_named(article, "International Renewable Energy Agency")
    assert mentions_of(article, agency["id"]) == ["International Renewable Energy Agency", "IRENA", "IRENA", "its"]
    assert [q["speaker"]["actor"] for q in article.quotes if q["speaker"]["text"] == "IRENA"] == [agency["id"]]


# Entity corrections before resolution (dateline/actors/entities.py), on sentences written as wire copy is.


def entities_of(text):
    article = dateline.analyze(text, kind="plain")
    return article, [(e["text"], e["label"]) for e in article.entities]


def extraction_page(prefix: str) -> bytes:
    """A real web page of the article-extraction gold set, by the start of its name."""
    folder = SHARED / "benchmarks" / "article-extraction" / "html"
    pages = sorted(folder.glob(f"{prefix}*.html.gz"))
    if not pages:
        pytest.skip(f"the article-extraction pages are not at {folder} (they come with ../shared, which CI has)")
    return gzip.decompress(pages[0].read_bytes())


def geowebnews_text(name: str) -> str:
    """A real article of GeoWebNews (news of other kinds than PolNeAR's), for misreadings made-up text does not
    reproduce."""
    path = SHARED / "benchmarks" / "geowebnews" / "GeoWebNews" / name
    if not path.is_file():
        pytest.skip(f"GeoWebNews is not at {path.parent} (it comes with ../shared/benchmarks, which CI has)")
    return path.read_text()


def test_a_sentence_opening_preposition_is_not_part_of_the_place_after_it():
    # The small model tags "Near Palmyra" as a person.
    _, entities = entities_of("Near Palmyra, government troops shelled the ridge on Tuesday.")
    assert ("Palmyra", "GPE") in entities
    assert not [text for text, _ in entities if text.startswith("Near")]


def test_a_sentence_opening_to_is_not_part_of_the_name_after_it():
    # The small model tags "To Ray Marlow" as one person ("To X, the vote was a disaster": in X's eyes).
    article, entities = entities_of("To Ray Marlow, who chairs the panel, the vote was a disaster.")
    assert ("Ray Marlow", "PERSON") in entities
    assert [a["id"] for a in article.actors] == ["person:ray-marlow"]


def test_places_the_tagger_reads_as_people_or_nationalities_are_places():
    # The small model tags Raqqah as a person and Aleppo as a nationality.
    article, entities = entities_of(
        "Kurdish-led fighters advanced toward Raqqah on Sunday, and residents who fled Raqqah said the city was "
        "surrounded. Shelling continued in Aleppo on Friday, and aid convoys could not reach Aleppo."
    )
    assert [label for text, label in entities if text in ("Raqqah", "Aleppo")] == ["GPE"] * 4
    assert not [a for a in article.actors if a["name"] in ("Raqqah", "Aleppo")]
    assert ("Kurdish", "NORP") in entities


def test_a_common_noun_the_tagger_took_into_a_name_is_left_out():
    # "said Jays fan Ray Payette", in a real article of GeoWebNews
    text = geowebnews_text("19.txt")
    start = text.index('"His bat flip')
    article, entities = entities_of(text[start:text.index(". ", text.index("Payette", start)) + 1])
    assert ("Ray Payette", "PERSON") in entities
    assert article.quotes[0]["speaker"]["actor"] == actor_named(article, "Ray Payette")["id"]


def test_a_title_the_tagger_took_into_a_name_is_the_persons_role():
    article, entities = entities_of("Manila Archbishop Luis Antonio Cardinal Tagle urged the faithful to pray.")
    # (the person's mention takes in the title, as "Foreign Minister Sergei Lavrov" does)
    assert entities == [("Manila Archbishop Luis Antonio Cardinal Tagle", "PERSON")]
    cleric = actor_named(article, "Luis Antonio Cardinal Tagle")
    assert (cleric["role"], cleric["sector"], cleric["country"]) == ("cleric", "REL", "PHL")
    # an abbreviated title, with or without its period, before a surname alone; a state assembly's member
    article = dateline.analyze("Gov Okafor vetoes Valbrook bill.\n\nGovernor Lena Okafor said the bill was unfair. "
                               "Assemblywoman Ada Brandt said she would try again.", kind="plain")
    okafor, brandt = actor_named(article, "Lena Okafor"), actor_named(article, "Ada Brandt")
    assert {m["actor"] for m in article.mentions if "Okafor" in m["text"]} == {okafor["id"]}
    assert (brandt["id"], brandt["role"]) == ("person:ada-brandt", "lawmaker")


def test_a_headlines_verb_is_not_part_of_the_names_around_it():
    # title case hides the verb: the small model tags "Lena Okafor Slams Ray Marlow" as one person, and takes the
    # blank line after the headline into "Levy After Court Ruling"
    article, entities = entities_of("Lena Okafor Slams Ray Marlow On Levy After Court Ruling\n\n"
                                    "Valbrook Mayor Lena Okafor on Tuesday criticized Ray Marlow over the levy.")
    assert entities[:3] == [("Lena Okafor", "PERSON"), ("Ray Marlow", "PERSON"), ("Levy After Court Ruling", "ORG")]
    people = [a["name"] for a in article.actors if a["kind"] == "person"]
    assert sorted(people) == ["Lena Okafor", "Ray Marlow"]
    assert all(a["name"] == a["name"].strip() for a in article.actors)


def test_a_hashtag_is_no_entity():
    # the tagger takes "#Justsayit" for a person, whom "he" would then stand for
    article, entities = entities_of("“Why are they waiting a week? #Justsayit,” Ray Marlow wrote last October. "
                                    "“Too forced?” he tweeted later.")
    assert not [text for text, _ in entities if "Justsayit" in text]
    assert [m["actor"] for m in article.mentions if m["text"] == "he"] == [actor_named(article, "Ray Marlow")["id"]]


def test_a_one_word_person_cut_from_a_hyphenated_word_is_no_entity():
    # the tagger takes the "Glass" of "Glass-Steagall" for a person, whom "she" would then stand for
    article, entities = entities_of("Lena Okafor wants to restore the Glass-Steagall rules, she said.")
    assert entities == [("Lena Okafor", "PERSON")]
    assert article.quotes[0]["speaker"]["actor"] == actor_named(article, "Lena Okafor")["id"]


def test_a_one_word_person_in_lower_case_or_an_adverb_opening_its_sentence_is_no_entity():
    # the tagger takes "Nationally" for a person after a paragraph that names one, and "he" then stood for it
    article, entities = entities_of("Ray Marlow said the levy would pass.\n\nNationally, the mood is grim, he said.")
    assert entities == [("Ray Marlow", "PERSON")]
    assert article.quotes[1]["speaker"]["actor"] == actor_named(article, "Ray Marlow")["id"]
    # and "gaunt" for one in a quotation
    article, entities = entities_of("“He seemed perfunctory, looked gaunt, didn't seem to captivate the crowd,” "
                                    "said Ray Marlow, a commentator in Valbrook.")
    assert [text for text, label in entities if label == "PERSON"] == ["Ray Marlow"]


def test_a_low_nine_quotation_mark_written_for_a_comma_is_read_as_one():
    # TimesLIVE's pages write each comma as "‚" (U+201A): the model took them for a person, whom "she" then stood for
    article, entities = entities_of(
        "Ada Brandt opened a case at the Valbrook police station in May. “No one told me about the court case‚” said "
        "Brandt. She said she had been bathing her daughter when she noticed something was wrong‚ and that she went "
        "to the clinic.")
    assert not [text for text, _ in entities if "‚" in text]
    direct, indirect = article.quotes
    assert direct["text"] == "“No one told me about the court case‚”"  # (the article's text, as it is written)
    assert indirect["speaker"]["actor"] == actor_named(article, "Ada Brandt")["id"]


def test_a_persons_name_ends_before_the_figures_of_a_list_of_scores():
    # a high-school results page: the tagger takes "Adrianna Knight 12" and "K. Hupfer 1 goal" for names
    people = [a["name"] for a in dateline.analyze(extraction_page("c81e134ed499")).actors if a["kind"] == "person"]
    assert "Adrianna Knight" in people and "K. Hupfer" in people
    assert not [name for name in people if any(c.isdigit() for c in name)]
    # and a "person" whose name opens with a model number is a product
    article = dateline.analyze(extraction_page("05844573ca7e"))
    assert "RAV4 Hybrid" in [e["text"] for e in article.entities if e["label"] == "PRODUCT"]
    assert not [a for a in article.actors if "RAV4" in a["name"]]
    # (a vulgar fraction is a figure too: a recipe's "½" and "¼ cup feta" were people)
    recipe = dateline.analyze(extraction_page("5f03fc173ebc"))
    assert not [a for a in recipe.actors if any(c.isnumeric() for c in a["name"])]


def test_a_states_name_that_is_also_a_given_name_is_a_persons_before_a_surname():
    # the tagger takes the "Chad" of "Chad Smith" for the state, and "Smith" for nothing
    article, entities = entities_of("Chad Smith, a farmer in Iowa, said the drought had cut his yield.")
    assert entities[0] == ("Chad Smith", "PERSON") and actor_named(article, "Chad Smith")
    assert not [a for a in article.actors if a["id"] == "TCD"]
    # not before a title, an organisation's word, or in a longer name
    article, entities = entities_of("Chad President Idriss Deby said the army would fight.")
    assert actor_named(article, "Chad")["id"] == "TCD" and actor_named(article, "Idriss Deby")
    for text in ("The writer teaches at Georgia Southern University in Statesboro.",
                 "The team joined the Georgia National Guard's support team."):
        assert not [name for name, label in entities_of(text)[1] if label == "PERSON"], text


def test_a_persons_name_is_without_its_possessive():
    article, entities = entities_of("Lena Okafor attacked Ray Marlow’s plan.")
    assert ("Ray Marlow", "PERSON") in entities and actor_named(article, "Ray Marlow")


def test_a_web_address_is_no_entity():
    # the tagger takes the link line of a real GeoWebNews article for a person, whom "he" then stands for
    article, entities = entities_of(geowebnews_text("161.txt"))
    assert not [text for text, _ in entities if "http" in text]
    assert article.quotes[0]["speaker"]["actor"] == actor_named(article, "Qamar Javed Bajwa")["id"]


def test_a_person_named_like_a_town_stays_a_person():
    _, entities = entities_of("Jordan Peterson said in Toronto that he would speak again. Peterson left on Monday.")
    assert ("Jordan Peterson", "PERSON") in entities and ("Peterson", "PERSON") in entities


def test_names_the_patterns_cut_are_joined_and_several_word_names_take_their_determiner():
    article, entities = entities_of(
        "Officials from the Government of Iraq met envoys from the United States and the UN."
    )
    assert ("the Government of Iraq", "ORG") in entities
    assert ("the United States", "GPE") in entities  # spaCy's own convention for names of several words
    assert ("UN", "ORG") in entities  # and not for acronyms
    # The actor's mention is the name itself.
    assert [m["actor"] for m in article.mentions if m["text"] == "United States"] == ["USA"]
    assert "IRQ-GOV" in [m["actor"] for m in article.mentions]


def test_curly_apostrophes_match_the_knowledge_base():
    article, _ = entities_of("Da’esh claimed the bombing in Baghdad.")
    assert [m["actor"] for m in article.mentions if m["text"] == "Da’esh"] == ["ISIL"]
    article, _ = entities_of("Russia’s embassy in London warned travellers on Saturday.")
    assert [m["actor"] for m in article.mentions if m["text"] == "Russia’s embassy"] == ["RUS-EMB"]


def test_the_country_after_a_place_locates_it():
    article, entities = entities_of("A drone strike hit a convoy near Palmyra, Syria, on Monday.")
    assert ("Syria", "GPE") in entities
    assert not [a for a in article.actors if a["id"] == "SYR-GOV"]


@pytest.mark.parametrize("text, place, label, not_of", [
    ("The company drilled two wells in the Gulf of Mexico last year.", "the Gulf of Mexico", "LOC", "MEX"),
    ("Police in Northern Ireland arrested two men on Monday.", "Northern Ireland", "GPE", "IRL"),
    ("Gunmen attacked a church in Benin City, police said.", "Benin City", "GPE", "BEN"),
    ("Wildfires spread across British Columbia on Sunday.", "British Columbia", "GPE", "GBR"),
    ("Migrants from South America crossed the border.", "South America", "LOC", "USA"),
    ("Militants attacked a pipeline in the Niger Delta, police said.", "the Niger Delta", "LOC", "NER"),
])
def test_a_place_named_with_a_states_name_is_that_place_and_not_the_state(text, place, label, not_of):
    article, entities = entities_of(text)
    assert (place, label) in entities
    assert not [a for a in article.actors if a["country"] == not_of]


def test_a_title_after_a_place_named_with_a_states_name_is_not_that_states():
    article = dateline.analyze("Libertarian candidate Gary Johnson released a letter from his doctor. The former "
                               "New Mexico governor is a triathlete. He climbed Everest.")
    assert {m["text"]: m["actor"] for m in article.mentions}["The former New Mexico governor"] \
        == "person:gary-johnson"
    assert not [a for a in article.actors if a["country"] == "MEX"]


# Person countries


def person(article, name):
    return next(a for a in article.actors if a["kind"] == "person" and a["name"] == name)


def test_a_title_without_a_country_takes_the_country_of_the_same_title_earlier():
    article = dateline.analyze(
        "The U.S. president spoke to reporters on Monday. President Bush said the talks had gone well.", kind="plain"
    )
    bush = person(article, "Bush")
    assert (bush["country"], bush["role"]) == ("USA", "president")
    # The unnamed president is the man named after.
    assert {m["actor"] for m in article.mentions if m["kind"] in ("title", "name")} == {bush["id"], "USA"}


def test_two_countries_holding_the_title_leave_the_named_one_without_a_country():
    article = dateline.analyze(
        "Russia's foreign minister met Syria's foreign minister in Geneva. Foreign Minister Sergei Lavrov said the "
        "talks were useful.",
        kind="plain",
    )
    assert person(article, "Sergei Lavrov")["country"] is None


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Pentagon Press Secretary Peter Cook said the review would take weeks.", "Peter Cook", "USA"),
        ("Kremlin spokesman Dmitry Peskov said Moscow would respond.", "Dmitry Peskov", "RUS"),
        ("Foreign Office Minister Tobias Ellwood condemned the attack.", "Tobias Ellwood", "GBR"),
        ("Chancellor of the Exchequer George Osborne defended the budget.", "George Osborne", "GBR"),
        ("Haider al-Abadi, Iraq's prime minister, said the city was free.", "Haider al-Abadi", "IRQ"),
    ],
)
def test_a_titled_person_gets_the_country_the_title_or_its_apposition_names(text, name, country):
    assert person(dateline.analyze(text, kind="plain"), name)["country"] == country


def test_a_surname_without_its_arabic_article_is_the_same_person():
    article = dateline.analyze(
        "Iraqi Prime Minister Haider al-Abadi visited Mosul on Sunday. Abadi told troops the city was free.",
        kind="plain",
    )
    abadi = person(article, "Haider al-Abadi")
    assert abadi["country"] == "IRQ"
    assert "Abadi" in mentions_of(article, abadi["id"])


def test_ships_and_military_operations_are_not_actors():
    article, entities = entities_of(
        "The French frigate FS Forbin joined USS Mahan in the Gulf. Forbin sailed on Monday as part of Operation "
        "Sea Guardian."
    )
    assert [label for text, label in entities if text in ("FS Forbin", "USS Mahan", "Forbin")] == ["PRODUCT"] * 3
    assert {a["name"] for a in article.actors} <= {"France", "French"}


def test_a_title_for_a_portfolio_joins_the_name_after_it():
    article, entities = entities_of(
        "Minister for Africa Andrew Mitchell visited Khartoum on Monday. Mitchell said aid would reach Darfur."
    )
    assert [e for e in article.entities if e["label"] == "PERSON"][0]["text"] == "Minister for Africa Andrew Mitchell"
    assert person(article, "Andrew Mitchell")["role"] == "minister"
    article = dateline.analyze("President of Syria Bashar al-Assad received the envoy. Assad said the war was over.",
                               kind="plain")
    assad = person(article, "Bashar al-Assad")
    assert (assad["role"], assad["country"]) == ("president", "SYR")
    assert mentions_of(article, assad["id"]) == ["President of Syria Bashar al-Assad", "Assad"]
    # (a rank written between the title and the name)
    article = dateline.analyze("Speaker of the House Rep. Ada Brandt (R-Ohio) said the bill would pass.", kind="plain")
    assert article.quotes[0]["speaker"]["actor"] == person(article, "Ada Brandt")["id"]


def test_a_title_with_the_state_or_organisation_after_it_is_the_holder_on_the_date():
    article = dateline.analyze("The president of Russia said on Saturday that talks would go on. The secretary "
                               "general of the United Nations said the truce should hold.", kind="plain",
                               date="2016-04-30")
    assert [q["speaker"]["actor"] for q in article.quotes] == [
        actor_named(article, "Vladimir Putin")["id"], actor_named(article, "Ban Ki-moon")["id"]]
    # with no date, an official of that state, not the state itself
    [quote] = dateline.analyze("The foreign minister of Iran said the talks would go on.", kind="plain").quotes
    assert quote["speaker"]["actor"] == "IRN:foreign-minister"


def test_the_former_holder_of_a_title_is_the_one_named_who_no_longer_holds_it():
    article = dateline.analyze("President Barack Obama met former President George W. Bush in Dallas on Monday. The "
                               "former president said the memorial was moving. The president said it was a day of "
                               "grief.", kind="plain", date="2016-07-12")
    assert [q["speaker"]["actor"] for q in article.quotes] == ["person:george-w-bush", "person:barack-obama"]
    # named first without the title (a headline), then with it
    article = dateline.analyze("Ada Brandt backs the levy.\n\nFormer Governor Ada Brandt spoke in Delmar on Monday. "
                               "The former governor said the levy would pass.", kind="plain")
    assert [q["speaker"]["actor"] for q in article.quotes if q["cue"]["text"] == "said"] == ["person:ada-brandt"]
    assert actor_named(article, "Ada Brandt")["role"] == "governor"


def test_a_named_holder_of_the_same_title_lends_no_country():
    article = dateline.analyze(
        "Iraqi Prime Minister Haider al-Abadi met envoys in Baghdad. In London, Prime Minister Lena Marsh said "
        "Britain would send aid.",
        kind="plain",
    )
    assert person(article, "Haider al-Abadi")["country"] == "IRQ"
    assert person(article, "Lena Marsh")["country"] is None


@pytest.mark.parametrize("text, pronouns", [
    ("Hillary Clinton won the primary in New York on Tuesday. Donald Trump attacked her record and said she was "
     "weak on trade. He also praised Mrs. Warren, saying she had been honest with voters.",
     [("her", "person:hillary-clinton"), ("she", "person:hillary-clinton"), ("He", "person:donald-trump"),
      ("she", "person:warren")]),
    # kin written just before a name tells the gender
    ("Wang Quanzhang, a lawyer, was detained in 2015. \"It's been 1,000 days,\" his wife Li Wenzu told reporters. "
     "He told her that the work was a calling.",
     [("his", "person:wang-quanzhang"), ("He", "person:wang-quanzhang"), ("her", "person:li-wenzu")]),
])
def test_he_and_she_go_to_the_latest_person_of_their_gender(text, pronouns):
    article = dateline.analyze(text, kind="plain")
    assert [(m["text"], m["actor"]) for m in article.mentions if m["kind"] == "pronoun"] == pronouns


def test_a_person_of_unknown_gender_takes_either_pronoun():
    article = dateline.analyze("Minister Tshisekedi Mbuyi arrived in Kinshasa. She said the talks would resume.",
                               kind="plain")
    assert [m["actor"] for m in article.mentions if m["text"] == "She"] == ["person:tshisekedi-mbuyi"]


def test_it_and_they_stand_for_the_subject_of_the_clause_that_governs_them():
    article = dateline.analyze(
        "The Sahel Democratic Liberation Front said on Tuesday it had seized two towns in northern Mali and that "
        "its fighters had entered Gao. They met no resistance.",
        kind="plain",
    )
    front = next(a["id"] for a in article.actors if a["name"].endswith("Sahel Democratic Liberation Front"))
    # "They" in the next sentence is left unread: the latest organisation is a guess only the events stage takes.
    assert [(m["text"], m["actor"]) for m in article.mentions if m["kind"] == "pronoun"] == [("it", front),
                                                                                             ("its", front)]
    hungary = dateline.analyze("Hungary has said it will support the plan.", kind="plain")
    assert [(m["text"], m["actor"]) for m in hungary.mentions if m["kind"] == "pronoun"] == [("it", "HUN-GOV")]


def test_they_for_several_actors_or_a_generic_one_is_left_to_the_events():
    # One mention cannot stand for two actors; "militants" is an actor only once the events stage reads it.
    # Nor is one person "they" ("analysts" are no actor: Marlow is the nearest subject with one).
    for text in ("While many analysts expect Ray Marlow to be reappointed, they say he will have to work for it.",
                 "Russia and China said they would veto the resolution.", "Militants said they attacked a checkpoint."):
        article = dateline.analyze(text, kind="plain")
        assert not [m for m in article.mentions if m["text"] == "they"]
    assert [e["source"] for e in article.events] == [["generic:militant"]]  # "they attacked": the militants


def test_the_actor_at_a_token_or_an_offset_is_the_one_index_for_every_stage():
    from dateline.actors.coref import MentionIndex

    article = dateline.analyze("Hungary has said it will support the plan.", kind="plain")
    index = MentionIndex(article.mentions)
    assert index.actor_at(0, 7) == "HUN-GOV"
    start = article.text.index(" it ") + 1
    assert index.actor_at(start, start + 2) == "HUN-GOV"
    assert index.actor_at(article.text.index("plan"), article.text.index("plan") + 4) is None


def test_title_and_organ_phrases_are_the_tokens_of_the_whole_phrase():
    """The matchers are built from each word's tokens (resolve._TokenHashes), not a Doc for each of the 73,000
    phrases: that must give what tokenising each phrase whole gives, for every phrase in the data."""
    import numpy
    from spacy.lang.en import English

    from dateline.actors.knowledge import knowledge_base
    from dateline.actors.resolve import _TokenHashes
    from dateline.nlp import load_model

    kb = knowledge_base()
    tokenizer = English(vocab=load_model().vocab).tokenizer
    phrases = [name for role in kb.roles for name in (role.title, *role.aliases, *role.case_sensitive)]
    phrases += [d for descriptions in kb.organ_descriptions.values() for d in descriptions]
    phrases += ["Gen.  Staff", " head of state", "chief\tof staff", "U.S. Navy’s"]  # whitespace read whole
    for attr in ("lower", "orth"):
        hashes = [numpy.frombuffer(packed, dtype="uint64").tolist() for packed in _TokenHashes(tokenizer, attr)(phrases)]
        assert hashes == [[getattr(t, attr) for t in doc] for doc in tokenizer.pipe(phrases)]


def test_the_organ_table_finds_what_a_phrase_matcher_finds():
    from spacy.attrs import LOWER
    from spacy.matcher import PhraseMatcher

    from dateline.actors.resolve import _PhraseTable
    from dateline.nlp import load_model

    nlp = load_model()
    phrases = {"syrian government": "SYR-GOV", "government": "X-GOV", "syrian government forces": "SYR-MIL",
               "government forces": "X-MIL", "forces": "X-F", "russia 's foreign ministry": "RUS-MFA"}
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase, label in phrases.items():
        matcher.add(label, [nlp.make_doc(phrase)])
    table = _PhraseTable({doc.to_array(LOWER).tobytes(): label for p, label in phrases.items() for doc in [nlp.make_doc(p)]})
    doc = nlp.make_doc("Syrian government forces and Russia's Foreign Ministry: the government forces")
    expected = [(s.start, s.end, s.label_) for s in matcher(doc, as_spans=True)]
    assert [(s.start, s.end, s.label_) for s in table(doc, doc.to_array(LOWER))] == expected
    assert len(expected) == 9


def test_every_wikidata_id_in_the_data_is_well_formed_unique_and_loaded():
    import re
    import tomllib
    from importlib import resources

    from dateline.actors.knowledge import knowledge_base

    files = resources.files("dateline.data") / "actors"
    given = {}  # actor id -> the id its data file gives
    for name, table in (("states.toml", "state"), ("igos.toml", "actor"), ("groups.toml", "actor"),
                        ("organs.toml", "named")):
        for entry in tomllib.loads((files / name).read_text(encoding="utf-8"))[table]:
            if "wikidata" in entry:
                given[entry.get("id") or entry["iso3"]] = entry["wikidata"]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in given.values())
    assert len(set(given.values())) == len(given), "one Wikidata item given to two actors"
    actors = knowledge_base().actors
    assert {actor_id: actors[actor_id].wikidata for actor_id in given} == given
