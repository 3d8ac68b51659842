"""Reading with a ceiling: no input, compressed or not, gets more than MAX_INPUT_BYTES into memory."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .document import MAX_INPUT_BYTES

CHUNK = 64 * 1024
TRUNCATED = f"input truncated at {MAX_INPUT_BYTES // (1024 * 1024)} MiB"


def join(chunks: Iterable[bytes]) -> tuple[bytes, list[str]]:
    """Join chunks up to MAX_INPUT_BYTES and stop there: the rest is never pulled from the iterator."""
    kept: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            kept.append(chunk[: len(chunk) - (size - MAX_INPUT_BYTES)])
            return b"".join(kept), [TRUNCATED]
        kept.append(chunk)
    return b"".join(kept), []


def read(stream: BinaryIO) -> tuple[bytes, list[str]]:
    """Read a file-like object (a file, a pipe, a GzipFile, a WARC payload) up to the ceiling."""
    return join(iter(lambda: stream.read(CHUNK), b""))


def inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Gunzip (or zlib-inflate) a stream of chunks, never more than CHUNK bytes at a time.

    Bounding each step is what defuses a bomb: 64 KiB of gzip can hold 64 MiB, and a plain decompress() call
    would build all of it before join() gets the chance to stop.
    """
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 32)  # | 32: take a gzip or a zlib header
    for chunk in chunks:
        while True:
            out = decompressor.decompress(chunk, CHUNK)
            yield out
            chunk = decompressor.unconsumed_tail
            # A full output buffer with no input left may still hide pending output: go round once more.
            if not chunk and len(out) < CHUNK:
                break


def cap_text(text: str) -> tuple[str, list[str]]:
    """The same ceiling for text that arrives already decoded (jsonl), counted in UTF-8 bytes."""
    # "replace": JSON can spell a lone surrogate (\ud800), which no UTF-8 writer downstream could output.
    data = text.encode("utf-8", "replace")
    if len(data) <= MAX_INPUT_BYTES:
        return data.decode("utf-8"), []
    return data[:MAX_INPUT_BYTES].decode("utf-8", "ignore"), [TRUNCATED]
