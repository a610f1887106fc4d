"""stats: small statistics for practice-based studies (see DESIGN.md).

Plain lists in, plain dicts out. Studies in one practice are small, so the change between two
moments is reported with its effect size and an exact Wilcoxon signed-rank test, not a t-test.
"""

from __future__ import annotations

from statistics import fmean, stdev

from scipy.stats import wilcoxon

MIN_PAIRS_FOR_TEST = 5  # below this an exact test cannot reach p < 0.05 two-sided
MIN_PAIRS_FOR_EFFECT = 3  # the spread of two differences is too rough to divide by
# Scores are means of a few answers (2/3, 1/3, ...): two equal changes can differ in the last
# bits, which would make a spread of 1e-16 and a huge d_z, or break the ties of the test.
DECIMALS = 9


def paired_change(before: list[float], after: list[float]) -> dict[str, float | int | None]:
    """Mean before and after, mean change, Cohen's d_z and the Wilcoxon p (two-sided).

    d_z is shown from MIN_PAIRS_FOR_EFFECT pairs on and p from MIN_PAIRS_FOR_TEST.
    """
    if len(before) != len(after):
        raise ValueError("before and after need the same number of values")
    n = len(before)
    if n == 0:
        return {"n": 0, "before": None, "after": None, "change": None, "d_z": None, "p": None}
    differences = [round(b - a, DECIMALS) for a, b in zip(before, after, strict=True)]
    spread = stdev(differences) if n > 1 else 0.0
    p = None
    if n >= MIN_PAIRS_FOR_TEST and any(differences):
        p = float(wilcoxon(differences, zero_method="zsplit", method="exact").pvalue)
    d_z = None
    if n >= MIN_PAIRS_FOR_EFFECT and spread > 0:
        d_z = fmean(differences) / spread
    return {
        "n": n,
        "before": fmean(before),
        "after": fmean(after),
        "change": fmean(differences),
        "d_z": d_z,
        "p": p,
    }
