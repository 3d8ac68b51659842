"""The outlet registry (dateline/data/outlets.toml): its entries are well formed and every local outlet's home is a
place the gazetteer knows in the outlet's country."""

from collections import Counter

from dateline.extract.outlets import OutletRegistry
from dateline.geo import gazetteer
from dateline.geo.outlets import home_place

OWNERSHIPS = {"state", "public", "private", "nonprofit", "cooperative", "party"}
KINDS = {"wire", "broadcaster", "newspaper", "magazine", "digital"}


def test_entries_are_complete_and_domains_and_names_are_unique():
    outlets = OutletRegistry.default().outlets
    assert len(outlets) > 400
    domains = Counter(d for o in outlets for d in o.domains + o.mirrors)
    assert [d for d, n in domains.items() if n > 1] == []
    names = Counter(n.casefold() for o in outlets for n in {o.name, *o.aliases})
    assert [n for n, count in names.items() if count > 1] == []
    for o in outlets:
        assert o.domains and all(d == d.lower() and not d.startswith(("www.", "http")) for d in o.domains), o.name
        assert o.ownership in OWNERSHIPS and o.kind in KINDS and isinstance(o.state_affiliated, bool), o.name
        assert len(o.country) == 3 and o.country.isupper() and o.source.startswith("https://"), o.name


def test_every_home_is_a_place_in_the_outlets_country():
    gaz = gazetteer()
    homes = [o for o in OutletRegistry.default().outlets if o.home]
    assert len(homes) >= 100
    for outlet in homes:
        place = home_place(outlet.home, outlet.country, gaz)
        assert place is not None and place.country == outlet.country, (outlet.name, outlet.home)
        assert place.feature in ("city", "admin1", "admin2"), (outlet.name, place)
    by_domain = OutletRegistry.default().by_domain
    assert home_place(by_domain("www.nola.com")[0].home, "USA", gaz).name == "New Orleans"
    assert home_place(by_domain("www.theargus.co.uk")[0].home, "GBR", gaz).name == "Brighton"


def test_national_and_international_outlets_have_no_home():
    registry = OutletRegistry.default()
    for host in ("reuters.com", "bbc.co.uk", "apnews.com", "nytimes.com", "aljazeera.com", "theguardian.com"):
        found = registry.by_domain(host)
        assert found is not None and found[0].home is None, host


def test_the_outlet_object_carries_the_home_or_null():
    registry = OutletRegistry.default()
    local = registry.identify("https://www.startribune.com/a/1", [], "")
    assert local["name"] == "Star Tribune" and local["home"] == "Minneapolis"
    assert registry.identify("https://www.reuters.com/world/1", [], "")["home"] is None
    unknown = registry.identify("https://example-paper.com/a", [], "")
    assert unknown["country"] is None and unknown["home"] is None
