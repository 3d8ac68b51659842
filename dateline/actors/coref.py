"""Pronouns to actors, once for every stage, and the actor mentioned at a point of the text.

The actors stage reads he/she/him/her as it goes (`resolve._read_word`); what is left, it/its/they/their/them and
his/her, is read here after the names, titles and descriptions, into mentions of kind "pronoun":

- "it"/"they": the subject of a clause that governs the pronoun ("Hungary has said it will support", "the HNC
  left the talks after it accused the government"); else, for a subject, the nearest subject before it in the
  sentence, or, opening its sentence, the subject of the sentence before ("The Fed wants to curb inflation. It
  plans to ...", one noun for "it", plural nouns for "they"). "it" never stands for a person. A governing subject
  that names no actor (perhaps a generic participant: "militants said they") or several ("Bosnian Serbs", "the
  United States and Russia said they") is left to the events stage, which reads such phrases (with
  `governing_subjects`), and which alone, for an event's participant, falls back to a guess (`latest_organisation`);
- "his", and "her" not read as the actors stage went: the latest person mentioned in this or the previous
  sentence not known to be of the other gender.

`MentionIndex` is how the later stages (speakers of quotes, participants of events) find the actor at a token or
at a character offset.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from dateline.nlp import word_hashes

THING = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PERSONAL = {"his", "her", "hers"}
_READ = frozenset(THING | PLURAL | PERSONAL)
_SUBJECTS = ("nsubj", "nsubjpass")


class MentionIndex:
    """The article's actor mentions by character offset and, given the parse, by token."""

    def __init__(self, mentions: list[dict], doc: Doc | None = None):
        self.mentions = sorted(mentions, key=lambda m: (m["start"], -m["end"]))
        self.starts = [m["start"] for m in self.mentions]
        # (no mention that starts further back than the longest one can cover a character)
        self.longest = max((m["end"] - m["start"] for m in mentions), default=0)
        # The longest mention covering each token (the first on a tie), and all the mentions covering it.
        self.at_token: list[dict | None] = [None] * len(doc) if doc is not None else []
        self.by_token: dict[int, list[dict]] = {}
        if doc is None:
            return
        for mention in mentions:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, []).append(mention)
                held = self.at_token[token.i]
                if held is None or held["end"] - held["start"] < mention["end"] - mention["start"]:
                    self.at_token[token.i] = mention

    def actor_at(self, start: int, end: int, span: tuple[int, int] | None = None) -> str | None:
        """The actor of the mention covering [start, end) (a head word), preferring the one closest to `span`
        (characters): the longest that stays inside it, else the shortest that covers the head."""
        inside, around = [], []
        for mention in self.mentions[bisect_left(self.starts, start - self.longest):bisect_right(self.starts, start)]:
            if mention["start"] <= start and end <= mention["end"]:
                if span is None or span[0] <= mention["start"] and mention["end"] <= span[1]:
                    inside.append(mention)
                else:
                    around.append(mention)
        if inside:
            return max(inside, key=lambda m: m["end"] - m["start"])["actor"]
        if around:
            return min(around, key=lambda m: m["end"] - m["start"])["actor"]
        return None


def governing_subjects(word: Token) -> Iterator[Token]:
    """The subjects of the clauses that govern a pronoun, nearest first, that are not pronouns and do not contain
    it."""
    node, seen = word.head, 0
    while node is not None and seen < 8:
        for child in node.children:
            if child.dep_ in _SUBJECTS and child != word and child.i < word.i and child.pos_ != "PRON" \
                    and not child.left_edge.i <= word.i <= child.right_edge.i:
                yield child
        if node.head == node:
            break
        node, seen = node.head, seen + 1


def resolve_pronouns(doc: Doc, mentions: list[dict], kinds: dict[str, str | None],
                     genders: dict[str, str] | None = None) -> list[tuple[Token, str]]:
    """The pronouns not yet read and the actor each stands for (`kinds`: actor id -> kind; `genders`: person id
    -> "male"/"female", where the text tells it)."""
    index = MentionIndex(mentions, doc)
    found = []
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), word_hashes(doc.vocab, _READ))).tolist():
        word = doc[i]
        if index.at_token[i] is not None:
            continue
        lower = word.lower_
        actor = _person(word, index, kinds, genders or {}) if lower in PERSONAL else _antecedent(word, index, kinds)
        if actor is not None:
            found.append((word, actor))
    return found


