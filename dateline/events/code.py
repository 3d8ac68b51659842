"""The events stage: every act between actors that a sentence reports, as PLOVER events.

How one article is read, on the pipeline's one spaCy parse:

1. one Matcher pass (`vocabulary.compiled_matcher`) finds the trigger words of `data/events.toml`, the words that
   set a context and the weapons named; each trigger takes the first group of its word whose conditions its
   objects and prepositions meet ("lifted a curfew" is a concession, "lifted a blockade" a retreat);
2. each trigger finds the nearest trigger above it in the parse: a frame whose content it is ("demanded the
   removal of", "refused to deploy", "accused X of violating") is coded with it and is no event of its own;
   under "try", "plan", "prepare" it is an intended act; under "say" it is an act the speaker claims;
3. the act's predicate (the trigger, or the verb that carries a noun: "held talks", "imposed sanctions") gives
   the actors: subject, or the "by" agent of a passive; objects and the type's target prepositions; a noun's
   possessor, adjective or "by" phrase ("Syrian airstrikes", "a demand by the HNC") — see `participants.py`;
4. negation, modality and the frame decide the type, as the PLOVER manual does (events.toml `[negation]`,
   `[future]`, `[intended]`): "will not seek a halt" is a refusal, "will give a grant" a promise (AGREE), "will
   withdraw peacekeepers" a threat, "trying to add X to the lists" an intended sanction;
5. the date is the nearest date words above the trigger in the parse, resolved against the article's date, else
   the article's date; the place is the place the act's phrase sets, else the sentence's (`place_of_sentence`);
   an act told inside a quotation keeps the quotation's index and its speaker as claimant;
6. the same act told twice is one event with both sentences as evidence (`merge.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from dateline.article import Article
from dateline.events.dates import EventDate, parse_anchor, resolve
from dateline.events.merge import merge
from dateline.events.participants import Participant, Participants
from dateline.events.vocabulary import (CONCESSIONS, CONFLICT, CONSUMING_FRAMES, COOPERATIVE, Group, Vocabulary,
                                        compiled_matcher, vocabulary)
from dateline.nlp.wire import after_dateline

try:  # the places stage: where a sentence happens
    from dateline.geo import place_of_sentence
except ImportError:  # pragma: no cover - an install without the places stage
    place_of_sentence = None

_NAME_LABELS = {"ORG", "PERSON", "GPE", "FAC", "LOC", "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}
_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into", "within", "along"}
# Dependencies that open another clause or a side remark: a place beyond them is not where the act happens.
_CLAUSE_DEPS = {"relcl", "acl", "appos", "ccomp", "advcl", "xcomp", "csubj", "parataxis"}
_SPECIFIC = {"district": 0, "neighbourhood": 0, "neighborhood": 0, "city": 1, "admin2": 2, "admin1": 3,
             "region": 4, "water": 4, "country": 5, "continent": 6}
_CONTENT_PREPS = {"for", "of", "on", "about", "to", "against", "into", "over", "with"}
_NOUN_CONTENT_PREPS = {"for", "of", "to", "on", "against"}
_SAME_ACT_PREPS = {"in", "with", "by", "during", "through", "using"}
_AGENT_PREPS = {"by", "from"}


@dataclass
class Trigger:
    token: Token
    span: Span
    word_class: str  # verbs, nouns, adjectives
    group: Group


@dataclass
class Event:
    type: str
    mode: str | None
    cameo: str | None
    context: list[str]
    source: list[Participant]
    target: list[Participant]
    trigger: Trigger
    sentence: Span
    modality: str = "asserted"  # asserted, future, intended, hypothetical (PLOVER's auxiliary modes)
    claimant: str | None = None
    quote: int | None = None
    date: EventDate | None = None
    date_from_text: bool = False
    place: int | None = None
    place_from_text: bool = False
    confidence: float = 0.5
    evidence: list[dict] = field(default_factory=list)

    @property
    def source_ids(self) -> list[str]:
        return list(dict.fromkeys(p.actor for p in self.source if p.actor))

    @property
    def target_ids(self) -> list[str]:
        return list(dict.fromkeys(p.actor for p in self.target if p.actor))


def code_events(article: Article, doc: Doc) -> None:
    """Fill the article's events (and the generic actors they name) from its parsed text."""
    if not len(doc):
        article.events = []
        return
    coder = _Coder(article, doc)
    events = coder.run()
    for event in events:
        event.source = [coder.people.final(p) for p in event.source]
        event.target = [coder.people.final(p) for p in event.target]
    coder.people.finish({p.actor for e in events for p in e.source + e.target if p.actor})
    article.events = [e for e in merge(events, coder.people.actors, article)]


