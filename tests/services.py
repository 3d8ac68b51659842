"""What a test does when a service it needs (the PostgreSQL server, Chromium) is not on this machine."""

from __future__ import annotations

import os

import pytest


def service_missing(reason: str) -> None:
    """Skip the test, or fail it where services are required: CI sets DATELINE_REQUIRE_SERVICES=1, so a missing
    install step there is a failure, not a quiet skip."""
    if os.environ.get("DATELINE_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (DATELINE_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(reason)
