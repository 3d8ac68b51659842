"""What an HTTP Content-Type says about a body (from a live response or a WARC record)."""

from __future__ import annotations

import codecs

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)

# Labels that browsers (the WHATWG Encoding standard) read as something wider than their name says. Servers
# rely on it: "iso-8859-1" pages routinely hold Windows-1252 quotes and dashes.
_AS_BROWSERS_DO = {
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def parse(content_type: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"; ("", None) when there is none."""
    media_type, *params = (content_type or "").split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media_type.strip().lower(), charset


def apply_charset(body: bytes, charset: str | None) -> bytes | str:
    """Decode with the charset the server declared, which the Document has no field to carry.

    As in browsers, a byte-order mark beats the header, and the header beats a <meta> in the page; without a
    usable header the bytes are left for the pipeline to sniff.
    """
    if not charset or body.startswith(_BOMS):
        return body
    encoding = _AS_BROWSERS_DO.get(charset, charset)
    try:
        return body.decode(encoding, errors="replace")
    except LookupError:  # an unknown or non-text codec name ("rot13")
        return body
