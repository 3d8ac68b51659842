"""What a test does when a service it needs (the PostgreSQL server, Chromium) is not on this machine, and the
schemas the PostgreSQL tests make on the test server and clear away."""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

# A test's own schema on the test server: dateline_test_<its creation time, Unix seconds in hex>_<random>;
# before the names carried their time, dateline_test_<12 hex digits>.
SCHEMA_PREFIX = "dateline_test_"
# A schema is in use while the session that made it holds this advisory lock (PostgreSQL lets it go with the
# session, however the process ended): the clean-up can tell a schema a killed run left from a live run's.
_LOCK = "SELECT {}(hashtext('dateline test schema ' || %s))"


def service_missing(reason: str) -> None:
    """Skip the test, or fail it where services are required: CI sets DATELINE_REQUIRE_SERVICES=1, so a missing
    install step there is a failure, not a quiet skip."""
    if os.environ.get("DATELINE_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (DATELINE_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(reason)


@contextmanager
def own_schema(conn, prefix: str = SCHEMA_PREFIX) -> Iterator[str]:
    """A fresh schema of its own on the server of `conn` (an autocommit psycopg connection), held in use (its
    advisory lock) until it is dropped, with everything in it, on leaving."""
    schema = f"{prefix}{int(time.time()):08x}_{secrets.token_hex(3)}"
    conn.execute(_LOCK.format("pg_advisory_lock"), (schema,))  # taken before the schema exists: never unheld
    try:
        conn.execute(f"CREATE SCHEMA {schema}")
        try:
            yield schema
        finally:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    finally:
        conn.execute(_LOCK.format("pg_advisory_unlock"), (schema,))


def drop_stale_schemas(conn, started: float, prefix: str = SCHEMA_PREFIX) -> list[str]:
    """Drop the test schemas that runs killed before their clean-up left on the server: those made before
    `started` (the run's start, Unix seconds) that no live session holds. Returns their names.

    A schema named without its time (before that was done) counts as old; one a live run holds, or made since
    this run started, is left alone, so runs side by side on one server never drop each other's."""
    timed = re.compile(re.escape(prefix) + "([0-9a-f]{8})_[0-9a-f]{6}")
    untimed = re.compile(re.escape(prefix) + "[0-9a-f]{12}")
    dropped = []
    for (schema,) in conn.execute("SELECT nspname FROM pg_namespace ORDER BY 1").fetchall():
        made = timed.fullmatch(schema)
        if made:
            if int(made.group(1), 16) >= int(started):
                continue
        elif not untimed.fullmatch(schema):
            continue  # not a name the tests make
        if not conn.execute(_LOCK.format("pg_try_advisory_lock"), (schema,)).fetchone()[0]:
            continue  # in use by a live run
        try:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            dropped.append(schema)
        finally:
            conn.execute(_LOCK.format("pg_advisory_unlock"), (schema,))
    return dropped
