"""Step 4 of the events stage (`code.py`) for an act that frames another (a request, refusal, agreement,
commitment, threat, order or accusation): the event's type, mode, CAMEO code and target, read from the framed act
and from whom it asks or concerns."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.participants import Participant
from dateline.events.triggers import Trigger
from dateline.events.vocabulary import CONCESSIONS, CONFLICT, COOPERATIVE


class Framing:
    """Part of the coder (`code._Coder`): reads its `triggers` and `people`."""

    def _frame(self, trigger: Trigger, frame: str, content: list[Trigger], source, target):
        """Type, mode, CAMEO code and target of an act that frames another (content) act."""
        group, token = trigger.group, trigger.token
        content = sorted(content, key=lambda c: (c.word_class == "nouns", c.token.i))  # the asked act's verb first
        first = content[0] if content else None
        content_type = first.group.type if first else None
        content_mode = first.group.mode if first else None
        content_target = self._content_target(first) if first else []
        own = [p for p in target if p.actor]
        if frame == "request":
            asked = self._asked(trigger)
            mode = group.mode or (self.v.request_modes.get(content_type) if content_type else None)
            target = own or asked or content_target
            return "REQUEST", mode, self.v.cameo_for("REQUEST", mode) if not group.mode else group.cameo, target, \
                content_type
        if frame == "reject":
            proposal = self._proposal_author(token)
            mode = self.v.request_modes.get(content_type) if content_type else None
            target = proposal or own or content_target
            return "REJECT", mode, self.v.cameo_for("REJECT", mode), target, content_type
        if frame in ("agree", "commit"):
            refused = [r for r in self._content_roots(trigger) if r.dep_ == "xcomp" and any(
                c.dep_ == "neg" for c in r.children)]
            if refused:  # "vowed not to hand back the border valley": a refusal
                mode = self.v.request_modes.get(content_type) if content_type else None
                return "REJECT", mode, self.v.cameo_for("REJECT", mode), content_target or own, content_type
            if content_type is None:
                proposal = self._proposal_author(token)
                return group.type, group.mode, group.cameo, proposal or own, None
            if content_type in COOPERATIVE:
                event_type, mode = "AGREE", None
            elif content_type in CONCESSIONS:
                event_type, mode = "CONCEDE", None
            elif content_type in CONFLICT or content_type == "REJECT":
                event_type = "THREATEN" if frame == "commit" else content_type
                mode = self._threat_mode(content_type, content_mode) if frame == "commit" else content_mode
            else:
                event_type, mode = content_type, content_mode
            cameo = first.group.cameo if event_type == content_type else self.v.cameo_for(event_type, mode,
                                                                                           content_type)
            return event_type, mode, cameo, content_target or own, content_type
        if frame == "threaten":
            if token.lemma_ in ("warn", "caution"):
                demand = self._conditional_demand(trigger, source)
                if demand is not None:
                    asked_of, asked_type = demand
                    mode = self.v.request_modes.get(asked_type) if asked_type else None
                    return "REQUEST", mode, self.v.cameo_for("REQUEST", mode), asked_of, asked_type
                if first is None:
                    return None
            mode = self._threat_mode(content_type, content_mode) if content_type else None
            target = content_target or own or self._clause_targets(trigger, "THREATEN") \
                or self._condition_subjects(trigger, source)
            return "THREATEN", mode, self.v.cameo_for("THREATEN", mode), target, content_type
        if frame == "order":
            asked = self._asked(trigger)
            if content_type in CONFLICT:
                return content_type, content_mode, first.group.cameo, asked or content_target, content_type
            mode = self.v.request_modes.get(content_type) if content_type else None
            return "REQUEST", mode, self.v.cameo_for("REQUEST", mode), asked or content_target, content_type
        if frame == "accuse":
            accused = [p for p in self._object_participants(token) if p.actor]
            agents = []
            for c in content:
                agents.extend(p for p in self._sources(c, self._predicate(c))[0] if p.actor)
            return "ACCUSE", group.mode, group.cameo, accused or agents or own, content_type
        return group.type, group.mode, group.cameo, target, content_type

    def _clause_targets(self, trigger: Trigger, event_type: str) -> list[Participant]:
        """Targets named in the clause a frame governs when no trigger stands there ("threatened to strike
        hard at Freedonia")."""
        found = []
        for root in self._content_roots(trigger):
            if root.pos_ == "VERB":
                pseudo = Trigger(root, root.doc[root.i:root.i + 1], "verbs", trigger.group)
                found.extend(p for p in self._targets(pseudo, root, event_type) if p.actor)
        return found

    def _condition_subjects(self, trigger: Trigger, source) -> list[Participant]:
        """The one a threat's condition is about: "... unless the capital met its terms"."""
        source_ids = {p.actor for p in source}
        for node in trigger.token.sent:
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.v.conditional_marks
                                            for c in node.children):
                subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                found = [p for p in self.people.of(subject) if p.actor and p.actor not in source_ids] \
                    if subject is not None else []
                if found:
                    return found
        return []

    def _request_mode(self, content: list[Trigger]) -> str | None:
        return self.v.request_modes.get(content[0].group.type) if content else None

    def _threat_mode(self, threatened: str | None, mode: str | None) -> str | None:
        if threatened is None:
            return None
        return self.v.threaten_modes.get(f"{threatened}:{mode}") or self.v.threaten_modes.get(threatened)

    def _conditional_demand(self, trigger: Trigger, source) -> tuple[list[Participant], str | None] | None:
        """"Warned that if Damascus does not stop fighting, ...": a demand on Damascus to stop fighting, when the
        warner does not promise its own act as the consequence."""
        for root in self._content_roots(trigger):
            for node in root.subtree:
                if node.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in self.v.conditional_marks
                                                   for c in node.children):
                    continue
                unless = any(c.lower_ == "unless" for c in node.children)
                negated = any(c.dep_ == "neg" for c in node.children)
                if not (unless or negated):
                    continue
                subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                asked_of = [p for p in self.people.of(subject) if p.actor] if subject is not None else []
                source_ids = {p.actor for p in source}
                if not asked_of or {p.actor for p in asked_of} & source_ids:
                    continue
                asked = None
                for n in node.subtree:
                    if n.i in self.triggers:
                        asked = self.triggers[n.i].group.type
                        break
                return asked_of, asked
        return None

    def _asked(self, trigger: Trigger) -> list[Participant]:
        """Whom a request asks: "urged Syria to", "called on Arabs to", "demanded that the US cancel"."""
        token = trigger.token
        for child in token.children:
            if child.dep_ in ("dobj", "dative"):
                found = [p for p in self.people.of(child) if p.actor] if child.i not in self.triggers else []
                if not found and child.pos_ == "NOUN":
                    # "demanded an immediate admission by Moscow", "demand fair elections from Varga's
                    # cabinet", "press their demands for freedom from Bouteflika's government"
                    found = [p for p in self._noun_agents(child) if p.actor] or [
                        p for prep in child.children if prep.dep_ == "prep" and prep.lower_ in ("from", "on", "upon")
                        for o in prep.children if o.dep_ == "pobj" for p in self.people.of(o) if p.actor]
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("on", "upon", "from"):
                for object_ in child.children:
                    if object_.dep_ == "pobj":
                        found = [p for p in self.people.of(object_) if p.actor]
                        if found:
                            return found
        for root in self._content_roots(trigger):
            clause = root if root.pos_ in ("VERB", "AUX") else None
            if clause is not None:
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None:
                    found = [p for p in self.people.of(subject) if p.actor]
                    if found:
                        return found
        return []

    def _proposal_author(self, token: Token) -> list[Participant]:
        """Who made the proposal an actor rejects or accepts: "an Indian proposal", "appeal from Gbagbo"."""
        for child in token.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in self.v.proposal_nouns | {"offer", "proposal"} \
                    or (child.dep_ == "dobj" and child.i in self.triggers):
                author = self._noun_agents(child)
                if author:
                    return author
        return []

    def _content_target(self, content: Trigger) -> list[Participant]:
        """Whom the content act concerns: its target, or for a halt to someone's act, whoever acts."""
        found = [p for p in self._targets(content, self._predicate(content), content.group.type) if p.actor]
        if not found and content.word_class == "verbs":
            # "demanded that the US cancel ...": the content clause's own subject (never the framing actor's)
            subject = next((c for c in content.token.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                found = [p for p in self.people.of(subject) if p.actor]
        return found
