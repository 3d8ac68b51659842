"""Fetching http(s) URLs: redirects, timeouts, size ceiling, and no connections to private addresses.

The address check sits where the connection is made: our network backend resolves the host itself, vets
every address it got, and connects to one of those very addresses. A check done before the request and a
second lookup by the HTTP library could disagree (DNS rebinding); this way there is only one lookup. TLS is
unaffected: httpcore still sends SNI and verifies the certificate for the URL's host name, not the address.
"""

from __future__ import annotations

import datetime
import socket
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpcore
import httpx

from . import capped, feeds, mediatypes
from .document import Document

USER_AGENT = "dateline/0.1 (news articles to political event data)"
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(20.0, connect=10.0)  # read, write and pool 20 s; connect 10 s

AddressPolicy = Callable[[str], bool]

# Bodies with these types are never articles; refusing them saves downloading 8 MiB of video.
_NOT_PAGES = ("image/", "audio/", "video/", "font/")
# Content types that say nothing reliable: look at the body to spot a feed.
_SNIFFED = frozenset({"", "application/octet-stream", "text/plain"})


class FetchError(Exception):
    """A URL could not be fetched; the message is the one line the user sees."""


class AddressRefused(Exception):
    """Raised by the backend before connecting to an address the policy forbids."""

    def __init__(self, host: str, address: str):
        super().__init__(f"{host} resolves to {address}")
        self.host = host
        self.address = address


