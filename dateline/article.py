"""The Article: the one object every stage reads and fills, and its JSON shape (CONTRACT.md, schema dateline/1)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

SCHEMA = "dateline/1"


@dataclass
class Removed:
    """A piece of boilerplate taken out of a scraped page, kept so a reader can check what was dropped."""

    kind: str  # breadcrumb, caption, share, mirror, promo, related, footer, byline, dateline, ...
    text: str


@dataclass
class Article:
    input: str
    text: str = ""
    id: str | None = None
    url: str | None = None
    outlet: dict | None = None
    title: str | None = None
    published: str | None = None
    # How sure the date is: "day", "month" or "year", and where it came from (metadata, url, caption, dateline,
    # user). Not in the v1 contract's table; added as the contract allows.
    published_precision: str | None = None
    published_source: str | None = None
    authors: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    # Every span that stands for an actor: names, titles ("Russia's deputy foreign minister"), descriptions
    # ("the group"), pronouns. Not in the v1 contract's table; the evidence behind `actors`.
    mentions: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict:
        fields = asdict(self)
        if fields["error"] is None:
            del fields["error"]
        # Who and what first, then the text, then what was found in it: the order a reader scans a record in.
        first = ("id", "input", "url", "outlet", "title", "published", "published_precision", "published_source",
                 "authors", "sections", "language", "text")
        return {"schema": SCHEMA, **{k: fields.pop(k) for k in first}, **fields}

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def failed(input_name: str, error: str, id: str | None = None, url: str | None = None) -> Article:
    """The article object for an input that could not be read: same shape, empty fields, and why."""
    return Article(input=input_name, id=id, url=url, error=error)
