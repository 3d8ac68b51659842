"""Quotes: direct, indirect and mixed quotations with cue and speaker, on the seed, on sentences of our own, and the
PolNeAR loader and scorer of bench/quotes.py (on hand-made spans, and on the real data when ../shared has it)."""

from pathlib import Path

import pytest
from spacy.tokens import Doc

import dateline
from bench.quotes import (
    Attribution,
    Tokens,
    baseline,
    from_quotes,
    is_direct,
    load_shared,
    load_split,
    offset_mismatches,
    parse_ann,
    score_article,
    scores,
)
from dateline.nlp import load_model
from dateline.quotes.cues import read
from dateline.quotes.marks import find_passages
from dateline.quotes.parse import chunk_starting
from dateline.quotes.sources import source_span, subject_of
from dateline.quotes.vocabulary import vocabulary

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "polnear"


def analyze(text: str):
    return dateline.analyze(text, kind="plain")


def quote_with(article, fragment: str) -> dict:
    """The one quote whose text contains the fragment."""
    found = [q for q in article.quotes if fragment in q["text"]]
    assert len(found) == 1, f"{len(found)} quotes contain {fragment!r}: {[q['text'] for q in article.quotes]}"
    return found[0]


def check_offsets(article) -> None:
    for quote in article.quotes:
        assert article.text[quote["start"]:quote["end"]] == quote["text"]
        cue = quote["cue"]
        assert article.text[cue["start"]:cue["end"]] == cue["text"]
        if quote["speaker"]:
            speaker = quote["speaker"]
            assert article.text[speaker["start"]:speaker["end"]] == speaker["text"]


# ---------------------------------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed(seed_text):
    return dateline.analyze(seed_text)


@pytest.fixture(scope="module")
def gatilov(seed) -> str:
    return next(a["id"] for a in seed.actors if a["name"] == "Gennady Gatilov")


def test_seed_offsets_index_the_text(seed):
    assert seed.quotes
    check_offsets(seed)


def test_seed_three_direct_gatilov_quotes(seed, gatilov):
    direct = [q for q in seed.quotes if q["kind"] == "direct"]
    assert len(direct) == 3
    starts = ("“No, we are not going to put pressure on (Damascus)", "“… it says clearly who the opponents are",
              "“We are trying now to add two more to them")
    for quote, start in zip(direct, starts):
        assert quote["text"].startswith(start)
        assert quote["text"].endswith(("”", ",”")), "the closing mark belongs to the quote"
        assert quote["speaker"]["actor"] == gatilov
        assert quote["cue"]["text"] == "said"
    # the bracketed insertion and the ellipsis stay inside their quotes
    assert "(Damascus)" in direct[0]["text"] and direct[1]["text"].startswith("“…")
    assert direct[0]["speaker"]["text"] == "Gennady Gatilov"


def test_seed_lede_attributed_to_the_deputy_foreign_minister(seed, gatilov):
    quote = quote_with(seed, "Moscow will not seek a halt")
    assert quote["kind"] == "indirect"
    assert quote["text"].endswith("who control those neighborhoods")
    assert quote["speaker"]["text"] == "Russia’s deputy foreign minister"
    assert quote["speaker"]["actor"] == gatilov
    assert quote["cue"]["text"] == "said"


@pytest.mark.parametrize("fragment, cue, speaker_text, begins", [
    ("Syria’s campaign against the militant-held areas", "adding", "Gennady Gatilov", "that Syria’s campaign"),
    ("based on a UN Security Council resolution", "said", "Gatilov", "that Syria’s offensive in Aleppo"),
    ("efforts are underway by Moscow", "said", "The Russian deputy foreign minister", "efforts are underway"),
])
def test_seed_indirect_gatilov_quotes(seed, gatilov, fragment, cue, speaker_text, begins):
    quote = quote_with(seed, fragment)
    assert quote["kind"] == "indirect"
    assert quote["text"].startswith(begins)
    assert not quote["text"].endswith("."), "the sentence's period is not part of the content"
    assert quote["cue"]["text"] == cue
    assert quote["speaker"]["text"] == speaker_text
    assert quote["speaker"]["actor"] == gatilov


def test_seed_hnc_warning(seed):
    hnc = next(a["id"] for a in seed.actors if a["name"] == "High Negotiations Committee")
    quote = quote_with(seed, "if Damascus does not stop fighting in Aleppo")
    assert quote["kind"] == "indirect"
    assert quote["text"].startswith("that if Damascus")
    assert quote["text"].endswith("would totally collapse")
    assert quote["cue"]["text"] == "has warned"
    assert quote["speaker"]["text"].startswith("The group")
    assert quote["speaker"]["actor"] == hnc


def test_seed_hnc_accuses_the_government(seed):
    hnc = next(a["id"] for a in seed.actors if a["name"] == "High Negotiations Committee")
    quote = quote_with(seed, "violating a truce deal")
    assert quote["text"] == "the government of violating a truce deal"
    assert quote["cue"]["text"] == "accused"
    assert quote["cue"]["group"] == "accusation"
    assert quote["speaker"]["text"] == "it"
    assert quote["speaker"]["actor"] == hnc  # "it" is the subject of the clause before: the HNC


def test_seed_reported_words_inside_a_quote_are_not_quotes_of_their_own(seed):
    # "it says clearly" is inside Gatilov's quote; "of which we said earlier" too.
    assert not any(q["cue"]["text"] == "says" for q in seed.quotes)
    assert sum(1 for q in seed.quotes if q["cue"]["text"] == "said") == 6


# ---------------------------------------------------------------------------------------------------- our own sentences


def test_quote_over_several_paragraphs_is_one_quote():
    text = ("“We will not leave Aleppo,” said Sergei Lavrov, the Russian foreign minister.\n\n"
            "“We have told our partners this many times.\n\n"
            "“They know it, and they know why,” he added.")
    article = analyze(text)
    check_offsets(article)
    quote = quote_with(article, "We have told our partners")
    assert quote["text"] == "“We have told our partners this many times.\n\n“They know it, and they know why,”"
    assert quote["kind"] == "direct"
    assert quote["cue"]["text"] == "added"
    assert quote["speaker"]["text"] == "he"


def test_split_quote_is_two_linked_quotes():
    article = analyze("“No,” Gennady Gatilov said, “we will not put pressure on Damascus.”")
    check_offsets(article)
    assert [q["text"] for q in article.quotes] == ["“No,”", "“we will not put pressure on Damascus.”"]
    first, second = article.quotes
    assert first["continues"] is None and second["continues"] == 0
    assert first["cue"] == second["cue"] and first["speaker"] == second["speaker"]
    assert first["speaker"]["text"] == "Gennady Gatilov"


def test_quote_after_an_attributed_quote_continues_it():
    article = analyze("\"We will fight,\" she said at the rally on Monday. \"And we will win.\"")
    assert [q["text"] for q in article.quotes] == ["\"We will fight,\"", "\"And we will win.\""]
    assert article.quotes[1]["continues"] == 0
    assert article.quotes[1]["speaker"]["text"] == "she"


@pytest.mark.parametrize("text", [
    "Okafor praised the new port.\n\n“It will bring only trucks,” was the verdict of Ray Marlow, her rival.",
    "Okafor praised the new port.\n\n“Only trucks,” came shouts from the crowd.",
])
def test_a_quotation_that_opens_a_paragraph_with_words_of_its_own_does_not_go_on_from_the_one_before(text):
    assert all(q["continues"] is None for q in analyze(text).quotes)


@pytest.mark.parametrize("text", [
    "“We need a new bridge. Now.” Ray Marlow said, referring to the old span over the river. “The old one is failing.”",
    "''Is this a priority?'' Ms. Okafor asked, referring to the levy. ''It is not.''",
    "“I won't sign it!” Ms. Okafor shouted when asked about the levy. “Never.”",
    # (a cue hung on the attribution, in a clause of its own, does not take the quotation after its sentence)
    "\"We will chip away at her lead,\" added his campaign manager Ray Marlow, speaking to reporters after the mayor"
    " spoke. \"We have a path to victory.\"",
    "\"The rules favor the mayor,\" Brandt wrote in the email, which was first reported by the Valbrook Herald."
    " \"Reopening the nominations is possible.\"",
])
def test_a_quote_goes_on_from_the_quote_whose_cue_the_participle_between_hangs_on(text):
    quotes = analyze(text).quotes
    assert quotes[-1]["continues"] == 0 and quotes[-1]["cue"] == quotes[0]["cue"]


def test_words_after_a_quotes_attribution_are_not_more_of_the_quote():
    article = analyze("“You laughed before he said a word,” as Lionel Blair noted in a tribute to the comedian "
                      "(9pm, 1 April). Once he did open his mouth, timing was everything.")
    assert [q["text"] for q in article.quotes if q["kind"] == "direct"] == ["“You laughed before he said a word,”"]


def test_mixed_quote_keeps_its_quoted_fragment():
    article = analyze("Mohammed Abdulsalam said the Houthis were ready to release “everyone on the list” if the "
                      "talks succeed.")
    check_offsets(article)
    [quote] = article.quotes
    assert quote["kind"] == "mixed"
    assert quote["text"] == "the Houthis were ready to release “everyone on the list” if the talks succeed"
    assert quote["speaker"]["text"] == "Mohammed Abdulsalam"


def test_a_quotation_opened_in_the_reported_clause_goes_on_to_its_close_in_the_sentence():
    # (the parse ends the clause at the colon inside the quotation)
    article = analyze("Okafor spoke on Monday, adding that Marlow showed the “conduct of a person who had "
                      "consciousness of guilt: she hid records, she destroyed records.”")
    check_offsets(article)
    [quote] = article.quotes
    assert quote["kind"] == "mixed"
    assert quote["text"] == ("that Marlow showed the “conduct of a person who had consciousness of guilt: she hid "
                             "records, she destroyed records.”")


@pytest.mark.parametrize("text, content, source", [
    ("According to the United Nations, more than 400,000 people have been killed in the war.",
     "more than 400,000 people have been killed in the war", "the United Nations"),
    ("More than 400,000 people have been killed in the war, according to the United Nations.",
     "More than 400,000 people have been killed in the war", "the United Nations"),
    # (a time that opens the sentence is reported with it; a connective is the writer's)
    ("In 2014, more than 400,000 people were displaced by the war, according to the United Nations.",
     "In 2014, more than 400,000 people were displaced by the war", "the United Nations"),
    ("Still, more than 400,000 people were displaced by the war, according to the United Nations.",
     "more than 400,000 people were displaced by the war", "the United Nations"),
    ("In fact, more than 400,000 people were displaced by the war, according to the United Nations.",
     "more than 400,000 people were displaced by the war", "the United Nations"),
    # (and so is a clause of when, why or on what condition; a concession is the writer's)
    ("When the fighting spread, the war displaced 400,000 people, according to the United Nations.",
     "When the fighting spread, the war displaced 400,000 people", "the United Nations"),
    ("Though the fighting eased, the war displaced 400,000 people, according to the United Nations.",
     "the war displaced 400,000 people", "the United Nations"),
    ("Despite the ceasefire, the war displaced 400,000 people, according to the United Nations.",
     "the war displaced 400,000 people", "the United Nations"),
    # (what is set after the source without a verb says no more than who the source is or what the figure means)
    ("More than 400,000 people have been killed in the war, according to the United Nations - nearly twice the"
     " count of a year ago.", "More than 400,000 people have been killed in the war", "the United Nations"),
])
def test_according_to(text, content, source):
    article = analyze(text)
    [quote] = article.quotes
    assert quote["text"] == content
    assert quote["cue"]["text"].lower() == "according to"
    assert quote["speaker"]["text"] == source
    assert quote["speaker"]["actor"] == "UN"


def test_according_to_a_source_the_parse_hung_the_clauses_subject_on():
    # ("majorities" as an apposition of "polls", with no comma to close the phrase before "say")
    [quote] = analyze("According to early results of exit polls conducted for the Valbrook Herald, majorities of voters "
                      "in all five districts say they feel betrayed by the council.").quotes
    assert quote["speaker"]["text"] == "early results of exit polls conducted for the Valbrook Herald"
    assert quote["text"] == "majorities of voters in all five districts say they feel betrayed by the council"


@pytest.mark.parametrize("text, content, source", [
    ("On Monday, Pryce said he was happy to see that Okafor was voted in, according to the Valbrook Herald.",
     "On Monday, Pryce said he was happy to see that Okafor was voted in", "the Valbrook Herald"),
    ("The mayor told her that it was not that simple, according to an account she gave to the Valbrook Herald.",
     "The mayor told her that it was not that simple", "an account she gave to the Valbrook Herald"),
])
def test_according_to_closing_a_report_tells_it_whole(text, content, source):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"].lower(), quote["text"], quote["speaker"]["text"]) == ("according to", content, source)


@pytest.mark.parametrize("text, inner, content", [
    ("His campaign manager, Ray Marlow, says it is proof she can still close the gap in pledged delegates, which "
     "stood at 263 entering Tuesday's primary, according to the Associated Press.",
     "says", "which stood at 263 entering Tuesday's primary"),
    ("Polls show that voters have a better opinion of Mr. Pryce than of Ms. Okafor, with 56 percent of voters "
     "viewing him positively, according to a Valbrook Herald poll in February.",
     "show", "56 percent of voters viewing him positively"),
])
def test_according_to_after_another_report_takes_the_piece_set_off_at_its_end(text, inner, content):
    quotes = {q["cue"]["text"].lower(): q["text"] for q in analyze(text).quotes}
    assert inner in quotes
    assert quotes["according to"] == content


def test_according_to_a_source_without_the_comma_the_parse_hung_on_it():
    [quote] = analyze("According to Valbrook Herald contributor and monetary historian Ada Brandt, U.S. and European "
                      "interest rates have moved in opposite directions seven times since the war.").quotes
    assert quote["speaker"]["text"] == "Valbrook Herald contributor and monetary historian Ada Brandt"


# (the parse takes a word of the title for the source's head, as it would a word of a quotation)
@pytest.mark.parametrize("text, source", [
    ("According to ''The Long Road: A Life in Politics,'' by Ray Marlow, the mayor had debts of two million dollars.",
     "''The Long Road: A Life in Politics,'' by Ray Marlow"),
    ("According to Ada Brandt's ''Tides and Tolls'' and other sources, the mayor had debts of two million dollars.",
     "Ada Brandt's ''Tides and Tolls'' and other sources"),
])
def test_according_to_a_quoted_title_and_its_author(text, source):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == source
    assert quote["text"] == "the mayor had debts of two million dollars"


