"""The tagger's entities corrected before they are resolved: spans and labels an analyst would not accept.

The small model, and the actor patterns run before it, leave a few kinds of error that general rules can mend:

- the blank line after a headline's last word taken into the name ("Levy\\n\\n"): it goes;
- a capitalised preposition taken into a name at the start of a sentence: "Near Palmyra, two strikes ..." tags
  "Near Palmyra" as a person; the preposition goes, and the name is read again below;
- a place tagged as a person, a nationality or an organisation ("isolate Raqqah", "in Aleppo", "the liberation
  of Sinjar"): relabelled as a place when the gazetteer is sure of the name and the article reads it as one — a
  locative ("in", "near", "the city of", "Palmyra, Syria") at one of its mentions, or the place's country named
  in the article — and nothing in the article reads it as a person (a title or honorific before it, a longer
  name ending in it); a nationality needs no more than the gazetteer, as a city is never one;
- a name cut in two where the patterns set one part before the recognizer ran: "the Government of" + "Iraq",
  "Abu Jandal al-" + "Kuwaiti", "Israel" + "Katz"; the parts are joined as the recognizer reads them without the
  patterns;
- things that are not actors: a military operation is an event ("Operation Sea Guardian"), a ship or a weapon a
  product ("USS Mahan", "a VBIED"), as OntoNotes labels them;
- a headline's verb taken into a person's name, with the name after it: "Ray Marlow Blasts Valbrook Mayor" tags
  "Ray Marlow Blasts" or "Ray Marlow Blasts Ada Brandt" as one person (title case hides the verb); the name ends
  before the verb, and the proper nouns after it are a person of their own;
- the determiner: spaCy's label set (OntoNotes) takes "the" into a name of several words ("the United States",
  "the Syrian Democratic Forces", "the UN Security Council") but not into a one-word name or acronym ("the UN",
  "the Pentagon"); the patterns match names without it, so it is put back where the convention has it.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from dateline.actors.knowledge import _key, knowledge_base
from dateline.quotes.parse import headline_of, verb_form_lemma
from dateline.quotes.vocabulary import vocabulary

# Words a sentence can start with that the tagger takes into the name after them ("Near Palmyra", "In Mosul").
_LEADING = {"near", "in", "at", "outside", "inside", "around", "across", "throughout", "into", "within", "from",
            "through", "along", "toward", "towards", "beyond", "off", "on", "during", "after", "before", "since",
            "until", "by", "with", "for", "of", "to", "meanwhile", "elsewhere", "also", "and", "but", "then",
            "later", "earlier"}
# Of those, the ones that can only locate what follows: "Near Ayn Isa" is a place even where the gazetteer lacks it.
_SPATIAL = {"near", "outside", "inside", "around", "across", "throughout"}
_LOCATIVE = {"in", "near", "at", "outside", "inside", "around", "across", "throughout", "within", "into", "toward",
             "towards", "outskirts", "vicinity", "province", "surrounding"}
_PLACE_NOUNS = {"city", "town", "village", "province", "governorate", "district", "region", "port", "capital",
                "suburb", "suburbs", "outskirts", "area", "neighbourhood", "neighborhood", "town's", "city's"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# Weapons and vehicles written as acronyms, which the tagger takes for organisations ("a VBIED", "a UAV").
_WEAPONS = re.compile(r"(?:[VPRS]B)?IEDs?|UAVs?|UCAVs?|RPGs?|MANPADS|ATGMs?|MLRS|SAMs?|ICBMs?|APCs?|IFVs?|MRAPs?")
# Prefixes of navies' ship names (US, UK, Australia, Canada, France, India, Russia, Japan, Turkey, ...).
_SHIP_PREFIXES = {"USS", "USNS", "USCGC", "HMS", "HMAS", "HMCS", "HMNZS", "FS", "INS", "RFS", "JS", "TCG", "ROKS",
                  "HNLMS", "ITS", "ESPS", "BNS", "PNS", "KRI", "ARA"}
# Social platforms, which the tagger often takes for people ("wrote on Twitter"); OntoNotes labels them ORG.
_PLATFORMS = {"Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Snapchat", "Reddit", "LinkedIn", "WhatsApp",
              "Telegram", "Weibo", "WeChat", "Tumblr", "Truth Social", "Bluesky", "Mastodon"}
_DETERMINERS_AND_PREPOSITIONS = {"the", "a", "an", "in", "of", "to", "from", "at", "on", "for", "with", "by", "near",
                                 "and", "or", "into", "toward", "towards", "against", "between"}
_NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC")
# Big enough that a name is more likely the place than anything else (as the places stage judges it).
_MIN_POPULATION, _MIN_POPULATION_ALTERNATE = 15_000, 100_000


def correct_entities(doc: Doc) -> None:
    """Rewrite `doc.ents` with the corrections above; every later stage reads the corrected entities."""
    ents, spatial = [], set()
    for ent in doc.ents:
        kept = _without_possessive(_without_title(_without_description(_without_leading_word(
            _without_figures(_without_spaces(ent))))))
        if kept is not None:
            ents.append(kept)
            if kept.start != ent.start and ent[0].lower_ in _SPATIAL:
                spatial.add(kept.start)
    ents = _without_headline_verbs(doc, ents)
    ents = _joined(doc, ents)
    ents = _persons_split_off(doc, ents)
    ents = _not_actors(doc, ents)
    ents = _persons_after_a_person_noun(doc, ents)
    ents = _places_relabelled(doc, ents, spatial)
    ents = _people_named_like_states(doc, ents)
    ents = _organisations_named_again(doc, ents)
    ents = _with_determiner(doc, ents)
    if ents != list(doc.ents):
        doc.ents = ents


def _span(doc: Doc, start: int, end: int, like: Span, label: str | None = None) -> Span:
    return Span(doc, start, end, label=label or like.label_, kb_id=like.kb_id_, span_id=like.id_)


def _without_spaces(ent: Span) -> Span | None:
    """ "Levy\\n\\n" -> "Levy": the tagger takes the blank line after a headline's last word into the name."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].is_space:
        start += 1
    while end > start and ent.doc[end - 1].is_space:
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else _span(ent.doc, start, end, ent) if start < end else None


