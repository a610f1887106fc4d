"""Fit the level model on the calibration texts: ``python -m coachbridge.engine.readability.fit``.

The calibration texts (``data/readability_calibration/<lang>.jsonl``: ``{topic, level, text}``)
are versions of the same topics written at A2, B1, B2 and C1. For each language:

1. compute the signals of :data:`~coachbridge.engine.readability.level.FEATURES` per text;
2. standardise each signal (mean 0, standard deviation 1 over the calibration texts);
3. fit a ridge regression of the level index (A2 = 0 ... C1 = 3) on the standardised signals,
   keeping every weight non-negative (a signal that would get a negative weight is dropped and
   the rest refitted: more of any signal never makes a text easier);
4. choose the ridge penalty from a small grid by leave-one-topic-out accuracy.

The result is written to ``data/readability_model.json``; ``--check`` only prints the
accuracies (on the calibration set and leave-one-topic-out) and whether the stored model is
up to date. Pure Python: the system is a few features by a few dozen texts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from coachbridge.engine.readability.level import FEATURES, MODEL_FILE, level_of
from coachbridge.engine.readability.model import LEVELS

ALPHAS = (0.3, 1.0, 3.0, 10.0)
CALIBRATION_DIR = "readability_calibration"


@dataclass(frozen=True)
class Sample:
    topic: str
    level: str
    text: str
    signals: tuple[float, ...]
    variant: str | None = None  # e.g. "short sentences, jargon": an extra version of a topic

    @property
    def target(self) -> float:
        return float(LEVELS.index(self.level))


@cache
def calibration(lang: str) -> tuple[Sample, ...]:
    """The calibration texts of ``lang`` with their signals."""
    from coachbridge.engine.readability import analyse  # noqa: PLC0415 -- cycle at import

    path = resources.files("coachbridge.engine").joinpath("data", CALIBRATION_DIR, f"{lang}.jsonl")
    samples: list[Sample] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        scores = analyse(row["text"], lang).scores
        signals = tuple(float(scores[name]) for name in FEATURES)
        samples.append(Sample(row["topic"], row["level"], row["text"], signals, row.get("variant")))
    return tuple(samples)


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the matrix is small and positive definite)."""
    n = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def fit_model(samples: tuple[Sample, ...] | list[Sample], alpha: float) -> dict[str, Any]:
    """Non-negative ridge regression of the level index on the standardised signals."""
    n = len(samples)
    k = len(FEATURES)
    mean = [sum(s.signals[f] for s in samples) / n for f in range(k)]
    scale = [
        math.sqrt(sum((s.signals[f] - mean[f]) ** 2 for s in samples) / n) or 1.0 for f in range(k)
    ]
    rows = [[(s.signals[f] - mean[f]) / scale[f] for f in range(k)] for s in samples]
    y_mean = sum(s.target for s in samples) / n
    y = [s.target - y_mean for s in samples]
    active = list(range(k))
    weights = [0.0] * k
    while active:
        gram = [
            [sum(r[a] * r[b] for r in rows) + (alpha if a == b else 0.0) for b in active]
            for a in active
        ]
        rhs = [sum(r[a] * t for r, t in zip(rows, y, strict=True)) for a in active]
        solution = _solve(gram, rhs)
        if min(solution) >= 0:
            weights = [0.0] * k
            for a, w in zip(active, solution, strict=True):
                weights[a] = w
            break
        active.pop(solution.index(min(solution)))
    model: dict[str, Any] = {
        "intercept": round(y_mean, 6),
        "mean": {name: round(mean[f], 6) for f, name in enumerate(FEATURES)},
        "scale": {name: round(scale[f], 6) for f, name in enumerate(FEATURES)},
        "weights": {name: round(weights[f], 6) for f, name in enumerate(FEATURES)},
        "alpha": alpha,
    }
    model["thresholds"] = fit_thresholds(model, samples)
    return model


def fit_thresholds(
    model: dict[str, Any], samples: tuple[Sample, ...] | list[Sample]
) -> list[float]:
    """Level boundaries: midpoints between the mean scores of adjacent calibration levels.

    The regression pulls the extremes towards the middle, so the boundaries come from the
    scores themselves rather than from 0.5, 1.5, 2.5. C2 starts as far above the C1 mean as
    the B2/C1 boundary lies below it.
    """
    means: list[float] = []
    for level in LEVELS[:-1]:
        scores = [predict(model, s.signals) for s in samples if s.level == level]
        means.append(sum(scores) / len(scores))
    cuts = [(a + b) / 2 for a, b in itertools.pairwise(means)]
    cuts.append(means[-1] + (means[-1] - cuts[-1]))
    return [round(c, 6) for c in cuts]


def predict(model: dict[str, Any], signals: tuple[float, ...]) -> float:
    """The difficulty score of one text's signals under ``model`` (as level.difficulty)."""
    total = float(model["intercept"])
    for f, name in enumerate(FEATURES):
        total += model["weights"][name] * (signals[f] - model["mean"][name]) / model["scale"][name]
    return total


def accuracy(model: dict[str, Any], samples: tuple[Sample, ...] | list[Sample]) -> float:
    """Share of texts whose estimated level is their written level."""
    hits = sum(level_of(predict(model, s.signals), model["thresholds"]) == s.level for s in samples)
    return hits / len(samples)


def loto_accuracy(samples: tuple[Sample, ...], alpha: float) -> float:
    """Leave-one-topic-out accuracy: each topic is estimated by a model fitted on the others."""
    hits = 0
    for topic in sorted({s.topic for s in samples}):
        train = [s for s in samples if s.topic != topic]
        test = [s for s in samples if s.topic == topic]
        model = fit_model(train, alpha)
        hits += sum(
            level_of(predict(model, s.signals), model["thresholds"]) == s.level for s in test
        )
    return hits / len(samples)


def fit_language(lang: str) -> dict[str, Any]:
    """The model of ``lang``: penalty chosen by leave-one-topic-out accuracy (ties: larger)."""
    samples = calibration(lang)
    best = max(ALPHAS, key=lambda a: (loto_accuracy(samples, a), a))
    model = fit_model(samples, best)
    model["texts"] = len(samples)
    model["accuracy"] = round(accuracy(model, samples), 4)
    model["accuracy_leave_one_topic_out"] = round(loto_accuracy(samples, best), 4)
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="print figures, write nothing")
    args = parser.parse_args(argv)
    models = {lang: fit_language(lang) for lang in ("nl", "en")}
    target = Path(__file__).resolve().parent.parent / "data" / MODEL_FILE
    for lang, model in models.items():
        loto = model["accuracy_leave_one_topic_out"]
        print(
            f"{lang}: {model['texts']} texts, alpha {model['alpha']}, accuracy "
            f"{model['accuracy']:.0%}, leave-one-topic-out {loto:.0%}"
        )
        print("    weights: " + ", ".join(f"{k} {v:.3f}" for k, v in model["weights"].items()))
    stored = json.loads(target.read_text("utf-8"))
    if args.check:
        same = stored == models
        print("stored model is " + ("up to date" if same else "OUT OF DATE: run without --check"))
        return 0 if same else 1
    target.write_text(json.dumps(models, indent=1) + "\n", "utf-8")
    print(f"written: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