class _Coder:
    def __init__(self, article: Article, doc: Doc):
        self.article, self.doc = article, doc
        self.v: Vocabulary = vocabulary()
        self.people = Participants(article, doc, self.v)
        self.anchor, self.anchor_precision = parse_anchor(article.published)
        self.triggers: dict[int, Trigger] = {}
        self.contexts: list[tuple[int, str]] = []
        self.weapons: list[tuple[int, str]] = []
        self.consumed: set[int] = set()
        self.contents: dict[int, list[Trigger]] = {}
        self.controller: dict[int, Trigger] = {}
        self.mode_hint: dict[int, str] = {}
        self.date_ents: dict[int, Span] = {}
        self.obligations: dict[int, list[Participant]] = {}

    def run(self) -> list[Event]:
        self._match()
        self._attach_dates()
        self._govern()
        self._obligations()
        self._nested()
        self._protest_purposes()
        events = []
        for i in sorted(self.triggers):
            if i in self.consumed:
                continue
            event = self._code(self.triggers[i])
            if event is not None:
                events.append(event)
        return events

    # ---------------------------------------------------------------------------------------------------------
    # 1. triggers
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

    # ---------------------------------------------------------------------------------------------------------
    # 2. what governs what
    def _attach_dates(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            node = ent.root.head
            if node.dep_ == "prep" or node.pos_ == "ADP":
                node = node.head
            self.date_ents.setdefault(node.i, ent)

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

    # ---------------------------------------------------------------------------------------------------------
    # 3-5. one event
    def _code(self, trigger: Trigger) -> Event | None:
        group = trigger.group
        token = trigger.token
        if group.type is None and token.i not in self.obligations:
            return None
        if self._irrealis(token) or self._setting(trigger):
            return None
        predicate = self._predicate(trigger)
        chain = self._chain(predicate) if predicate is not None else []
        event_type, mode, cameo = group.type, self.mode_hint.get(token.i) or group.mode, group.cameo
        content = self.contents.get(token.i, [])
        if token.i in self.obligations:
            asked_type = content[0].group.type if content else None
            mode = self.v.request_modes.get(asked_type) if asked_type else None
            event_type, cameo = "REQUEST", self.v.cameo_for("REQUEST", mode)
        source, passive_target = self._sources(trigger, predicate)
        target = list(self.obligations.get(token.i, passive_target))
        target.extend(self._targets(trigger, predicate, event_type) if token.i not in self.obligations else [])
        content_type = None
        claimant = None
        modality = "asserted"

        frame = group.frame
        if content and frame is None and token.i not in self.obligations and not any(p.actor for p in target):
            for asked in content:
                target.extend(self._asked(asked) or self._content_target(asked))
        if frame in CONSUMING_FRAMES:
            coded = self._frame(trigger, frame, content, source, target)
            if coded is None:
                return None
            event_type, mode, cameo, target, content_type = coded
            if frame == "agree" and content_type in CONFLICT and event_type == content_type:
                modality = "intended"  # "agreed to impose sanctions": the sanctions are not imposed yet

        controller = self._controlling(trigger, chain)
        report = None
        for frame_trigger in controller:
            if frame_trigger.group.frame in ("intend", "prepare"):
                modality = "intended"
                if frame_trigger.group.frame == "prepare" and event_type == "ASSAULT":
                    event_type, mode = "MOBILIZE", "weapons" if mode in ("heavy-weapons", "aerial", "drone",
                                                                        "explosives") else "troops"
                    cameo = self.v.cameo_for("MOBILIZE")
                if not source:
                    source, _ = self._sources(frame_trigger, self._predicate(frame_trigger))
            elif frame_trigger.group.frame == "report" and report is None:
                report = frame_trigger
        if report is not None:
            speakers, _ = self._sources(report, report.token)
            claimant = next((p.actor for p in speakers if p.actor), None)

        if self._negated(trigger, chain):
            recoded = self.v.negated.get(event_type)
            if recoded is None:
                return None
            asked = content_type or event_type
            if recoded != event_type:
                mode = self.v.request_modes.get(asked) if event_type != "REQUEST" else (mode if mode in (
                    "meet", "assist", "change", "yield") else self._request_mode(content))
                event_type, cameo = recoded, self.v.cameo_for(recoded, mode)
        elif self._future(chain) and modality == "asserted" and frame in CONSUMING_FRAMES:
            modality = "future"  # "will demand", "will accuse": the same type, announced
        elif self._future(chain) and modality == "asserted":
            modality = "future"
            future_type = self.v.future_types.get(event_type, event_type)
            if future_type != event_type:
                if future_type == "THREATEN":
                    mode = self._threat_mode(event_type, mode)
                    cameo = self.v.cameo_for("THREATEN", mode)
                else:
                    cameo = self.v.cameo_for(future_type, None, event_type)
                    mode = None
                event_type = future_type
        elif modality == "intended":
            intended_type = self.v.intended_types.get(event_type, event_type)
            if intended_type != event_type:
                cameo, mode, event_type = self.v.cameo_for(intended_type, None, event_type), None, intended_type
        if self._hypothetical(trigger, chain):
            modality = "hypothetical"

        if event_type == "ASSAULT" and not mode:
            mode = self._weapon_mode(trigger, predicate)
        if event_type == "PROTEST" and not any(p.actor for p in target):
            target.extend(self._authority_in(trigger, predicate, source))
        if source and not any(p.actor for p in target):
            target.extend(self._place_recipient(trigger, predicate, event_type, content_type))
        if event_type in ("COERCE", "CONCEDE"):
            target = self._domestic(target, source)
        source_ids = {p.actor for p in source if p.actor}
        target = [p for p in target if not (p.actor and p.actor in source_ids)]
        if not source and not (event_type == "ASSAULT" and any(p.actor for p in target)):
            return None

        sentence = token.sent
        quote, quoted_by = self._quote(token)
        event = Event(
            type=event_type, mode=mode, cameo=cameo, context=self._context(group, sentence), source=source,
            target=_unique(target), trigger=trigger, sentence=sentence, modality=modality,
            claimant=quoted_by or claimant, quote=quote,
        )
        event.date, event.date_from_text = self._date(token, predicate, modality == "future")
        event.place, event.place_from_text = self._place(trigger, predicate)
        event.confidence = self._confidence(event, predicate)
        return event

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

    # ---------------------------------------------------------------------------------------------------------
    # the parse around a trigger
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

    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """A verb's subject and whether it is the subject of a passive; controlled and shared subjects too."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj", "expl"):
                if _in_dateline(child):
                    continue  # "GENEVA (AP) - Yemen's government ... agreed": the parse's second subject acts
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

    # ---------------------------------------------------------------------------------------------------------
    # negation and modality
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
        for node in chain:
            for child in node.children:
                if child.dep_ == "aux" and child.lower_ in self.v.future:
                    return True
            if node != chain[0] and node.lemma_ in self.v.future_heads:
                return True
        return False

    def _obliged(self, chain: list[Token]) -> bool:
        for node in chain:
            for child in node.children:
                if child.dep_ == "aux" and child.lower_ in self.v.obligation:
                    return True
            if node != chain[0] and node.lemma_ in self.v.obligation_heads:
                return True
        return False

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

    # ---------------------------------------------------------------------------------------------------------
    # date, place, quote, context, mode, confidence
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

    def _confidence(self, event: Event, predicate: Token | None) -> float:
        score = 0.55
        if event.trigger.word_class == "verbs" or predicate is not None:
            score += 0.1
        score += 0.15 if event.source_ids else -0.15
        if event.target_ids:
            score += 0.1
        if event.modality == "hypothetical":
            score -= 0.25
        if any(p.actor is None for p in event.source + event.target):
            score -= 0.05
        return round(min(0.95, max(0.05, score)), 2)


def _in_dateline(token: Token) -> bool:
    """Whether the token is in the wire dateline that opens its sentence ("GENEVA (Example Wire) -")."""
    sentence = token.sent
    return token.i < after_dateline(token.doc, sentence.start, min(sentence.end, sentence.start + 12))


def _path(node: Token, top: Token) -> list[Token]:
    """The words from `node` up to (not including) `top`."""
    path = []
    while node != top and node.head != node:
        path.append(node)
        node = node.head
    return path


def _unique(participants: list[Participant]) -> list[Participant]:
    seen, kept = set(), []
    for participant in participants:
        key = participant.actor or (participant.start, participant.end)
        if key not in seen:
            seen.add(key)
            kept.append(participant)
    return kept