@pytest.mark.parametrize("text, content", [
    ("Still, the plan would cost too much, Ray Marlow said.", "the plan would cost too much"),
    ("In fact, turnout fell in Valbrook, Lena Okafor said.", "turnout fell in Valbrook"),
    ("What’s more, the bridge is unsafe, the council said in a statement.", "the bridge is unsafe"),
    # (a time that opens the sentence is reported with it, and so is a conjunction)
    ("Right now, turnout is falling, Lena Okafor said.", "Right now, turnout is falling"),
    ("But the next decade brought a change, Ada Brandt said.", "But the next decade brought a change"),
])
def test_a_connective_that_opens_a_content_before_its_cue_is_the_writers(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


@pytest.mark.parametrize("text, content", [
    ("News of the day.\n\nAccording to his aunt, Ada Brandt, “He was sharp from the start.”",
     "“He was sharp from the start.”"),
    # (closing the sentence, the parse hangs the name on the verb)
    ("News of the day.\n\nThe boy left early, according to his aunt, Ada Brandt.", "The boy left early"),
])
def test_according_to_a_description_and_the_name_set_off_after_it(text, content):
    [quote] = analyze(text).quotes
    assert (quote["text"], quote["speaker"]["text"], quote["speaker"]["actor"]) == (
        content, "his aunt, Ada Brandt", "person:ada-brandt")


def test_passive_quote_has_no_speaker():
    article = analyze("It was announced on Monday that the talks would resume in Geneva.")
    [quote] = article.quotes
    assert quote["text"] == "that the talks would resume in Geneva"
    assert quote["cue"]["text"] == "was announced"
    assert quote["speaker"] is None


def test_direct_quote_with_a_thing_as_cue_has_no_speaker_actor():
    article = analyze("“This is a war crime,” read a banner at the protest in Aleppo.")
    [quote] = article.quotes
    assert quote["text"] == "“This is a war crime,”"
    assert quote["speaker"] is None or quote["speaker"]["actor"] is None


def test_speaker_without_a_known_actor_is_not_guessed():
    article = analyze("“The talks are over,” a source close to the negotiations said on Sunday.")
    [quote] = article.quotes
    assert quote["speaker"]["text"] == "a source close to the negotiations"
    assert quote["speaker"]["actor"] is None


@pytest.mark.parametrize("text, speaker, actor", [
    ("The Russian statement said “we urge the close monitoring of luggage.”", "The Russian statement", "RUS-GOV"),
    ("Turkey's warning that it would strike the convoy came on Monday.", "Turkey's", "TUR-GOV"),
    ("According to Russia, the talks failed.", "Russia", "RUS-GOV"),
    # a capital too, which owns it as its government does
    ("In Moscow's view, the strikes are lawful.", "Moscow's", "RUS-GOV"),
    ("Tehran's statement condemned the raid.", "Tehran's statement", "IRN-GOV"),
    # and the owner of a statement speaks through it
    ("Ray Marlow's statement said the wall would be built.", "Ray Marlow's statement", "person:ray-marlow"),
    ("The Syrian army command said it had retaken the towns.", "The Syrian army command", "SYR-ARMY"),
    ("The International Renewable Energy Agency (IRENA) met on Tuesday. The IRENA report said solar grew.",
     "The IRENA report", "org:international-renewable-energy-agency"),
    # people of a country are not its government
    ("Many Russians say they trust the army.", "Many Russians", "RUS"),
    # nor are the people who back or oppose someone that someone
    ("Ray Marlow spoke on Monday. Marlow supporters say the vote was rigged.", "Marlow supporters", None),
    ("Ray Marlow spoke on Monday. Mr. Marlow's critics say he lied.", "Mr. Marlow's critics", None),
])
def test_a_state_or_the_owner_of_a_statement_speaks_through_it(text, speaker, actor):
    article = analyze(text)
    [quote] = article.quotes
    assert (quote["speaker"]["text"], quote["speaker"]["actor"]) == (speaker, actor)
    # (a government that speaks for its state is one of the article's actors, as every speaker's actor is)
    assert actor is None or actor in {a["id"] for a in article.actors}


def test_markup_left_in_a_scrape_is_read_as_space():
    text = '<p>“We will go,” said <b>Smith</b>.</p>\n\n<tweet author="x">I love Valbrook</tweet>, Marlow wrote.'
    article = analyze(text)
    assert [(q["speaker"]["text"], q["text"]) for q in article.quotes] == [
        ("Smith", "“We will go,”"), ("Marlow", "I love Valbrook")]
    speaker = article.quotes[0]["speaker"]
    assert text[speaker["start"]:speaker["end"]] == "Smith"


def test_the_statement_speaks_for_whoever_issued_it():
    article = analyze("Two service members were killed in a helicopter crash in Afghanistan, the US military said in "
                      "a statement on Wednesday.\n\n\"The cause of the crash is under investigation,\" the statement "
                      "said.")
    assert [q["speaker"]["actor"] for q in article.quotes] == ["USA-MIL", "USA-MIL"]
    # with no statement issued before it, no one
    [quote] = analyze("The statement said the blockade must end.").quotes
    assert quote["speaker"]["actor"] is None


def test_scare_quotes_and_titles_are_not_quotes():
    article = analyze("The so-called “moderate rebels” appeared on “Meet the Press” after the truce collapsed.")
    assert article.quotes == []


def test_markup_left_in_a_scrape_is_not_read():
    article = analyze('Lena Okafor answered the mayor within the hour. <tweet pic="" author="LenaOkafor" '
                      'timestamp="1449075600">We will win this vote.</tweet>. Ray Marlow said the vote was “rigged.”')
    assert [(q["cue"]["text"], q["text"]) for q in article.quotes] == [("said", "the vote was “rigged.”")]


def test_cue_set_inside_what_it_reports_splits_the_content():
    article = analyze("The talks, the minister said on Sunday, would resume in Geneva next week.")
    assert [q["text"] for q in article.quotes] == ["The talks", "would resume in Geneva next week"]
    assert article.quotes[1]["continues"] == 0
    assert {q["kind"] for q in article.quotes} == {"indirect"}


@pytest.mark.parametrize("text, content, cue, group", [
    ("The Kremlin denied the report.", "the report", "denied", "denial"),
    # (a verb whose object is what was said, in its place a clause opened by "that" or a question word)
    ("Ray Marlow is reaffirming that the levy is safe.", "that the levy is safe", "is reaffirming", "speech"),
    ("The council discussed how the levy would be repaid.", "how the levy would be repaid", "discussed", "speech"),
    ("Farmers in Valbrook resent that the mill has raised its prices.", "that the mill has raised its prices",
     "resent", "stance"),
    ("Okafor called for a curfew over the old town.", "a curfew over the old town", "called for", "request"),
    ("The rebels vowed to retake the city.", "to retake the city", "vowed", "intention"),
    # (what one offers, put forward in words)
    ("Ray Marlow offered few details of the levy.", "few details of the levy", "offered", "speech"),
    # (with how the object was referred to, not how it was said: "backed Okafor by a wide margin")
    ("Okafor did not mention Marlow by name.", "Marlow by name", "did not mention", "speech"),
    # (a verb read with its preposition, "voted for", takes an infinitive too)
    ("The Valbrook council voted to ban the pesticide.", "to ban the pesticide", "voted", "stance"),
    # (and so does what one would like or loves to do)
    ("The Valbrook council would like to ban the pesticide.", "to ban the pesticide", "would like", "stance"),
    ("Mr. Pryce loves to mock the council.", "to mock the council", "loves", "stance"),
    ("Officials believe the attack was planned abroad.", "the attack was planned abroad", "believe", "belief"),
    ("Longtime officials point out that the ceasefire never held.", "that the ceasefire never held", "point out",
     "speech"),
    ("Lena Okafor talked up her plan for the mill.", "her plan for the mill", "talked up", "speech"),
    ("Ida Norquist called Brandt “reckless.”", "Brandt “reckless.”", "called", "naming"),
    # (a term one takes for oneself, not one's own name: "calls itself Valbrook Media")
    ("Lena Okafor calls herself a Republican.", "herself a Republican", "calls", "naming"),
    ("The ministry said in a statement that the convoy had been attacked.", "that the convoy had been attacked",
     "said in a statement", "speech"),
    # (questioning someone on a subject: the subject is what is asked about)
    ("Ada Brandt challenged Marlow about the levy.", "about the levy", "challenged", "request"),
    ("Mr. Pryce was pressed on why he had praised the plan.", "why he had praised the plan", "was pressed on",
     "request"),
    # (not a noun the tagger read as a verb, alone after a phrase, before the clause)
    ("Ray Marlow reported on his disclosure forms a speaking fee was between $20,000 and $40,000 for the dinner.",
     "a speaking fee was between $20,000 and $40,000 for the dinner", "reported", "speech"),
    # (what a court decides, its finding)
    ("A Valbrook judge ruled that the levy breached the charter.", "that the levy breached the charter", "ruled",
     "evidence"),
])
def test_what_each_kind_of_cue_takes_as_content(text, content, cue, group):
    [quote] = analyze(text).quotes
    assert (quote["text"], quote["cue"]["text"], quote["cue"]["group"]) == (content, cue, group)


@pytest.mark.parametrize("text, content, cue, speaker, group", [
    # reporting nouns: the possessor speaks, the complement is what was said, believed or intended
    ("Russia's claim that the convoy was hit by a drone was false.",
     "that the convoy was hit by a drone", "claim", "Russia's", "speech"),
    ("Erdogan's decision to close the border angered the rebels.", "to close the border", "decision", "Erdogan's",
     "intention"),
    ("Ms. Okafor's attacks on him are echoing through the council.", "him", "attacks on", "Ms. Okafor's",
     "accusation"),
    ("Her remark that the mill would close angered the guild.", "that the mill would close", "remark", "Her",
     "speech"),
    ("Marlow's dislike for the levy is no secret.", "the levy", "dislike for", "Marlow's", "belief"),
    ("Marlow's demands for a recount grew louder.", "a recount", "demands for", "Marlow's", "request"),
    ("The loss would dent Okafor's claim to be the strongest rival to Marlow.", "to be the strongest rival to Marlow",
     "claim", "Okafor's", "speech"),
    # a reporting noun as the object of a light verb: the verb joins the cue, its subject speaks
    ("The opposition made the case that the talks were a sham.", "that the talks were a sham", "made the case",
     "The opposition", "speech"),
    ("The envoy expressed concern that the aid would not arrive.", "that the aid would not arrive",
     "expressed concern", "The envoy", "belief"),
    ("The minister made clear on Sunday that Moscow would not back down.", "that Moscow would not back down",
     "made clear", "The minister", "speech"),
    # stance adjectives after "be"
    ("The rebels are confident that the truce will hold.", "that the truce will hold", "are confident",
     "The rebels", "belief"),
    ("Voters are deeply skeptical of the deal.", "the deal", "are deeply skeptical of", "Voters", "belief"),
    ("Her team is confident in the outcome.", "the outcome", "is confident in", "Her team", "belief"),
    # (a clause with its subject and no "that")
    ("Most farmers in Valbrook were certain they would back Okafor.", "they would back Okafor", "were certain",
     "Most farmers in Valbrook", "belief"),
    ("Many guild members aren't enamored of Okafor.", "Okafor", "aren't enamored of", "Many guild members",
     "stance"),
    # (a "’s" or "’re" with a curly apostrophe, which the lemmatizer does not read as "be")
    ("They’re supportive of the levy.", "the levy", "’re supportive of", "They", "stance"),
    # (after a verb of seeming, which joins the cue)
    ("Valbrook's farmers appeared pleased with the plan.", "the plan", "appeared pleased with", "Valbrook's farmers",
     "belief"),
    ("Guild members did not seem to be worried about the strike.", "the strike",
     "did not seem to be worried about", "Guild members", "belief"),
    # "like" after "do", which the parse read as a preposition (as it does after a curly "n’t")
    ("Many farmers in Valbrook didn’t like the levy.", "the levy", "didn’t like", "Many farmers in Valbrook",
     "stance"),
    # feeling done to
    ("Many farmers feel trapped in a system that seems rigged against them.",
     "trapped in a system that seems rigged against them", "feel", "Many farmers", "belief"),
    # idioms, casting verbs, reporting by a document
    ("The opposition took issue with the envoy's plan.", "the envoy's plan", "took issue with", "The opposition",
     "accusation"),
    ("Okafor cast her rival as out of touch.", "her rival as out of touch", "cast", "Okafor", "naming"),
    # (an idiom ending on the infinitive's own "to", which stays with the content)
    ("Ray Marlow is looking to build on his momentum.", "to build on his momentum", "is looking", "Ray Marlow",
     "intention"),
    # a stance received: the giver speaks, the receiver is what the stance is about
    ("She has the backing of most of the city's large guilds.", "She", "has the backing of",
     "most of the city's large guilds", "stance"),
    ("Okafor has strong support among farmers in the valley.", "Okafor", "has strong support among",
     "farmers in the valley", "stance"),
    # (without what the writer makes of it)
    ("Okafor won the endorsement of the Valbrook Herald, a coup over her main rival.", "Okafor",
     "won the endorsement of", "the Valbrook Herald", "stance"),
    # (by the subject of the verb it joins)
    ("Okafor led in the polls and last week picked up the endorsement of Ada Brandt.", "Okafor",
     "picked up the endorsement of", "Ada Brandt", "stance"),
    # held among people: they hold it
    ("There is a tacit recognition among economists that the levy was a mistake.", "that the levy was a mistake",
     "a tacit recognition", "economists", "belief"),
    ("The remarks raised concerns among guild leaders that Okafor would sell the mill.",
     "that Okafor would sell the mill", "raised concerns", "guild leaders", "belief"),
    # held by the people an "of" phrase names before the clause
    ("The vote reinforced the perception of those in the hall that Okafor does not grasp the budget.",
     "that Okafor does not grasp the budget", "the perception", "those in the hall", "belief"),
    # blame brought on: from whom it comes speaks, what drew it is what they blame
    ("The statement drew sharp criticism from both sides of the debate.", "The statement",
     "drew sharp criticism from", "both sides of the debate", "accusation"),
    ("Ray Marlow faced criticism from his own party.", "Ray Marlow", "faced criticism from", "his own party",
     "accusation"),
    # a belief, a plan held: who has or holds it
    ("Marlow also had strong views on how the council handled the strike.", "how the council handled the strike",
     "also had strong views on", "Marlow", "belief"),
    ("Most guild members hold a favorable opinion of the mayor.", "the mayor", "hold a favorable opinion of",
     "Most guild members", "belief"),
    ("As reported by Reuters, the talks resumed in Geneva on Monday.", "the talks resumed in Geneva on Monday",
     "reported", "Reuters", "speech"),
    ("In the latest Reuters poll, Okafor leads Brandt by six points.", "Okafor leads Brandt by six points", "In",
     "the latest Reuters poll", "evidence"),
    # (those polled speak through the poll, even with a reporting verb of their own)
    ("In a Herald poll released Monday, 31 percent of voters said they were eager to vote.",
     "31 percent of voters said they were eager to vote", "In", "a Herald poll released Monday", "evidence"),
])
def test_attitudes_beyond_the_reporting_verbs(text, content, cue, speaker, group):
    article = analyze(text)
    check_offsets(article)
    [quote] = article.quotes
    assert (quote["text"], quote["cue"]["text"], quote["speaker"]["text"], quote["cue"]["group"]) == \
        (content, cue, speaker, group)


def test_a_stance_told_of_the_speaker_is_a_quote_of_its_own_and_the_source_stops_before_it():
    article = analyze("Halvorsen is a fierce critic of the fishing quota. Peter Lind, a longtime supporter of the mission, "
                      "said the troops should stay.")
    critic, supporter, said = article.quotes
    assert (critic["cue"]["text"], critic["speaker"]["text"], critic["text"]) == \
        ("a fierce critic of", "Halvorsen", "the fishing quota")
    assert (supporter["speaker"]["text"], supporter["text"]) == ("Peter Lind", "the mission")
    assert said["speaker"]["text"] == "Peter Lind" and said["text"] == "the troops should stay"
    # (the source keeps the bracket that closes the party and state before the relative clause)
    article = analyze("Speaking on the radio, Rep. Ada Brandt (D-Ore.), who has endorsed the mayor, said the levy would "
                      "pass.")
    endorsed, said = article.quotes
    assert endorsed["speaker"]["text"] == "who" and said["speaker"]["text"] == "Rep. Ada Brandt (D-Ore.)"
    # (and the "and" that joins it to the speaker's other description)
    said = quote_with(analyze("Marlow, a senator from Valbrook and self-described socialist, said the levy would "
                              "fail."), "levy")
    assert said["speaker"]["text"] == "Marlow, a senator from Valbrook"


@pytest.mark.parametrize("text, speaker", [
    ("“The levy will pass,” said Ray Marlow, who has endorsed the mayor.", "Ray Marlow, who has endorsed the mayor"),
    ("“The levy will pass,” said Ray Marlow, a pollster working for the Harbor Fund, a group backing the mayor.",
     "Ray Marlow, a pollster working for the Harbor Fund, a group backing the mayor"),
])
def test_after_an_inverted_cue_the_source_keeps_the_stance_told_of_the_speaker(text, speaker):
    article = analyze(text)
    assert quote_with(article, "levy")["speaker"]["text"] == speaker
    # (the stance is the speaker's description there, no quote of its own: a word belongs to one attribution)
    assert len(article.quotes) == 1


@pytest.mark.parametrize("text, speaker", [
    ("Others who have urged a tougher line on the cartels say the plan is weak.",
     "Others who have urged a tougher line on the cartels"),
    ("House Republicans supporting the bill argue it will save money.", "House Republicans supporting the bill"),
    ("Two of the candidates seeking the nomination said they oppose the levy.",
     "Two of the candidates seeking the nomination"),
    ("A person who attended and described the meeting said Okafor was angry.",
     "A person who attended and described the meeting"),
])
def test_a_stance_that_says_which_people_speak_stays_in_the_source(text, speaker):
    assert quote_with(analyze(text), text.split()[-1].rstrip("."))["speaker"]["text"] == speaker


def test_after_an_inverted_cue_more_words_of_the_speaker_are_a_quote_of_their_own():
    article = analyze("“The levy will pass,” said Ray Marlow, who added that the vote would be close.")
    assert quote_with(article, "levy")["speaker"]["text"] == "Ray Marlow"
    assert quote_with(article, "the vote would be close")["cue"]["text"] == "added"
    # (with the comma that closes the speaker's apposition, as before a cue: "Ray Marlow, a pollster, said")
    article = analyze("“The levy will pass,” said Lena Okafor, the mayor's deputy, who noted that the vote would be close.")
    assert quote_with(article, "levy")["speaker"]["text"] == "Lena Okafor, the mayor's deputy,"


@pytest.mark.parametrize("text, parts, cue, speaker", [
    ("The merger deal was announced on Monday.", ["The merger deal"], "was announced", None),
    ("The attack was condemned by the United Nations.", ["The attack"], "was condemned", "the United Nations"),
    ("The rebels were blamed for the attack.", ["The rebels", "for the attack"], "were blamed", None),
    ("The central bank is expected to act in December.", ["The central bank", "to act in December"], "is expected",
     None),
    # (the "as" phrase the parse hung on the agent)
    ("The shake-up was seen by some as a demotion for the envoy.", ["The shake-up", "as a demotion for the envoy"],
     "was seen", "some"),
    # (the agent the parse hung on what the subject was declared or confirmed as)
    ("Lena Okafor was declared the winner in Valbrook by news organizations on Tuesday night.",
     ["Lena Okafor", "the winner in Valbrook"], "was declared", "news organizations"),
    ("Ray Marlow was confirmed as one of the passengers by the Valbrook Transit Authority.",
     ["Ray Marlow", "as one of the passengers"], "was confirmed", "the Valbrook Transit Authority"),
    # (the people among whom it holds)
    ("Ray Marlow is revered among Democratic activists in Valbrook.", ["Ray Marlow"], "is revered",
     "Democratic activists in Valbrook"),
    ("The plan was not widely supported among those with direct experience.", ["The plan"],
     "was not widely supported", "those with direct experience"),
    # (a participle with an agent after a noun says it of the noun, as a passive does of its subject)
    ("The pesticide ban opposed by the Valbrook Farmers Union died in committee.", ["The pesticide ban"], "opposed",
     "the Valbrook Farmers Union"),
    # a relative clause without an object reports the noun it hangs on
    ("The talks went well, a point the envoy also acknowledged on Monday.", ["a point"], "also acknowledged",
     "the envoy"),
    # (or a cue preposition left at its end: "care about" the issues)
    ("The issues they care about are jobs and wages.", ["The issues"], "care about", "they"),
    # (the noun with what follows it up to the clause)
    ("Marlow now faces the kind of backlash his aides warned about.", ["the kind of backlash"], "warned about",
     "his aides"),
    # (and the noun goes before a clause after the cue that it stands in)
    ("Each release is a reminder of the inquiry, a probe the agency said was ongoing as of this month.",
     ["a probe", "was ongoing as of this month"], "said", "the agency"),
    ("The campaign is braced for a fight it expects to last into the spring.", ["a fight", "to last into the spring"],
     "expects", "it"),
    # (not a noun of why or when the clause happens)
    ("That is the reason she hopes voters will come back.", ["voters will come back"], "hopes", "she"),
    # a clause of comparison reports the amount compared, which its "than" stands for
    ("Turnout in Valbrook was higher than most analysts had forecast.", ["than"], "had forecast", "most analysts"),
    ("The levy raised $30 million more than the council expected.", ["than"], "expected", "the council"),
])
def test_passives_and_relative_clauses_report_the_noun_they_are_about(text, parts, cue, speaker):
    article = analyze(text)
    assert [q["text"] for q in article.quotes] == parts
    first = article.quotes[0]
    assert first["cue"]["text"] == cue
    assert (first["speaker"] and first["speaker"]["text"]) == speaker


def test_seeming_reports_the_subject_and_the_infinitive_without_a_source():
    article = analyze("The ceasefire appears to be collapsing.")
    assert [q["text"] for q in article.quotes] == ["The ceasefire", "to be collapsing"]
    assert article.quotes[1]["continues"] == 0
    assert all(q["speaker"] is None and q["cue"]["group"] == "evidence" for q in article.quotes)
    # what it seems like, "like" joining the cue
    article = analyze("The hesitance of Valbrook may seem like little more than a snag.")
    assert [(q["cue"]["text"], q["text"]) for q in article.quotes] == [
        ("may seem like", "The hesitance of Valbrook"), ("may seem like", "little more than a snag")]
    # (not the relative pronoun the infinitive's preposition takes, set before the subject)
    article = analyze("Ray Marlow defended the ethics rules, which he appeared to run afoul of in 2012.")
    assert [q["text"] for q in article.quotes if q["cue"]["text"] == "appeared"] == ["he", "to run afoul of in 2012"]


@pytest.mark.parametrize("text, cue, parts", [
    ("Investors seem to agree.", "seem", ["Investors", "to agree"]),
    ("The mill's output appears to have declined 3.3 percent last year.", "appears",
     ["The mill's output", "to have declined 3.3 percent last year"]),
    # (nor an adjective of intention: the writer's view of the subject)
    ("Okafor seems ready to compromise.", "seems", ["Okafor", "ready to compromise"]),
])
def test_seeming_before_a_reporting_verb_without_a_content_of_its_own_reports_it(text, cue, parts):
    quotes = analyze(text).quotes
    assert [(q["cue"]["text"], q["text"], q["speaker"]) for q in quotes] == [(cue, part, None) for part in parts]


@pytest.mark.parametrize("text, parts", [
    ("Both Valbrook and Delmar have reportedly looked at the plant and passed.",
     ["Both Valbrook and Delmar have", "looked at the plant and passed"]),
    # (from the subject on, without the phrase that opens the sentence nor what is set off after the clause)
    ("In total, the hackers have reportedly reached 100 party officials, leaving the party fearful.",
     ["the hackers have", "reached 100 party officials"]),
    ("Lena Okafor was reportedly on that trip with her sister, but they had returned two days before.",
     ["Lena Okafor was", "on that trip with her sister"]),
])
def test_reportedly_makes_its_clause_a_report_without_a_source(text, parts):
    quotes = analyze(text).quotes
    assert [(q["cue"]["text"], q["text"], q["speaker"]) for q in quotes] == [("reportedly", p, None) for p in parts]


@pytest.mark.parametrize("text, cues", [
    # a cue verb reads itself, "reportedly" joining its cue
    ("Ray Marlow reportedly said the levy was dead.", ["reportedly said"]),
    # a relative clause tells of the noun outside it
    ("For Mr. Pryce, who reportedly has been itching to run, the question is simple.", []),
])
def test_reportedly_on_a_cue_or_in_a_relative_clause_is_no_cue_of_its_own(text, cues):
    assert [q["cue"]["text"] for q in analyze(text).quotes] == cues


def test_a_link_label_in_capitals_quotes_nothing():
    # GeoWebNews 208: "READ:" before a link to another story took the quotation before it as what it read
    article = analyze("“Anyone can walk in and get an order,” Okafor said. And she submitted as proof: “In the last "
                      "three years, one activist has obtained 30 orders.” READ: Okafor rails against the judges. "
                      "WATCH: The debate in full.")
    assert [q["cue"]["text"] for q in article.quotes] == ["said", "submitted as proof:"]


def test_a_statement_the_parse_broke_up_before_a_closing_attribution_is_its_content():
    statement = 'Those who take on heavy debt struggle, even with a "good" job'
    [quote] = analyze(statement + ", he said.").quotes
    assert (quote["text"], quote["speaker"]["text"]) == (statement, "he")
    # (not the circumstances of what happened, with no subject of their own, nor an adverbial clause alone)
    [quote] = analyze("In a speech in Valbrook last July, he said: “We will win.”").quotes
    assert quote["text"] == "“We will win.”"
    assert analyze("But even after the growth cooled, the borrowing continued.").quotes == []


@pytest.mark.parametrize("text", [
    "The attacks on the convoy killed 20 people.",  # no possessor: a raid, not words
    "Okafor cast her ballot in Burlington.",  # no "as": casting a vote
    "More than 3 million votes were cast in the primary.",  # nor in the passive
    "They were announced on Monday.",  # people announced are not what was said
    "The report released by the institute on Monday ran to 80 pages.",  # a report put out speaks for itself
    "It is clear that the truce has failed.",  # the writer's own judgement
    "The army's efforts to retake the city failed.",  # an effort is an act, not an attitude
    "The agency has the task of identifying fraud.",  # identifying is reported when done, not as a task
    "Halvorsen rose in the polls to a clear lead by the autumn.",  # where something happened, not who says so
    "The mayor apologized.",  # an apology without what for reports nothing
    "Okafor was projecting warmth and calm.",  # projecting a manner, not a forecast
    "Okafor is the candidate most identified with free trade.",  # associated with it, which is no stance taken
    # seeing, a perception, of something past, by the one speaking, on an occasion, or of a place or a paper
    "Ray Marlow saw the tweet.",
    "Valbrook has seen its biggest crowd.",
    "I see the lights of the town.",
    "When she sees the photos, Okafor cries.",
    "Valbrook sees its biggest crowd on Saturday.",
    "The report sees growth slowing.",
    "Ray Marlow viewed the paintings slowly.",  # looking, not regarding
    "The mill laid off 200 workers.",  # laying off, not laying out
    "Okafor spoke on the latest episode of the podcast.",  # where she spoke, not what about
    # force, not words: by an armed force, or on a place or a thing
    "Rebels attacked the convoy near Aleppo on Sunday.",
    "Militants attacked a checkpoint in Sinai for the second time.",
    "Russia attacked Ukraine at dawn.",
    "Later, as unrest spread through the city, they shot 41 people dead.",  # shooting, not shooting back
    # billing or rushing, not accusing
    "A company he owns has charged the campaign $3.7 million in travel costs.",
    "The club charged a $100,000 initiation fee.",
    "The landlord charged his own campaign for rent.",
    "The senator charged into the fray.",
    "Syria shares a long border with Turkey.",  # sharing things, not views
    "The deal heralded a new era of cooperation.",  # foretelling, not hailing as
    # taking lives, not claiming
    "The attack claimed the lives of 20 people.",
    "The floods claimed at least 12 lives.",
    # running for an office, not seeking what one wants said or done
    "Ray Marlow is seeking the Democratic nomination.",
    "Lena Okafor seeks the White House for the second time.",
    # a term the parse reads as a verb and its object
    "Okafor leads in both pledged delegates and the popular vote.",
    "Declared Candidates for Mayor.",
    "Marlow did not return a request seeking comment.",
    # freeing people, not making things public
    "Valbrook released Ray Marlow after two years in jail.",
    "The two sailors were released within a day.",
    "Most state parties release their delegates after the first ballot.",
    # a state one is in, not a finding
    "Marlow once again found himself embroiled in controversy.",
    "The two candidates found themselves targeted by their rivals.",
    # the writer's turns of phrase
    "That said, the levy has its critics in Valbrook.",
    "But needless to say, the vote was close.",
    # a particle that takes the verb out of words
    "These lenders are ripping you off.",
    "Okafor won Valbrook, knocking Marlow out of the race.",
    "Ada Brandt later backed away from the plan.",
    # the writer's advice to the subject, not its wish
    "Ray Marlow may want to check his figures.",
    "But investors might want to think twice.",
    # the writer's word to the reader
    "Remember: the world also looked away then.",
    "Call it a familiarity fetish.",
    "Lena Okafor felt free to go.",  # a state, not a feeling done to her
    "Okafor pushed the cart into the barn.",  # pushing a thing, not for a course
    "The mill saw growing demand for its flour.",  # a market's demand, not a request
    "Ray Marlow smiled in reference to the absent Lena Okafor.",  # what it is about, not a reference made
    "The comment came from the account of a group that calls itself Valbrook Media.",  # its own name, no term
    # a permission withheld, which says why nothing was said
    "Two officials spoke on condition of anonymity because they were not authorized to discuss the talks.",
    "Lena Okafor is not allowed to comment on the case.",
    # knowledge lacked or still to come, a view no one holds
    "The result leaves Valbrook no closer to knowing who the next mayor will be.",
    "Ray Marlow had no way of knowing what was in store for him.",
    # a thing put at risk, not a threat made
    "The pressure on the mill is growing, threatening further losses for Ray Marlow.",
    "It is a corner that could threaten the party's viability in Valbrook.",
    "Okafor is offering $30 billion for the harbour.",  # money offered, not words
    "Valbrook colleges are offering night classes.",
])
def test_words_that_only_look_like_attitudes_are_not_quotes(text):
    assert analyze(text).quotes == []


@pytest.mark.parametrize("text, parts, speaker", [
    ("The rebels hold the east of the city, which the government said it would retake by spring.",
     ["which", "it would retake by spring"], "the government"),
    # (a relative "that" the parse tagged as the word that opens a clause)
    ("It was a record that Okafor believes will help her in the fall.", ["that", "will help her in the fall"],
     "Okafor"),
])
def test_relative_pronoun_goes_with_the_clause_reported_around_the_cue(text, parts, speaker):
    article = analyze(text)
    assert [q["text"] for q in article.quotes] == parts
    assert article.quotes[1]["continues"] == 0
    assert article.quotes[0]["speaker"]["text"] == speaker


def test_a_reporting_participle_ends_the_content_and_keeps_the_speaker():
    article = analyze("Lavrov said the talks would resume next week, calling them “the last chance for peace.”")
    said, calling = article.quotes
    assert said["text"] == "the talks would resume next week"
    assert calling["cue"]["text"] == "calling" and calling["speaker"]["text"] == "Lavrov"
    # (not one after a clause of a participle, which it goes on with)
    article = analyze("I remember Ray Marlow going on TV in 1977, declaring war on coal.")
    declaring = next(q for q in article.quotes if q["cue"]["text"] == "declaring")
    assert declaring["speaker"]["text"] == "Ray Marlow"


@pytest.mark.parametrize("text, content", [
    ("Marlow vowed to crush the Valbrook Front, also known as the VF or the Front.", "to crush the Valbrook Front"),
    ("Okafor said the council is overselling its gains against the Valbrook Front, also known as VF and the Front.",
     "the council is overselling its gains against the Valbrook Front"),
])
def test_a_participle_of_naming_set_off_at_the_end_is_not_more_of_the_content(text, content):
    assert analyze(text).quotes[0]["text"] == content


def test_a_reporting_participle_the_parse_hung_on_the_quotation_speaks_for_the_sentences_subject():
    article = analyze("Weaver did not seem particularly impressed with the comments Tuesday, telling reporters, “A "
                      "lot of people said the governor should step down.”")
    telling = next(q for q in article.quotes if q["cue"]["text"] == "telling")
    assert telling["speaker"] and telling["speaker"]["text"] == "Weaver"
    # (hung in the "that" clause of the object: the subject of the verb the object belongs to)
    article = analyze("Reached by phone, Pryce denied the notion that a shakeup is coming, explaining that he was "
                      "away.")
    assert quote_with(article, "he was away")["speaker"]["text"] == "Pryce"
    # (the main clause's subject, not one in the quotation before it)
    article = analyze("''We have begun all those talks,'' Mr. Pryce said, adding of Mr. Okafor, ''He cares about the "
                      "whole party.''")
    adding = next(q for q in article.quotes if q["cue"]["text"] == "adding")
    assert adding["speaker"] and adding["speaker"]["text"] == "Mr. Pryce"


@pytest.mark.parametrize("text, cue, speaker", [
    ("The senator began by crediting the governor with the recovery.", "began by crediting", "The senator"),
    ("The league took the rare step of criticizing the referees.", "criticizing", "The league"),
    ("The rebels pivoted to talk about the siege.", "to talk about", "The rebels"),
    ("The ministry issued a statement saying the convoy had been attacked.", "issued a statement saying",
     "The ministry"),
    # and a relative clause on what a verb of publishing put out
    ("The ministry issued a statement that accused the rebels of breaking the truce.", "accused", "The ministry"),
    ("The Post ran a piece that noted the plan would help the rich.", "noted", "The Post"),
    ("The envoy took a moment to point out that the truce had held.", "to point out", "The envoy"),
    # (the time a verb of spending fills: "spent the week ...")
    ("Okafor spent much of the run-up to the Valbrook vote portraying Marlow as a failure.", "portraying", "Okafor"),
    # (the object of a verb that makes it act: "forced the council to ...")
    ("The strike will force the council to acknowledge a hard reality.", "to acknowledge", "the council"),
    # (hung as a clause of purpose; or a participle right after someone: not "left the hall saying")
    ("The strike drove thousands of Valbrook farmers to demand a referendum.", "to demand",
     "thousands of Valbrook farmers"),
    ("The vote left the party to wonder what went wrong.", "to wonder", "the party"),
    ("The closures have left 62 percent of voters saying the council failed them.", "saying", "62 percent of voters"),
    ("Marlow left the hall saying the vote was rigged.", "saying", "Marlow"),
    ("The mayor used his speech to call for a recount.", "to call for", "The mayor"),
    # (the one named after the "for" of a noun or an adjective, or the "on" of "pressure", "rely", right before it)
    ("The closure created a natural opening for Ray Marlow to highlight her record.", "to highlight", "Ray Marlow"),
    ("The ruling will increase the pressure on Okafor to say whether she backs the levy.", "to say", "Okafor"),
    ("The council relies on residents to report leaks.", "to report", "residents"),
    # a gerund after a preposition: who undergoes the clause's passive, the owner of a policy, the subject of the
    # clause the nouns before it hang on
    ("The economist was sidelined after demonstrating that the plan was too small.", "demonstrating",
     "The economist"),
    ("Lena Okafor was booed and shouted down by the crowd after telling them that the levy would stay.", "telling",
     "Lena Okafor"),
    ("The mayor broke from his policy of not attacking the council.", "not attacking", "his"),
    ("In addition to stating that the levy was unfair, the mayor vetoed it.", "stating", "the mayor"),
    ("The mayor stopped short of fully endorsing the council's plan.", "fully endorsing", "The mayor"),
    # a participle of believing or meaning that opens the sentence
    ("Determined to win, Okafor campaigned across the state.", "Determined", "Okafor"),
    ("Worried that the port might close, the council raised the levy.", "Worried", "the council"),
    # a participle after a clause of time whose subject is someone, where the sentence's subject is a thing (not
    # where it is someone too)
    ("The trouble started when Okafor visited the port, calling the dockers lazy.", "calling", "Okafor"),
    ("The dispute began after Marlow took office, accusing the council of waste.", "accusing", "Marlow"),
    ("Marlow spoke after Okafor won the vote, remarking that she had earned it.", "remarking", "Marlow"),
    # a participle set off after a relative clause, which the parse hung on the clause's verb
    ("Ray Marlow had a strong moment that could play well at home, forcefully denouncing the regime.",
     "forcefully denouncing", "Ray Marlow"),
    # a past tense after a relative clause set off after a name, which the parse hung inside the clause
    ("It was a repeat of the 1992 convention, when Mr. Marlow, who had failed to win his party's nomination, called "
     "for a ''cultural war'' against ''liberals and radicals.''", "called for", "Mr. Marlow"),
    # an infinitive on the first or only one of a kind: the one said to be it
    ("Ray Marlow was the first Democrat in Congress to endorse Okafor in the primary.", "to endorse", "Ray Marlow"),
    ("Sens. Ray Marlow of Ohio and Ada Brandt of Maine were the only Republicans to vote against the final version "
     "of the bill.", "to vote against", "Sens. Ray Marlow of Ohio and Ada Brandt of Maine"),
    ("The first member of Congress to endorse him was Rep. Ray Marlow, who represents Valbrook.", "to endorse",
     "Rep. Ray Marlow, who represents Valbrook"),
])
def test_speaker_of_a_participle_or_infinitive_is_the_subject_it_hangs_on(text, cue, speaker):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"]) == (cue, speaker)


def test_quote_goes_on_after_a_sentence_that_opens_with_it_and_ends_with_its_attribution():
    article = analyze("“The siege must end,” said Ahmad Ramadan, a spokesman for the opposition who lives in "
                      "Istanbul. “We will not negotiate under fire.”")
    first, second = article.quotes
    assert second["text"] == "“We will not negotiate under fire.”" and second["continues"] == 0
    assert second["speaker"]["text"].startswith("Ahmad Ramadan")


@pytest.mark.parametrize("text, quotes", [
    ("“We will prevail,” Okafor told Channel 9’s “Sunrise” show on Friday.", ["“We will prevail,”"]),
    # (before the attribution, a title is no first part of a split quote: "But “the real issue,” she added, ...")
    ("Sunday on Valbrook Radio’s “Morning Hour,” Rep. Ada Brandt said Okafor’s “judgment” and “honesty” are in"
     " question because of the levy.",
     ["Okafor’s “judgment” and “honesty” are in question because of the levy"]),
    ("But “the more interesting issue,” Mr. Pryce added, “is whether the levy will hold.”",
     ["But “the more interesting issue,”", "“is whether the levy will hold.”"]),
])
def test_a_quoted_title_in_the_attribution_is_not_more_of_the_quote(text, quotes):
    assert [q["text"] for q in analyze(text).quotes] == quotes


def test_speaker_after_an_inverted_cue_the_parse_hung_elsewhere():
    article = analyze("\"What's coming together is a fight for the decade,\" said Nadia Petrov, a Halvorsen ally who "
                      "runs the pro-Halvorsen lobby group Voices for the Coast.")
    [quote] = article.quotes
    assert quote["speaker"]["text"].startswith("Nadia Petrov, a Halvorsen ally")


def test_where_or_when_set_off_before_the_speaker_is_not_part_of_the_speaker():
    # (the parse makes "boasted" a participle on "candidate", and the phrase before the comma the noun's)
    [quote] = analyze("At the resort, the candidate boasted of his negotiating skills in whittling $25 million off "
                      "the price.").quotes
    assert quote["speaker"]["text"] == "the candidate"


@pytest.mark.parametrize("text, speaker", [
    ("At a rally in Valbrook, a woman who had driven from Ohio told Okafor she would vote for her.",
     "a woman who had driven from Ohio"),
    ("At the town hall in Port Ellis, a young man who had been an exchange student in Norway asked Okafor what she "
     "thought of the levy.", "a young man who had been an exchange student in Norway"),
])
def test_speaker_the_parse_took_for_an_apposition_of_the_place_before_it(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


def test_read_after_a_quotation_is_the_past_tense_with_its_speaker_after_it():
    article = analyze("The campaign wrote to its donors on Monday. \"Our movement has already changed the race,\" read "
                      "the email.")
    assert quote_with(article, "movement")["speaker"]["text"] == "the email"


def test_a_word_of_the_quotation_taken_for_a_subject_is_not_the_speaker():
    article = analyze("\"Anybody who crosses her, it's like poking a bear,\" said Tobias Wren, who has known Okafor "
                      "since the 1980s.")
    said = next(q for q in article.quotes if q["cue"]["text"] == "said")
    assert said["speaker"]["text"] == "Tobias Wren, who has known Okafor since the 1980s"


def test_a_lone_surname_speaks_for_the_person_of_the_article():
    article = analyze("Gov. Elena Varga met voters on Monday. Varga said that the race was far from over.")
    [quote] = article.quotes
    assert quote["speaker"]["actor"] == "person:elena-varga"


@pytest.mark.parametrize("text, content", [
    ("Moscow said on Saturday it would not pressure Damascus.", "it would not pressure Damascus"),
    ("The minister said on March 3 the talks would resume.", "the talks would resume"),
    # (not what was insisted on)
    ("Okafor insisted on Monday's vote being held.", "Monday's vote being held"),
])
def test_the_day_it_was_said_is_not_what_was_said(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


def test_second_reporting_verb_of_the_same_subject_is_a_quote_of_its_own():
    article = analyze("Moreau said she did not want to think about it and predicted that Okafor will win.")
    assert [q["text"] for q in article.quotes] == ["she did not want to think about it", "that Okafor will win"]


def test_colon_after_a_name_attributes_the_rest_of_the_line():
    article = analyze("Lind: Brandt’s rhetoric is destroying the party.\n\nThe senator spoke on Sunday.")
    [quote] = article.quotes
    assert quote["text"] == "Brandt’s rhetoric is destroying the party"
    assert quote["cue"]["text"] == ":" and quote["speaker"]["text"] == "Lind"
    # (a dateline before a colon names no speaker, nor is it part of what is said after it)
    assert analyze("LOS ANGELES: A man smashed the windows of two cars on Sunday.").quotes == []
    assert analyze("Washington, DC, United States: Getting to the Moon has been done.").quotes == []
    [quote] = analyze("Kabul, Afghanistan: At least 12 people were killed on Sunday, officials said.").quotes
    assert (quote["speaker"]["text"], quote["text"]) == ("officials", "At least 12 people were killed on Sunday")
    # (a label that ends the text is no quote, and no error)
    article = analyze("Kabul, Afghanistan:")
    assert article.error is None and article.quotes == []


@pytest.mark.parametrize("text, speaker", [
    ("Ray Marlow to Valbrook Farmers: The Levy Will Stay.\n\nMarlow spoke on Monday.", "Ray Marlow"),
    ("Former Mayor Ray Marlow at Convention: Okafor Scandal Disqualifies Her.\n\nMarlow spoke on Monday.",
     "Former Mayor Ray Marlow"),
])
def test_a_label_that_names_whom_its_speaker_speaks_to_or_about_attributes_the_line(text, speaker):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"]) == (":", speaker)
    # (not a label of no name: "Big Win For Okafor: ...")
    assert analyze("Big Win For Okafor: Union Holds Off On Endorsement.\n\nThe union held off.").quotes == []


def test_a_transcript_attributes_each_turn_to_the_name_in_capitals():
    # (whole sentences spoken: a turn keeps its closing punctuation, where a headline's label loses it)
    article = analyze("On Sunday Lena Okafor spoke to Ray Marlow.\n\nMARLOW: Will the levy pass this year?\n\n"
                      "OKAFOR: We have the votes. The council will pass it in June.")
    turns = [(q["speaker"]["text"], q["speaker"]["actor"], q["text"]) for q in article.quotes
             if q["cue"]["text"] == ":"]
    assert turns == [("MARLOW", "person:ray-marlow", "Will the levy pass this year?"),
                     ("OKAFOR", "person:lena-okafor", "We have the votes. The council will pass it in June.")]


@pytest.mark.parametrize("mark", ["\"", "“", "''"])
def test_a_transcript_printed_as_one_quotation_gives_each_turn_to_its_speaker(mark):
    # (each paragraph opens with a mark, as a quotation over several paragraphs does; a turn goes on in the
    # paragraphs after it until the next name or a stage direction; the speakers' names are misparsed in capitals)
    article = analyze("On Sunday Lena Okafor spoke to Ray Marlow. A partial transcript follows:\n\n"
                      f"{mark}MARLOW: Will the levy pass this year? Many say it will not.\n\n"
                      f"{mark}OKAFOR: We have the votes. The council will pass it in June.\n\n"
                      f"{mark}And the farmers are with us. They said so last week.\n\n"
                      f"{mark}(CROSSTALK.)\n\n"
                      f"{mark}FALLIN: Then why wait?\n\nOkafor later left the studio.")
    turns = [(q["speaker"]["text"], q["text"], q["continues"]) for q in article.quotes]
    assert turns == [("MARLOW", "Will the levy pass this year? Many say it will not.", None),
                     ("OKAFOR", "We have the votes. The council will pass it in June.", None),
                     ("OKAFOR", "And the farmers are with us. They said so last week.", 1),
                     ("FALLIN", "Then why wait?", None)]
    # (one speaker's lines under a label are no transcript: the quotation stays whole, its mark included)
    [quote] = analyze("The mayor read the statement aloud:\n\n\"NOTE: The levy vote is on Tuesday.\n\n"
                      "\"The council will meet at noon.\"").quotes
    assert quote["text"].startswith("\"NOTE:")


def test_a_transcript_printed_as_one_quotation_may_end_on_a_mark_alone():
    # (the last paragraph, or one between turns, holds only the repeated mark: the turn before it ends there)
    for end in ("“", "“\n\nOkafor later left the studio."):
        article = analyze(f"“MARLOW: Will the levy pass this year?\n\n“OKAFOR: We have the votes.\n\n{end}")
        assert [(q["speaker"]["text"], q["text"]) for q in article.quotes] == [
            ("MARLOW", "Will the levy pass this year?"), ("OKAFOR", "We have the votes.")]


@pytest.mark.parametrize("text, quotes", [
    # a stray mark at the end of a paragraph, an empty pair: no quote of marks alone
    ("Ray Marlow said the levy would pass.“", [("Ray Marlow", "the levy would pass")]),
    ("Ray Marlow said the levy would pass.\n\n“\n\nThen he left.", [("Ray Marlow", "the levy would pass")]),
    ("“ ” said Ray Marlow.", []),
    ("“…” he said.", []),
    # the closing guillemet the parse took for the verb's subject is no speaker
    ("«We will go,» said Ray Marlow.", [("Ray Marlow", "«We will go,»")]),
])
def test_no_quote_or_speaker_is_made_of_marks_alone(text, quotes):
    article = analyze(text)
    check_offsets(article)
    assert [(q["speaker"] and q["speaker"]["text"], q["text"]) for q in article.quotes] == quotes


def test_a_quotation_signed_with_a_dash_and_a_name_is_that_persons():
    article = analyze("Voters in Valbrook told us what they thought of the debate.\n\n"
                      "“He scares me. He talks about us like we don’t matter.” ― Krystal Correa\n\n"
                      "“She won the night.”― Oscar P. Quintero.\n\n"
                      "“The dangers of this man and his movement are clear!” ―\xa0Julie A. Diaz Martinez.\n\n"
                      "“It’s over” — Trump said on Tuesday, and left.\n\n"
                      "“The deal” — as the papers called it — collapsed.")
    signed = [(q["speaker"]["text"], q["cue"]["text"], q["text"]) for q in article.quotes if q["cue"]["text"] == "―"]
    assert signed == [("Krystal Correa", "―", "“He scares me. He talks about us like we don’t matter.”"),
                      ("Oscar P. Quintero", "―", "“She won the night.”"),
                      ("Julie A. Diaz Martinez", "―", "“The dangers of this man and his movement are clear!”")]
    # (the model tags that last dash as a person: marks alone are no entity)
    assert all(any(c.isalnum() for c in entity["text"]) for entity in article.entities)
    # (a dash that goes on with the sentence signs nothing)
    assert quote_with(article, "“It’s over”")["cue"]["text"] == "said"
    assert not [q for q in article.quotes if q["text"] == "“The deal”"]


def test_a_that_clause_the_parse_hung_as_an_adverbial_clause_is_the_content():
    # (the parse makes "that" an adverb of "was" and the clause an adverbial one of "tweeted")
    [quote] = analyze("Trump tweeted in the early morning hours that Machado was “disgusting” and “a con.”").quotes
    assert (quote["speaker"]["text"], quote["cue"]["text"], quote["text"]) == \
        ("Trump", "tweeted", "that Machado was “disgusting” and “a con.”")


# ---------------------------------------------------------------------------------------------------- issue #4


@pytest.mark.parametrize("text, content, speaker", [
    # the object read as a possessive, the predicate kept
    ("The senator later called her “third-rate” and skipped the debate.", "her “third-rate”", "The senator"),
    # two objects without one
    ("The mayor went further, with aide Tom Reyes calling the governor a coward.", "the governor a coward",
     "aide Tom Reyes"),
    # the name as an apposition of the one named
    ("She called his executive orders “a crucial step forward on climate.”",
     "his executive orders “a crucial step forward on climate.”", "She"),
    # the quoted name as the object, the one named hung on it
    ("He called anti-war protesters “thugs” without proof.", "anti-war protesters “thugs”", "He"),
    # the name read as a second object
    ("Mr. Pryce deemed the release of a few prisoners a fair price.", "the release of a few prisoners a fair price",
     "Mr. Pryce"),
])
def test_naming_through_misparses(text, content, speaker):
    quote = quote_with(analyze(text), content.split()[0])
    assert (quote["text"], quote["cue"]["group"], quote["speaker"]["text"]) == (content, "naming", speaker)


def test_a_naming_verb_with_two_objects_the_parse_read_as_a_participle_names_through_its_subject():
    # (not "the one called X": the verb after the apposition has an object and a predicate)
    [quote] = analyze("Beruff, a Scott ally, called Florida’s standards “strong.”").quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"]) == ("called", "Beruff, a Scott ally,")
    assert quote["text"].startswith("Florida’s standards")
    # (also where the parse made the speaker the subject of the predicate noun)
    [quote] = analyze("The Greens’ campaign called Herald’s report a “rush to judgment,” because delegates can change "
                      "their minds until the vote.").quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"]) == ("called", "The Greens’ campaign")
    # (or hung it as a relative clause with no subject on the sentence's root noun)
    [quote] = analyze("Speaker Ada Brandt, the nation's highest-ranking Green, on Tuesday called Mr. Pryce's remarks "
                      "about a Valbrook judge ''racist,'' an extraordinary rebuke that generated a fresh wave of "
                      "criticism.").quotes
    assert quote["speaker"]["text"] == "Speaker Ada Brandt, the nation's highest-ranking Green,"
    # (not a clause of when: the one asked did not ask)
    article = analyze("Ted Pryce, when asked what about the plan is wrong, responded that it costs too much.")
    assert quote_with(article, "what about")["speaker"] is None


def test_a_naming_verb_after_a_phrase_set_off_is_the_subjects_not_a_participle_on_it():
    # (the parse hangs the verb on its subject as a participle: "a club called X" names the club, this does not)
    [quote] = analyze("Senator Ada Brandt, for example, named “Harbor Nights” as her favorite show.").quotes
    assert (quote["text"], quote["speaker"]["text"]) == ("“Harbor Nights”", "Senator Ada Brandt")


def test_a_story_is_told_by_someone():
    assert analyze("The story of the Valbrook dam began in 1931.").quotes == []


def test_naming_needs_a_name():
    assert analyze("The mayor called a “town hall” meeting on Monday.").quotes == []
    assert analyze("The president called the governor on Sunday.").quotes == []


def test_call_for_someone_to_act():
    [quote] = analyze("The governor is calling for the legislature to raise the minimum wage.").quotes
    assert quote["cue"]["text"] == "is calling for"
    assert quote["text"] == "the legislature to raise the minimum wage"
    assert quote["speaker"]["text"] == "The governor"


def test_said_so():
    [quote] = analyze("In the spring, 55 percent of voters said so.").quotes
    assert (quote["cue"]["text"], quote["text"]) == ("said", "so")
    assert analyze("He said so many people came.").quotes[0]["text"] == "so many people came"


def test_a_comma_inside_the_closing_mark_ends_the_content_before_a_reporting_participle():
    article = analyze("The mayor insisted that she has “rebuilt the harbor,” claiming that trade had tripled.")
    insisted, claiming = article.quotes
    assert insisted["text"] == "that she has “rebuilt the harbor,”"
    assert claiming["text"] == "that trade had tripled" and claiming["speaker"]["text"] == "The mayor"


@pytest.mark.parametrize("text, first, second, speaker", [
    ("The governor forecast that the economy would soon recover and praised the port authority for its help.",
     "that the economy would soon recover", "the port authority for its help", "The governor"),
    ("She adds that she has released her tax returns and called on her rivals to do the same.",
     "that she has released her tax returns", "her rivals to do the same", "She"),
    # (also one whose tense a "did" carries)
    ("Marlow said that he would pray for the nominee but did not suggest it would be Okafor.",
     "that he would pray for the nominee", "it would be Okafor", "Marlow"),
    # (what the second verb has before it goes with it)
    ("The mayor said on Monday that the levy is unfair and again claimed that the count had been rigged.",
     "that the levy is unfair", "that the count had been rigged", "The mayor"),
    # (in the tense of the word the first verb's infinitive hangs on)
    ("Marlow continues to insist that he will fight on to the convention and refuses to answer questions.",
     "that he will fight on to the convention", "to answer questions", "Marlow"),
    # (a "that" clause of its own, in another tense than the clause it was joined to)
    ("Ray Marlow, a longtime Valbrook lobbyist, says the main goal of the effort is “to defeat Okafor,” but "
     "conceded that shoring up her numbers was a growing concern.", "the main goal of the effort is “to defeat "
     "Okafor,”", "that shoring up her numbers was a growing concern", "Ray Marlow, a longtime Valbrook lobbyist,"),
    # (a finite verb is never joined to an infinitive)
    ("Mr. Marlow and Senator Ada Brandt urged the rest of the party to coalesce around their campaigns and tried to "
     "make the case that the fight was still in its early stages.", "the rest of the party to coalesce around their "
     "campaigns", "that the fight was still in its early stages", "Mr. Marlow and Senator Ada Brandt"),
])
def test_a_second_cue_joined_to_the_reported_clause_is_an_attribution_of_the_reporter(text, first, second, speaker):
    one, two = analyze(text).quotes
    assert (one["text"], two["text"]) == (first, second)
    assert two["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, content", [
    ("He said the rebels had attacked the town and killed dozens.", "the rebels had attacked the town and killed dozens"),
    # (a finite verb joined to an infinitive that is not the reporting verb's own)
    ("Ms. Okafor said she would like Mr. Pryce to explain his plan but supports his bid.",
     "she would like Mr. Pryce to explain his plan but supports his bid"),
])
def test_a_verb_joined_to_the_reported_clause_stays_in_it(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


@pytest.mark.parametrize("text, content", [
    ("Critics quickly compared the governor's gaffe to the worst debate lapses in memory.",
     "the governor's gaffe to the worst debate lapses in memory"),
    ("The principal attributed falling attendance in some schools to parents keeping children home.",
     "falling attendance in some schools to parents keeping children home"),
    # (naming someone to a post)
    ("The governor first named Ada Brandt to the county court in 2012.", "Ada Brandt to the county court"),
])
def test_likening_takes_the_object_with_what_it_is_likened_to(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


def test_likening_needs_its_phrase():
    assert analyze("The officials compared notes.").quotes == []


@pytest.mark.parametrize("text, cue, content", [
    ("The candidate shot back that the reporter had not been called on.", "shot back",
     "that the reporter had not been called on"),
    ("The pilot confided to him that her brothers had worried.", "confided", "that her brothers had worried"),
    ("During the interview he touched on the economy and trade.", "touched on", "the economy and trade"),
    # (the preposition hung on the one addressed)
    ("Mr. Pryce repeatedly reminded the crowd of the stakes.", "repeatedly reminded", "of the stakes"),
    ("Lena Okafor reminded her staff about the early work of Mr. Pryce.", "reminded",
     "about the early work of Mr. Pryce"),
    ("Mr. Pryce regularly tells the story of how he met Ada Brandt.", "regularly tells the story of",
     "how he met Ada Brandt"),
    ("She did contradict the president's claim that the group had been contained.", "did contradict",
     "the president's claim that the group had been contained"),
    ("The coach has sounded off against the plan for a salary cap.", "has sounded off against",
     "the plan for a salary cap"),
    ("The actor has spoken out in favor of a ban on assault rifles.", "has spoken out in favor of",
     "a ban on assault rifles"),
    ("The mayor apologized for the delay in the count.", "apologized for", "the delay in the count"),
    ("Analysts project that the harvest will fall by a third.", "project", "that the harvest will fall by a third"),
    ("The coroner identified the driver as Ada Brandt.", "identified", "the driver as Ada Brandt"),
    ("Some 41% identify with the Green Party.", "identify with", "the Green Party"),
    ("The governor laid out her plan for the harbor.", "laid out", "her plan for the harbor"),
    ("The governor gave a speech on the harbor.", "gave a speech on", "the harbor"),
    ("The mayor delivered a forceful message about the budget.", "delivered a forceful message about", "the budget"),
    ("The ministry rebuffed the offer of talks.", "rebuffed", "the offer of talks"),
    ("The governor brushed off the criticism.", "brushed off", "the criticism"),
    ("Ray Marlow cast doubt on the official jobless rate.", "cast doubt on", "the official jobless rate"),
    ("Lena Okafor cast the blame on her rivals.", "cast the blame on", "her rivals"),
    ("Lena Okafor threw her support behind Ray Marlow.", "threw her support behind", "Ray Marlow"),
    ("Party elders quickly lined up behind Ray Marlow.", "quickly lined up behind", "Ray Marlow"),
    ("Most of the Valbrook council voted in favor of the measure.", "voted in favor of", "the measure"),
    ("Neither Mr. Pryce nor other officials identified the platforms.", "identified", "the platforms"),
    # (a view someone holds, in the present)
    ("Analysts see a rate cut by June.", "see", "a rate cut by June"),
    ("Lena Okafor sees an opening in the north.", "sees", "an opening in the north"),
    ("After the vote, rivals see an opening in Valbrook.", "see", "an opening in Valbrook"),
    # (how people regard something, said by an adverb of favor or a "with" phrase)
    ("Some 59 percent of voters view Okafor unfavorably.", "view", "Okafor unfavorably"),
    ("Many voters regard the levy with suspicion.", "regard", "the levy with suspicion"),
    ("The runner Ada Brandt drew global attention to the abuses.", "drew global attention to", "the abuses"),
    ("City officials have balked at the plan.", "have balked at", "the plan"),
    ("Some interpret the vote as a rebuke.", "interpret", "the vote as a rebuke"),
    ("The senator repeatedly invoked the flood of 1993.", "repeatedly invoked", "the flood of 1993"),
    ("The senator attacked Beijing over its trade policy.", "attacked", "Beijing over its trade policy"),
    ("The mayor has slammed the proposal as too vague.", "has slammed", "the proposal as too vague"),
    # (the "as" phrase after a preposition's object or an idiom's object)
    ("Okafor has often referred to the governor as “a bright, charismatic leader”.", "has often referred to",
     "the governor as “a bright, charismatic leader”"),
    ("The senator still pointed to the council as the main obstacle to the budget.", "still pointed to",
     "the council as the main obstacle to the budget"),
    ("The governor brushed off the poll as a mere rumor.", "brushed off", "the poll as a mere rumor"),
    # (with what a poll shows of its object, hung on the verb)
    ("A poll released Monday shows Okafor with an 8-point lead over Marlow.", "shows",
     "Okafor with an 8-point lead over Marlow"),
    # (with what the target of an idiom or a verb of disparaging is accused of)
    ("Marlow called out his rival Okafor for alienating farmers.", "called out",
     "his rival Okafor for alienating farmers"),
    ("Okafor fired back at Marlow over the budget.", "fired back at", "Marlow over the budget"),
    ("The senator ripped the mayor for ignoring the flood.", "ripped", "the mayor for ignoring the flood"),
    # (with what the object of a verb of saying is about, hung on the verb)
    ("Okafor recalled an anecdote about watching Marlow work a crowd.", "recalled",
     "an anecdote about watching Marlow work a crowd"),
    ("Okafor has said little about the plan.", "has said", "little about the plan"),
    # (with whom one backs for what, over whom or against what, but not for how long)
    ("Marlow has endorsed Senator Ada Brandt for president.", "has endorsed", "Senator Ada Brandt for president"),
    ("Marlow once defended Okafor against allegations of fraud.", "once defended",
     "Okafor against allegations of fraud"),
    ("Most voters would support Okafor over Marlow.", "would support", "Okafor over Marlow"),
    ("Marlow has backed Okafor for years.", "has backed", "Okafor"),
    # (with any other phrase after the object that the parse hung on the verb, but not where, how or when it was
    # said or done)
    ("Lena Okafor recalled an incident at a Valbrook movie theater that left her friend in tears.", "recalled",
     "an incident at a Valbrook movie theater that left her friend in tears"),
    ("Mr. Pryce appointed dozens of his supporters to the three committees of the council.", "appointed",
     "dozens of his supporters to the three committees of the council"),
    ("Ray Marlow endorsed Okafor in the Democratic primary.", "endorsed", "Okafor in the Democratic primary"),
    # (with the name after a description, which is no aside)
    ("The mayor does not support his opponent, Ray Marlow.", "does not support", "his opponent, Ray Marlow"),
    # (with the state or country after a place, which is no aside)
    ("Ray Marlow invoked the water crisis in Valbrook, Ohio, in his speech.", "invoked",
     "the water crisis in Valbrook, Ohio"),
    ("Ray Marlow endorsed Okafor in June.", "endorsed", "Okafor"),
    ("Ray Marlow praised the plan in a statement on Tuesday.", "praised", "the plan"),
    ("Ray Marlow backed the levy by a wide margin.", "backed", "the levy"),
    # (with the further items of a list that the parse joined to the verb, but not a second verb)
    ("Ray Marlow has called for tighter rules on lenders, and for higher taxes on fund managers.", "has called for",
     "tighter rules on lenders, and for higher taxes on fund managers"),
    ("Lena Okafor questioned the cost of the bridge and the mayor's readiness to build it.", "questioned",
     "the cost of the bridge and the mayor's readiness to build it"),
    # (with the infinitive after the object that the parse hung on the verb)
    ("The president praised the efforts of Foreign Minister Ana Pastor to find a political solution to the war.",
     "praised", "the efforts of Foreign Minister Ana Pastor to find a political solution to the war"),
    ("Okafor has called for the former governor to release the transcripts of her paid speeches.", "has called for",
     "the former governor to release the transcripts of her paid speeches"),
    ("The envoy also decried the army's repeated calls to shell the old city.", "also decried",
     "the army's repeated calls to shell the old city"),
    ("The census bureau lists the population of the town as 21,090.", "lists",
     "the population of the town as 21,090"),
    ("Ray Marlow made conflicting statements about how he would cut taxes.", "made conflicting statements about",
     "how he would cut taxes"),
    ("Ray Marlow made the observation that the bridge was old.", "made the observation", "that the bridge was old"),
    ("Ray Marlow would push to abolish the Department of Education.", "would push",
     "to abolish the Department of Education"),
])
def test_new_reporting_words(text, cue, content):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"], quote["text"]) == (cue, content)


@pytest.mark.parametrize("text", [
    "Ray Marlow, asked about the report, said the allegations were false.",
    "Ray Marlow, asked whether Valbrook would retaliate, said the city would respond.",
])
def test_the_one_asked_in_a_phrase_set_off_after_the_name_is_no_asker_but_the_speaker_after(text):
    # (the tagger reads "asked" as the name's past tense; as PolNeAR marks it, the question has no source)
    asked, said = analyze(text).quotes
    assert (asked["cue"]["text"].split()[0], asked["speaker"]) == ("asked", None)
    assert (said["cue"]["text"], said["speaker"]["text"]) == ("said", "Ray Marlow")


@pytest.mark.parametrize("text, speaker", [
    ("MADRID (Reuters) – Foreign Minister Ana Pastor said on Thursday that talks would resume.",
     "Foreign Minister Ana Pastor"),
    ("Lyon (AFP) – French President Jean Dupont said on Tuesday that the plan was dead.", "French President Jean Dupont"),
    ("The senator, speaking at a rally in Miami, said the race was not over.", "The senator"),
    ("Gov.\u00a0Elena Varga said the plan would fail.", "Gov.\u00a0Elena Varga"),
    ("Smith and Jones both stressed that the deal was bad.", "Smith and Jones"),
    ("Even economists agree that the tax is regressive.", "economists"),
    ("Just 31 percent of parents said the schools were on the right path.", "31 percent of parents"),
    ("Just shy of half, 49%, said the schools were on the right path.", "49%"),
    # (a word that says which of the people speak stays, though the parse hangs it on the verb)
    ("Nearly eight in 10 Valbrook voters overall said they have made up their minds.",
     "Nearly eight in 10 Valbrook voters overall"),
    ("“Witnesses do come forward,” said the chief of detectives at a news conference.", "the chief of detectives"),
    ("“It is the usual pattern,” said Ray Marlow, an expert at the Harbor Institute, via email.",
     "Ray Marlow, an expert at the Harbor Institute,"),
    # (with the name after a preposition that the parse split off at its stops as a sentence of its own)
    ("“Anyone who talks about dividing people is a threat to working people, and we take every one of those "
     "seriously,” said Ray Marlow, president of the A.F.L.-C.I.O.\n\nThe potential pairing of Lena Okafor and union "
     "members surprised many.", "Ray Marlow, president of the A.F.L.-C.I.O."),
])
def test_source_without_dateline_participle_or_quantifier(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, cue, speaker, content", [
    ("Two-thirds support reducing the tax on fuel.", "support", "Two-thirds", "reducing the tax on fuel"),
    ("Majorities across the political spectrum favor granting the towns more money.", "favor",
     "Majorities across the political spectrum", "granting the towns more money"),
    # (up to the next clause joined after a comma)
    ("About two-thirds of voters in Valbrook support temporarily banning the sale, but majorities in the county say "
     "they want a vote.", "support", "About two-thirds of voters in Valbrook", "temporarily banning the sale"),
    # (after what it reports)
    ("“We see no need for the law,” the two write. “It is costly.”", "write", "the two",
     "“We see no need for the law,”"),
])
def test_a_reporting_verb_the_tagger_read_as_a_noun_after_a_share(text, cue, speaker, content):
    quote = quote_with(analyze(text), content)
    assert (quote["cue"]["text"], quote["speaker"]["text"], quote["text"]) == (cue, speaker, content)


@pytest.mark.parametrize("text, cue, speaker, content", [
    ("Valbrook Mayor Ray Marlow Endorses Lena Okafor.\n\nThe mayor spoke on Monday.", "Endorses",
     "Valbrook Mayor Ray Marlow", "Lena Okafor"),
    ("Ada Brandt Finally Endorses Lena Okafor.\n\nThe senator spoke on Monday.", "Finally Endorses", "Ada Brandt",
     "Lena Okafor"),
    ("Ada Brandt Sides With Okafor On Levy.\n\nThe senator spoke on Monday.", "Sides With", "Ada Brandt",
     "Okafor On Levy"),
    # (a verb joined to the first takes its speaker; the parse made the first a verb with no object)
    ("Lena Okafor Backs Ada Brandt And Denounces Ray Marlow.\n\nThe senator spoke on Monday.", "Backs",
     "Lena Okafor", "Ada Brandt"),
    ("Lena Okafor Backs Ada Brandt And Denounces Ray Marlow.\n\nThe senator spoke on Monday.", "Denounces",
     "Lena Okafor", "Ray Marlow"),
    # (in the past)
    ("Lena Okafor Questioned Why Valbrook Needs A Levy.\n\nThe senator spoke on Monday.", "Questioned",
     "Lena Okafor", "Why Valbrook Needs A Levy"),
    ("This Valbrook Panel Just Dismissed Ray Marlow’s Levy Plan.\n\nThe panel met on Monday.", "Just Dismissed",
     "This Valbrook Panel", "Ray Marlow’s Levy Plan"),
    # (a speaker after what it reports, after a comma, with "of" in its name)
    ("Marlow Leads Okafor By 9 Points, Valbrook Poll Finds.\n\nThe poll ran on Monday.", "Finds", "Valbrook Poll",
     "Marlow Leads Okafor By 9 Points"),
    ("Okafor Is A ‘Natural Born Citizen,’ Board Of Election Finds.\n\nThe board met on Monday.", "Finds",
     "Board Of Election", "Okafor Is A ‘Natural Born Citizen,’"),
    # (in lower case, read as a plural after the name that opens the sentence, up to the end of its line or a clause
    # joined after a comma)
    ("Amid discord, Okafor claims nomination; \nHundreds cast their votes for other candidates.", "claims", "Okafor",
     "nomination"),
    ("Brandt brags that's good news for farmers.", "brags", "Brandt", "that's good news for farmers"),
    ("Okafor talks about a shared levy, but the council is divided over it.", "talks about", "Okafor",
     "a shared levy"),
    # (where it also reads as a reporting noun, which would have no one holding it)
    ("The Valbrook campaign plans to employ Ms. Okafor as much as possible in the coming weeks.", "plans",
     "The Valbrook campaign", "to employ Ms. Okafor as much as possible in the coming weeks"),
    ("The Republican presidential candidate plans to be back in Valbrook later Saturday.", "plans",
     "The Republican presidential candidate", "to be back in Valbrook later Saturday"),
])
def test_a_reporting_verb_the_tagger_misread_in_a_headline(text, cue, speaker, content):
    quote = quote_with(analyze(text), content)
    assert (quote["cue"]["text"], quote["speaker"]["text"], quote["text"]) == (cue, speaker, content)


@pytest.mark.parametrize("text", [
    # (a noun after a possessive or a determiner)
    "The Mayor’s Attacks On Marlow Could Backfire.\n\nThe senator spoke on Monday.",
    "Valbrook Sees Both Claims Collapse.\n\nThe senator spoke on Monday.",
    # (a sentence of prose)
    "Marlow Claims Group filed the suit in Valbrook on Monday.",
    # (a participle of the passive)
    "Valbrook Council Accused Of Hiding Levy Costs.\n\nThe council met on Monday.",
])
def test_a_noun_in_a_headline_no_quote(text):
    assert analyze(text).quotes == []


@pytest.mark.parametrize("text, cues", [
    # (a plural under a verb, or before one)
    ("Other refugee advocates also said the government should go further.", ["also said"]),
    ("The Marlow Tax Plans Would Cost A Fortune.\n\nThe senator spoke on Monday.", []),
])
def test_a_plural_after_a_name_is_no_cue(text, cues):
    assert [q["cue"]["text"] for q in analyze(text).quotes] == cues


@pytest.mark.parametrize("text", [
    "Only 19 support Marlow.",
    # (a participle's phrase with a number in it is no share of people)
    "The vote went to a runoff, giving the party a genuine three-way contest that will test Marlow.",
])
def test_no_share_of_people_before_a_noun_no_quote(text):
    assert analyze(text).quotes == []


def test_the_chunk_starting_in_a_stretch_is_spacys_own(seed_text):
    # made for the stretch's sentences only, it is the chunk the whole text's noun chunks give there
    doc = load_model()(seed_text)
    chunks = list(doc.noun_chunks)
    assert len(chunks) > 100
    for first in range(len(doc)):
        for last in (first, first + 3):
            expected = next((c for c in chunks if first <= c.start <= last), None)
            found = chunk_starting(doc, first, last)
            assert (found.start, found.end) == (expected.start, expected.end) if expected else found is None
    assert chunk_starting(doc, len(doc), len(doc) + 3) is None


def test_a_quantifier_after_the_speakers_is_not_the_speaker():
    # the parse gave the verb "both" as a second subject
    article = analyze("Republican establishment figures — whose party was once respected for its discipline and public "
                      "unity — both suggested Okafor's speechwriter be fired and defended Marlow as a candidate.")
    assert quote_with(article, "speechwriter")["speaker"]["text"] == "Republican establishment figures"
    # the parse as the model gives it in a longer text: the participle hangs on "all", set beside the names
    words = ["Marlow", ",", "Okafor", "and", "Brandt", "all", "calling", "for", "a", "levy"]
    heads = [0, 0, 0, 2, 2, 0, 5, 6, 9, 7]
    deps = ["ROOT", "punct", "conj", "cc", "conj", "appos", "acl", "prep", "det", "pobj"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps,
              tags=["NNP", ",", "NNP", "CC", "NNP", "DT", "VBG", "IN", "DT", "NN"],
              pos=["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PRON", "VERB", "ADP", "DET", "NOUN"])
    subject, passive = subject_of(doc[6])
    assert (subject.text, passive) == ("Marlow", False)
    assert source_span(subject, doc[6]) == (0, 5)


def test_names_listed_with_their_party_are_one_source():
    # "Gov. Lena Okafor (D) and Gov. Ray Marlow (R) announced ..." as the model parses it in some articles: each name a
    # subject of its own, the "and" hung on the first after its bracket
    words = ["Gov.", "Lena", "Okafor", "(", "D", ")", "and", "Gov.", "Ray", "Marlow", "(", "R", ")", "announced", "they",
             "will", "run", "."]
    heads = [2, 2, 13, 2, 2, 2, 2, 9, 9, 13, 9, 9, 9, 13, 16, 16, 13, 13]
    deps = ["compound", "compound", "nsubj", "punct", "appos", "punct", "cc", "compound", "compound", "nsubj", "punct",
            "appos", "punct", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN",
           "PUNCT", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "CC", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD",
            "PRP", "MD", "VB", "."]
    spaces = [True, True, True, False, False, True, True, True, True, True, False, False, True, True, True, True,
              False, False]
    doc = Doc(load_model().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags)
    subject, passive = subject_of(doc[13])
    assert (subject.text, passive) == ("Okafor", False)
    assert doc[slice(*source_span(subject, doc[13]))].text == "Gov. Lena Okafor (D) and Gov. Ray Marlow (R)"


@pytest.mark.parametrize("text, speaker", [
    ("Obama, Biden to campaign for Okafor in September.\n\nThe president will visit Valbrook.", "Obama, Biden"),
    ("Lena Okafor, husband expecting second child.\n\nVALBROOK (AP) — Lena Okafor announced it on Monday.",
     "Lena Okafor, husband"),
])
def test_names_a_headline_lists_with_commas_are_one_source(text, speaker):
    assert analyze(text).quotes[0]["speaker"]["text"] == speaker


def test_a_dateline_with_its_state_is_not_the_speaker():
    # the AP's "CITY, State. -", whose place the parse takes for the subject, in a real article of GeoWebNews
    path = POLNEAR.parent / "geowebnews" / "GeoWebNews" / "227.txt"
    if not path.is_file():
        pytest.skip(f"GeoWebNews is not at {path.parent} (it comes with ../shared/benchmarks, which CI has)")
    text = path.read_text()
    start = text.index("CAMP MURRAY")
    quote = analyze(text[start:text.index(".", text.index("suitcase", start)) + 1]).quotes[0]
    assert (quote["speaker"]["text"], quote["speaker"]["actor"]) == ("Lt. Col. Ricky Thomas", "person:ricky-thomas")


@pytest.mark.parametrize("text, speaker", [
    ("In a letter to the Gazette, his chief economic aide, Lena Morales, said: “The budget is sound.”",
     "his chief economic aide, Lena Morales,"),
    ("About 3 in 10 say they expect the new mayor to raise taxes.", "About 3 in 10"),
    ("“That was a fine toast you made at dinner, Madam Speaker,” Representative Paul Ferreira, Democrat of "
     "Oregon, told Ms. Lindqvist.", "Representative Paul Ferreira, Democrat of Oregon,"),
])
def test_speaker_before_a_cue_the_parse_left_without_one(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


def test_a_phrase_set_off_between_the_speaker_and_a_cue_the_parse_left_without_one_is_not_the_speakers():
    # "Ray Marlow, who has praised the levy, defended his plan" as the model parses it in some articles: the name
    # the subject of the relative clause, which hangs beside the cue
    words = ["Ray", "Marlow", ",", "who", "has", "praised", "the", "levy", ",", "defended", "his", "plan", "."]
    heads = [1, 5, 1, 5, 5, 9, 7, 5, 9, 9, 11, 9, 9]
    deps = ["compound", "nsubj", "punct", "dep", "aux", "parataxis", "det", "dobj", "punct", "ROOT", "poss", "dobj",
            "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", ",", "WP", "VBZ", "VBN", "DT", "NN", ",", "VBD", "PRP$", "NN", "."]
    lemmas = ["Ray", "Marlow", ",", "who", "have", "praise", "the", "levy", ",", "defend", "his", "plan", "."]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              ents=["B-PERSON", "I-PERSON"] + ["O"] * 11)
    reading = read(doc[9], vocabulary())
    assert doc[slice(*reading.source)].text == "Ray Marlow"


def test_a_passive_subject_stops_at_its_verb_whatever_the_parse_hangs_on_it():
    # "Some aides are said to be urging a deal: access to the courts" as the model parses it in some articles: the
    # phrase after the colon an apposition of the subject
    words = ["Some", "aides", "are", "said", "to", "be", "urging", "a", "deal", ":", "access", "to", "the", "courts",
             "."]
    heads = [1, 3, 3, 3, 6, 6, 3, 8, 6, 3, 1, 10, 13, 11, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "aux", "aux", "xcomp", "det", "dobj", "punct", "appos", "prep",
            "det", "pobj", "punct"]
    pos = ["DET", "NOUN", "AUX", "VERB", "PART", "AUX", "VERB", "DET", "NOUN", "PUNCT", "NOUN", "ADP", "DET", "NOUN",
           "PUNCT"]
    tags = ["DT", "NNS", "VBP", "VBN", "TO", "VB", "VBG", "DT", "NN", ":", "NN", "IN", "DT", "NNS", "."]
    lemmas = ["some", "aide", "be", "say", "to", "be", "urge", "a", "deal", ":", "access", "to", "the", "court", "."]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    reading = read(doc[3], vocabulary())
    assert [doc[a:b].text for a, b in reading.content] == ["Some aides", "to be urging a deal"]


def test_the_speaker_before_an_idiom_the_parse_left_without_a_subject_comes_without_the_conjunction():
    # "But Ray Marlow, a party operative, vouched for Okafor" as the model parses it in some articles: the name an
    # adverb of the cue, set off with its apposition before "vouched for", an idiom of the vocabulary
    words = ["But", "Ray", "Marlow", ",", "a", "party", "operative", ",", "vouched", "for", "Okafor", "."]
    heads = [8, 2, 8, 2, 6, 6, 2, 2, 8, 8, 9, 8]
    deps = ["cc", "compound", "advmod", "punct", "det", "compound", "appos", "punct", "ROOT", "prep", "pobj", "punct"]
    pos = ["CCONJ", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT"]
    tags = ["CC", "NNP", "NNP", ",", "DT", "NN", "NN", ",", "VBD", "IN", "NNP", "."]
    lemmas = ["but", "Ray", "Marlow", ",", "a", "party", "operative", ",", "vouch", "for", "Okafor", "."]
    doc = Doc(load_model().vocab, words=words, spaces=[True, True, False, True, True, True, False, True, True, True,
                                                       False, False],
              heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              ents=["O", "B-PERSON", "I-PERSON"] + ["O"] * 7 + ["B-PERSON", "O"])
    reading = read(doc[8], vocabulary())
    assert doc[slice(*reading.source)].text == "Ray Marlow, a party operative,"


def test_a_cue_after_its_quotation_does_not_report_a_clause_with_its_own_subject_the_parse_hung_it_on():
    # 'Okafor left. “It works,” Marlow said, adding that she lied: she hid records.' as the model parses it in some
    # articles: "said" a complement of "hid", the quotation a loose dependent
    words = ["Okafor", "left", ".", "“", "It", "works", ",", "”", "Marlow", "said", ",", "adding", "that", "she",
             "lied", ":", "she", "hid", "records", "."]
    heads = [1, 1, 1, 9, 5, 9, 9, 9, 9, 17, 9, 9, 14, 14, 11, 17, 17, 17, 17, 17]
    deps = ["nsubj", "ROOT", "punct", "punct", "nsubj", "dep", "punct", "punct", "nsubj", "ccomp", "punct", "advcl",
            "mark", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT", "VERB",
           "SCONJ", "PRON", "VERB", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", ".", "``", "PRP", "VBZ", ",", "''", "NNP", "VBD", ",", "VBG", "IN", "PRP", "VBD", ":",
            "PRP", "VBD", "NNS", "."]
    lemmas = ["Okafor", "leave", ".", "“", "it", "work", ",", "”", "Marlow", "say", ",", "add", "that", "she", "lie",
              ":", "she", "hide", "record", "."]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    reading = read(doc[9], vocabulary())
    assert not any("hid" in doc[a:b].text for a, b in reading.content)


def test_a_name_before_a_past_tense_the_tagger_read_as_a_participle_is_the_speaker():
    # '“Sit down,” Marlow barked' as the model parses it in some articles: "barked" a participle, "Marlow" compounded
    # with it
    words = ["“", "Sit", "down", ",", "”", "Marlow", "barked", "."]
    heads = [1, 6, 1, 1, 1, 6, 6, 6]
    deps = ["punct", "ccomp", "prt", "punct", "punct", "compound", "ROOT", "punct"]
    pos = ["PUNCT", "VERB", "ADP", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"]
    tags = ["``", "VB", "RP", ",", "''", "NNP", "VBN", "."]
    lemmas = ["“", "sit", "down", ",", "”", "Marlow", "bark", "."]
    doc = Doc(load_model().vocab, words=words, spaces=[False, True, False, False, True, True, False, False],
              heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=["O"] * 5 + ["B-PERSON", "O", "O"])
    reading = read(doc[6], vocabulary())
    assert doc[slice(*reading.source)].text == "Marlow"


def test_names_joined_before_a_cue_the_parse_left_without_a_subject_are_all_the_speakers():
    [quote] = analyze('Whenever gunmen turn out to be part of the global terror war, Obama and Clinton call them '
                      '"lone wolves".').quotes
    assert quote["speaker"]["text"] == "Obama and Clinton"


def test_a_clause_that_opens_with_while_is_not_the_subject():
    quote = next(q for q in analyze(
        "While discussing a controversial tweet from the nominee featuring an image of Hillary Clinton, House "
        "Speaker Paul Ryan said “anti-Semitic images have no place in a campaign.”").quotes
        if q["kind"] == "direct")
    assert (quote["speaker"]["text"], quote["speaker"]["actor"]) == ("House Speaker Paul Ryan", "person:paul-ryan")


def test_a_name_the_parse_hung_on_the_phrase_before_the_cue_is_the_speaker():
    quote = next(q for q in analyze(
        "Tuesday on a radio show, while discussing a tweet from the nominee featuring an image of Hillary Clinton, "
        "Senate Majority Leader Mitch McConnell (R-KY) said “the image has no place in a campaign.”").quotes
        if q["kind"] == "direct")
    assert quote["speaker"]["text"] == "Senate Majority Leader Mitch McConnell (R-KY)"
    assert quote["speaker"]["actor"] == "person:mitch-mcconnell"


@pytest.mark.parametrize("text, cue, content", [
    ("Asked if she was ever lost, the climber said no.", "Asked", "if she was ever lost"),
    ("In a podcast in March, the chef was asked if he had ever been laughed at.", "was asked",
     "if he had ever been laughed at"),
])
def test_asked_if(text, cue, content):
    quote = quote_with(analyze(text), content)
    assert (quote["cue"]["text"], quote["text"], quote["speaker"]) == (cue, content, None)


def test_content_stops_before_a_which_clause_the_parse_hung_as_an_adverbial():
    [quote] = analyze("Moretti suggested that the firm sell off its shipping arm last spring, which turned into a "
                      "record-breaking sale.").quotes
    assert quote["text"] == "that the firm sell off its shipping arm last spring"


@pytest.mark.parametrize("text, content, speaker", [
    ("The governor's move was first reported by a local television station.", "The governor's move",
     "a local television station"),
    # (where the survivors are is part of what was reported)
    ("Rescuers reported at least 14 survivors at a flooded school.", "at least 14 survivors at a flooded school",
     "Rescuers"),
])
def test_what_was_reported(text, content, speaker):
    [quote] = analyze(text).quotes
    assert (quote["text"], quote["speaker"]["text"]) == (content, speaker)


def test_the_subject_holds_the_stance_its_object_names():
    [quote] = analyze("The governor avoided direct criticism of the president until recent days.").quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"]) == ("direct criticism of", "The governor")
    [quote] = analyze("The plan faced criticism of its cost.").quotes
    assert quote["speaker"] is None
    # (also a stance the object is a kind or a number of)
    for text, cue, speaker in (("The Valbrook council issued a statement of concern about the harbor.", "concern about",
                                "The Valbrook council"),
                               ("Council candidates stake out a range of positions on the levy.", "positions on",
                                "Council candidates")):
        quote = next(q for q in analyze(text).quotes if q["cue"]["text"] == cue)
        assert quote["speaker"]["text"] == speaker
    # (what drives speculation does not speculate)
    [quote] = analyze("The vote has driven speculation that Okafor is in line for a top job.").quotes
    assert quote["speaker"] is None


@pytest.mark.parametrize("text, cue, speaker", [
    ("Ray Marlow's rivals cling to the hope that he lacks the votes.", "the hope", "Ray Marlow's rivals"),
    ("The council released a statement in opposition to the levy.", "in opposition to", "The council"),
    # (not what others said or feel, nor where the object was moved)
    ("Okafor listened to the argument that the levy was unfair.", "the argument", None),
    ("Marlow roused the crowd to chants of “Four more years!”", "chants of", None),
])
def test_the_subject_holds_the_stance_a_phrase_on_its_verb_names(text, cue, speaker):
    quote = next(q for q in analyze(text).quotes if q["cue"]["text"] == cue)
    assert (quote["speaker"] and quote["speaker"]["text"]) == speaker


@pytest.mark.parametrize("text, cue, parts", [
    ("Okafor won most of the series of races known as Harvest Week.", "known as",
     ["the series of races", "Harvest Week"]),
    ("The message linked to a group called the “Citizens for Truth Foundation.”", "called",
     ["a group", "the “Citizens for Truth Foundation.”"]),
    # (what the parse hung on the one named past the verb goes with the name)
    ("Ray Marlow is following what strategists dub a 3-2-1 strategy: Finish third in Iowa, second in Ohio and"
     " first in Utah.", "dub", ["what", "a 3-2-1 strategy: Finish third in Iowa, second in Ohio and first in Utah"]),
])
def test_what_a_thing_is_known_as_or_called(text, cue, parts):
    text_quotes = analyze(text)
    [attribution] = from_quotes(text, text_quotes.quotes)
    assert [text[s:e] for s, e in attribution.content] == parts
    assert text_quotes.quotes[0]["cue"]["text"] == cue and text_quotes.quotes[0]["cue"]["group"] == "naming"


@pytest.mark.parametrize("text", [
    "Okafor hired a firm called Valbrook Analytics to run the ads.",
    "The ads were paid for by a new group called Farmers First, led by Ada Brandt.",
    "Outside the plant, a worker named Ray Marlow handed out leaflets.",
])
def test_a_thing_called_by_its_own_name_is_no_quote(text):
    assert analyze(text).quotes == []


def test_claimed_responsibility():
    quote = quote_with(analyze("The group claimed responsibility for the bombing on Sunday."), "the bombing")
    assert (quote["cue"]["text"], quote["speaker"]["text"]) == ("claimed responsibility for", "The group")


def test_the_question_of_whether():
    [quote] = analyze("The defections raised the question of whether the manager was up to his job.").quotes
    assert quote["text"] == "whether the manager was up to his job"
    assert analyze("It is a question of time.").quotes == []


def test_support_drawn_from_others_is_theirs():
    [quote] = analyze("The bishop has won overwhelming support from farmers and fishermen.").quotes
    assert (quote["text"], quote["speaker"]["text"]) == ("The bishop", "farmers and fishermen")
    assert analyze("The rebels drew fire from the army.").quotes == []
    # what the givers did besides, set off after them, is not who they are
    quote = analyze("May has received strong backing from the United States and her allies in Europe, which have "
                    "accepted Britain’s view that Russia was responsible.").quotes[0]
    assert (quote["text"], quote["speaker"]["text"]) == ("May", "the United States and her allies in Europe")


@pytest.mark.parametrize("text, content", [
    ("The chairman sees the treasurer as driven by a narrow ideology.",
     "the treasurer as driven by a narrow ideology"),
    ("Three in 10 parents see the policy of the board as most harmful.", "the policy of the board as most harmful"),
])
def test_an_as_phrase_the_parse_made_a_clause(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


def test_an_as_clause_with_its_own_subject_says_when():
    [quote] = analyze("The senator criticized the plan as the vote neared.").quotes
    assert quote["text"] == "the plan"


def test_a_list_after_a_comma_stays_in_the_content():
    [quote] = analyze("Halvorsen said she and Brandt differ on Norway, the Arctic fishing deal and the prospect of "
                      "compromise over the pension fund.").quotes
    assert quote["text"].endswith("the prospect of compromise over the pension fund")
    [quote] = analyze("The minister said the talks were led by Sergei Lavrov, the foreign minister.").quotes
    assert quote["text"] == "the talks were led by Sergei Lavrov"


def test_self_described():
    [quote] = analyze("Okafor, a self-described green conservative, won the county.").quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"], quote["text"]) == ("described", "self",
                                                                               "green conservative")


@pytest.mark.parametrize("text", [
    "Harvest update: The latest yields in the southern valley.\n\nWheat leads.",
    "BREAKINGVIEWS: Markets fall as the truce collapses.\n\nStocks fell.",
    "Maine: Paul Ames, Greg Baxter, Rob Dunn, Jeff Fowler, Linda Grant.\n\nThey were surveyed.",
    "Paid Notice: Deaths MARLOW, RAY.\n\nMARLOW--Ray, 98, of Valbrook.",
    # a topic heading past the headline, over words credited to a source of their own
    "Okafor and Marlow split on the rules.\n\nCampaign funding: The Marlow campaign wants to cap donations, "
    "according to the Valbrook Herald.",
    # section headings past the headline, over what each candidate needs: a fragment without a subject
    "What each candidate needs on Tuesday.\n\nMarlow: Survive to the runoff.\n\nMarlow trails in the polls.",
    "What each candidate needs on Tuesday.\n\nOkafor: A late surge in the suburbs.\n\nOkafor leads.",
])
def test_a_label_or_a_list_after_a_colon_is_no_quote(text):
    assert [q for q in analyze(text).quotes if q["cue"]["text"] == ":"] == []


# ---------------------------------------------------------------------------------------------------- quotation marks


@pytest.mark.parametrize("text, expected", [
    ("He said: “one, two,” and “three.”", ["“one, two,”", "“three.”"]),
    ("She said \"hi there\" and left. It was 6'2\" tall.", ["\"hi there\""]),
    ("''We are told all the time,'' Mr. Putin said.", ["''We are told all the time,''"]),
    ("“A ‘nested’ quote,” he said.", ["“A ‘nested’ quote,”"]),
    ("“Unclosed quote here.\nNext paragraph.", ["“Unclosed quote here."]),
    ("“The reality is bad,“ said Tom Ridley.", ["“The reality is bad,“"]),  # a closing mark typed as opening
    ("She said “Let’s go. We can stop it.’ Ridley was there.", ["“Let’s go. We can stop it.’"]),
    ("“One paragraph.\n\n“Another one,” he said.", ["“One paragraph.\n\n“Another one,”"]),
    ("\"One paragraph.\n\n\"Another one,\" he said.", ["\"One paragraph.\n\n\"Another one,\""]),
])
def test_passages(text, expected):
    assert [text[p.start:p.end] for p in find_passages(text)] == expected


# ---------------------------------------------------------------------------------------------------- the scorer


TEXT = "Smith said the talks were over. “We lost,” he said, “badly.” x"


def at(fragment: str) -> str:
    start = TEXT.index(fragment)
    return f"{start} {start + len(fragment)}"


ANN = f"""T1\tSource {at("Smith")}\tSmith
T2\tCue {at("said")}\tsaid
T3\tContent {at("the talks were over")}\tthe talks were over
T4\tAttribution {at("said")}\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent {at("“We lost,”")};{at("“badly.”")}\t“We lost,” “badly.”
T6\tCue {at("he said")}\the said
T7\tDiscard {at("x")}\tx
#1\tAnnotatorNotes T5\ta note
E2\tAttribution-no-source:T6 Content:T5 Cue:T6
"""


def test_parse_ann_reads_attributions_with_split_content():
    attributions, spans = parse_ann(ANN, TEXT)
    assert len(attributions) == 2
    first, second = attributions
    assert first.source == ((0, 5),) and first.cue == ((6, 10),) and first.content == ((11, 30),)
    assert not first.direct
    assert [TEXT[s:e] for s, e in second.content] == ["“We lost,”", "“badly.”"]
    assert second.source == ()
    assert second.direct and is_direct(TEXT, second.content)
    assert len(spans) == 7


def test_perfect_prediction_scores_one_and_nothing_scores_zero():
    gold = [Attribution(((0, 5),), ((6, 10),), ((11, 30),), False)]
    tally = score_article(TEXT, gold, gold)["all"]
    row = scores(tally)
    assert all(f == 1.0 for _, _, f in row.values())
    empty = scores(score_article(TEXT, [], gold)["all"])
    assert all(f == 0.0 for _, _, f in empty.values())


def test_overlap_counts_shared_tokens_and_exact_needs_identical_spans():
    gold = [Attribution(((0, 5),), ((6, 10),), ((11, 30),), False)]
    predicted = [Attribution(((0, 5),), ((6, 10),), ((15, 30),), False)]  # "talks were over"
    row = scores(score_article(TEXT, predicted, gold)["all"])
    p, r, _ = row["content overlap"]
    assert p == 1.0 and r == pytest.approx(3 / 4)
    assert row["content exact"][2] == 0.0
    assert row["source exact"][2] == 1.0
    assert row["end to end"][2] == 1.0  # 3 of 4 tokens shared, sources overlap


def test_tokens_of_spans():
    tokens = Tokens("Smith said, “no.”")
    assert len(tokens.of(((0, 5),))) == 1
    assert len(tokens.of(((12, 17),))) == 4  # “ no . ”


def test_linked_quotes_score_as_one_attribution():
    text = "“No,” he said, “we will not.”"
    article = analyze(text)
    [attribution] = from_quotes(text, article.quotes)
    assert [text[s:e] for s, e in attribution.content] == ["“No,”", "“we will not.”"]


def test_baseline_finds_quotes_next_to_said():
    text = "“We will fight,” Smith said.\nNo quote here."
    [attribution] = baseline(text)
    assert text[slice(*attribution.content[0])] == "“We will fight,”"
    assert text[slice(*attribution.source[0])] == "Smith"


def test_polnear_loader_on_the_real_data():
    if not (POLNEAR / "dev" / "attributions").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it comes with ../shared/benchmarks, which CI has)")
    articles = load_split(POLNEAR, "dev")
    assert len(articles) == 84
    assert offset_mismatches(articles) == []
    total = sum(len(a.attributions) for a in articles)
    assert total > 2000
    assert sum(a.direct for art in articles for a in art.attributions) > 300
    # one annotator per article, the first by id, for the two articles all six annotated
    assert all(article.annotator for article in articles)


def test_the_articles_every_annotator_read_carry_each_ones_attributions():
    if not (POLNEAR / "train" / "attributions").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it comes with ../shared/benchmarks, which CI has)")
    shared = load_shared(POLNEAR)
    assert len(shared) == 18 and all(len(by_annotator) >= 5 for _, by_annotator in shared)
    text, by_annotator = shared[0]
    first, second = list(by_annotator.values())[:2]
    assert scores(score_article(text, first, first)["all"])["source exact"][2] == 1.0
    assert 0.3 < scores(score_article(text, second, first)["all"])["source exact"][2] < 1.0


@pytest.mark.parametrize("text, speaker", [
    ("Okafor, clearly annoyed, said the ruling was unjust.", "Okafor"),
    ("Mr. Marlow, almost unilaterally, decided to add the levy to the platform.", "Mr. Marlow"),
    ("Tidewell, only two months later, announced plans to merge with Harbor Chemical.", "Tidewell"),
    ("The coach, still sore about the defeat, reluctantly agreed to stand beside the club's owner.", "The coach"),
    ("Labour candidate Rosa Ilves, during several radio appearances on Friday, said the scheme had failed.",
     "Labour candidate Rosa Ilves"),
    ("Senator Maria Okafor, a Democrat from Vermont, during a briefing on Friday, said the levy would pass.",
     "Senator Maria Okafor, a Democrat from Vermont,"),
    # (nor whom the one named is likened to)
    ("Valbrook News, like the Harbor Herald, which had called the race first, declared Okafor the winner.",
     "Valbrook News"),
    # (nor the speaker's own stake, told in passing after "himself")
    ("Senator Tom Pryce, himself up for reelection in 2028, said the levy would pass.", "Senator Tom Pryce"),
    ("Ada Brandt, herself a Marlow donor for a decade, said the protesters were wrong.", "Ada Brandt"),
    # (nor what is the speaker's, or what others did to him: a clause of "whose" or "whom")
    ("Ray Marlow, whose campaign has struggled in the polls, said the levy would pass.", "Ray Marlow"),
    ("“The levy will pass,” said Ada Brandt, whom the mayor appointed to the board last year.", "Ada Brandt"),
    # the day, right before the verb, hung on the speaker by the parse
    ("A congressional report on Wednesday said the agency had failed.", "A congressional report"),
    # (before the verb's adverbs, a day without a preposition, with a participle as the cue; not "today", nor a
    # day after a word that is not the noun: "a poll out Monday")
    ("Ray Marlow last week invited the union to reopen the talks.", "Ray Marlow"),
    ("The Okafor campaign on Monday also doubled down, saying the levy was unfair.", "The Okafor campaign"),
    ("Okafor's defenders today argue that the levy was fair.", "Okafor's defenders today"),
    ("A Monmouth poll out Monday showed Okafor with a healthy lead.", "A Monmouth poll out Monday"),
    # or the channel (and not what a phrase of the speaker names: "The authors of the report")
    ("On the same day Ray Marlow in a Medium post said he would cut the levy.", "Ray Marlow"),
    ("The authors of the report said the agency had failed.", "The authors of the report"),
    # a clause opened by a dash
    ("Okafor leads Marlow - 60 percent of voters said she would handle the economy better.", "60 percent of voters"),
    # (not an aside a second dash closes before the verb)
    ("Nearly a third — 31 percent — of Okafor supporters said they would back Marlow.",
     "Nearly a third — 31 percent — of Okafor supporters"),
])
def test_source_without_a_state_or_a_time_set_off_after_the_name(text, speaker):
    quote = next(q for q in analyze(text).quotes if q["speaker"])
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("A Valbrook Herald poll this month found that Okafor leads the race.", "A Valbrook Herald poll this month"),
    ("A Harbor Institute survey in December found that most voters backed the levy.",
     "A Harbor Institute survey in December"),
    # (also where the poll ends the phrase of those polled, or the parse hung the year on the poll)
    ("One in four voters in a Valbrook Herald poll last year said the levy was fair.",
     "One in four voters in a Valbrook Herald poll last year"),
    ("Every poll in Valbrook this year has shown Okafor ahead.", "Every poll in Valbrook this year"),
    # (not the day the finding came out)
    ("A Harbor Institute survey on Tuesday found that most voters backed the levy.", "A Harbor Institute survey"),
])
def test_the_month_a_poll_was_taken_stays_with_the_poll(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Ray Marlow, along with his deputy Ada Brandt, says the plan will fail.",
     "Ray Marlow, along with his deputy Ada Brandt,"),
    ("The union, together with two Valbrook charities, argued that the plan would fail.",
     "The union, together with two Valbrook charities,"),
    # (not those the speaker is likened to)
    ("Lena Okafor, like most economists, says the levy is regressive.", "Lena Okafor"),
])
def test_source_keeps_those_set_off_as_joining_the_speaker(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


def test_source_keeps_a_place_or_an_affiliation_set_off_after_the_name():
    [quote] = analyze("Ingrid Solberg, at the Nordic Centre for Maritime Studies, said the risk had eased.").quotes
    assert quote["speaker"]["text"] == "Ingrid Solberg, at the Nordic Centre for Maritime Studies,"


@pytest.mark.parametrize("text, cue, speaker", [
    ("Last spring, the firm gave $4 million to a group backing Marsh, the former Nevada senator.", "backing",
     "a group"),
    ("She will need their votes, with new surveys showing a narrowing of the gap.", "showing", "new surveys"),
    ("A photo of the two families appeared in a widely read newspaper column next to an item suggesting that the "
     "governor was hypocritical.", "suggesting", "an item"),
    ("Patrons gave generously to an outside group backing the mayor.", "backing", "an outside group"),
    ("Despite disclaimers urging calm, the crowd in Valbrook grew restless.", "urging", "disclaimers"),
    # (people the object of a verb: not the verb's subject, as a document it put out would be)
    ("The files included staff members suggesting that Ada Brandt should resign.", "suggesting", "staff members"),
    ("The mayor met voters saying they want a recount.", "saying", "voters"),
    ("Last year, Valbrook hackers backing Mayor Ray Marlow took over the council’s Twitter account.", "backing",
     "Valbrook hackers"),
    # (as the body they are counted in)
    ("Okafor has ignored a chorus of critics calling for her resignation.", "calling for",
     "a chorus of critics"),
    ("A petition calling on Okafor to resign has reached 20,000 signatures.", "calling on", "A petition"),
    ("Most of the money went to phone calls opposing Mayor Ray Marlow.", "opposing", "phone calls"),
    ("Valbrook speaker laying out a plan for the harbor.", "laying out", "Valbrook speaker"),
    ("Council records, such as the ones describing payments to Ada Brandt, are far less detailed.", "describing",
     "the ones"),
    # (a document no one is said to have put out)
    ("In Valbrook, there is evidence suggesting that turnout will fall.", "suggesting", "evidence"),
    # (whose participle the parse hung on the "be" of "there is")
    ("There were also emails that night showing that the mayor knew about the debts.", "showing", "emails"),
    ("Guests are given timed tickets telling them when to join the queue.", "telling", "timed tickets"),
])
def test_a_participle_after_people_or_a_document_reports_for_them(text, cue, speaker):
    quote = next(q for q in analyze(text).quotes if q["cue"]["text"] == cue)
    assert quote["speaker"]["text"] == speaker


def test_a_verb_of_support_after_a_clause_lists_what_the_clause_subject_did():
    # no one sets "endorsed" after what he backs, as "said" is: the clause the parse hung below it is listed before it
    article = analyze("On Sunday, Pastor Ray Marlow stood before his congregation in Valbrook and, citing scripture, "
                      "endorsed Lena Okafor for mayor.")
    endorsed = next(q for q in article.quotes if q["cue"]["text"] == "endorsed")
    assert (endorsed["speaker"]["text"], endorsed["text"]) == ("Pastor Ray Marlow", "Lena Okafor for mayor")


def test_a_participle_after_a_thing_that_says_nothing_has_no_speaker():
    quote = next(q for q in analyze("The campaign released a speech attacking Okafor on trade.").quotes
                 if q["cue"]["text"].endswith("attacking"))
    assert quote["speaker"] is None or quote["speaker"]["text"] != "a speech"


def test_a_bulleted_speaker_loses_the_dash():
    article = analyze("-Marta Kovac explains why the forecasts missed the flood. [DailyPost]")
    [quote] = article.quotes
    assert quote["speaker"]["text"] == "Marta Kovac"
    check_offsets(article)


@pytest.mark.parametrize("text, speaker", [
    ("Maria Lopez, 83, said she would vote for the mayor.", "Maria Lopez, 83,"),
    ("Tomasz Brandt, 58, a registered nurse raised in Poland, said he would vote for her.",
     "Tomasz Brandt, 58, a registered nurse raised in Poland,"),
    ("The painter Elsa Marquand, one of the organizers, told reporters the exhibit was overdue.",
     "The painter Elsa Marquand, one of the organizers,"),
    # (and the description a name is set off after by dashes, which the parse made a subject of its own)
    ("A former Valbrook mayor -- Ray Marlow, who ran the port for a decade -- said the plan offered no changes.",
     "A former Valbrook mayor -- Ray Marlow, who ran the port for a decade --"),
])
def test_source_keeps_an_age_and_the_apposition_after_it(text, speaker):
    quote = next(q for q in analyze(text).quotes if q["speaker"])
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("“We have to mend the system,” said Sen. Dana Kerrigan of Montana.", "Sen. Dana Kerrigan of Montana"),
    ("“The fee is too steep,” said Ms. Halloran of the Urban Housing Institute.",
     "Ms. Halloran of the Urban Housing Institute"),
    ("“They are terrorists,” said Gatilov of the groups operating inside Aleppo.", "Gatilov"),
])
def test_an_of_phrase_that_names_the_speakers_state_or_organisation_stays_after_an_inverted_cue(text, speaker):
    quote = next(q for q in analyze(text).quotes if q["cue"]["text"] == "said")
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("While she's said she'll campaign all the way to the runoff, the odds are long.", "she"),
    ("More recently, he's spoken out against the state's new parking law.", "he"),
    ("And she’s predicted big wins in the races ahead.", "she"),
    ("Ada Brandt, who’s argued for years that the levy is too high, will vote no.", "who"),
    ("It's said that the deal is dead.", None),
    ("He's told that he must leave the country.", None),
])
def test_the_s_of_has_is_no_passive(text, speaker):
    [quote] = analyze(text).quotes
    assert (quote["speaker"] and quote["speaker"]["text"]) == speaker


