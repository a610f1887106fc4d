"""Grouping note vectors: spectral clustering on a nearest-neighbour graph, k-means, consensus
clustering, choosing k, guided (seeded) k-means."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]

SEED = 20251107
N_INIT = 10
N_INIT_LARGE = 4  # k-means starts above CONSENSUS_MAX_NOTES
CONSENSUS_RUNS = 20  # k-means runs combined into one co-association matrix (small inputs)
CONSENSUS_MAX_NOTES = 1000  # above this, one k-means with N_INIT starts
NEIGHBOURS = 10  # each note's nearest neighbours in the graph of spectral clustering
SPECTRAL_MIN_NOTES = 12  # below this (or above CONSENSUS_MAX_NOTES) consensus / k-means instead
GRAPH_FLOOR = 1e-4  # weight between every two notes, so the graph is always connected
GUIDE_SPECTRAL_WEIGHT = 0.5  # weight of the graph coordinates next to the vectors (guided)
AUTO_K_SAMPLE = 1500  # notes used to choose k
AUTO_K_MAX = 20  # a synthesis with more themes than this is no longer a synthesis
AUTO_K_CANDIDATES = 8  # about this many values of k are tried
AUTO_K_TOLERANCE = 0.9  # smallest k whose gap is at least this share of the best gap
AUTO_K_DIMS = 64  # the sample is reduced to this many SVD dimensions to choose k

# ---------------------------------------------------------------------------------------------
# Grouping


def kmeans(vectors: FloatArray, k: int, n_init: int = N_INIT, max_iter: int = 300) -> Any:
    from sklearn.cluster import KMeans  # noqa: PLC0415

    model = KMeans(n_clusters=k, n_init=n_init, max_iter=max_iter, random_state=SEED)
    return model.fit_predict(vectors)


def consensus(vectors: FloatArray, k: int, runs: int = CONSENSUS_RUNS) -> Any:
    """Evidence accumulation: how often two notes share a cluster over ``runs`` k-means runs
    (one start each, seeds SEED..SEED+runs-1), then average-linkage clustering of that."""
    import numpy as np  # noqa: PLC0415
    from sklearn.cluster import AgglomerativeClustering, KMeans  # noqa: PLC0415

    n = vectors.shape[0]
    together = np.zeros((n, n))
    for run in range(runs):
        labels = KMeans(n_clusters=k, n_init=1, random_state=SEED + run).fit_predict(vectors)
        onehot = np.zeros((n, k))
        onehot[np.arange(n), labels] = 1.0
        together += onehot @ onehot.T
    distance = 1.0 - together / runs
    model = AgglomerativeClustering(n_clusters=k, metric="precomputed", linkage="average")
    return model.fit_predict(distance)


def knn_graph(vectors: FloatArray, neighbours: int = NEIGHBOURS) -> FloatArray:
    """Symmetric 0/1 graph linking every note to its ``neighbours`` most similar notes (cosine;
    ties broken by input position), plus GRAPH_FLOOR everywhere off the diagonal. Small inputs
    get fewer neighbours (a quarter of the notes, at least 3), or every note would touch every
    other."""
    import numpy as np  # noqa: PLC0415

    n = vectors.shape[0]
    nn = max(1, min(neighbours, max(3, n // 4), n - 1))
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    nearest = np.argsort(-sims, axis=1, kind="stable")[:, :nn]
    graph = np.zeros((n, n))
    graph[np.repeat(np.arange(n), nn), nearest.ravel()] = 1.0
    graph = np.maximum(graph, graph.T) + GRAPH_FLOOR
    np.fill_diagonal(graph, 0.0)
    out: FloatArray = graph
    return out


def spectral(vectors: FloatArray, k: int, neighbours: int = NEIGHBOURS) -> Any:
    """Spectral clustering of the nearest-neighbour graph into ``k`` groups (QR-based
    assignment, no random restarts). A note joins the group of the notes it is closest to,
    even when its own vector is far from their mean: short notes of one theme share few
    features pairwise but form chains of close neighbours."""
    from sklearn.cluster import SpectralClustering  # noqa: PLC0415

    model = SpectralClustering(
        n_clusters=k, affinity="precomputed", assign_labels="cluster_qr", random_state=SEED
    )
    return model.fit_predict(knn_graph(vectors, neighbours))


def graph_coordinates(vectors: FloatArray, dims: int, neighbours: int = NEIGHBOURS) -> FloatArray:
    """Unit rows of the ``dims`` leading eigenvectors of the normalised neighbour graph (the
    space spectral clustering groups in)."""
    import numpy as np  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    graph = knn_graph(vectors, neighbours)
    inv_root = 1.0 / np.sqrt(graph.sum(axis=1))
    _values, vecs = np.linalg.eigh(graph * inv_root[:, None] * inv_root[None, :])
    out: FloatArray = normalize(vecs[:, ::-1][:, : max(1, dims)])
    return out


def choose_k(vectors: FloatArray) -> int:
    """Number of themes, from how far the silhouette exceeds that of a structure-free copy.

    Candidates run from about sqrt(n/2)/2 to 1.5*sqrt(n/2) (at most 20). Silhouette alone keeps
    rising with k on short notes; the copy (each column shuffled on its own) has no themes, so
    the gap between the two measures how much real structure a k finds; the smallest k within
    10 % of the best gap is taken (docs/algorithms/themes.md).
    """
    import numpy as np  # noqa: PLC0415
    from sklearn.decomposition import TruncatedSVD  # noqa: PLC0415
    from sklearn.metrics import silhouette_score  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    n = int(vectors.shape[0])
    if n < 6:
        return max(1, min(n, 2))
    rng = np.random.default_rng(SEED)
    if n > AUTO_K_SAMPLE:
        sample = vectors[np.sort(rng.choice(n, AUTO_K_SAMPLE, replace=False))]
    else:
        sample = vectors
    m = sample.shape[0]
    dims = min(AUTO_K_DIMS, sample.shape[1] - 1, m - 1)
    if dims >= 2:
        sample = TruncatedSVD(dims, algorithm="randomized", random_state=SEED).fit_transform(sample)
    sample = normalize(sample)
    null = sample.copy()
    for j in range(null.shape[1]):
        null[:, j] = null[rng.permutation(m), j]
    null = normalize(null)
    distance = np.clip(1.0 - sample @ sample.T, 0.0, 2.0)
    null_distance = np.clip(1.0 - null @ null.T, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    np.fill_diagonal(null_distance, 0.0)
    distinct = int(np.unique(np.round(sample, 9), axis=0).shape[0])
    if distinct < 3:
        return distinct
    root = math.sqrt(m / 2.0)
    hi = min(AUTO_K_MAX, round(1.5 * root), distinct - 1)
    lo = min(max(2, round(root / 2)), hi)
    step = max(1, math.ceil((hi - lo) / AUTO_K_CANDIDATES))
    gaps: list[tuple[int, float]] = []
    for k in range(lo, hi + 1, step):
        labels = kmeans(sample, k, n_init=2, max_iter=100)
        null_labels = kmeans(null, k, n_init=2, max_iter=100)
        if len(set(labels.tolist())) < 2 or len(set(null_labels.tolist())) < 2:
            continue
        gap = float(silhouette_score(distance, labels, metric="precomputed")) - float(
            silhouette_score(null_distance, null_labels, metric="precomputed")
        )
        gaps.append((k, gap))
    if not gaps:
        return lo
    # parsimony, as the gap statistic's one-standard-error rule: the gap tends to creep up
    # with k, so take the smallest k that reaches most of the best gap
    top = max(gap for _, gap in gaps)
    if top <= 0:  # no k finds more structure than chance: the best of them
        return int(min(gaps, key=lambda kg: (-kg[1], kg[0]))[0])
    best_k = min(k for k, gap in gaps if gap >= AUTO_K_TOLERANCE * top)
    return int(best_k)


def seeded_kmeans(vectors: FloatArray, fixed: dict[int, int], k: int, iterations: int = 30) -> Any:
    """k-means whose first centres come from the guide's examples, which never move.

    Themes beyond the guide (when k exceeds the number of guides) start at the notes farthest
    from every guide centre.
    """
    import numpy as np  # noqa: PLC0415

    n = vectors.shape[0]
    n_guides = max(fixed.values()) + 1 if fixed else 0
    centres = np.zeros((k, vectors.shape[1]))
    for c in range(n_guides):
        members = [i for i, g in fixed.items() if g == c]
        centres[c] = vectors[members].mean(axis=0)
    for c in range(n_guides, k):
        sims = (vectors @ centres[:c].T).max(axis=1) if c else np.zeros(n)
        sims[list(fixed)] = np.inf
        centres[c] = vectors[int(np.argmin(sims))]
    labels = np.full(n, -1)
    fixed_idx = np.array(sorted(fixed), dtype=int)
    fixed_lab = np.array([fixed[i] for i in sorted(fixed)], dtype=int)
    for _ in range(iterations):
        norms = np.linalg.norm(centres, axis=1, keepdims=True)
        unit = centres / np.where(norms > 0, norms, 1.0)
        new = np.argmax(vectors @ unit.T, axis=1)
        if len(fixed_idx):
            new[fixed_idx] = fixed_lab
        if np.array_equal(new, labels):
            break
        labels = new
        for c in range(k):
            members = labels == c
            if members.any():
                centres[c] = vectors[members].mean(axis=0)
    return labels
