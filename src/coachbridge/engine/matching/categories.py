"""Category compatibility: which offer categories answer which need categories.

The table lives in ``engine/data/matching_categories.tsv`` (written from the domain, with a
reason per row; see docs/algorithms/matching.md, "Signals"). It is read as (need category,
offer category) whichever post is the query, so a match's score stays symmetric.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from coachbridge.engine.matching.model import CATEGORIES

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

FILE = "matching_categories.tsv"


def parse(raw: str) -> dict[tuple[str, str], float]:
    """``(need category, offer category) -> value`` from the table's text (raises
    ``ValueError`` on an unknown category or a value outside [0, 1])."""
    table: dict[tuple[str, str], float] = {}
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        need, offer, value, *_ = line.split("\t")
        for cat in (need, offer):
            if cat not in CATEGORIES or cat == "other":
                raise ValueError(f"{FILE}:{number}: unknown category {cat!r}")
        v = float(value)
        if not 0.0 <= v <= 1.0:
            raise ValueError(f"{FILE}:{number}: value {v} outside [0, 1]")
        table[need, offer] = v
    return table


@cache
def compatibility() -> npt.NDArray[np.float64]:
    """``m[need, offer]``: compatibility of the categories' codes (index in CATEGORIES), with
    one extra last row and column (code -1: no category) that is all zero."""
    import numpy as np  # noqa: PLC0415

    raw = resources.files("coachbridge.engine").joinpath("data", FILE).read_text("utf-8")
    n = len(CATEGORIES)
    m = np.zeros((n + 1, n + 1))
    for (need, offer), value in parse(raw).items():
        m[CATEGORIES.index(need), CATEGORIES.index(offer)] = value
    m.setflags(write=False)
    return m


@cache
def identity() -> npt.NDArray[np.float64]:
    """The binary "same category" of the first rounds, as a table (``other`` matches nothing)."""
    import numpy as np  # noqa: PLC0415

    n = len(CATEGORIES)
    m = np.zeros((n + 1, n + 1))
    for i, cat in enumerate(CATEGORIES):
        if cat != "other":
            m[i, i] = 1.0
    m.setflags(write=False)
    return m
