"""Mentions to canonical actors, within one article.

An analyst reading "Moscow will not seek a halt ..., Russia's deputy foreign minister said Saturday" followed by
"Gennady Gatilov said" knows three things a named-entity tagger does not: Moscow here is the Russian government,
not a city; the deputy foreign minister is Gatilov; and every later "Gatilov" is the same man. The rules below do
that reading, in the order of the text:

- names: the knowledge base (states, organs, IGOs, groups) first, then people and organisations it lacks, who are
  still actors (kind guessed from the name, country from the context);
- metonymy: a country, capital or seat of power that acts (subject, object, agent, "pressure on Damascus") is its
  government; one that only locates ("in Aleppo", "the situation in Syria") is a place, not an actor;
- descriptions: a title with its country ("Russia's deputy foreign minister", "the Syrian military") is a person
  with a role or a state organ; a title right before a name gives that person the role;
- coreference: a surname alone, "the group", "the government", "he"/"she", and a lede's unnamed official named in
  the next sentences, each link back to the actor they stand for; "it", "they", "his" and the rest are read last,
  in `coref.py`, which also gives the later stages the actor mentioned at a token or offset.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from dateline.actors.coref import resolve_pronouns
from dateline.actors.entities import correct_entities
from dateline.actors.knowledge import Actor, KnowledgeBase, Role, _key, knowledge_base
from dateline.article import Article
from dateline.extract.dates import MONTHS
from dateline.extract.outlets import OutletRegistry
from dateline.geo.gazetteer import subdivision_meant
from dateline.nlp import entity_bounds, text_of, word_hashes

# Prepositions after which a place name locates something rather than acting or being acted on.
_LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "into", "within", "from",
             "through", "over", "along", "toward", "towards", "to", "of", "beyond", "off"}
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
            "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
            "central"}
# A country after these, hanging from these nouns, is what is talked of, not an actor ("a meeting on Syria").
_TOPIC_PREPOSITIONS = {"on", "about", "for", "over", "regarding", "concerning"}
_TOPIC_NOUNS = {"meeting", "meetings", "talks", "conference", "report", "inquiry", "commission", "resolution",
                "statement", "debate", "discussion", "discussions", "summit", "negotiations", "envoy", "representative",
                "policy", "strategy", "plan", "conflict", "crisis", "situation", "issue", "question", "future",
                "peace", "settlement", "process", "roadmap", "news", "briefing", "session", "group", "dialogue"}
_AGENT_DEPS = {"nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent", "appos", "attr"}
# Labels the tagger gives things, under which a short name is still a person named in full before ("Rep. Tom Cole
# ... Cole said": PRODUCT); not a one-word "person", which may be the tagger's slip itself ("the Carrier plant").
_THING_LABELS = ("LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")
_PERSON_NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE", *_THING_LABELS)  # what may be a person's name, whatever the label
_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|Al|El|ad|ash|as|az|ar|an|at)-(?=[A-Z])")
# A short name in capitals: "IRENA", "SOHR", "HTS", "ISIL" (not a party and state: "R-WI").
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,9}")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    actor: str
    kind: str  # name, title, description, pronoun

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "actor": self.actor, "kind": self.kind}


@dataclass
class _Reading:
    """What has been read of one article so far."""

    kb: KnowledgeBase
    doc: Doc
    text: str  # the doc's text, kept: spaCy's doc.text joins every token anew on each access
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    persons: dict[str, Actor] = field(default_factory=dict)  # surname -> the first person so named
    namesakes: dict[str, list[Actor]] = field(default_factory=dict)  # surname -> every person so named, in order
    unnamed_officials: list[tuple[int, Actor]] = field(default_factory=list)  # (sentence index, actor)
    # Token where a person's mention starts when a title stands before the name ("Foreign Minister Sergei Lavrov").
    titled: dict[int, int] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)  # person id -> "male"/"female", where a word tells it
    full_names: dict[str, list[Span]] = field(default_factory=dict)  # surname -> the article's full names with it
    ents: tuple[Span, ...] = ()  # the doc's entities once corrected, kept: spaCy builds their spans on each access
    day: date | None = None  # the article's date, for the office a leader holds on it
    # (head noun, words) of the descriptions each PERSON entity is named with, by its first token: "FBI Director
    # James Comey" is ("director", {"fbi", "director"}), which "the FBI director" later stands for ...
    described: dict[int, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    # ... and (person, head noun, words) for the persons read so far.
    descriptors: list[tuple[Actor, str, frozenset[str]]] = field(default_factory=list)
    # For each token, the number of quotation marks before it in its paragraph, odd or even (made when first asked).
    marks_before: list[int] | None = None

    def mention(self, span: Span | Token, actor: Actor, kind: str) -> Actor:
        if kind == "name" and isinstance(span, Span) and len(span) > 1 and span[0].lower_ == "the":
            span = span[1:]  # a name's mention is the name: "United States" in "the United States"
        start = span.start_char if isinstance(span, Span) else span.idx
        end = span.end_char if isinstance(span, Span) else span.idx + len(span)
        self.actors.setdefault(actor.id, actor)
        self.mentions.append(Mention(start, end, self.text[start:end], actor.id, kind))
        if actor.kind == "person" and kind in ("name", "title") and actor.id not in self.genders:
            if gender := self.gender_of(span if isinstance(span, Span) else self.doc[span.i:span.i + 1]):
                self.genders[actor.id] = gender
        return actor

    def quoted(self, token: Token) -> bool:
        """Whether the word is inside a quotation: an odd number of quotation marks before it in its paragraph (a
        pronoun in a quotation speaks of someone the speaker knows, not of the writer's subject)."""
        if self.marks_before is None:
            # (one pass for the article: counted back from each word, a long paragraph cost its square)
            self.marks_before, marks = [], 0
            for word in self.doc:
                self.marks_before.append(marks % 2)
                marks = 0 if "\n" in word.text or "\n" in word.whitespace_ else marks + _is_mark(word)
        return self.marks_before[token.i] == 1

    def add_person(self, surname: str, person: Actor) -> None:
        """A person read, or read again with more known of them (same id)."""
        people = self.namesakes.setdefault(surname, [])
        people[:] = [person if p.id == person.id else p for p in people]
        if person not in people:
            people.append(person)
        if surname not in self.persons or self.persons[surname].id == person.id:
            self.persons[surname] = person

    def surnamed(self, name: str) -> Actor | None:
        """The first person of the article with this surname, also written in capitals, as a transcript writes
        who speaks ("FALLIN:" after "Governor Mary Fallin")."""
        if name in self.persons or not name.isupper() or len(name) < 3:
            return self.persons.get(name)
        return next((p for surname, p in self.persons.items() if surname.upper() == name), None)

    def remember_descriptions(self, start: int, person: Actor) -> None:
        """The descriptions the name at `start` was given, as ones that stand for the person later ("Indiana Gov.
        Mike Pence ... the Indiana governor")."""
        for head, words in self.described.get(start, ()):
            self.descriptors.append((person, head, words))

    def opening(self, name: str) -> Actor | None:
        """The one person whose full name a lone name opens: a family name written first ("Liu" after "Liu
        Xiaming", "Wang" after "Wang Yi"), or a first name ("Bernie" after "Bernie Sanders")."""
        named = {p.id: p for p in self.persons.values() if p.name.split()[0] == name and " " in p.name}
        return next(iter(named.values())) if len(named) == 1 else None

    def person_named(self, name: Span) -> Actor | None:
        """The person of the article a name stands for: by surname, but "Bill Clinton" after "Hillary Clinton" is
        another person (None: not read yet), and "Mr. Clinton" the one of them that is a man."""
        people = self.namesakes.get(_surname(name.text))
        if not people:
            return None
        given = self.given_name(name.text)
        if given is not None:
            same = [p for p in people if _same_given_name(given, self.given_name(p.name))
                    or _one_ends_the_other(name.text, p.name)]
            return same[0] if same else None
        gender = self.gender_of(name) if len(people) > 1 else None
        fitting = [p for p in people if gender is not None and self.genders.get(p.id) == gender]
        return fitting[0] if len(fitting) == 1 else people[0]

    def given_name(self, name: str) -> str | None:
        """The first word of a full name ("Bill" of "Bill Clinton"); None for a surname, with or without "Mr.", and
        for a name the tagger ran into another word ("Neither Cruz", "Beneath Clinton's")."""
        words = [w for w in name.split() if w.rstrip(".") not in self.kb.honorifics]
        first = words[0].lower() if words else ""
        if len(words) < 2 or not words[0][:1].isupper() or self.doc.vocab[first].is_stop \
                or first in self.kb.title_abbreviations or self.kb.title_abbreviations.get(first, first) in \
                self.kb.person_nouns or first.rstrip(".") in self.kb.gendered_titles:
            return None  # ("Representative Brooks" is Brooks)
        return words[0]

    def gender_of(self, span: Span) -> str | None:
        """What the name's title or honorific ("Mrs May", "spokeswoman Maria Zakharova"), or the given name of a
        full name ("Hillary Clinton"), says of the person's gender."""
        doc = span.doc
        words = doc[max(span.start - 2, 0):span.end]
        for i in range(len(words)):
            two = words[i:i + 2].text.lower().replace(".", "")
            one = words[i].lower_.rstrip(".")
            if found := self.kb.gendered_titles.get(two) or self.kb.gendered_titles.get(one):
                return found
        names = [t for t in span if t.text[:1].isupper() and t.lower_.rstrip(".") not in self.kb.gendered_titles]
        return self.kb.given_names.get(names[0].text) if len(names) >= 2 else None

    def dominant_country(self, before: int) -> str | None:
        """The country most mentioned before a point (the latest on a tie): whose "the government" it is."""
        counts: dict[str, tuple[int, int]] = {}
        for order, mention in enumerate(m for m in self.mentions if m.start < before):
            country = self.actors[mention.actor].country
            if country:
                counts[country] = (counts.get(country, (0, 0))[0] + 1, order)
        return max(counts, key=counts.get) if counts else None

    def actor_at(self, char: int) -> Actor | None:
        """The actor of the latest mention read that covers the character (mentions are read in text order, and
        none is near as long as the distance at which the search stops)."""
        for mention in reversed(self.mentions):
            if mention.start <= char < mention.end:
                return self.actors[mention.actor]
            if mention.start < char - 300:
                break
        return None

    def latest(self, before: int, accept) -> Actor | None:
        for mention in reversed(self.mentions):
            if mention.start < before and accept(self.actors[mention.actor]):
                return self.actors[mention.actor]
        return None


def resolve_actors(article: Article, doc: Doc) -> None:
    """Fill the article's entities, actors and actor mentions from its parsed text."""
    correct_entities(doc)
    reading = _Reading(knowledge_base(), doc, text_of(doc, article.text), day=_day(article.published))
    sentence_of = (numpy.cumsum(doc.to_array(SENT_START) == 1) - 1).tolist()  # token -> its sentence's index

    titles, exact_titles, organs = _matchers(doc.vocab)
    lower = doc.to_array(LOWER)
    # "Russia’s embassy" is the "Russia's embassy" of the organ descriptions
    strings = doc.vocab.strings
    lower[lower == strings.add("’s")] = strings.add("'s")
    title_spans = filter_spans(titles(doc, as_spans=True) + exact_titles(doc, as_spans=True))
    # A title word the tagger took for a name is no person ("Chinese State Councilor", "Councilor" a PERSON).
    in_titles = {i for span in title_spans for i in range(span.start, span.end)}
    names = [e for e in doc.ents if not (e.label_ == "PERSON" and all(i in in_titles for i in range(e.start, e.end)))]
    if len(names) < len(doc.ents):
        doc.ents = names
    reading.ents = tuple(names)
    taken: set[int] = set()  # tokens already read as part of a mention
    reading.described = {ent.start: _descriptors(reading, ent) for ent in reading.ents if ent.label_ == "PERSON"}
    for ent in reading.ents:
        if ent.label_ == "PERSON" and reading.given_name(ent.text) is not None:
            reading.full_names.setdefault(_surname(ent.text), []).append(ent)
    entity_actor: dict[tuple[int, int], str | None] = {}
    # (the words `_read_word` reads: pronouns, descriptions, government words)
    read_words = frozenset({*_PRONOUNS, *reading.kb.descriptions, *reading.kb.government_words,
                            *reading.kb.named_heads})
    # Everything that may stand for an actor, in text order (organ descriptions, then titles, first at a tie).
    candidates = sorted(
        [(span.start, "title", span) for span in title_spans]
        # A name is placed where it starts, after its "the": "the Ivory Coast's Supreme Court" is the organ's.
        + [(ent.start + (ent[0].lower_ == "the" and len(ent) > 1), "entity", ent) for ent in reading.ents]
        + [(span.start, "organ", span) for span in filter_spans(organs(doc, lower))]
        + [(int(i), "word", doc[int(i)])
           for i in numpy.flatnonzero(numpy.isin(lower, word_hashes(doc.vocab, read_words)))]
        + [(token.i, "described", token) for token in _described_heads(reading, lower)],
        # (a description before a name at a tie: the tagger makes "Republican" of "the Kentucky Republican" a NORP)
        key=lambda item: (item[0], item[1] != "organ", item[1] != "title", item[1] != "described"),
    )
    for _, what, item in candidates:
        if what == "word":
            if item.i not in taken:
                _read_word(reading, item, sentence_of)
            continue
        if what == "described":
            if item.i not in taken and (span := _read_described(reading, item)) is not None:
                taken.update(range(span.start, span.end))
            continue
        if any(i in taken for i in range(item.start, item.end)) and what != "entity":
            continue
        if what == "organ":
            reading.mention(item, reading.kb.actors[item.label_], "description")
            taken.update(range(item.start, item.end))
        elif what == "title":
            actor = _read_title(reading, item, sentence_of)
            if actor:
                taken.update(range(item.start, item.end))
        else:
            entity_actor[(item.start_char, item.end_char)] = _read_entity(reading, item, sentence_of)
            taken.update(range(item.start, item.end))

    _surnames_missed_by_the_tagger(reading, taken)
    _surnames_read_as_organisations(reading, entity_actor)
    _acronyms(reading, entity_actor)
    article.entities = _entities(reading, entity_actor)  # (which gives a titled name's mention its title)
    kinds = {actor.id: actor.kind for actor in reading.actors.values()}
    mentions = sorted((m.to_dict() for m in reading.mentions), key=lambda m: m["start"])
    for token, actor_id in resolve_pronouns(doc, mentions, kinds, reading.genders):
        reading.mention(token, reading.actors[actor_id], "pronoun")
    _speaking_for(reading, lower)  # ("his office": after the pronouns)
    counts: dict[str, int] = {}
    for mention in reading.mentions:
        counts[mention.actor] = counts.get(mention.actor, 0) + 1
    article.actors = [{**actor.to_dict(), "mentions": counts[actor.id]} for actor in reading.actors.values()]
    article.mentions = sorted((m.to_dict() for m in reading.mentions), key=lambda m: m["start"])


def _entities(reading: _Reading, entity_actor: dict[tuple[int, int], str | None]) -> list[dict]:
    """The tagger's entities, corrected by the reading of the article.

    A title or a description that stands for an actor ("Russia's deputy foreign minister", "Iraqi security
    forces", "the group") is itself an entity, a person or an organisation, and replaces the names nested in it;
    a country or capital that acts is its government, an organisation, not a place; a known surname is a person
    whatever the tagger said.
    """
    doc = reading.doc
    phrases = [m for m in reading.mentions if m.kind in ("title", "description")]
    entities = [
        {"start": start, "end": m.end, "text": reading.text[start:m.end], "actor": m.actor,
         "label": "PERSON" if reading.actors[m.actor].kind == "person" else "ORG"}
        for m in phrases
        for start in [_with_determiner(doc, m.start)]
    ]
    name_mentions = {(m.start, m.end): m for m in reading.mentions if m.kind == "name"}
    for ent in reading.ents:
        actor_id = entity_actor.get((ent.start_char, ent.end_char))
        actor = reading.actors.get(actor_id) if actor_id else None
        label = ent.label_
        if actor is not None and actor.kind == "person":
            label = "PERSON"
        elif actor is not None and label in ("GPE", "LOC", "FAC") and actor.kind != "state":
            label = "ORG"
        start = ent.start
        if label == "PERSON":
            # A person's mention takes in the title, abbreviated ranks and honorific before the name: "Lt. Gen.
            # Joseph Votel", "Col. Steve Warren".
            start = reading.titled.get(ent.start, ent.start)
            while start > 0 and (doc[start - 1].text in reading.kb.honorifics or doc[start - 1].text.endswith(".")
                                 and doc[start - 1].lower_ in reading.kb.title_abbreviations):
                start -= 1
            if mention := name_mentions.get((ent.start_char, ent.end_char)):
                mention.start, mention.text = doc[start].idx, doc[start:ent.end].text
        entities.append({"start": doc[start].idx, "end": ent.end_char, "text": doc[start:ent.end].text,
                         "label": label, "actor": actor_id})
    # What a longer mention covers is part of it, not an entity of its own ("Russian" in "Russian Foreign
    # Minister Sergei Lavrov", "Syrian" in "the Syrian military").
    kept, covered_to = [], -1
    for entity in sorted(entities, key=lambda e: (e["start"], -e["end"])):
        if entity["start"] >= covered_to:  # nested in (or crossing) a longer one: part of it
            kept.append(entity)
            covered_to = entity["end"]
    return kept


def _with_determiner(doc: Doc, start: int) -> int:
    """Where a description starts with its "the": "the Iraqi government", as "The group" and "the Syrian
    president" are read (a name takes it by spaCy's convention, see entities.py)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or token.start == 0 or token[0].lower_ == "the":
        return start
    before = doc[token.start - 1]
    return before.idx if before.lower_ == "the" else start


def _read_entity(reading: _Reading, ent: Span, sentence_of: list[int]) -> str | None:
    kb, key = reading.kb, _key(ent.text)
    label = ent.label_
    if len(ent) <= 2 and label in _PERSON_NAME_LABELS \
            and (person := reading.person_named(ent)) and (label not in _THING_LABELS or " " in person.name):
        return _read_person(reading, ent, sentence_of).id
    if label in _PERSON_NAME_LABELS and kb.leader_named(ent.text):
        return _read_person(reading, ent, sentence_of).id  # whatever the label: "Erdogan said" as a place
    places = (other.text for other in reading.ents if other.label_ in ("GPE", "LOC"))
    if key in kb.state_names and subdivision_meant(ent.text, reading.text, _listed_with(ent), places):
        return None  # a place, for the places stage ("won Virginia, Georgia and Arkansas")
    if ent.ent_id_ and ent.ent_id_ in kb.actors:
        return reading.mention(ent, kb.actors[ent.ent_id_], "name").id
    if known := kb.actor_named(ent.text):
        return reading.mention(ent, known, "name").id
    if key in kb.state_names and label in ("GPE", "ORG", "NORP", "LOC"):
        iso3 = kb.state_names[key]
        actor = kb.government(iso3) if _acts(reading, ent) else kb.actors[iso3]
        return reading.mention(ent, actor, "name").id
    if key in kb.capitals and label in ("GPE", "ORG", "FAC", "LOC", "NORP"):
        iso3 = kb.capitals[key]
        seat = key not in (_key(n) for n in (kb.states[iso3].capital or "", *kb.states[iso3].capital_aliases))
        if seat or _acts(reading, ent):
            return reading.mention(ent, kb.government(iso3), "name").id
        return None  # the city itself: a place, for the places stage
    if key in kb.demonyms and label == "NORP":
        return reading.mention(ent, kb.actors[kb.demonyms[key]], "name").id
    if label == "PERSON" or label in _PERSON_NAME_LABELS and _a_persons_name(reading, ent):
        return _read_person(reading, ent, sentence_of).id
    if label == "ORG":
        return reading.mention(ent, _unknown_organisation(reading, ent), "name").id
    return None


def _a_persons_name(reading: _Reading, ent: Span) -> bool:
    """Whether a name the tagger took for another thing is a person's: a given name and a surname, without a word
    that names an organisation ("Carly Fiorina" as an organisation; not "Carly Holdings"), or a name set before a
    description of a person ("Tanden, head of the Center for American Progress," as a place)."""
    doc, words = ent.doc, ent.text.split()
    if not all(w[:1].isupper() for w in words):
        return False  # ("secretary of state, a lawyer to her core")
    if ent.label_ == "ORG" and len(words) == 2 and words[0] in reading.kb.given_names \
            and reading.kb.kind_of_organisation(ent.text) == ("other", None) \
            and OutletRegistry.default().by_name(ent.text) is None:
        return True
    # (the description's head, wherever the parser hangs it: "head" of "Tanden, head of ..." on a name before)
    return ent.end < len(doc) and doc[ent.end].text == "," and any(
        t.dep_ == "appos" and t.left_edge.i == ent.end + 1 and _written_out(reading, t) in reading.kb.person_nouns
        for t in doc[ent.end + 1:ent.end + 6])


def _listed_with(ent: Span) -> list[str]:
    """The names a name is listed with ("Georgia and Ukraine")."""
    root = ent.root
    return [t.text for t in (*root.conjuncts, *([root.head] if root.dep_ == "conj" else []))]


def _acts(reading: _Reading, ent: Span) -> bool:
    """Whether a place name acts or is acted on (Moscow said; pressure on Damascus), rather than locating."""
    if _country_of_a_place(ent):
        return False  # "Palmyra, Syria", "Anbar province, Iraq", "Urem al-Kubra, northern Syria"
    if any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in ent.root.children):
        return False  # "a new Syria", "a future Syria": the country, not who governs it
    root = ent.root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in _TOPIC_PREPOSITIONS and root.head.head.lower_ in _TOPIC_NOUNS:
        return False  # "talks on Syria", "the envoy for Syria": what is spoken of
    if root.dep_ in _AGENT_DEPS or root.dep_ == "poss" and root.head.lower_ in reading.kb.government_words:
        return True
    if root.dep_ == "pobj":
        return root.head.lower_ not in _LOCATIVE
    return False


def _country_of_a_place(ent: Span) -> bool:
    """ "Raqqah, Syria": a name after a comma that follows a place that is not itself a country (a list of
    countries, "Australia, Belgium, Canada", is not this)."""
    doc, i = ent.doc, ent.start - 1
    while i > 0 and doc[i].lower_ in _COMPASS:
        i -= 1
    if i < 1 or doc[i].text != ",":
        return False
    before = doc[i - 1]
    if before.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    return _key(doc[entity_bounds(before)[0]:before.i + 1].text) not in knowledge_base().state_names


def _same_given_name(given: str, other: str | None) -> bool:
    """Whether two given names may be one person's: the same, one missing, or one the start of the other ("Pat" and
    "Patrick", "J." and "John", "Chris" and "Christopher")."""
    if other is None:
        return True
    a, b = given.rstrip("."), other.rstrip(".")
    return a.startswith(b) or b.startswith(a)


def _one_ends_the_other(name: str, other: str) -> bool:
    """ "Wasserman Schultz" and "Debbie Wasserman Schultz", "De Blasio" and "Bill de Blasio": a surname of several
    words, written with and without the given name."""
    a, b = ([w.removesuffix("’s").removesuffix("'s").lower() for w in n.split()] for n in (name, other))
    return a[-len(b):] == b or b[-len(a):] == a


def _read_person(reading: _Reading, ent: Span, sentence_of: list[int]) -> Actor:
    # (a person read before and named again with a description is described so from here on: "Ray Marlow" in the
    # lede, "Republican nominee Ray Marlow" later, then "the Republican nominee")
    known = reading.person_named(ent) or len(ent) == 1 and reading.opening(ent.text) \
        or _leader_read(reading, ent.text)  # ("Lula" after "Luiz Inácio Lula da Silva")
    if known:
        reading.remember_descriptions(ent.start, known)
        return reading.mention(ent, known, "name")
    surname = _surname(ent.text)
    sentence = sentence_of[ent.start]
    name = _full_name(reading, ent, surname)
    actor = _as_leader(reading, Actor(id=f"person:{_slug(name)}", name=name, kind="person"))
    # A lede's unnamed official ("Russia's deputy foreign minister said") named in the next two sentences (not
    # someone described otherwise: "Wen Taoming, the district commander, said" after "China's ambassador said").
    described = reading.described.get(ent.start, ())
    for index, official in reversed(reading.unnamed_officials):
        if 0 < sentence - index <= 2 and _speaks(ent.root) \
                and all(head in (official.role or "").split() for head, _ in described):
            actor = _with_role(actor, official)
            reading.unnamed_officials.remove((index, official))
            _relink(reading, official.id, actor)
            break
    reading.add_person(surname, actor)
    reading.remember_descriptions(ent.start, actor)
    return reading.mention(ent, actor, "name")


def _full_name(reading: _Reading, ent: Span, surname: str) -> str:
    """A person's name, in full where the article gives it only later: the headline's "Clinton" is the "Hillary
    Clinton" of the lede (the first full name of the surname, of the gender a title gives: "Mrs. Clinton" is not
    "Bill Clinton"), so the person has one id, that of their full name. A leader keeps the name the data gives."""
    if reading.given_name(ent.text) is not None or reading.kb.leader_named(ent.text):
        return ent.text
    gender = reading.gender_of(ent)
    for full in reading.full_names.get(surname, ()):
        if full.start > ent.start and (gender is None or reading.gender_of(full) in (None, gender)):
            return full.text
    return ent.text


# Words of a description that say which one, not what: "the former FBI director" is the FBI director.
_NOT_DISTINGUISHING = {"former", "then", "current", "new", "outgoing", "incoming", "acting", "longtime", "top", "senior"}


def _descriptors(reading: _Reading, ent: Span) -> list[tuple[str, frozenset[str]]]:
    """The descriptions a person is named with: the nouns and adjectives right before the name ("Indiana Gov.",
    "Republican presidential nominee"), and an apposition after it ("Ada Brandt, the county's sheriff,"), each as
    its head noun (abbreviations written out: "Gov." is "governor") and its words."""
    doc, found = ent.doc, []
    start = k = ent.start
    while k > 0 and start - k < 5 and doc[k - 1].ent_type_ != "PERSON" and k <= doc[k - 1].head.i < ent.end \
            and (doc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[k - 1].is_alpha or doc[k - 1].text.endswith(".")):
        k -= 1
    if k < start:
        found.append(doc[k:start])
    # (the apposition right after the name's comma: a second one may describe the noun before it, "Ada Brandt, a
    # founder of Tidewell, a firm near Dayton")
    found += [c for c in ent.root.rights if c.dep_ == "appos" and c.left_edge.i == ent.end + 1 and c.pos_ == "NOUN"
              and doc[ent.end].text == "," and any(d.dep_ in ("det", "poss") for d in c.children)]
    out = []
    for phrase in found:
        head = _written_out(reading, phrase[-1] if isinstance(phrase, Span) else phrase)
        if head in reading.kb.person_nouns or head.endswith(_AGENT_SUFFIXES):
            words = [_written_out(reading, t) for t in (phrase if isinstance(phrase, Span) else phrase.subtree)
                     if t.pos_ in ("PROPN", "NOUN", "ADJ") or t.text.endswith(".")]
            out.append((head, frozenset(words)))
    return out


_PREDICATES = {"appos", "attr", "oprd", "acomp"}
# Agent nouns, which name a person by what they do ("director", "activist", "nominee"); roles.toml lists the others.
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee")


def _written_out(reading: _Reading, token: Token) -> str:
    return reading.kb.title_abbreviations.get(token.lower_, token.lower_)


def _described_heads(reading: _Reading, lower: numpy.ndarray) -> list[Token]:
    """The nouns that may stand for a person named earlier with a description ("the Indiana governor", "the GOP
    nominee"): a singular noun after "the" whose word heads a description of some person of the article, or says
    what kind of person someone is (a party's member too, a name to the tagger: "the Kentucky Republican"). `lower`
    is the doc's LOWER array: the words are found by hash, without a loop over every token."""
    doc = reading.doc
    heads = {head for described in reading.described.values() for head, _ in described}
    heads |= reading.kb.familiar_person_nouns
    hashes = numpy.array([doc.vocab.strings.add(head) for head in heads], dtype="uint64")
    words = (doc[int(i)] for i in numpy.flatnonzero(numpy.isin(lower, hashes)))
    # (not an apposition: "Scott Reyes, the state's attorney general" is the description that names him; nor one
    # with a name in apposition, that name's: "the previous Republican nominee, Ray Marlow,")
    # (nor "the group", "the government", read as organisations by `_read_word`; nor what someone is or becomes:
    # "if he becomes the nominee")
    return [t for t in words if (t.tag_ == "NN" and t.ent_type_ == "" or t.tag_ == "NNP" and t.ent_type_ == "NORP")
            and t.dep_ not in _PREDICATES
            and t.lower_ not in reading.kb.descriptions and t.lower_ not in reading.kb.government_words
            and any(c.dep_ == "det" and c.lower_ == "the" and c.i < t.i for c in t.children)
            and not any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children)]


def _read_described(reading: _Reading, noun: Token) -> Span | None:
    """The person an earlier description named ("Indiana Gov. Mike Pence ... the Indiana governor"): the one
    person whose description has this head noun and every distinguishing word of this one ("the Republican
    nominee" is not "Democratic nominee Lena Okafor"). Of several persons fitting, a subject stands for the one its
    sentence, or the one before, has as subject, as "he" would; else none (better none than a guess). A subject that
    says what kind of person someone is ("The billionaire businessman said"), with no such description before,
    stands for that subject too (not one described with the same noun otherwise, nor one of the other gender: "the
    businesswoman")."""
    doc, word = noun.doc, noun.lower_
    article = next(c for c in noun.children if c.dep_ == "det" and c.lower_ == "the")
    words = {_written_out(reading, t) for t in doc[article.i + 1:noun.i] if t.pos_ in ("PROPN", "NOUN", "ADJ")}
    words -= _NOT_DISTINGUISHING
    chosen = {actor.id: actor for actor, head, described in reading.descriptors
              if head == word and words <= described}
    if len(chosen) != 1 and (chosen or word in reading.kb.familiar_person_nouns) \
            and noun.dep_ in _SUBJECT_DEPS and not reading.quoted(noun):
        others = _others_than(reading, noun)
        if not chosen:
            others |= {actor.id for actor, head, _ in reading.descriptors if head == word}
        gender = reading.kb.gendered_titles.get(word)

        def fits(actor: Actor) -> bool:
            return actor.kind == "person" and actor.id not in others and (not chosen or actor.id in chosen) \
                and (gender is None or reading.genders.get(actor.id, gender) == gender)

        person = _subject_person(reading, noun, fits)
        chosen = {person.id: person} if person else {}
    if len(chosen) != 1:
        return None
    span = doc[article.i:noun.i + 1]
    reading.mention(span, next(iter(chosen.values())), "description")
    return span


def _others_than(reading: _Reading, noun: Token) -> set[str]:
    """The persons a subject description cannot stand for, as a name could not either: the subject of a clause it
    is part of ("Pryce said after the senator spoke": Pryce is not the senator; but "Pryce spoke, and the senator
    left" joins two clauses) and a person named in its own clause ("The nominee has not stepped forward to defend
    Pryce"; but "the nominee said critics claim that Pryce erred" names him in another clause)."""
    others, clause = set(), noun.head
    while clause.head != clause:
        if clause.dep_ != "conj":
            for subject in (c for c in clause.head.children if c.dep_ in _SUBJECT_DEPS):
                others.update(a.id for t in (subject, *subject.conjuncts) if (a := reading.actor_at(t.idx)))
        clause = clause.head
    for ent in reading.ents:
        if ent.label_ in _PERSON_NAME_LABELS and ent.start > noun.i and (person := reading.person_named(ent)):
            head = ent.root.head
            while head != noun.head and head.head != head and not any(c.dep_ in _SUBJECT_DEPS for c in head.children):
                head = head.head
            if head == noun.head:
                others.add(person.id)
    return others


def _speaks(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in ("say", "tell", "add", "state", "announce", "warn", "insist", "claim", "deny", "note", "explain", "stress", "argue")


def _as_leader(reading: _Reading, person: Actor) -> Actor:
    """A head of state or government the data knows ("Erdogan", "Barack Obama") takes the name the data gives
    (and an id from it, the same in every article), is of their country and gender, and holds their office on the
    article's date; a title or country the text gives comes first ("Prime Minister Putin" in 2010 stays prime
    minister, and a namesake said to be of another country is not the leader). Only a person not yet mentioned:
    the id changes."""
    leader = reading.kb.leader_named(person.name)
    if leader is None or person.country not in (None, leader.country):
        return person
    role, sector, country = person.role, person.sector, leader.country
    office = leader.office_on(reading.day, reading.kb.leaders_checked) if reading.day else None
    if office is not None:
        held = next(r for r in reading.kb.roles if r.title == office)
        if role is None:
            role, sector = office, held.sector
        if held.igo:
            country = None  # the UN's secretary-general acts for the UN, not for Portugal ("UN chief X" reads so)
    leader_id = f"person:{_slug(leader.name)}"
    reading.genders[leader_id] = leader.gender
    return Actor(id=leader_id, name=leader.name, kind="person", country=country, sector=sector, role=role,
                 aliases=person.aliases)


def _leader_read(reading: _Reading, name: str) -> Actor | None:
    """The person already read who is the leader this name names, by another of the leader's names."""
    leader = reading.kb.leader_named(name)
    if leader is None:
        return None
    return next((p for people in reading.namesakes.values() for p in people
                 if reading.kb.leader_named(p.name) is leader), None)


# Words before a title that put its holder at another time than the article's ("the former Russian president").
_OTHER_TIME = {"former", "ex", "late", "then", "next", "future", "previous", "incoming", "outgoing", "acting",
               "interim", "past"}


def _office_holder(reading: _Reading, country: str | None, office: str, described: Span) -> Actor | None:
    """The one leader of the country in leaders.toml who holds the office on the article's date, as a person of
    the article; not what someone is or becomes ("his quest to become the US president", "elected as U.S.
    president")."""
    doc = described.doc
    root = described.root
    if reading.day is None or root.dep_ in ("attr", "oprd") or root.head.lower_ == "as" or any(
            t.lower_.rstrip("-") in _OTHER_TIME for t in doc[max(0, described.start - 2):described.end]):
        return None
    # (an international organisation's office, without a country: any leader may hold it)
    candidates = reading.kb.leaders_of.get(country, ()) if country else {
        id(leader): leader for leader in reading.kb.leaders.values()}.values()
    holders = [leader for leader in candidates if leader.office_on(reading.day, reading.kb.leaders_checked) == office]
    if len(holders) != 1:
        return None
    person = _leader_read(reading, holders[0].name)
    if person is None:
        name = holders[0].name
        person = _as_leader(reading, Actor(id=f"person:{_slug(name)}", name=name, kind="person"))
        reading.add_person(_surname(name), person)
    return person


def _holds(reading: _Reading, person: Actor, office: str) -> bool:
    """Whether leaders.toml has the person in that office on the article's date."""
    leader = reading.kb.leader_named(person.name)
    return leader is not None and reading.day is not None \
        and leader.office_on(reading.day, reading.kb.leaders_checked) == office


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _with_role(actor: Actor, official: Actor) -> Actor:
    return Actor(id=actor.id, name=actor.name, kind="person", country=official.country, sector=official.sector,
                 role=official.role, aliases=actor.aliases)


def _relink(reading: _Reading, old_id: str, actor: Actor) -> None:
    reading.actors.pop(old_id, None)
    reading.actors[actor.id] = actor
    for mention in reading.mentions:
        if mention.actor == old_id:
            mention.actor = actor.id


def _unknown_organisation(reading: _Reading, ent: Span) -> Actor:
    name = re.sub(r"^[Tt]he ", "", ent.text)  # ("The Environmental Protection Agency said": the name is without it)
    outlets = OutletRegistry.default()
    outlet = outlets.by_name(name) or outlets.by_name(f"The {name}")
    if outlet is not None:  # a news outlet of outlets.toml, with its country ("Interfax", "The Guardian", "AP")
        return Actor(id=f"org:{_slug(re.sub(r'^The ', '', outlet.name))}", name=outlet.name, kind="media",
                     country=outlet.country, sector="MED")
    kind, sector = reading.kb.kind_of_organisation(name)
    return Actor(id=f"org:{_slug(name)}", name=name, kind=kind, country=_country_before(reading, ent),
                 sector=sector)


def _country_before(reading: _Reading, span: Span) -> str | None:
    """The country a phrase names just before a span: "Syria's", "Russian", "the Syrian"."""
    doc, kb = span.doc, reading.kb
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "a", "an", "top", "senior", "former", "then", "acting"):
        i -= 1
    possessive = i > 0 and doc[i].text in ("'s", "’s")
    i -= possessive
    if i < 0:
        return None
    # (the whole name the word ends: "the New Mexico governor" is no governor of Mexico)
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    key = _key(doc[start:i + 1].text)
    if possessive:
        return kb.state_names.get(key) or kb.capitals.get(key)
    return kb.demonyms.get(key) or kb.state_names.get(key)


def _read_title(reading: _Reading, span: Span, sentence_of: list[int]) -> Actor | None:
    """A title: with a name after it, it gives that person a role; with a country (or as the title of an
    organisation: "the UN envoy"), it is an official."""
    kb, doc = reading.kb, span.doc
    role: Role = reading.kb.roles[int(span.label_)]
    described = _with_country_words(span, doc)
    country = _country_before(reading, span)
    if country is None and (found := _country_in_title(reading, span)):
        country, start = found
        described = doc[min(start, described.start):span.end]  # "Foreign Office Minister"
    country = country or role.country
    if country is None and (found := _of_state(reading, span)) is not None:
        country, end = found
        described = doc[described.start:end]  # "the president of Russia"
    after = doc[span.end] if span.end < len(doc) else None
    if (after is not None and after.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].ent_iob_ == "B"
            and doc[span.end + 1].ent_type_ == "PERSON"):
        after, apposed = doc[span.end + 1], True  # "Transport Minister, Lena Marsh, said"
    else:
        apposed = False
        portfolio = _portfolio(doc, span.end)
        if portfolio is not None:  # "Minister for the Coastal Regions Lena Marsh", "President of Syria Bashar ..."
            key = _key(portfolio.text.removeprefix("the ").removeprefix("The "))
            if doc[portfolio.start - 1].lower_ != "to":  # an ambassador to Britain is not Britain's
                country = country or kb.state_names.get(key)
            after = doc[portfolio.end]
        # ("Chairman of the Joint Chiefs Gen. Joseph Dunford", "Speaker of the House Rep. Paul Ryan": a rank
        # written before the name)
        while after is not None and after.lower_ in kb.title_abbreviations and after.ent_type_ != "PERSON" \
                and after.i + 1 < len(doc):
            after = doc[after.i + 1]
    if after is not None and after.lower_ == "and" and _named_after_next_title(doc, after.i + 1):
        return None  # "State Councilor and Foreign Minister Wang Yi": one man, whose name follows his last title
    if after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
        person_span = next(e for e in reading.ents if e.start == after.i)
        surname = _surname(person_span.text)
        person = reading.person_named(person_span)
        if person is None:
            official = _unnamed(reading, role, country)
            country = country or _country_of_role(reading, role)
            person = _as_leader(reading, Actor(id=f"person:{_slug(person_span.text)}", name=person_span.text,
                                               kind="person", country=country, sector=role.sector, role=role.title))
            reading.add_person(surname, person)
            if official is not None:  # "The U.S. president ... President Bush said": the same man
                _relink(reading, official.id, person)
        elif person.role is None and (None in (person.country, country) or person.country == country):
            # "Bill Clinton" in the headline, "Former President Bill Clinton" in the story: the title is his
            person = Actor(id=person.id, name=person.name, kind="person", country=country or person.country,
                           sector=role.sector, role=role.title, aliases=person.aliases)
            reading.add_person(surname, person)
            _relink(reading, person.id, person)
        reading.remember_descriptions(person_span.start, person)  # ("Florida Sen. Marco Rubio")
        if apposed:
            return reading.mention(described, person, "title")
        reading.titled[person_span.start] = described.start
        return None  # the titled name is the mention
    named = _apposed_person(reading, described)
    if named is not None and country is not None:
        # "Haider al-Abadi, Iraq's prime minister, said": the description is the man named before it.
        surname, person = named
        if person.country is None or person.country == country:
            person = Actor(id=person.id, name=person.name, kind="person", country=country, sector=role.sector,
                           role=person.role or role.title, aliases=person.aliases)
            reading.add_person(surname, person)
            _relink(reading, person.id, person)
            return reading.mention(described, person, "title")
    owner = kb.states[country].name if country else kb.actors[role.igo].name if role.igo in kb.actors else None
    before = span.start - 1
    while before >= 0 and doc[before].lower_.rstrip("-") in _OTHER_TIME:
        before -= 1
    definite = before >= 0 and doc[before].lower_ == "the"
    if owner is None and not definite:
        return None
    # "The Russian deputy foreign minister" after Gatilov was named: the same man; "the former president" is one who
    # does not hold the office on the article's date.
    former = before < span.start - 1
    for person in reading.persons.values():
        if person.role == role.title and (country is None or person.country == country) \
                and not (former and _holds(reading, person, role.title)):
            return reading.mention(described, person, "title")
    # "the Syrian president" in 2016: Bashar al-Assad, not an official to be named later
    if (country or role.igo) and (holder := _office_holder(reading, country, role.title, described)) is not None:
        return reading.mention(described, holder, "title")
    if owner is None:
        return None
    official = Actor(
        id=f"{country or role.igo}:{_slug(role.title)}", name=f"{owner}'s {role.title}" if country else span.text,
        kind="person", country=country, sector=role.sector, role=role.title,
    )
    reading.unnamed_officials.append((sentence_of[span.start], official))
    return reading.mention(described, official, "title")


