"""Bytes to text: refuse binary, find the encoding (BOM, HTML meta, UTF-8, then a detector)."""

from __future__ import annotations

import re

import charset_normalizer

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Python's names of the IBM PC (DOS) code pages, cp437 and cp7xx-cp8xx, and of the Mac and HP Roman ones.
_DOS_OR_MAC = re.compile(r"cp(437|[78]\d\d)|mac_\w+|hp_roman8")


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
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise NotText("could not find a text encoding for this input; it may be binary")
    # A short text fits many single-byte code pages equally well ("déclaré à" reads as cleanly in the Baltic
    # DOS page cp775: "dķclarķ Ó"). DOS and old Mac code pages are not how news reaches the web: when the
    # detector picks one, windows-1252, by far the commonest legacy encoding there, is taken if it reads as
    # cleanly. (Windows and ISO pages are left to the detector: Turkish windows-1254 is not windows-1252.)
    if _DOS_OR_MAC.fullmatch(best.encoding):
        western = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= best.chaos), None)
        best = western or best
    return str(best), best.encoding