def test_a_wire_dateline_is_not_part_of_what_was_said():
    article = analyze("Talks resume\n\nBEIRUT (AP) - Israel and Hezbollah agreed on Tuesday to extend the truce, the "
                      "State Department said.\n\nGENEVA (Example Wire) - Yemen's government and the Houthi movement "
                      "agreed to exchange 800 prisoners, the United Nations said.")
    check_offsets(article)
    assert quote_with(article, "extend the truce")["text"].startswith("Israel and Hezbollah agreed")
    assert quote_with(article, "800 prisoners")["text"].startswith("Yemen's government")


def test_a_cue_that_ends_with_a_colon_takes_what_follows_not_the_quote_before():
    article = analyze("Rally night\n\n\"Apparently there's a man here who's having a bad night,\" Okafor said as the "
                      "heckler shouted: \"Fraud!\"")
    check_offsets(article)
    first = quote_with(article, "bad night")
    assert (first["speaker"]["text"], first["cue"]["text"]) == ("Okafor", "said")
    assert "Okafor" not in first["text"]
    second = quote_with(article, "Fraud")
    assert second["speaker"]["text"] == "the heckler"
    assert second["text"] == "\"Fraud!\""


def test_a_colon_that_closes_a_joined_verb_credits_the_subject_of_the_verb_it_joins():
    article = analyze("Rally night\n\nMarlow walked to the podium and paused:\n\n“Let’s defeat her in November.”")
    quote = quote_with(article, "defeat her")
    assert quote["speaker"] and (quote["speaker"]["text"], quote["cue"]["text"]) == ("Marlow", "paused:")


