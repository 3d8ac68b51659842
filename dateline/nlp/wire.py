"""The wire dateline that opens a story or a paragraph ("MACAU (Reuters) –", "GENEVA -"): the outlet's, not part of
the sentence's grammar, though the parse often makes it the subject ("GENEVA ... agreed")."""

from __future__ import annotations

from spacy.tokens import Doc


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """The first token of [start, end) after a wire dateline that opens it ("MACAU (Reuters) –", "GENEVA -"): words
    in capitals or a closing bracket, then a spaced dash; else `start`."""
    for k in range(start + 1, end - 1):
        if doc[k].text in ("—", "–", "-", "―") and (doc[k].tag_ != "HYPH" or doc[k].whitespace_) \
                and doc[k - 1].whitespace_ and (
                doc[k - 1].text == ")" or all(doc[m].text.isupper() for m in range(start, k) if doc[m].is_alpha)):
            start = k + 1
    return start
