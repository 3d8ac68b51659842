"""What dateline knows of actors, from `data/actors/*.toml`: states, their organs, roles, IGOs and groups, and the
words that stand for an actor without naming it.

Organs are written once as templates ("{demonym} foreign ministry") and expanded over every state here, so that
"Syrian military" and "Russia's foreign ministry" resolve without a line per country in the data.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    parent: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "country": self.country, "sector": self.sector,
            "role": self.role, "aliases": list(self.aliases), "wikidata": self.wikidata,
        }


@dataclass(frozen=True)
class State:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    capital: str | None
    capital_aliases: tuple[str, ...]
    seats: tuple[str, ...]
    demonyms: tuple[str, ...]
    wikidata: str | None

    @property
    def demonym(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name


@dataclass(frozen=True)
class Role:
    title: str
    sector: str
    organ: str | None
    aliases: tuple[str, ...]
    igo: str | None = None  # the organisation whose title it is ("UN envoy"), when no country is needed
    case_sensitive: tuple[str, ...] = ()  # aliases matched only as written ("PM" is not "3 pm")
    country: str | None = None  # the one state whose title it is ("chancellor of the exchequer")


@dataclass(frozen=True)
class Term:
    office: str  # a roles.toml title
    start: date
    end: date | None  # None: held on the day the data was checked


@dataclass(frozen=True)
class Leader:
    name: str
    country: str | None  # None: a career in international organisations alone
    gender: str
    terms: tuple[Term, ...]

    def office_on(self, day: date, checked: date) -> str | None:
        """The office held on the day, where the data knows it (an office begins and ends on the day it is
        handed over: on inauguration day the new president holds it)."""
        for term in self.terms:
            if term.start <= day and (day < term.end if term.end else day <= checked):
                return term.office
        return None


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    states: dict[str, State] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    honorifics: frozenset[str] = frozenset()
    title_abbreviations: dict[str, str] = field(default_factory=dict)  # "gov." -> "governor"
    person_nouns: frozenset[str] = frozenset()  # nouns a description of a person can have for its head
    familiar_person_nouns: frozenset[str] = frozenset()  # those that stand for a person already in the story
    # Words that tell a person's gender (genders.toml): titles and honorifics lower case; given names as written.
    gendered_titles: dict[str, str] = field(default_factory=dict)
    given_names: dict[str, str] = field(default_factory=dict)
    # How a state is named in text, case-folded: its names, its capital and seat of power, its demonyms.
    state_names: dict[str, str] = field(default_factory=dict)
    states_named_like_people: frozenset[str] = frozenset()  # "chad", "india": also given names
    capitals: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    # Every other actor's names to its id: case-folded, and as written for the case-sensitive ones ("IS", "WHO").
    names: dict[str, str] = field(default_factory=dict)
    exact_names: dict[str, str] = field(default_factory=dict)
    # The organs expanded from templates, with their descriptions ("Syrian military", "Russia's foreign ministry").
    organ_descriptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Own names of organs ("Pentagon", "Knesset"): names, unlike the template descriptions.
    named_organs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Heads of state and government by each of their names, case-folded (leaders.toml), and the day the offices
    # still held were checked.
    leaders: dict[str, Leader] = field(default_factory=dict)
    leaders_of: dict[str | None, list[Leader]] = field(default_factory=dict)  # by country
    leaders_checked: date = date.min
    # The ends of several words of leaders' names ("inácio lula da silva"), to the one leader they end (None: several).
    leader_endings: dict[str, Leader | None] = field(default_factory=dict)
    # (pattern, kind, sector) guessing what an unlisted organisation is from its name (name_words.toml), in order.
    name_words: list[tuple[re.Pattern, str, str]] = field(default_factory=list)
    # Words that stand for an actor without naming it (descriptions.toml): descriptions after "the" with the kinds of
    # actor they can stand for; by organ key, the section of the population a description stands for when the
    # article names no such actor, and the government or forces a government word stands for; the words of those
    # who speak for an actor.
    descriptions: dict[str, frozenset[str]] = field(default_factory=dict)  # "group" -> {"armed_group", ...}
    other_referents: frozenset[str] = frozenset()  # "the rival group" is not the group named before
    kind_nouns: frozenset[str] = frozenset()  # "the rebel group": a noun that may modify a description
    sections: dict[str, str] = field(default_factory=dict)  # "opposition" -> "OPP"
    government_words: dict[str, str] = field(default_factory=dict)  # "government forces" -> "MIL"
    # "the department" after "the Labor Department": each head, and the heads of the names it stands for
    named_heads: dict[str, frozenset[str]] = field(default_factory=dict)
    spokespersons: frozenset[str] = frozenset()  # "a Pentagon spokeswoman"
    persons_organs: frozenset[str] = frozenset()  # "the Clinton campaign"
    commands: frozenset[str] = frozenset()  # "the Hamas leadership"

    def actor_named(self, text: str) -> Actor | None:
        actor_id = self.exact_names.get(text.strip()) or self.names.get(_key(text))
        return self.actors[actor_id] if actor_id else None

    def leader_named(self, name: str) -> Leader | None:
        """The leader a name is one of the names of, or, for a name of several words, the end of one of them
        only ("Inácio Lula da Silva": the tagger leaves a first word out now and then)."""
        key = _key(name)
        return self.leaders.get(key) or self.leader_endings.get(key)

    def kind_of_organisation(self, name: str) -> tuple[str, str | None]:
        """The kind and sector an organisation the actor files do not list has by the words of its name."""
        return next(((kind, sector) for pattern, kind, sector in self.name_words if pattern.search(name)),
                    ("other", None))

    def government(self, iso3: str) -> Actor:
        return self.actors[f"{iso3}-GOV"]

    def _add_names(self, actor_id: str, names, case_sensitive=()) -> None:
        for name in names:
            # Acronyms are written in capitals: "LET" is Lashkar-e-Taiba, "let" is not.
            if name in case_sensitive or (name.isupper() and len(name) <= 6):
                self.exact_names.setdefault(name, actor_id)
            else:
                self.names.setdefault(_key(name), actor_id)


def _un_spelled_out(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names, each beginning "UN " also as news spells it out: "UN High Commissioner for Human Rights" is as often
    "United Nations High Commissioner for Human Rights" or "U.N. High Commissioner for Human Rights"."""
    forms = []
    for name in names:
        forms.append(name)
        if name.startswith("UN "):
            forms += [f"United Nations {name[3:]}", f"U.N. {name[3:]}"]
    return tuple(dict.fromkeys(forms))


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold().removeprefix("the ")


