"""Plain-text scrapes: the body kept whole, the furniture set aside and accounted for."""

import pytest

from dateline.extract.scrape import classify_line, extract_scrape
from tests.conftest import FIXTURES


def kinds(content):
    return [r.kind for r in content.removed]


def test_seed_keeps_ten_paragraphs_and_sets_aside_five_pieces(seed_text):
    content = extract_scrape(seed_text)
    paragraphs = content.text.split("\n\n")
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith("Moscow will not seek a halt to Syrian airstrikes")
    assert paragraphs[-1].endswith("a human tragedy may unfold in the city.")
    assert content.title == "Russia won’t pressure Syria to halt Aleppo strikes: Official"
    assert content.sections == ["Syria", "Russia"]
    assert kinds(content) == ["breadcrumb", "caption", "mirror", "share", "promo"]
    mirror = content.removed[2].text
    assert mirror.startswith("Press TV’s website can also be accessed") and mirror.endswith("www.presstv.co.uk")
    # Nothing of the article is lost and nothing of the furniture is kept.
    assert "SHARE" not in content.text and "Roku" not in content.text and "AFP photo" not in content.text


def test_pipe_breadcrumb_byline_timestamps_related_list_and_source_footer():
    content = extract_scrape((FIXTURES / "scrape-pipes-source-footer.txt").read_text())
    assert content.title == "Sudan's army and RSF trade blame over attack on aid convoy"
    assert content.sections == ["Conflict"]
    assert content.authors == ["Amina Example"]
    assert kinds(content) == ["breadcrumb", "byline", "timestamp", "timestamp", "promo", "related", "footer"]
    related = content.removed[5].text.splitlines()
    assert related == ["Read more", "Who are Sudan's Rapid Support Forces?", "Sudan war: A timeline of the conflict"]
    # The paragraph after the related list is still article text.
    assert content.text.endswith("The UN has warned that famine conditions are spreading across Darfur.")
    assert "Advertisement" not in content.text


def test_section_label_above_title_and_wire_dateline_kept_in_body():
    content = extract_scrape((FIXTURES / "scrape-wire-dateline.txt").read_text())
    assert content.title == "Kremlin says no plans for new talks with Kyiv this month"
    assert content.sections == ["World"]
    assert content.text.startswith("MOSCOW, March 14. /TASS/. The Kremlin has no plans")
    assert kinds(content) == ["breadcrumb", "footer", "promo", "footer"]
    assert len(content.text.split("\n\n")) == 3


def test_hard_wrapped_paragraphs_are_joined():
    content = extract_scrape((FIXTURES / "scrape-hard-wrapped.txt").read_text())
    paragraphs = content.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0] == (
        "Baghdad's parliament failed for a third time on Saturday to elect a new speaker, as rival Shiite and "
        "Sunni blocs could not agree on a candidate after weeks of talks, lawmakers said."
    )
    assert content.authors == ["Sam Example"]
    assert kinds(content) == ["byline", "promo"]


def test_caption_inside_the_body_is_removed_but_the_body_around_it_stays():
    content = extract_scrape((FIXTURES / "scrape-caption-mid-body.txt").read_text())
    assert kinds(content) == ["breadcrumb", "caption", "related", "share", "share", "share"]
    assert content.removed[1].text.endswith("Photo: Reuters")
    assert len(content.text.split("\n\n")) == 3
    assert content.sections == ["Politics", "Europe"]


@pytest.mark.parametrize(
    "line",
    [
        "Updated figures were not released.",  # a sentence, not a timestamp
        "By Monday, all was calm in the city.",  # a sentence, not a byline
        "The photo shows the extent of the damage, officials said, and it was widely shared on social media.",
        "He urged people to share the article with friends.",
        "Russia and/or Iran could host the next round.",
        "Thousands of protesters follow the march on foot through the capital.",  # not a call to follow
        "Analysts follow the talks at the UN closely.",
        "Roku said its quarterly revenue rose 10 percent.",  # the words of a promotion, in a sentence of the article
        "Users who download the app are tracked, officials said.",
        "Voters must register by Friday to get updates on polling places.",
        "The group posted it on the Telegram channel it uses.",
        "Recommended doses were ignored, the report said.",  # a related-links header's word
        "In other news, the ministry said the talks would resume.",
        "Help arrived three hours later, residents said.",  # a footer's word, at the article's end
        "Comments by the minister angered Kyiv.",
    ],
)
def test_body_sentences_that_look_like_furniture_are_not_taken_for_it(line):
    assert classify_line(line) is None


def test_text_without_any_paragraph_is_kept_as_is():
    content = extract_scrape("Breaking\nMarkets closed early")
    assert content.text == "Breaking\n\nMarkets closed early"
    assert content.removed == []


@pytest.mark.parametrize("line", [
    "Follow us on Telegram and X",
    "You can also follow us on Telegram.",
    "Follow the Herald on Facebook",
    "Follow Tom Reyes on Twitter @treyes",  # the writer's account, under the article
])
def test_calls_to_follow_an_outlet_or_a_writer_are_promotions(line):
    assert classify_line(line) == "promo"
