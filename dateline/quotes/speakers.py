"""The actor behind a speaker span, from the article's actor mentions (names, titles, "the group", pronouns).

Only a mention that covers the speaker's head word counts (a lone surname taken for an organisation is the one
person of the article with that surname): in "a spokesman for Mrs. Okafor" the speaker is the
spokesman, not Mrs. Okafor, and without a mention of the spokesman the actor stays null rather than guessed.
Pronouns ("he", "it", "they") are the actors stage's mentions like any other (`dateline/actors/coref.py`).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.coref import MentionIndex


class Speakers:
    def __init__(self, mentions: list[dict], actors: list[dict] | None = None):
        self.index = MentionIndex(mentions)
        self.kinds = {a["id"]: a.get("kind") for a in actors or ()}
        # "Hale said": a lone surname the actor stage took for an organisation is the person of the article
        # whose name ends with it ("Chris Hale"), when exactly one does.
        surnames: dict[str, set[str]] = {}
        for actor in actors or ():
            words = (actor.get("name") or "").split()
            if actor.get("kind") == "person" and len(words) > 1:
                surnames.setdefault(words[-1].lower(), set()).add(actor["id"])
        self.surnames = {name: ids.pop() for name, ids in surnames.items() if len(ids) == 1}

    def actor_of(self, head: Token, span: tuple[int, int]) -> str | None:
        """The actor of a speaker whose head word is `head` and whose span is `span` (characters)."""
        actor = self.index.actor_at(head.idx, head.idx + len(head.text), span)
        if actor is not None and self.kinds.get(actor) == "other" and head.pos_ == "PROPN" \
                and not any(c.dep_ == "compound" for c in head.children) and head.lower_ in self.surnames:
            return self.surnames[head.lower_]
        return actor