def _read(name: str) -> dict:
    with resources.files("dateline.data").joinpath("actors", name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def knowledge_base() -> KnowledgeBase:
    kb = KnowledgeBase()
    adjectives: dict[str, tuple[str, ...]] = {}
    states = _read("states.toml")["state"]
    kb.states_named_like_people = frozenset(_key(entry["name"]) for entry in states if entry.get("given_name"))
    for entry in states:
        state = State(
            iso3=entry["iso3"], name=entry["name"], aliases=tuple(entry.get("aliases", ())),
            capital=entry.get("capital"), capital_aliases=tuple(entry.get("capital_aliases", ())),
            seats=tuple(entry.get("seats", ())), demonyms=tuple(entry.get("demonyms", ())),
            wikidata=entry.get("wikidata"),
        )
        kb.states[state.iso3] = state
        adjectives[state.iso3] = tuple(entry.get("adjectives", ()))
        kb.actors[state.iso3] = Actor(
            id=state.iso3, name=state.name, kind="state", country=state.iso3, aliases=state.aliases,
            wikidata=state.wikidata,
        )
        for name in (state.name, *state.aliases):
            kb.state_names.setdefault(_key(name), state.iso3)
        for name in (state.capital, *state.capital_aliases, *state.seats):
            if name:
                kb.capitals.setdefault(_key(name), state.iso3)
        for demonym in (*state.demonyms, *adjectives[state.iso3]):
            kb.demonyms.setdefault(_key(demonym), state.iso3)

    leaders_file = _read("leaders.toml")
    kb.leaders_checked = leaders_file["checked"]
    governments: dict[str, list[str]] = {}  # the names of the governments of each state's leaders
    for entry in leaders_file["leader"]:
        terms = tuple(Term(t["office"], t["from"], t.get("to")) for t in entry["terms"])
        leader = Leader(entry["name"], entry.get("country"), entry["gender"], terms)
        kb.leaders_of.setdefault(leader.country, []).append(leader)
        for name in (leader.name, *entry.get("names", ())):
            kb.leaders[_key(name)] = leader
            words = _key(name).split()
            for ending in (" ".join(words[i:]) for i in range(1, len(words) - 1)):
                held = kb.leader_endings.setdefault(ending, leader)
                kb.leader_endings[ending] = held if held is leader else None
        governments.setdefault(leader.country, []).extend(entry.get("government", ()))

    organs = _read("organs.toml")
    # The placeholders' values for each state, with {demonym} in each adjectival form and {leader} each name of its
    # leaders' governments: 38 organs over some 250 states are 66,000 names, so the loop below is kept to what
    # each name needs.
    fills = {iso3: [{"name": state.name, "demonym": form, "capital": state.capital or state.name}
                    for form in (state.demonym, *adjectives[iso3])] for iso3, state in kb.states.items()}

    def each(template: str, iso3: str) -> list[dict[str, str]]:
        if "{leader}" in template:
            return [{**fills[iso3][0], "leader": name} for name in governments.get(iso3, ())]
        return fills[iso3] if "{demonym}" in template else fills[iso3][:1]

    for organ in organs["organ"]:
        templates = (organ["name"], *organ.get("aliases", ()))
        case_sensitive = organ.get("case_sensitive", ())
        for iso3 in fills:
            names = list(dict.fromkeys([t.format_map(values) for t in templates for values in each(t, iso3)]))
            actor = Actor(
                id=f"{iso3}-{organ['key']}", name=names[0], kind=organ["kind"], country=iso3,
                sector=organ["sector"], role=organ.get("role"), aliases=tuple(names[1:]),
            )
            kb.actors[actor.id] = actor
            kb.organ_descriptions[actor.id] = tuple(names)
            kb._add_names(actor.id, names, case_sensitive)
    for named in organs["named"]:
        organ = kb.actors[named["id"]]
        own = tuple(named.get("aliases", ()))
        name = named.get("name", organ.name)
        kb.actors[organ.id] = Actor(**{**organ.__dict__, "name": name, "aliases": (*own, *organ.aliases),
                                       "wikidata": named.get("wikidata")})
        kb.named_organs[organ.id] = (name, *own) if "name" in named else own
        kb._add_names(organ.id, kb.named_organs[organ.id], named.get("case_sensitive", ()))

    roles = _read("roles.toml")
    for entry in roles["role"]:
        kb.roles.append(Role(entry["title"], entry["sector"], entry.get("organ"), tuple(entry.get("aliases", ())),
                             entry.get("igo"), tuple(entry.get("case_sensitive", ())), entry.get("country")))
    kb.honorifics = frozenset(roles["honorifics"])
    kb.title_abbreviations = dict(roles["title_abbreviations"])
    kb.person_nouns = frozenset(roles["person_nouns"])
    kb.familiar_person_nouns = frozenset(roles["familiar_person_nouns"])
    kb.name_words = [(re.compile(pattern), entry["kind"], entry["sector"])
                     for entry in _read("name_words.toml")["kind"] for pattern in entry["patterns"]]
    for gender, words in _read("genders.toml").items():
        kb.gendered_titles.update(dict.fromkeys(words["titles"], gender))
        kb.given_names.update(dict.fromkeys(words["given_names"], gender))
    descriptions = _read("descriptions.toml")
    kb.descriptions = {word: frozenset(kinds) for word, kinds in descriptions["descriptions"].items()}
    kb.other_referents = frozenset(descriptions["modifiers"]["other"])
    kb.kind_nouns = frozenset(descriptions["modifiers"]["kinds"])
    kb.sections = dict(descriptions["sections"])
    kb.government_words = dict(descriptions["government_words"])
    also = descriptions["named_heads"]["also"]
    kb.named_heads = {head: frozenset([head, *also.get(head, ())]) for head in descriptions["named_heads"]["heads"]}
    speaking = descriptions["speaking"]
    kb.spokespersons = frozenset(speaking["spokespersons"])
    kb.persons_organs = frozenset(speaking["persons_organs"])
    kb.commands = frozenset(speaking["commands"])

    for file in ("igos.toml", "groups.toml"):
        for entry in _read(file)["actor"]:
            actor = Actor(
                id=entry["id"], name=entry["name"], kind=entry["kind"], country=entry.get("country"),
                sector=entry.get("sector"), aliases=_un_spelled_out((entry["name"], *entry.get("aliases", ())))[1:],
                wikidata=entry.get("wikidata"), parent=entry.get("parent"),
            )
            kb.actors[actor.id] = actor
            kb._add_names(actor.id, (actor.name, *actor.aliases), entry.get("case_sensitive", ()))
    return kb
