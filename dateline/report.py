"""A person's view of an Article: the `--format text` report."""

from __future__ import annotations

import textwrap

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
    if article.removed:
        lines.append("-- removed")
        lines.extend(f"  [{r.kind}] {r.text.splitlines()[0][:_WIDTH]}" for r in article.removed)
    if article.warnings:
        lines.append("-- warnings")
        lines.extend(f"  {w}" for w in article.warnings)
    return "\n".join(lines) + "\n"
