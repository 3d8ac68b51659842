"""Step 3 of the events stage (`code.py`): who acts (the source) and who is acted on (the target).

The words come from the act's predicate (`clauses.py`); the actor behind a word is `participants.py`'s.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.participants import Participant
from dateline.events.triggers import Trigger

_AGENT_PREPS = {"by", "from"}


class Roles:
    """Part of the coder (`code._Coder`): reads its `triggers`, `consumed` and `people`."""

    def _sources(self, trigger: Trigger, predicate: Token | None) -> tuple[list[Participant], list[Participant]]:
        """Who acts, and (for a passive) who is acted on."""
        token = trigger.token
        if predicate is not None and predicate.pos_ in ("VERB", "AUX", "ADJ"):
            subject, passive = self._subject(predicate)
            if passive:
                agents = self._agents(predicate)
                patients = self.people.of(subject) if subject is not None else []
                if not agents and trigger.group.frame in ("agree", "commit", "intend", "prepare"):
                    return patients, []  # "Vietnam is committed to ...", "is prepared to ..."
                return agents, patients
            if subject is not None:
                if subject.i in self.triggers and trigger.word_class != "nouns" \
                        and subject.lemma_ in self.v.proposal_nouns | {"effort", "attempt", "plan"}:
                    return self._noun_agents(subject), []
                found = self.people.of(subject)
                if not found and subject.pos_ in ("NOUN", "PROPN"):
                    found = self._noun_agents(subject)
                if not found and subject.tag_ in ("NNS", "NNPS") and subject.i not in self.triggers:
                    # people the actors stage does not know ("Islamic fundamentalists"): the words, no actor
                    span = self.people._phrase(subject)
                    found = [Participant(None, span.start_char, span.end_char, span.text)]
                return found, []
            if trigger.word_class != "nouns":
                return [], []
        found = self._noun_agents(token)
        if not found and token.dep_ == "pobj" and token.head.lower_ in ("for", "to") \
                and token.head.head.lemma_.lower() in self.v.travel_verbs:
            # "Ruritanian and Freedonian envoys go to Vienna for talks": who travels for the act does it
            subject, passive = self._subject(token.head.head)
            if subject is not None and not passive:
                found = self.people.of(subject)
        return found, []

    def _agents(self, verb: Token) -> list[Participant]:
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for object_ in child.children:
                    if object_.dep_ == "pobj":
                        return self.people.of(object_)
        return []

    def _noun_agents(self, noun: Token) -> list[Participant]:
        """Who does what a noun names: "Syria's offensive", "Syrian airstrikes", "a demand by the HNC", "its
        invasion" (its: the clause's subject), "an appeal from President Gbagbo"."""
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i:
                if child.dep_ == "amod" and self.people.mention_at[child.i] is None:
                    continue  # "the terrorist threat": an adjective that names no actor
                found = self.people.of(child, conjuncts=True)
                found = [p for p in found if p.actor or child.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")]
                if found:
                    return found
        owners = [noun]
        if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            owners.append(noun.head)
        for owner in owners:
            for child in owner.children:
                if (child.dep_ in ("prep", "agent") and child.lower_ in _AGENT_PREPS):
                    for object_ in child.children:
                        if object_.dep_ == "pobj":
                            found = self.people.of(object_)
                            if found:
                                return found
        return []

    def _targets(self, trigger: Trigger, predicate: Token | None, event_type: str) -> list[Participant]:
        preps = self.v.target_preps(event_type)
        found: list[Participant] = []
        heads = [trigger.token] if predicate is None or predicate == trigger.token else [predicate, trigger.token]
        objects = []
        for head in heads:
            for child in head.children:
                if child.dep_ in ("dobj", "dative", "iobj") and child != trigger.token:
                    if child.i in self.triggers or child.lemma_.lower() in self.v.proposal_nouns:
                        found.extend(p for p in self._noun_agents(child) if p.actor)  # "support a UN resolution"
                        objects.append(child)
                        continue
                    if child.pos_ == "ADP":  # "providing photographs to Macedonia" (a dative with its preposition)
                        direct = [p for o in child.children if o.dep_ == "pobj" for p in self._object(o)]
                    else:
                        direct = self._object(child)
                    found.extend(direct)
                    if not any(p.actor for p in direct):
                        objects.extend((child, *child.conjuncts))
        # "threatened more steps against Freedonia", "handing maps to Ruritania"
        heads = heads + [o for o in objects if o.i not in self.consumed or o.i in self.triggers]
        for head in heads:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    for object_ in child.children:
                        if object_.dep_ == "pobj" and not self._is_place(object_):
                            if object_.i in self.triggers and object_.i not in self.consumed:
                                found.extend(p for p in self._noun_agents(object_) if p.actor)
                            else:
                                found.extend(self._object(object_))
                            if child.lower_ == "of" and not any(p.actor for p in found):
                                # "a halt to rail links with Freedonia"
                                for inner in object_.children:
                                    if inner.dep_ == "prep" and inner.lower_ in preps and inner.lower_ != "of":
                                        found.extend(p for o in inner.children if o.dep_ == "pobj"
                                                     for p in self._object(o))
                elif child.dep_ == "prep" and child.lower_ == "for" and event_type in ("MOBILIZE", "THREATEN"):
                    # "called up reserves for a possible war against Freedonia": the war's target
                    for object_ in child.children:
                        if object_.dep_ == "pobj" and object_.i in self.triggers \
                                and self.triggers[object_.i].group.type == "ASSAULT":
                            war = self.triggers[object_.i]
                            found.extend(p for p in self._targets(war, None, "ASSAULT") if p.actor)
        return _unique(found)

    def _object(self, token: Token) -> list[Participant]:
        found = self.people.of(token)
        # "add two more to them ..., namely Jaysh al-Islam and Ahrar ash-Sham": an enumeration names them.
        if not found and (token.like_num or token.pos_ in ("NUM", "PRON")):
            found = self._enumerated(token)
        return found

    def _object_participants(self, token: Token) -> list[Participant]:
        found = []
        for child in token.children:
            if child.dep_ in ("dobj", "dative") and child.i not in self.triggers:
                found.extend(self.people.of(child))
        return found

    def _enumerated(self, token: Token) -> list[Participant]:
        sentence = token.sent
        for t in sentence:
            such_as = t.lower_ == "such" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "as"
            if t.i > token.i and (t.lower_ in ("namely", "including") or such_as):
                found: list[Participant] = []
                for u in sentence[t.i - sentence.start + 1:]:
                    mention = self.people.mention_at[u.i]
                    if mention is not None:
                        if not found or found[-1].start != mention["start"]:
                            found.append(Participant(mention["actor"], mention["start"], mention["end"],
                                                     mention["text"]))
                    elif u.lower_ not in ("and", "or", ",", "as") or (found and u.lower_ == "as"):
                        break
                return found
        return []

    def _is_place(self, token: Token) -> bool:
        return self.people.mention_at[token.i] is None and (
            self.people.place_at[token.i] is not None or token.ent_type_ in ("LOC", "FAC"))


def _unique(participants: list[Participant]) -> list[Participant]:
    seen, kept = set(), []
    for participant in participants:
        key = participant.actor or (participant.start, participant.end)
        if key not in seen:
            seen.add(key)
            kept.append(participant)
    return kept
