"""The sources layer, on real files and a real HTTP server on loopback; nothing here reaches another host."""

from __future__ import annotations

import datetime
import gzip
import io
import json
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.sources import MAX_INPUT_BYTES, iter_documents
from dateline.sources.addresses import is_public
from dateline.sources.web import Fetcher

TRUNCATED = "input truncated at 8 MiB"
BOMB_SIZE = 256 * 1024 * 1024  # bytes of zeros inside the gzip bomb: 32 times the ceiling


def run(inputs, **kwargs):
    return list(iter_documents(inputs, **kwargs))


def run_measured(inputs, **kwargs):
    """The documents, and the most memory that Python held at once while making them."""
    tracemalloc.start()
    try:
        docs = run(inputs, **kwargs)
        return docs, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def today() -> str:
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """256 MiB of zeros in 255 KiB of gzip."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(1024 * 1024)
    return b"".join(compressor.compress(zeros) for _ in range(BOMB_SIZE // len(zeros))) + compressor.flush()


# --- a tiny web server on loopback ---------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.log.append((self.path, self.headers.get("User-Agent")))
        status, headers, body = self.server.routes.get(
            self.path, (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>")
        )
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output clean
        pass


def _serve(host: str):
    server = ThreadingHTTPServer((host, 0), _Handler)
    server.routes, server.log = {}, []
    server.base = f"http://{host}:{server.server_port}"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@pytest.fixture
def server():
    server = _serve("127.0.0.1")
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def other_server():
    """A second loopback server, on another address (and port): the target of a cross-host redirect."""
    server = _serve("127.0.0.2")
    yield server
    server.shutdown()
    server.server_close()


def html(title: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><p>{title}</p></body></html>".encode()


def rss(base: str, doctype: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
{doctype}
<rss version="2.0"><channel><title>Wire</title><link>{base}/</link><description>news</description>
<item><title>One</title><link>{base}/a1.html</link><pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate></item>
<item><title>Two</title><link>{base}/a2.html</link><pubDate>Wed, 06 Mar 2024 08:00:00 +0000</pubDate></item>
</channel></rss>""".encode()


