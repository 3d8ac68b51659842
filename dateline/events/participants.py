"""Who takes part in an event: the actor behind a word of the parse.

A participant is found from the head word of a subject, an object or a prepositional phrase, in this order:
the actor mention that covers the word (names, titles, descriptions, and pronouns: the actors stage resolves
them, see `dateline/actors/coref.py`); for an "it"/"they" it left alone, the participants of its governing
subject ("militants said they", "the United States and Russia said they": one of each), else the latest
organisation mentioned; "we" in a quotation: the speaker, or the government a government official speaks for
(the quotes are read after the actors); the actor named inside the phrase ("positions of the Palestinian
security forces", "Haiti's efforts", "an Indian proposal"); a generic participant ("militants", "Palestinian
prisoners", "rebel-held territory") from `[participants]` in events.toml, made an actor of the
article with the country its phrase names; else, for a proper name nobody knows, the bare span.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.actors.coref import PERSONAL, PLURAL, THING, MentionIndex, governing_subjects, latest_organisation
from dateline.actors.knowledge import knowledge_base
from dateline.article import Article
from dateline.events.vocabulary import Vocabulary

_LATE = THING | PLURAL | PERSONAL - {"her"}  # pronouns only `coref.py` reads (the actors stage reads "her" too)
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_FIRST = {"we", "us", "our", "ours", "i", "me", "my", "ourselves"}
_HOLDING = {"hold", "control", "occupy", "run", "dominate", "besiege", "led", "lead", "back"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_KINDS = {"REB": "armed_group", "UAF": "armed_group", "MIL": "military", "COP": "government", "GOV": "government",
          "LEG": "government", "JUD": "government", "OPP": "opposition", "JRN": "media", "BUS": "business"}


@dataclass(frozen=True)
class Participant:
    actor: str | None
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "actor": self.actor}


class Participants:
    """Actor look-ups over one article: its mentions by token, its places by token, the generic actors added."""

    def __init__(self, article: Article, doc: Doc, vocabulary: Vocabulary):
        self.article, self.doc, self.vocabulary = article, doc, vocabulary
        self.kb = knowledge_base()
        self.actors = {a["id"]: a for a in article.actors}
        index = MentionIndex(article.mentions, doc)
        self.mention_at = index.at_token  # the events' own mentions (generic participants, places) are added to it
        self.mentions_by_token = index.by_token
        self.place_at: list[int | None] = [None] * len(doc)
        for index, place in enumerate(article.places):
            span = doc.char_span(place["start"], place["end"], alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.place_at[token.i] = index
        self.quotes = article.quotes
        self.added_mentions: list[dict] = []
        self.added_actors: set[str] = set()
        self.renamed: dict[tuple[int, int], str] = {}  # span of a generic participant -> the actor it became

    # ---------------------------------------------------------------------------------------------------------
    def of(self, head: Token | None, *, conjuncts: bool = True, depth: int = 0) -> list[Participant]:
        """The participants a head word stands for, one per conjunct ("the United States and Russia")."""
        if head is None:
            return []
        heads = [head, *(c for c in head.conjuncts if c.i > head.i)] if conjuncts else [head]
        found: list[Participant] = []
        for word in heads:
            for participant in self._one(word, depth):
                if participant not in found:
                    found.append(participant)
        return found

    def _one(self, word: Token, depth: int) -> list[Participant]:
        if (mention := self.mention_at[word.i]) is not None:
            actor = self.actors.get(mention["actor"]) or {}
            people = actor.get("kind") in ("state", "other", "ethnic_group", None) and (
                actor.get("kind") == "state" or not actor.get("country"))
            for child in word.children:
                # "Bosnian Serbs", "Iraqi Kurds": a people named with a state's adjective belong to that state
                if people and child.dep_ == "amod" and child.i < word.i and (state := self.state_at(child)):
                    if self.actors.get(state["actor"], {}).get("kind") == "state" and state["actor"] != actor.get("id"):
                        return [Participant(state["actor"], mention["start"], mention["end"], mention["text"])]
                # "The International Labor Office (ILO)": a known name in apposition beats an unknown organisation
                if child.dep_ == "appos" and mention["actor"].startswith("org:") \
                        and (known := self.mention_at[child.i]) is not None and not known["actor"].startswith("org:"):
                    return [Participant(known["actor"], known["start"], known["end"], known["text"])]
            found = [Participant(mention["actor"], mention["start"], mention["end"], mention["text"])]
            return found + self._coordinated(word, mention)
        lower = word.lower_
        if word.pos_ == "PRON" or lower in _RELATIVE:
            return self._pronoun(word, depth)
        # "militant-held areas": the holder is the participant.
        for child in word.children:
            if child.dep_ == "amod" and child.lemma_ in _HOLDING:
                for holder in child.children:
                    if holder.dep_ in ("npadvmod", "compound", "nmod", "amod") and holder.i < child.i:
                        found = self._generic(holder, location=word) or self._one(holder, depth + 1)
                        if found:
                            return found
        if self._country_near(word) and (generic := self._generic(word)):
            return generic
        if depth < 2:
            inner = self._inside(word, depth)
            if inner:
                return inner
        if generic := self._generic(word):
            return generic
        if word.ent_type_ in _NAME_LABELS or word.pos_ == "PROPN":
            span = self._phrase(word)
            return [Participant(None, span.start_char, span.end_char, span.text)]
        return []

    def _coordinated(self, word: Token, mention: dict) -> list[Participant]:
        """The other states of coordinated adjectives: "Hungarian and Romanian officials" are the Romanian and
        the Hungarian government, "French and Egyptian warships" two navies."""
        actor = self.actors.get(mention["actor"]) or {}
        country = actor.get("country")
        if not country:
            return []
        found = []
        for child in word.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i > word.i:
                continue
            coordinated = [child, *child.conjuncts]
            if len(coordinated) < 2:
                continue
            for other in coordinated:
                other_mention = self.state_at(other)
                other_country = (self.actors.get(other_mention["actor"]) or {}).get("country") if other_mention else \
                    self.kb.demonyms.get(other.text.lower())
                if not other_country or other_country == country:
                    continue
                organ = actor["id"].replace(f"{country}-", f"{other_country}-", 1) if actor["id"].startswith(
                    f"{country}-") else None
                if organ and organ in self.kb.actors:
                    self.ensure_actor(organ)
                    found.append(Participant(organ, other.idx, other.idx + len(other), other.text))
                elif other_mention:
                    found.append(Participant(other_mention["actor"], other_mention["start"], other_mention["end"],
                                             other_mention["text"]))
        return found

    def state_at(self, token: Token) -> dict | None:
        """The shortest mention at a word ("Romanian" in "Romanian officials")."""
        best = None
        for mention in self.mentions_by_token.get(token.i, ()):
            if best is None or mention["end"] - mention["start"] < best["end"] - best["start"]:
                best = mention
        return best

    def _inside(self, word: Token, depth: int) -> list[Participant]:
        """The actor named inside a phrase whose head is no actor: "Haiti's efforts", "an Indian proposal",
        "posts of the Ruritanian border guards", "Freedonian army trucks"."""
        for child in sorted(word.children, key=lambda c: -c.i):  # the modifier nearest the head first
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < word.i:
                if (mention := self.mention_at[child.i]) is not None:
                    found = [Participant(mention["actor"], mention["start"], mention["end"], mention["text"])]
                    for other in child.conjuncts:  # "the Turkish and Greek sides", "U.S. and Russian negotiators"
                        if (also := self.mention_at[other.i]) is not None and also["actor"] != mention["actor"]:
                            found.append(Participant(also["actor"], also["start"], also["end"], also["text"]))
                    return found
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    return self._pronoun(child, depth)
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                for object_ in child.children:
                    if object_.dep_ == "pobj":
                        found = self.of(object_, depth=depth + 1)
                        if any(p.actor for p in found):
                            return found
            # "crimes committed by Croat forces": who did what the noun names
            if child.dep_ == "acl" and child.tag_ == "VBN":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for object_ in agent.children:
                            if object_.dep_ == "pobj":
                                found = self.of(object_, depth=depth + 1)
                                if any(p.actor for p in found):
                                    return found
        return []

    def _pronoun(self, word: Token, depth: int) -> list[Participant]:
        lower = word.lower_
        if lower in _RELATIVE:
            clause = word.head
            while clause.dep_ == "conj":
                clause = clause.head
            if clause.dep_ == "relcl" and depth < 3:
                return self.of(clause.head, conjuncts=False, depth=depth + 1)
            return []
        if lower in _FIRST:
            return self._speaker_of(word)
        if lower in THING | PLURAL:
            return self._several(word)
        return []

    def _speaker_of(self, word: Token) -> list[Participant]:
        """"We" in a quotation: the speaker, or the government a government official speaks for."""
        for quote in self.quotes:
            if quote["start"] <= word.idx < quote["end"] and quote.get("speaker") and quote["speaker"].get("actor"):
                speaker = self.actors.get(quote["speaker"]["actor"])
                actor_id = quote["speaker"]["actor"]
                if word.lower_ not in ("i", "me", "my") and speaker and speaker.get("kind") == "person" \
                        and speaker.get("country") and speaker.get("sector") in ("GOV", "MIL"):
                    government = f"{speaker['country']}-GOV"
                    if government in self.kb.actors:
                        self.ensure_actor(government)
                        actor_id = government
                return [Participant(actor_id, word.idx, word.idx + len(word), word.text)]
        return []

    def _several(self, word: Token) -> list[Participant]:
        """"it"/"they" the actors stage left to this one: the participants of the subject that governs it, when
        that subject is a generic participant ("militants said they") or names several actors ("Bosnian Serbs",
        "the United States and Russia"); else the latest organisation mentioned."""
        for subject in governing_subjects(word):
            found = [p for p in self.of(subject, depth=1) if p.actor]
            if found:
                return [Participant(p.actor, word.idx, word.idx + len(word), word.text) for p in found]
        actor = latest_organisation(word, self.mention_at, lambda a: self.actors.get(a, {}).get("kind"))
        return [Participant(actor, word.idx, word.idx + len(word), word.text)] if actor else []

    # ---------------------------------------------------------------------------------------------------------
    def generic_of(self, word: Token, country: str) -> Participant | None:
        """A generic participant given its country from elsewhere (see `recipients._domestic`)."""
        found = self._generic(word, country=country)
        return found[0] if found else None

    def _generic(self, word: Token, location: Token | None = None, country: str | None = None) -> list[Participant]:
        """A participant named by kind ("militants", "Palestinian prisoners"): an actor of the article, the
        country's organ of the actor knowledge base where it has one ("Syrian rebels")."""
        lemma = word.lemma_.lower()
        sector = None
        for child in word.children:  # "security forces", "opposition groups"
            if child.dep_ in ("compound", "amod") and child.i == word.i - 1:
                sector = self.vocabulary.participants.get(f"{child.lemma_.lower()} {lemma}")
        sector = sector or self.vocabulary.participants.get(lemma)
        if sector is None:
            return []
        country = country or self._country_near(word) or (
            self._country_near(location) if location is not None else None)
        organ_key = self.vocabulary.participant_organs.get(sector)
        actor_id = f"{country}-{organ_key}" if country and organ_key else None
        span = self._phrase(word)
        if actor_id and actor_id in self.kb.actors:
            self.ensure_actor(actor_id)
        else:
            plural = word.lower_ if word.lower_.endswith("s") else lemma + "s"
            key = lemma
            for child in word.children:
                if child.dep_ in ("compound", "amod") and child.i == word.i - 1 \
                        and f"{child.lemma_.lower()} {lemma}" in self.vocabulary.participants:
                    key, plural = f"{child.lemma_.lower()}-{lemma}", f"{child.lower_} {plural}"
            actor_id = f"{country}:{key}" if country else f"generic:{key}"
            if actor_id not in self.actors:
                demonym = self.kb.states[country].demonym + " " if country and country in self.kb.states else ""
                self.added_actors.add(actor_id)
                self.actors[actor_id] = {
                    "id": actor_id, "name": f"{demonym}{plural}", "kind": _KINDS.get(sector, "other"),
                    "country": country, "sector": sector, "role": None, "aliases": [], "wikidata": None,
                    "mentions": 0,
                }
                self.article.actors.append(self.actors[actor_id])
        self._add_mention(span, actor_id)
        found = [Participant(actor_id, span.start_char, span.end_char, span.text)]
        return found + self._coordinated(word, {"actor": actor_id})

    def _country_near(self, word: Token) -> str | None:
        """The country a phrase names: its adjective or possessor ("Palestinian", "Syria's"), or the place after
        "in" or "from" ("protesters in Zimbabwe", "areas of Aleppo")."""
        for child in word.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < word.i:
                if country := self._country_of_token(child):
                    return country
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "of", "inside", "across", "throughout"):
                for object_ in child.children:
                    if object_.dep_ == "pobj" and (country := self._country_of_token(object_)):
                        return country
        return None

    def _country_of_token(self, token: Token) -> str | None:
        # A pronoun read by coreference gives a phrase no country: "Ruritania says it will pull back its ships" names
        # no Syrian troops as a party.
        if (mention := self.mention_at[token.i]) is not None and not (
                mention.get("kind") == "pronoun" and token.lower_ in _LATE):
            actor = self.actors.get(mention["actor"]) or {}
            if actor.get("country"):
                return actor["country"]
        if (place := self.place_at[token.i]) is not None:
            return self.article.places[place].get("country")
        key = token.text.lower().replace("’", "'")
        return self.kb.demonyms.get(key) or self.kb.state_names.get(key)

    def of_place(self, index: int, state: bool) -> Participant | None:
        """The people of a place an act is done to: a country is its state; a town or region the country's
        civilians (or the state, when `state`). The place's span is the mention, of kind "place"."""
        place = self.article.places[index]
        country = place.get("country")
        if not country or country not in self.kb.states:
            return None
        actor_id = country if state or place.get("feature") == "country" else f"{country}-CVL"
        if actor_id not in self.kb.actors:
            actor_id = country
        self.ensure_actor(actor_id)
        span = self.doc.char_span(place["start"], place["end"], alignment_mode="expand")
        if span is not None and all(self.mention_at[t.i] is None for t in span):
            mention = {"start": place["start"], "end": place["end"], "text": place["text"], "actor": actor_id,
                       "kind": "place"}
            for token in span:
                self.mention_at[token.i] = mention
            self.added_mentions.append(mention)
            self.actors[actor_id]["mentions"] = self.actors[actor_id].get("mentions", 0) + 1
        return Participant(actor_id, place["start"], place["end"], place["text"])

    def ensure_actor(self, actor_id: str) -> None:
        """An actor of the knowledge base that an event names, listed among the article's actors."""
        if actor_id in self.actors or actor_id not in self.kb.actors:
            return
        entry = {**self.kb.actors[actor_id].to_dict(), "mentions": 0}
        self.actors[actor_id] = entry
        self.article.actors.append(entry)
        self.added_actors.add(actor_id)

    def _add_mention(self, span: Span, actor_id: str) -> None:
        for token in span:
            held = self.mention_at[token.i]
            if held is not None:
                if any(held is m for m in self.added_mentions) and held["actor"].startswith("generic:") \
                        and held["start"] == span.start_char and held["actor"] != actor_id:
                    # a generic participant given its country later
                    self.actors[held["actor"]]["mentions"] -= 1
                    held["actor"] = actor_id
                    self.renamed[(held["start"], held["end"])] = actor_id
                    self.actors[actor_id]["mentions"] = self.actors[actor_id].get("mentions", 0) + 1
                return
        mention = {"start": span.start_char, "end": span.end_char, "text": span.text, "actor": actor_id,
                   "kind": "description"}
        for token in span:
            self.mention_at[token.i] = mention
        self.added_mentions.append(mention)
        self.actors[actor_id]["mentions"] = self.actors[actor_id].get("mentions", 0) + 1

    def _phrase(self, word: Token) -> Span:
        """The words of a participant: its head with the modifiers before it ("Burundian militiamen")."""
        start = word.i
        for child in word.lefts:
            if child.dep_ in ("amod", "compound", "nmod", "poss", "det", "nummod", "npadvmod") or child.is_punct:
                start = min(start, child.left_edge.i)
        while start < word.i and (self.doc[start].dep_ in ("det", "punct") or self.doc[start].like_num
                                  or self.doc[start].pos_ == "ADV"):
            start += 1
        return self.doc[start:word.i + 1]

    def final(self, participant: Participant) -> Participant:
        """A participant with the actor its span ended up with (a generic one may have got its country)."""
        renamed = self.renamed.get((participant.start, participant.end))
        if renamed and participant.actor and participant.actor.startswith("generic:"):
            return Participant(renamed, participant.start, participant.end, participant.text)
        return participant

    def finish(self, referenced: set[str]) -> None:
        """Put the events' own mentions among the article's mentions, in text order, and keep only the actors
        they added that a mention or an event names (a coordinated "Hungarian" in "Hungarian and Romanian
        officials" names the Hungarian government through the event's source span only)."""
        if self.added_mentions:
            self.article.mentions = sorted([*self.article.mentions, *self.added_mentions], key=lambda m: m["start"])
        kept = {m["actor"] for m in self.article.mentions} | referenced
        dropped = {a for a in self.added_actors if a not in kept}
        if dropped:
            self.article.actors = [a for a in self.article.actors if a["id"] not in dropped]

