"""Batches on a Dask cluster: the same ingest, its parse spread over worker processes.

    with open_store("news.db") as store, dask_client(local_workers=4) as client:
        report = ingest_on_cluster(["crawl.warc.gz", "pages/"], store, client)

The client reads the inputs and skips what an earlier run stored, as `dateline.ingest.ingest` does (the same
functions), then sends the other documents in partitions (`partition_size` documents, fewer when they are
large) to the workers. A worker extracts and analyses them with a pipeline it loads once per process
(`dateline.pipeline.warm`: the model, knowledge base, matchers and gazetteer, cached per process) and then either

- returns the articles, which the client stores one transaction each, in input order (a SQLite store: one file,
  one writer), so the store ends exactly as a local run leaves it, article ids included; or
- with a store every worker can reach (PostgreSQL), stores them itself and returns only the outcomes.

An article that fails is recorded in the store's errors, as in a local run. A worker that dies takes nothing
stored with it: Dask runs its partition again elsewhere; a partition that keeps killing workers is retried one
document at a time, and the document that kills a worker again is recorded as failed. A run killed at any
point resumes like a local one.

Dask is an optional dependency (the `cluster` extra); it is imported only here, when a cluster is asked for.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from dateline.ingest import (
    FAILED, IngestReport, Pending, ResultHook, Tally, extract_new, extract_or_fail, new_documents, parse_pending,
    store_parsed,
)
from dateline.sources import Document
from dateline.store import Store, open_store

PARTITION_SIZE = 32
# A partition is cut early past this many bytes of input: it travels in the task, and Dask warns of (and
# slows on) tasks of many megabytes.
PARTITION_BYTES = 4 * 1024 * 1024
_STORES_REACHABLE_FROM_WORKERS = ("postgresql://", "postgres://")


class ClusterError(RuntimeError):
    """The cluster can't be used (Dask missing, no scheduler at the address, ...); the message says why."""


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterError(
            "distributed runs need Dask: install dateline's `cluster` extra (pip install 'dateline[cluster]', "
            "which brings dask and distributed)"
        ) from None
    return distributed


@contextmanager
def dask_client(scheduler: str | None = None, *, local_workers: int | None = None, timeout: float = 30.0):
    """A Dask client: of the scheduler at `scheduler` (tcp://HOST:8786), else of a LocalCluster of
    `local_workers` worker processes, one thread each, on 127.0.0.1 with no dashboard (closed on exit)."""
    distributed = _distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=timeout)
        except OSError as error:
            raise ClusterError(f"no Dask scheduler answers at {scheduler}: {error}") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = distributed.LocalCluster(
        n_workers=local_workers or 1, threads_per_worker=1, processes=True, host="127.0.0.1",
        scheduler_port=0, silence_logs=logging.ERROR,
        # No dashboard; the scheduler's bare HTTP routes (health, metrics) on a free port of 127.0.0.1, not
        # 8787, which another cluster may hold.
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
    )
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def ingest_on_cluster(
    inputs: Iterable[str], store: Store, client, *, kind: str = "auto", url: str | None = None,
    date: str | None = None, allow_private: bool = False, model: str | None = None,
    partition_size: int = PARTITION_SIZE, workers_write: bool | None = None, store_target: str | None = None,
    on_result: ResultHook | None = None,
) -> IngestReport:
    """`dateline.ingest.ingest`, its documents extracted and analysed on the workers of `client`.

    workers_write: the workers store the articles themselves, each opening `store_target` (default: the
    store's target, the URL with its password); by default only when that is a PostgreSQL address, which every worker can reach."""
    distributed = _distributed()
    target = store_target or store.target
    if workers_write is None:
        workers_write = target.startswith(_STORES_REACHABLE_FROM_WORKERS)
    tally = Tally(store, on_result)  # timed from here, as a local run is: the workers' loading counts
    _warm_workers(client, model)
    documents = new_documents(inputs, tally, kind=kind, url=url, date=date, allow_private=allow_private)
    in_flight: deque[tuple[object, list[tuple[Document, str]]]] = deque()

    def submit(items: list[tuple[Document, str]]):
        if workers_write:
            return client.submit(_ingest_partition, items, kind, model, target, pure=False)
        return client.submit(_analyse_partition, items, kind, model, pure=False)

    def settle(result: list) -> None:
        if workers_write:
            for outcome, input_name, error in result:
                tally.settle(outcome, input_name, error, record=False)  # the worker recorded it
        else:
            store_parsed(result, tally)

    def settle_alone(items: list[tuple[Document, str]]) -> None:
        for item in items:
            try:
                settle(submit([item]).result())
            except distributed.KilledWorker:
                tally.settle(FAILED, item[0].input,
                             "the worker analysing it died, every time it was tried (out of memory?)")

    def settle_next() -> None:
        future, items = in_flight.popleft()
        try:
            result = future.result()
        except distributed.KilledWorker:
            # Something in this partition kills the workers that take it (memory, a crash in native code):
            # each document again on its own, so that only the one that does it is lost, and recorded.
            settle_alone(items)
        else:
            settle(result)

    for items in _partitions(documents, partition_size):
        in_flight.append((submit(items), items))
        # Enough submitted to keep every worker busy while the client stores; no more, so that memory holds
        # only the partitions in flight however long the batch.
        while len(in_flight) > 2 * max(1, _threads(client)):
            settle_next()
    while in_flight:
        settle_next()
    return tally.finish()


