"""Step 4 of the events stage (`code.py`): whether an act is negated, future, obliged or hypothetical, and the
acts that are not done at all (a scene-setting noun, an act under a right or an ability). `code._Coder._code`
turns these into the type and modality."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.triggers import Trigger


class Modality:
    """Part of the coder (`code._Coder`): reads its vocabulary and `triggers`."""

    def _negated(self, trigger: Trigger, chain: list[Token]) -> bool:
        words = self.v.negations
        for node in chain or [trigger.token]:
            for child in node.children:
                if child.dep_ == "neg" or (
                        child.dep_ in ("advmod", "preconj") and child.lower_ in words and child.lower_ != "no"):
                    return True
        if trigger.word_class == "nouns":
            return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.token.children)
        return False

    def _future(self, chain: list[Token]) -> bool:
        return _marked(chain, self.v.future, self.v.future_heads)

    def _obliged(self, chain: list[Token]) -> bool:
        return _marked(chain, self.v.obligation, self.v.obligation_heads)

    def _hypothetical(self, trigger: Trigger, chain: list[Token]) -> bool:
        for node in chain or [trigger.token]:
            for child in node.children:
                if child.dep_ == "aux" and child.lower_ in self.v.hypothetical:
                    return True
        top = chain[-1] if chain else trigger.token
        node = top
        for _ in range(3):
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.v.conditional_marks
                                             for c in node.children):
                return True
            if node.head == node:
                break
            node = node.head
        return False

    def _setting(self, trigger: Trigger) -> bool:
        """A noun act that only sets the scene ("at a conference", "after fierce fighting") and names no actor of
        its own (a possessor or a "by" phrase)."""
        token = trigger.token
        if trigger.word_class != "nouns" or token.dep_ != "pobj" or token.head.lower_ not in self.v.setting_preps:
            return False
        own = any(c.dep_ == "poss" for c in token.children) or any(
            c.dep_ == "prep" and c.lower_ in ("by", "between", "with") for c in token.children)
        return not own

    def _irrealis(self, token: Token) -> bool:
        """An act under a right or an ability ("Syria's right to fighting terrorists") is not done."""
        node = token
        for _ in range(3):
            if node.head == node:
                return False
            node = node.head
            if node.pos_ == "NOUN" and node.lemma_ in self.v.irrealis_nouns and node.i not in self.triggers:
                return True
            if node.pos_ in ("VERB", "AUX"):
                return False
        return False


def _marked(chain: list[Token], auxiliaries, heads) -> bool:
    """Whether an auxiliary of the verb chain ("will", "must"), or a verb above its first ("is set to", "has to"),
    marks it."""
    for node in chain:
        if any(child.dep_ == "aux" and child.lower_ in auxiliaries for child in node.children):
            return True
        if node != chain[0] and node.lemma_ in heads:
            return True
    return False