@pytest.mark.parametrize("text, speaker, cue", [
    # (the parse hangs the clause and its colon on the quotation's verb)
    ("The Valbrook Board of Elections was conclusive in its findings: “Further discussion on this issue is"
     " unnecessary.”", "The Valbrook Board of Elections", "was conclusive in its findings:"),
    # (the parse leaves "leaned" unlabelled beside "gestured")
    ("Marlow gestured as if to stop the chant, then leaned in and boomed: “Let’s defeat her in November.”", "Marlow",
     "boomed:"),
    ("When Ada Brandt died, Mr. Pryce released the following statement: “We offer our condolences.”", "Mr. Pryce",
     "released the following statement:"),
])
def test_a_colon_credits_the_subject_of_the_clause_it_closes(text, speaker, cue):
    [quote] = analyze(text).quotes
    assert (quote["speaker"]["text"], quote["cue"]["text"]) == (speaker, cue)


def test_a_cue_that_ends_with_its_colon_takes_the_quotation_after_it():
    article = analyze("Rally night\n\n“It will cost two million dollars,” Okafor said. She went on to say:\n\n"
                      "“None of them will come out and support Marlow.”")
    quote = quote_with(article, "None of them")
    assert quote["cue"]["text"] == "went on to say:"
    assert quote["text"] == "“None of them will come out and support Marlow.”"


