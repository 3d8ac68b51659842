"""The events stage: every act between actors that a sentence reports, as PLOVER events.

How one article is read, on the pipeline's one spaCy parse:

1. one Matcher pass (`vocabulary.compiled_matcher`) finds the trigger words of `data/events.toml`, the words that
   set a context and the weapons named; each trigger takes the first group of its word whose conditions its
   objects and prepositions meet ("lifted a curfew" is a concession, "lifted a blockade" a retreat) —
   `triggers.py`;
2. each trigger finds the nearest trigger above it in the parse: a frame whose content it is ("demanded the
   removal of", "refused to deploy", "accused X of violating") is coded with it and is no event of its own;
   under "try", "plan", "prepare" it is an intended act; under "say" it is an act the speaker claims —
   `governing.py`;
3. the act's predicate (the trigger, or the verb that carries a noun: "held talks", "imposed sanctions") gives
   the actors: subject, or the "by" agent of a passive; objects and the type's target prepositions; a noun's
   possessor, adjective or "by" phrase ("Syrian airstrikes", "a demand by the HNC") — `clauses.py`, `roles.py`,
   `recipients.py` and, for the actor behind a word, `participants.py`;
4. negation, modality and the frame decide the type, as the PLOVER manual does (events.toml `[negation]`,
   `[future]`, `[intended]`): "will not seek a halt" is a refusal, "will give a grant" a promise (AGREE), "will
   withdraw peacekeepers" a threat, "trying to add X to the lists" an intended sanction — `modality.py`,
   `framing.py`, and `_Coder._code` below, which puts the steps together;
5. the date is the nearest date words above the trigger in the parse, resolved against the article's date, else
   the article's date; the place is the place the act's phrase sets, else the sentence's (`place_of_sentence`);
   an act told inside a quotation keeps the quotation's index and its speaker as claimant — `circumstances.py`;
6. the same act told twice is one event with both sentences as evidence (`merge.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.article import Article
from dateline.events.circumstances import Circumstances
from dateline.events.clauses import Clauses
from dateline.events.dates import EventDate, parse_anchor
from dateline.events.framing import Framing
from dateline.events.governing import Governing
from dateline.events.merge import merge
from dateline.events.modality import Modality
from dateline.events.participants import Participant, Participants
from dateline.events.recipients import Recipients
from dateline.events.roles import Roles, _unique
from dateline.events.triggers import Trigger, TriggerFinding
from dateline.events.vocabulary import CONFLICT, CONSUMING_FRAMES, Vocabulary, vocabulary


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


# Each step is a mixin of its own module; they share the state `__init__` sets up and call each other's methods.
class _Coder(TriggerFinding, Governing, Clauses, Roles, Framing, Recipients, Modality, Circumstances):
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
