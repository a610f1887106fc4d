"""From text-level signals to a level (A2..C2): a weighted score with fixed thresholds.

``difficulty = intercept + sum(weight_f * (signal_f - mean_f) / scale_f)`` on the scale of the
calibration levels (A2 = 0, B1 = 1, B2 = 2, C1 = 3); fitted thresholds between the levels turn
it into A2, B1, B2, C1 or C2.
The means, scales and weights per language live in ``data/readability_model.json`` and are
fitted on the calibration texts by ``python -m coachbridge.engine.readability.fit``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from coachbridge.engine.readability.model import LEVELS

# The signals the level is computed from (keys of Analysis.scores).
FEATURES: tuple[str, ...] = (
    "words_per_sentence",
    "syllables_per_word",
    "rare_words_pct",
    "long_words_pct",
    "passives_per_sentence",
    "clauses_per_sentence",
    "jargon_pct",
)
MODEL_FILE = "readability_model.json"


@cache
def model(lang: str) -> dict[str, Any]:
    """The fitted model of ``lang``: ``{"mean", "scale", "weights", "intercept"}`` per feature."""
    raw = resources.files("coachbridge.engine").joinpath("data", MODEL_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    entry: dict[str, Any] = data[lang]
    return entry


def difficulty(scores: dict[str, float], lang: str) -> float:
    """The weighted score of the signals (A2 = 0 ... C1 = 3)."""
    fitted = model(lang)
    total = float(fitted["intercept"])
    for name in FEATURES:
        scale = float(fitted["scale"][name]) or 1.0
        total += float(fitted["weights"][name]) * (scores[name] - fitted["mean"][name]) / scale
    return total


def level_of(value: float, thresholds: list[float] | tuple[float, ...]) -> str:
    """The level for a difficulty score: the first level whose upper boundary is above it."""
    for level, cut in zip(LEVELS, thresholds, strict=False):
        if value < cut:
            return level
    return LEVELS[-1]


def level_for(scores: dict[str, float], lang: str) -> tuple[float, str]:
    """Difficulty score and level of a text's signals in ``lang``."""
    value = difficulty(scores, lang)
    return value, level_of(value, model(lang)["thresholds"])
