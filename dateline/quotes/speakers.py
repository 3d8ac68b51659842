"""The actor behind a speaker span, from the article's actor mentions (names, titles, "the group", he/she).

Only a mention that covers the speaker's head word counts (a lone surname taken for an organisation is the one
person of the article with that surname): in "a spokesman for Mrs. Clinton" the speaker is the
spokesman, not Mrs. Clinton, and without a mention of the spokesman the actor stays null rather than guessed.
One step of coreference is added for the pronouns the actor stage leaves alone: "it" or "they" as a speaker
stands for the subject of an earlier clause of the same sentence ("The HNC left the talks after it accused the
government ..."), "it" only for an actor that is not a person.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

_PRONOUNS = {"it": "thing", "its": "thing", "they": "any", "their": "any", "them": "any"}


class Speakers:
    def __init__(self, mentions: list[dict], actors: list[dict] | None = None):
        self.mentions = sorted(mentions, key=lambda m: (m["start"], -m["end"]))
        self.starts = [m["start"] for m in self.mentions]
        self.kinds = {a["id"]: a.get("kind") for a in actors or ()}
        # "Christie said": a lone surname the actor stage took for an organisation is the person of the article
        # whose name ends with it ("Chris Christie"), when exactly one does.
        surnames: dict[str, set[str]] = {}
        for actor in actors or ():
            words = (actor.get("name") or "").split()
            if actor.get("kind") == "person" and len(words) > 1:
                surnames.setdefault(words[-1].lower(), set()).add(actor["id"])
        self.surnames = {name: ids.pop() for name, ids in surnames.items() if len(ids) == 1}

    def actor_of(self, head: Token, span: tuple[int, int]) -> str | None:
        """The actor of a speaker whose head word is `head` and whose span is `span` (characters)."""
        actor = self.actor_at(head.idx, head.idx + len(head.text), span)
        if actor is not None and self.kinds.get(actor) == "other" and head.pos_ == "PROPN" \
                and not any(c.dep_ == "compound" for c in head.children) and head.lower_ in self.surnames:
            return self.surnames[head.lower_]
        if actor is not None or head.lower_ not in _PRONOUNS:
            return actor
        for token in reversed(head.doc[head.sent.start:head.i]):
            if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ not in _PRONOUNS:
                found = self.actor_at(token.idx, token.idx + len(token.text))
                if found and (_PRONOUNS[head.lower_] == "any" or self.kinds.get(found) != "person"):
                    return found
        return None

    def actor_at(self, start: int, end: int, span: tuple[int, int] | None = None) -> str | None:
        """The actor of the mention covering [start, end) (the head word), preferring the one closest to the
        speaker span: the longest that stays inside it, else the shortest that covers the head."""
        inside, around = [], []
        for mention in self.mentions[: bisect_right(self.starts, start)]:
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
