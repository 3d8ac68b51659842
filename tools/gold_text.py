"""Lists the places where the repository's files share eight words in a row with the gold data in
../shared/benchmarks/, which must never be committed here (its licences forbid it). Run it before committing test
sentences or comment examples: `python tools/gold_text.py [--shared PATH]`.

A list to read, not a verdict: official names ("United Kingdom of Great Britain and Northern Ireland"), HTML
boilerplate and the benchmarks' own descriptions also come up. Text lifted from an article is what must go:
rewrite it in our own words, keeping the construction a test exercises.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORD = re.compile(r"\w+")
TEXT_FILES = re.compile(r"\.(py|toml|md|txt|html|css|js|json)$")
N = 8  # words in a row: long enough that news prose, not common phrasing, is what matches


def shingles(text: str) -> dict[int, str]:
    words = WORD.findall(text.lower())
    return {hash(" ".join(words[i:i + N])): " ".join(words[i:i + N]) for i in range(len(words) - N + 1)}


def corpus(shared: Path) -> set[int]:
    seen: set[int] = set()
    for path in (shared / "benchmarks").rglob("*"):
        if path.is_file():
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            seen.update(shingles(data.decode("utf-8", "ignore")))
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder")
    args = parser.parse_args(argv)
    if not (args.shared / "benchmarks").is_dir():
        print(f"no benchmarks at {args.shared / 'benchmarks'}", file=sys.stderr)
        return 2
    gold = corpus(args.shared)
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    for name in tracked.split():
        if TEXT_FILES.search(name):
            found = [text for key, text in shingles((REPO / name).read_text(errors="ignore")).items() if key in gold]
            if found:
                print(f"{name}: {len(found)}: " + " | ".join(found[:3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
