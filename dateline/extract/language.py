"""Is this English? dateline's language stages read English only, so that is the question that matters."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+")
# A gap between two words that may end a sentence or open a quotation or a line: the word after it may be
# capitalised for that reason alone, not because it starts a name.
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\"“”«»„(\[]")


@dataclass(frozen=True)
class _Vocabulary:
    english: frozenset[str]
    rivals: dict[str, tuple[str, ...]]  # function word -> the other languages it belongs to
    particles: frozenset[str]
    short_words: int
    min_share: float
    other_share: float
    other_least: int


@cache
def _vocabulary() -> _Vocabulary:
    """The function words of `data/language.toml`, read once."""
    data = tomllib.loads(resources.files("dateline.data").joinpath("language.toml").read_text(encoding="utf-8"))
    rules = data.pop("rules")
    words = {name: frozenset(entry["words"].split()) for name, entry in data.items()}
    english = words.pop("english")
    rivals: dict[str, tuple[str, ...]] = {}
    for language, function_words in words.items():
        for word in function_words:
            rivals[word] = (*rivals.get(word, ()), language)
    return _Vocabulary(english, rivals, frozenset(rules["name_particles"]), rules["short_words"], rules["min_share"],
                       rules["other_share"], rules["other_least"])


def guess_language(text: str) -> str | None:
    """"en" when the text reads as English, None when it does not (or is too short to tell).

    The evidence is function words, the words every paragraph of a language is made of: English must have some,
    and at least as many as any other Latin-script language has of its own. A single "a" or "in" is no evidence
    on its own, since Spanish, Italian, Polish and others use them too; "a" next to "la", "de", "en" and "que"
    reads as Spanish. Long texts must also reach the share of function words of English prose.
    """
    vocabulary = _vocabulary()
    english, rivals, words = _function_words(text, vocabulary)
    best_rival = max(rivals.values(), default=0)
    if english == 0 or english < best_rival:
        return None
    if len(words) < vocabulary.short_words:
        # Too few words for a share to mean anything: English outscoring or matching every rival decides.
        return "en"
    return "en" if english / len(words) >= vocabulary.min_share else None


def other_language(text: str) -> str | None:
    """The language the text reads as when it is plainly not English: the one whose function words outnumber
    English ones ("German"), or "a non-Latin script" when most of its letters are of another (Cyrillic, Arabic,
    Chinese). None when it reads as English, or when there is too little of either to tell (a headline of names
    and verbs, "Russia slams US sanctions", has no function word at all; a page of scores a few stray ones), or
    when only the share of English words is low (a page of figures or a recipe)."""
    sample = text[:20_000]
    letters = [c for c in sample if c.isalpha()]
    if sum(c < "\u0250" or "\u1e00" <= c <= "\u1eff" for c in letters) * 2 < len(letters):  # Latin, Vietnamese
        return "a non-Latin script"
    vocabulary = _vocabulary()
    english, rivals, words = _function_words(sample, vocabulary)
    if not rivals:
        return None
    language, count = rivals.most_common(1)[0]
    plain = count > english and count >= max(vocabulary.other_least, vocabulary.other_share * len(words))
    return language.capitalize() if plain else None


def _function_words(text: str, vocabulary: _Vocabulary) -> tuple[int, Counter, list[re.Match]]:
    """The English function words of the text's first 20,000 characters, each rival's, and the words read."""
    english, rivals = 0, Counter()
    words = list(_WORD.finditer(text[:20_000]))
    for i, match in enumerate(words):
        word = match.group().lower()
        in_english, languages = word in vocabulary.english, vocabulary.rivals.get(word, ())
        if not in_english and not languages or _not_a_word(text, match):
            continue
        name = _in_name(text, words, i, vocabulary.particles)
        # A function word inside a name ("Los Angeles", "Luis de la Rosa", "Der Spiegel") tells nothing of the
        # sentence's language; English function words still count when capitalised, since English headlines
        # capitalise them ("Turkey And Russia Agree To Talks").
        if in_english and name != "particle":
            english += 1
        if name is None:
            rivals.update(languages)
    return english, rivals, words


def _not_a_word(text: str, match: re.Match) -> bool:
    """The letters after an apostrophe ("s" of "Haiti's", "t" of "don't") are a clitic, not a function word of
    its own; they would read as Czech "s" or French "s'". A capital with a full stop ("K. Hupfer") is an
    initial."""
    start, end = match.span()
    if start >= 2 and text[start - 1] in "'’" and text[start - 2].isalpha():
        return True
    return end - start == 1 and match.group().isupper() and text[end:end + 1] == "."


def _in_name(text: str, words: list[re.Match], i: int, particles: frozenset[str]) -> str | None:
    """Whether word i belongs to a name: "capital" when capitalised mid-sentence, "particle" when a lower-case
    name particle between capitalised words ("de la" in "Luis de la Rosa"), None when it reads as running text."""
    word = words[i].group()
    # Only a capital followed by lower case marks a name: a line in capitals ("EL GOBIERNO ANUNCIA UN PLAN")
    # and a one-letter word ("A", "I") are running text.
    if word[0].isupper() and not word.isupper():
        starts_sentence = i == 0 or _SENTENCE_BREAK.search(text, words[i - 1].end(), words[i].start()) is not None
        return None if starts_sentence else "capital"
    if word not in particles:
        return None
    # The run of particles around this one ("de la", "van der") must sit between two capitalised words.
    left = i - 1
    while left >= 0 and words[left].group() in particles:
        left -= 1
    right = i + 1
    while right < len(words) and words[right].group() in particles:
        right += 1
    if left < 0 or right >= len(words):
        return None
    return "particle" if words[left].group()[0].isupper() and words[right].group()[0].isupper() else None