def _named_after_next_title(doc: Doc, i: int) -> bool:
    """Whether capitalised words from token i (another title) lead to a name."""
    k = i
    while k < min(len(doc), i + 5) and doc[k].ent_type_ != "PERSON" and (doc[k].is_title or doc[k].text.endswith(".")):
        k += 1
    return i < k < len(doc) and doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B"


def _of_state(reading: _Reading, span: Span) -> tuple[str, int] | None:
    """The state an "of" phrase right after a title names ("the president of Russia", "the foreign minister of the
    United States"), and where the phrase ends; not a phrase that goes on ("the president of Russia's largest bank")."""
    doc, i = span.doc, span.end
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None
    start = i + 1 + (doc[i + 1].lower_ == "the")
    for end in range(min(len(doc), start + 4), start, -1):
        country = reading.kb.state_names.get(_key(doc[start:end].text))
        if country is not None:
            goes_on = end < len(doc) and (doc[end].text in ("'s", "’s") or doc[end].pos_ in ("NOUN", "PROPN"))
            return None if goes_on else (country, end)
    return None


def _portfolio(doc: Doc, i: int) -> Span | None:
    """The place or portfolio a title is "for", "of" or "to" ("Minister for the Middle East", "President of Syria",
    "ambassador to Britain"), when a person's name follows it."""
    if i + 2 >= len(doc) or doc[i].lower_ not in ("for", "of", "to"):
        return None
    j = i + 1 + (doc[i + 1].lower_ == "the")
    end = j
    while end < min(len(doc), j + 5) and doc[end].ent_type_ != "PERSON" and (
            doc[end].is_title or doc[end].is_upper or doc[end].lower_ in ("and", "of") and end > j):
        end += 1
    if end == j or end >= len(doc) or doc[end].ent_type_ != "PERSON" or doc[end].ent_iob_ != "B":
        return None
    return doc[i + 1:end]


