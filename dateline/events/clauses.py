"""The parse around a trigger: the verb that carries its act, the verbs that control that verb, its subject."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.triggers import Trigger


class Clauses:
    """Part of the coder (`code._Coder`): reads its `triggers` and `people`."""

    def _predicate(self, trigger: Trigger) -> Token | None:
        """The verb that carries the act: the trigger itself, the copula of "is willing", the light verb of a
        noun act ("held talks", "a series of airstrikes"); None for a noun that stands alone."""
        token = trigger.token
        if trigger.word_class == "verbs":
            return token
        if trigger.word_class == "adjectives":
            return token.head if token.dep_ in ("acomp", "amod") and token.head.pos_ in ("AUX", "VERB") else token
        node = token
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_ in self.v.measure_nouns:
            node = node.head.head
        elif node.dep_ == "compound" and node.head.lemma_.lower() in self.v.carrier_nouns \
                and (node.head.i not in self.triggers or self.triggers[node.head.i].group.type is None):
            node = node.head
        head = node.head
        carried = head.i not in self.triggers or self.triggers[head.i].group.type is None  # "announced a suspension"
        if node.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and carried \
                and head.lemma_.lower() in self.v.light_verbs:
            return head
        return None

    def _chain(self, verb: Token) -> list[Token]:
        """A verb and the verbs that control it: "going to put", "trying to add", "willing to withdraw"."""
        chain = [verb]
        node = verb
        while node.dep_ in ("xcomp", "acomp") and node.head != node and len(chain) < 6:
            node = node.head
            chain.append(node)
        return chain

    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """A verb's subject and whether it is the subject of a passive; controlled and shared subjects too."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj", "expl"):
                if child.dep_ == "expl":
                    return None, False
                if child.pos_ == "VERB":  # "The Red Cross working in Ruritania said": a misread participle
                    inner = next((c for c in child.children if c.dep_ == "nsubj"), None)
                    if inner is not None:
                        return inner, False
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if depth > 5 or verb.head == verb:
            return None, False
        head = verb.head
        if verb.dep_ == "relcl":
            return head, False
        if verb.dep_ == "acl":
            if verb.tag_ == "VBG" and head.dep_ in ("dobj", "pobj") and not self.people.of(head, conjuncts=False):
                # "the rebels issued a statement demanding that ...": whoever issued it demands
                return self._subject(head.head if head.dep_ == "dobj" else head.head.head, depth + 1)
            return head, verb.tag_ == "VBN"
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            owner = head.head
            if owner.pos_ in ("NOUN", "PROPN"):
                return owner, False
            if owner.lemma_ == "be":
                noun = next((c for c in owner.children if c.dep_ == "nsubj"), None)
                if noun is not None:
                    return noun, False
            return self._subject(owner, depth + 1)
        if verb.dep_ in ("xcomp", "acomp", "conj", "advcl", "ccomp") and verb.dep_ != "ccomp":
            if verb.dep_ == "xcomp":
                # "urged Syria to stop": the object of the controlling verb is the subject of the infinitive
                for child in head.children:
                    if child.dep_ in ("dobj",) and child.i not in self.triggers and self.people.of(child):
                        return child, False
            return self._subject(head, depth + 1)
        return None, False
