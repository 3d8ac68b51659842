"""The actor behind a speaker span, from the article's actor mentions (names, titles, "the group", pronouns).

Only a mention that covers the speaker's head word counts: in "a spokesman for Mrs. Okafor" the speaker is the
spokesman, not Mrs. Okafor, and without a mention of the spokesman the actor stays null rather than guessed.
Pronouns ("he", "it", "they") are the actors stage's mentions like any other (`dateline/actors/coref.py`).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.coref import MentionIndex


class Speakers:
    def __init__(self, mentions: list[dict]):
        self.index = MentionIndex(mentions)

    def actor_of(self, head: Token, span: tuple[int, int]) -> str | None:
        """The actor of a speaker whose head word is `head` and whose span is `span` (characters)."""
        return self.index.actor_at(head.idx, head.idx + len(head.text), span)