def _person(word: Token, index: MentionIndex, kinds: dict[str, str | None], genders: dict[str, str]) -> str | None:
    other = "female" if word.lower_ == "his" else "male"
    doc = word.doc
    start = doc[max(0, word.sent.start - 1)].sent.start
    for i in range(word.i - 1, start - 1, -1):
        mention = index.at_token[i]
        if mention and kinds.get(mention["actor"]) == "person" and genders.get(mention["actor"]) != other:
            return mention["actor"]
    return None


def _antecedent(word: Token, index: MentionIndex, kinds: dict[str, str | None]) -> str | None:
    def fits(actor: str) -> bool:
        return kinds.get(actor) != "person"  # ("Many expect Mr. Kim to be reappointed, but they say": not Kim)

    for subject in governing_subjects(word):
        if index.at_token[subject.i] is None:
            return None  # no actor named: perhaps a generic participant ("militants said they"), the events'
        heads = (subject, *(c for c in subject.conjuncts if c.i > subject.i))
        actors = {m["actor"] for head in heads for t in head.doc[head.left_edge.i:head.i + 1]
                  if (m := index.at_token[t.i]) is not None}
        if len(actors) > 1:
            return None  # several actors ("Bosnian Serbs", "Russia and China"): the events stage reads the phrase
        if fits(actor := actors.pop()):
            return actor
    if word.dep_ in _SUBJECTS:
        for token in reversed(word.doc[word.sent.start:word.i]):
            if token.dep_ in _SUBJECTS and token.pos_ != "PRON":  # "he said that they ...": not he
                mention = index.at_token[token.i]
                if mention is not None and fits(mention["actor"]):
                    return mention["actor"]
        if _opens_sentence(word) and (subject := _previous_subject(word)) is not None \
                and (mention := index.at_token[subject.i]) is not None and fits(mention["actor"]) \
                and (subject.tag_ in ("NNS", "NNPS")) == (word.lower_ in PLURAL):
            # "Trump's campaign is defending the tweets. It is denouncing ...": a sentence goes on about the subject
            # of the one before (not its object: "The AP interviewed 20 crew members. They described ...")
            return mention["actor"]
    return None


def _opens_sentence(word: Token) -> bool:
    """Whether only conjunctions, adverbs and punctuation stand before the word in its sentence ("But it said")."""
    return all(t.dep_ in ("cc", "advmod", "punct") or t.is_space for t in word.doc[word.sent.start:word.i])


def _previous_subject(word: Token) -> Token | None:
    """The subject of the main verb of the sentence before the word's, if it is no pronoun."""
    start = word.sent.start
    if start == 0:
        return None
    root = word.doc[start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    # (not names joined: "Henry and other labor leaders" are more than the one actor named)
    if subject is None or subject.pos_ == "PRON" or any(c.dep_ == "conj" for c in subject.children):
        return None
    return subject


def latest_organisation(word: Token, at_token: list[dict | None], kind_of) -> str | None:
    """For a subject or possessor "it"/"they" nothing else resolved: the latest organisation, group or organ
    mentioned in this or the previous sentence (`at_token`: the mention at each token; `kind_of`: actor id ->
    kind). A guess the events stage takes for a participant, too loose for a mention: a quote's "It shows" or
    "They described" is as often the video or the crew as the organisation named last."""
    if word.dep_ not in (*_SUBJECTS, "poss"):
        return None  # an object pronoun's antecedent is too uncertain without its clause
    doc = word.doc
    start = doc[max(0, word.sent.start - 1)].sent.start
    for i in range(word.i - 1, start - 1, -1):
        mention = at_token[i]
        if mention and kind_of(mention["actor"]) not in (None, "person", "state"):
            return mention["actor"]
    return None