@pytest.mark.parametrize("text, cue", [
    ("Ray Marlow appeared to mock the plan.", "appeared to mock"),
    ("Lena Okafor continued to insist that the bridge was safe.", "continued to insist"),
    ("The mayor was quick to point out that the bridge was old.", "was quick to point out"),
    ("Mr. Pryce is trying to determine whether the vote was fair.", "is trying to determine"),
    ("Lena Okafor went on to endorse Ada Brandt.", "went on to endorse"),
    ("I would like to announce my departure from the party.", "would like to announce"),
    ("Mr. Pryce was prompted to say that the vote was close.", "was prompted to say"),
    # (once: the word that takes it reports no second time what the infinitive reads)
    ("The Valbrook union was ready to endorse a candidate.", "was ready to endorse"),
    ("Ray Marlow likes to make fun of Valbrook.", "likes to make fun of"),
    # (not where the one prompted speaks)
    ("The vote prompted him to say that he would run.", "to say"),
])
def test_a_word_that_takes_the_reporting_infinitive_joins_the_cue(text, cue):
    [quote] = analyze(text).quotes
    assert quote["cue"]["text"] == cue and quote["speaker"] is not None


@pytest.mark.parametrize("text, cue", [
    ("Ada Brandt has since said that she would back the levy.", "has since said"),
    ("The council has always maintained that the bridge was safe.", "has always maintained"),
    ("The Valbrook Herald hasn't yet endorsed the plan.", "hasn't yet endorsed"),
    ("Marlow shot back, “I never said that.”", "shot back"),
    ("Marlow, Okafor and Brandt have all attacked the plan as too costly.", "have all attacked"),
    ("Ray Marlow and Lena Okafor both stressed that the vote was fair.", "both stressed"),
    ("The campaign said in a statement: “We will win the county.”", "said in a statement:"),
    ("As Professor Ada Brandt put it: “The barbarians are inside the gate.”", "put it:"),
    # (not the "both" of two verbs joined)
    ("Mr. Pryce, who has both endorsed Ms. Okafor and criticized her campaign, spoke.", "endorsed"),
])
def test_the_cue_keeps_its_verb_group(text, cue):
    assert cue in [q["cue"]["text"] for q in analyze(text).quotes]


