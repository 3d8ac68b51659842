"""Is this English? dateline's language stages read English only, so that is the question that matters."""

from __future__ import annotations

import re

# The commonest English function words: in English prose they make up some 40 % of the words; in other
# languages written in Latin script only a few of them occur, and by chance.
_ENGLISH = frozenset(
    "the of and to a in is was that for on with as by at from it he she they his her its their this which "
    "be are were has have had not but or an will would said says who been after over also than".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """"en" when the text reads as English, None when it does not (or is too short to tell)."""
    words = _WORD.findall(text[:20_000].lower())
    if len(words) < 20:
        return "en" if any(w in _ENGLISH for w in words) else None
    share = sum(w in _ENGLISH for w in words) / len(words)
    return "en" if share >= 0.15 else None
