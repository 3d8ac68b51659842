"""Step 1 of the events stage (`code.py`): the trigger words, each with the group of its word that fits.

Also found in the same Matcher pass: the words that set a context and the weapons named, read in step 5
(`circumstances.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span, Token

from dateline.events.vocabulary import Group, compiled_matcher

_NAME_LABELS = {"ORG", "PERSON", "GPE", "FAC", "LOC", "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}


@dataclass
class Trigger:
    token: Token
    span: Span
    word_class: str  # verbs, nouns, adjectives
    group: Group


class TriggerFinding:
    """Part of the coder (`code._Coder`): fills its `triggers`, `contexts` and `weapons` from the doc."""

    def _match(self) -> None:
        compiled, doc, groups = compiled_matcher(self.doc.vocab), self.doc, self.v.groups
        candidates: dict[int, list[tuple[int, str, str, Span]]] = {}
        seen: set[tuple[int, int]] = set()
        for match_id, start, end in self._matches(compiled):
            kind, detail = compiled.keys[match_id]
            if kind == "trigger":
                head = doc[start]
                for key in (head.lemma_.lower(), head.lower_):
                    if (detail, key) in groups:
                        candidates.setdefault(start, []).append((1, detail, key, None))
                        break
                continue
            if (start, end) in seen:
                continue
            seen.add((start, end))
            meanings = compiled.phrases.get(tuple(doc[i].lemma_.lower() for i in range(start, end)), ())
            for meaning in meanings:
                if meaning[0] == "context":
                    self.contexts.append((start, meaning[1]))
                elif meaning[0] == "weapon":
                    self.weapons.append((start, meaning[1]))
                else:
                    span = doc[start:end]
                    candidates.setdefault(span.root.i, []).append((end - start, meaning[1], meaning[2], span))
        for i, found in candidates.items():
            token = doc[i]
            if self.people.mention_at[i] is not None or token.ent_type_ in _NAME_LABELS:
                continue
            for _, word_class, key, span in sorted(found, key=lambda f: -f[0]):
                if word_class == "verbs" and token.pos_ != "VERB":
                    continue
                if word_class == "nouns" and token.pos_ not in ("NOUN", "PROPN") and span is None:
                    continue
                group = self._choose(token, groups[(word_class, key)])
                if group is not None:
                    self.triggers[i] = Trigger(token, span if span is not None else doc[i:i + 1], word_class, group)
                    break

    def _matches(self, compiled) -> list[tuple[int, int, int]]:
        """The matcher's matches over the whole doc, in its order, found by running it only over the stretches of
        tokens some pattern accepts (a lemma or form of the vocabulary, found with numpy): every match lies in one
        such stretch, and the matcher costs per token it reads (most of a doc is none of these words)."""
        doc = self.doc
        if not len(doc):
            return []
        hit = numpy.isin(doc.to_array(LEMMA), compiled.lemmas) | numpy.isin(doc.to_array(LOWER), compiled.lowers)
        edges = numpy.flatnonzero(numpy.diff(hit.astype(numpy.int8), prepend=0, append=0)).tolist()
        return [(match_id, start + s, end + s)
                for s, e in zip(edges[::2], edges[1::2]) for match_id, start, end in compiled.matcher(doc[s:e])]

    def _choose(self, token: Token, groups: tuple[Group, ...]) -> Group | None:
        """The first group whose conditions the word's objects and prepositions meet; a group that fits the
        direct object before one that fits only a prepositional object ("stopped work on the first day of a
        strike" is a strike, not a ceasefire)."""
        (primary, secondary), has_object, pronoun = self._objects(token)
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "prt", "dative")}
        window: set[str] | None = None
        for objects in (primary, primary | secondary):
            for group in groups:
                if group.preps and not group.preps & preps:
                    continue
                if group.objects:
                    if "*" in group.objects:
                        if not has_object:
                            continue
                    elif not group.objects & objects:
                        if not pronoun:
                            continue
                        if window is None:
                            window = self._recent_nouns(token)
                        if not group.objects & window:
                            continue
                elif objects is primary and any(g.objects and g.objects & secondary for g in groups):
                    continue  # a plain group waits until the constrained ones had the prepositional objects
                return group
        return None

    def _objects(self, token: Token) -> tuple[tuple[set[str], set[str]], bool, bool]:
        """Lemmas of what a word acts on: objects, the nouns after its particle or prepositions, the subject of
        a passive or of an intransitive verb, with the words of their phrases ("state of emergency")."""
        primary: set[str] = set()
        secondary: set[str] = set()
        lemmas = primary
        pronoun = False

        def add(noun: Token, depth: int = 0) -> None:
            nonlocal pronoun
            lemma = noun.lemma_.lower()
            lemmas.update((lemma, noun.lower_))
            if noun.pos_ == "PRON":
                pronoun = True
            for child in noun.children:
                if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
                    modifier = child.lemma_.lower()
                    lemmas.update((modifier, f"{modifier} {lemma}", f"{child.lower_} {noun.lower_}"))
                elif child.dep_ == "prep" and child.lower_ == "of" and depth < 2:
                    for object_ in child.children:
                        if object_.dep_ == "pobj":
                            lemmas.add(f"{lemma} of {object_.lemma_.lower()}")
                            if lemma in self.v.measure_nouns or depth == 0:
                                add(object_, depth + 1)
            for conjunct in noun.conjuncts:
                if conjunct.i > noun.i:
                    lemmas.add(conjunct.lemma_.lower())

        has_object = False
        subjects, prepositional = [], []
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "xcomp", "dative"):
                add(child)
                has_object = has_object or child.dep_ in ("dobj", "xcomp", "dative", "nsubjpass")
            elif child.dep_ in ("prep", "agent", "prt"):
                prepositional.extend((child.lower_, o) for o in child.children if o.dep_ in ("pobj", "pcomp"))
            elif child.dep_ in ("nsubj",):
                subjects.append(child)
        # With a direct object, only "to"/"on"/"onto" phrases say what it is put to ("add two more to the list");
        # without one, the prepositional object is what the verb acts on ("walked out of the talks").
        if token.pos_ == "VERB" and not has_object:
            for subject in subjects:
                add(subject)
        if token.dep_ == "acl" and token.tag_ == "VBN":  # "an agreement reached in February"
            add(token.head)
        if token.pos_ in ("NOUN", "PROPN"):
            add(token)
        lemmas = primary if not has_object else secondary
        for preposition, object_ in prepositional:
            if not has_object or preposition in ("to", "on", "onto", "into"):
                add(object_)
        return (primary, secondary), has_object, pronoun

    def _recent_nouns(self, token: Token) -> set[str]:
        """Nouns of the two sentences before a word and of its own: what a pronoun object may stand for."""
        start = token.sent.start
        for _ in range(2):
            if start > 0:
                start = self.doc[start - 1].sent.start
        return {t.lemma_.lower() for t in self.doc[start:token.i] if t.pos_ == "NOUN"}
