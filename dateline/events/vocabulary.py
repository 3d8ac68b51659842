"""The event vocabulary of `data/events.toml`, read once, and the spaCy matcher compiled from it once per model.

One `Matcher` finds every trigger word, every context keyword and every weapon word of a document in a single
pass; what a match means is then a dictionary look-up (`Vocabulary.groups`), never a loop over the vocabulary.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy
from spacy.lang.en import English
from spacy.matcher import Matcher
from spacy.vocab import Vocab

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONCESSIONS = frozenset({"CONCEDE", "RETREAT"})
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
# Frames whose content is no event of its own but the mode or target of the framing act.
CONSUMING_FRAMES = frozenset({"request", "reject", "agree", "commit", "threaten", "accuse", "order"})
FRAMES = CONSUMING_FRAMES | {"intend", "prepare", "report"}
WORD_CLASSES = ("verbs", "nouns", "adjectives")


@dataclass(frozen=True)
class Group:
    """One [[group]] of the vocabulary: an act, its words and the conditions on their use."""

    index: int
    type: str | None
    mode: str | None
    cameo: str | None
    context: tuple[str, ...]
    frame: str | None
    objects: frozenset[str]  # empty: any; "*": some direct object
    preps: frozenset[str]
    priority: int

    @property
    def constrained(self) -> bool:
        return bool(self.objects or self.preps)


@dataclass(frozen=True)
class Vocabulary:
    # (word class, lemma or phrase) -> groups in the order they are tried
    groups: dict[tuple[str, str], tuple[Group, ...]]
    future: frozenset[str]
    future_heads: frozenset[str]
    hypothetical: frozenset[str]
    obligation: frozenset[str]
    obligation_heads: frozenset[str]
    conditional_marks: frozenset[str]
    irrealis_nouns: frozenset[str]
    negations: frozenset[str]
    negated: dict[str, str]
    future_types: dict[str, str]
    intended_types: dict[str, str]
    request_modes: dict[str, str]
    threaten_modes: dict[str, str]
    cameo: dict[str, str]
    light_verbs: frozenset[str]
    setting_preps: frozenset[str]
    measure_nouns: frozenset[str]
    carrier_nouns: frozenset[str]
    travel_verbs: frozenset[str]
    proposal_nouns: frozenset[str]
    participants: dict[str, str]  # head lemma, or "modifier head" lemmas -> sector
    participant_organs: dict[str, str]  # sector -> organ key of the actor knowledge base
    targets: dict[str, frozenset[str]]  # event type or "*" -> prepositions that introduce its target
    place_targets: frozenset[str]  # types whose act on a place makes the place's people its recipient
    place_states: frozenset[str]  # of those, types whose recipient is the state even for a town
    place_objects_only: frozenset[str]  # of those, types whose place must locate the act's object
    weapons: tuple[str, ...]  # modes, in the order tried
    obligation_is_request: bool = True

    def target_preps(self, event_type: str) -> frozenset[str]:
        return self.targets.get(event_type, self.targets["*"])

    def cameo_for(self, event_type: str, mode: str | None = None, content_type: str | None = None) -> str | None:
        for key in (f"{event_type}:{mode}" if mode else None, f"{event_type}<-{content_type}" if content_type else None,
                    event_type):
            if key and key in self.cameo:
                return self.cameo[key]
        return None


def _data() -> dict:
    return tomllib.loads(resources.files("dateline.data").joinpath("events.toml").read_text(encoding="utf-8"))


@cache
def vocabulary() -> Vocabulary:
    data = _data()
    groups: dict[tuple[str, str], list[Group]] = {}
    for index, spec in enumerate(data["group"]):
        if spec.get("type") and spec["type"] not in TYPES:
            raise ValueError(f"events.toml group {index}: unknown PLOVER type {spec['type']!r}")
        if spec.get("frame") and spec["frame"] not in FRAMES:
            raise ValueError(f"events.toml group {index}: unknown frame {spec['frame']!r}")
        group = Group(
            index=index, type=spec.get("type"), mode=spec.get("mode"), cameo=spec.get("cameo"),
            context=tuple(spec.get("context", ())), frame=spec.get("frame"),
            objects=frozenset(spec.get("objects", ())), preps=frozenset(spec.get("preps", ())),
            priority=spec.get("priority", 0),
        )
        for word_class in WORD_CLASSES:
            for word in spec.get(word_class, ()):
                groups.setdefault((word_class, word.lower()), []).append(group)
    ordered = {
        key: tuple(sorted(found, key=lambda g: (not g.constrained, -g.priority, g.index)))
        for key, found in groups.items()
    }
    modality, negation, light = data["modality"], data["negation"], data["light_verbs"]
    return Vocabulary(
        groups=ordered,
        future=frozenset(modality["future"]),
        future_heads=frozenset(modality["future_heads"]),
        hypothetical=frozenset(modality["hypothetical"]),
        obligation=frozenset(modality["obligation"]),
        obligation_heads=frozenset(modality["obligation_heads"]),
        conditional_marks=frozenset(modality["conditional_marks"]),
        irrealis_nouns=frozenset(modality["irrealis_nouns"]),
        negations=frozenset(negation["words"]),
        negated=dict(negation["recode"]),
        future_types=dict(data["future"]),
        intended_types=dict(data["intended"]),
        request_modes=dict(data["request_modes"]),
        threaten_modes=dict(data["threaten_modes"]),
        cameo=dict(data["cameo"]),
        light_verbs=frozenset(light["verbs"]),
        setting_preps=frozenset(data["settings"]["prepositions"]),
        measure_nouns=frozenset(light["measure_nouns"]),
        carrier_nouns=frozenset(light["carrier_nouns"]),
        travel_verbs=frozenset(light["travel_verbs"]),
        proposal_nouns=frozenset(light["proposal_nouns"]),
        participants={k: v for k, v in data["participants"].items() if isinstance(v, str)},
        participant_organs=dict(data["participants"]["organs"]),
        targets={k: frozenset(v) for k, v in data["targets"].items() if k != "places"},
        place_targets=frozenset(data["targets"]["places"]["types"]),
        place_states=frozenset(data["targets"]["places"]["state"]),
        place_objects_only=frozenset(data["targets"]["places"]["objects_only"]),
        weapons=tuple(data["weapons"]),
        obligation_is_request=data["frames"]["report"].get("obligation_is_request", True),
    )


@dataclass(frozen=True)
class CompiledMatcher:
    matcher: Matcher
    # matcher key -> ("trigger", word class) for single trigger words, ("phrase", length) for word sequences
    keys: dict[int, tuple[str, object]]
    # a phrase's words (lower-cased lemmas or forms) -> what it means: ("trigger", word class, phrase),
    # ("context", name) or ("weapon", mode)
    phrases: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
    # every lemma (hash) some pattern accepts at some position, and every lower-cased form (hash) a single trigger
    # word accepts: a match holds only such tokens, so the matcher needs to run only over their stretches
    lemmas: numpy.ndarray
    lowers: numpy.ndarray


@cache
def compiled_matcher(vocab: Vocab) -> CompiledMatcher:
    """All trigger words, context words and weapon words of the vocabulary in one Matcher, built once per model.

    Single trigger words match on the lemma and part of speech (so "attack" the verb and "attack" the noun go to
    their own groups). Word sequences (phrases, context and weapon words) are matched on lemmas with one pattern
    per length whose positions accept any word that some sequence has there; a match is then looked up, as a
    whole, in `phrases`. A vocabulary phrase written with a plural ("peace talks") is also kept under its
    singular, the lemma spaCy gives. A handful of patterns, whatever the size of the vocabulary.
    """
    data, vocabulary_ = _data(), vocabulary()
    tokenizer = English(vocab=vocab).tokenizer
    matcher = Matcher(vocab)
    keys: dict[int, tuple[str, object]] = {}
    single: dict[str, set[str]] = {c: set() for c in WORD_CLASSES}
    phrases: dict[tuple[str, ...], list[tuple[str, ...]]] = {}

    def words_of(text: str) -> tuple[str, ...]:
        return tuple(t.lower_ for t in tokenizer(text))

    def add_phrase(words: tuple[str, ...], meaning: tuple[str, ...]) -> None:
        singular = tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
        for form in dict.fromkeys((words, singular)):
            phrases.setdefault(form, []).append(meaning)

    for word_class, word in vocabulary_.groups:
        words = words_of(word)
        if len(words) == 1:
            single[word_class].add(words[0])
        else:
            add_phrase(words, ("trigger", word_class, word))
    for name, words in data["contexts"].items():
        for word in words:
            add_phrase(words_of(word), ("context", name))
    for mode, words in data["weapons"].items():
        for word in words:
            add_phrase(words_of(word), ("weapon", mode))

    pos = {"verbs": ["VERB"], "nouns": ["NOUN"], "adjectives": ["ADJ", "VERB"]}
    for word_class, lemmas in single.items():
        key = f"trigger|{word_class}"
        keys[vocab.strings.add(key)] = ("trigger", word_class)
        matcher.add(key, [
            [{"LEMMA": {"IN": sorted(lemmas)}, "POS": {"IN": pos[word_class]}}],
            [{"LOWER": {"IN": sorted(lemmas)}, "POS": {"IN": pos[word_class]}}],
        ])
    by_length: dict[int, list[set[str]]] = {}
    for words in phrases:
        positions = by_length.setdefault(len(words), [set() for _ in words])
        for i, word in enumerate(words):
            positions[i].add(word)
    for length, positions in by_length.items():
        key = f"phrase|{length}"
        keys[vocab.strings.add(key)] = ("phrase", length)
        matcher.add(key, [[{"LEMMA": {"IN": sorted(p)}} for p in positions]])
    singles = set().union(*single.values())
    lemmas = singles.union(*(set(words) for words in phrases))
    return CompiledMatcher(matcher, keys, {words: tuple(found) for words, found in phrases.items()},
                           numpy.array(sorted(vocab.strings.add(w) for w in lemmas), dtype="uint64"),
                           numpy.array(sorted(vocab.strings.add(w) for w in singles), dtype="uint64"))
