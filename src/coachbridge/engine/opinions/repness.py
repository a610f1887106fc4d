"""Representative statements per group and group-informed consensus (Pol.is `repness.clj`).

For a group and a statement, with ``na`` agrees, ``nd`` disagrees and ``ns`` votes (passes
included) in the group: the agree share ``pa = (na + 1) / (ns + 2)`` (Laplace-smoothed), its
one-proportion z-score, the ratio ``ra = pa / pa_outside`` and the two-proportion z-score of
in-group against out-group. A statement represents the group when both z-scores pass the 90 %
one-sided threshold (z > 1.2816); its score is ``ra * rat * pa * pat`` (Pol.is "repness").
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from coachbridge.engine.opinions.model import Consensus, Representative

Z_90 = 1.2816
MAX_REPRESENTATIVE = 5
CONSENSUS_SHARE = 0.6


def prop_test(successes: float, n: float) -> float:
    """z-score of a share against 1/2, with one pseudo-count (Pol.is `prop-test`)."""
    successes, n = successes + 1, n + 1
    return 2 * math.sqrt(n) * (successes / n - 0.5)


def two_prop_test(succ_in: float, succ_out: float, n_in: float, n_out: float) -> float:
    """z-score of in-group share against out-group share, pseudo-counts (`two-prop-test`)."""
    succ_in, succ_out, n_in, n_out = succ_in + 1, succ_out + 1, n_in + 1, n_out + 1
    p1, p2 = succ_in / n_in, succ_out / n_out
    pooled = (succ_in + succ_out) / (n_in + n_out)
    if pooled >= 1 or pooled <= 0:
        return 0.0
    return (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n_in + 1 / n_out))


def counts(
    values: NDArray[np.float64], voted: NDArray[np.bool_], rows: NDArray[np.bool_]
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """(agrees, disagrees, votes) per statement among the selected rows."""
    v, s = values[rows], voted[rows]
    agrees = ((v > 0) & s).sum(axis=0).astype(float)
    disagrees = ((v < 0) & s).sum(axis=0).astype(float)
    return agrees, disagrees, s.sum(axis=0).astype(float)


def representative(
    statements: list[str],
    values: NDArray[np.float64],
    voted: NDArray[np.bool_],
    in_group: NDArray[np.bool_],
    out_group: NDArray[np.bool_],
) -> tuple[Representative, ...]:
    """The statements that set the group apart, best first (at most MAX_REPRESENTATIVE)."""
    na, nd, ns = counts(values, voted, in_group)
    oa, od, os_ = counts(values, voted, out_group)
    passing: list[tuple[float, str, Representative]] = []
    fallback: tuple[float, str, Representative] | None = None
    for j, sid in enumerate(statements):
        if ns[j] == 0:
            continue
        options = []
        for direction, n_in, n_out in (("agree", na[j], oa[j]), ("disagree", nd[j], od[j])):
            p_in = (n_in + 1) / (ns[j] + 2)
            p_out = (n_out + 1) / (os_[j] + 2)
            z_in = prop_test(n_in, ns[j])
            z_diff = two_prop_test(n_in, n_out, ns[j], os_[j])
            score = (p_in / p_out) * z_diff * p_in * z_in
            options.append((z_diff, direction, float(p_in), float(p_out), z_in, float(score)))
        z_diff, direction, p_in, p_out, z_in, score = max(options, key=lambda o: o[0])
        rep = Representative(
            sid, "agree" if direction == "agree" else "disagree", p_in, p_out, score
        )
        if z_diff > Z_90 and z_in > Z_90:
            passing.append((-score, sid, rep))
        elif (
            direction == "agree"
            and p_in > p_out
            and z_diff > 0
            and (fallback is None or (-score, sid) < fallback[:2])
        ):
            fallback = (-score, sid, rep)
    passing.sort(key=lambda item: (item[0], item[1]))
    if not passing and fallback is not None:
        passing = [fallback]
    chosen = [rep for _, _, rep in passing[:MAX_REPRESENTATIVE]]
    # As Pol.is: what the group agrees with first, then what it rejects.
    chosen.sort(key=lambda rep: rep.direction != "agree")
    return tuple(chosen)


def consensus(
    statements: list[str],
    values: NDArray[np.float64],
    voted: NDArray[np.bool_],
    groups: list[NDArray[np.bool_]],
    *,
    share: float = CONSENSUS_SHARE,
) -> tuple[Consensus, ...]:
    """Statements on which every group agrees (or every group disagrees), strongest first.

    Per group the Laplace-smoothed share ``(n_agree + 1) / (n_votes + 2)`` must reach ``share``;
    the score is the product over groups (Pol.is "group-informed consensus").
    """
    if not groups:
        return ()
    per_group = [counts(values, voted, rows) for rows in groups]
    found: list[tuple[float, str, Consensus]] = []
    for j, sid in enumerate(statements):
        agree = tuple(float((a[j] + 1) / (n[j] + 2)) for a, _, n in per_group)
        disagree = tuple(float((d[j] + 1) / (n[j] + 2)) for _, d, n in per_group)
        if min(agree) >= share:
            score = math.prod(agree)
            found.append((-score, sid, Consensus(sid, "agree", agree, disagree, score)))
        elif min(disagree) >= share:
            score = math.prod(disagree)
            found.append((-score, sid, Consensus(sid, "disagree", agree, disagree, score)))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(c for _, _, c in found)
