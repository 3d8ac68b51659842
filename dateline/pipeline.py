"""One article through dateline: source document in, Article out. Failures become Articles with an error.

The flow is extract (per document), then one spaCy pass (batched over documents), then the stages, each a plain
function over the Article and its parsed text, in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from dateline.actors.resolve import resolve_actors
from dateline.article import Article, failed
from dateline.events import code_events
from dateline.extract import ExtractionError, extract
from dateline.extract.language import other_language
from dateline.geo import locate_places
from dateline.nlp import load_model
from dateline.quotes import find_quotes
from dateline.sources import iter_documents
from dateline.sources.document import Document

STAGES = (resolve_actors, find_quotes, locate_places, code_events)


def extract_document(document: Document, kind: str = "auto") -> Article:
    """The article of one document, or an Article that says why there is none. Never raises for bad content."""
    if document.error:
        return failed(document.input, document.error, id=document.id, url=document.url)
    try:
        return extract(document, kind)
    except ExtractionError as error:
        return failed(document.input, str(error), id=document.id, url=document.url)


def annotate(articles: Iterable[Article], *, model: str | None = None, processes: int = 1) -> Iterator[Article]:
    """Parse each article's text once (spaCy's nlp.pipe, in `processes` processes) and run the stages on it; not
    on a text in another language, where an English model finds only noise ("kita bisa" as a person)."""
    nlp = load_model(model)
    # (whether an article is read is decided once: it takes a pass over the text's words where it is not English)
    decided = ((article, _read(article)) for article in articles)
    texts = ((article.text if read else "", (article, read)) for article, read in decided)
    for doc, (article, read) in nlp.pipe(texts, as_tuples=True, n_process=processes, batch_size=16):
        if read:
            try:
                for stage in STAGES:
                    stage(article, doc)
            except Exception as error:  # noqa: BLE001 - a bug of ours on one odd article must not end a batch
                article = failed(
                    article.input,
                    f"dateline could not analyse this article ({stage.__name__}: {type(error).__name__}: {error}); "
                    "please report it with the input",
                    id=article.id, url=article.url,
                )
        yield article


def _read(article: Article) -> bool:
    """Whether the stages read the article: it has a text, which is not plainly in another language than English."""
    return not article.error and (article.language == "en" or other_language(article.text) is None)


# Touches what the stages load on first need: an actor, a title, a quote, places, an event, a relative date.
_WARM_UP_TEXT = ("Russia's deputy foreign minister Gennady Gatilov said on Saturday in Geneva that Moscow will not "
                 "seek a halt to the strikes on Aleppo. \"We will talk to Damascus,\" the UN envoy told reporters.")


@cache
def warm(model: str | None = None) -> None:
    """Load now, once per process, what the first articles would otherwise load on the way: the model, the actor
    knowledge base and matchers, the gazetteer (several seconds; built on the first place name seen otherwise),
    the quote and event vocabularies, the outlet registry and the extractors' patterns. A batch's first articles then cost what any other does, and a lazy load
    can't be mistaken for a slow article. Raises ModelNotFound when the model can't be loaded."""
    from dateline.geo.gazetteer import gazetteer

    load_model(model)
    gazetteer()
    # A web page and a scrape: the extractors' registries (outlets, boilerplate cues) and compiled patterns.
    page = f"<html><head><title>Aleppo</title></head><body><article><p>{_WARM_UP_TEXT}</p></article></body></html>"
    extract_document(Document(input="<warm-up>", content=page, kind="html", url="https://www.reuters.com/x"), "html")
    article = extract_document(Document(input="<warm-up>", content=_WARM_UP_TEXT, kind="text"), "text")
    next(annotate([article], model=model))


def analyze(
    content: str | bytes, *, url: str | None = None, date: str | None = None, kind: str = "auto",
    input: str = "<text>", model: str | None = None,
) -> Article:
    """Analyze one article given as HTML, a scraped page or plain text (`kind`: auto, html, text, plain)."""
    article = extract_document(Document(input=input, content=content, url=url, date=date), kind)
    return next(annotate([article], model=model))


def analyze_texts(
    texts: Iterable[str | bytes], *, kind: str = "auto", model: str | None = None, processes: int = 1
) -> Iterator[Article]:
    """Analyze many articles given as text, in order, parsed in batches (faster than `analyze` one by one)."""
    articles = (extract_document(Document(input=f"<text {i}>", content=text), kind) for i, text in enumerate(texts))
    return annotate(articles, model=model, processes=processes)


def analyze_inputs(
    inputs: Iterable[str], *, kind: str = "auto", url: str | None = None, date: str | None = None,
    allow_private: bool = False, model: str | None = None, processes: int = 1,
) -> Iterator[Article]:
    """Analyze what the command line names (files, folders, URLs, feeds, WARC, JSONL, "-"), in order."""

    def extracted() -> Iterator[Article]:
        for document in iter_documents(inputs, allow_private=allow_private):
            document.url = document.url or url
            document.date = document.date or date
            yield extract_document(document, kind)

    return annotate(extracted(), model=model, processes=processes)