def _surname(text: str) -> str:
    """How a person is known for short: the last word, without a possessive or an Arabic article ("al-Abadi" is
    "Abadi" later in the article)."""
    words = [w.rstrip(",") for w in text.split()]
    # ("James Kennedy Jr." is Kennedy, not "Jr.", which other men share)
    while len(words) > 1 and words[-1].lower().rstrip(".") in _NAME_SUFFIXES:
        words.pop()
    last = words[-1].removesuffix("’s").removesuffix("'s") if words else text
    return _ARABIC_ARTICLE.sub("", last) or last


_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _country_in_title(reading: _Reading, span: Span) -> tuple[str, int] | None:
    """The country of an organisation named in or just before a title ("Pentagon press secretary", "Kremlin
    spokesman", "Transport Minister Lena Marsh"), with the token where the whole description starts."""
    doc, kb = span.doc, reading.kb
    start = span.start
    while start > 0 and doc[start - 1].ent_iob_ in ("B", "I") and doc[start - 1].ent_type_ in ("ORG", "FAC", "GPE"):
        start -= 1
    for ent in reading.ents:
        if ent.start >= start and ent.end <= span.end and ent.label_ in ("ORG", "FAC"):
            actor = kb.actors.get(ent.ent_id_) or kb.actor_named(ent.text)
            if actor is not None and actor.country and actor.kind != "state":
                return actor.country, start
    words = [t.text for t in doc[start:span.end]]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            name = " ".join(words[i:i + n])
            actor = kb.actor_named(name)
            if actor is not None and actor.country and actor.id in kb.named_organs:
                return actor.country, start
            if name[:1].isupper() and _key(name) in kb.capitals:  # "Kremlin spokesman", "Moscow mayor"
                return kb.capitals[_key(name)], start
    return None


