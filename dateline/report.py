"""A person's view of an Article: the `--format text` report."""

from __future__ import annotations

import textwrap
from collections import Counter

from dateline.article import Article

_WIDTH = 100


def text_report(article: Article) -> str:
    if article.error:
        return f"== {article.input}\nERROR: {article.error}\n"
    lines = [f"== {article.title or '(no title)'}", f"input:     {article.input}"]
    if article.url:
        lines.append(f"url:       {article.url}")
    if article.outlet:
        outlet = article.outlet
        facts = ", ".join(
            str(v) for v in (outlet.get("country"), outlet.get("ownership"), outlet.get("kind")) if v
        )
        state = "; state-affiliated" if outlet.get("state_affiliated") else ""
        lines.append(f"outlet:    {outlet['name']} ({outlet['domain']}{': ' + facts if facts else ''}{state})")
    if article.published:
        lines.append(f"published: {article.published} (from {article.published_source})")
    for label, values in (("authors", article.authors), ("sections", article.sections)):
        if values:
            lines.append(f"{label + ':':<11}{', '.join(values)}")
    if article.language:
        lines.append(f"language:  {article.language}")
    lines.append("")
    for paragraph in article.text.split("\n\n"):
        lines.extend(textwrap.wrap(paragraph, _WIDTH) or [""])
        lines.append("")
    if article.actors:
        lines.append("-- actors")
        for actor in sorted(article.actors, key=lambda a: -a["mentions"]):
            facts = ", ".join(str(v) for v in (actor["kind"], actor["country"], actor["sector"], actor["role"]) if v)
            lines.append(f"  {actor['name']} ({facts}) x{actor['mentions']}")
    if article.quotes:
        lines.append("-- quotes")
        names = {a["id"]: a["name"] for a in article.actors}
        for quote in article.quotes:
            speaker = quote.get("speaker") or {}
            who = names.get(speaker.get("actor"), speaker.get("text", "?"))
            text = quote["text"] if len(quote["text"]) <= _WIDTH else quote["text"][:_WIDTH - 1] + "…"
            lines.append(f"  [{quote['kind']}] {who} ({quote['cue']['text']}): {text}")
    if article.places:
        lines.append("-- places")
        counts = Counter(
            (p["name"], p["feature"], p["country"], p.get("lat"), p.get("lon")) for p in article.places
        )
        for (name, feature, country, lat, lon), count in counts.items():
            where = f"{lat:.2f}, {lon:.2f}" if lat is not None else "no coordinates"
            lines.append(f"  {name} ({feature}, {country}; {where}) x{count}")
    if article.events:
        lines.append("-- events")
        lines.extend(_event_line(article, event) for event in article.events)
    if article.removed:
        lines.append("-- removed")
        lines.extend(f"  [{r.kind}] {r.text.splitlines()[0][:_WIDTH]}" for r in article.removed)
    if article.warnings:
        lines.append("-- warnings")
        lines.extend(f"  {w}" for w in article.warnings)
    return "\n".join(lines) + "\n"


def _event_line(article: Article, event: dict) -> str:
    """One event as a person reads it: when, what, who to whom, where, the words, how often it was told."""
    names = {a["id"]: a["name"] for a in article.actors}

    def who(ids: list[str]) -> str:
        return " + ".join(names.get(i, i) for i in ids) or "?"

    what = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
    if event.get("modality") not in (None, "asserted"):
        what += f" ({event['modality']})"
    place = article.places[event["place"]]["name"] if event.get("place") is not None else None
    told = len(event.get("evidence") or [])
    return (f"  {event.get('date') or '?'} {what} {who(event['source'])} -> {who(event['target'])}"
            f"{' in ' + place if place else ''} [CAMEO {event.get('cameo')}] \"{event['trigger']['text']}\""
            f"{f' (told {told} times)' if told > 1 else ''}")
