"""The words that mark quotations, from `data/quotes.toml`: cue verbs by group, attributing phrases, quote marks."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class CueGroup:
    name: str
    verbs: frozenset[str]  # take a clause ("said that ...") or a quotation
    to_clause: bool = False  # "vowed to block ..."
    of_clause: bool = False  # "accused the government of violating ..."
    object: frozenset[str] = frozenset()  # "denied the allegations"
    prepositions: dict[str, frozenset[str]] = field(default_factory=dict)  # "called for a ban"
    nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "criticism" -> {"of", "that"}
    adjectives: dict[str, frozenset[str]] = field(default_factory=dict)  # "confident" -> {"that", "about"}
    said_of: frozenset[str] = frozenset()  # "shows Okafor with a lead": what the verb says of its object


@dataclass(frozen=True)
class Marks:
    opening: frozenset[str]
    closing: frozenset[str]
    straight: frozenset[str]


@dataclass(frozen=True)
class Vocabulary:
    clause_groups: dict[str, CueGroup]  # lemma -> the first group whose verbs list it
    object_groups: dict[str, CueGroup]  # lemma -> the first group whose objects list it
    preposition_groups: dict[tuple[str, str], CueGroup]  # (lemma, preposition) -> group
    cue_groups: dict[str, CueGroup]  # lemma -> its group, whatever content it takes
    according: tuple[tuple[str, ...], ...]  # attributing phrases, lower-cased words: ("according", "to")
    marks: Marks
    not_speakers: frozenset[str] = frozenset()  # labels before a colon that name no speaker ("Photo:")
    label_addressees: frozenset[str] = frozenset()  # "Okafor to farmers:": whom a label's speaker speaks to
    according_first: frozenset[str] = frozenset()  # the first words of the attributing phrases
    nouns: dict[str, tuple[CueGroup, frozenset[str]]] = field(default_factory=dict)  # noun -> group, complements
    adjectives: dict[str, tuple[CueGroup, frozenset[str]]] = field(default_factory=dict)
    raising: frozenset[str] = frozenset()  # "appears to be slipping": verbs of seeming
    catenatives: frozenset[str] = frozenset()  # "continued to insist": words that take a reporting infinitive
    in_documents: frozenset[str] = frozenset()  # "in the latest poll": documents that attribute through "in"
    in_minds: frozenset[str] = frozenset()  # "in Moscow's view": what someone holds, attributing through "in"
    finders: frozenset[str] = frozenset()  # "the survey finds Clinton with a lead": whose "find" takes an object
    polled: frozenset[str] = frozenset()  # "60 percent said": the shares of those polled, who speak through a poll
    scopes: frozenset[str] = frozenset()  # "voters overall said": words after a group that say which of it speak
    joining: frozenset[str] = frozenset()  # "Okafor, along with Brandt, says": words of others joining the speaker
    first_of_kind: frozenset[str] = frozenset()  # "was the first Democrat to endorse her": the one said to be it did it
    bodies: frozenset[str] = frozenset()  # "the chorus of critics urging": nouns that count people as a body
    participle_holders: frozenset[str] = frozenset()  # "a group backing Hale": nouns a participle reports for
    participle_people: frozenset[str] = frozenset()  # "members saying": those of the holders that are people
    publishing: frozenset[str] = frozenset()  # "issued a statement that accused": verbs whose subject speaks through it
    done_by: frozenset[str] = frozenset()  # "began by saying": verbs done by the speech act of their "by" gerund
    causing: frozenset[str] = frozenset()  # "forced Sanders to acknowledge": verbs whose object does the infinitive
    force_verbs: frozenset[str] = frozenset()  # "attacked the convoy": verbs that accuse only in words
    billing: frozenset[str] = frozenset()  # "charged a fee": verbs that bill as well as accuse
    prices: frozenset[str] = frozenset()  # "fee", "rent": what is billed
    hearing: frozenset[str] = frozenset()  # "listened to the argument": verbs whose "to" or "in" phrase is others'
    other_objects: dict[str, frozenset[str]] = field(default_factory=dict)  # "claim" -> {"life"}: other senses
    freeing: frozenset[str] = frozenset()  # "release": verbs that free people as well as make things public
    endangering: frozenset[str] = frozenset()  # "threaten": verbs that put things at risk as well as warn
    captives: frozenset[str] = frozenset()  # "prisoner", "sailor": whom they free
    finding_oneself: frozenset[str] = frozenset()  # "find": "found himself embroiled", a state and no finding
    asides: tuple[tuple[str, ...], ...] = ()  # "that said": the writer's turns of phrase, lower-cased words
    advising: frozenset[tuple[str, ...]] = frozenset()  # ("may", "want"): the writer's advice, a modal and a lemma
    other_senses: frozenset[tuple[str, str]] = frozenset()  # ("rip", "off"): a particle that takes a verb elsewhere
    armed: frozenset[str] = frozenset()  # "rebels attacked": who attacks with force
    targets: frozenset[str] = frozenset()  # "attacked the base": what is attacked with force
    light_verbs: frozenset[str] = frozenset()  # "made the case that": verbs that report through their noun
    holding_verbs: frozenset[str] = frozenset()  # "had doubts about": light verbs but for nouns of stance
    to_verbs: frozenset[str] = frozenset()  # verbs of a group without to_clause that take an infinitive too
    verb_phrases: dict[str, list[tuple[tuple[str, ...], CueGroup]]] = field(default_factory=dict)  # first lemma ->
    self_described: frozenset[str] = frozenset()  # "a self-described socialist": participles after "self-"
    hearsay: frozenset[str] = frozenset()  # "has reportedly looked at": adverbs that make a clause others' report
    asking: frozenset[str] = frozenset()  # "asked if ...": verbs whose "if"/"whether" clause is the question
    prepositional_nouns: frozenset[str] = frozenset()  # "in reference to": a preposition, no cue
    permitting: frozenset[str] = frozenset()  # "not authorized to discuss": permissions withheld say nothing
    unknowing: frozenset[tuple[str, str]] = frozenset()  # ("without", "knowing"): knowledge lacked, no view held
    naming_participles: frozenset[str] = frozenset()  # "the votes known as Harvest Week"
    plain_naming: frozenset[str] = frozenset()  # "a firm called Valbrook Analytics": the thing's own name
    likening: frozenset[str] = frozenset()  # "compared X to Y": verbs whose object goes with its "to"/"with" phrase
    as_verbs: frozenset[str] = frozenset()  # "cast her as": verbs that report only with their "as"
    terms_of_speaking: frozenset[str] = frozenset()  # "spoke on condition of anonymity": never what was said
    channels: frozenset[str] = frozenset()  # "said in a statement": where something is said
    occasions: frozenset[str] = frozenset()  # "at a news conference": where words are said
    circumstances: frozenset[str] = frozenset()  # "backed her by a wide margin": prepositions of how, not what
    referring: frozenset[tuple[str, ...]] = frozenset()  # ("by", "name"): how an object was referred to
    done_objects: frozenset[str] = frozenset()  # "identified the platforms": object verbs only when done, not to do
    viewing: frozenset[str] = frozenset()  # "analysts see a cut": object verbs only of a view someone holds
    regarding: frozenset[str] = frozenset()  # "view her unfavorably": verbs that report with how as with "as"
    favor: frozenset[str] = frozenset()  # "unfavorably": how someone regards a thing
    spending: frozenset[str] = frozenset()  # "spent the week portraying Marlow as ...": who spends the time does it
    relying: frozenset[str] = frozenset()  # "the pressure on Marlow to say": an "on" phrase that does the infinitive
    adverb_subjects: frozenset[str] = frozenset()  # "after half said so": words of how many the tagger reads as adverbs
    connectives: frozenset[str] = frozenset()  # "Still, ...": the writer's link to what came before
    reported_conditions: frozenset[str] = frozenset()  # "When the plant closed, ...": part of what was reported
    said_conditions: frozenset[str] = frozenset()  # "threatened to skip it unless he is paid": part of what was said
    conceding: frozenset[str] = frozenset()  # "Despite the attacks, ...": the writer's concession
    circumstance_nouns: frozenset[str] = frozenset()  # "the reason he hopes ...": nouns a relative clause leaves out

    def group(self, lemma: str) -> CueGroup | None:
        """The group of a cue word; None for a word that is no cue."""
        return self.cue_groups.get(lemma)

    def preposition_group(self, lemma: str, preposition: str) -> CueGroup | None:
        return self.preposition_groups.get((lemma, preposition))

    def takes_object(self, lemma: str) -> bool:
        return lemma in self.object_groups


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads(resources.files("dateline.data").joinpath("quotes.toml").read_text(encoding="utf-8"))
    clause: dict[str, CueGroup] = {}
    nouns: dict[str, tuple[CueGroup, frozenset[str]]] = {}
    adjectives: dict[str, tuple[CueGroup, frozenset[str]]] = {}
    objects: dict[str, CueGroup] = {}
    prepositional: dict[tuple[str, str], CueGroup] = {}
    groups: dict[str, CueGroup] = {}
    for name, spec in data["groups"].items():
        group = groups[name] = CueGroup(
            name, frozenset(spec.get("verbs", ())), spec.get("to_clause", False), spec.get("of_clause", False),
            frozenset(spec.get("object", ())),
            {prep: frozenset(verbs) for prep, verbs in spec.get("prepositions", {}).items()},
            {noun: frozenset(takes) for noun, takes in spec.get("nouns", {}).items()},
            {adjective: frozenset(takes) for adjective, takes in spec.get("adjectives", {}).items()},
            frozenset(spec.get("said_of", ())),
        )
        for verb in group.verbs:
            clause.setdefault(verb, group)
        for verb in group.object:
            objects.setdefault(verb, group)
        for prep, verbs in group.prepositions.items():
            for verb in verbs:
                prepositional.setdefault((verb, prep), group)
        for noun, takes in group.nouns.items():
            nouns.setdefault(noun, (group, takes))
        for adjective, takes in group.adjectives.items():
            adjectives.setdefault(adjective, (group, takes))
    phrases: dict[str, list[tuple[tuple[str, ...], CueGroup]]] = {}
    for name, idioms in data.get("verb_phrases", {}).items():
        for idiom in idioms:
            words = tuple(idiom.lower().split())
            phrases.setdefault(words[0], []).append((words, groups[name]))
    for idioms in phrases.values():
        idioms.sort(key=lambda entry: -len(entry[0]))
    as_verbs = {verb: groups[name] for name, spec in data["groups"].items()
                for verb in (*spec.get("as_verbs", ()), *spec.get("likening", ()))}
    cues = {**as_verbs, **{lemma: g for (lemma, _), g in reversed(list(prepositional.items()))}, **objects, **clause}
    according = tuple(tuple(phrase.lower().split()) for phrase in data["phrases"]["according"])
    marks = data["marks"]
    phrase_lists = data["phrases"]
    return Vocabulary(
        clause, objects, prepositional, cues, according,
        Marks(frozenset(marks["open"]), frozenset(marks["close"]), frozenset(marks["straight"])),
        not_speakers=frozenset(label.lower() for label in data["colon"]["not_speakers"]),
        label_addressees=frozenset(data["colon"]["label_addressees"]),
        according_first=frozenset(phrase[0] for phrase in according),
        nouns=nouns, adjectives=adjectives,
        raising=frozenset(phrase_lists.get("seeming", ())),
        catenatives=frozenset(phrase_lists.get("catenatives", ())),
        in_documents=frozenset(phrase_lists.get("in_documents", ())),
        in_minds=frozenset(phrase_lists.get("in_minds", ())),
        finders=frozenset(phrase_lists.get("finders", ())),
        polled=frozenset(phrase_lists.get("polled", ())),
        scopes=frozenset(phrase_lists.get("scopes", ())),
        joining=frozenset(phrase_lists.get("joining", ())),
        first_of_kind=frozenset(phrase_lists.get("first_of_kind", ())),
        bodies=frozenset(phrase_lists.get("bodies", ())),
        participle_holders=frozenset(phrase_lists.get("participle_people", ())) | frozenset(
            phrase_lists.get("participle_documents", ())) | frozenset(phrase_lists.get("in_documents", ())),
        participle_people=frozenset(phrase_lists.get("participle_people", ())),
        publishing=frozenset(phrase_lists.get("publishing", ())),
        done_by=frozenset(phrase_lists.get("done_by", ())),
        causing=frozenset(phrase_lists.get("causing", ())),
        light_verbs=frozenset(phrase_lists.get("light_verbs", ())),
        holding_verbs=frozenset(phrase_lists.get("holding_verbs", ())),
        force_verbs=frozenset(phrase_lists.get("force_verbs", ())),
        billing=frozenset(phrase_lists.get("billing", ())),
        prices=frozenset(phrase_lists.get("prices", ())),
        hearing=frozenset(phrase_lists.get("hearing", ())),
        other_objects={verb: frozenset(objects) for verb, objects in data.get("other_objects", {}).items()},
        freeing=frozenset(phrase_lists.get("freeing", ())),
        endangering=frozenset(phrase_lists.get("endangering", ())),
        captives=frozenset(phrase_lists.get("captives", ())),
        finding_oneself=frozenset(phrase_lists.get("finding_oneself", ())),
        asides=tuple(tuple(phrase.lower().split()) for phrase in phrase_lists.get("asides", ())),
        advising=frozenset(tuple(phrase.lower().split()) for phrase in phrase_lists.get("advising", ())),
        other_senses=frozenset(tuple(phrase.lower().split()) for phrase in phrase_lists.get("other_senses", ())),
        armed=frozenset(phrase_lists.get("armed", ())),
        targets=frozenset(phrase_lists.get("targets", ())),
        verb_phrases=phrases,
        to_verbs=frozenset(v for spec in data["groups"].values() for v in spec.get("to_verbs", ())),
        likening=frozenset(v for spec in data["groups"].values() for v in spec.get("likening", ())),
        as_verbs=frozenset(v for spec in data["groups"].values() for v in spec.get("as_verbs", ())),
        naming_participles=frozenset(v for spec in data["groups"].values() for v in spec.get("participles", ())),
        plain_naming=frozenset(v for spec in data["groups"].values() for v in spec.get("plain_participles", ())),
        asking=frozenset(phrase_lists.get("asking", ())),
        permitting=frozenset(phrase_lists.get("permitting", ())),
        unknowing=frozenset(tuple(phrase.lower().split()) for phrase in phrase_lists.get("unknowing", ())),
        prepositional_nouns=frozenset(phrase_lists.get("prepositional_nouns", ())),
        self_described=frozenset(phrase_lists.get("self_described", ())),
        hearsay=frozenset(phrase_lists.get("hearsay", ())),
        terms_of_speaking=frozenset(phrase_lists.get("terms_of_speaking", ())),
        channels=frozenset(phrase_lists.get("channels", ())),
        occasions=frozenset(phrase_lists.get("occasions", ())),
        circumstances=frozenset(phrase_lists.get("circumstances", ())),
        referring=frozenset(tuple(phrase.lower().split()) for phrase in phrase_lists.get("referring", ())),
        done_objects=frozenset(phrase_lists.get("done_objects", ())),
        viewing=frozenset(phrase_lists.get("viewing", ())),
        regarding=frozenset(phrase_lists.get("regarding", ())),
        favor=frozenset(phrase_lists.get("favor", ())),
        spending=frozenset(phrase_lists.get("spending", ())),
        relying=frozenset(phrase_lists.get("relying", ())),
        adverb_subjects=frozenset(phrase_lists.get("adverb_subjects", ())),
        connectives=frozenset(phrase_lists.get("connectives", ())),
        reported_conditions=frozenset(phrase_lists.get("reported_conditions", ())),
        said_conditions=frozenset(phrase_lists.get("said_conditions", ())),
        conceding=frozenset(phrase_lists.get("conceding", ())),
        circumstance_nouns=frozenset(phrase_lists.get("circumstance_nouns", ())),
    )