class _GuardedBackend(httpcore.SyncBackend):
    def __init__(self, allowed: AddressPolicy):
        self._allowed = allowed

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"could not resolve {host} ({getattr(exc, 'strerror', None) or exc})")
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        # All of them, not just the first: a host that answers with one public and one private address is
        # either misconfigured or probing us, and the fallback loop below could end up on the private one.
        for address in addresses:
            if not self._allowed(address):
                raise AddressRefused(host, address)
        error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport, connecting through the guarded backend.

    httpx has no public hook for a network backend. HTTPTransport is a thin adapter around the httpcore pool
    it keeps in `_pool`, so we build that pool ourselves instead of calling its __init__ (which would build
    one, with an SSL context, only to be thrown away). httpx is pinned exactly; the tests that fetch from
    127.0.0.1 without --allow-private fail if this ever stops taking effect.
    """

    def __init__(self, allowed: AddressPolicy):  # super().__init__ deliberately not called: see above
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=_GuardedBackend(allowed)
        )


@dataclass
class _Response:
    url: str  # after redirects
    kind: str  # "feed", "html" or "auto"
    charset: str | None
    body: bytes
    warnings: list[str] = field(default_factory=list)


class Fetcher:
    """Fetches URLs for one batch of inputs; the HTTP client is made on the first fetch and reused."""

    def __init__(self, allowed: AddressPolicy):
        self._allowed = allowed
        self._client: httpx.Client | None = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def documents(self, url: str) -> Iterator[Document]:
        """A URL named by the user: one Document for a page, one per entry for a feed."""
        try:
            response = self._get(url)
        except FetchError as exc:
            yield Document(input=url, url=url, error=str(exc))
            return
        if response.kind == "feed":
            yield from feeds.feed_documents(
                url,
                response.body,
                self.page,
                base_url=response.url,
                charset=response.charset,
                warnings=response.warnings,
            )
        else:
            yield _page_document(response, input=url)

    def page(self, url: str, *, input: str, date: str | None = None) -> Document:
        """A URL that must be an article (a feed's entry): a feed here is not followed, so feeds can't nest."""
        try:
            response = self._get(url)
        except FetchError as exc:
            return Document(input=input, url=url, date=date, error=str(exc))
        if response.kind == "feed":
            return Document(
                input=input, url=response.url, date=date, error=f"{url} is a feed, not an article: not followed"
            )
        return _page_document(response, input=input, date=date)

    def _get(self, url: str) -> _Response:
        client = self._open()
        try:
            request = client.build_request("GET", url)
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid URL: {url} ({exc})")
        # Redirects are followed here, not by httpx, so that every hop gets the scheme check and a clear
        # message; the address check runs on every hop anyway, in the backend.
        location = None  # of the last redirect, as the server sent it
        for hops in range(MAX_REDIRECTS + 1):
            redirected_from = url if hops else None
            # The first hop's scheme is read from what the user wrote: httpx turns "http://" into "/".
            scheme = request.url.scheme if hops else urlsplit(url).scheme.lower()
            if scheme not in ("http", "https"):
                # Not request.url: httpx rebuilds "file:///x" as "file://<this host>/x".
                where = f"the redirect from {url} to {location}" if hops else url
                raise FetchError(f"refused {where}: only http:// and https:// URLs are fetched")
            if not request.url.host:
                raise FetchError(f"not a valid URL: {request.url if hops else url} (no host name)")
            response = self._send(client, request, redirected_from)
            if response.next_request is None:  # not a redirect (or one without a Location)
                return _read(response)
            response.close()
            request, location = response.next_request, response.headers.get("location")
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS}) from {url}")

    def _open(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                transport=_GuardedTransport(self._allowed),
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"},
                timeout=TIMEOUT,
                follow_redirects=False,
                trust_env=False,  # no proxy from the environment: it would be the proxy's address we vet
            )
        return self._client

    @staticmethod
    def _send(client: httpx.Client, request: httpx.Request, redirected_from: str | None) -> httpx.Response:
        hop = str(request.url)
        try:
            return client.send(request, stream=True)
        except AddressRefused as exc:
            via = f" (redirected from {redirected_from})" if redirected_from else ""
            shown = "" if exc.host == exc.address else f", {exc.address}"
            raise FetchError(
                f"refused to fetch {hop}{via}: it resolves to a private address{shown} "
                "(use --allow-private to allow)"
            )
        except httpx.ConnectTimeout:
            raise FetchError(f"timed out connecting to {hop} (after {TIMEOUT.connect:g} s)")
        except httpx.TimeoutException:
            raise FetchError(f"timed out waiting for {hop} (no answer for {TIMEOUT.read:g} s)")
        except httpx.ConnectError as exc:
            raise FetchError(f"could not connect to {hop}: {exc}")
        except httpx.HTTPError as exc:
            raise FetchError(f"could not fetch {hop}: {exc or type(exc).__name__}")


def _read(response: httpx.Response) -> _Response:
    """The body of a final (non-redirect) response, capped and un-gzipped; FetchError if it's no use."""
    url = str(response.url)
    try:
        if not response.is_success:
            raise FetchError(f"HTTP {response.status_code} from {url}")
        media_type, charset = mediatypes.parse(response.headers.get("content-type"))
        if media_type.startswith(_NOT_PAGES):
            raise FetchError(f"{url} is {media_type}, not a web page or a feed")
        # iter_raw, not iter_bytes: httpx's own decoder inflates a whole network chunk at once, unbounded.
        chunks = response.iter_raw()
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            chunks = capped.inflate(chunks)
        elif encoding not in ("", "identity"):
            raise FetchError(f"{url} came in an encoding dateline can't decode: Content-Encoding {encoding}")
        try:
            body, warnings = capped.join(chunks)
        except httpx.TimeoutException:
            raise FetchError(f"timed out reading {url} (no data for {TIMEOUT.read:g} s)")
        except httpx.HTTPError as exc:
            raise FetchError(f"could not read the response from {url}: {exc or type(exc).__name__}")
        except zlib.error:
            raise FetchError(f"the response from {url} says {encoding} but does not decompress")
    finally:
        response.close()
    if media_type in mediatypes.FEED_TYPES or (media_type in _SNIFFED and feeds.looks_like_feed(body)):
        kind = "feed"
    elif media_type in mediatypes.HTML_TYPES:
        kind = "html"
    else:
        kind = "auto"
    return _Response(url=url, kind=kind, charset=charset, body=body, warnings=warnings)


def _page_document(response: _Response, *, input: str, date: str | None = None) -> Document:
    return Document(
        input=input,
        content=mediatypes.apply_charset(response.body, response.charset),
        kind=response.kind,
        url=response.url,
        date=date,
        crawled=datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
        warnings=response.warnings,
    )
