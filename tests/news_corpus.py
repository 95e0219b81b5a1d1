"""Short news stories we write ourselves, as many as a test needs, each with attributed claims."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["story", "write_corpus"]

TOWNS = ["Ashford", "Bexley", "Carlow", "Dunmore", "Elgin", "Fenwick", "Galway", "Hexham", "Ilford", "Jarrow"]


def story(k: int) -> str:
    town = TOWNS[k % len(TOWNS)]
    return (
        f"Officials in {town} said the road would reopen on Monday after {k + 2} weeks of repairs.\n\n"
        f'"We expect about {k + 10} buses a day," the council\'s transport chief told reporters.\n'
    )


def write_corpus(path: Path, n: int, bad: tuple[int, ...] = ()) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            fh.write(json.dumps({"id": f"doc-{k:04d}", "text": "" if k in bad else story(k)}) + "\n")
