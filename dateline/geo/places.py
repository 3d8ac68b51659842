"""Places: the toponyms of an article, found and resolved to GeoNames; a place that acts is an actor, not a place.

Finding. A toponym is a place entity of the parse (GPE, LOC, FAC, as corrected by actor resolution; with the
capitalised word before it when the two make a name the gazetteer knows: "Northern Ireland" where the tagger saw
"Ireland"), a name the gazetteer knows that the tagger missed ("BEIRUT (AP) -", "Qatarji"), or a part of a city
named as such ("the Qatarji neighborhood of Aleppo"). Not toponyms: a country or capital that acts ("Moscow said",
"pressure on Damascus": its government, an actor mention), a demonym ("Syrian", NORP) and a short acronym that
only spells a small town ("OAS" is not Oas; a US postal code after a place and a comma is its state: "Horry
County, SC").

Resolving. Each toponym's candidates are every gazetteer place of that name (an alternate name of a town abroad
gives way to the towns of that name: "Garden City" is not Singapore); the choice weighs, in log10 population units:
- how big and how named: population, countries over towns of the same name, a national capital, the place's own
  name over an alternate one;
- the article: countries and first-level subdivisions its other places and actors are in, the outlet's country
  (the registry's, else its domain's: ".co.uk" is British), nearness to the article's other places (read in two
  passes: the unambiguous places first, then all);
- the phrase: "Paris, Texas" and "Aleppo in northern Syria" (inside that state or country; Texas named as a
  container is the state), "the Swiss city of Geneva" and "Syria's Aleppo" (in that country), "the Qatarji
  neighborhood of Aleppo" (a district of that city), "Kent, Essex and Norfolk" (listed places of one kind).
A toponym no gazetteer knows (a street, a building, a village under 5,000 people) is still a place: it is put,
flagged approximate, at the place that contains it when the phrase says so ("Rockingham, Northamptonshire" when no
Rockingham of the gazetteer lies in that county; "Kamenné Square in Bratislava", "the Percy French Hotel,
Ballyjamesduff;"), or at the place it is named after ("Colchester General Hospital", "Derry's Altnagelvin
Hospital"; a country's ministry or central bank in its capital, an embassy never in its own country), else at the
article's focus (its dateline, or the local place its other places cluster around in the country it names most,
or the local outlet's home town, "derryjournal.com", or a county known only approximately, "Essex"), else in the
country the article speaks of most.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from dateline.article import Article
from dateline.geo.gazetteer import Gazetteer, Match, Place, distance_km, fold, gazetteer, subdivision_meant, sure
from dateline.geo.outlets import outlet_country, outlet_home

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# The kinds of place a bare name stands for at a prior (log10 population) when the data give no population.
_BASE = {"continent": 8.5, "region": 7.0, "water": 7.0, "country": 6.0, "admin1": 5.5, "admin2": 5.0, "city": 2.5,
         "district": 3.0}
_BONUS = {"continent": 1.0, "country": 3.0, "admin1": -0.6, "admin2": 0.0, "region": 0.0, "water": 0.0, "city": 0.0,
          "district": 0.0}
_LOCAL = ("city", "district", "admin2")  # places the article's subdivisions and points speak for
_CONNECTORS = {"of", "de", "del", "al", "el", "la", "le", "du", "upon", "on", "an", "am", "sur", "and"}
_DISTRICT = re.compile(
    r"\b(?P<x>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:neighbou?rhoods?|district|quarter|suburb|borough)"
    r"\s+of\s+(?P<y>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
# "the Swiss city of Geneva", "the northern Syrian town of Azaz": the adjective's country holds the place.
_KIND_OF = re.compile(
    r"(?:^|\s)(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?(?P<adj>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:city|town|village|capital|port|port city|border town|province|region|state|governorate|district)\s+of\s+$")
_POSSESSIVE = re.compile(r"(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+$")
_TRAILING_KIND = re.compile(r"\s+(?P<kind>province|governorate|state|region|county|city|district|oblast)$", re.I)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|inside|around|across|throughout|within|into|from|to|toward|towards|on)\s+$", re.I)


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    matches: list[Match]
    source: str  # entity, gazetteer, district
    label: str | None = None
    district: bool = False
    inside: Toponym | None = None  # "Paris, Texas": Texas; "the Qatarji neighborhood of Aleppo": Aleppo
    country_hint: str | None = None  # "the Swiss city of Geneva": CHE
    container: bool = False  # named as what holds the one before it ("Tacoma, Washington": the state)
    listed: list[Toponym] = field(default_factory=list, compare=False, repr=False)  # named in a list with it ("Kent, Essex and Norfolk")
    choice: Place | None = None
    approximate: bool = False

    @property
    def key(self) -> str:
        return fold(self.text)


@dataclass
class Context:
    """What the article says of where it is: countries, subdivisions and points, by the names that said it."""

    outlet_country: str | None = None
    countries: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    admin1: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    points: list[tuple[float, float, str]] = field(default_factory=list)
    # nearest_km's answers while the points stay the same: an article scores the same candidates again and again
    # (every time a name is repeated, and once per pass), each against every point
    _nearest: dict[tuple[float, float, str], float | None] = field(default_factory=dict, repr=False, compare=False)
    # the distances measured so far, candidate point -> other point -> km; one for all of an article's contexts
    _distances: dict[tuple[float, float], dict[tuple[float, float], float]] = field(
        default_factory=dict, repr=False, compare=False)

    def add(self, place: Place, said_by: str, weight: float = 1.0) -> None:
        if place.country:
            self.countries[place.country][said_by] += weight
        if place.admin1 and place.feature in ("admin1", "admin2", "city", "district"):
            self.admin1[place.admin1][said_by] += weight
        if place.feature in ("city", "district", "admin1", "admin2") and not place.approximate and place.lat is not None:
            self.points.append((place.lat, place.lon, said_by))
            self._nearest.clear()

    def country_weight(self, iso3: str | None, besides: str) -> float:
        if not iso3 or iso3 not in self.countries:
            return 0.0
        said = self.countries[iso3]
        return sum(said.values()) - said.get(besides, 0)

    def admin1_weight(self, admin1: str | None, besides: str) -> float:
        if not admin1 or admin1 not in self.admin1:
            return 0.0
        said = self.admin1[admin1]
        return sum(said.values()) - said.get(besides, 0)

    def nearest_km(self, place: Place, besides: str) -> float | None:
        if place.lat is None:
            return None
        key = (place.lat, place.lon, besides)
        if key not in self._nearest:
            known = self._distances.setdefault((place.lat, place.lon), {})
            distances = []
            for lat, lon, by in self.points:
                if by != besides:
                    if (distance := known.get((lat, lon))) is None:
                        distance = known[(lat, lon)] = distance_km(place.lat, place.lon, lat, lon)
                    distances.append(distance)
            self._nearest[key] = min(distances) if distances else None
        return self._nearest[key]


def score(match: Match, toponym: Toponym, context: Context) -> float:
    """How likely this candidate is the place meant, in log10-population units.

    The prior (size and kind of place) dominates; the article's context adds at most some four units, so that a
    town of 5,000 in a country the article is about can beat a city of a million elsewhere, but not London.
    """
    place = match.place
    value = math.log10(place.population + 1) if place.population else _BASE.get(place.feature, 3.0)
    value += _BONUS.get(place.feature, 0.0)
    if match.alternate and not fold(place.name) == toponym.key + " city":  # "New York" for New York City
        value -= 1.0
    if place.capital:
        value += 1.5
    if place.approximate and place.feature in ("admin1", "admin2"):
        value -= 0.5 if place.feature == "admin1" else 0.25  # a county put at its region's point is nearer
    if toponym.text.isupper() and len(toponym.text) <= 4 and place.feature == "city" and not place.name.isupper():
        value -= 3.0  # "EU" is not Eu, Normandy
    besides = toponym.key
    said = context.country_weight(place.country, besides)
    if said:
        value += 1.0 + 0.25 * min(said, 4.0)
    if place.country and place.country == context.outlet_country:
        value += 0.75
    if place.feature in _LOCAL and context.admin1_weight(place.admin1, besides):
        value += 1.0
    if place.feature in (*_LOCAL, "admin1"):
        near = context.nearest_km(place, besides)
        if near is not None:
            value += 2.0 if near < 50 else 1.5 if near < 150 else 0.75 if near < 400 else 0.0
    container = toponym.inside.choice if toponym.inside else None
    if container is not None:
        value += _fits(place, container)
    if toponym.country_hint and place.country != toponym.country_hint:
        value -= 10.0
    if toponym.district and place.feature == "district":
        value += 3.0
    if toponym.container and place.feature in ("admin1", "admin2", "country"):
        value += 2.0
    if any(other.choice is not None and other.choice.feature == place.feature and other.choice.feature != "city"
           for other in toponym.listed):
        value += 1.0  # "California or Washington": the state, as its neighbour is
    return value


def _fits(place: Place, container: Place) -> float:
    """How well a candidate sits in the place the phrase puts it in (Paris in Texas, Qatarji in Aleppo)."""
    if container.feature == "country":
        return 0.0 if place.country == container.country and place.feature != "country" else -10.0
    if container.feature in ("admin1", "admin2"):
        if place.country != container.country:
            return -10.0
        if container.admin1 and place.admin1 and place.admin1 != container.admin1:
            return -10.0
        return 1.0
    if container.feature == "city":
        if place.within is not None and place.within == container.geonameid:
            return 5.0
        if place.lat is not None and distance_km(place.lat, place.lon, container.lat, container.lon) < 30:
            return 1.0
        return -5.0
    return 0.0


def choose(toponym: Toponym, context: Context) -> Place | None:
    """The best-scored candidate; none when the phrase names a subdivision or country that holds none of them
    ("Rockingham, Northamptonshire" names no Rockingham of GeoNames: the village is put in the county)."""
    if not toponym.matches:
        return None
    container = toponym.inside.choice if toponym.inside is not None and toponym.inside.container else None
    if container is not None and container.feature in ("admin1", "admin2", "country") and all(
            _fits(m.place, container) <= -10 and m.place.feature in ("city", "district") and not m.place.capital
            and m.place.population < 100_000 for m in toponym.matches):
        return None  # a list ("Copenhagen, Hamburg") names a large place; "Texas, Arizona" no town
    return max(toponym.matches, key=lambda m: score(m, toponym, context)).place


def candidates(gaz: Gazetteer, text: str, *, adjectives: bool = False) -> list[Match]:
    """The gazetteer's places for a name as written; "Aleppo province" as the province, "X City" as the city.

    "X County" is a county of that name or nothing (a town of the same name is often far away).
    With `adjectives`, a demonym ("Canadian") stands for its country, before any town of that name.
    """
    if adjectives and (place := gaz.adjective(text)) is not None:
        return [Match(place, alternate=False)]
    matches = gaz.lookup(text)
    if any(m.place.feature == "country" and not m.alternate for m in matches):
        # "Mexico" is the country; Mexico City's alternate name "Mexico" is how Spanish writes the city
        matches = [m for m in matches if not (m.alternate and m.place.feature == "city")]
    own = max((m.place.population for m in matches if not m.alternate and m.place.feature == "city"), default=None)
    if own is not None:
        # "Garden City" is one of the Garden Cities, not Singapore (a nickname among its alternate names), and
        # "Canton" one of the Cantons: an alternate name of a town in a country none of the own names is in
        homes = {m.place.country for m in matches if not m.alternate and m.place.feature == "city"}
        matches = [m for m in matches if not (m.alternate and m.place.feature == "city" and m.place.country not in homes)]
    if own is not None:
        # "Charleston" is one of the Charlestons, not Charlestown (an alternate name), unless that is far larger
        matches = [m for m in matches if not (m.alternate and m.place.feature == "city" and m.place.population < own)]
    written = text.strip()
    if written.isupper() and len(written) <= 3 and all(
            m.place.feature == "city" and not m.place.name.isupper() and m.place.population < 1_000_000
            for m in matches):
        return []  # "OAS", "CHU", "WA": an acronym, not the town of Oas, Chũ or Wa (but "NYC", "RIO" are cities)
    if matches:
        return matches
    if found := _TRAILING_KIND.search(text):
        kind = found["kind"].lower()
        matches = gaz.lookup(text[: found.start()])
        if kind == "county":  # a county of that name, never a town (often far away)
            return [m for m in matches if m.place.feature == "admin2"]
        wanted = "city" if kind == "city" else "admin1"
        preferred = [m for m in matches if m.place.feature == wanted]
        return preferred or matches
    return []


_WORD = re.compile(r"[^\W_][\w'’.&]*")
# A name that ends so is a street or a road: the town it shares a word with is anywhere ("Royal Street").
_STREET = re.compile(r"\b(?:street|st|avenue|ave|road|rd|lane|boulevard|blvd|drive|highway|way|row|alley|terrace|"
                     r"crescent|parkway)\.?$", re.I)
# Words of organisations' and buildings' names that are also names of towns somewhere.
_NOT_INNER = {"royal", "national", "federal", "state", "central", "new", "general", "union", "university", "college",
              "bank", "trust", "international", "united", "county", "city", "council", "park", "centre", "center",
              "island", "islands", "lake", "river", "mount", "bay", "beach", "point", "harbor", "harbour", "valley",
              "hill", "hills", "delta", "coast", "airport", "quay", "bridge", "port", "station", "square", "market",
              "hall", "house", "tower", "north", "south", "east", "west", "upper", "lower", "old", "great"}
# What a town's own institutions are called after its name: "Colchester General Hospital", "Cavan Institute".
_INSTITUTIONS = {"hospital", "university", "college", "school", "institute", "council", "police", "airport", "station",
                 "cathedral", "court", "courthouse", "commission", "museum", "stadium", "library", "town", "city",
                 "county", "district", "borough", "sheriff", "mayor", "chamber", "chambers", "zoo", "marathon",
                 "festival", "show", "prison", "jail", "metro", "railway", "times", "post", "herald", "gazette",
                 "tribune", "observer", "chronicle", "echo", "mail", "news", "press", "journal"}


def inner_toponym(gaz: Gazetteer, text: str, start: int, end: int) -> Toponym | None:
    """The place a name no gazetteer knows is named after: "Colchester General Hospital" is in Colchester, the
    "Bank of Japan" in Japan, "Cavan County Council" in County Cavan, the "Mexican Senate" in Mexico.

    A town written as its owner just before the name ("Derry's Altnagelvin Hospital"); else the longest run of
    capitalised words inside the name that the gazetteer is sure of (or a demonym), the most populous of equals; a
    town only after "of" or before the name of an institution of its own ("Hospital", "Council", "Times"), not in
    "Rogers Centre" or "Salt + Smoke"; never for a street ("Royal Street"). A country's ministry, parliament or
    central bank sits in its capital (the "Russian Foreign Ministry" in Moscow, not at Russia's middle); its
    embassy sits abroad, so an embassy is never placed in the country it is named after ("British Embassy Tokyo").
    """
    name = text[start:end]
    if (owner := _POSSESSIVE.search(text[max(0, start - 40): start])) is not None:
        matches = [m for m in gaz.lookup(owner["name"]) if sure(m) and m.place.feature != "country"]
        if matches:  # "Derry's Altnagelvin Hospital", "London's Heathrow": the town that owns it
            at = max(0, start - 40) + owner.start("name")
            return Toponym(at, at + len(owner["name"]), owner["name"], matches, "inner")
    if _STREET.search(name):
        return None
    words = list(_WORD.finditer(name))
    if len(words) < 2:
        return None
    lowered = {w.group().lower().rstrip(".") for w in words}
    abroad = bool(lowered & _ABROAD)
    national = bool(lowered & _NATIONAL) and not abroad
    for n in range(len(words) - 1, 0, -1):
        found = []
        for i in range(len(words) - n + 1):
            run = words[i: i + n]
            if not (run[0].group()[:1].isupper() and run[-1].group()[:1].isupper()):
                continue
            if i > 0 and words[i - 1].group().lower().rstrip(".") in _SAINTS:
                continue  # "St. Mary's Church" is a saint's, not in Mary, Turkmenistan
            sub = name[run[0].start(): run[-1].end()].rstrip(".")
            if fold(sub) in _NOT_INNER or not fold(sub):
                continue
            matches = [m for m in candidates(gaz, sub, adjectives=True) if sure(m) or m.place.feature == "admin2"]
            if not any(m.place.feature != "city" for m in matches):
                # a town only in "University of X", or as the first words of "X General Hospital"
                after_of = i > 0 and words[i - 1].group().lower() == "of"
                heads = {w.group().lower().rstrip(".") for w in words[i + n:]}
                if not (after_of or i == 0 and heads & _INSTITUTIONS):
                    matches = []
            if abroad:
                matches = [m for m in matches if m.place.feature not in ("country", "continent", "region")]
            elif national and matches and all(m.place.feature == "country" for m in matches):
                matches = [Match(capital, False) for m in matches if (capital := gaz.capitals.get(m.place.country))] \
                    or matches
            if matches:
                found.append((max(m.place.population for m in matches), i, run, sub, matches))
        if found:
            _, _, run, sub, matches = max(found, key=lambda f: (f[0], -f[1]))
            return Toponym(start + run[0].start(), start + run[0].start() + len(sub), sub, matches, "inner")
    return None


# Words before a saint's name ("St. Mary's Church", "San Pedro Hospital"), which names no town there.
_SAINTS = {"st", "saint", "ste", "sainte", "san", "santa", "santo", "são", "sao"}
# A country's institutions that sit in its capital, and those that sit abroad.
_NATIONAL = {"ministry", "parliament", "senate", "congress", "government", "cabinet", "duma", "knesset", "majlis",
             "presidency", "chancellery", "kremlin", "bank", "treasury", "assembly", "supreme", "ministries"}
_ABROAD = {"embassy", "embassies", "consulate", "consulates", "mission"}


# --------------------------------------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------------------------------------


def locate_places(article: Article, doc: Doc) -> None:
    """Fill the article's places: toponyms found in the parsed text, resolved against the gazetteer."""
    gaz = gazetteer()
    toponyms = find_toponyms(article, doc, gaz)
    _subdivisions_named_as_states(toponyms, article.text)
    context = _resolve(toponyms, article, gaz)
    article.places = _as_places(toponyms, context, article)


def _subdivisions_named_as_states(toponyms: list[Toponym], text: str) -> None:
    """A state's name that stands for another country's subdivision here ("won Virginia, Georgia and Arkansas", as the
    actors stage reads it too: `subdivision_meant`) is not the country."""
    named = [toponym.text for toponym in toponyms]
    for toponym in toponyms:
        if any(m.place.feature == "country" for m in toponym.matches) \
                and subdivision_meant(toponym.text, text, [other.text for other in toponym.listed], named):
            toponym.matches = [m for m in toponym.matches if m.place.feature != "country"]


def find_toponyms(article: Article, doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    text = article.text
    corrected = {(e["start"], e["end"]): e for e in article.entities}
    kinds = {a["id"]: a["kind"] for a in article.actors}
    # The characters of the mentions of actors other than states, looked up per name (not a pass per name).
    acting = bytearray(len(text) + 1)
    for m in article.mentions:
        if kinds.get(m["actor"]) != "state":
            acting[m["start"]:m["end"]] = b"\x01" * (m["end"] - m["start"])

    def acts(start: int, end: int) -> bool:
        return any(acting[start:end])

    found: dict[tuple[int, int], Toponym] = {}
    covered = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            covered[i] = True
        entity = corrected.get((ent.start_char, ent.end_char))
        label = entity["label"] if entity else None
        span = _saints_building(ent) or _trim(ent)
        if span is None:
            continue
        if label in PLACE_LABELS:
            span = _widen(span, gaz, covered)
        start, end = span.start_char, span.end_char
        if label in PLACE_LABELS:
            if entity.get("actor") and kinds.get(entity["actor"]) != "state" or acts(start, end):
                continue  # metonymy: "Moscow said" is the Russian government
            if fold(span.text) in gaz.not_places:
                continue  # "an Easter message": a feast the tagger took for a place
            if span.text.isupper() and len(span.text) <= 5 and not gaz.knows(span.text) \
                    and postal_state(gaz, text, start, end) is None:
                continue  # an acronym the tagger took for a place
            found[(start, end)] = Toponym(start, end, span.text, candidates(gaz, span.text), "entity", label)
        elif entity and not acts(start, end) and _mislabelled(entity, span.text, text, start, gaz):
            found[(start, end)] = Toponym(start, end, span.text, gaz.lookup(span.text), "gazetteer", label)

    for start, end, tokens in _untagged_names(doc, covered, gaz):
        if not acts(start, end) and not any(s < end and start < e for s, e in found):
            found[(start, end)] = Toponym(start, end, text[start:end], gaz.lookup(text[start:end]), "gazetteer")

    toponyms = sorted(found.values(), key=lambda t: t.start)
    _read_districts(text, toponyms, gaz)
    toponyms.sort(key=lambda t: t.start)
    _read_phrases(text, toponyms, gaz)
    for toponym in list(toponyms):
        if not toponym.matches and toponym.inside is None:
            if (inner := inner_toponym(gaz, text, toponym.start, toponym.end)) is not None:
                toponym.inside = inner
                toponyms.append(inner)
    toponyms.sort(key=lambda t: t.start)
    return toponyms


def _widen(span: Span, gaz: Gazetteer, covered: list[bool]) -> Span:
    """The place with the capitalised word the tagger left before it, when the two are one name the gazetteer
    knows: "Northern Ireland" for the tagger's "Ireland", "South Sudan" for "Sudan", "West Bengal" for "Bengal"."""
    i = span.start - 1
    if i < 0 or covered[i]:
        return span
    token = span.doc[i]
    if not _capitalised(token) or token.is_sent_start and token.lower_ in ("the", "in", "at", "on", "from", "to"):
        return span
    wider = span.doc[i: span.end]
    if any(not m.alternate and m.place.feature in ("country", "admin1", "admin2", "region", "city")
           for m in gaz.lookup(wider.text)):
        covered[i] = True
        return wider
    return span


def _saints_building(ent: Span) -> Span | None:
    """ "St. Peter's Square", "St. Paul's Cathedral" where the tagger saw the place "St. Peter's": a saint's
    possessive before a church, a square or a hospital names that, not the saint's town (Saint Paul, Minnesota);
    the whole name, to be placed where the text puts it. "St. Petersburg's Hermitage" stays St. Petersburg's."""
    doc = ent.doc
    end = ent.end if doc[ent.end - 1].text in ("'s", "’s") else ent.end + 1
    if doc[ent.start].lower_.rstrip(".") not in ("st", "saint") or end >= len(doc) or \
            doc[end - 1].text not in ("'s", "’s") or doc[end].lower_ not in _SAINTS_BUILDINGS:
        return None
    while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
        end += 1
    return doc[ent.start:end]


_SAINTS_BUILDINGS = {"square", "cathedral", "church", "basilica", "abbey", "chapel", "hospital", "college",
                     "school", "academy", "monastery", "mosque", "priory", "shrine", "infirmary"}


def _trim(ent: Span) -> Span | None:
    """The name without a leading "the" or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ == "the":
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return ent.doc[start:end] if start < end else None


def _mislabelled(entity: dict, name: str, text: str, start: int, gaz: Gazetteer) -> bool:
    """A place the tagger labelled otherwise: "Aleppo" as NORP or LANGUAGE, "shelled Qamishli" as a person.

    A name the gazetteer is sure of, that is no demonym and no known actor, counts; a person or organisation only
    after "in", "near", "from", ... (people and firms are named after towns: Jordan, Florence, Austin).
    """
    if gaz.adjective(name) is not None or not any(sure(m) for m in gaz.lookup(name)):
        return False
    actor = entity.get("actor") or ""
    if entity["label"] in ("PERSON", "ORG"):
        return actor.startswith(("person:", "org:")) and _locative_before(text, start)
    return not actor and entity["label"] in ("NORP", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT")


def _untagged_names(doc: Doc, covered: list[bool], gaz: Gazetteer):
    """Gazetteer names the tagger left untagged: capitalised proper nouns, longest first."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if covered[i] or not _capitalised(token) or token.pos_ not in ("PROPN",) and not token.is_upper:
            i += 1
            continue
        for n in range(min(4, len(doc) - i), 0, -1):
            tokens = doc[i: i + n]
            if any(covered[j] for j in range(i, i + n)) or not _capitalised(tokens[-1]):
                continue
            if not all(_capitalised(t) or t.lower_ in _CONNECTORS for t in tokens):
                continue
            if any(sure(m) for m in gaz.lookup(tokens.text)):
                yield tokens.start_char, tokens.end_char, tokens
                i += n - 1
                break
        i += 1


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def _locative_before(text: str, start: int) -> bool:
    return bool(_LOCATIVE_BEFORE.search(text[max(0, start - 12): start]))


def _read_districts(text: str, toponyms: list[Toponym], gaz: Gazetteer) -> None:
    """ "the Qatarji neighborhood of Aleppo": Qatarji is a district inside Aleppo, whatever the tagger said."""
    for found in _DISTRICT.finditer(text):
        x_start, x_end = found.span("x")
        if text[x_start:x_end].lower().startswith("the "):
            x_start += 4
        x_text = text[x_start:x_end]
        y = _toponym_at(toponyms, *found.span("y"))
        if y is None:
            y_text = found["y"]
            matches = gaz.lookup(y_text)
            if not matches:
                continue
            y = Toponym(found.start("y"), found.end("y"), y_text, matches, "gazetteer")
            toponyms.append(y)
        for other in [t for t in toponyms if t.start < x_end and x_start < t.end]:
            toponyms.remove(other)
        x = Toponym(x_start, x_end, x_text, gaz.lookup(x_text), "district", district=True, inside=y)
        toponyms.append(x)


def _toponym_at(toponyms: list[Toponym], start: int, end: int) -> Toponym | None:
    for toponym in toponyms:
        if toponym.start >= start and toponym.end <= end or toponym.start <= start < toponym.end:
            return toponym
    return None


# Between a name no gazetteer knows and the town it is in: "Kamenné Square in Bratislava", "Black Sheep in Irvine".
_AT_PLACE = re.compile(r",?\s+(?:in|at|near|outside)\s+(?:(?:the|downtown|central|suburban|nearby)\s+)?")


def postal_state(gaz: Gazetteer, text: str, start: int, end: int) -> Place | None:
    """The US state a two-letter postal code names right after a place and a comma ("HORRY COUNTY, SC",
    "Portland, OR"); None elsewhere ("OR" is a word, "SC" a club)."""
    code = text[start:end]
    if not re.fullmatch(r"[A-Z]{2}", code) or (end < len(text) and text[end].isalnum()):
        return None
    if not re.search(r"[A-Z][A-Za-z.]*, $", text[max(0, start - 40): start]):
        return None
    return gaz.admin1.get(f"US.{code}")


def _read_phrases(text: str, toponyms: list[Toponym], gaz: Gazetteer) -> None:
    """What the words around a toponym say of where it is."""
    for toponym in toponyms:
        if not toponym.matches and (state := postal_state(gaz, text, toponym.start, toponym.end)) is not None:
            toponym.matches = [Match(state, False)]
    for i, toponym in enumerate(toponyms):
        following = toponyms[i + 1] if i + 1 < len(toponyms) else None
        if following is not None and toponym.inside is None:
            between = text[toponym.end: following.start]
            after = toponyms[i + 2] if i + 2 < len(toponyms) else None
            listed = after is not None and re.fullmatch(r",\s*|,?\s+(?:and|or)\s+", text[following.end: after.start])
            comma = re.fullmatch(r",\s*", between) and not listed  # "Paris, Texas" but not "Aleppo, Idlib and Hama"
            # "Percy French Hotel, Ballyjamesduff;" but not "In Madinaty, Liverpool have ...": after a comma, the
            # town must close the phrase
            closes = re.match(r"\s*(?:[,;.:)(]|$)", text[following.end: following.end + 3])
            at_town = not toponym.matches and (_AT_PLACE.fullmatch(between) or comma and closes) and any(
                m.place.feature in ("city", "district") for m in following.matches)
            if comma or re.fullmatch(r"\s+in\s+(?:(?:the\s+)?(?:north|south|east|west|central)\w*\s+)?", between):
                if any(m.place.feature in ("admin1", "admin2", "country") for m in following.matches) and not any(
                    m.place.feature == "country" for m in toponym.matches
                ):
                    toponym.inside = following
                    following.container = True
                elif at_town:
                    toponym.inside = following  # "the My store on Kamenné Square in Bratislava"
            elif at_town:
                toponym.inside = following  # "a dinner at Black Sheep in Irvine"
            elif re.fullmatch(r",\s*|,?\s+(?:and|or)\s+", between) and following.inside is not toponym:
                toponym.listed.append(following)
                following.listed.append(toponym)
        before = text[max(0, toponym.start - 60): toponym.start]
        if found := _KIND_OF.search(before):
            place = gaz.adjective(found["adj"]) or next(
                (m.place for m in gaz.lookup(found["adj"]) if m.place.feature == "country"), None)
            if place is not None and place.feature == "country":
                toponym.country_hint = place.country
        elif found := _POSSESSIVE.search(before):
            country = next((m.place for m in gaz.lookup(found["name"]) if m.place.feature == "country"), None)
            if country is not None and not any(m.place.feature == "country" for m in toponym.matches):
                toponym.country_hint = country.country


def _seed_context(article: Article, gaz: Gazetteer) -> Context:
    """The article's context before any toponym is read: the outlet's country and the actors' countries."""
    context = Context(outlet_country=outlet_country(article, gaz))
    countries = {a["id"]: a.get("country") for a in article.actors}
    for mention in article.mentions:
        iso3 = countries.get(mention["actor"])
        if iso3 and iso3 in gaz.countries:
            context.countries[iso3][fold(mention["text"])] += 0.5
    return context


def _resolve(toponyms: list[Toponym], article: Article, gaz: Gazetteer) -> Context:
    """Two passes: the unambiguous toponyms set the scene, then every toponym is read in the whole scene."""
    seed = _seed_context(article, gaz)
    ordered = sorted(toponyms, key=lambda t: 0 if any(o.inside is t for o in toponyms) else 1)
    first = _copy(seed)
    for toponym in ordered:
        if len({m.place.key for m in toponym.matches}) == 1:
            first.add(toponym.matches[0].place, toponym.key)
    for toponym in ordered:
        toponym.choice = choose(toponym, first)
    final = _with_choices(seed, toponyms)
    for toponym in ordered:
        toponym.choice = choose(toponym, final)
    return _with_choices(seed, toponyms)


def _with_choices(seed: Context, toponyms: list[Toponym]) -> Context:
    """The seed context with the place chosen for each toponym so far."""
    context = _copy(seed)
    for toponym in toponyms:
        if toponym.choice is not None:
            context.add(toponym.choice, toponym.key, 0.5 if toponym.source == "inner" else 1.0)
    return context


def _copy(context: Context) -> Context:
    copy = Context(outlet_country=context.outlet_country, _distances=context._distances)
    for iso3, said in context.countries.items():
        copy.countries[iso3].update(said)
    return copy


def _snap(place: Place, toponyms: list[Toponym]) -> Place:
    """A county known only by its state's point is put where the article's own places in that state are (Collier
    County at Naples when the story names Naples), still flagged approximate."""
    if place.feature != "admin2" or not place.approximate or not place.admin1:
        return place
    counts = Counter(t.choice.key for t in toponyms if t.choice is not None and not t.approximate
                     and t.choice.feature in ("city", "district") and t.choice.admin1 == place.admin1)
    if not counts:
        return place
    key = counts.most_common(1)[0][0]
    town = next(t.choice for t in toponyms if t.choice is not None and t.choice.key == key)
    return replace(place, lat=town.lat, lon=town.lon)


def focus(toponyms: list[Toponym], text: str, home: Place | None = None) -> Place | None:
    """Where the article is: its dateline place, else the local place the others agree on, else its country.

    A local place (a city, district or subdivision) counts once for each time it is named (half when only named
    inside another name, "Colchester General Hospital"), plus its share of the article's other local places near
    it and of the names of its country: a town that happens to share a word with the story ("Honda", Colombia)
    loses to the places that cluster. A local place counts only if its country is named at least half as much as
    the article's leading country; failing one, the outlet's home town (`home`, "derryjournal.com": Derry) when the
    article's leading country is its own, else a subdivision known only approximately ("Essex") in that country.
    """
    resolved = [t for t in toponyms if t.choice is not None and not t.approximate and t.choice.lat is not None]
    for toponym in resolved:
        if is_dateline(text, toponym.start, toponym.end) and toponym.source != "inner":
            return toponym.choice
    weights: Counter = Counter()
    countries: Counter = Counter()
    places: dict[str, Place] = {}
    for toponym in resolved:
        weight = 0.5 if toponym.source == "inner" else 1.0
        if toponym.choice.country:
            countries[toponym.choice.country] += weight
        if toponym.choice.feature in ("city", "district", "admin2", "admin1") and not toponym.choice.approximate:
            weights[toponym.choice.key] += weight
            places[toponym.choice.key] = toponym.choice
    leading = countries.most_common(1)[0] if countries else None
    if leading is not None:
        # a local place of a country the article hardly names ("Honda", Colombia, in a story of British racing
        # circuits) is no focus when the article's leading country names twice as much
        weights = Counter({k: w for k, w in weights.items() if 2 * countries[places[k].country] > leading[1]})
    if not weights and home is not None and (
            leading is None or 2 * countries[home.country] > leading[1]):
        return home
    if not weights:
        # only subdivisions known by an approximate point ("Essex"): still nearer than the country's point
        for toponym in resolved:
            if toponym.choice.feature in ("admin2", "admin1") and toponym.choice.approximate and (
                    leading is None or 2 * countries[toponym.choice.country] > leading[1]):
                weights[toponym.choice.key] += 0.5 if toponym.source == "inner" else 1.0
                places[toponym.choice.key] = toponym.choice
    if weights:
        def support(key: str) -> float:
            place = places[key]
            near = sum(w for other, w in weights.items() if other != key and distance_km(
                place.lat, place.lon, places[other].lat, places[other].lon) < 150)
            own = weights[key]
            return own + 0.75 * near + 0.5 * (countries[place.country] - own) - (0.25 if place.feature == "admin1" else 0)

        best = max(weights, key=lambda k: (support(k), -FEATURES_RANK.get(places[k].feature, 9)))
        return places[best]
    if countries:
        best = countries.most_common(1)[0][0]
        return next(t.choice for t in resolved if t.choice.country == best and t.choice.feature == "country") \
            if any(t.choice.country == best and t.choice.feature == "country" for t in resolved) else None
    return None


def _said_country(context: Context) -> Place | None:
    """The country the article speaks of most (its actors' and places' countries, the outlet's), for want of a
    place: "Wana" in a story of Pakistan's army that names no other place is in Pakistan."""
    weights = Counter({iso3: sum(said.values()) for iso3, said in context.countries.items()})
    if context.outlet_country:
        weights[context.outlet_country] += 0.5
    if not weights:
        return None
    return gazetteer().countries.get(weights.most_common(1)[0][0])


FEATURES_RANK = {"district": 0, "city": 1, "admin2": 2, "admin1": 3}


def is_dateline(text: str, start: int, end: int) -> bool:
    """A wire dateline: the name opens the article (or its first paragraph) and a comma, dash or agency follows."""
    if text[:start].strip() and not text[:start].endswith("\n"):
        return False
    if start > 300:
        return False
    return bool(re.match(r"\s*(?:,|\(|—|–|-|:|\s[A-Z]{2,}\b)", text[end: end + 12]))


def _as_places(toponyms: list[Toponym], context: Context, article: Article) -> list[dict]:
    """The contract's place objects, in text order; unknown names placed, approximately, where the text puts them."""
    center = focus(toponyms, article.text, outlet_home(article, gazetteer()))
    for toponym in toponyms:
        if toponym.choice is not None:
            continue
        container = toponym.inside.choice if toponym.inside else None
        where = container or center
        if where is None or where.lat is None:
            continue
        feature = "district" if toponym.district else "unknown"
        toponym.choice = Place(key=f"near:{where.key}", name=toponym.text, feature=feature, lat=where.lat,
                               lon=where.lon, country=where.country, within=where.geonameid, approximate=True)
        toponym.approximate = True
    for toponym in toponyms:
        if toponym.choice is not None:
            toponym.choice = _snap(toponym.choice, toponyms)
    placed = [t for t in toponyms if t.choice is not None and t.source != "inner"]
    index_of = {t.choice.key: i for i, t in reversed(list(enumerate(placed))) if not t.approximate}
    places = []
    for toponym in placed:
        place = toponym.choice
        container = toponym.inside.choice if toponym.inside and toponym.inside.choice else None
        within = None
        if container is not None and container.key in index_of and _fits(place, container) >= 0:
            within = index_of[container.key]
        elif place.within is not None and f"gn:{place.within}" in index_of:
            within = index_of[f"gn:{place.within}"]
        places.append({
            "start": toponym.start, "end": toponym.end, "text": toponym.text, "name": place.name,
            "geonameid": place.geonameid, "lat": place.lat, "lon": place.lon, "country": place.country,
            "feature": place.feature, "within": within, "approximate": place.approximate or toponym.approximate,
        })
    return places


# --------------------------------------------------------------------------------------------------------------------
# One span, in an article already read (scorers resolve gold spans this way)
# --------------------------------------------------------------------------------------------------------------------


def resolve_span(article: Article, start: int, end: int) -> dict | None:
    """The place a span of the article names, read in the article's context (its places, actors and outlet).

    Unlike the stage this resolves whatever it is given, a demonym ("Swiss") or an acting capital included.
    """
    gaz = gazetteer()
    text = article.text
    span_text = text[start:end].strip()
    matches = candidates(gaz, span_text, adjectives=True)
    toponym = Toponym(start, end, span_text, matches, "span")
    others: list[Toponym] = []
    context = _seed_context(article, gaz)
    for place in article.places:
        if place["start"] == start and place["end"] == end:
            continue
        if place["approximate"] and place["feature"] not in ("admin1", "admin2"):
            continue  # a name put where the text puts it says nothing new; a county at its region's point does
        other = Toponym(place["start"], place["end"], place["text"], [], "place")
        other.choice = _place_of(place, gaz)
        if other.choice is not None:
            context.add(other.choice, other.key)
            others.append(other)
    neighbours = sorted([*others, toponym], key=lambda t: t.start)
    for other in others:
        other.matches = [Match(other.choice, False)]
    _read_phrases(text, neighbours, gaz)
    for found in _DISTRICT.finditer(text):
        if found.start("x") <= start < found.end("x"):
            toponym.district = True
            toponym.inside = _toponym_at(others, *found.span("y"))
    if not matches and toponym.inside is None and (inner := inner_toponym(gaz, text, start, end)) is not None:
        inner.choice = choose(inner, context)
        toponym.inside = inner
    toponym.choice = choose(toponym, context)
    if toponym.choice is None:
        named = Counter(p["country"] for p in article.places if p["country"] in gaz.countries)
        where = (toponym.inside.choice if toponym.inside else None) or focus(others, text, outlet_home(article, gaz)) \
            or _said_country(context) \
            or (gaz.countries[named.most_common(1)[0][0]] if named else None)
        if where is None:
            return None
        toponym.choice = Place(key=f"near:{where.key}", name=span_text, feature="unknown", lat=where.lat,
                               lon=where.lon, country=where.country, approximate=True)
    place = _snap(toponym.choice, others)
    return {"start": start, "end": end, "text": span_text, "name": place.name, "geonameid": place.geonameid,
            "lat": place.lat, "lon": place.lon, "country": place.country, "feature": place.feature,
            "approximate": place.approximate}


def _place_of(place: dict, gaz: Gazetteer) -> Place | None:
    if place.get("geonameid") is not None and place["geonameid"] in gaz.by_geonameid:
        return gaz.by_geonameid[place["geonameid"]]
    for match in gaz.lookup(place["name"]):
        if match.place.lat == place["lat"] and match.place.lon == place["lon"]:
            return match.place
    return None