def _without_figures(ent: Span | None) -> Span | None:
    """ "Adrianna Knight 12", "K. Hupfer 1 goal" -> "Adrianna Knight", "K. Hupfer": a person's name ends before a
    figure the tagger took in from a list of scores or ages, and starts after marks and a stray possessive
    ("’s xCloud" -> "xCloud"). A "person" whose name opens with a figure is a product or a model ("RAV4 Hybrid",
    "802.11ax Wi-Fi")."""
    if ent is None or ent.label_ != "PERSON":
        return ent
    doc, start = ent.doc, ent.start
    while start < ent.end and (doc[start].is_punct or doc[start].text in ("'s", "’s")):
        start += 1
    end = next((t.i for t in doc[start:ent.end] if any(c.isnumeric() for c in t.text)), ent.end)
    if end == start:
        return _span(doc, ent.start, ent.end, ent, "PRODUCT") if start < ent.end else None
    while end < ent.end and doc[end - 1].is_punct:  # (the comma of "Ken Migawa, 18"; not the hyphen of "al-")
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else _span(doc, start, end, ent)


def _without_leading_word(ent: Span | None) -> Span | None:
    """ "Near Palmyra" -> "Palmyra", unless the whole is a name we know ("Near East", "In-Q-Tel")."""
    if ent is None:
        return None
    first = ent[0]
    if len(ent) < 2 or first.lower_ not in _LEADING or not first.is_title or first.text == first.text.upper():
        return ent
    previous = next((t for t in reversed(ent.doc[:ent.start]) if not t.is_space), None)
    if previous is not None and not previous.is_punct:
        return ent  # mid-sentence, a capitalised "In" or "With" is part of a title: "Death In Venice"
    if ent.label_ not in _NAME_LABELS or _known(ent.text):
        return ent
    start = ent.start + 1
    while start < ent.end and ent.doc[start].is_punct:
        start += 1
    return _span(ent.doc, start, ent.end, ent) if start < ent.end else None


def _without_description(ent: Span | None) -> Span | None:
    """ "Jays fan Ray Payette" -> "Ray Payette": a person's name without the common noun the tagger took in before
    it (a noun in lower case; not a particle of the name: "Lula da Silva")."""
    if ent is None or ent.label_ != "PERSON":
        return ent
    nouns = [t.i for t in ent if t.pos_ == "NOUN" and t.is_lower]
    if not nouns or not all(t.is_title for t in ent.doc[nouns[-1] + 1:ent.end]) or nouns[-1] + 1 >= ent.end:
        return ent
    return _span(ent.doc, nouns[-1] + 1, ent.end, ent)