def _country_of_role(reading: _Reading, role: Role) -> str | None:
    """The country of the one unnamed holder of the same title read earlier ("the U.S. president ... President
    Bush"); none when officials of several countries hold it (two foreign ministers). A named holder is another
    person (Iraq's prime minister Abadi says nothing of "Prime Minister May"), and the outlet's country says nothing
    either."""
    countries = {o.country for _, o in reading.unnamed_officials if o.role == role.title}
    countries |= {a.country for a in reading.actors.values()
                  if a.kind == "person" and a.role == role.title and a.id.startswith(f"{a.country}:")}
    countries.discard(None)
    return countries.pop() if len(countries) == 1 else None


def _unnamed(reading: _Reading, role: Role, country: str | None) -> Actor | None:
    """An unnamed official of this title (and country, when known) read earlier, now named."""
    found = [(i, o) for i, o in reading.unnamed_officials if o.role == role.title and (country is None or o.country == country)]
    if len({o.country for _, o in found}) != 1:
        return None
    reading.unnamed_officials.remove(found[-1])
    return found[-1][1]


def _apposed_person(reading: _Reading, described: Span) -> tuple[str, Actor] | None:
    """The person named just before a description set off by a comma: "Haider al-Abadi, Iraq's prime minister"."""
    doc, i = described.doc, described.start
    if i < 2 or doc[i - 1].text != "," or doc[i - 2].ent_type_ != "PERSON":
        return None
    surname = _surname(doc[entity_bounds(doc[i - 2])[0]:i - 1].text)
    person = reading.persons.get(surname)
    return (surname, person) if person is not None else None


