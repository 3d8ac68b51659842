"""Where a sentence happens: the place it sets ("... in the Qatarji neighborhood of Aleppo"), else the dateline's.

The events stage asks this of each event's sentence; it reads only the article's text and places, so any stage
that has a sentence's character span can ask it.
"""

from __future__ import annotations

import re

from dateline.article import Article
from dateline.geo.gazetteer import FEATURES
from dateline.geo.places import is_dateline

# Words after which a place sets the scene: "in Aleppo", "near the border town of Azaz", "outside Damascus".
_SETTING = re.compile(
    r"\b(?:in|near|at|outside|inside|around|across|throughout|within|on|off|over|along|from)\s+"
    r"(?:the\s+)?(?:(?:[a-z]+ern|central|nearby|besieged|rebel-held|government-held|northern|southern|eastern|"
    r"western)\s+)?(?:(?:[A-Z][\w'’-]+\s+)?(?:city|town|village|province|region|neighbou?rhood|district|area|"
    r"capital|suburb)\s+of\s+)?$")

# A place named again by its kind ("over the province", "in the city"): the one named before in the paragraph.
_BACK = re.compile(
    r"\b(?:in|near|at|outside|inside|around|across|throughout|within|over|into|from)\s+the\s+(?:same\s+)?"
    r"(?:city|town|village|province|region|neighbou?rhood|district|area|capital|suburb|camp)\b")


def place_of_sentence(article: Article, start: int, end: int) -> int | None:
    """The index in `article.places` of the place the sentence `[start, end)` sets, or the dateline's, or None.

    Among the places inside the sentence, one after "in", "near", "at", ... counts; of several, the most specific
    (a district before its city, a city before its country), then the first. Without one, a sentence that names a
    place again by its kind ("over the province") is at the last place set earlier in its paragraph; else the
    article's dateline place ("BEIRUT (AP) -") is where the reporter put the story.
    """
    text, places = article.text, article.places
    setting = []
    for index, place in enumerate(places):
        if start <= place["start"] and place["end"] <= end:
            before = text[max(start, place["start"] - 60): place["start"]]
            if _SETTING.search(before):
                setting.append(index)
    if setting:
        return max(setting, key=lambda i: (_specificity(places[i]), -places[i]["start"]))
    if _BACK.search(text, start, end):
        # "Fighting has continued near the city of Marib. The Houthis said they shot down a drone over the
        # province.": the place the paragraph set before
        paragraph = text.rfind("\n", 0, start) + 1
        earlier = [i for i, place in enumerate(places) if paragraph <= place["start"] and place["end"] <= start
                   and _SETTING.search(text[max(paragraph, place["start"] - 60): place["start"]])]
        if earlier:
            return earlier[-1]
    return dateline_place(article)


def dateline_place(article: Article) -> int | None:
    """The index of the wire dateline's place ("MOSCOW, March 14. /TASS/."), if the article opens with one."""
    for index, place in enumerate(article.places):
        if is_dateline(article.text, place["start"], place["end"]):
            return index
        if place["start"] > 300:
            break
    return None


def _specificity(place: dict) -> int:
    feature = place.get("feature")
    rank = FEATURES.index(feature) if feature in FEATURES else 0
    return 0 if feature == "unknown" else rank
