"""JSON Lines: one document per line, {"text" or "html", optional "id", "url", "date"}."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from . import capped
from .dates import iso_day
from .document import MAX_INPUT_BYTES, Document

# JSON escapes can triple a text's size (\u0627 for one two-byte Arabic letter), so a line gets room for a
# full-size document; longer lines are refused rather than held in memory.
MAX_LINE_BYTES = 4 * MAX_INPUT_BYTES


def documents(path: Path, name: str) -> Iterator[Document]:
    found = False
    with open(path, "rb") as f:
        for number, line in _lines(f):
            if line is not None and not line.strip():
                continue  # blank lines are allowed, as most JSONL writers and readers do
            found = True
            where = f"{name}:{number}"
            if line is None:
                yield Document(input=where, error=f"line {number} is longer than {MAX_LINE_BYTES // 2**20} MiB")
            else:
                yield _document(line, where, number)
    if not found:
        yield Document(input=name, error=f"no documents in {name}: it is empty")


def _lines(f) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line), the line None when it is too long; its excess is skipped without being kept."""
    number = 0
    while line := f.readline(MAX_LINE_BYTES):
        number += 1
        if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := f.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _document(line: bytes, where: str, number: int) -> Document:
    try:
        record = json.loads(line.decode("utf-8-sig"))  # -sig: a BOM on the first line
    except UnicodeDecodeError:
        return Document(input=where, error=f"line {number} is not valid UTF-8")
    except json.JSONDecodeError as exc:
        return Document(input=where, error=f"not valid JSON on line {number}: {exc.msg} (column {exc.colno})")
    except RecursionError:  # [[[[... : caught here, or it would end the whole file
        return Document(input=where, error=f"line {number} nests too deeply to be a document")
    if not isinstance(record, dict):
        return Document(input=where, error=f"line {number} is not a JSON object")
    html, text = record.get("html"), record.get("text")
    # With both, html wins: it still holds the title, date and outlet that the pipeline reads from markup.
    if isinstance(html, str) and html.strip():
        content, kind = html, "html"
    elif isinstance(text, str) and text.strip():
        content, kind = text, "auto"  # plain text or markup pasted as text: the pipeline decides
    else:
        return Document(input=where, error=f'line {number} has no "text" or "html" string')
    content, warnings = capped.cap_text(content)
    document = Document(input=where, content=content, kind=kind, warnings=warnings)

    id_ = record.get("id")
    if isinstance(id_, (str, int)) and not isinstance(id_, bool):
        document.id = str(id_)
    elif id_ is not None:
        warnings.append(f'ignored "id" on line {number}: not a string or an integer')
    url = record.get("url")
    if isinstance(url, str) and url:
        document.url = url
    elif url is not None:
        warnings.append(f'ignored "url" on line {number}: not a string')
    date = record.get("date")
    if date is not None:
        document.date = iso_day(date)
        if document.date is None:
            warnings.append(f'ignored "date" {date!r} on line {number}: not a YYYY-MM-DD date')
    return document
