"""Batch runs: many inputs into a store, resumable, a failure recorded and passed over.

    with open_store("news.db") as store:
        report = ingest(["crawl.warc.gz", "pages/"], store)

Each document is weighed before the expensive parse: an input already stored with the same content is skipped
without being read further (a resumed run), and an article whose content is already stored, from any input, is
noted and not parsed again. What is left is parsed in batches (`annotate`, in `processes` processes) and stored
one article per transaction, so a run killed at any point keeps everything it had stored and, run again, picks
up where it stopped.

The steps are functions of their own (`new_documents`, `extract_new`, `parse_pending`, `store_parsed`, with a
`Tally` settling each input) so that a distributed run (`dateline.cluster`) does what this one does, with the
extraction and parse on other machines.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.article import Article, failed
from dateline.pipeline import annotate, extract_document, warm
from dateline.sources import Document, iter_documents
from dateline.sources.files import KNOWN_EXTENSIONS
from dateline.store import Outcome, Store, source_hash

# Outcomes of one input, as reported: the store's (stored, replaced, unchanged), and these two.
SKIPPED = "skipped"  # this input with this content was stored by an earlier run
FAILED = "failed"
OUTCOMES = (Outcome.STORED.value, Outcome.REPLACED.value, Outcome.UNCHANGED.value, SKIPPED, FAILED)

# on_result(outcome, input, error message or None), called once per input as it is settled.
ResultHook = Callable[[str, str, "str | None"], None]


@dataclass
class IngestReport:
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0

    @property
    def inputs(self) -> int:
        return self.stored + self.replaced + self.unchanged + self.skipped + self.failed

    @property
    def analysed(self) -> int:
        """Articles that went through the parse (the costly part) and were written."""
        return self.stored + self.replaced


@dataclass
class Pending:
    """An article extracted and not yet stored, with the hash of the input it came from."""

    article: Article
    source_hash: str


class _SourceFailed(Exception):
    """An error of the inputs' side (reading, the store), carried unchanged through the parse."""


class Tally:
    """How a run settles each input: counted in the report, its error recorded in the store, the hook told.

    The one place outcomes are counted, whichever way the articles were parsed (here, in `processes` processes,
    or on a Dask cluster: `dateline.cluster`)."""

    def __init__(self, store: Store, on_result: ResultHook | None = None):
        self.store = store
        self.on_result = on_result
        self.report = IngestReport()
        self._started = time.perf_counter()

    def settle(self, outcome: str, input_name: str, error: str | None = None, *, record: bool = True) -> None:
        """`record`: write the error to the store (false when whoever settled it first already did)."""
        if error is not None and record:
            self.store.record_error(input_name, error)
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        if self.on_result:
            self.on_result(outcome, input_name, error)

    def finish(self) -> IngestReport:
        self.report.seconds = time.perf_counter() - self._started
        return self.report


def ingest(
    inputs: Iterable[str], store: Store, *, kind: str = "auto", url: str | None = None, date: str | None = None,
    allow_private: bool = False, model: str | None = None, processes: int = 1,
    on_result: ResultHook | None = None,
) -> IngestReport:
    """Analyse the inputs (as `dateline analyze` reads them) into `store`; never stops for a bad input."""
    tally = Tally(store, on_result)
    documents = new_documents(inputs, tally, kind=kind, url=url, date=date, allow_private=allow_private)
    pending = extract_new(documents, tally, kind)
    store_parsed(parse_pending(pending, model=model, processes=processes), tally)
    return tally.finish()


def new_documents(
    inputs: Iterable[str], tally: Tally, *, kind: str = "auto", url: str | None = None, date: str | None = None,
    allow_private: bool = False,
) -> Iterator[tuple[Document, str]]:
    """The documents of the inputs, with their source hash, but those an earlier run stored (settled as skipped)
    and those that could not be read (settled as failed). Reads the inputs; extracts and parses nothing."""
    # What changes the article made of the same bytes; a run with other options does not skip earlier inputs.
    options = f"{kind}\0{url or ''}\0{date or ''}"
    for document in iter_documents(inputs, allow_private=allow_private):
        if document.error:
            tally.settle(FAILED, document.input, document.error)
            continue
        document.url = document.url or url
        document.date = document.date or date
        try:
            digest = source_hash(document, options)
            if tally.store.has_source(document.input, digest):
                tally.settle(SKIPPED, document.input)
                continue
        except (ValueError, UnicodeError) as error:  # content the store can't hold (lone surrogates, ...)
            tally.settle(FAILED, document.input, f"could not store it: {error}")
            continue
        yield document, digest