def _with_country_words(span: Span, doc: Doc) -> Span:
    """The whole description: "Russia's deputy foreign minister", not only the title."""
    i = span.start
    while i > 0 and (doc[i - 1].text in ("'s", "’s") or doc[i - 1].ent_type_ in ("GPE", "NORP")
                     or doc[i - 1].lower_ == "the" or doc[i - 1].lower_.rstrip("-") in _OTHER_TIME):
        i -= 1
    return doc[i:span.end]


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _subject_person(reading: _Reading, token: Token, fits, past_quotations: bool = False) -> Actor | None:
    """The person that is the subject of the pronoun's sentence before it (the nearest); when the sentence names
    no such person before the pronoun at all, the subject of the sentence before (its main clause's first), or
    with `past_quotations`, of the nearest sentence before that is not all quotation. Subjects inside quotation
    marks are left aside."""
    doc = token.doc
    sentence = token.sent
    found = _subject_of(reading, sentence, token.i, fits)
    if found is not None or sentence.start == 0:
        return found
    # ("He also praised Mrs. Warren, saying she ...": a person named earlier in the sentence, outside quotation
    # marks, is the latest's case)
    quoted = _inside_quotes(reading, sentence)
    for mention in reversed(reading.mentions):
        if mention.start < doc[sentence.start].idx:
            break
        if mention.start < token.idx and mention.start not in quoted and fits(reading.actors[mention.actor]):
            return None
    before = doc[sentence.start - 1].sent
    while past_quotations and before.start > 0 and _all_quoted(reading, before):
        before = doc[before.start - 1].sent
    return _subject_of(reading, before, None, fits)


