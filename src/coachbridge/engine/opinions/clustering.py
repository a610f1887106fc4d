"""The Pol.is math: PCA on a sparse vote matrix, base clusters, opinion groups, silhouette.

Follows the published Pol.is math (compdemocracy/polis, `math/src/polismath/math/`: `pca.clj`,
`clusters.clj`, `conversation.clj`); see docs/algorithms/opinions.md. Everything is
deterministic: no random numbers, initial centres are the first distinct points in voter order.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Matrix = NDArray[np.float64]
Labels = NDArray[np.int64]

BASE_CLUSTERS = 100
BASE_ITERATIONS = 100  # Pol.is :base-iters
KMEANS_ITERATIONS = 20  # Pol.is kmeans default, used for the groups


def pca_projection(
    votes: Matrix,
    voted: NDArray[np.bool_],
    *,
    basis: NDArray[np.bool_] | None = None,
    sparsity_scaling: bool = True,
) -> Matrix:
    """2-D positions of the rows of a vote matrix with missing votes (``voted`` False).

    The principal axes come from the rows in ``basis`` (default: all). Missing votes are imputed
    with the statement's mean vote, so they add nothing to a projection. With
    ``sparsity_scaling`` each position is multiplied by sqrt(n_statements / n_votes), so that
    people who voted on few statements are not pulled to the centre (Pol.is
    `sparsity-aware-project-ptpts`); without it this is the plain PCA projection of the
    mean-imputed matrix.
    """
    n_rows, n_cols = votes.shape
    if n_rows == 0 or n_cols == 0:
        return np.zeros((n_rows, 2))
    rows = np.ones(n_rows, dtype=bool) if basis is None else basis
    counts = voted[rows].sum(axis=0)
    sums = (votes * voted)[rows].sum(axis=0)
    means = np.where(counts > 0, sums / np.maximum(counts, 1), 0.0)
    centred = np.where(voted, votes - means, 0.0)
    components = principal_components(centred[rows], 2)
    projected = centred @ components.T
    if not sparsity_scaling:
        return projected
    n_votes = voted.sum(axis=1)
    scale = np.sqrt(n_cols / np.maximum(n_votes, 1))
    result: Matrix = projected * scale[:, None]
    return result


def principal_components(centred: Matrix, n: int) -> Matrix:
    """The first ``n`` principal axes (rows), each signed so its largest entry is positive.

    Eigenvectors of the statements' scatter matrix (statements x statements, small), which is
    what Pol.is's power iteration converges to, without its random start.
    """
    n_cols = centred.shape[1]
    axes = np.zeros((n, n_cols))
    if centred.shape[0] == 0 or n_cols == 0:
        return axes
    scatter = centred.T @ centred
    eigenvalues, eigenvectors = np.linalg.eigh(scatter)
    order = np.argsort(-eigenvalues, kind="stable")
    for i, column in enumerate(order[: min(n, n_cols)]):
        if eigenvalues[column] <= 1e-12 * max(1.0, float(eigenvalues.max())):
            break  # no variance left: the remaining axes stay zero
        axes[i] = eigenvectors[:, column]
    for i in range(n):
        if axes[i].any():
            biggest = int(np.argmax(np.abs(axes[i]) - 1e-9 * np.arange(n_cols)))
            if axes[i, biggest] < 0:
                axes[i] = -axes[i]
    return axes


def kmeans(
    points: Matrix,
    k: int,
    *,
    weights: NDArray[np.float64] | None = None,
    iterations: int = KMEANS_ITERATIONS,
    start: Matrix | None = None,
) -> tuple[Labels, Matrix]:
    """Weighted k-means, started from ``start`` or the first ``k`` distinct points (Pol.is
    `init-clusters`).

    Returns (label per point, centres). Ties go to the lower cluster number; empty clusters are
    dropped, so there may be fewer than ``k`` clusters.
    """
    if weights is None:
        weights = np.ones(len(points))
    centres = first_distinct(points, k) if start is None else start
    labels = assign(points, centres)
    for _ in range(iterations):
        new_centres = []
        for c in range(len(centres)):
            mask = labels == c
            if mask.any():
                w = weights[mask]
                new_centres.append((points[mask] * w[:, None]).sum(axis=0) / w.sum())
        moved = np.array(new_centres)
        new_labels = assign(points, moved)
        if (
            len(moved) == len(centres)
            and np.allclose(moved, centres)
            and (new_labels == labels).all()
        ):
            break
        centres, labels = moved, new_labels
    return labels, centres


def best_kmeans(
    points: Matrix, k: int, *, weights: NDArray[np.float64], iterations: int = KMEANS_ITERATIONS
) -> Labels:
    """k-means from a few deterministic starts; the result with the least weighted inertia.

    Pol.is starts from the first distinct points and then keeps its clusters from update to
    update; a single run from scratch often ends in a poor local optimum (two real groups
    merged, one split). The starts: Pol.is's, farthest-first traversal from the heaviest point
    and from the point farthest from the centre, and a greedy weighted D-squared choice
    (k-means++ without the randomness). Ties go to the earlier start.
    """
    starts = [first_distinct(points, k)]
    centre = (points * weights[:, None]).sum(axis=0) / weights.sum()
    heaviest = int(np.argmax(weights))
    farthest = int(np.argmax(((points - centre) ** 2).sum(axis=1)))
    starts.append(farthest_first(points, k, heaviest))
    starts.append(farthest_first(points, k, farthest))
    starts.append(farthest_first(points, k, heaviest, weights=weights))
    best: tuple[float, Labels] | None = None
    for start in starts:
        labels, centres = kmeans(points, k, weights=weights, iterations=iterations, start=start)
        inertia = float((weights * ((points - centres[labels]) ** 2).sum(axis=1)).sum())
        if best is None or inertia < best[0] - 1e-9:
            best = (inertia, labels)
    assert best is not None
    return best[1]


def farthest_first(
    points: Matrix, k: int, first: int, *, weights: NDArray[np.float64] | None = None
) -> Matrix:
    """``k`` starting centres: ``first``, then each time the point farthest from those chosen
    (its squared distance times its weight, when weights are given). Ties: lowest index."""
    chosen = [first]
    nearest = ((points - points[first]) ** 2).sum(axis=1)
    while len(chosen) < min(k, len(points)):
        score = nearest if weights is None else nearest * weights
        pick = int(np.argmax(score))
        if score[pick] <= 0:
            break
        chosen.append(pick)
        nearest = np.minimum(nearest, ((points - points[pick]) ** 2).sum(axis=1))
    return points[chosen]


def first_distinct(points: Matrix, k: int) -> Matrix:
    chosen: list[NDArray[np.float64]] = []
    seen: set[tuple[float, ...]] = set()
    for point in points:
        key = tuple(np.round(point, 12).tolist())
        if key not in seen:
            seen.add(key)
            chosen.append(point)
            if len(chosen) == k:
                break
    return np.array(chosen)


def assign(points: Matrix, centres: Matrix) -> Labels:
    """The nearest centre of each point (ties: the lower centre number)."""
    distances = np.zeros((len(points), len(centres)))
    for d in range(points.shape[1]):
        distances += (points[:, d, None] - centres[None, :, d]) ** 2
    labels: Labels = np.argmin(distances, axis=1).astype(np.int64)
    return labels


def silhouette(points: Matrix, labels: Labels, weights: NDArray[np.float64] | None = None) -> float:
    """Mean silhouette coefficient (weighted by ``weights``); 0 for a single cluster."""
    ids = np.unique(labels)
    if len(ids) < 2:
        return 0.0
    if weights is None:
        weights = np.ones(len(points))
    distances = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2))
    scores = np.zeros(len(points))
    for i in range(len(points)):
        own = labels == labels[i]
        own_weight = weights[own].sum() - weights[i]
        if own_weight <= 0:
            continue  # a lone point scores 0
        a = (distances[i, own] * weights[own]).sum() / own_weight
        b = min(
            (distances[i, labels == c] * weights[labels == c]).sum() / weights[labels == c].sum()
            for c in ids
            if c != labels[i]
        )
        scores[i] = 0.0 if max(a, b) == 0 else (b - a) / max(a, b)
    return float((scores * weights).sum() / weights.sum())