def extract_new(documents: Iterable[tuple[Document, str]], tally: Tally, kind: str) -> Iterator[Pending]:
    """Each document's article, to be parsed; settled here instead when extraction fails or when its content is
    stored already (from another input: only the input is noted, nothing is parsed)."""
    for document, digest in documents:
        try:
            article = extract_or_fail(document, kind)
            if article.error:
                tally.settle(FAILED, article.input, article.error)
                continue
            outcome, _ = tally.store.lookup(article)
            if outcome is Outcome.UNCHANGED:  # nothing to parse: put only notes this input
                outcome, _ = tally.store.put(article, source_hash=digest)
                tally.settle(outcome.value, article.input)
                continue
        except (ValueError, UnicodeError) as error:
            tally.settle(FAILED, document.input, f"could not store it: {error}")
            continue
        yield Pending(article, digest)


def store_parsed(parsed: Iterable[tuple[Pending, str | None]], tally: Tally) -> None:
    """Store each parsed article, one transaction each, and settle its input (failed when it has an error)."""
    for pending, error in parsed:
        error = error or pending.article.error
        if error is None:
            try:
                outcome, _ = tally.store.put(pending.article, source_hash=pending.source_hash)
            except (ValueError, UnicodeError) as exc:
                error = f"could not store it: {exc}"
            else:
                tally.settle(outcome.value, pending.article.input)
        if error is not None:
            tally.settle(FAILED, pending.article.input, error)


def extract_or_fail(document: Document, kind: str) -> Article:
    """`extract_document`, with any surprise of a reader turned into a failed Article."""
    try:
        return extract_document(document, kind)
    except Exception as error:  # noqa: BLE001 - a reader's surprise on one odd page must not end the batch
        return failed(document.input, f"could not extract it: {type(error).__name__}: {error}", id=document.id)


def parse_pending(
    pending: Iterable[Pending], *, model: str | None, processes: int = 1
) -> Iterator[tuple[Pending, str | None]]:
    """Each pending article, parsed and through the stages, in order; with an error instead when that failed.

    The parse runs in batches (and in other processes), so when it raises we can't tell which of the articles
    in flight caused it: each of those is then parsed alone, the one that fails again is reported, and the run
    goes on with a fresh parse of the rest.
    """
    # Loaded here, outside the guard below: a model that can't be loaded is the run's error, not each
    # article's (and, raised inside the guard, it would be retried for ever with nobody in flight to blame).
    # Everything else the stages load lazily is loaded now too, once per process.
    warm(model)
    in_flight: deque[Pending] = deque()
    pending = iter(pending)

    def tracked() -> Iterator[Article]:
        while True:
            try:
                item = next(pending)
            except StopIteration:
                return
            except Exception as error:
                raise _SourceFailed() from error
            in_flight.append(item)
            yield item.article

    while True:
        try:
            # With several processes the articles come back as copies, in order: take the parsed one.
            for article in annotate(tracked(), model=model, processes=processes):
                item = in_flight.popleft()
                item.article = article
                yield item, None
            return
        except _SourceFailed as wrapper:
            raise wrapper.__cause__ from None
        except Exception:  # noqa: BLE001 - find the article that caused it, below
            suspects = list(in_flight)
            in_flight.clear()
        for item in suspects:
            try:
                item.article = next(annotate([item.article], model=model))
                yield item, None
            except Exception as error:  # noqa: BLE001
                yield item, f"could not analyse it: {type(error).__name__}: {error}"


def count_documents(inputs: Iterable[str]) -> int:
    """About how many documents the inputs hold, cheaply, for a progress bar: files in folders, lines of JSONL,
    HTML responses in WARC files; a URL or a feed counts one (its entries are only known once fetched)."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-" or "://" in name or not path.exists():
            total += 1
        elif path.is_dir():
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = [d for d in subfolders if not d.startswith(".")]
                total += sum(_count_file(Path(folder, f)) for f in files
                             if not f.startswith(".") and f.lower().endswith(KNOWN_EXTENSIONS))
        else:
            total += _count_file(path)
    return total


def _count_file(path: Path) -> int:
    lower = path.name.lower()
    try:
        if lower.endswith(".jsonl"):
            with open(path, "rb") as f:
                return max(1, sum(1 for line in f if line.strip()))
        if lower.endswith((".warc", ".warc.gz")):
            return max(1, _count_warc(path))
    except Exception:  # noqa: BLE001 - only an estimate; reading it for real reports what is wrong
        pass
    return 1


def _count_warc(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        return sum(1 for record in ArchiveIterator(f) if record.rec_type == "response")