def _all_quoted(reading: _Reading, sentence: Span) -> bool:
    """Whether every word of the sentence is inside quotation marks (its marks aside)."""
    quoted = _inside_quotes(reading, sentence)
    return all(word.idx in quoted or word.is_quote or word.is_punct or word.is_space for word in sentence)


def _subject_of(reading: _Reading, sentence: Span, end: int | None, fits) -> Actor | None:
    """The first fitting person among the subjects of a sentence: before `end`, the nearest first; else those of
    the main clause first."""
    quoted = _inside_quotes(reading, sentence)
    subjects = [t for t in sentence if t.dep_ in _SUBJECT_DEPS and (end is None or t.i < end) and t.idx not in quoted]
    if end is None:
        subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", t.i))
    else:
        subjects.reverse()
    for subject in subjects:
        if subject.tag_ == "WP" and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Okafor, who noted that he ...": the one "who" stands for
        # ("Green contender and former surgeon Ray Marlow": a title and the name joined, the name first)
        actors = [a for t in (subject, *subject.conjuncts) if (a := reading.actor_at(t.idx)) and fits(a)]
        if actors:
            return next((a for a in actors if a.id.startswith("person:")), actors[0])
    return None


def _inside_quotes(reading: _Reading, sentence: Span) -> set[int]:
    """Where the sentence's words inside quotation marks start (characters): an odd number of marks before them,
    counted from the paragraph's start (the parse may make a sentence of an opening mark alone: "''", "Having
    served in Iraq, I'm offended when Donald Trump fails ...,'' he said.")."""
    inside, marks = set(), int(reading.quoted(sentence[0]))
    for word in sentence:
        marks += _is_mark(word)
        if marks % 2:
            inside.add(word.idx)
    return inside