def _without_title(ent: Span | None) -> Span | None:
    """ "Archbishop Luis Tagle" -> "Luis Tagle": a person's name without the title the tagger took in before it (the
    title is read as the person's role, as it is when the tagger leaves it out: "Foreign Minister Sergei Lavrov").
    A name of two words stays whole, "Major Garrett" may be one, unless the title is abbreviated: "Gov. Fallin",
    "Gov Fallin" in a headline."""
    if ent is None or ent.label_ != "PERSON":
        return ent
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].is_title:
        word = ent.doc[start].lower_.rstrip(".")
        abbreviated = word + "." in knowledge_base().title_abbreviations
        if not (abbreviated or word in _title_words() and start < ent.end - 2):
            break
        start += 1
    return _span(ent.doc, start, ent.end, ent) if start > ent.start else ent


def _without_possessive(ent: Span | None) -> Span | None:
    """ "Donald Trump’s" -> "Donald Trump": a person's name is the name, whose possessive the tagger may take in."""
    if ent is None or ent.label_ != "PERSON" or len(ent) < 2 or ent[-1].tag_ != "POS":
        return ent
    return _span(ent.doc, ent.start, ent.end - 1, ent)


def _without_headline_verbs(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Ray Marlow Blasts Ada Brandt" -> "Ray Marlow" and "Ada Brandt": a person's name cut before the headline's
    verb (a reporting verb's -s form, which no name of a person ends in), the proper nouns after it a person's."""
    out = []
    for ent in ents:
        verb = None
        if ent.label_ == "PERSON" and len(ent) > 1:
            verb = next((t.i for t in ent[1:] if t.is_title and verb_form_lemma(t.lower_, vocabulary())), None)
        if verb is None or headline_of(doc[verb]) is None or _known(ent.text):
            out.append(ent)
            continue
        out.append(_span(doc, ent.start, verb, ent))
        if verb + 1 < ent.end and all(t.tag_ in ("NNP", "NNPS") for t in doc[verb + 1:ent.end]):
            out.append(_span(doc, verb + 1, ent.end, ent))
    return out


def _known(text: str) -> bool:
    kb = knowledge_base()
    key = _key(text)
    return bool(kb.actor_named(text) or key in kb.state_names or key in kb.capitals or key in kb.demonyms
                or _gazetteer().knows(text))


def _joined(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the Government of" + "Iraq" and "Abu Jandal al-" + "Kuwaiti": one entity, of the first one's label."""
    out: list[Span] = []
    for ent in ents:
        if out:
            before = out[-1]
            last = doc[before.end - 1]
            touching = before.end == ent.start and not doc[before.end - 1].whitespace_
            of_name = (before.end == ent.start and last.lower_ == "of" and before.label_ in ("ORG", "PERSON")
                       and ent.label_ in ("GPE", "LOC", "ORG"))
            if of_name or touching and before.label_ == "PERSON" and ent.label_ in ("NORP", "GPE", "PERSON"):
                out[-1] = _span(doc, before.start, ent.end, before)
                continue
            # "Israel Katz", "Jordan Bardella": a country's name the patterns took out of a person's name.
            if (before.label_ == "GPE" and ent.label_ == "PERSON" and len(before) == 1 and before.end == ent.start
                    and last.whitespace_ == " " and last.is_title
                    and (before.start == 0 or doc[before.start - 1].lower_ not in _DETERMINERS_AND_PREPOSITIONS)):
                out[-1] = _span(doc, before.start, ent.end, ent)
                continue
        out.append(ent)
    return out


def _persons_split_off(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the Coastal Regions Lena Marsh" (in "Minister for the Coastal Regions Lena Marsh said"): a name the article
    gives a person elsewhere, at the end of another entity, is that person's, and the rest keeps its label."""
    people = {ent.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON"}
    if not surnames:
        return ents
    out = []
    for ent in ents:
        if ent.label_ != "PERSON" and len(ent) > 2:
            for n in range(len(ent) - 1, 1, -1):
                tail = ent[len(ent) - n:]
                # The full name seen elsewhere, or a first name and a surname seen elsewhere ("Minister Marsh").
                if tail.text in people or n == 2 and tail[-1].text in surnames and all(
                        t.is_title and t.pos_ == "PROPN" for t in tail):
                    head = doc[ent.start:tail.start]
                    label = "LOC" if ent.label_ == "ORG" and _gazetteer().knows(head.text) else ent.label_
                    out.append(_span(doc, head.start, head.end, ent, label))
                    ent = Span(doc, tail.start, tail.end, label="PERSON")
                    break
        out.append(ent)
    return out


def _persons_after_a_person_noun(doc: Doc, ents: list[Span]) -> list[Span]:
    """A full name the tagger took for an organisation, right after a word that names a person ("Notre Dame coach
    Muffet McGraw", "Fox News host Sean Hannity"), is a person's."""
    person_nouns = knowledge_base().person_nouns
    out = []
    for ent in ents:
        if ent.label_ == "ORG" and not ent.id_ and ent.start > 0 and doc[ent.start - 1].lower_ in person_nouns \
                and len(ent) in (2, 3) and all(t.is_alpha and t.text[0].isupper() for t in ent) \
                and ent[-1].lower_ not in _title_words():  # (a title: "Pentagon spokesman Navy Capt. Jeff Davis")
            ent = _span(doc, ent.start, ent.end, ent, "PERSON")
        out.append(ent)
    return out


def _not_actors(doc: Doc, ents: list[Span]) -> list[Span]:
    """Named things the tagger takes for people or organisations: a military operation is an event ("Operation
    Inherent Resolve"), a ship a product ("USS Mahan", and "Forbin" after "FS Forbin"), a social platform an
    organisation ("Twitter"), as OntoNotes labels them; a web address, a hashtag ("#Justdoit") or a one-word
    "person" the tagger cut from a hyphenated word ("Glass-Steagall", "Oscar-winning", "a Bush-era law") is no entity
    at all, nor is a one-word "person" in lower case ("gaunt") or an adverb that opens its sentence before a comma
    ("Nationally, a quarter of students ..."), nor marks without a letter or a digit (the "―" that sets a quotation
    off from its author)."""
    ships = set()
    out = []
    for ent in ents:
        before = doc[ent.start - 1] if ent.start > 0 else None
        if any(t.like_url for t in ent) or not any(c.isalnum() for c in ent.text) or ent[0].text == "#" \
                or before is not None and before.text == "#" and not before.whitespace_ \
                or ent.label_ == "PERSON" and len(ent) == 1 and _not_a_name(ent[0]):
            continue
        prefix = before is not None and before.text in _SHIP_PREFIXES and before.ent_iob_ == "O"
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC") and not ent.id_:
            if ent[0].text in _SHIP_PREFIXES and len(ent) > 1 or prefix:
                ships.add(ent[-1].text)
                ent = _span(doc, ent.start - prefix, ent.end, ent, "PRODUCT")  # the prefix is part of the name
            elif ent.text in ships:
                ent = _span(doc, ent.start, ent.end, ent, "PRODUCT")
            elif ent.label_ == "ORG" and ent[0].text == "Operation" and len(ent) > 1:
                ent = _span(doc, ent.start, ent.end, ent, "EVENT")
            elif _WEAPONS.fullmatch(ent.text):
                ent = _span(doc, ent.start, ent.end, ent, "PRODUCT")
            elif ent.label_ == "PERSON" and ent.text in _PLATFORMS:
                ent = _span(doc, ent.start, ent.end, ent, "ORG")
        out.append(ent)
    return out


def _organisations_named_again(doc: Doc, ents: list[Span]) -> list[Span]:
    """An organisation's name the tagger marked once is that organisation wherever else the article writes it
    unmarked ("WeWork declined to comment" after "WeWork's 12,000 employees"): one name, one sense, in an article.
    Not where a capitalised name runs on from it (a longer name: "WeWork Labs"), nor a name the article also writes
    in lower case, a word as often as a name ("Time"), nor a name in capitals: the tagger takes more things so
    written for organisations ("IPO", "EB-5"), and a known organisation's acronym is found without it."""
    names: dict[str, set[tuple[str, ...]]] = {}  # first word -> the names that open with it
    for ent in ents:
        if ent.label_ == "ORG" and ent.text[:1].isupper() and any(c.islower() for c in ent.text):
            # (a possessive the tagger took in is not the name's: "Trump’s" is written "Trump" too)
            words = tuple(t.text for t in ent)
            words = words[:-1] if len(words) > 1 and words[-1] in ("'s", "’s") else words
            names.setdefault(words[0], set()).add(words)
    if not names:
        return ents
    lower = {t.text for t in doc if t.is_lower}
    marked = {k for ent in ents for k in range(ent.start, ent.end)}

    def capitalised_name(token: Token) -> bool:
        return token.pos_ == "PROPN" and token.text[:1].isupper()

    found = []
    for token in doc:
        if token.text not in names or token.i in marked:
            continue
        for words in sorted(names[token.text], key=lambda words: (-len(words), words)):  # the longest name first
            end = token.i + len(words)
            if tuple(t.text for t in doc[token.i:end]) != words or any(k in marked for k in range(token.i, end)) \
                    or " ".join(words).lower() in lower \
                    or token.i > 0 and capitalised_name(doc[token.i - 1]) \
                    or end < len(doc) and capitalised_name(doc[end]):
                continue
            found.append(Span(doc, token.i, end, label="ORG"))
            marked.update(range(token.i, end))
            break
    return sorted(ents + found, key=lambda ent: ent.start) if found else ents


def _not_a_name(token: Token) -> bool:
    """Whether a word the tagger took for a person's whole name is none: cut from a hyphenated word, in lower case,
    or an adverb in "-ly" opening its sentence before a comma."""
    doc = token.doc
    return _hyphenated(token) or token.is_lower or token.is_sent_start and token.tag_ == "RB" \
        and token.lower_.endswith("ly") and token.i + 1 < len(doc) and doc[token.i + 1].text == ","


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    after = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return after or before


@cache
def _gazetteer():
    from dateline.geo.gazetteer import gazetteer  # the places stage's, loaded once per process; read only

    return gazetteer()


def _places(text: str) -> list:
    """The cities, regions and countries a name can stand for, as (place, own name or alternate); none for a
    demonym ("Kurdish") or a name the gazetteer lacks."""
    gaz = _gazetteer()
    if gaz.adjective(text) is not None:
        return []
    return [(m.place, not m.alternate) for m in gaz.lookup(text)
            if m.place.feature not in ("district", "unknown") and not m.place.approximate]


def _sure(place, own: bool) -> bool:
    """A place big enough that its name is more likely it than anything else (as the places stage judges)."""
    if place.feature == "admin2":  # counties and provinces share many people's names (Rizal, Bolivar, Clay)
        return False
    if place.feature != "city":
        return own
    return place.population >= (_MIN_POPULATION if own else _MIN_POPULATION_ALTERNATE)


def _places_relabelled(doc: Doc, ents: list[Span], spatial: set[int]) -> list[Span]:
    kb = knowledge_base()
    candidates: dict[str, list] = {}
    for ent in ents:
        if ent.label_ in ("PERSON", "NORP", "ORG") and not ent.id_ and ent.text not in candidates:
            key = _key(ent.text)
            if kb.actor_named(ent.text) or key in kb.demonyms or key in kb.state_names or key in kb.capitals:
                continue
            if ent.label_ == "ORG" and (len(ent) > 2 or ent.text.isupper()):
                continue  # "Aleppo Media Center", "ISW": organisations named after or abbreviated like places
            candidates[ent.text] = _places(ent.text)
    if not any(candidates.values()) and not spatial:
        return ents
    countries = _countries_named(doc, ents)
    persons = _person_cues(doc, ents)
    located = {ent.text for ent in ents if ent.text in candidates and (ent.start in spatial or _located(ent))}
    out = []
    for ent in ents:
        places = candidates.get(ent.text)
        if places is not None and ent.text not in persons:
            sure = [p for p, own in places if _sure(p, own)]
            # A place of the article's countries, even a smaller one (Palmyra is Tadmur, 51,000, in Syria).
            ours = [p for p, _ in places if p.country in countries and p.population >= _MIN_POPULATION]
            if ent.label_ == "NORP":
                chosen = sure
            elif ent.text in located:
                chosen = ours or sure or [p for p, _ in places]
            else:  # an organisation's name, not a person's, may be read as a place on the country alone
                chosen = ours if ent.label_ == "ORG" else []
            if chosen or ent.start in spatial:  # "Near Ayn Isa, ...": a place even where the gazetteer lacks it
                place = max(chosen, key=lambda p: p.population) if chosen else None
                label = "LOC" if place is not None and place.feature in ("continent", "region", "water") else "GPE"
                ent = _span(doc, ent.start, ent.end, ent, label)
        out.append(ent)
    return out


def _people_named_like_states(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Chad Smith, a farmer in Iowa, said": a state's name that is also a given name (states.toml given_name),
    which the tagger took for the state, is a person's before a surname: a capitalised proper noun right after it on
    its line, which is no title ("Chad President Idriss Deby", "Georgia Gov. Nathan Deal"), no state's name, no
    other entity than a person's, nor makes with it a known name ("Jordan Valley", "India Gate") or an
    organisation's ("Georgia Southern University"); not inside a longer name ("American Israel Public Affairs")."""
    kb = knowledge_base()
    starts = {ent.start: ent for ent in ents}
    out: list[Span] = []
    merged = set()
    for ent in ents:
        if ent.start in merged:
            continue
        end = ent.end
        if ent.label_ == "GPE" and len(ent) == 1 and _key(ent.text) in kb.states_named_like_people \
                and end < len(doc) and ent[0].whitespace_ == " " and _surname_like(doc[end]):
            if (person := starts.get(end)) is not None and person.label_ == "PERSON":
                merged.add(person.start)  # (the surname the tagger read as a person of its own)
                end = person.end
            elif doc[end].ent_iob_ == "O":
                end += 1
                while end < min(len(doc), ent.end + 3) and doc[end - 1].whitespace_ == " " \
                        and _surname_like(doc[end]) and doc[end].ent_iob_ == "O":
                    end += 1
        named = doc[ent.start:end].text
        # (inside a longer run of capitalised words: "American Israel Public Affairs", "Georgia National Guard's")
        inside = ent.start > 0 and doc[ent.start - 1].tag_ in ("NNP", "NNPS") and not ent[0].is_sent_start \
            or end < len(doc) and (doc[end].tag_ in ("NNP", "NNPS", "POS") and doc[end - 1].whitespace_ != "\n")
        if end == ent.end or inside or _known(named) or kb.kind_of_organisation(named) != ("other", None):
            out.append(ent)
            continue
        out.append(_span(doc, ent.start, end, ent, "PERSON"))
    return out


def _surname_like(token: Token) -> bool:
    """A capitalised proper noun that is no title, nor a state's name or demonym."""
    kb = knowledge_base()
    key = _key(token.text)
    return token.is_title and token.tag_ == "NNP" and token.lower_.rstrip(".") not in _title_words() \
        and token.lower_ not in kb.title_abbreviations and key not in kb.state_names and key not in kb.demonyms


def _countries_named(doc: Doc, ents: list[Span]) -> set[str]:
    """The countries the article names: by name, capital or demonym, in any entity."""
    kb = knowledge_base()
    found = set()
    for ent in ents:
        key = _key(ent.text.removesuffix("'s").removesuffix("’s"))
        iso3 = kb.state_names.get(key) or kb.capitals.get(key) or kb.demonyms.get(key)
        if iso3:
            found.add(iso3)
    return found


def _person_cues(doc: Doc, ents: list[Span]) -> set[str]:
    """Names the article reads as a person's: after a title or honorific, or the end of a longer person's name."""
    kb = knowledge_base()
    cues = set()
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        if len(ent) > 1:
            cues.add(ent[-1].text)
            cues.add(ent[0].text)
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and (before.text in kb.honorifics or before.text.rstrip(".") in kb.honorifics
                                   or before.lower_.rstrip(".") in _title_words()):
            cues.add(ent.text)
    return cues


@cache
def _title_words() -> frozenset[str]:
    """The last words of the titles ("minister", "secretary", "gen"): a name after one is a person's."""
    kb = knowledge_base()
    return frozenset(name.split()[-1].rstrip(".") for role in kb.roles for name in (role.title, *role.aliases)
                     if name.split()[-1].isalpha() or name.endswith("."))


def _located(ent: Span) -> bool:
    """A mention read as a place: "in Raqqah", "near Palmyra", "the city of Raqqah", "Raqqah, Syria"."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ in _LOCATIVE:
        return True
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in _PLACE_NOUNS:
        return True
    after = doc[ent.end:ent.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE":
        return True
    # "Mosul and Raqqah": coordinated with a place.
    if ent.root.dep_ == "conj" and ent.root.head.ent_type_ in _PLACE_LABELS:
        return True
    if any(t.dep_ == "conj" and t.ent_type_ in _PLACE_LABELS for t in ent.root.children):
        return True
    return len(after) >= 1 and after[0].lower_ in ("province", "governorate", "city", "district")


def _with_determiner(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the United States", "the UN Security Council": a name of several words takes its "the" (OntoNotes)."""
    out, previous_end = [], 0
    for ent in ents:
        words = [t for t in ent if t.text not in ("'s", "’s")]
        if (ent.label_ in ("ORG", "GPE", "LOC", "FAC") and len(words) > 1 and ent.start > previous_end
                and doc[ent.start - 1].lower_ == "the" and ent[0].lower_ != "the"):
            ent = _span(doc, ent.start - 1, ent.end, ent)
        out.append(ent)
        previous_end = ent.end
    return out
