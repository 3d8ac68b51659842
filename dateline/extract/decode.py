"""Bytes to text: refuse binary, find the encoding (BOM, HTML meta, UTF-8, then a detector)."""

from __future__ import annotations

import re

import charset_normalizer

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class NotText(ValueError):
    """The bytes are not a text or HTML document."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raise NotText for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding
    head = data[:4096]
    # Text never holds NUL bytes (UTF-16 without a BOM is too rare in news to guess at).
    if b"\x00" in head:
        raise NotText("this looks like a binary file, not text or HTML")
    declared = _META_CHARSET.search(head)
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NotText("could not find a text encoding for this input; it may be binary")
    return str(best), best.encoding
