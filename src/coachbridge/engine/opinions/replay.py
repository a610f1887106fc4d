"""Pol.is's incremental clustering, replayed over the votes in time order.

Pol.is does not compute its groups once on the final votes: its math worker runs
``conv-update`` (compdemocracy/polis ``math/src/polismath/math/conversation.clj``) every time new
votes arrive, and every k-means in it starts from the previous update's clusters
(``clusters.clj`` ``clean-start-clusters``). So its groups carry the conversation's history.
This module replays that, deterministically: the votes are cut into batches by time (one update
per ``window`` seconds that saw votes) and each batch runs one update:

* the rating matrix grows with the batch (later votes replace earlier ones); moderated-out
  statements are columns of zeros for everybody (``nm/zero-out-columns``);
* ``in-conv`` only grows: everybody with at least min(7, statements) votes (moderated-out ones
  counted), topped up to 15 with the most active voters;
* PCA of all voters' mean-imputed votes by power iteration from the previous update's axes,
  positions scaled by sqrt(statements / votes) (``sparsity-aware-project-ptpts``);
* 100 base clusters of the in-conv positions, k-means (at most 100 steps) from the previous
  base clusters, recentred on their members' new positions, with new clusters split off at
  the most distant point while there are fewer than 100;
* for every k in 2 .. min(5, 2 + base clusters / 12) a weighted k-means (at most 20 steps, the
  default Pol.is ends up using) of the base clusters from the previous clustering for that k;
* the silhouette over base clusters picks a k, and the k shown only changes after a new k won
  4 updates in a row (``group-k-smoother``).

No random numbers: the only randomness in Pol.is is the first start vector of its power
iteration; we start from all ones (what ``power-iteration`` itself defaults to).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

Matrix = NDArray[np.float64]

BASE_K = 100
BASE_ITERS = 100
PCA_ITERS = 100
GROUP_ITERS = 20  # conversation.clj passes :cluster-iters, which kmeans ignores: default 20
MAX_K = 5
K_BUFFER = 4
GREEDY_N = 15
SAME_CLUSTERING = 0.01


@dataclass
class Cluster:
    id: int
    members: list[int]  # row numbers of the points (voters, or base-cluster ids)
    centre: Matrix


@dataclass
class ReplayState:
    """What Pol.is keeps from one update to the next."""

    in_conv: set[int] = field(default_factory=set)
    base: list[Cluster] = field(default_factory=list)
    groupings: dict[int, list[Cluster]] = field(default_factory=dict)
    last_k: int | None = None
    last_k_count: int = 0
    smoothed_k: int | None = None
    axes: Matrix | None = None


def _weighted_mean(points: Matrix, weights: NDArray[np.float64] | None) -> Matrix:
    if weights is None:
        result: Matrix = points.mean(axis=0)
        return result
    total = float(weights.sum())
    if total <= 0:
        result = points.mean(axis=0)
        return result
    result = (points * weights[:, None]).sum(axis=0) / total
    return result


def _init_clusters(names: Sequence[int], points: Matrix, k: int) -> list[Cluster]:
    clusters: list[Cluster] = []
    seen: set[tuple[float, ...]] = set()
    for point in points:
        key = tuple(point.tolist())
        if key in seen:
            continue
        seen.add(key)
        clusters.append(Cluster(len(clusters), [], point.copy()))
        if len(clusters) == k:
            break
    return clusters


def _centres(
    labels: NDArray[np.int64], n: int, points: Matrix, weights: Matrix | None
) -> tuple[Matrix, Matrix]:
    """(weighted sum of the points, total weight) per label 0..n-1 (labels < 0 are skipped)."""
    keep = labels >= 0
    w = np.ones(len(points)) if weights is None else weights
    totals = np.bincount(labels[keep], weights=w[keep], minlength=n).astype(float)
    counts = np.bincount(labels[keep], minlength=n).astype(float)
    sums = np.zeros((n, points.shape[1]))
    for d in range(points.shape[1]):
        sums[:, d] = np.bincount(labels[keep], weights=(points[:, d] * w)[keep], minlength=n)
    # A weighted mean over members of total weight 0 falls back to the plain mean.
    plain = np.zeros((n, points.shape[1]))
    for d in range(points.shape[1]):
        plain[:, d] = np.bincount(labels[keep], weights=points[keep, d], minlength=n)
    zero = totals <= 0
    sums[zero] = plain[zero]
    totals[zero] = counts[zero]
    return sums, totals


def _recentre(
    index: dict[int, int], points: Matrix, clusters: list[Cluster], weights: Matrix | None
) -> list[Cluster]:
    """Each cluster's centre from its members still in the data; clusters without any dropped."""
    labels = np.full(len(points), -1, dtype=np.int64)
    for c, cluster in enumerate(clusters):
        rows = [index[m] for m in cluster.members if m in index]
        labels[rows] = c
    sums, totals = _centres(labels, len(clusters), points, weights)
    return [
        Cluster(cluster.id, cluster.members, sums[c] / totals[c])
        for c, cluster in enumerate(clusters)
        if totals[c] > 0
    ]


