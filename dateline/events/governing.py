"""Step 2 of the events stage (`code.py`): what governs what.

A trigger inside a consuming frame's content is `consumed` (no event of its own) and one of the frame's `contents`;
under an intend, prepare or report frame it keeps its event and the frame is its `controller`. Also the clauses a
speaker says someone must carry out (`obligations`) and what a protest demands, both consumed the same way.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.triggers import Trigger
from dateline.events.vocabulary import CONSUMING_FRAMES

_CONTENT_PREPS = {"for", "of", "on", "about", "to", "against", "into", "over", "with"}
_NOUN_CONTENT_PREPS = {"for", "of", "to", "on", "against"}
_SAME_ACT_PREPS = {"in", "with", "by", "during", "through", "using"}


class Governing:
    """Part of the coder (`code._Coder`): from its `triggers`, fills `consumed`, `contents`, `controller`,
    `mode_hint` and `obligations`."""

    def _govern(self) -> None:
        for i in sorted(self.triggers):
            trigger = self.triggers[i]
            governor = self._governor(trigger.token)
            if governor is None:
                continue
            g, token = governor, trigger.token
            if g.group.frame and self._in_content(token, g):
                frame = g.group.frame
                if frame == "request" and self._subject_control(g):
                    frame = "intend"
                if frame in CONSUMING_FRAMES:
                    self.consumed.add(i)
                    self.contents.setdefault(g.token.i, []).append(trigger)
                else:
                    self.controller[i] = g
                continue
            # The same act named twice in one clause ("killed in a suicide car bombing", "attacks have killed").
            if trigger.word_class == "nouns" and g.group.type == trigger.group.type and (
                (token.dep_ in ("nsubj", "nsubjpass") and token.head == g.token)
                or (token.dep_ == "pobj" and token.head.head == g.token and token.head.lower_ in _SAME_ACT_PREPS)
            ):
                self.consumed.add(i)
                if trigger.group.mode and not g.group.mode:
                    self.mode_hint.setdefault(g.token.i, trigger.group.mode)
                continue
            # The object a constrained verb was chosen for ("lifted a state of emergency").
            if g.word_class == "verbs" and g.group.objects and (
                (token.head == g.token and token.dep_ in ("dobj", "nsubjpass", "xcomp"))
                or (token.dep_ == "pobj" and token.head.head == g.token)
            ):
                self.consumed.add(i)

    def _nested(self) -> None:
        """A clause inside a consumed act is content too ("sworn to march until they win a hearing")."""
        changed = True
        while changed:
            changed = False
            for i, trigger in self.triggers.items():
                if i in self.consumed or trigger.word_class == "nouns":
                    continue
                governor = self._governor(trigger.token)
                if governor is not None and governor.token.i in self.consumed:
                    self.consumed.add(i)
                    changed = True

    def _obligations(self) -> None:
        """"Russia said Sudan must return the helicopter": a request by the speaker to Sudan (PLOVER 3.8); the
        clause's acts are what is asked, not events of their own."""
        if not self.v.obligation_is_request:
            return
        for trigger in list(self.triggers.values()):
            if trigger.group.frame != "report" or trigger.token.i in self.consumed:
                continue
            speakers = {p.actor for p in self._sources(trigger, trigger.token)[0] if p.actor}
            for root in self._content_roots(trigger):
                if root.dep_ != "ccomp" or not self._obliged(self._chain(root) if root.pos_ != "AUX" else [root]):
                    continue
                subject, _ = self._subject(root)
                asked = [p for p in self.people.of(subject) if p.actor] if subject is not None else []
                if not speakers or not asked or {p.actor for p in asked} & speakers:
                    continue
                self.obligations[trigger.token.i] = asked
                for node in root.subtree:
                    if node.i in self.triggers and node.i != trigger.token.i:
                        self.consumed.add(node.i)
                        self.contents.setdefault(trigger.token.i, []).append(self.triggers[node.i])
                break

    def _protest_purposes(self) -> None:
        """What a protest demands is its topic, not an event of its own (PLOVER 3.12): "held rallies to
        demand fair elections from President Varga's cabinet" is one PROTEST, aimed at that government."""
        for protest in [t for t in self.triggers.values() if t.group.type == "PROTEST"]:
            predicate = self._predicate(protest) or protest.token
            for child in predicate.children:
                if child.dep_ in ("advcl", "xcomp", "conj") and child.i in self.triggers \
                        and self.triggers[child.i].group.frame == "request" and child.i not in self.consumed:
                    self.consumed.add(child.i)
                    self.contents.setdefault(protest.token.i, []).append(self.triggers[child.i])

    def _governor(self, token: Token) -> Trigger | None:
        found = self._nearest_trigger(token)
        if found is not None and found.word_class == "verbs" and token.dep_ == "ccomp" and token.head == found.token:
            # "reiterated its demand that ...": the clause of a light verb belongs to its noun
            for child in found.token.children:
                if child.dep_ == "dobj" and child.i in self.triggers and self.triggers[child.i].group.frame:
                    return self.triggers[child.i]
        if found is None and token.dep_ == "ccomp" and token.head.lemma_.lower() in self.v.light_verbs:
            for child in token.head.children:
                if child.dep_ == "dobj" and child.i in self.triggers and self.triggers[child.i].group.frame:
                    return self.triggers[child.i]
        return found

    def _nearest_trigger(self, token: Token) -> Trigger | None:
        """The nearest trigger above a word in its sentence; a frame noun subject of "be" counts for "be"
        ("efforts are underway ... for broadening")."""
        node = token
        while node.head != node:
            head = node.head
            if head.i in self.triggers:
                return self.triggers[head.i]
            if head.lemma_ == "be":
                for child in head.children:
                    if child.dep_ == "nsubj" and child.i in self.triggers and self.triggers[child.i].group.frame \
                            and child != node:
                        return self.triggers[child.i]
            node = head
        return None

    def _content_roots(self, g: Trigger) -> list[Token]:
        token, roots = g.token, []
        if g.word_class == "nouns":
            for child in token.children:
                if child.dep_ in ("acl", "ccomp", "xcomp", "relcl") or (
                        child.dep_ == "prep" and child.lower_ in _NOUN_CONTENT_PREPS):
                    roots.append(child)
            if token.dep_ == "nsubj" and token.head.lemma_ == "be":
                roots.extend(c for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "of"))
            if token.dep_ == "dobj" and token.head.lemma_.lower() in self.v.light_verbs:
                roots.extend(c for c in token.head.children if c.dep_ == "ccomp")
            return roots
        for child in token.children:
            if child.dep_ in ("xcomp", "ccomp", "dobj", "oprd", "attr") or (
                    child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS) or (
                    child.dep_ == "advcl" and g.group.frame in ("commit", "agree", "threaten", "intend", "prepare")
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):  # "sworn to fight"
                roots.append(child)
        return roots

    def _in_content(self, token: Token, g: Trigger) -> bool:
        return any(r.left_edge.i <= token.i <= r.right_edge.i for r in self._content_roots(g))

    def _subject_control(self, g: Trigger) -> bool:
        """"Seek to add", "want to talk": a request verb whose infinitive is the actor's own act."""
        children = list(g.token.children)
        return any(c.dep_ == "xcomp" for c in children) and not any(c.dep_ in ("dobj", "dative") for c in children) \
            and g.group.frame == "request" and g.word_class == "verbs" \
            and not any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in children)

    def _controlling(self, trigger: Trigger, chain: list[Token]) -> list[Trigger]:
        """Frames that govern an act without consuming it: intend, prepare, report; nearest first."""
        found = []
        node = trigger.token
        seen = 0
        while node.head != node and seen < 12:
            controller = self.controller.get(node.i)
            if controller is not None and controller not in found:
                found.append(controller)
                node = controller.token
                continue
            node = node.head
            seen += 1
            if node.i in self.triggers and self.triggers[node.i].group.frame in ("report", "intend", "prepare") \
                    and self._in_content(trigger.token, self.triggers[node.i]) \
                    and self.triggers[node.i] not in found:
                found.append(self.triggers[node.i])
        return found
