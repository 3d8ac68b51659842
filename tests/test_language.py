"""Is it English? Short texts too: one "a" or "in" in a Spanish or Italian sentence is no evidence of English."""

import pytest

from dateline import analyze
from dateline.extract import extract
from dateline.extract.language import guess_language, other_language
from dateline.sources.document import Document

# Short paragraphs written for these tests, each under 20 words, most with a word that is also English.
NOT_ENGLISH = {
    "spanish": "La policía detuvo a dos hombres en Madrid el lunes por la noche.",
    "spanish, no English word": "El gobierno anunció ayer un nuevo plan para la economía.",
    "italian": "Il ministro è arrivato a Roma in serata per incontrare il presidente.",
    "german": "Die Regierung hat am Montag in Berlin neue Sanktionen gegen Moskau angekündigt.",
    "french": "Le président a déclaré à Paris que les négociations reprendront en mars.",
    "portuguese": "O presidente disse que a economia vai crescer no próximo ano.",
    "indonesian": "Presiden mengatakan bahwa pemerintah akan membangun jalan baru di Papua.",
    "polish": "Minister powiedział, że rząd nie zgodzi się na to w tym roku.",
    "dutch": "De minister zei dat het kabinet in september een besluit over de zaak neemt.",
    "swedish": "Regeringen sa i går att den inte kommer att ändra sin politik.",
    "romanian": "Ministrul a spus că guvernul nu va schimba legea în acest an.",
    "turkish": "Bakan bu sabah Ankara'da yaptığı açıklamada yeni bir plan olduğunu söyledi.",
    "spanish in capitals": "EL GOBIERNO ANUNCIA UN PLAN A DOS AÑOS",
}

ENGLISH = {
    "headline": "Russia and Turkey agree ceasefire in Idlib",
    "headline in title case": "Russia and Turkey Agree to Ceasefire in Idlib",
    "headline, one function word": "Erdogan vows military operation in northeast Syria despite US sanctions warning",
    "three words": "Protests in Paris",
    "short sentence": "He said it was a mistake.",
    "first person": "I will not resign, the president told reporters in Kyiv.",
    "Spanish name": "Mexican President Andrés Manuel López Obrador said on Monday that the border would stay open.",
    "Spanish name with particles": "Police in Bogotá arrested Juan Carlos de la Cruz on Monday.",
    "Spanish place names": "Flights to La Paz and El Alto were cancelled.",
    "possessives": "Gondor's envoy welcomed Arnor's offer to talk.",
    "Spanish quotation": 'The minister said: "No es el momento."',
}


@pytest.mark.parametrize("name, text", NOT_ENGLISH.items(), ids=NOT_ENGLISH.keys())
def test_short_text_in_another_language_is_not_english(name, text):
    assert len(text.split()) < 20
    assert guess_language(text) is None
    # (the Turkish sentence has two function words, "bu" and "bir": too few to call it another language)
    assert other_language(text) == (None if name == "turkish" else name.split()[0].split(",")[0].capitalize())


@pytest.mark.parametrize("text", ENGLISH.values(), ids=ENGLISH.keys())
def test_short_english_text_is_english(text):
    assert guess_language(text) == "en"
    assert other_language(text) is None


def test_long_texts_keep_their_reading():
    english = " ".join(ENGLISH.values()) * 3
    spanish = " ".join([NOT_ENGLISH["spanish"], NOT_ENGLISH["spanish, no English word"]]) * 3
    assert guess_language(english) == "en"
    assert guess_language(spanish) is None


def test_no_evidence_is_no_answer():
    # No function word of any language: too little to tell, as before.
    assert guess_language("Syria ceasefire collapses") is None
    assert guess_language("Москва заявила, что переговоры продолжатся.") is None
    # (but not English is not another language: no rival's words, or a few stray ones among scores and names)
    assert other_language("Syria ceasefire collapses") is None
    scores = ("GIRLS BASKETBALL\n\nPalm Bay d. Rockledge 70-44\n\nRockledge 14 11 6 15 — 44\n\nPalm Bay 18 22 13 17 — 70"
              "\n\nPalm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points. Bozeman 10 points.\n\n"
              "Rockledge (0-1): Blakely 15 points. Devoe 2 points. Baker 6 points. Brown 4 points.\n\n"
              "Heritage d. Titusville 53-9\n\nHeritage (1-0): Armani Sheffield 19 points and 3 steals.")
    assert guess_language(scores) is None and other_language(scores) is None
    # (nor one word of another language's in a headline: Dutch "met", "with")
    assert other_language("Jordan King Abdullah met Biden") is None
    # (while another script is)
    assert other_language("Москва заявила, что переговоры продолжатся.") == "a non-Latin script"


def test_the_language_stages_do_not_read_a_text_in_another_language():
    # an English model reads German as names and quotations: "Sanktionen gegen Moskau" was an actor
    german = analyze("Die Regierung hat am Montag in Berlin neue Sanktionen gegen Moskau angekündigt, sagte der "
                     "Minister. „Wir werden nicht warten“, sagte Olaf Brandt.", kind="plain")
    assert (german.entities, german.actors, german.quotes, german.places) == ([], [], [], [])
    assert german.warnings[0] == ("the text is in German, not English; dateline's language stages read English only "
                                  "and were not run")
    # (a headline of names and verbs has no function word of any language, and is read)
    assert [a["id"] for a in analyze("Russia slams US sanctions", kind="plain").actors] == ["RUS-GOV", "USA"]


def test_a_page_that_calls_itself_english_in_another_language_is_not():
    page = ("<html lang='en'><head><title>Digitalisierung</title></head><body><article><p>Die Digitalisierung als "
            "Wachstumstreiber zieht sich bereits heute durch fast alle Branchen, sei es im Finanzbereich oder in der "
            "Industrie.</p><p>Auch wenn nicht jedes Geschäftsmodell bedroht ist, müssen die Unternehmen handeln, "
            "sagte der Verband am Montag in Berlin.</p></article></body></html>")
    article = analyze(page, kind="html")
    assert article.language is None and article.actors == []


def test_extraction_warns_on_a_short_paragraph_in_another_language():
    spanish = extract(Document(input="-", content=NOT_ENGLISH["spanish"], date="2024-03-04"), kind="plain")
    assert spanish.language is None
    assert spanish.warnings == [
        "the text is in Spanish, not English; dateline's language stages read English only and were not run"]
    english = extract(Document(input="-", content=ENGLISH["Spanish name with particles"], date="2024-03-04"), kind="plain")
    assert english.language == "en" and english.warnings == []