def _warm_workers(client, model: str | None) -> None:
    """Have every worker, and any that joins later, load the pipeline now, each in its own process: the model
    loads while the client reads the inputs, and the first partitions cost what the others do."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmPipeline(WorkerPlugin):
        idempotent = True

        def __init__(self, model: str | None):
            self.model = model

        async def setup(self, worker) -> None:
            import asyncio

            from dateline.pipeline import warm

            # Off the worker's event loop, which must keep answering the scheduler meanwhile.
            await asyncio.get_running_loop().run_in_executor(None, warm, self.model)

    client.register_plugin(WarmPipeline(model), name=f"dateline-warm-{model or 'default'}")


def _threads(client) -> int:
    try:
        return sum(client.nthreads().values())
    except Exception:  # noqa: BLE001 - the scheduler is busy or between workers: keep the window small
        return 1


def _partitions(
    documents: Iterator[tuple[Document, str]], size: int
) -> Iterator[list[tuple[Document, str]]]:
    partition: list[tuple[Document, str]] = []
    weight = 0
    for item in documents:
        partition.append(item)
        weight += len(item[0].content)
        if len(partition) >= size or weight >= PARTITION_BYTES:
            yield partition
            partition, weight = [], 0
    if partition:
        yield partition


# -- on the workers ---------------------------------------------------------------------------------------------

def _analyse_partition(
    items: list[tuple[Document, str]], kind: str, model: str | None
) -> list[tuple[Pending, str | None]]:
    """Extract and analyse each document; return the articles, in order, with the error of those that failed."""
    pending = [Pending(extract_or_fail(document, kind), digest) for document, digest in items]
    return list(parse_pending(pending, model=model))  # an article that failed extraction passes through


def _ingest_partition(
    items: list[tuple[Document, str]], kind: str, model: str | None, target: str
) -> list[tuple[str, str, str | None]]:
    """The local ingest of these documents into the store at `target`: return (outcome, input, error) each."""
    outcomes: list[tuple[str, str, str | None]] = []
    tally = Tally(_worker_store(target), on_result=lambda *outcome: outcomes.append(outcome))
    store_parsed(parse_pending(extract_new(items, tally, kind), model=model), tally)
    return outcomes


_local = threading.local()  # a store connection per worker thread (SQLite's rule; harmless for PostgreSQL)


def _worker_store(target: str) -> Store:
    stores = _local.__dict__.setdefault("stores", {})
    if target not in stores:
        stores[target] = open_store(target)
    return stores[target]


__all__ = ["ClusterError", "PARTITION_SIZE", "dask_client", "ingest_on_cluster"]
