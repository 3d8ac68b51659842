"""The actor knowledge base as spaCy entity patterns, so that the model's recognizer starts from what we know.

The small English model misses or mislabels the names conflict news turns on ("Jabhat al-Nusra" as a person,
"Aleppo" as a nationality, "Daesh" not at all). Patterns placed before the recognizer fix those spans and labels;
the recognizer still finds everything else. Patterns match case-sensitively: "IS" is Islamic State, "is" is not.
"""

from __future__ import annotations

import re

from spacy.language import Language

from dateline.actors.knowledge import knowledge_base
from dateline.extract.outlets import OutletRegistry
from dateline.geo.gazetteer import gazetteer

RULER_NAME = "dateline_actors"
_PLAIN_NAME = re.compile(r"[\w'’.-]+(?: [\w'’.-]+)*")


def actor_patterns() -> list[dict]:
    kb = knowledge_base()
    patterns: dict[tuple[str, str], str | None] = {}
    for state in kb.states.values():
        for name in (state.name, *state.aliases, state.capital, *state.capital_aliases):
            if name:
                patterns.setdefault((name, "GPE"), None)
        for seat in state.seats:
            patterns.setdefault((seat, "ORG"), None)
        for demonym in state.demonyms:
            patterns.setdefault((demonym, "NORP"), None)
    for actor in kb.actors.values():
        if actor.kind == "state":
            continue  # above
        # Organs are described ("Syrian military") more than named; only their own names are names.
        names = kb.named_organs.get(actor.id, ()) if actor.id in kb.organ_descriptions else (actor.name, *actor.aliases)
        for name in names:
            patterns.setdefault((name, "PERSON" if actor.kind == "person" else "ORG"), actor.id)
    # News outlets quoted as sources: the model often tags "Washington" alone in "The Washington Post said". Only
    # names of two words or more, all capitalised: a one-word name ("Time", "Dawn", "Mint") is a word as often.
    for outlet in OutletRegistry.default().outlets:
        for name in (outlet.name, *outlet.aliases):
            words = name.removeprefix("The ").split()
            if len(words) > 1 and all(w[:1].isupper() for w in words):
                patterns.setdefault((" ".join(words), "ORG"), None)
    # Places whose names hold a state's, a capital's or a people's name ("New Mexico", "Benin City", "British
    # Columbia", "South America", "the South China Sea"): patterns of their own, so that the longest match keeps the
    # state from being read inside them (Mexico as the governor's state, Benin as the target of an attack there).
    taken = {text for text, _ in patterns}
    for name, label in _places_holding({text for text, kind in patterns if kind in ("GPE", "NORP")}):
        if name not in taken:
            patterns[(name, label)] = None
    # News writes apostrophes curly as often as straight: "Da’esh", "Ahrar al-Sham’s".
    for (text, label), actor_id in list(patterns.items()):
        if "'" in text:
            patterns.setdefault((text.replace("'", "’"), label), actor_id)
    return [
        {"label": label, "pattern": text, **({"id": actor_id} if actor_id else {})}
        for (text, label), actor_id in patterns.items()
        if len(text) > 1
    ]


def _places_holding(names: set[str]) -> list[tuple[str, str]]:
    """The gazetteer's places whose names hold one of `names` as whole words, with the label a tagger gives them:
    a sea, a region or a continent is a LOC, anything else a GPE. Names as news writes them: of words and
    hyphens, without the commas and brackets of a formal form ("Praha, Hlavní město")."""
    longest = max(len(name.split()) for name in names)
    in_names = {word for name in names for word in name.split()}
    places = []
    for place in gazetteer().places:
        words = place.name.split()
        if len(words) < 2 or in_names.isdisjoint(words) or not _PLAIN_NAME.fullmatch(place.name):
            continue
        if any(" ".join(words[i:j]) in names
               for i in range(len(words)) for j in range(i + 1, min(i + longest, len(words) - (i == 0)) + 1)):
            places.append((place.name, "LOC" if place.feature in ("continent", "region", "water") else "GPE"))
    return places


def add_actor_ruler(nlp: Language) -> None:
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True}, **before)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(actor_patterns())
