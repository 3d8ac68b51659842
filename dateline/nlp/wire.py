"""The wire dateline that opens a story or a paragraph ("MACAU (Reuters) –", "GENEVA -"): the outlet's, not part of
the sentence's grammar. The language layer makes it a sentence of its own before the parser reads the text, which
otherwise often made it the subject ("GENEVA ... agreed") for every stage after it."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract.outlets import OutletRegistry
from dateline.geo.gazetteer import gazetteer, sure


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """The first token of [start, end) after a wire dateline that opens it ("MACAU (Reuters) –", "GENEVA -",
    "CAMP MURRAY, Wash. -"): words in capitals, with the state or country after a comma, or a closing bracket,
    then a spaced dash (a long dash may touch the place: "WASHINGTON—"), or a news agency in brackets without the
    dash ("MEXICO CITY (AP) Mexico's Senate"), or places joined by commas before a colon ("Kabul, Afghanistan:",
    "Washington, DC, United States:"); else `start`."""
    for k in range(start + 1, end - 1):
        if doc[k].text in ("—", "–", "-", "―") and (doc[k].tag_ != "HYPH" or doc[k].whitespace_) \
                and (doc[k - 1].whitespace_ and (doc[k - 1].text == ")" or _place_in_capitals(doc, start, k))
                     or doc[k].text in ("—", "–") and _place_in_capitals(doc, start, k)):
            start = k + 1
        elif doc[k].text == ")" and _agency_credit(doc, start, k):
            start = k + 1
        elif doc[k].text == ":":
            return k + 1 if _places_listed(doc, start, k) and doc[k + 1].text[:1].isupper() else start
    return start


def _agency_credit(doc: Doc, start: int, closing: int) -> bool:
    """A place, in capitals or known, and a news outlet in brackets, ending at `closing` ("MEXICO CITY (AP)", CNN's
    "Hong Kong (CNN Business)"); not a name explained in brackets ("ISIS (Islamic State) fighters")."""
    opening = next((m for m in range(closing - 1, start, -1) if doc[m].text == "("), None)
    return opening is not None \
        and (_place_in_capitals(doc, start, opening) or _known_place(doc, start, opening)) \
        and OutletRegistry.default().by_name(doc[opening + 1:closing].text) is not None


def _place_in_capitals(doc: Doc, start: int, end: int) -> bool:
    """A place in capitals, with a state or country of a few words after a comma in the AP's style ("CAMP MURRAY,
    Wash.", "ALEPPO, Syria")."""
    comma = next((m for m in range(start, end) if doc[m].text == ","), end)
    if comma > start and end - comma - 1 > 3:
        return False
    return any(doc[m].is_alpha for m in range(start, comma)) \
        and all(doc[m].text.isupper() for m in range(start, comma) if doc[m].is_alpha)


def _places_listed(doc: Doc, start: int, end: int) -> bool:
    """Places joined by commas, a known one and then each a few capitalised words ("Kabul, Afghanistan", "Washington,
    DC, United States", "Camp Murray, Wash."), as a dateline before a colon has them, where a label of one name
    speaks ("Marlow: I support the levy")."""
    parts = [[]]
    for token in doc[start:end]:
        if token.text == ",":
            parts.append([])
        elif token.text[:1].isupper() and token.text.replace(".", "").isalpha():
            parts[-1].append(token)
        else:
            return False
    return len(parts) > 1 and all(1 <= len(part) <= 3 for part in parts) \
        and _known_place(doc, parts[0][0].i, parts[0][-1].i + 1)


def _known_place(doc: Doc, start: int, end: int) -> bool:
    """Whether the words [start, end) name a place the gazetteer is sure of, up to a comma ("Hong Kong",
    "Washington, DC"): read before the entity recogniser has run."""
    comma = next((m for m in range(start, end) if doc[m].text == ","), end)
    words = doc[start:comma]
    return 0 < len(words) <= 4 and all(t.text[:1].isupper() for t in words) \
        and any(sure(match) for match in gazetteer().lookup(words.text))
