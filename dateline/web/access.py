"""How the server reaches its store and who may write to it.

A store is opened per request, in the thread that uses it: sqlite3 connections belong to the thread that made
them, and FastAPI runs a sync route and its dependencies in different pool threads, so the store is opened
inside the route (`with access.reader() as store:`), never handed over by a dependency. Opening a SQLite file
costs well under a millisecond; a PostgreSQL store opens a connection (a few milliseconds on the same machine; a
connection pool would be the next step for a busy shared server).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from dateline.store import Store, StoreError, open_store

API_KEY_HEADER = "X-API-Key"
_key_header = APIKeyHeader(name=API_KEY_HEADER, auto_error=False,
                           description="The key the server was started with (--api-key or DATELINE_API_KEY).")


@dataclass(frozen=True)
class StoreAccess:
    target: str  # a SQLite path or a database URL, as open_store reads it
    api_key: str | None = None
    read_only: bool = False

    def reader(self):
        """The store, opened read-only for the time of a `with` block."""
        return self._opened(read_only=True)

    def writer(self):
        """The store, opened for writing for the time of a `with` block, unless the server only reads."""
        if self.read_only:
            raise HTTPException(403, "this server was started --read-only: it stores nothing")
        return self._opened(read_only=False)

    @contextmanager
    def _opened(self, *, read_only: bool) -> Iterator[Store]:
        try:
            store = open_store(self.target, read_only=read_only)
        except StoreError as error:
            raise HTTPException(503, f"the store cannot be {'read' if read_only else 'written'}: {error}") from None
        try:
            yield store
        finally:
            store.close()

    def key_matches(self, supplied: str | None) -> bool:
        if self.api_key is None or not supplied:
            return False
        # Constant time, so the key cannot be guessed a character at a time from response times.
        return hmac.compare_digest(supplied.encode("utf-8"), self.api_key.encode("utf-8"))


def access(request: Request) -> StoreAccess:
    return request.app.state.access


def require_key(request: Request, key: str | None = Security(_key_header)) -> StoreAccess:
    """The dependency of every route that analyses or writes: the caller must give the server's API key, in
    X-API-Key or as `Authorization: Bearer KEY`."""
    store_access = access(request)
    if store_access.api_key is None:
        raise HTTPException(403, "this server takes no analysis or writes: start it with --api-key "
                                 "(or DATELINE_API_KEY) to allow them")
    if key is None:
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        key = credentials.strip() if scheme.lower() == "bearer" else None
    if not store_access.key_matches(key):
        raise HTTPException(401, f"a valid API key is required ({API_KEY_HEADER} header or Authorization: Bearer)",
                            headers={"WWW-Authenticate": "Bearer"})
    return store_access
