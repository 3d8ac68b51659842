"""Shared paths and services. The seed and the gold data live in ../shared beside the checkout and are never copied
here; the PostgreSQL server is the one scripts/test-services starts (or DATELINE_TEST_POSTGRES)."""

import os
import time
from pathlib import Path

import pytest

from tests.services import drop_stale_schemas, own_schema, service_missing

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SHARED / "seed" / "presstv-aleppo-2016.txt"
    if not path.exists():
        pytest.skip(f"the seed article is not at {path} (it comes with ../shared, which CI has)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def benchmarks() -> Path:
    path = SHARED / "benchmarks"
    if not path.exists():
        pytest.skip(f"the shared gold data is not at {path} (it comes with ../shared, which CI has)")
    return path


# -- PostgreSQL: a real server (scripts/test-services starts one; CI requires it) ------------------------------

POSTGRES_URL = os.environ.get("DATELINE_TEST_POSTGRES", "postgresql://dateline:dateline@127.0.0.1:5432/dateline_test")


_RUN_STARTED = time.time()
_postgres_missing: list[str] = []  # why the server can't be used, once found: not asked again for each test


@pytest.fixture(scope="session")
def postgres_server():
    """An autocommit connection to the test server, DATELINE_TEST_POSTGRES (a role that may create schemas)."""
    from dateline.store import mask_password

    if _postgres_missing:
        service_missing(_postgres_missing[0])
    try:
        import psycopg

        conn = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=5)
    except ImportError:
        _postgres_missing.append("psycopg is not installed: pip install psycopg[binary]")
    except psycopg.Error as error:
        _postgres_missing.append(f"no PostgreSQL server at {mask_password(POSTGRES_URL)} "
                                 f"({str(error).splitlines()[0]}); scripts/test-services starts one, "
                                 "DATELINE_TEST_POSTGRES names another")
    if _postgres_missing:
        service_missing(_postgres_missing[0])
    conn.execute("SET lock_timeout = '20s'")  # a test that left a transaction open fails its clean-up, not hangs
    drop_stale_schemas(conn, started=_RUN_STARTED)  # what killed runs left behind
    yield conn
    conn.close()


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of a fresh, empty schema of its own on the test server (the store's schema through search_path),
    dropped with everything in it after the test."""
    with own_schema(postgres_server) as schema:
        separator = "&" if "?" in POSTGRES_URL else "?"
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path) -> str:
    """Where a test's store goes, once on each database: a new SQLite file's path, a fresh PostgreSQL schema's URL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("postgres_url")