@pytest.mark.parametrize("text, speaker, cue", [
    ("While he’s said the levy is fair, Marlow voted against it.", "he", "’s said"),
    ("Marlow's since argued that the levy is unfair.", "Marlow", "'s since argued"),
    # (not the "is" before an infinitive)
    ("That’s not to suggest that Okafor is wrong.", "That", "not to suggest"),
])
def test_a_contracted_auxiliary_the_parse_hung_on_the_speaker_is_the_cues(text, speaker, cue):
    quote = analyze(text).quotes[0]
    assert (quote["speaker"]["text"], quote["cue"]["text"]) == (speaker, cue)


def test_accusations_faced_say_what_they_accuse_of():
    [quote] = analyze("Lena Okafor is facing accusations of favoritism.").quotes
    assert (quote["speaker"], quote["cue"]["text"], quote["text"]) == (None, "accusations of", "favoritism")


def test_a_reporting_noun_keeps_its_article_and_not_its_possessor():
    article = analyze("Ray Marlow opened with a call for calm. Okafor's criticism of the plan grew.")
    assert [(q["cue"]["text"], q["text"]) for q in article.quotes] == [
        ("a call for", "calm"), ("criticism of", "the plan")]


@pytest.mark.parametrize("text, cue", [
    ("There was no reference to Mr. Pryce in the speech.", "no reference to"),
    ("Ray Marlow held rallies in hopes of winning over farmers.", "in hopes of"),
])
def test_a_reporting_noun_keeps_its_negation_and_the_in_of_an_aim(text, cue):
    assert [q["cue"]["text"] for q in analyze(text).quotes] == [cue]


@pytest.mark.parametrize("text, cue", [
    ("A Valbrook official responded by saying the city should be careful.", "responded by saying"),
    ("Mr. Pryce began by talking about the drug crisis.", "began by talking about"),
    # (not a deed the speech was a means to)
    ("Marlow won the nomination by promising lower taxes.", "promising"),
])
def test_a_verb_done_by_the_speech_act_after_its_by_joins_the_cue(text, cue):
    assert [q["cue"]["text"] for q in analyze(text).quotes] == [cue]


def test_an_inverted_quote_does_not_swallow_the_clause_and_cue_before_its_colon():
    article = analyze("Soon after the murder of Father Tomas Varga in Valbrook, Marlow asserted that Ruritania had lost "
                      "its identity: “Ruritania is no longer Ruritania,” he claimed.")
    check_offsets(article)
    asserted = quote_with(article, "lost its identity")
    assert (asserted["speaker"]["text"], asserted["cue"]["text"]) == ("Marlow", "asserted")
    claimed = quote_with(article, "no longer")
    assert claimed["text"] == "“Ruritania is no longer Ruritania,”"
    assert claimed["speaker"]["text"] == "he"


@pytest.mark.parametrize("text, fragment, speaker", [
    # the parse hangs the verb on the noun before it as a participle
    ("Fans cheered, and when Okafor thanked Delmar and said it was good to be back, a man yelled “Go home!”",
     "Go home", "a man"),
    ("Ray Marlow, who hopes to be the next governor, tweeted on Sunday to say the toll was never his idea.",
     "never his idea", "Ray Marlow"),
])
def test_a_reporting_verb_misparsed_as_a_participle_keeps_its_speaker(text, fragment, speaker):
    quote = quote_with(analyze("News of the day.\n\n" + text), fragment)
    assert quote["speaker"] and quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("“That is a betrayal,” said Marlow voter Ed Harlan when asked about Senator Pryce.", "Marlow voter Ed Harlan"),
    ("Mayor Ana Ruiz, when asked about the bridge, said it was finished.", "Mayor Ana Ruiz"),
])
def test_a_when_clause_after_the_speaker_is_not_part_of_the_speaker(text, speaker):
    quote = next(q for q in analyze("Town hall\n\n" + text).quotes if q["cue"]["text"] == "said")
    assert quote["speaker"]["text"] == speaker


def test_a_digest_credits_the_name_before_the_colon():
    article = analyze("Polling roundup\n\nTurnout was low in the north all week -More from Ada Brandt and Lou Perrin: "
                      "“Data from our panel helps confirm that both issues mattered.”\n\nThe regional split has "
                      "mattered for the party - Philip Okoro: “Two weeks ago, her best ground had been the coast.”")
    check_offsets(article)
    assert quote_with(article, "our panel")["speaker"]["text"] == "Ada Brandt and Lou Perrin"
    assert quote_with(article, "best ground")["speaker"]["text"] == "Philip Okoro"


@pytest.mark.parametrize("line", [
    "Pollsters agree - Ada Brandt:",
    "Media shares blame in poll overhype - HarborPolls:",
])
def test_a_digest_credits_the_name_before_the_colon_over_the_verb_before_it(line):
    article = analyze("Polling roundup\n\n" + line + " “Pollsters are taking a lot of heat for not anticipating the "
                      "result.”")
    quote = quote_with(article, "heat")
    assert (quote["speaker"]["text"], quote["cue"]["text"]) == (line[line.index("- ") + 2:-1], ":")


@pytest.mark.parametrize("text, speaker", [
    ("''Politics was never gentle,'' said Rena Castell, the author of ''Tides and Tolls.''",
     "Rena Castell, the author of ''Tides and Tolls.''"),
    ("Rena Castell, the author of “Tides and Tolls,” said politics had never been gentle.",
     "Rena Castell, the author of “Tides and Tolls,”"),
    # (before the name, or the word it describes)
    ("“Harbor Nights” host Ray Marlow said politics had never been gentle.", "“Harbor Nights” host Ray Marlow"),
    ("Later on, the “Harbor Nights” actress said politics had never been gentle.", "the “Harbor Nights” actress"),
])
def test_a_quoted_title_in_the_speakers_description_stays_with_the_speaker(text, speaker):
    quote = next(q for q in analyze(text).quotes if q["cue"]["text"] == "said")
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker, fragment", [
    # the parse makes the name after "said" a clause of its own, or leaves the title words out of its phrase
    ("''I'm better with my hands than with my head,'' said Ada Brandt, half joking.", "Ada Brandt", "my head"),
    ("''They are spending their last days here fighting each other,'' said Oversight ranking Democrat Ada Brandt "
     "(D-Ohio).", "Oversight ranking Democrat Ada Brandt (D-Ohio)", "last days"),
])
def test_a_quotation_closed_right_before_an_inverted_cue_is_its_content(text, speaker, fragment):
    article = analyze("Town hall\n\n" + text)
    check_offsets(article)
    quote = quote_with(article, fragment)
    assert quote["kind"] == "direct" and quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker, fragment", [
    ("“It surprised me to see him traffic in so much fear and suspicion,”Okafor said. “It does not fit.”", "Okafor",
     "so much fear"),
    ("Marlow said,“Look, those posters have no place in a campaign.”", "Marlow", "those posters"),
])
def test_a_quotation_mark_glued_to_a_word_still_opens_or_closes_a_quote(text, speaker, fragment):
    article = analyze("Town hall\n\n" + text)
    check_offsets(article)
    quote = quote_with(article, fragment)
    assert quote["kind"] == "direct" and quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker, content", [
    ("As Marlow put it, the town had simply run out of money.", "Marlow", "the town had simply run out of money"),
    ("Okafor put it this way: “We are broke.”", "Okafor", "“We are broke.”"),
    ("“Enough!” Pryce exclaimed.", "Pryce", "“Enough!”"),
    ("The senator fumed: “This is a disgrace.”", "The senator", "“This is a disgrace.”"),
])
def test_putting_it_and_manners_of_saying_are_cues(text, speaker, content):
    [quote] = analyze("Town hall\n\n" + text).quotes
    assert (quote["speaker"]["text"], quote["text"]) == (speaker, content)


def test_putting_a_thing_somewhere_is_no_cue():
    assert analyze("Town hall\n\nHe put it on the table and left.").quotes == []


def test_a_poll_attributes_the_lead_a_noun_holds():
    [quote] = analyze("Race tightens\n\nMarlow has a decisive lead in the polls.").quotes
    assert (quote["speaker"]["text"], quote["cue"]["text"]) == ("the polls", "in")
    assert quote["text"] == "Marlow has a decisive lead"
    assert analyze("Race tightens\n\nHer numbers rose in the polls to double digits.").quotes == []


@pytest.mark.parametrize("text, speaker", [
    ("Okafor trails Marlow in the average of Valbrook polls by nearly 9 points.", "the average of Valbrook polls"),
    ("Okafor led Marlow more than 2-1 in a Herald poll Jan. 17-23.", "a Herald poll"),
])
def test_a_poll_in_the_middle_of_its_clause_attributes_it_when_only_the_margin_or_the_date_follows(text, speaker):
    quote = analyze(text).quotes[0]
    assert (quote["speaker"]["text"], quote["cue"]["text"]) == (speaker, "in")
    assert quote["text"].startswith("Okafor ")


@pytest.mark.parametrize("text, content, cue", [
    ("Okafor calls for $40 billion in fresh funding for the harbour.", "$40 billion in fresh funding for the harbour",
     "calls for"),
    ("She has called Mr. Marlow's comments ''racially toxic,'' and left.", "Mr. Marlow's comments ''racially toxic,''",
     "has called"),
])
def test_a_sum_demanded_and_a_quoted_name_read_as_a_modifier(text, content, cue):
    [quote] = analyze(text).quotes
    assert (quote["text"], quote["cue"]["text"]) == (content, cue)
    assert analyze("Okafor argued for hours with the board.").quotes == []


@pytest.mark.parametrize("text, first, then, cue", [
    ("Marlow said the plan would fail, before adding that he would vote for it anyway.", "the plan would fail",
     "that he would vote for it anyway", "adding"),
    ("Okafor said the talks had collapsed after accusing the rebels of bad faith.", "the talks had collapsed",
     "the rebels of bad faith", "accusing"),
    # (the speaker of the report, not of the cue of what was reported: "support")
    ("Marlow said they would support the levy, while stressing that it was no endorsement.",
     "they would support the levy", "that it was no endorsement", "stressing"),
])
def test_what_the_speaker_went_on_to_say_is_a_quote_of_its_own(text, first, then, cue):
    said, went_on = analyze(text).quotes
    assert (said["text"], said["cue"]["text"], said["speaker"]["text"]) == (first, "said", text.split()[0])
    assert (went_on["text"], went_on["cue"]["text"], went_on["speaker"]["text"]) == (then, cue, text.split()[0])


def test_a_participle_after_an_inverted_cue_is_that_speakers():
    article = analyze("News of the day.\n\nPryce has no right to decide that “on his own,” Marlow added, saying the "
                      "call belongs “to the courts alone.”")
    assert quote_with(article, "the courts alone")["speaker"]["text"] == "Marlow"
    article = analyze("Sen. Ray Marlow said he didn’t believe those claims did Okafor in, arguing that divisions were "
                      "a bigger hurdle.")
    assert quote_with(article, "divisions were")["speaker"]["text"] == "Sen. Ray Marlow"


def test_speaking_on_condition_of_anonymity_says_nothing():
    [quote] = analyze("A diplomat who spoke to the press on the condition of anonymity said the truce was close.").quotes
    assert (quote["text"], quote["cue"]["text"]) == ("the truce was close", "said")
    assert quote["speaker"]["text"].startswith("A diplomat")


@pytest.mark.parametrize("text, fragment, speaker", [
    # a finite cue the parse joined to an infinitive
    ("In the last campaign, Ada Brandt largely ran on her ability to revive the shipyards and accused Marlow of "
     "neglecting the coast.", "Marlow of neglecting the coast", "Ada Brandt"),
    # the subject of a second clause, which the parse joined to the object of the first
    ("Many senators have said they will skip the convention and others have said they are not interested.",
     "they are not interested", "others"),
    ("Ray Marlow backed the levy and Lena Okafor, as she has in the past, opposed the measure.", "the measure",
     "Lena Okafor"),
    ("The Herald will call you a liar and the Courier will accuse you of panic.", "you of panic", "the Courier"),
    # (or hung the second clause in the first verb's: a share of those polled)
    ("One in three said the party does not care very much about the Valbrook farmers and one in four said the party "
     "was outright hostile to the farmers.", "outright hostile", "one in four"),
    # the words of the speaker's description that open the sentence (not those before a relative pronoun)
    ("Tennis great Billie Jean King remembered Ali as a champion.", "Ali as a champion",
     "Tennis great Billie Jean King"),
    ("Fox News’ Bret Baier noticed that the crowd was quiet.", "that the crowd was quiet", "Fox News’ Bret Baier"),
    ("Voters who say the economy matters most backed Okafor.", "the economy matters", "who"),
    # a share of people that opens the sentence of a past tense the tagger read as a participle
    ("Fewer than half agreed with Mr. Pryce that the levy should pass, while most were unsure.", "levy should",
     "Fewer than half"),
    # (not a stray mark the tagger took for a noun, as a mis-decoded dash after a dateline)
    ("BEIRUT (AP) \ufffd A Kurdish militia spokesman says Turkey has shelled a city.", "Turkey has shelled a city",
     "A Kurdish militia spokesman"),
])
def test_a_speaker_the_parse_hung_elsewhere(text, fragment, speaker):
    quote = quote_with(analyze(text), fragment)
    assert quote["speaker"] and quote["speaker"]["text"] == speaker


def test_a_speaker_hung_on_a_live_blogs_time_stamp():
    # The parse of a live blog entry as the model gives it on some texts: the time stamp is the subject of "says",
    # and the speaker on the next line its apposition.
    words = ["2:40", "p.m.", "\n\n", "Ray", "Marlow", "’s", "aide", "says", "he", "won", "."]
    heads = [1, 7, 1, 4, 6, 4, 1, 7, 9, 7, 7]
    deps = ["nummod", "nsubj", "dep", "compound", "poss", "case", "appos", "ROOT", "nsubj", "ccomp", "punct"]
    doc = Doc(load_model().vocab, words=words, spaces=[True, False, False, True, False, True, True, True, True, False,
                                                       False], heads=heads, deps=deps, ents=["B-TIME", "I-TIME"] +
              ["O"] * 9)
    subject, passive = subject_of(doc[7])
    assert (subject.text, passive) == ("aide", False)


def test_the_name_set_beside_the_speakers_description_is_the_speakers_actor():
    [quote] = analyze("Another critic, Ray Marlow, said the ruling was wrong.").quotes
    assert quote["speaker"]["text"] == "Another critic, Ray Marlow," and quote["speaker"]["actor"] == "person:ray-marlow"
    # (and a friend of a person is not that person)
    [quote] = analyze("A friend of Ray Marlow said the ruling was wrong.").quotes
    assert quote["speaker"]["actor"] is None
    # a bare title joined to a name is the name's
    article = analyze("Former prosecutor and New Dover City Mayor Ray Marlow, who backs Okafor, said Reyes was weak.")
    marlow = {m["actor"] for m in article.mentions if "Ray Marlow" in m["text"]}
    assert [q["speaker"]["actor"] for q in article.quotes if q["cue"]["text"] == "said"] == list(marlow)


@pytest.mark.parametrize("text, fragment, speaker", [
    ("In the memo, Marlow is quoted as saying “Our method wins where others lose.”", "Our method", "Marlow"),
    ("Ada Brandt, the 2012 Green nominee, tweeted in response: “Important distinction: this is not a fair vote.”",
     "Important distinction", "Ada Brandt, the 2012 Green nominee,"),
    # a name the tagger took for an adverb
    ("“A full register helps us,” said Pelly, adding that he trusted the new team.", "register", "Pelly"),
    # the comma that closes the apposition after an inverted cue goes along, as before one
    ("“It renews the archive,” said Peter Okafor, chairman of the Valbrook Trust, in an interview.", "renews",
     "Peter Okafor, chairman of the Valbrook Trust,"),
])
def test_speakers_of_direct_quotes(text, fragment, speaker):
    quote = quote_with(analyze("News of the day.\n\n" + text), fragment)
    assert quote["speaker"] and quote["speaker"]["text"] == speaker


def test_what_a_speaker_found_outside_the_parse_goes_on_to_say_is_theirs():
    article = analyze("News of the day.\n\n“A full register helps us,” said Pelly, adding that he trusted the new team.")
    assert quote_with(article, "trusted")["speaker"]["text"] == "Pelly"


@pytest.mark.parametrize("text, speaker, content", [
    ("Okafor supporters responded with chants of “Four more years!”", "Okafor supporters", "“Four more years!”"),
    ("The crowd broke into loud chants of “Send him home!”", "The crowd", "“Send him home!”"),
    ("Marlow was greeted by cries of “Shame!” outside the hall.", None, "“Shame!”"),
])
def test_chants_and_cries_are_quotes_of_those_who_raise_them(text, speaker, content):
    [quote] = analyze("News of the day.\n\n" + text).quotes
    assert quote["text"] == content and (quote["speaker"] and quote["speaker"]["text"]) == speaker


def test_a_quotation_given_two_cues_by_a_slip_keeps_the_first():
    article = analyze("News of the day.\n\nPryce said “We will not leave the talks,” she said. “We came to make peace.”")
    assert [(q["text"], q["cue"]["text"], q["speaker"]["text"]) for q in article.quotes] == [
        ("“We will not leave the talks,”", "said", "Pryce"), ("“We came to make peace.”", "said", "Pryce")]
    # a cue that reports a clause with a quotation in it is no slip
    [quote] = analyze("Marlow told reporters that Okafor had said “enough is enough,” the aide said.").quotes
    assert quote["speaker"]["text"] == "the aide"


@pytest.mark.parametrize("text, speaker, content", [
    ("Marlow quipped, again using a thick accent, “Come on up and join us!”", "Marlow", "“Come on up and join us!”"),
    ("Okafor said, turning to the cameras with a grin, “We are not done yet.”", "Okafor", "“We are not done yet.”"),
])
def test_an_aside_between_the_cue_and_the_quotation_is_neither(text, speaker, content):
    [quote] = analyze("News of the day.\n\n" + text).quotes
    assert (quote["text"], quote["speaker"]["text"], quote["kind"]) == (content, speaker, "direct")


def test_a_description_named_by_its_apposition_is_that_name_not_an_earlier_actor():
    [quote] = analyze("SoftBank took control of the firm on Monday. The group, the Valbrook Workers Coalition, said "
                      "the cuts were unfair.").quotes
    assert quote["speaker"]["actor"] == "org:valbrook-workers-coalition"


@pytest.mark.parametrize("text", [
    "''Everybody should be heard first,'' she said, with a smile, as the crowd applauded.",
    "''Everybody should be heard first,'' she said, as the crowd applauded.",
])
def test_an_as_clause_after_an_attribution_says_when_not_who(text):
    [quote] = analyze("News of the day.\n\n" + text).quotes
    assert (quote["text"], quote["speaker"]["text"]) == ("''Everybody should be heard first,''", "she")


def test_a_blank_line_ends_the_sentence_before_a_speaker():
    # Left alone, the parser ran "Plan B." and the next paragraph into one sentence: the speaker was the object of
    # "for" and the quote had none.
    article = analyze("Aides say the campaign is already drafting its Plan B.\n\n"
                      "Brandt hasn't said whether she has a strategy for the convention.")
    quote = quote_with(article, "whether she has a strategy")
    assert quote["speaker"]["text"] == "Brandt"


@pytest.mark.parametrize("text, cue, speaker", [
    # a verb joined to a passive: who undergoes the first says the second
    ("By evening, the minister was forced into a rare retreat and said that his words had been misread.", "said",
     "the minister"),
    ("After the vote, Ms. Pryce was prompted to say that the count had been fair.", "was prompted to say",
     "Ms. Pryce"),
    # a participle of what the passive's subject did
    ("Ray Marlow was booed by the crowd while telling them that the levy would pass.", "telling", "Ray Marlow"),
    ("A lawsuit was filed in 2014 alleging that the council had broken the law.", "alleging", "A lawsuit"),
    # an infinitive hung on a phrase of the verb
    ("The columnist Ada Brandt went so far as to say: ''The paper as we know it is over.''", "to say:",
     "The columnist Ada Brandt"),
    # the subject taken for the subject of the relative clause set before the cue
    ("Hale, meanwhile, who has won no endorsements so far, said that the count meant little.", "said", "Hale"),
    # the subject taken for that of a verb listed before the cue
    ("Ray Marlow jokingly offered the man a job on his staff, then says he’ll welcome advice from anyone.",
     "then says", "Ray Marlow"),
    # a word of how many right before the cue, which the tagger read as its adverb
    ("On taxes, more call themselves conservative than liberal.", "call", "more"),
    # a perfect participle set before the subject of the sentence
    ("Having announced that he would not send Marlow to prison, Judge Ada Berman proceeded to hand down the "
     "sentence.", "Having announced", "Judge Ada Berman"),
    # the pronoun that owns the verb's object stands for the verb's subject (not a thing for "her")
    ("Later in the day, she escalated her attacks on Okafor's record on guns.", "attacks on", "she"),
    ("Both parents stiffened their denunciation of Mr. Marlow.", "denunciation of", "Both parents"),
    ("The revelation did not alter her disapproval of the levy.", "disapproval of", "her"),
    ("Ray Marlow doubled down on his comments about the levy.", "comments about", "Ray Marlow"),
    ("Lena Okafor attacked Ray Marlow on his plan to cut the levy.", "plan", "his"),
    # a reporting noun in a phrase of the verb ("in", "under", "at") is the subject's
    ("Lena Okafor bristled at the suggestion that she had misled the voters.", "the suggestion", "Lena Okafor"),
    ("Ray Marlow held three rallies a day in hopes of winning over the county.", "in hopes of", "Ray Marlow"),
])
def test_speaker_through_passives_phrases_and_relative_clauses(text, cue, speaker):
    [quote] = [q for q in analyze(text).quotes if q["cue"]["text"] == cue]
    assert quote["speaker"]["text"] == speaker