def _is_mark(word: Token) -> bool:
    """A double quotation mark: a single one outside a quotation is an apostrophe ("Sanders’ son"), which the
    tagger may take for a closing mark."""
    return word.is_quote and word.text not in ("'", "‘", "’", "`")


def _read_word(reading: _Reading, token: Token, sentence_of: list[int]) -> None:
    """Pronouns, "the group", "the government": the actor they stand for, from what came before."""
    kb, word = reading.kb, token.lower_
    if word in _PRONOUNS:
        # A subject pronoun stands for the person its sentence, or the one before, has as subject ("Mr. Marlow said
        # his friendship with Mr. Pryce was business. ''...,'' he wrote": Marlow); other pronouns, and subjects
        # without such a person, for the latest person not known to be of the other gender ("Clinton ... Trump
        # ... she" is Clinton). The pronoun then tells that person's gender, so that a later "he" does not stand
        # for the woman "she" was.
        def fits(actor: Actor) -> bool:
            return actor.kind == "person" and reading.genders.get(actor.id, _PRONOUNS[word]) == _PRONOUNS[word]

        # ('Trump congratulated Rubio and Cruz. “Just one minute, alright?” he urged them': a pronoun after a
        # quotation the parse made a sentence of its own goes on about the subject before it; a description
        # after one, "the senator", names someone new as often)
        person = token.dep_ in _SUBJECT_DEPS and not reading.quoted(token) \
            and _subject_person(reading, token, fits, past_quotations=True) \
            or reading.latest(token.idx, fits)
        if person:
            reading.mention(token, person, "pronoun")
            reading.genders.setdefault(person.id, _PRONOUNS[word])
        return
    determiner = token.i > 0 and token.doc[token.i - 1].lower_ == "the"
    # ("The group, the Valbrook Workers Coalition, said": a description its apposition names is that name)
    if word in kb.descriptions and token.dep_ != "compound" \
            and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
        the = _definite_start(token, kb)
        if the is None:
            return
        before = token.doc[token.i - 1].lower_
        kinds = kb.descriptions.get(f"{before} {word}", kb.descriptions[word])
        actor = reading.latest(token.idx, lambda a: a.kind in kinds)
        if actor is None and word in kb.sections and (country := reading.dominant_country(token.idx)):
            actor = kb.actors.get(f"{country}-{kb.sections[word]}")
        if actor:
            reading.mention(token.doc[the:token.i + 1], actor, "description")
        return
    if word in kb.named_heads:
        # "the administration", "administration officials": the one named before ("the Obama administration"),
        # which need not be of the country the article is most about (a US report on Syria); "the department"
        # after "The Labor Department"; "the agency" after "the Congressional Budget Office" or "the FBI", whose
        # name the actor gives; "the administration of aid" is an act
        after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
        heads = kb.named_heads[word]

        # (an administration is a government's, not "the Food and Drug Administration"; an agency is not a
        # state's government, "the Obama administration")
        def fits(mention: Mention) -> bool:
            actor = reading.actors[mention.actor]
            if word == "administration":
                of_kind = actor.kind == "government"
            else:
                of_kind = actor.kind not in ("person", "state") and actor.id != f"{actor.country}-GOV"
            return of_kind and not heads.isdisjoint(re.findall(r"\w+", f"{mention.text} {actor.name}".lower()))

        named = next((m for m in reversed(reading.mentions) if m.start < token.idx and m.kind != "pronoun"
                      and fits(m)), None)
        if named and (determiner or after == "officials") and after != "of":
            span = token.doc[token.i - determiner:token.i + 1 + (after == "officials")]
            reading.mention(span, reading.actors[named.actor], "description")
        return
    two = token.doc[token.i:token.i + 2].text.lower()
    key = two if two in kb.government_words else word
    if key in kb.government_words and (determiner or key != word):
        # "the government", "government forces": of the country the article is about so far, or of the leader
        # it is said to be of ("the government of President Bashar al-Assad").
        country = _leaders_country(reading, token.i + 1) or reading.dominant_country(token.idx)
        organ = kb.actors.get(f"{country}-{kb.government_words[key]}") if country else None
        if organ:
            span = token.doc[token.i - (1 if determiner else 0):token.i + (2 if key != word else 1)]
            reading.mention(span, organ, "description")


def _definite_start(word: Token, kb: KnowledgeBase) -> int | None:
    """Where the "the" of a description stands: right before it, or before the modifiers it takes ("the militant
    group", "the Iran-backed group", "the Lebanese group", "the rebel group"); None with no "the", or with a modifier
    that makes it another actor than the one before (descriptions.toml's [modifiers]: "the rival group", "the
    banking committee", "the Senate banking committee"), or in a name ("the NFL Network")."""
    doc = word.doc
    if word.i > 0 and doc[word.i - 1].lower_ == "the":
        return word.i - 1
    the = next((c for c in word.children if c.dep_ == "det" and c.i < word.i), None)
    if the is None or the.lower_ != "the" or not word.text.islower():
        return None
    for k in range(the.i + 1, word.i):
        modifier = doc[k]
        # (a name joined to a participle makes an adjective: "Iran-backed", "U.S.-led")
        if modifier.lower_ in kb.other_referents or modifier.pos_ == "NOUN" and modifier.lower_ not in kb.kind_nouns \
                or modifier.tag_ in ("NNP", "NNPS") and doc[k + 1].text != "-":
            return None
    return the.i


def _leaders_country(reading: _Reading, i: int) -> str | None:
    """The country of the leader named in an "of" phrase at token i, after a title if any ("of President Bashar
    al-Assad")."""
    doc = reading.doc
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    person = next((e for e in reading.ents if i < e.start <= i + 4 and e.label_ == "PERSON"), None)
    leader = reading.kb.leader_named(person.text) if person is not None else None
    return leader.country if leader else None


def _surnames_missed_by_the_tagger(reading: _Reading, taken: set[int]) -> None:
    """A known surname the tagger did not mark ("said Gatilov"), or marked as part of a time ("Last week Stumpf
    said"), is still that person; so is the name of a leader the knowledge base knows ("Erdogan said Turkey would
    not yield")."""
    covered = {m.start for m in reading.mentions}
    for token in reading.doc:
        # (a month is a time's own word, whoever shares its name: "in May")
        timed = token.ent_type_ in ("DATE", "TIME") and token.pos_ == "PROPN" and token.lower_.rstrip(".") not in MONTHS
        if not token.text[:1].isupper() or token.idx in covered or (token.i in taken or token.ent_type_) and not timed:
            continue
        person = reading.surnamed(_surname(token.text))
        if person is None and token.pos_ == "PROPN" and _key(token.text) in reading.kb.leaders:
            person = _leader_read(reading, token.text)
            if person is None:
                person = _as_leader(reading, Actor(id=f"person:{_slug(token.text)}", name=token.text, kind="person"))
                reading.add_person(_surname(token.text), person)
        if person:
            reading.mention(token, person, "name")


def _surnames_read_as_organisations(reading: _Reading, entity_actor: dict[tuple[int, int], str | None]) -> None:
    """A lone surname the tagger took for an organisation ("Pence defends tax plan" in the headline of a story on
    Mike Pence; "Hale said" after "Chris Hale"; "FALLIN:" in a transcript) is the person of the article with that
    surname."""
    for actor in list(reading.actors.values()):
        if actor.kind != "other" and not actor.name.isupper() or " " in actor.name:
            continue
        person = reading.surnamed(_surname(actor.name)) or reading.opening(actor.name)
        if person is not None and person.id != actor.id:
            _relink(reading, actor.id, person)
            for span, actor_id in entity_actor.items():
                if actor_id == actor.id:
                    entity_actor[span] = person.id


