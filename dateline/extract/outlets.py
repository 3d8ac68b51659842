"""Which outlet published an article: by the URL's domain, else by the outlet's name or domains in the page's
furniture (footer, mirror notice, byline, a wire credit such as "(Reuters) -"). Never by a mention in the body:
"told Reuters" is not a Reuters story."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

_DOMAIN_IN_TEXT = re.compile(r"\b(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)
# The credit that opens wire copy: "MOSCOW (Reuters) -", "BEIRUT, April 30 (AFP) —"
_WIRE_CREDIT = re.compile(r"^[^\n]{0,80}?\((?P<name>[A-Z][\w .&'-]{1,40})\)\s*[-–—]")


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    mirrors: tuple[str, ...]
    country: str
    ownership: str
    state_affiliated: bool
    kind: str
    source: str
    home: str | None = None  # the town or region a local outlet covers; None for national and international ones

    def to_dict(self, domain: str | None, evidence: str) -> dict:
        return {
            "name": self.name,
            "domain": domain or self.domains[0],
            "country": self.country,
            "ownership": self.ownership,
            "state_affiliated": self.state_affiliated,
            "domains": list(self.domains + self.mirrors),
            "kind": self.kind,
            "home": self.home,
            "evidence": evidence,
        }


class OutletRegistry:
    """The curated outlets of `data/outlets.toml`, looked up by domain or by name."""

    def __init__(self, outlets: list[Outlet]):
        self.outlets = outlets
        self._by_domain = {d: o for o in outlets for d in o.domains + o.mirrors}
        self._by_name = {n.casefold(): o for o in outlets for n in (o.name, *o.aliases)}
        # Names match with their case ("MAP" the agency is not "Site map"), or upper-cased in an all-caps line
        # ("SOURCE: AL JAZEERA AND NEWS AGENCIES").
        names = sorted((n for o in outlets for n in (o.name, *o.aliases)), key=len, reverse=True)
        self._name_pattern = _alternation(names)
        self._upper_name_pattern = _alternation([n.upper() for n in names])

    @classmethod
    @cache
    def default(cls) -> OutletRegistry:
        with resources.files("dateline.data").joinpath("outlets.toml").open("rb") as handle:
            entries = tomllib.load(handle)["outlet"]
        fields = Outlet.__dataclass_fields__
        return cls([
            Outlet(**{k: tuple(v) if isinstance(v, list) else v for k, v in e.items() if k in fields})
            for e in entries
        ])

    def by_domain(self, host: str) -> tuple[Outlet, str] | None:
        """The outlet for a host name, trying it and each parent domain (edition.cnn.com -> cnn.com)."""
        labels = host.lower().rstrip(".").removeprefix("www.").split(".")
        for i in range(len(labels) - 1):
            domain = ".".join(labels[i:])
            if domain in self._by_domain:
                return self._by_domain[domain], domain
        return None

    def by_name(self, name: str) -> Outlet | None:
        return self._by_name.get(name.casefold())

    def identify(self, url: str | None, furniture: list[str], text: str, site_name: str | None = None) -> dict | None:
        """The outlet object of the contract, with the evidence that identified it."""
        host = urlsplit(url).hostname if url else None
        if host:
            found = self.by_domain(host)
            if found:
                return found[0].to_dict(found[1], f"url: {host}")
        if site_name and self.by_name(site_name):
            return self.by_name(site_name).to_dict(None, f"site name: {site_name}")
        for line in (line for piece in furniture for line in piece.splitlines()):
            for match in _DOMAIN_IN_TEXT.finditer(line):
                found = self.by_domain(match.group(1))
                if found:
                    return found[0].to_dict(None, f"page furniture: {line[:120]}")
            pattern = self._upper_name_pattern if line.isupper() else self._name_pattern
            match = pattern.search(line)
            if match:
                return self.by_name(match.group(0)).to_dict(None, f"page furniture: {line[:120]}")
        credit = _WIRE_CREDIT.match(text)
        if credit and self.by_name(credit["name"]):
            return self.by_name(credit["name"]).to_dict(None, f"wire credit: {credit.group(0)}")
        if host:
            # Not a curated outlet, but the domain is still the best name a reader has for it.
            domain = host.lower().removeprefix("www.")
            return {"name": site_name or domain, "domain": domain, "country": None, "ownership": None,
                    "state_affiliated": None, "domains": [domain], "kind": None, "home": None,
                    "evidence": f"url: {host}"}
        return None


def _alternation(names: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
