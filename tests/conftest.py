"""Shared paths. The seed and the gold data live in ../shared beside the checkout and are never copied here."""

from pathlib import Path

import pytest

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
