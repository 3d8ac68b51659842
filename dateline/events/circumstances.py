"""Step 5 of the events stage (`code.py`): when and where an act is, in which quotation, in what context, with
what weapons."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.events.dates import EventDate, resolve
from dateline.events.triggers import Trigger
from dateline.events.vocabulary import Group

try:  # the places stage: where a sentence happens
    from dateline.geo import place_of_sentence
except ImportError:  # pragma: no cover - an install without the places stage
    place_of_sentence = None

_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into", "within", "along"}
# Dependencies that open another clause or a side remark: a place beyond them is not where the act happens.
_CLAUSE_DEPS = {"relcl", "acl", "appos", "ccomp", "advcl", "xcomp", "csubj", "parataxis"}
_SPECIFIC = {"district": 0, "neighbourhood": 0, "neighborhood": 0, "city": 1, "admin2": 2, "admin1": 3,
             "region": 4, "water": 4, "country": 5, "continent": 6}


class Circumstances:
    """Part of the coder (`code._Coder`): reads its article, `people`, `contexts` and `weapons`; fills and reads
    `date_ents`."""

    def _attach_dates(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            node = ent.root.head
            if node.dep_ == "prep" or node.pos_ == "ADP":
                node = node.head
            self.date_ents.setdefault(node.i, ent)

    def _date(self, token: Token, predicate: Token | None, future: bool) -> tuple[EventDate | None, bool]:
        node, nodes = token, [token]
        if predicate is not None:
            nodes.append(predicate)
        while node.head != node:
            node = node.head
            nodes.append(node)
        for node in nodes:
            ent = self.date_ents.get(node.i)
            if ent is not None and (found := resolve(ent.text, self.anchor, future=future)) is not None:
                return found, True
        if self.anchor is None:
            return None, False
        published = self.article.published
        return EventDate(published, self.anchor_precision or "day"), False

    def _place(self, trigger: Trigger, predicate: Token | None) -> tuple[int | None, bool]:
        """Where the act is (an index into the article's places) and whether the act's own words say so: a place
        in the act's noun phrase ("airstrikes on militant-held areas of Aleppo"), or after a locative
        preposition of its verb ("left the talks in the Swiss city of Geneva"); else the sentence's place."""
        places = self.article.places
        if not places:
            return None, False
        candidates = []
        for scope, nominal in ((trigger.token, trigger.word_class == "nouns"), (predicate, False)):
            if scope is None or (not nominal and scope.pos_ not in ("VERB", "AUX", "ADJ")):
                continue
            for node in scope.subtree:
                index = self.people.place_at[node.i]
                if index is not None and self.people.mention_at[node.i] is None and self._located(node, scope, nominal):
                    candidates.append((_SPECIFIC.get(places[index].get("feature"), 7), node.i, index))
            if candidates:
                return min(candidates)[2], True
        if place_of_sentence is not None:
            sentence = trigger.token.sent
            return place_of_sentence(self.article, sentence.start_char, sentence.end_char), False
        return None, False

    @staticmethod
    def _located(node: Token, scope: Token, nominal: bool) -> bool:
        """Whether a place word sets where the act is: inside the act's noun phrase, or after a locative
        preposition of its verb; never across a clause or a side remark."""
        while node != scope and node.head != node:
            if node.dep_ in _CLAUSE_DEPS:
                return False
            if not nominal and node.dep_ == "prep" and node.head == scope:
                return node.lower_ in _LOCATIVE
            node = node.head
        return nominal and node == scope

    def _quote(self, token: Token) -> tuple[int | None, str | None]:
        for index, quote in enumerate(self.article.quotes):
            cue = quote.get("cue") or {}
            if quote["start"] <= token.idx < quote["end"] or cue.get("start", -1) <= token.idx < cue.get("end", -1):
                speaker = quote.get("speaker") or {}
                return index, speaker.get("actor")
        return None, None

    def _context(self, group: Group, sentence: Span) -> list[str]:
        found = list(group.context)
        for i, name in self.contexts:
            if sentence.start <= i < sentence.end and name not in found:
                found.append(name)
        return found[:3]

    def _weapon_mode(self, trigger: Trigger, predicate: Token | None) -> str | None:
        scope = predicate if predicate is not None else trigger.token
        low, high = scope.left_edge.i, scope.right_edge.i
        named = {mode for i, mode in self.weapons if low <= i <= high}
        return next((mode for mode in self.v.weapons if mode in named), None)