def serve_feed(server):
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(server.base))
    server.routes["/a1.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, html("Първа"))
    # A page whose encoding only the header tells: it must reach the pipeline decoded.
    server.routes["/a2.html"] = (
        200,
        {"Content-Type": "text/html; charset=windows-1251"},
        "<html><body><p>Втора новина</p></body></html>".encode("cp1251"),
    )


# --- files and folders ---------------------------------------------------------------------------------------


def test_missing_file_is_an_error_and_the_batch_goes_on(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(html("Here"))
    docs = run([str(tmp_path / "nope.html"), str(page)])
    assert [d.error for d in docs] == [f"no such file: {tmp_path / 'nope.html'}", None]
    assert docs[1].kind == "html" and docs[1].content == html("Here")


def test_extensions_decide_the_kind(tmp_path):
    (tmp_path / "a.htm").write_bytes(b"<p>a</p>")
    (tmp_path / "b.txt").write_bytes(b"plain words")
    (tmp_path / "c.md").write_bytes(b"# named explicitly, so read")
    docs = run([str(tmp_path / name) for name in ("a.htm", "b.txt", "c.md")])
    assert [(d.kind, d.content) for d in docs] == [
        ("html", b"<p>a</p>"),
        ("auto", b"plain words"),
        ("auto", b"# named explicitly, so read"),
    ]


def test_folder_walk_is_sorted_and_takes_known_extensions_only(tmp_path):
    for name in ("b.html", "a/z.txt", "a/y.html", "c.unknown", ".hidden.html", "e.htm", "f.html.gz", "A.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(gzip.compress(b"<p>f</p>") if name.endswith(".gz") else b"x")
    (tmp_path / "d").mkdir()  # empty: contributes nothing
    docs = run([str(tmp_path)])
    assert [d.input for d in docs] == [
        str(tmp_path / name) for name in ("A.txt", "a/y.html", "a/z.txt", "b.html", "e.htm", "f.html.gz")
    ]
    assert all(d.error is None for d in docs)


def test_folder_without_usable_files_is_an_error(tmp_path):
    (tmp_path / "notes.doc").write_bytes(b"x")
    [doc] = run([str(tmp_path)])
    assert doc.error.startswith(f"no usable files in the folder {tmp_path}")


def test_html_gz_is_gunzipped(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(html("Zipped")))
    [doc] = run([str(path)])
    assert (doc.kind, doc.content, doc.warnings, doc.error) == ("html", html("Zipped"), [], None)


def test_broken_gzip_is_an_error(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(b"not gzip at all")
    [doc] = run([str(path)])
    assert doc.error == f"{path} is not a valid (or is a truncated) gzip file"


def test_gzip_bomb_is_capped_without_blowing_memory(tmp_path, bomb):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(bomb)
    [doc], peak = run_measured([str(path)])
    assert len(doc.content) == MAX_INPUT_BYTES and doc.warnings == [TRUNCATED]
    assert peak < 3 * MAX_INPUT_BYTES


def test_huge_file_is_truncated_with_a_warning(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_INPUT_BYTES + 1000)  # sparse: instant to make
    [doc] = run([str(path)])
    assert len(doc.content) == MAX_INPUT_BYTES and doc.warnings == [TRUNCATED] and doc.error is None


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<p>piped in</p>")))
    [doc] = run(["-"])
    assert (doc.input, doc.kind, doc.content) == ("-", "auto", b"<p>piped in</p>")


# --- jsonl -----------------------------------------------------------------------------------------------------


def test_jsonl_bad_line_in_the_middle_and_the_batch_goes_on(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": 7, "text": "Plain text.", "url": "https://example.org/a", "date": "2024-03-05T10:00Z"}),
        "",
        '{"text": "broken',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no body"}),
        json.dumps({"html": "<p>markup</p>", "date": "yesterday"}),
        "[" * 100_000,
        json.dumps({"text": "Still read after all that."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = run([str(path)])
    assert [d.input for d in docs] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6, 7, 8)]
    first, bad, array, empty, last, deep, after = docs
    assert (first.content, first.kind, first.id, first.url, first.date) == (
        "Plain text.",
        "auto",
        "7",
        "https://example.org/a",
        "2024-03-05",
    )
    assert bad.error.startswith("not valid JSON on line 3")
    assert array.error == "line 4 is not a JSON object"
    assert empty.error == 'line 5 has no "text" or "html" string'
    assert (last.content, last.kind, last.date, last.error) == ("<p>markup</p>", "html", None, None)
    assert last.warnings == ["ignored \"date\" 'yesterday' on line 6: not a YYYY-MM-DD date"]
    assert deep.error == "line 7 nests too deeply to be a document"
    assert (after.content, after.error) == ("Still read after all that.", None)


def test_empty_jsonl_is_an_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    [doc] = run([str(path)])
    assert doc.error == f"no documents in {path}: it is empty"


# --- WARC --------------------------------------------------------------------------------------------------------


def _response(writer, uri, status, content_type, body, date, extra_headers=()):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *extra_headers], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
        )
    )


DAY1 = "2024-03-05T10:00:00Z"


def test_warc_yields_the_html_200_responses(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        _response(writer, "https://example.org/one", "200 OK", "text/html; charset=utf-8", html("One"), DAY1)
        _response(writer, "https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG....", DAY1)
        _response(writer, "https://example.org/gone", "404 Not Found", "text/html", html("Gone"), DAY1)
        _response(
            writer,
            "https://example.org/two",
            "200 OK",
            "text/html; charset=windows-1251",
            gzip.compress("<p>Втора</p>".encode("cp1251")),
            "2024-03-06T23:59:59Z",
            [("Content-Encoding", "gzip")],
        )
    docs = run([str(path)])
    assert [(d.input, d.url, d.crawled, d.kind, d.error) for d in docs] == [
        (f"{path}#2", "https://example.org/one", "2024-03-05", "html", None),
        (f"{path}#5", "https://example.org/two", "2024-03-06", "html", None),
    ]
    assert docs[0].content == html("One").decode()  # decoded by the archived header's charset
    assert docs[1].content == "<p>Втора</p>"  # un-gzipped, then decoded


def test_warc_payload_bomb_is_capped(tmp_path, bomb):
    path = tmp_path / "bomb.warc"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        _response(writer, "https://example.org/b", "200 OK", "text/html", bomb, "2024-03-05T10:00:00Z",
                  [("Content-Encoding", "gzip")])
    [doc], peak = run_measured([str(path)])
    assert len(doc.content) == MAX_INPUT_BYTES and doc.warnings == [TRUNCATED]
    # warcio inflates 16 KiB of input at a time (up to ~16 MiB out), so this ceiling is looser than ours, but it
    # is the same for any bomb, and far below the 256 MiB inside this one.
    assert peak < 8 * MAX_INPUT_BYTES


def test_not_a_warc_is_an_error(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"hello, not an archive\n")
    [doc] = run([str(path)])
    assert doc.error.startswith(f"{path} is not a readable WARC file (at the start)")


# --- the web -------------------------------------------------------------------------------------------------


def test_feed_and_its_articles_over_http(server):
    serve_feed(server)
    feed = f"{server.base}/feed.xml"
    docs = run([feed], allow_private=True)
    assert [(d.input, d.url, d.date, d.kind, d.error) for d in docs] == [
        (f"{feed}#1", f"{server.base}/a1.html", "2024-03-05", "html", None),  # the publisher's day, not UTC's 6th
        (f"{feed}#2", f"{server.base}/a2.html", "2024-03-06", "html", None),
    ]
    assert docs[0].content == html("Първа").decode() and docs[0].crawled == today()
    assert docs[1].content == "<html><body><p>Втора новина</p></body></html>"
    assert [path for path, _ in server.log] == ["/feed.xml", "/a1.html", "/a2.html"]
    assert all(agent.startswith("dateline/") for _, agent in server.log)


def test_loopback_is_refused_without_allow_private(server):
    serve_feed(server)
    feed = f"{server.base}/feed.xml"
    [doc] = run([feed])
    assert doc.error == f"refused to fetch {feed}: it resolves to a private address (use --allow-private to allow)"
    [doc] = run([f"http://localhost:{server.server_port}/feed.xml"])  # a name, checked on what it resolves to
    assert doc.error.endswith("it resolves to a private address, 127.0.0.1 (use --allow-private to allow)")
    assert server.log == []  # refused before connecting


def test_local_feed_file_entries_are_fetched_under_the_same_rules(server, tmp_path):
    serve_feed(server)
    path = tmp_path / "wire.rss"
    path.write_bytes(rss(server.base))
    allowed = run([str(path)], allow_private=True)
    assert [(d.input, d.url, d.error) for d in allowed] == [
        (f"{path}#1", f"{server.base}/a1.html", None),
        (f"{path}#2", f"{server.base}/a2.html", None),
    ]
    refused = run([str(path)])
    assert [d.error.startswith(f"refused to fetch {server.base}/a") for d in refused] == [True, True]


def test_http_404_is_an_error(server):
    [doc] = run([f"{server.base}/missing"], allow_private=True)
    assert doc.error == f"HTTP 404 from {server.base}/missing"


def test_redirect_is_followed_and_url_is_the_final_one(server):
    server.routes["/a1.html"] = (200, {"Content-Type": "text/html"}, html("Moved"))
    server.routes["/old"] = (301, {"Location": "/a1.html"}, b"")
    [doc] = run([f"{server.base}/old"], allow_private=True)
    assert (doc.input, doc.url, doc.content) == (f"{server.base}/old", f"{server.base}/a1.html", html("Moved"))


def test_too_many_redirects(server):
    server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    [doc] = run([f"{server.base}/loop"], allow_private=True)
    assert doc.error == f"too many redirects (more than 5) from {server.base}/loop"
    assert len(server.log) == 6  # the request and five redirects


def test_every_redirect_hop_is_checked_where_it_connects(server, other_server):
    # With a policy that allows 127.0.0.1 only, the first hop goes through and the redirect's target is refused
    # at connection time: the other server never sees a request. 169.254.169.254 (cloud metadata) is refused the
    # same way, before any packet is sent to it.
    other_server.routes["/page"] = (200, {"Content-Type": "text/html"}, html("Elsewhere"))
    server.routes["/to-other"] = (302, {"Location": f"{other_server.base}/page"}, b"")
    server.routes["/to-metadata"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    fetcher = Fetcher(lambda address: address == "127.0.0.1")
    try:
        [to_other] = fetcher.documents(f"{server.base}/to-other")
        [to_metadata] = fetcher.documents(f"{server.base}/to-metadata")
    finally:
        fetcher.close()
    assert to_other.error == (
        f"refused to fetch {other_server.base}/page (redirected from {server.base}/to-other): "
        "it resolves to a private address (use --allow-private to allow)"
    )
    assert to_metadata.error == (
        f"refused to fetch http://169.254.169.254/latest/meta-data/ (redirected from {server.base}/to-metadata): "
        "it resolves to a private address (use --allow-private to allow)"
    )
    assert [path for path, _ in server.log] == ["/to-other", "/to-metadata"] and other_server.log == []


def test_redirect_to_another_scheme_is_refused(server):
    server.routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    [doc] = run([f"{server.base}/to-file"], allow_private=True)
    assert doc.error == (
        f"refused the redirect from {server.base}/to-file to file:///etc/passwd: "
        "only http:// and https:// URLs are fetched"
    )


def test_gzip_bomb_over_http_is_capped(server, bomb):
    server.routes["/bomb.html"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb)
    [doc], peak = run_measured([f"{server.base}/bomb.html"], allow_private=True)
    assert len(doc.content) == MAX_INPUT_BYTES and doc.warnings == [TRUNCATED]
    assert peak < 3 * MAX_INPUT_BYTES


def test_content_type_decides_the_kind(server):
    server.routes["/notes"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, b"Plain words.")
    server.routes["/logo.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG")
    plain, image = run([f"{server.base}/notes", f"{server.base}/logo.png"], allow_private=True)
    assert (plain.kind, plain.content, plain.error) == ("auto", "Plain words.", None)
    assert image.error == f"{server.base}/logo.png is image/png, not a web page or a feed"


def test_feed_found_by_its_content_and_relative_links_resolved(server):
    serve_feed(server)
    relative = rss(server.base).replace(server.base.encode(), b"")
    server.routes["/feed"] = (200, {"Content-Type": "application/octet-stream"}, relative)
    docs = run([f"{server.base}/feed"], allow_private=True)
    assert [(d.url, d.error) for d in docs] == [(f"{server.base}/a1.html", None), (f"{server.base}/a2.html", None)]


def test_https_still_sends_sni_and_verifies_the_certificate(tmp_path):
    # The backend connects to the address it vetted, not to the name: TLS must still be about the name.
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=localhost"],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(5)

    def handshake():
        conn, _ = listener.accept()
        try:
            context.wrap_socket(conn, server_side=True)
        except ssl.SSLError:
            pass  # the client hangs up on a certificate it does not trust
        finally:
            conn.close()

    thread = threading.Thread(target=handshake, daemon=True)
    thread.start()
    try:
        [doc] = run([f"https://localhost:{listener.getsockname()[1]}/"], allow_private=True)
    finally:
        thread.join(5)
        listener.close()
    assert names == ["localhost"]  # SNI names the host, though the socket went to 127.0.0.1
    assert "certificate verify failed" in doc.error  # and a self-signed certificate is not accepted


def test_file_url_is_refused():
    [doc] = run(["file:///etc/passwd"])
    assert doc.error == "refused file:///etc/passwd: only http:// and https:// URLs are fetched"


# --- feed safety -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "subset",
    [
        '<!ENTITY xxe SYSTEM "file://{secret}">',
        # An entity value holding "<b" ends the prolog early for feedparser's own ENTITY-stripping regex, so the
        # next declaration would get through it untouched.
        '<!ENTITY a "<b>">\n<!ENTITY xxe SYSTEM "file://{secret}">',
        '<!ENTITY % p SYSTEM "file://{secret}">\n%p;',
    ],
)
def test_feed_declaring_entities_is_refused_and_reads_no_file(server, tmp_path, subset):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    path = tmp_path / "evil.xml"
    doctype = "<!DOCTYPE rss [\n" + subset.format(secret=secret) + "\n]>"
    path.write_bytes(rss(server.base, doctype).replace(b"<title>One</title>", b"<title>&xxe;</title>"))
    docs = run([str(path)], allow_private=True)
    assert [d.error for d in docs] == [
        "refused this feed: its DOCTYPE declares XML entities, which can make a parser read local files "
        "or expand without bound"
    ]
    assert "TOP-SECRET-VALUE" not in repr(docs) and server.log == []


def test_feed_parser_fetches_no_external_dtd(server):
    serve_feed(server)
    feed = rss(server.base, f'<!DOCTYPE rss SYSTEM "{server.base}/evil.dtd">')
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    docs = run([f"{server.base}/feed.xml"], allow_private=True)
    assert [d.error for d in docs] == [None, None]
    assert [path for path, _ in server.log] == ["/feed.xml", "/a1.html", "/a2.html"]  # never /evil.dtd


def test_feed_with_no_entries_is_one_error(tmp_path):
    path = tmp_path / "empty.atom"
    path.write_bytes(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>')
    [doc] = run([str(path)])
    assert doc.error == "the feed has no entries"


# --- the address policy ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "169.254.169.254", "0.0.0.0", "100.64.0.1",
        "224.0.0.1", "255.255.255.255", "240.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fec0::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "2001:db8::1",
    ],
)
def test_non_public_addresses(address):
    assert not is_public(address)


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]
)
def test_public_addresses(address):
    assert is_public(address)
