"""One article through dateline: source document in, Article out. Failures become Articles with an error."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.article import Article, failed
from dateline.extract import ExtractionError, extract
from dateline.sources import iter_documents
from dateline.sources.document import Document


def analyze_document(document: Document, kind: str = "auto") -> Article:
    """Run every stage on one document. Never raises for bad content: the Article carries the error."""
    if document.error:
        return failed(document.input, document.error, id=document.id, url=document.url)
    try:
        return extract(document, kind)
    except ExtractionError as error:
        return failed(document.input, str(error), id=document.id, url=document.url)


def analyze(
    content: str | bytes, *, url: str | None = None, date: str | None = None, kind: str = "auto", input: str = "<text>"
) -> Article:
    """Analyze one article given as HTML, a scraped page or plain text (`kind`: auto, html, text, plain)."""
    return analyze_document(Document(input=input, content=content, url=url, date=date), kind)


def analyze_inputs(
    inputs: Iterable[str], *, kind: str = "auto", url: str | None = None, date: str | None = None,
    allow_private: bool = False,
) -> Iterator[Article]:
    """Analyze what the command line names (files, folders, URLs, feeds, WARC, JSONL, "-"), in order."""
    for document in iter_documents(inputs, allow_private=allow_private):
        document.url = document.url or url
        document.date = document.date or date
        yield analyze_document(document, kind)
