"""The same act told twice is one event: the lede's "Moscow will not seek a halt" and the quote's "we are not
going to put pressure on Damascus"; "a demand by the HNC" and "the group has warned that if Damascus does not
stop fighting ...".

Two events are one act when they have the same type and modality, a common actor (the same actor, or actors of
one country), compatible recipients (common, or one side unknown), and nothing that tells them apart: no two
different days, no two different places, no two different modes. The merged event keeps the first telling's
sentence and trigger and lists every telling in `evidence`.
"""

from __future__ import annotations

from dateline.article import Article
from dateline.events.participants import Participant


def merge(events: list, actors: dict[str, dict], article: Article) -> list[dict]:
    kept: list = []
    for event in events:
        event.evidence = [_evidence(event)]
        for earlier in kept:
            if _same_act(earlier, event, actors, article):
                _absorb(earlier, event)
                break
        else:
            kept.append(event)
    return [_to_dict(event, actors) for event in kept]


def _countries(ids, actors: dict[str, dict]) -> set[str]:
    return {actors[i]["country"] for i in ids if i in actors and actors[i].get("country")}


def _compatible(a: list[str], b: list[str], actors: dict[str, dict], *, required: bool) -> bool:
    if not a or not b:
        return not required
    return bool(set(a) & set(b)) or bool(_countries(a, actors) & _countries(b, actors))


def _same_act(a, b, actors: dict[str, dict], article: Article) -> bool:
    if a.type != b.type or a.modality != b.modality:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if a.date and b.date and a.date_from_text and b.date_from_text and a.date.precision == b.date.precision == "day" \
            and a.date.value != b.date.value:
        return False
    if a.place_from_text and b.place_from_text and _place_key(a, article) != _place_key(b, article):
        return False
    return _compatible(a.source_ids, b.source_ids, actors, required=True) \
        and _compatible(a.target_ids, b.target_ids, actors, required=False)


def _absorb(kept, other) -> None:
    kept.evidence.append(other.evidence[0])
    seen = {p.actor for p in kept.source if p.actor}
    kept.source.extend(p for p in other.source if p.actor and p.actor not in seen)
    seen = {p.actor for p in kept.target if p.actor}
    kept.target.extend(p for p in other.target if p.actor and p.actor not in seen)
    if not kept.mode and other.mode:
        kept.mode, kept.cameo = other.mode, other.cameo
    if other.date_from_text and (not kept.date_from_text or _finer(other.date, kept.date)):
        kept.date, kept.date_from_text = other.date, True
    if other.place_from_text and not kept.place_from_text or kept.place is None:
        kept.place, kept.place_from_text = other.place, other.place_from_text
    if kept.quote is None:
        kept.quote = other.quote
    kept.claimant = kept.claimant or other.claimant
    kept.context.extend(c for c in other.context if c not in kept.context)
    kept.confidence = round(min(0.99, max(kept.confidence, other.confidence) + 0.05), 2)


def _place_key(event, article: Article):
    place = article.places[event.place] if event.place is not None else {}
    return place.get("geonameid") or place.get("name")


def _finer(a, b) -> bool:
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    return b is None or order.get(a.precision, 4) < order.get(b.precision, 4)


def _evidence(event) -> dict:
    trigger, sentence = event.trigger.span, event.sentence
    end = sentence.start_char + len(sentence.text.rstrip())
    return {
        "sentence": {"start": sentence.start_char, "end": end},
        "trigger": {"start": trigger.start_char, "end": trigger.end_char, "text": trigger.text},
        "quote": event.quote,
    }


def _ids(participants: list[Participant], actors: dict[str, dict]) -> list[str]:
    """Actor ids of a role, a bare state left out when an organ of the same state is there ("Syria" and "the
    Syrian government" in one role are the government)."""
    ids = list(dict.fromkeys(p.actor for p in participants if p.actor))
    organs = {actors[i]["country"] for i in ids if i in actors and actors[i].get("kind") != "state"}
    return [i for i in ids if not (actors.get(i, {}).get("kind") == "state" and i in organs)]


def _to_dict(event, actors: dict[str, dict]) -> dict:
    first = event.evidence[0]
    return {
        "type": event.type,
        "mode": event.mode,
        "context": event.context,
        "source": _ids(event.source, actors),
        "target": _ids(event.target, actors),
        "place": event.place,
        "date": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "sentence": first["sentence"],
        "trigger": first["trigger"],
        "quote": event.quote,
        "cameo": event.cameo,
        "confidence": event.confidence,
        # Beyond the v1 table, as the contract allows: PLOVER's auxiliary mode, who claims the act, the spans
        # behind source and target (unresolved names included, with actor null), every telling of the act.
        "modality": event.modality,
        "claimant": event.claimant,
        "source_spans": [p.to_dict() for p in event.source],
        "target_spans": [p.to_dict() for p in event.target],
        "evidence": event.evidence,
    }
