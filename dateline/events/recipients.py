"""Step 3 of the events stage (`code.py`), when the act's own words name no target: the authority a protest is
aimed at, the country of a domestic recipient, the people of the place an act is done to."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.circumstances import _CLAUSE_DEPS, _LOCATIVE
from dateline.events.participants import Participant
from dateline.events.triggers import Trigger


class Recipients:
    """Part of the coder (`code._Coder`): reads its `contents` and `people`."""

    def _authority_in(self, trigger: Trigger, predicate: Token | None, source) -> list[Participant]:
        """Whom a protest is aimed at, when no preposition says: the authority its purpose or reason names ("to
        demand elections from President Varga's cabinet", "in protest of the ministry's refusal",
        "calling for independence from Iraq"); protests are aimed at authorities (PLOVER 3.12)."""
        scope = predicate if predicate is not None else trigger.token
        subject, _ = self._subject(scope) if scope.pos_ in ("VERB", "AUX") else (None, False)
        skip = range(subject.left_edge.i, subject.right_edge.i + 1) if subject is not None else range(0)
        source_ids = {p.actor for p in source}
        for node in scope.subtree:
            if node.i in skip or node.i < scope.i:
                continue
            mention = self.people.mention_at[node.i]
            if mention is None or mention["actor"] in source_ids:
                continue
            actor = self.people.actors.get(mention["actor"]) or {}
            if actor.get("kind") in ("government", "state", "military") or (
                    actor.get("kind") == "person" and actor.get("sector") in ("GOV", "MIL")):
                return [Participant(mention["actor"], mention["start"], mention["end"], mention["text"])]
        return []

    def _domestic(self, target: list[Participant], source) -> list[Participant]:
        """Repression and concessions are domestic unless the text says otherwise: a generic recipient with no
        country of its own ("the opposition newspaper La Prensa") is of the acting state's country."""
        countries = {self.people.actors[p.actor].get("country") for p in source
                     if p.actor and p.actor in self.people.actors} - {None}
        if len(countries) != 1:
            return target
        country = countries.pop()
        kept = []
        for participant in target:
            if participant.actor and participant.actor.startswith("generic:"):
                span = self.doc.char_span(participant.start, participant.end, alignment_mode="expand")
                found = self.people.generic_of(span.root, country) if span is not None else None
                kept.append(found or participant)
            else:
                kept.append(participant)
        return kept

    def _place_recipient(self, trigger: Trigger, predicate: Token | None, event_type: str,
                         content_type: str | None) -> list[Participant]:
        """The people of the place an act is done to, for the types of `[targets.places]` (a refusal or a
        threat takes its act's type: "refused to send monitors to Ruritania")."""
        act_type = content_type if event_type in ("REJECT", "THREATEN", "AGREE", "CONCEDE") and content_type \
            else event_type
        if trigger.group.mode and f"{act_type}:{trigger.group.mode}" in self.v.place_targets:
            act_type = f"{act_type}:{trigger.group.mode}"
        elif act_type not in self.v.place_targets:
            return []
        scopes = [trigger.token] if predicate is None else [predicate, trigger.token]
        for content in self.contents.get(trigger.token.i, []):
            scopes.append(content.token)
        objects_only = act_type.split(":")[0] in self.v.place_objects_only
        for scope in scopes:
            objects = [c for c in scope.children if c.dep_ in ("dobj", "nsubjpass", "xcomp")]
            objects += [o for c in scope.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")
                        for o in c.children if o.dep_ == "pobj"] if objects_only else []
            heads = objects if objects_only else [scope, *objects]
            for head in heads:
                for prep in head.children:
                    if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
                        continue
                    for node in prep.subtree:
                        if any(t.dep_ in _CLAUSE_DEPS for t in _path(node, prep)):
                            continue
                        mention = self.people.mention_at[node.i]
                        if mention is not None:
                            if self.people.actors.get(mention["actor"], {}).get("kind") == "state":
                                return [Participant(mention["actor"], mention["start"], mention["end"],
                                                    mention["text"])]
                            continue
                        index = self.people.place_at[node.i]
                        if index is not None:
                            found = self.people.of_place(index, act_type in self.v.place_states)
                            if found is not None:
                                return [found]
        return []


def _path(node: Token, top: Token) -> list[Token]:
    """The words from `node` up to (not including) `top`."""
    path = []
    while node != top and node.head != node:
        path.append(node)
        node = node.head
    return path