def _acronyms(reading: _Reading, entity_actor: dict[tuple[int, int], str | None]) -> None:
    """An organisation's short name, given in brackets after its full name ("the International Renewable Energy
    Agency (IRENA)"), stands for it wherever the article uses it, as a name the tagger read or not."""
    doc = reading.doc
    named: dict[str, Actor] = {}
    for mention in list(reading.mentions):
        actor = reading.actors[mention.actor]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if mention.kind != "name" or actor.kind == "person" or span is None or span.end + 2 >= len(doc):
            continue
        opening, short, closing = doc[span.end:span.end + 3]
        if opening.text == "(" and closing.text == ")" and _ACRONYM.fullmatch(short.text) and short.text != actor.name:
            named.setdefault(short.text, actor)
    if not named:
        return
    for actor in list(reading.actors.values()):
        full = named.get(actor.name.removeprefix("the "))
        if full is not None and actor.id.startswith("org:") and actor.id != full.id:
            _relink(reading, actor.id, full)
            for span, actor_id in entity_actor.items():
                if actor_id == actor.id:
                    entity_actor[span] = full.id
    covered = {m.start for m in reading.mentions}
    for token in doc:
        if token.text in named and token.idx not in covered:
            reading.mention(token, named[token.text], "name")


def _speaking_for(reading: _Reading, lower: numpy.ndarray) -> None:
    """Who speaks for an actor without a name of their own is that actor, as event coders code them: an unnamed
    spokesperson for whom the phrase names ("a Pentagon spokeswoman", "a spokesman for the foreign ministry"), and
    a person's campaign or office ("the Clinton campaign", "Ryan's office"), an organisation's command or leadership
    ("the Syrian army command", "the Hamas leadership"). A named spokesperson is a person of their own ("Kremlin
    spokesman Dmitry Peskov", "Brian Fallon, a spokesman for Mrs. Clinton,")."""
    kb = reading.kb
    spans = [(m.start, m.end, m.actor) for m in reading.mentions]
    latest: dict[str, Actor] = {}  # the actor each word was last read as speaking for ("Marlow's campaign")
    hashes = word_hashes(reading.doc.vocab, kb.spokespersons | kb.persons_organs | kb.commands)
    for token in (reading.doc[int(i)] for i in numpy.flatnonzero(numpy.isin(lower, hashes))):
        word = token.lower_
        if token.pos_ != "NOUN" \
                or any(start <= token.idx < end for start, end, _ in spans) \
                or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children) \
                or token.dep_ in ("compound", "appos") and token.head.pos_ == "PROPN":
            continue
        for_whom = [c for c in token.children if c.dep_ in ("compound", "nmod", "poss")]
        for_whom += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                     if p.dep_ == "pobj"]
        # a former spokesman speaks for no one; a spokesman named after whom he speaks for, where the parse set
        # the name beside that ("a spokesman for the Foreign Ministry, Oleg Voloshyn,"), is a person of his own
        if any(c.dep_ == "amod" and c.lower_ in ("former", "ex") for c in token.children) or any(
                c.dep_ == "appos" and c.ent_type_ == "PERSON" for w in for_whom for c in w.children):
            continue
        if not for_whom and word in latest and token.dep_ in _SUBJECT_DEPS \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "The campaign said", after "Marlow's campaign": the one named before (as a subject only: "during
            # the campaign" is the race)
            actor = latest[word]
        else:
            # (the longest mention at each word: "the Russian Foreign Ministry", not "Russian")
            actors = {max(at, key=lambda span: span[1] - span[0])[2] for w in for_whom
                      if (at := [span for span in spans if span[0] <= w.idx < span[1]])}
            if len(actors) != 1:
                continue
            actor = reading.actors[actors.pop()]
            # (a person known by more than one word, or by a gender: the tagger takes a campaign's slogan for a
            # person too, "the ''Remain'' campaign")
            person = actor.kind == "person" and (" " in actor.name or actor.id in reading.genders)
            if not (word in kb.spokespersons or word in kb.commands and actor.kind not in ("person", "state")
                    or word in kb.persons_organs and person):
                continue
        reading.mention(token, actor, "description")
        spans.append((token.idx, token.idx + len(token), actor.id))  # ("a spokesman for her campaign")
        latest[word] = actor


@cache
def _matchers(vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher, _PhraseTable]:
    """Titles (case-insensitive, and the few written only in capitals: "PM") and organ descriptions; built once
    per loaded model."""
    kb = knowledge_base()
    tokenizer = English(vocab=vocab).tokenizer
    lower, orth = _TokenHashes(tokenizer, "lower"), _TokenHashes(tokenizer, "orth")
    titles, exact_titles = PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab)
    for index, role in enumerate(kb.roles):
        names = [n for n in (role.title, *role.aliases) if n not in role.case_sensitive]
        # Abbreviations split as they are written: "Gen." is one token, "gen." two.
        forms = dict.fromkeys([*names, *(n.title() for n in names if "." in n)])
        titles.add(str(index), _hash_lists(lower(forms)))
        if role.case_sensitive:
            exact_titles.add(str(index), _hash_lists(orth(role.case_sensitive)))
    organs: dict[bytes, str] = {}
    for actor_id, descriptions in kb.organ_descriptions.items():
        for phrase in lower(descriptions):
            if phrase:
                organs.setdefault(phrase, actor_id)  # a description two organs share is the first's (none is now)
    return titles, exact_titles, _PhraseTable(organs)


class _NotOneWord(Exception):
    pass


class _TokenHashes(dict):
    """Phrases as what a matcher matches, the hashes of their tokens' `attr` ("orth", "lower"), packed as bytes
    (8 to a token, as in a numpy uint64 array), for some 73,000 titles and organ descriptions.

    The tokenizer reads each space-separated word on its own, so a phrase's tokens are its words' tokens, and a
    few hundred distinct words ("Syrian", "Russia's", "foreign", "ministry") make up the descriptions of every
    state's organs: each word is tokenised once, here, where a Doc for each phrase took most of a second. A
    phrase with other whitespace than single spaces between its words is tokenised whole. Bytes, not tuples of
    ints: no garbage collection passes over them while 66,000 are made.
    """

    def __init__(self, tokenizer: Tokenizer, attr: str) -> None:
        super().__init__()
        self.tokenizer, self.attr = tokenizer, attr

    def __call__(self, texts: Iterable[str]) -> list[bytes]:
        phrases = []
        for text in texts:
            try:
                phrases.append(b"".join(map(self.__getitem__, text.split(" "))))
            except _NotOneWord:
                phrases.append(self._tokens(text))
        return phrases

    def __missing__(self, word: str) -> bytes:
        if word.split() != [word]:  # empty (two spaces, a space at an end) or with other whitespace in it
            raise _NotOneWord
        hashes = self[word] = self._tokens(word)
        return hashes

    def _tokens(self, text: str) -> bytes:
        return numpy.array([getattr(token, self.attr) for token in self.tokenizer(text)], dtype="uint64").tobytes()


def _hash_lists(phrases: list[bytes]) -> list[list[int]]:
    """Packed phrases as the lists of hashes a PhraseMatcher takes."""
    return [numpy.frombuffer(phrase, dtype="uint64").tolist() for phrase in phrases]


class _PhraseTable:
    """What a PhraseMatcher on lower-case tokens finds, for many phrases of one label each: every span whose
    tokens are a phrase, by start then end, labelled. The organ descriptions are 66,000 phrases; spaCy's matcher
    takes a fifth of a second to take them in (and 64 MB), a table of their packed hashes (`_TokenHashes`) a hundredth."""

    def __init__(self, phrases: dict[bytes, str]) -> None:
        self.labels = phrases
        self.first_words = numpy.unique(numpy.frombuffer(b"".join(phrase[:8] for phrase in phrases), dtype="uint64"))
        self.longest = max(map(len, phrases), default=0) // 8

    def __call__(self, doc: Doc, lower: numpy.ndarray) -> list[Span]:
        """The spans of `doc`, whose lower-case hashes are `lower` (`doc.to_array(LOWER)`)."""
        spans = []
        packed = lower.astype("uint64", copy=False).tobytes()
        for start in numpy.flatnonzero(numpy.isin(lower, self.first_words)).tolist():
            for end in range(start + 1, min(len(lower), start + self.longest) + 1):
                label = self.labels.get(packed[start * 8:end * 8])
                if label is not None:
                    spans.append(Span(doc, start, end, label=label))
        return spans


def _slug(text: str) -> str:
    """An id's words: "López Obrador" is "lopez-obrador"; a name in another script keeps its letters ("путин")."""
    text = text.lower().replace("’", "'").removesuffix("'s")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    latin = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return latin or re.sub(r"\W+", "-", text).strip("-")
