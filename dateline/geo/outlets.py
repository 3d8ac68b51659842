"""Where an article's outlet is: its country (the registry's, else its domain's country code) and, for a local or
regional outlet, the town it covers (the registry's `home`, else the town its domain is named after), which the
places stage takes as the focus of an article that names no local place."""

from __future__ import annotations

from urllib.parse import urlsplit

from dateline.article import Article
from dateline.extract.outlets import OutletRegistry
from dateline.geo.gazetteer import Gazetteer, Place, sure

# Country-code domains used worldwide for other reasons (".tv", ".io", ".co", ".me" ...): they tell no country.
_VANITY_DOMAINS = {"ac", "ad", "ag", "ai", "am", "as", "cc", "cd", "co", "fm", "gg", "io", "la", "ly", "me", "ms",
                   "mu", "nu", "sh", "so", "st", "tk", "to", "tv", "vc", "ws"}


# Words of news outlets' names around their town's: "derryjournal", "essexlive", "walesonline", "cambridge-news".
_OUTLET_WORDS = {"news", "daily", "live", "online", "journal", "times", "post", "herald", "echo", "mail", "gazette",
                 "today", "star", "chronicle", "express", "evening", "telegraph", "standard", "press", "tribune",
                 "observer", "courier", "record", "advertiser", "examiner", "argus", "sentinel", "leader", "bee",
                 "globe", "weekly", "free", "citizen", "voice", "now", "mercury", "sun", "inquirer", "messenger",
                 "dispatch", "review", "reporter", "register", "enquirer", "guardian", "eagle", "patriot", "democrat",
                 "gov", "city", "county", "first", "local", "world", "nation", "weekend", "morning", "sunday",
                 "the", "my", "in", "your", "area", "network", "media", "tv", "radio", "fm", "am"}


def _outlet_words(rest: str) -> bool:
    """Whether `rest` ("journal", "eveningnews", "") is made of outlet words only."""
    if not rest:
        return True
    return any(rest.startswith(word) and _outlet_words(rest[len(word):]) for word in _OUTLET_WORDS)


def outlet_home(article: Article, gaz: Gazetteer) -> Place | None:
    """The town or region a local outlet covers: the outlet registry's `home` first ("nola.com" New Orleans), else
    the town or county the outlet is named after: "derryjournal.com" Derry, "essexlive.news" Essex,
    "saskatoon.ctvnews.ca" Saskatoon, "cleveland.com" Cleveland; in the outlet's country when that is known.

    A label of the host that is a name the gazetteer is sure of (a town of 15,000 or more, a subdivision) followed
    by nothing but outlet words ("journal", "live", "evening news"); of several places of that name, the largest
    town (the Washington Post is Washington's, not the state's).
    """
    host = (urlsplit(article.url or "").hostname or "").lower()
    if (place := _registered_home(article, host, gaz)) is not None:
        return place
    labels = [label for label in host.split(".")[:-1] if label not in ("www", "co", "com", "org", "net", "gov", "ac")]
    country = outlet_country(article, gaz)
    for label in labels:
        word = label.replace("-", "")
        for cut in range(len(word), 3, -1):
            if not _outlet_words(word[cut:]):
                continue
            matches = [m.place for m in gaz.lookup(word[:cut]) if not m.alternate and (
                sure(m) or m.place.feature == "admin2") and m.place.feature in ("city", "admin1", "admin2")
                and (country is None or m.place.country == country)]
            if matches:
                return max(matches, key=lambda p: (p.feature == "city", p.population))
    return None


def _registered_home(article: Article, host: str, gaz: Gazetteer) -> Place | None:
    """The home the outlet registry gives the article's outlet (nola.com New Orleans, theargus.co.uk Brighton): from
    the outlet object when it carries one, else from the registry's entry for the URL's host or the outlet's name."""
    outlet = article.outlet or {}
    name, country = outlet.get("home"), outlet.get("country")
    if "home" not in outlet:
        registry = OutletRegistry.default()
        found = registry.by_domain(host) if host else None
        entry = found[0] if found else registry.by_name(outlet["name"]) if outlet.get("name") else None
        if entry is not None:
            name, country = entry.home, entry.country
    return home_place(name, country, gaz) if name and country else None


def home_place(name: str, country: str, gaz: Gazetteer) -> Place | None:
    """The town or region of a registry `home` in the outlet's country: the places so named by their own name if any,
    else by an alternate one; of several, the most populous ("Kansas City": Missouri's), a town on a tie."""
    matches = [m for m in gaz.lookup(name) if m.place.country == country and m.place.feature in _HOME_FEATURES]
    places = [m.place for m in matches if not m.alternate] or [m.place for m in matches]
    return max(places, key=lambda p: (p.population or 0, p.feature == "city")) if places else None


_HOME_FEATURES = ("city", "admin1", "admin2")


def outlet_country(article: Article, gaz: Gazetteer) -> str | None:
    """The outlet's country: the registry's, else the country code of its domain ("dailyecho.co.uk": GBR)."""
    outlet = article.outlet or {}
    if outlet.get("country"):
        return outlet["country"]
    host = urlsplit(article.url or "").hostname or ""
    code = host.rsplit(".", 1)[-1].upper() if "." in host else ""
    code = {"UK": "GB"}.get(code, code)
    if len(code) != 2 or code.lower() in _VANITY_DOMAINS:
        return None
    return gaz.iso3.get(code)