def _clean_start(
    names: Sequence[int],
    points: Matrix,
    clusters: list[Cluster],
    k: int,
    weights: Matrix | None,
) -> list[Cluster]:
    index = {name: i for i, name in enumerate(names)}
    recentred = _recentre(index, points, clusters, weights)
    if not recentred:
        return [
            Cluster(
                max((c.id for c in clusters), default=-1) + 1,
                list(names),
                _weighted_mean(points, weights),
            )
        ]
    unique: list[Cluster] = []
    where: dict[tuple[float, ...], int] = {}
    for cluster in recentred:  # uniqify-clusters: merge clusters with the same centre
        key = tuple(cluster.centre.tolist())
        if key not in where:
            where[key] = len(unique)
            unique.append(cluster)
            continue
        same = unique[where[key]]
        big = same if len(same.members) >= len(cluster.members) else cluster
        sizes = np.array([len(same.members), len(cluster.members)], dtype=float)
        unique[where[key]] = Cluster(
            big.id,
            same.members + cluster.members,
            _weighted_mean(np.array([same.centre, cluster.centre]), sizes),
        )
    possible = min(k, len({tuple(p.tolist()) for p in points}))
    current = unique
    while True:
        current = _recentre(index, points, current, weights)
        if possible <= len(current):
            return current
        centres = np.array([c.centre for c in current])
        distances = np.sqrt(((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))
        nearest = distances.min(axis=1)
        # max-key returns the last of equal maxima
        outlier = len(nearest) - 1 - int(np.argmax(nearest[::-1]))
        if nearest[outlier] <= 0:
            return current
        name = names[outlier]
        current = [Cluster(c.id, [m for m in c.members if m != name], c.centre) for c in current]
        current.append(Cluster(max(c.id for c in current) + 1, [name], points[outlier].copy()))


def _same(a: list[Cluster], b: list[Cluster]) -> bool:
    ca = sorted(tuple(c.centre.tolist()) for c in a)
    cb = sorted(tuple(c.centre.tolist()) for c in b)
    return all(
        float(np.hypot(x[0] - y[0], x[1] - y[1])) < SAME_CLUSTERING
        for x, y in zip(ca, cb, strict=False)
    )


def polis_kmeans(
    names: Sequence[int],
    points: Matrix,
    k: int,
    *,
    last: list[Cluster] | None,
    max_iters: int,
    weights: Matrix | None = None,
) -> list[Cluster]:
    """Pol.is ``clusters/kmeans``: from ``last`` (cleaned up) or the first distinct points."""
    if len(names) == 0:
        return []
    clusters = (
        _clean_start(names, points, last, k, weights) if last else _init_clusters(names, points, k)
    )
    names_array = np.asarray(names)
    iters = max_iters
    while True:
        centres = np.array([c.centre for c in clusters])
        distances = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        labels = np.argmin(distances, axis=1).astype(np.int64)
        sums, totals = _centres(labels, len(clusters), points, weights)
        counts = np.bincount(labels, minlength=len(clusters))
        order = np.argsort(labels, kind="stable")
        members = np.split(names_array[order], np.cumsum(counts)[:-1])
        new = [
            Cluster(cluster.id, members[c].tolist(), sums[c] / totals[c])
            for c, cluster in enumerate(clusters)
            if counts[c] > 0
        ]
        if iters == 0 or _same(clusters, new):
            return new
        clusters = new
        iters -= 1


def polis_silhouette(distances: Matrix, clusters: list[Cluster], index: dict[int, int]) -> float:
    """Mean silhouette over the clustered items (Pol.is ``clusters/silhouette``, unweighted)."""
    labels = np.full(len(index), -1)
    for g, cluster in enumerate(clusters):
        labels[[index[m] for m in cluster.members]] = g
    rows = np.flatnonzero(labels >= 0)
    if len(clusters) < 2 or len(rows) == 0:
        return 0.0
    labels, distances = labels[rows], distances[np.ix_(rows, rows)]
    one_hot = (labels[:, None] == np.arange(len(clusters))[None, :]).astype(float)
    sizes = one_hot.sum(axis=0)
    sums = distances @ one_hot  # distance of each item to all members of each cluster
    own = sizes[labels]
    a = sums[np.arange(len(rows)), labels] / np.maximum(own - 1, 1)
    means = sums / np.maximum(sizes, 1)
    means[np.arange(len(rows)), labels] = np.inf
    means[:, sizes == 0] = np.inf
    b = means.min(axis=1)
    top = np.maximum(a, b)
    scores = np.where((own <= 1) | (top == 0), 0.0, (b - a) / np.where(top == 0, 1, top))
    return float(scores.mean())


def power_iteration(scatter: Matrix, start: Matrix, iters: int = PCA_ITERS) -> Matrix:
    """Pol.is ``power-iteration`` on the scatter matrix: at most ``iters`` steps from ``start``,
    stopping early when the eigenvalue estimate repeats exactly."""
    vector = start
    last = 0.0
    for _ in range(iters + 1):
        product = scatter @ vector
        value = float(np.sqrt(product @ product))
        if value == 0:
            return np.zeros_like(vector)
        vector = product / value
        if value == last:
            break
        last = value
    return vector


def project(
    values: Matrix, voted: NDArray[np.bool_], previous: Matrix | None
) -> tuple[Matrix, Matrix]:
    """(positions, axes): PCA of all rows' mean-imputed votes by power iteration started from
    the previous axes (new statements get 1 in the start vector, as in ``pca.clj``; the first
    start is all ones instead of Pol.is's random vector), positions scaled by sqrt(statements
    / votes) (``sparsity-aware-project-ptpts``)."""
    n_rows, n_cols = values.shape
    if n_rows == 0 or n_cols == 0:
        return np.zeros((n_rows, 2)), np.zeros((2, n_cols))
    counts = voted.sum(axis=0)
    means = np.where(counts > 0, (values * voted).sum(axis=0) / np.maximum(counts, 1), 0.0)
    centred = np.where(voted, values - means, 0.0)
    scatter = centred.T @ centred
    axes = np.zeros((2, n_cols))
    for i in range(min(2, n_rows, n_cols)):
        start = np.ones(n_cols)
        if previous is not None and previous.shape[0] > i and previous[i].any():
            start[: previous.shape[1]] = previous[i]
        axes[i] = power_iteration(scatter, start)
        # factor-matrix: remove this axis from the data before the next one
        if axes[i].any():
            deflate = np.eye(n_cols) - np.outer(axes[i], axes[i])
            scatter = deflate @ scatter @ deflate
    scale = np.sqrt(n_cols / np.maximum(voted.sum(axis=1), 1))
    result: Matrix = (centred @ axes.T) * scale[:, None]
    return result, axes


def update(
    state: ReplayState,
    values: Matrix,
    voted: NDArray[np.bool_],
    raw_counts: NDArray[np.int64],
    *,
    min_votes: int,
    max_groups: int,
) -> None:
    """One Pol.is ``conv-update`` on the rating matrix so far (rows: voters in arrival order)."""
    n_rows, n_cols = values.shape
    need = min(min_votes, n_cols)
    state.in_conv.update(int(i) for i in np.flatnonzero(raw_counts >= need))
    if len(state.in_conv) < GREEDY_N:
        rest = sorted(
            (i for i in range(n_rows) if i not in state.in_conv),
            key=lambda i: (-int(raw_counts[i]), i),
        )
        state.in_conv.update(rest[: GREEDY_N - len(state.in_conv)])
    positions, state.axes = project(values, voted, state.axes)
    rows = sorted(state.in_conv)
    state.base = sorted(
        polis_kmeans(rows, positions[rows], BASE_K, last=state.base or None, max_iters=BASE_ITERS),
        key=lambda c: c.id,
    )
    bids = [c.id for c in state.base]
    centres = np.array([c.centre for c in state.base])
    weights = np.array([len(c.members) for c in state.base], dtype=float)
    index = {b: i for i, b in enumerate(bids)}
    distances = np.sqrt(((centres[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))
    top = min(max_groups, 2 + len(bids) // 12)
    silhouettes: dict[int, float] = {}
    groupings: dict[int, list[Cluster]] = {}
    for k in range(2, top + 1):
        groupings[k] = sorted(
            polis_kmeans(
                bids,
                centres,
                k,
                last=state.groupings.get(k),
                max_iters=GROUP_ITERS,
                weights=weights,
            ),
            key=lambda c: c.id,
        )
        silhouettes[k] = polis_silhouette(distances, groupings[k], index)
    state.groupings = groupings
    if not silhouettes:
        return
    best = max(silhouettes.values())
    this_k = max(k for k, s in silhouettes.items() if s == best)  # max-key: the last maximum
    count = state.last_k_count + 1 if state.last_k == this_k else 1
    if count >= K_BUFFER or state.smoothed_k is None:
        state.smoothed_k = this_k
    state.last_k, state.last_k_count = this_k, count


def replay_groups(
    batches: Sequence[Sequence[tuple[str, str, int]]],
    *,
    excluded: set[str],
    min_votes: int,
    max_groups: int,
) -> tuple[list[str], dict[str, int]]:
    """Replay Pol.is's updates over ``batches`` of (voter, statement, value), in order.

    Returns (voters in arrival order, group number per in-conv voter). The group numbers are
    Pol.is's cluster ids of the last update (not yet ordered by size).
    """
    state = ReplayState()
    voters: dict[str, int] = {}
    statements: dict[str, int] = {}
    cells: dict[tuple[int, int], int] = {}
    for batch in batches:
        for voter, statement, value in batch:
            row = voters.setdefault(voter, len(voters))
            col = statements.setdefault(statement, len(statements))
            cells[(row, col)] = value
        values = np.zeros((len(voters), len(statements)))
        voted = np.zeros(values.shape, dtype=bool)
        for (row, col), value in cells.items():
            values[row, col] = value
            voted[row, col] = True
        raw_counts = voted.sum(axis=1)
        for sid, col in statements.items():
            if sid in excluded:  # zero-out-columns: a 0 for everybody
                values[:, col] = 0.0
                voted[:, col] = True
        update(state, values, voted, raw_counts, min_votes=min_votes, max_groups=max_groups)
    names = list(voters)
    groups: dict[str, int] = {}
    if state.smoothed_k is None or state.smoothed_k not in state.groupings:
        return names, {names[i]: 0 for i in sorted(state.in_conv)}
    base_members = {c.id: c.members for c in state.base}
    for group in state.groupings[state.smoothed_k]:
        for bid in group.members:
            for row in base_members.get(bid, []):
                groups[names[row]] = group.id
    return names, groups
