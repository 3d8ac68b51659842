"""A real server for tests: `dateline.web.create_app` under uvicorn on 127.0.0.1, on a free port, in a thread.

    with live_server(db_path, api_key="k") as base_url:
        httpx.get(base_url + "/api/articles", params={"q": "Aleppo"})

A thread, not a subprocess: the server shares the test process's loaded spaCy model and gazetteer, so POST
/api/analyze costs one parse, not a second ~5 s load. The socket is bound here (port 0) and handed to uvicorn,
so no other process can take the port between choosing and listening.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn


@contextmanager
def live_server(store: str | Path, *, api_key: str | None = None, read_only: bool = False,
                max_body: int | None = None, timeout: float = 30.0) -> Iterator[str]:
    """Serve the store until the block ends; yields the base URL (http://127.0.0.1:PORT, no trailing slash)."""
    from dateline.web import create_app

    options = {} if max_body is None else {"max_body": max_body}
    app = create_app(str(store), api_key=api_key, read_only=read_only, **options)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=f"dateline-serve-{port}",
                              daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the server stopped while starting (see the log above)")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start in {timeout:.0f} s")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
