"""Web pages: the article body and its metadata, with trafilatura (which asks htmldate for the date).

trafilatura runs in precision mode, which on news keeps fewer teasers and widgets than its balanced mode. Its
readability/jusText fallbacks take a third of its time and change the result only when its own pass comes back
short or without paragraphs, so they run only then. Around it, small fixes for what it still gets wrong on news:

- before: embedded tweets are unmarked so that they stay (quotes), hover cards are cut out of sentences;
- after, on its output tree: the headline, standfirst and byline repeated at the top of the body go (they are
  the title, description and authors fields); so do teaser blocks (lists and rows of headings that are wholly
  links, "Related:" / "READ MORE" lines) and calls to action at the very end (newsletter, follow us on, tips,
  copyright, get the app, comments).

Measured with ``python bench/extraction.py`` on the Zyte article-extraction gold set (see bench/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt


@dataclass
class PageContent:
    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None  # the standfirst or meta description, kept out of ``text``


def extract_html(html: str, url: str | None = None) -> PageContent:
    """The main text of a page as paragraphs separated by blank lines, and what the page says about itself."""
    tree = load_html(html) if html else None
    if tree is None:  # empty or not HTML at all
        return PageContent(text="", url=url)
    _unmark_embedded_posts(tree)
    _drop_hover_cards(tree)
    _spaced_credits(tree)
    document = _trafilatura(tree, url, fast=True, with_metadata=True)
    if document is None or _needs_fallbacks(document):
        rescued = _trafilatura(tree, url, fast=False, with_metadata=False)
        if document is None:  # no body in the fast pass, maybe none at all: the page may still say what it is
            document = extract_metadata(tree, url)
            document.body = document.text = None
        if rescued is not None:
            document.body, document.text = rescued.body, rescued.text
    authors = _split_authors(document.author)
    text = ""
    if document.body is not None:
        body = _clean_body(document.body, tree, document.title or "", document.description or "", authors)
        text = _paragraphs(xmltotxt(body, include_formatting=False))
    return PageContent(
        text=text,
        title=document.title,
        # trafilatura's metadata pass already ran htmldate (original date, extensive search): no second try.
        published=document.date,
        authors=authors,
        sections=[c for c in (document.categories or []) if c],
        site_name=document.sitename,
        url=document.url or url,
        language=document.language or _declared_language(tree),
        description=document.description,
    )


# Below this many characters a news body is suspect: that is where trafilatura's fallbacks find more.
_SHORT_BODY = 1000


def _unmark_embedded_posts(tree: HtmlElement) -> None:
    """Embedded tweets are what someone said: keep them in the body.

    Twitter's embed code is a ``blockquote.twitter-tweet`` (often in a "social-embed" wrapper), and those class
    names send it out with the share buttons in trafilatura's boilerplate rules. Dropping the class names of the
    blockquote and of wrappers that hold nothing else lets it through as the quotation it is."""
    for quote in tree.xpath("//blockquote[contains(@class, 'twitter-tweet')]"):
        quote.attrib.pop("class")
        wrapper = quote.getparent()
        while wrapper is not None and all(child is quote or child.tag == "script" for child in wrapper):
            wrapper.attrib.pop("class", None)
            wrapper.attrib.pop("id", None)
            quote, wrapper = wrapper, wrapper.getparent()


_HOVER_WIDGETS = "|".join(f"//*[contains(@class, '{name}')]" for name in ("tooltip", "popover", "hovercard", "rollover"))


def _drop_hover_cards(tree: HtmlElement) -> None:
    """Hover cards (a person's photo and latest headlines) sit inside paragraphs, hidden until the mouse is over
    the name; their text would run into the sentence.

    Only the card goes, not its wrapper: that holds the name itself ("threatened to kill Rep. Ilhan Omar"). A card
    is the innermost hover widget with a picture or several links; a glossary tooltip (plain text) stays."""
    widgets = tree.xpath(_HOVER_WIDGETS)
    inside = set(widgets)
    for element in widgets:
        if any(inner in inside for inner in element.iterdescendants()):
            continue
        if element.find(".//img") is not None or len(element.findall(".//a")) >= 2:
            element.drop_tree()  # keeps the text that follows the card


def _spaced_credits(tree: HtmlElement) -> None:
    """A credit set in a ``cite`` element runs into the text after it ('<cite>Hong Kong (CNN Business)</cite>A
    muddled view'), where the page's style sheet puts a space: the text gets one."""
    for cite in tree.iter("cite"):
        if cite.tail and cite.tail[0].isalnum() and (cite.text_content() or " ")[-1:].strip():
            cite.tail = " " + cite.tail


def _trafilatura(tree: HtmlElement, url: str | None, fast: bool, with_metadata: bool):
    return trafilatura.bare_extraction(
        tree,  # bare_extraction copies a tree it is given, so ours stays intact for the link index below
        url=url,
        fast=fast,
        favor_precision=True,
        include_comments=False,
        include_tables=True,  # results tables, standings, figures are article content
        with_metadata=with_metadata,
    )


def _needs_fallbacks(document) -> bool:
    # The cases where trafilatura itself prefers readability or jusText: little text, or no paragraph at all.
    return len(document.text or "") < _SHORT_BODY or document.body.find(".//p") is None


def _clean_body(body: _Element, tree: HtmlElement, title: str, description: str, authors: list[str]) -> _Element:
    _drop_headline_and_byline(body, title, description, authors)
    _drop_teasers(body, _link_share(tree))
    _drop_trailing_calls_to_action(body)
    return body


# --- the headline, standfirst and byline ------------------------------------------------------------------

# "By Jane Doe", "9:10 AM EST 03/02/2021 by ...", "3 min read", "Reading time: 1 minute".
_BYLINE = re.compile(r"^(By|BY)\s|\b\d+ (min|minute)s? read\b|^([Rr]eading time|[Tt]empo de leitura|[Ll]esezeit)\b")


def _drop_headline_and_byline(body: _Element, title: str, description: str, authors: list[str]) -> None:
    """Before the first paragraph of the article, drop the h1, headings or lines that restate the title or the
    description (the standfirst), and a short byline or reading-time line."""
    for element in list(body):
        text = _text(element)
        if not text:
            continue
        if element.tag == "head" and (
            element.get("rend") == "h1" or _restates(text, title) or _restates(text, description, 0.9)
        ):
            body.remove(element)
        elif element.tag == "p" and _restates(text, title, 0.9) and len(_words(text)) <= len(_words(title)) + 2:
            body.remove(element)
        elif element.tag == "p" and len(_words(text)) <= 12 and (
            _BYLINE.search(text) or any(" " in name and name in text for name in authors)
        ):
            body.remove(element)
        else:
            break
    # Some layouts put the headline after the first paragraph (a dateline or kicker comes first).
    for element in body.iter("head"):
        text = _text(element)
        if _restates(text, title, 0.9) and _restates(title, text, 0.9):
            element.getparent().remove(element)
            break


def _restates(text: str, reference: str, share: float = 0.8) -> bool:
    """Most words of ``text`` are words of ``reference`` (titles carry a site name, descriptions get cut)."""
    words, known = _words(text), set(_words(reference))
    return bool(words and known) and sum(word in known for word in words) / len(words) >= share


# --- teaser blocks ----------------------------------------------------------------------------------------

# A label that introduces links to other stories.
_TEASER_LABEL = re.compile(
    r"^(related|see more|read more|more|also read|read also|don.?t miss|recommended|watch|more on this"
    r"|further reading|most read|most popular|most viewed)\b",
    re.I,
)


def _link_share(tree: HtmlElement) -> dict[str, float]:
    """For the page's list items, headings and labelled lines (by their text), the share of it inside links.

    trafilatura's output has no links left (keeping them changes what it extracts), so this is looked up in
    the page itself by the block's text. Plain paragraphs are skipped: they are most of a page and never asked."""
    in_link = {element for anchor in tree.iter("a") for element in anchor.iter(_LINKED_BLOCKS)}
    share: dict[str, float] = {}
    for element in tree.iter(_LINKED_BLOCKS):
        text = " ".join(element.text_content().split())
        if not text or text in share or (element.tag == "p" and not _TEASER_LABEL.match(text)):
            continue
        if element in in_link:
            share[text] = 1.0  # a story card: the whole block is one link
        else:
            share[text] = min(1.0, sum(len(anchor.text_content().strip()) for anchor in element.iter("a")) / len(text))
    return share


_LINKED_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6")


def _drop_teasers(body: _Element, link_share: dict[str, float]) -> None:
    def is_link(element: _Element) -> bool:
        return link_share.get(_text(element), 0.0) >= 0.8

    # Lists of links to other stories ("More from ...", "Photos: ...").
    for block in list(body.iter("list")):
        items = [item for item in block.iter("item") if _text(item)]
        if len(items) >= 2 and all(is_link(item) for item in items):
            block.getparent().remove(block)
    # Two or more headings in a row that are all links: a row of story cards.
    run: list[_Element] = []
    for element in [*body, None]:
        if element is not None and element.tag == "head" and is_link(element):
            run.append(element)
            continue
        if len(run) >= 2:
            for heading in run:
                body.remove(heading)
        run = []
    # "Related: <link>", "SEE MORE: <link>", or a bare "DON'T MISS" label above a teaser.
    for element in list(body.iter("p", "head")):
        text = _text(element)
        if _TEASER_LABEL.match(text) and (
            link_share.get(text, 0.0) >= 0.5 or _TEASER_LABEL.fullmatch(text.rstrip(" :").lower())
        ):
            element.getparent().remove(element)


# --- calls to action at the end ---------------------------------------------------------------------------

_CALL_TO_ACTION = re.compile(
    "|".join(
        [
            r"\bnewsletters?\b",
            r"^subscribe\b",
            r"\bsubscribe (now|today|here)\b",
            r"\bsign up (for|to) our\b",
            r"\bsign up now\b",
            r"\b(follow|like) (us|him|her|me|them|\w+) on (twitter|facebook|instagram|linkedin|youtube)\b",
            r"\b(may|can) be (reached|contacted) at\b",
            r"\bhave a (news )?tip\b",
            r"^(you )?(may|might) also like\b",
            r"^most (read|popular|viewed)\b",
            r"^(read|see) more\b",
            r"^don.?t miss\b",
            r"^tell us what you think\b",
            r"^\d* ?comments?$",
            r"^leave a comment\b",
            r"^filed under\b",
            r"^(copyright\b|\u00a9)",  # a footer, not a photo credit inside a caption
            r"\ball rights reserved\b",
            r"\bclick here\b",
            r"^source:",
            r"^updated (at|on)\b",
            r"\bget the .{0,40}\bapp\b",
            r"\bdownload (the|our) app\b",
            r"^get (unlimited |full |digital )?access\b",
            r"^if you (enjoyed|liked) this\b",
            r"^(follow|read) (our|\w+'s) (full |complete |latest )?coverage\b",
        ]
    ),
    re.I,
)


def _drop_trailing_calls_to_action(body: _Element, last: int = 4, most_words: int = 80, most_share: float = 0.25) -> None:
    """From the first call to action among the last blocks, drop it and everything after it.

    Only short blocks count as calls to action, and never more than a quarter of the text goes, so that a real
    closing paragraph that mentions a newsletter or Twitter stays."""
    blocks = [element for element in body if _text(element)]
    tail = blocks[-last:]
    for index, element in enumerate(tail):
        text = _text(element)
        if _CALL_TO_ACTION.search(text) and len(_words(text)) <= most_words:
            dropped = tail[index:]
            if sum(len(_text(e)) for e in dropped) <= most_share * sum(len(_text(e)) for e in blocks):
                for block in dropped:
                    body.remove(block)
            return


# --- small helpers ----------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _text(element: _Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _paragraphs(text: str) -> str:
    # trafilatura separates blocks with single newlines; the contract's text separates paragraphs with a blank line.
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


# Bylines often carry the job next to the name ("ROBERT BURNS; AP National Security Writer").
_ROLE = re.compile(r"\b(writer|correspondent|reporter|editor|columnist|contributor|staff|wire services?)\b", re.I)


def _split_authors(author: str | None) -> list[str]:
    if not author:
        return []
    names = [name.strip() for name in author.split(";")]
    # "ROBERT BURNS" reads as a name once title-cased; a lone "CNN" or "PTI" is an acronym and stays.
    return [name.title() if name.isupper() and " " in name else name for name in names if name and not _ROLE.search(name)]


def _declared_language(tree: HtmlElement) -> str | None:
    """The page's own ``<html lang="en-US">``, as a two-letter code."""
    match = re.match(r"[a-z]{2,3}\b", (tree.get("lang") or "").strip().lower())
    return match.group(0) if match else None