def test_relative_pronoun_the_parse_took_for_a_second_subject_of_the_cue():
    article = analyze("The ministry released the files, which she said covered every contract of the past year.")
    assert [(q["text"], q["speaker"]["text"]) for q in article.quotes] == [
        ("which", "she"), ("covered every contract of the past year", "she")]
    assert article.quotes[1]["continues"] == 0


def test_who_after_a_description_set_beside_a_name_is_the_named():
    [quote] = analyze("Ray Marlow, the billionaire investor who backed Okafor in 2012, said little.").quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"], quote["speaker"]["actor"]) == (
        "backed", "who", "person:ray-marlow")


def test_a_description_after_the_name_that_the_parse_made_a_second_subject_is_the_names():
    [quote] = analyze("Ban Ki-moon, the secretary general of the United Nations, urged both sides to return to "
                      "Geneva.").quotes
    assert quote["speaker"]["text"] == "Ban Ki-moon, the secretary general of the United Nations,"
    assert quote["speaker"]["actor"] == "person:ban-ki-moon"


@pytest.mark.parametrize("text, speaker", [
    ("The panel met on Tuesday. On guns: 89% of young Democrats and 83% of young Republicans endorse universal "
     "background checks.", "89% of young Democrats and 83% of young Republicans"),
    ("The panel met on Tuesday. If Marlow won the nomination: 45% of Republicans, 28% of independents and 12% of "
     "Democrats say that would be their reaction.", "45% of Republicans, 28% of independents and 12% of Democrats"),
])
def test_subjects_listed_that_the_parse_gave_the_verb_one_by_one_are_one_speaker(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("The co-founder of the group said the levy would pass.", "The co-founder of the group"),
    ("In an interview on Monday, co-host Ada Brandt asked Marlow how he would handle the levy.", "co-host Ada Brandt"),
    # (the article hung on the verb)
    ('Valbrook Cares is sponsoring a prize. The non-profit is seeking "groundbreaking ideas" for how to house '
     'adults.', "The non-profit"),
])
def test_a_word_split_at_its_hyphen_is_whole_in_the_speaker(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("___.\n\n12:00 p.m.\n\nTexas Sen. Ray Marlow is standing by an accusation he made on the Senate floor that "
     "Okafor lied to him.", "Texas Sen. Ray Marlow"),
    ("___.\n\n5:45 p.m.\n\nMinnesota Gov. Ada Brandt is backing Okafor.", "Minnesota Gov. Ada Brandt"),
])
def test_a_state_the_parse_split_off_after_a_live_blogs_time_stamp_stays_with_the_name(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


def test_a_title_the_parse_made_a_second_subject_before_the_name_is_the_names():
    # "Pryce's lawyer Ada Brandt did not respond" as the model parses it in some articles: the title and the name
    # each a subject of the verb.
    words = ["Pryce", "’s", "lawyer", "Ada", "Brandt", "did", "not", "respond", "."]
    heads = [2, 0, 7, 4, 7, 7, 7, 7, 7]
    deps = ["poss", "case", "nsubj", "compound", "nsubj", "aux", "neg", "ROOT", "punct"]
    pos = ["PROPN", "PART", "NOUN", "PROPN", "PROPN", "AUX", "PART", "VERB", "PUNCT"]
    tags = ["NNP", "POS", "NN", "NNP", "NNP", "VBD", "RB", "VB", "."]
    doc = Doc(load_model().vocab, words=words, spaces=[False, True, True, True, True, True, True, False, False],
              heads=heads, deps=deps, pos=pos, tags=tags,
              ents=["B-PERSON", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 4)
    subject, _ = subject_of(doc[7])
    assert (subject.text, doc[slice(*source_span(subject, doc[7]))].text) == ("Brandt", "Pryce’s lawyer Ada Brandt")


@pytest.mark.parametrize("text, speaker", [
    # the name hung on the time's preposition
    ("Senator Lena Okafor questioned Ray Marlow on Tuesday.\n\nOn Monday Marlow said that the bank was sound.",
     "Marlow"),
    # the day made part of the name
    ("On Monday Ray Marlow said the bank was sound.", "Ray Marlow"),
])
def test_a_day_before_the_speakers_name_is_not_the_speaker(text, speaker):
    [quote] = [q for q in analyze(text).quotes if q["cue"]["text"] == "said"]
    assert (quote["speaker"]["text"], quote["speaker"]["actor"]) == (speaker, "person:ray-marlow")


def test_a_subject_the_parse_hung_on_the_cue_as_a_clause_is_the_speaker():
    # "Marlow, speaking later at a rally, did not mention Okafor" as the model parses it in some articles: the name a
    # clause of the cue, like the participle after it
    words = ["Marlow", ",", "speaking", "later", "at", "a", "rally", ",", "did", "not", "mention", "Okafor", "."]
    heads = [10, 0, 10, 2, 2, 6, 4, 10, 10, 10, 10, 10, 10]
    deps = ["advcl", "punct", "advcl", "advmod", "prep", "det", "pobj", "punct", "aux", "neg", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "VERB", "ADV", "ADP", "DET", "NOUN", "PUNCT", "AUX", "PART", "VERB", "PROPN", "PUNCT"]
    tags = ["NNP", ",", "VBG", "RB", "IN", "DT", "NN", ",", "VBD", "RB", "VB", "NNP", "."]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              ents=["B-PERSON"] + ["O"] * 10 + ["B-PERSON", "O"])
    subject, passive = subject_of(doc[10])
    assert (subject.text, passive) == ("Marlow", False)


def polnear_sentence(article_prefix: str, first: str, last: str) -> str:
    """The sentence of a real PolNeAR train article from its first words to the end of its last ones: misparses
    that made-up sentences do not reproduce."""
    if not (POLNEAR / "train" / "attributions").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it comes with ../shared/benchmarks, which CI has)")
    [article] = [a for a in load_split(POLNEAR, "train") if a.id.startswith(article_prefix)]
    start = article.text.index(first)
    return article.text[start:article.text.index(last, start) + len(last)]


@pytest.mark.parametrize("article, first, last, content, speaker, actor", [
    # the parse takes the name after the closing mark for a word of the quoted clause
    ("politico_2015-12-01_could-an-accident", "“It is not the position", "in Iowa.",
     "“It is not the position that everything is hunky-dory,”", "Gene Sperling, a top outside Clinton adviser,",
     "person:gene-sperling"),
    # the parse makes the spokesman the subject of a later verb: what he is a spokesman for, and his name, go along
    # (and a former spokesman speaks for himself)
    ("nyt_2016-08-02_how-an-aide-to-trump-held", "He also had a voice", "helped form.",
     "He also had a voice in decisions about major American investments in Ukraine",
     "a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn,", "person:oleg-voloshyn"),
    # one paragraph to a line, and the line before ends with "U.S."
    ("huff-post_2016-02-07_the-latest-gop-debate", "Cruz pivoted to arguing", "Mexican government.",
     "that he would approve cross-border enforcement without cooperation from the Mexican government",
     "Chris Christie", "person:chris-christie"),
    # the parse hangs the name on the one before it and the closing bracket elsewhere
    ("breitbart_2016-07-05_ryan-anti-semitic", "Tuesday on WTMJ", "presidential campaign.”",
     "“anti-Semitic images, they’ve got no place in a presidential campaign.”",
     "Speaker of the House Rep. Paul Ryan (R-WI)", "person:paul-ryan"),
    # the parse hangs the name on "after", and the participle set off after it on the verb before
    ("nyt_2015-12-22_trump-says-praise", "The issue had come up", "killing also.''",
     "''I think our country does plenty of killing also.''", "Mr. Trump", "person:donald-trump"),
    # the parse makes the name the subject of the second relative clause on her union (the source stops before the
    # clauses that report what the union did, which are quotes of their own)
    ("nyt_2016-05-19_democrats-pressure-sanders", "But the protest effort", "at the convention.",
     "her group planned to take part in demonstrations at the convention",
     "RoseAnn DeMoro, executive director of National Nurses United, a union that has endorsed Mr. Sanders",
     "person:roseann-demoro"),
    # the parse splits the sentence at a quoted title and makes its last word the subject of the participle
    ("politico_2016-07-06_lewandowski-fbi", "Former prosecutor and", "of the law.",
     "it a “no-brainer” to prosecute under the statutory definition of the law",
     "Former prosecutor and New York City Mayor Rudy Giuliani", "person:rudy-giuliani"),
    # the parse hangs the phrase between the last comma and the cue that ends the sentence in the clause before it
    ("nyt_2016-03-22_trump-s-success", "Wealthy conservatives", "night revealed.",
     "Wealthy conservatives are helping pay for a series of last-ditch efforts to wound Donald J. Trump",
     "disclosures filed on Sunday night", None),
    # a gerund after a possessive, which the parse hung on the name before it ("Jeb Bush's calling him a jerk")
    ("nyt_2015-12-22_trump-says-praise", "Even the day after", "him a jerk.", "him a jerk", "Jeb Bush's",
     "person:jeb-bush"),
])
def test_the_speaker_around_a_misparse_in_a_real_article(article, first, last, content, speaker, actor):
    [quote] = [q for q in analyze(polnear_sentence(article, first, last)).quotes if q["text"] == content]
    assert (quote["speaker"]["text"], quote["speaker"]["actor"]) == (speaker, actor)


def test_a_surname_the_tagger_took_into_a_time_is_the_person():
    # "Last week Stumpf" is one DATE to the tagger, in a real article of PolNeAR's dev split
    if not (POLNEAR / "dev" / "attributions").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it comes with ../shared/benchmarks, which CI has)")
    [article] = [a for a in load_split(POLNEAR, "dev") if a.id.startswith("huff-post_2016-09-20_elizabeth-warren")]
    quote = quote_with(analyze(article.text), "low-level workers for this behavior")
    assert (quote["speaker"]["text"], quote["speaker"]["actor"]) == ("Stumpf", "person:john-stumpf")


@pytest.mark.parametrize("text", [
    "Ray Marlow is a former civil rights lawyer who has pledged to end the death penalty.",
    "Ray Marlow often mocks his rivals and is a showman and provocateur who has pledged to end the death penalty.",
])
def test_who_after_what_someone_is_said_to_be_is_that_someone(text):
    [quote] = [q for q in analyze(text).quotes if "pledged" in q["cue"]["text"]]
    assert (quote["speaker"]["text"], quote["speaker"]["actor"]) == ("who", "person:ray-marlow")


@pytest.mark.parametrize("text, cue, speaker", [
    ("The panel met on Tuesday. “How big is that wall?” asked the boy, who wore a red hat.", "asked", "the boy"),
    ("The panel met on Tuesday. “Why now?” asked Marlow.", "asked", "Marlow"),
    # the parse took a word of the quotation for the subject and the name for the one urged
    ("The panel met on Tuesday. “Stop,” urged Ray Marlow, who chairs the panel.", "urged", "Ray Marlow"),
])
def test_the_name_after_a_verb_of_asking_set_after_the_quotation_is_who_asks(text, cue, speaker):
    [quote] = [q for q in analyze(text).quotes if q["cue"]["text"] == cue]
    assert quote["speaker"]["text"] == speaker


def test_verbs_listed_after_the_first_that_the_parse_hung_on_it_as_clauses_have_its_speaker():
    text = 'The mayor has mocked a local reporter, referred to the levy as "theft" and recently called for a recount.'
    speakers = {q["cue"]["text"]: q["speaker"]["text"] for q in analyze(text).quotes}
    assert speakers == {"has mocked": "The mayor", "referred to": "The mayor", "recently called for": "The mayor"}


def test_a_name_before_its_apposition_hung_on_a_word_of_time_is_the_speaker():
    # (not the subject of the clause before: the parse takes "as" for a preposition and the cue for a clause on it)
    text = ("Calls for a recount grew louder Wednesday as Ada Brandt, the mayor's daughter, attacked Marlow for his "
            "vote.")
    [quote] = [q for q in analyze(text).quotes if q["cue"]["text"] == "attacked"]
    assert quote["speaker"]["text"] == "Ada Brandt, the mayor's daughter,"


