"""The language layer's sentences: where dateline sets boundaries before the parser does."""

from dateline.nlp import load_model


def test_a_blank_line_or_a_line_break_after_a_sentence_ends_it():
    doc = load_model()("Cruz said the border must be secured to keep traffickers out of the U.S.\n"
                       "Chris Christie added that he would approve it.\n\nThe vote is set for Plan B.\n"
                       "“We will win,” he said.")
    assert [s.text.strip() for s in doc.sents] == [
        "Cruz said the border must be secured to keep traffickers out of the U.S.",
        "Chris Christie added that he would approve it.", "The vote is set for Plan B.", "“We will win,” he said."]


def test_a_line_break_after_a_title_or_inside_a_sentence_does_not():
    doc = load_model()("The bill was backed by Sen.\nRay Marlow, who said it would pass\nin March.")
    assert len(list(doc.sents)) == 1


def test_an_abbreviated_title_is_one_token_and_goes_on_with_the_name():
    doc = load_model()("Col. Ray Marlow and Lt. Gen. Ada Brandt spoke on Monday. Sens. Lena Okafor and Tim Pryce "
                       "did not.")
    assert [s.text for s in doc.sents] == ["Col. Ray Marlow and Lt. Gen. Ada Brandt spoke on Monday.",
                                           "Sens. Lena Okafor and Tim Pryce did not."]
    assert {"Col.", "Lt.", "Gen.", "Sens."} <= {t.text for t in doc}


def test_a_headline_line_with_no_full_stop_ends_where_a_paragraph_is_a_line():
    doc = load_model()("Okafor wins Valbrook; \nMarlow vows a recount\nRAY MARLOW SPEAKS\nMarlow, in Delmar, said "
                       "on Tuesday that the count in the northern counties was far from over and that he would stay in "
                       "the race.\nThe levy was backed by the\nValbrook Herald.")
    assert [s.text.strip() for s in doc.sents] == [
        "Okafor wins Valbrook;", "Marlow vows a recount", "RAY MARLOW SPEAKS",
        "Marlow, in Delmar, said on Tuesday that the count in the northern counties was far from over and that he "
        "would stay in the race.", "The levy was backed by the\nValbrook Herald."]


def test_a_wire_dateline_that_opens_a_line_is_a_sentence_of_its_own():
    doc = load_model()("RENO, Nev. (AP) — Republican hopeful Ray Marlow said on Monday that he would win.\n\n"
                       "GENEVA - The talks resumed.")
    assert [s.text.strip() for s in doc.sents] == [
        "RENO, Nev. (AP) —", "Republican hopeful Ray Marlow said on Monday that he would win.", "GENEVA -",
        "The talks resumed."]


def test_a_dateline_with_a_long_dash_touching_it_or_an_agency_and_no_dash():
    doc = load_model()("WASHINGTON—President Ray Marlow is scaling back his goals, officials said.\n\n"
                       "MEXICO CITY (AP) Mexico's Senate has passed a resolution.\n\nISIS (Islamic State) fighters "
                       "attacked the town.")
    assert [s.text.strip() for s in doc.sents] == [
        "WASHINGTON—", "President Ray Marlow is scaling back his goals, officials said.", "MEXICO CITY (AP)",
        "Mexico's Senate has passed a resolution.", "ISIS (Islamic State) fighters attacked the town."]


def test_places_joined_by_commas_before_a_colon_are_a_dateline():
    doc = load_model()("Kabul, Afghanistan: At least 12 people were killed on Sunday, officials said.\n\n"
                       "Marlow, Okafor and Brandt: Three Candidates For Mayor\n\nRay Marlow, Lena Okafor: The Levy "
                       "Must Pass")
    assert [s.text.strip() for s in doc.sents] == [
        "Kabul, Afghanistan:", "At least 12 people were killed on Sunday, officials said.",
        "Marlow, Okafor and Brandt: Three Candidates For Mayor", "Ray Marlow, Lena Okafor: The Levy Must Pass"]


def test_a_known_place_in_title_case_and_an_outlet_in_brackets_are_a_dateline():
    doc = load_model()("Washington (CNN) Senate Republicans blocked the bill on Tuesday, aides said.\n\n"
                       "Jake Tapper (CNN) asked Marlow whether the levy would pass.")
    assert [s.text.strip() for s in doc.sents] == [
        "Washington (CNN)", "Senate Republicans blocked the bill on Tuesday, aides said.",
        "Jake Tapper (CNN) asked Marlow whether the levy would pass."]


def test_a_contraction_with_a_curly_apostrophe_has_the_straight_ones_lemma():
    text = "It{a}s hard to say. They{a}re sure. We{a}ve said it. She{a}ll go. Marlow{a}s plan."
    straight, curly = (load_model()(text.format(a=a)) for a in ("'", "’"))
    assert [t.lemma_ for t in curly if t.text.startswith("’")] == ["be", "be", "have", "will", "’s"]
    assert [t.lemma_ for t in curly] == [t.lemma_.replace("'", "’") for t in straight]


def test_a_run_of_words_without_a_full_stop_is_cut_into_sentences_at_its_commas():
    # (a scrape that lost its full stops: each cue's content would otherwise run over the whole text)
    text = ", ".join(f"the war is over according to officials in town {i}" for i in range(200)) + "."
    sentences = list(load_model()(text).sents)
    assert 4 <= len(sentences) <= 12
    assert all(len(s) <= 500 for s in sentences)
    assert all(s[0].i == 0 or s.doc[s[0].i - 1].text == "," for s in sentences)
    # a long sentence of news is left whole
    sentence = ("Marlow, who has led the council since 2009, said on Tuesday that the levy, which the farmers "
                "oppose, would pass in June, that the vote was set, and that he would not stand again.")
    assert len(list(load_model()(sentence).sents)) == 1
