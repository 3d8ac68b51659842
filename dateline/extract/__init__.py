"""Extraction: a raw document becomes an Article with its body, metadata, outlet and date."""

from __future__ import annotations

import re
from datetime import date

from dateline.article import Article
from dateline.extract.dates import FoundDate, date_from_url, find_written_date, next_weekday_named
from dateline.extract.decode import NotText, decode
from dateline.extract.html import extract_html
from dateline.extract.language import guess_language, other_language
from dateline.extract.outlets import OutletRegistry
from dateline.extract.scrape import extract_scrape
from dateline.sources.document import Document

# Past this the text is cut: the longest news features run to some 20,000 words; more is a book or a dump.
MAX_TEXT_CHARS = 200_000
KINDS = ("auto", "html", "text", "plain")
_HTML_SIGNS = re.compile(r"<(?:!doctype html|html|head|body|p|div|article|span|br|a\s)[\s>/]", re.I)
# Removed furniture in which an outlet names itself (captions credit photo agencies, related lists other sites).
_OUTLET_FURNITURE = {"mirror", "footer", "promo", "share", "byline"}
# Lone surrogates: a str from a library caller can hold them (Python's surrogateescape, a JSON "\ud800"), and no
# UTF-8 writer takes them, neither the parser's string store nor the JSON output.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class ExtractionError(ValueError):
    """The input holds no article that can be read; the message says why."""


def looks_like_html(text: str) -> bool:
    head = text[:5000]
    return head.lstrip().lower().startswith(("<!doctype html", "<html")) or len(_HTML_SIGNS.findall(head)) >= 3


def extract(document: Document, kind: str = "auto") -> Article:
    """Decode, pick the reader for the content (web page, scrape, plain text), and settle outlet and date."""
    if kind not in KINDS:
        raise ValueError(f"unknown input kind {kind!r}; use one of {', '.join(KINDS)}")
    article = Article(input=document.input, id=document.id, url=document.url, warnings=list(document.warnings))
    content = document.content
    if isinstance(content, bytes):
        try:
            content, _ = decode(content)
        except NotText as error:
            raise ExtractionError(str(error)) from None
    # U+FFFD, as undecodable bytes get: one character for one, so offsets into the caller's text still hold.
    content = _LONE_SURROGATE.sub("\ufffd", content)
    if not content.strip():
        raise ExtractionError("the input is empty")
    if kind == "auto":
        kind = document.kind if document.kind != "auto" else ("html" if looks_like_html(content) else "text")

    site_name = None
    found_date: FoundDate | None = None
    if kind == "html":
        page = extract_html(content, url=document.url)
        if not page.text:
            raise ExtractionError("no article text found in this page (it may be an index, a login wall or a script-only page)")
        article.text, article.title, article.authors = page.text, page.title, page.authors
        article.sections, article.url, site_name = page.sections, page.url or document.url, page.site_name
        article.language = page.language
        if page.published:
            found_date = FoundDate(page.published, "day")
            article.published_source = "metadata"
    elif kind == "text":
        scrape = extract_scrape(content)
        article.text, article.title, article.sections = scrape.text, scrape.title, scrape.sections
        article.authors, article.removed = scrape.authors, scrape.removed
    else:
        article.text = content

    if len(article.text) > MAX_TEXT_CHARS:
        article.text = article.text[:MAX_TEXT_CHARS]
        article.warnings.append(f"article text truncated at {MAX_TEXT_CHARS:,} characters")
    if not article.text.strip():
        raise ExtractionError("no article text found in this input")

    language = guess_language(article.text)
    if language != "en":
        other = other_language(article.text)
        article.warnings.append(
            f"the text is in {other}, not English; dateline's language stages read English only and were not run"
            if other else "the text does not read as English; dateline's language stages read English only"
        )
        # (a page's "en" is often its system's default, which the text itself belies)
        article.language = article.language if article.language != "en" else None
    else:
        article.language = language

    furniture = [r.text for r in article.removed if r.kind in _OUTLET_FURNITURE]
    article.outlet = OutletRegistry.default().identify(article.url, furniture, article.text, site_name)
    _settle_date(article, document, found_date)
    return article


def _settle_date(article: Article, document: Document, found: FoundDate | None) -> None:
    """The publication date from the best evidence at hand, strongest first; weaker evidence leaves a warning."""
    if document.date:
        article.published, article.published_precision, article.published_source = document.date, "day", "input"
        return
    if found:
        article.published, article.published_precision = found.value, found.precision
        return
    for removed in article.removed:
        if removed.kind == "timestamp" and (found := find_written_date(removed.text)):
            article.published, article.published_precision, article.published_source = found.value, found.precision, "page"
            return
    if found := date_from_url(article.url):
        article.published, article.published_precision, article.published_source = found.value, found.precision, "url"
        article.warnings.append(f"publication date {found.value} taken from the URL")
        return
    for removed in article.removed:
        if removed.kind == "caption" and (found := find_written_date(removed.text)):
            lede = article.text.split("\n\n", 1)[0]
            day = next_weekday_named(lede, found.value) if found.precision == "day" else None
            article.published = day or found.value
            article.published_precision, article.published_source = found.precision, "caption"
            how = (
                f"the {date.fromisoformat(day):%A} the lede names, on or after the photo"
                if day
                else "the article can be no older"
            )
            article.warnings.append(
                f"publication date not stated: a photo caption dates the photo {found.value}; taken as {article.published} ({how})"
            )
            return
    if document.crawled:
        article.published, article.published_precision, article.published_source = document.crawled, "day", "crawled"
        article.warnings.append(f"publication date not stated: {document.crawled} is when the page was archived")
        return
    article.warnings.append("no publication date found")