@pytest.mark.parametrize("text, speaker", [
    # (the parse hangs the people on the phrase before as its apposition, with the cue's auxiliary and closing comma
    # between them and the cue)
    ("In addition to Ms. Okafor, two members of the council, Ada Brandt and Lena Pryce, have said they will not back "
     "Mr. Marlow.", "two members of the council, Ada Brandt and Lena Pryce,"),
    # (not the place that says where the phrase before is)
    ("Marlow, speaking later at a rally in Charleston, West Virginia, did not mention Okafor directly.", "Marlow"),
])
def test_people_set_off_after_an_opening_phrase_are_the_speaker(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


def test_a_name_before_a_phrase_set_off_by_commas_is_who_goes_on():
    # (the parse makes the name an apposition of the place before it, and the phrase after it the cue's)
    text = ("In the district court in Valbrook, Marlow, in a green jail jumpsuit, said little, offering only short "
            "confirmations that he was pleading guilty.")
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"]) == ("offering", "Marlow")


@pytest.mark.parametrize("text, speaker", [
    ("The council met on Monday. “Okafor is wrong,” read one of the signs.", "one of the signs"),
    ("The council met on Monday. “Go home,” said another.", "another"),
])
def test_one_counted_not_named_after_a_verb_set_after_the_quotation_is_the_speaker(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


def test_a_name_ending_a_noun_phrase_before_its_apposition_leaves_the_phrase_the_speaker():
    text = ("As we’ve noted, a March 2019 study by the Centre for Economic Policy Research, a London-based think tank, "
            "concluded that, using standard economic methods, the levy falls on consumers.")
    [quote] = [q for q in analyze(text).quotes if q["cue"]["text"] == "concluded"]
    assert quote["speaker"]["text"] == ("a March 2019 study by the Centre for Economic Policy Research, a London-based "
                                        "think tank,")


def test_a_gerund_after_a_possessive_is_the_owners():
    [quote] = analyze("Marlow laughed off his rival's claiming that the polls were rigged.").quotes
    assert (quote["cue"]["text"], quote["speaker"]["text"]) == ("claiming", "his rival's")


@pytest.mark.parametrize("text, content, speaker", [
    # the parse takes a word of the quotation for the subject, and the speaker for the object
    ('The council met on Monday. "Meh," wrote a Marlow supporter who runs the Twitter account @VotersForMarlow.',
     '"Meh,"', "a Marlow supporter who runs the Twitter account @VotersForMarlow"),
    ('The council met on Monday. "We don\'t have a say anymore. #Valbrook," tweeted a local user from Harbor City '
     'going by the handle Pulvermann.', '"We don\'t have a say anymore. #Valbrook,"',
     "a local user from Harbor City going by the handle Pulvermann"),
])
def test_the_one_after_a_verb_set_after_the_quotation_with_what_is_told_of_them_is_the_speaker(text, content,
                                                                                               speaker):
    [quote] = analyze(text).quotes
    assert (quote["text"], quote["speaker"]["text"]) == (content, speaker)


def test_a_title_in_quotation_marks_before_the_verb_is_not_an_inverted_cue():
    [quote] = [q for q in analyze("Kerry Washington, star of “Scandal,” thanked Obama for the steps.").quotes
               if "steps" in q["text"]]
    assert quote["speaker"] is None or "Obama" not in quote["speaker"]["text"]


@pytest.mark.parametrize("text, reports", [
    ("Senator Ray Marlow criticized the new tax on fuel, which he argued would hurt farmers most.",
     [("criticized", "the new tax on fuel"), ("argued", "which"), ("argued", "would hurt farmers most")]),
    # (opening with a preposition)
    ("Senator Ray Marlow cited an op-ed from May, in which he called for a tax cut.",
     [("cited", "an op-ed from May"), ("called for", "a tax cut")]),
    # (the clause runs on past the attribution's content)
    ("Senator Ray Marlow criticized the fuel tax, which he said was costly to farmers, who grow most of the corn.",
     [("criticized", "the fuel tax"), ("said", "which"), ("said", "was costly to farmers")]),
    ("Ray Marlow offered kind words about Mr. Pryce, whom he attacked during the campaign.",
     [("offered kind words about", "Mr. Pryce"), ("attacked", "whom")]),
])
def test_a_relative_clause_with_an_attribution_of_its_own_ends_the_content_before_it(text, reports):
    quotes = analyze(text).quotes
    assert [(q["cue"]["text"], q["text"]) for q in quotes] == reports
    assert quotes[-1]["speaker"]["actor"] == quotes[0]["speaker"]["actor"] == "person:ray-marlow"


@pytest.mark.parametrize("text, reports", [
    ("Ray Marlow has also criticized the plan to move the plant to Valbrook - “I love this town,” he said.",
     [("has also criticized", "the plan to move the plant to Valbrook"), ("said", "“I love this town,”")]),
    ("Ray Marlow praised his brother's deep faith - “faith that shows itself in good works,” he said.",
     [("praised", "his brother's deep faith"), ("said", "“faith that shows itself in good works,”")]),
])
def test_a_report_before_a_quotation_and_its_closing_cue_is_an_attribution_of_its_own(text, reports):
    assert [(q["cue"]["text"], q["text"]) for q in analyze(text).quotes] == reports


@pytest.mark.parametrize("text, reports", [
    ("One in four voters said the party was hostile to the town, about the same number who said the party truly"
     " cares.", [("said", "the party was hostile to the town"), ("said", "the party truly cares")]),
    ("Marlow says he is tied for second place with Okafor, in a finish that he said defied expectations.",
     [("says", "he is tied for second place with Okafor"), ("said", "that")]),
    ("Voters still view Lena Okafor as more prepared for the job - with 50 percent saying she is prepared.",
     [("still view", "Lena Okafor as more prepared for the job"), ("saying", "she is prepared")]),
    ("The Valbrook Herald poll found Okafor ahead, with 40 percent saying they would back her.",
     [("found", "Okafor ahead"), ("saying", "they would back her")]),
])
def test_a_phrase_set_off_at_the_end_of_a_content_with_an_attribution_of_its_own_ends_the_content(text, reports):
    assert [(q["cue"]["text"], q["text"]) for q in analyze(text).quotes] == reports


@pytest.mark.parametrize("text, reports", [
    # (the parts of a passive's content: its subject with the clause, then what the verb says of it)
    ("The union, which endorsed Lena Okafor, is widely regarded as one of the more liberal in the state.",
     [("is widely regarded", "The union"), ("endorsed", "Lena Okafor"),
      ("is widely regarded", "as one of the more liberal in the state")]),
    # (the clause set off inside one part)
    ("The poll suggests that Lena Okafor, who has vowed to cut taxes, still faces a hard road.",
     [("suggests", "that Lena Okafor"), ("has vowed", "to cut taxes"), ("suggests", "still faces a hard road")]),
])
def test_a_relative_clause_with_an_attribution_of_its_own_leaves_the_part_of_the_content_after_it(text, reports):
    assert [(q["cue"]["text"], q["text"]) for q in analyze(text).quotes] == reports


@pytest.mark.parametrize("text, reports", [
    ("Ray Marlow said the levy had failed in the valley, while the town had grown.",
     [("said", "the levy had failed in the valley, while the town had grown")]),
    ("The Valbrook Herald poll found that 28 percent of voters backed Okafor, while 23 percent favored Marlow.",
     [("found", "that 28 percent of voters backed Okafor, while 23 percent favored Marlow")]),
    # (with an attribution of its own, the contrast is the writer's next report)
    ("Ray Marlow said the levy had failed in the valley, while Lena Okafor said it had worked.",
     [("said", "the levy had failed in the valley"), ("said", "it had worked")]),
    ("Mr. Pryce has touted the bridges he has helped bring to Valbrook, while attempting to portray Okafor as a"
     " carpetbagger.", [("has touted", "the bridges he has helped bring to Valbrook"),
                        ("attempting to portray", "Okafor as a carpetbagger")]),
    # (so does one of concession, and one with no speaker of its own is still more of what was said)
    ("Federal records show Ray Marlow has donated $38,000 to campaigns since 2010, though public records indicate"
     " he did not own a home.", [("show", "Ray Marlow has donated $38,000 to campaigns since 2010"),
                                 ("indicate", "he did not own a home")]),
    # (the comma set inside a closing quotation mark)
    ("At least half of voters in each town say each of the two candidates’ positions on the levy are “about right,”"
     " though voters are generally more likely to say Okafor’s policies are too liberal.",
     [("say", "each of the two candidates’ positions on the levy are “about right,”"),
      ("are generally more likely to say", "Okafor’s policies are too liberal")]),
    ("The poll showed that Okafor would beat Marlow in November, though Ada Brandt appears to have the stronger"
     " position now.",
     [("showed", "that Okafor would beat Marlow in November, though Ada Brandt appears to have the stronger"
                 " position now")]),
])
def test_a_clause_of_contrast_after_the_content_is_more_of_it(text, reports):
    assert [(q["cue"]["text"], q["text"]) for q in analyze(text).quotes] == reports


@pytest.mark.parametrize("text, reports", [
    ("Though Marlow boasts of higher turnout, there is no link between turnout and winning, experts say.",
     [("Marlow", "boasts of", "higher turnout"), ("experts", "say", "there is no link between turnout and winning")]),
    ("Though Lena Okafor insists that the port will reopen, the shippers have moved on, Mr. Pryce said.",
     [("Lena Okafor", "insists", "that the port will reopen"), ("Mr. Pryce", "said", "the shippers have moved on")]),
    # (a clause that says when is what was said)
    ("After Marlow asked about it, the council balked, a clerk said.",
     [("a clerk", "said", "After Marlow asked about it, the council balked")]),
])
def test_a_clause_of_contrast_with_an_attribution_of_its_own_before_the_content_is_that_attributions(text, reports):
    assert [(q["speaker"]["text"], q["cue"]["text"], q["text"]) for q in analyze(text).quotes] == reports


@pytest.mark.parametrize("text, reports", [
    ("Senator Ray Marlow said the real extremist on taxes is Lena Okafor, and he railed against the moderators for"
     " ignoring the deficit.", [("Senator Ray Marlow", "said", "the real extremist on taxes is Lena Okafor"),
                                ("he", "railed against", "the moderators for ignoring the deficit")]),
    ("Ada Brandt leads the race by 12 points, according to a count by the Valbrook Herald, but Okafor has vowed to"
     " fight on.", [("a count by the Valbrook Herald", "according to", "Ada Brandt leads the race by 12 points"),
                    ("Okafor", "has vowed", "to fight on")]),
    ("Ray Marlow said Okafor had been misled by advisers running her campaign — and he singled out her manager, a"
     " longtime operative, as the root of the problem.",
     [("Ray Marlow", "said", "Okafor had been misled by advisers running her campaign"),
      ("he", "singled out", "her manager, a longtime operative, as the root of the problem")]),
    # (without a subject of its own, in a form that cannot go on from the content's verb: the cue's subject's)
    ("Local officials in Valbrook believe the bridge is safe and have been urging the council to reopen it.",
     [("Local officials in Valbrook", "believe", "the bridge is safe"),
      ("Local officials in Valbrook", "have been urging", "the council to reopen it")]),
    ("Ray Marlow spoke for an hour in Valbrook, warning voters that the levy could bankrupt the town and implying"
     " that Okafor had hidden its costs.", [("Ray Marlow", "warning", "that the levy could bankrupt the town"),
                                           ("Ray Marlow", "implying", "that Okafor had hidden its costs")]),
    # (in a form that goes on from it, more of what was said)
    ("Ada Brandt says the mayor is acting unlawfully and showing disregard for the law.",
     [("Ada Brandt", "says", "the mayor is acting unlawfully and showing disregard for the law")]),
])
def test_a_report_joined_to_the_content_by_and_or_but_is_the_writers_next_report(text, reports):
    assert [(q["speaker"]["text"], q["cue"]["text"], q["text"]) for q in analyze(text).quotes] == reports


@pytest.mark.parametrize("text, content", [
    ("A review by the Valbrook Herald shows most of the hours logged were for campaign travel.",
     "most of the hours logged were for campaign travel"),
    ("Lena Okafor hopes the technology developed in Valbrook can aid efforts on the border.",
     "the technology developed in Valbrook can aid efforts on the border"),
    ("Marlow argued that dropping the plan once it became clear it would not pass was an example of his leadership.",
     "that dropping the plan once it became clear it would not pass was an example of his leadership"),
])
def test_the_verb_the_parse_left_out_of_the_content_goes_on_with_its_subject(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


@pytest.mark.parametrize("text, content", [
    ("Marlow said he would be honored to serve should the party ask him.",
     "he would be honored to serve should the party ask him"),
    ("Lena Okafor pointed to the nine times Marlow has voted against the levy.",
     "the nine times Marlow has voted against the levy"),
])
def test_a_clause_the_parse_hung_on_the_cue_right_after_the_content_goes_on_with_it(text, content):
    assert [q["text"] for q in analyze(text).quotes] == [content]


@pytest.mark.parametrize("text, content", [
    ("The poll showed a majority of registered Valbrook voters say the council should act.",
     "a majority of registered Valbrook voters say the council should act"),
    ("Lena Okafor told reporters the city's own standards are not perfect but getting better.",
     "the city's own standards are not perfect but getting better"),
])
def test_the_subject_the_parse_made_the_verbs_object_goes_with_its_clause(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


@pytest.mark.parametrize("text, content", [
    ("Ray Marlow said the bridge plan was dead, and that Okafor had misled voters.",
     "the bridge plan was dead, and that Okafor had misled voters"),
    # (the parse hung "but that he would not support ..." on "said"; "support" is a cue, but of what was said)
    ("The Valbrook mayor said the town needs to secure the border and create a new program, but that he would not"
     " support mass deportation.",
     "the town needs to secure the border and create a new program, but that he would not support mass deportation"),
    # (a clause after "and that", "or why", "and how" the parse hung higher up, up to a dash)
    ("Ada Brandt was quick to point out that the levy had passed, and that polls show she remains the favorite - "
     "though Pryce disputes the polls.", "that the levy had passed, and that polls show she remains the favorite"),
    ("Lena Okafor has offered no details about the levy or why it would raise more money.",
     "no details about the levy or why it would raise more money"),
    ("Ray Marlow came on the show to talk about the port and how it is changing the town.",
     "the port and how it is changing the town"),
])
def test_more_of_what_was_said_after_and_that_stays_in_the_content(text, content):
    assert analyze(text).quotes[0]["text"] == content


@pytest.mark.parametrize("text, speaker", [
    ("It's important to remember that political parties aren't pure democracies.", None),
    ("It is worth noting that the state is defined by its largest city.", None),
    # (with a curly apostrophe, whose "’s" the lemmatizer does not read as "be")
    ("Still, it’s hard to imagine Ray Marlow winning in Valbrook.", None),
    ("The report is likely to stress that the bank failed.", "The report"),
])
def test_it_before_an_adjective_and_an_infinitive_is_no_speaker(text, speaker):
    [quote] = analyze(text).quotes
    assert (quote["speaker"] or {}).get("text") == speaker


@pytest.mark.parametrize("text, actor", [
    ("His former business partner at Lenox, Lawrence B. Cummings, said the firm had lost money.",
     "person:lawrence-b-cummings"),
    ("A spokeswoman at the Foreign Ministry, Maria Zakharova, said Moscow would respond.", "person:maria-zakharova"),
])
def test_the_name_the_parse_set_beside_the_firm_in_the_speakers_description_is_the_speakers(text, actor):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["actor"] == actor


@pytest.mark.parametrize("text, speaker, content", [
    ("The bank, said Ray Marlow, would fail within a year.", "Ray Marlow", ["The bank", "would fail within a year"]),
    ("This, said the mayor, is unacceptable.", "the mayor", ["This", "is unacceptable"]),
    # (the parse took the subject before the cue for its own, and the speaker for the subject of what follows)
    ("Any fair reading of the report, said Ray Marlow, an economist at the Valbrook Institute, would find the plan"
     " too costly.", "Ray Marlow, an economist at the Valbrook Institute,",
     ["Any fair reading of the report", "would find the plan too costly"]),
    ("The contrast with Pryce, said Ada Brandt and others, would be clear.", "Ada Brandt and others",
     ["The contrast with Pryce", "would be clear"]),
    # not inverted: what the parse hung on the cue before the comma that opens the attribution
    ("If the demands are not met, Ray Marlow warned, his supporters will leave the party.", "Ray Marlow",
     ["If the demands are not met", "his supporters will leave the party"]),
    # (the parse hung the opening clause on the cue, and the cue on what follows it)
    ("If she wins the seat, Okafor suggested in a tweet, the tax will be repealed.", "Okafor",
     ["If she wins the seat", "the tax will be repealed"]),
    ("If anything, Pryce argued in his email, the vote shows why the rules must change.", "Pryce",
     ["If anything", "the vote shows why the rules must change"]),
    # a closing cue the parse hung as an adverbial clause
    ("A decade of falling deficits will end this year, sooner than expected, the budget office reported on Tuesday.",
     "the budget office", ["A decade of falling deficits will end this year, sooner than expected"]),
    # (or as a verb joined to it)
    ("Lena Okafor (D-Vt.) remains committed to seeing the primary through to the convention, her top aide, Ada "
     "Brandt, told the Valbrook Herald.", "her top aide, Ada Brandt,",
     ["Lena Okafor (D-Vt.) remains committed to seeing the primary through to the convention"]),
    # an opening that announces a quotation stays with the cue
    ("Dashing into the hall, Lena Okafor called over her shoulder, “His comments are not helping.”", "Lena Okafor",
     ["“His comments are not helping.”"]),
])
def test_a_cue_set_inside_what_was_said(text, speaker, content):
    quotes = analyze(text).quotes
    assert [q["text"] for q in quotes] == content
    assert {q["speaker"]["text"] for q in quotes} == {speaker}


@pytest.mark.parametrize("text, cue, content", [
    ("Ray Marlow even offered some kind words about the mayor.", "even offered some kind words about", "the mayor"),
    ("The mayor offered his condolences to the families.", "offered his condolences to", "the families"),
    ("Senator Lena Okafor paid tribute to the victims.", "paid tribute to", "the victims"),
])
def test_speech_acts_through_a_light_verb_and_a_noun(text, cue, content):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"], quote["text"]) == (cue, content)
    assert quote["speaker"] is not None


@pytest.mark.parametrize("text, cue, content", [
    ("Chancellor Ada Brandt heralded the deal with the unions as a breakthrough.", "heralded",
     "the deal with the unions as a breakthrough"),
    ("Senator Ray Marlow downplayed the governor's attack on the judge.", "downplayed",
     "the governor's attack on the judge"),
    ("Mayor Ray Marlow extolled the virtues of small towns.", "extolled", "the virtues of small towns"),
    ("Ray Marlow emailed that the plan was dead.", "emailed", "that the plan was dead"),
    ("Ray Marlow declared victory on Tuesday night.", "declared", "victory"),
    ("Lena Okafor is trumpeting a positive-only message.", "is trumpeting", "a positive-only message"),
    ("The UN envoy urged restraint on both sides.", "urged", "restraint on both sides"),
])
def test_praising_downplaying_emailing_declaring_and_urging(text, cue, content):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"], quote["text"]) == (cue, content)
    assert quote["speaker"]["actor"] is not None


@pytest.mark.parametrize("text, speaker, content", [
    ("President Ray Marlow on Thursday nominated Lena Okafor for a second term.", "President Ray Marlow",
     "Lena Okafor for a second term"),
    ("The Valbrook board appointed Ada Brandt as its chair.", "The Valbrook board", "Ada Brandt as its chair"),
])
def test_choosing_someone_for_a_post_is_a_stance(text, speaker, content):
    [quote] = analyze(text).quotes
    assert (quote["speaker"]["text"], quote["cue"]["group"], quote["text"]) == (speaker, "stance", content)


@pytest.mark.parametrize("text, content", [
    ("The governor named the head of the union his Secretary of Labor.",
     "the head of the union his Secretary of Labor"),
    ("Mr. Pryce named Lena Okafor as his running mate.", "Lena Okafor as his running mate"),
])
def test_naming_someone_something(text, content):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["group"], quote["text"]) == ("naming", content)


@pytest.mark.parametrize("text, cue, content", [
    ("The agency released its findings on Friday.", "released", "its findings"),
    ("The ministry issued a warning to travellers.", "issued", "a warning to travellers"),
    ("The Valbrook council emailed the full text of the bill.", "emailed", "the full text of the bill"),
    # what was put out speaks itself, for whom put it out (and the verb that put it out joins the cue)
    ("The Valbrook council released a statement saying the dam was safe.", "released a statement saying",
     "the dam was safe"),
    ("The Valbrook council unveiled a proposal to rebuild the bridge.", "a proposal", "to rebuild the bridge"),
])
def test_making_public_reports_what_was_put_out(text, cue, content):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"], quote["text"]) == (cue, content)
    assert quote["speaker"]["text"] in ("The agency", "The ministry", "The Valbrook council")


def test_a_statement_on_a_day_says_nothing_of_the_day():
    assert analyze("The council issued a statement on Monday.").quotes == []


@pytest.mark.parametrize("text, content", [
    ("Ms. Brandt called Mrs. Okafor an ''Aunt Tom.''", "Mrs. Okafor an ''Aunt Tom.''"),
    ('Former Florida governor Ray Marlow called the use of executive orders "quite dangerous."',
     'the use of executive orders "quite dangerous."'),
    # the preposition read as the mark of a passive infinitive clause
    ("Ray Marlow has called for the group's strongholds in Syria and Iraq to be hit even harder.",
     "the group's strongholds in Syria and Iraq to be hit even harder"),
])
def test_naming_and_requests_through_misparses(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content and quote["speaker"] is not None


@pytest.mark.parametrize("text, content", [
    ("One influential 2009 paper found improvements in math scores, but no evidence of a boost in reading.",
     "improvements in math scores, but no evidence of a boost in reading"),
    ("A new poll finds Okafor with only a small lead over Marlow.", "Okafor with only a small lead over Marlow"),
    ("A Monmouth poll out Monday showed Okafor with a healthy lead over Marlow in Ohio, earning 51 percent of the "
     "support of likely voters.",
     "Okafor with a healthy lead over Marlow in Ohio, earning 51 percent of the support of likely voters"),
    ("Police found a body in the river.", None),
])
def test_what_a_study_or_a_poll_finds(text, content):
    quotes = analyze(text).quotes
    assert (quotes[0]["text"] if quotes else None) == content


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("In their view, the Greens could win three seats.", "their", "view", "the Greens could win three seats"),
    ("The reform is a failure, in Ray Marlow's view.", "Ray Marlow's", "view", "The reform is a failure"),
    ("In the mayor's opinion, the bridge is safe.", "the mayor's", "opinion", "the bridge is safe"),
])
def test_what_someone_holds_attributes_through_in(text, speaker, cue, content):
    [quote] = analyze(text).quotes
    assert (quote["speaker"]["text"], quote["cue"]["text"], quote["text"]) == (speaker, cue, content)


@pytest.mark.parametrize("text, speaker, content", [
    ("To Lena Okafor, the vote was a turning point.", "Lena Okafor", "the vote was a turning point"),
    ("To Mr. Pryce, who has studied the rallies closely, Tuesday marked a turning point.",
     "Mr. Pryce, who has studied the rallies closely,", "Tuesday marked a turning point"),
    ("To them, it signals a new phase of the campaign.", "them", "it signals a new phase of the campaign"),
])
def test_the_people_in_whose_eyes_a_sentence_holds_are_its_source(text, speaker, content):
    quote = next(q for q in analyze(text).quotes if q["cue"]["text"] == "To")
    assert (quote["speaker"]["text"], quote["text"]) == (speaker, content)


def test_the_one_spoken_to_is_no_source():
    quotes = analyze("To reporters, Ray Marlow said the deal was done.").quotes
    assert [(q["speaker"]["text"], q["cue"]["text"]) for q in quotes] == [("Ray Marlow", "said")]


def test_a_view_set_in_a_relative_clause_holds_the_clause():
    quotes = analyze("The militia, which in his view has gained strength, controls the port.").quotes
    assert [(q["speaker"]["text"], q["text"]) for q in quotes] == [("his", "which"), ("his", "has gained strength")]


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Ray Marlow's response was that the tax was unfair.", "Ray Marlow's", "response was", "that the tax was unfair"),
    ("The mayor's most surprising suggestion was that the bridge should close.", "The mayor's",
     "most surprising suggestion was", "that the bridge should close"),
    ("The key question is whether Lena Okafor will run again.", None, "The key question is",
     "whether Lena Okafor will run again"),
])
def test_a_reporting_noun_before_is_that_holds_the_clause_after_it(text, speaker, cue, content):
    [quote] = analyze(text).quotes
    assert (quote["speaker"] and quote["speaker"]["text"], quote["cue"]["text"], quote["text"]) == (speaker, cue, content)


def test_the_clause_before_a_closing_attribution_the_parse_hung_as_an_adverbial_is_what_was_said():
    # (as USA Today wrote it on 2016-03-30; the parse hangs the clause on "prepared")
    text = ("As GOP front-runner Donald Trump prepared to speak to supporters in Wisconsin on Tuesday, a 15-year-old "
            "girl outside the venue was pepper-sprayed by another bystander, police said.")
    [quote] = analyze(text).quotes
    assert quote["text"] == text[:text.index(", police")] and quote["speaker"]["text"] == "police"


@pytest.mark.parametrize("text, content", [
    ("He promised to defeat Mr. Pryce thanks to the Marlow name, which is well known in the district, Okafor said.",
     "He promised to defeat Mr. Pryce thanks to the Marlow name, which is well known in the district"),
    ("Valbrook completed 2,900 interviews with applicants, approving 2,880 people for the program, he said.",
     "Valbrook completed 2,900 interviews with applicants, approving 2,880 people for the program"),
])
def test_the_clause_before_a_closing_attribution_runs_up_to_it(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


def test_a_clause_a_semicolon_closes_before_the_cue_is_not_what_it_reports():
    [quote] = analyze("There is less consensus on the bridge: 47% say the city should build it; 37% disagree.").quotes
    assert (quote["speaker"]["text"], quote["cue"]["text"], quote["text"]) == ("47%", "say", "the city should build it")


def test_a_reading_dropped_inside_another_content_drops_none_of_its_own():
    article = analyze("Any fair reading of the deal, said Ray Marlow, an analyst at the Valbrook Institute, would read "
                      "this as a public admission that the city is bowing out of the fight over the budget, seeing a "
                      "merger as ''the best means of saving what little is left of the old council.''")
    assert quote_with(article, "merger")["cue"]["text"] == "seeing"
    assert quote_with(article, "bowing out")["text"].endswith("the fight over the budget")


@pytest.mark.parametrize("text, kept", [
    ("Ray Marlow said the council pressed on after the Valbrook Courier reported the deal.",
     ("the Valbrook Courier", "reported", "the deal")),
    ("Okafor said the council pressed on after he reported the deal.", None),
])
def test_a_statement_told_in_a_clause_of_time_inside_another_content_stands_beside_it(text, kept):
    article = analyze(text)
    assert article.quotes[0]["cue"]["text"] == "said"
    assert article.quotes[0]["text"].endswith("reported the deal")
    inner = [(q["speaker"]["text"], q["cue"]["text"], q["text"]) for q in article.quotes[1:]]
    assert inner == ([kept] if kept else [])


@pytest.mark.parametrize("text, cue, content", [
    ("Ray Marlow will focus on his economic message in the fall.", "will focus on", "his economic message"),
    ("Neither Okafor nor Brandt would comment on those reports.", "would comment on", "those reports"),
])
def test_a_cue_ends_where_its_content_starts(text, cue, content):
    [quote] = analyze(text).quotes
    assert (quote["cue"]["text"], quote["text"]) == (cue, content)


def test_the_one_who_stands_by_a_claim_is_its_subject_not_the_claim():
    # "Ray Marlow stood by his plan to boycott the debate" as the model parses it in some articles: the idiom's "by"
    # a passive's agent
    words = ["Ray", "Marlow", "stood", "by", "his", "plan", "to", "boycott", "the", "debate", "."]
    heads = [1, 2, 2, 2, 5, 3, 7, 5, 9, 7, 2]
    deps = ["compound", "nsubj", "ROOT", "agent", "poss", "pobj", "aux", "acl", "det", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "ADP", "PRON", "NOUN", "PART", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", "VBD", "IN", "PRP$", "NN", "TO", "VB", "DT", "NN", "."]
    lemmas = ["Ray", "Marlow", "stand", "by", "his", "plan", "to", "boycott", "the", "debate", "."]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              ents=["B-PERSON", "I-PERSON"] + ["O"] * 9)
    reading = read(doc[2], vocabulary())
    assert (doc[slice(*reading.source)].text, reading.passive) == ("Ray Marlow", False)
    assert doc[slice(*reading.cue)].text == "stood by"


@pytest.mark.parametrize("text, speaker", [
    ("The meeting ended with Ray Marlow asking Okafor pointedly whether she would run again.", "Ray Marlow"),
    ("The hearing closed without Lena Okafor saying whether the mill would reopen.", "Lena Okafor"),
    ("The council adjourned with Mr. Pryce warning that taxes would rise.", "Mr. Pryce"),
])
def test_the_one_named_after_with_speaks_the_participle_after_it(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("The aim of the council is to persuade voters that the mill can reopen.", "the council"),
    ("Ray Marlow's goal is to convince voters that the mill can reopen.", "Ray Marlow's"),
])
def test_the_owner_of_an_aim_that_is_an_infinitive_speaks_it(text, speaker):
    [quote] = analyze(text).quotes
    assert (quote["speaker"]["text"], quote["text"]) == (speaker, "that the mill can reopen")


@pytest.mark.parametrize("text, speaker", [
    ("The survey, conducted by the Valbrook Institute, finds that most voters back Okafor.",
     "The survey, conducted by the Valbrook Institute,"),
    ("The poll, released on Monday, shows that Okafor leads.", "The poll"),
    ("The memo, sent to the mayor and forwarded to Okafor, called the levy unfair.", "The memo"),
    ("Ray Marlow, stung by the loss, said he would run again.", "Ray Marlow"),
])
def test_a_participle_that_says_who_made_the_thing_that_speaks_is_part_of_the_source(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Mrs. Okafor -- whose husband signed the levy into law -- said the mill would reopen.", "Mrs. Okafor"),
    ("Ray Marlow, who runs the mill — which hosts the fair every year — said the levy was unfair.",
     "Ray Marlow, who runs the mill"),
    ("Another critic — Ray Marlow — said the levy was unfair.", "Another critic — Ray Marlow —"),
])
def test_a_clause_a_dash_sets_off_after_the_speaker_is_not_the_source(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker


@pytest.mark.parametrize("text, content", [
    ("Ray Marlow voted against a measure to extend the levy.", "a measure to extend the levy"),
    ("Ada Brandt is counting on the anger of farmers to win the county.", "the anger of farmers to win the county"),
])
def test_the_infinitive_right_after_the_content_goes_on_with_it(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


@pytest.mark.parametrize("text, parts", [
    ("Valbrook, which Ray Marlow describes as his favourite town, is small.", ["which", "as his favourite town"]),
    ("The council spent $40,000, which Mr. Pryce described as a fair price.", ["which", "as a fair price"]),
])
def test_a_relative_pronoun_goes_with_what_the_cue_calls_it(text, parts):
    quotes = analyze(text).quotes
    assert [q["text"] for q in quotes] == parts
    assert quotes[1]["continues"] == 0


def test_a_condition_the_parse_hung_on_the_cue_after_the_content_is_part_of_it():
    [quote] = analyze("Lena Okafor has threatened to quit the council unless it is paid in full.").quotes
    assert quote["text"] == "to quit the council unless it is paid in full"


@pytest.mark.parametrize("text, content", [
    ("When they do the sums, the Marlow aides think about one figure: 412.", "one figure: 412"),
    ("Ray Marlow endorsed one way of stopping the levy: voting it down in May.",
     "one way of stopping the levy: voting it down in May"),
])
def test_a_colon_after_the_content_spells_out_the_rest_of_it_in_lower_case(text, content):
    [quote] = analyze(text).quotes
    assert quote["text"] == content


def test_a_stated_position_is_what_was_said():
    [quote] = analyze("Lena Okafor, the Valbrook council member, has publicly stated her interest in the mayor's "
                      "job.").quotes
    assert (quote["speaker"]["text"], quote["cue"]["text"], quote["text"]) == \
        ("Lena Okafor, the Valbrook council member,", "has publicly stated", "her interest in the mayor's job")


@pytest.mark.parametrize("text, found", [
    ("Ray Marlow said the levy would pass in Valbrook, even though many observers doubt it.",
     [("Ray Marlow", "said", "the levy would pass in Valbrook"), ("many observers", "doubt", "it")]),
    ("Lena Okafor has warned that the plant could close, although Mr. Pryce insists it is safe.",
     [("Lena Okafor", "has warned", "that the plant could close"), ("Mr. Pryce", "insists", "it is safe")]),
])
def test_a_report_the_writer_sets_against_the_content_is_not_part_of_it(text, found):
    quotes = analyze(text).quotes
    assert [(q["speaker"]["text"], q["cue"]["text"], q["text"]) for q in quotes] == found


def test_a_verb_of_saying_joined_to_a_be_in_the_content_is_a_second_report_of_the_speaker():
    quotes = analyze("Ada Brandt said Mr. Pryce was ignorant of the law and criticized him for saying he had served "
                     "the town.").quotes
    assert [(q["speaker"]["text"], q["cue"]["text"], q["text"]) for q in quotes] == [
        ("Ada Brandt", "said", "Mr. Pryce was ignorant of the law"),
        ("Ada Brandt", "criticized", "him for saying he had served the town")]


def test_a_participle_after_of_and_a_name_is_said_by_that_person():
    [quote] = analyze("The vote led to the spectacle of Mr. Pryce denouncing the mayor's efforts before the "
                      "council.").quotes
    assert (quote["speaker"]["text"], quote["cue"]["text"], quote["text"]) == \
        ("Mr. Pryce", "denouncing", "the mayor's efforts")


def test_a_clause_on_the_speaker_with_an_attribution_inside_leaves_the_source_whole():
    quotes = analyze("A slower start may not be such a bad thing, say some council members, who wince as they "
                     "recall the levy fight of 2014.").quotes
    assert [(q["speaker"]["text"], q["cue"]["text"], q["text"]) for q in quotes] == [
        ("some council members", "say", "A slower start may not be such a bad thing"),
        ("they", "recall", "the levy fight of 2014")]


_INTERVIEW = """Valbrook mayor Ada Brandt took office in January. Brandt spoke with Herald reporter Tom Reyes about the levy \
and the plant.

Q: Will the levy pass?

A: I think it will. The farmers are with us.
We have the votes on the council, and Mr. Pryce knows it.

Q: And the plant?

A: The plant stays open.
"""


def test_the_answers_of_an_interview_are_the_words_of_the_person_interviewed():
    quotes = [q for q in analyze(_INTERVIEW).quotes if q["cue"]["text"] == ":"]
    assert [(q["speaker"]["text"], q["speaker"]["actor"], q["kind"], q["continues"], q["text"]) for q in quotes] == [
        ("A", "person:ada-brandt", "direct", None, "I think it will. The farmers are with us"),
        ("A", "person:ada-brandt", "direct", 1, "We have the votes on the council, and Mr. Pryce knows it"),
        ("A", "person:ada-brandt", "direct", None, "The plant stays open")]
    # (the "I think" inside an answer is part of it, not a quote of its own; the questions are no one's quotes)
    assert not any(q["cue"]["text"] in ("think", "?") for q in analyze(_INTERVIEW).quotes)


def test_the_last_answer_of_a_scraped_interview_stops_before_the_writers_account():
    quotes = dateline.analyze(_INTERVIEW + "\nFollow Tom Reyes on Twitter @treyes\n", kind="text").quotes
    assert quotes[-1]["text"] == "The plant stays open"


def test_answers_with_no_one_named_before_them_have_no_speaker_to_take():
    text = _INTERVIEW.split("\n\n", 1)[1]
    assert not [q for q in analyze(text).quotes if q["cue"]["text"] == ":"]


@pytest.mark.parametrize("text, speaker", [
    ("As Ada Brandt, the mayor, put it, “the levy is dead.”", "Ada Brandt, the mayor,"),
    ("As Senator Ada Brandt, a Democrat, noted, “the levy is dead.”", "Senator Ada Brandt, a Democrat,"),
    ("As part of his plea, Ray Marlow, 44, said that he took the money.", "Ray Marlow, 44,"),
])
def test_the_name_an_opening_as_holds_speaks_the_verb_the_parse_gave_no_subject(text, speaker):
    [quote] = analyze(text).quotes
    assert quote["speaker"]["text"] == speaker
