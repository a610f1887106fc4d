"""Opinion groups from agree/disagree/pass votes, the way Pol.is finds them.

Input: :class:`Vote` (voter, statement, 1 agree / -1 disagree / 0 pass). Output: an
:class:`OpinionMap` with the opinion groups, each with its representative statements, the
statements all groups agree on (consensus), a 2-D position per placed voter and the voters left
out because they voted on too few statements.

Method (docs/algorithms/opinions.md, after the public Pol.is math): PCA of the vote matrix with
missing votes imputed by the statement mean and positions scaled by sqrt(statements / votes);
k-means into up to 100 base clusters; weighted k-means of the base clusters into 2..5 groups,
the number chosen by silhouette; Pol.is "repness" for representative statements and
group-informed consensus. No randomness: same votes, same map. ``replay_window`` replays
Pol.is's incremental updates over the votes in time order instead (:mod:`.replay`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from coachbridge.engine.opinions.clustering import (
    BASE_CLUSTERS,
    BASE_ITERATIONS,
    best_kmeans,
    kmeans,
    pca_projection,
    silhouette,
)
from coachbridge.engine.opinions.model import (
    Consensus,
    Group,
    OpinionMap,
    Representative,
    Vote,
)
from coachbridge.engine.opinions.reading import Statement, read_polis_comments, read_polis_votes
from coachbridge.engine.opinions.replay import replay_groups
from coachbridge.engine.opinions.repness import consensus, representative

__all__ = [
    "Consensus",
    "Group",
    "OpinionMap",
    "Representative",
    "Statement",
    "Vote",
    "natural_key",
    "opinion_map",
    "read_polis_comments",
    "read_polis_votes",
]

K_MARGIN = 0.02  # more groups must beat the silhouette of fewer by this much (see the docs)


def natural_key(identifier: str) -> tuple[int, int, str]:
    """Order ids numerically when they are numbers ("2" before "10"), else as text."""
    if identifier.isdigit():
        return (0, int(identifier), identifier)
    return (1, 0, identifier)


def opinion_map(
    votes: Iterable[Vote],
    *,
    min_votes: int = 7,
    max_groups: int = 5,
    exclude_statements: Iterable[str] = (),
    sparsity_scaling: bool = True,
    replay_window: float | None = None,
) -> OpinionMap:
    """Opinion groups, representative statements and consensus of a set of votes.

    A voter is placed when they voted on at least ``min_votes`` statements (or on all of them,
    when there are fewer). The last vote per voter and statement counts. Statements in
    ``exclude_statements`` (moderated out) are ignored. ``sparsity_scaling=False`` gives the plain
    PCA projection that Pol.is used before it scaled positions by the number of votes (see
    docs/algorithms/opinions.md for when each fits Pol.is's published groups better).

    ``replay_window`` (seconds) replays Pol.is's incremental updates over the votes in order of
    their ``time``, one update per window that saw votes (:mod:`.replay`): who is placed and
    the groups then depend on the conversation's history, as in Pol.is itself. Votes on
    excluded statements count for being placed, as in Pol.is.
    """
    if max_groups < 1:
        raise ValueError("max_groups must be at least 1")
    if replay_window is not None and not replay_window >= 0:
        raise ValueError("replay_window must be at least 0 seconds")
    votes = list(votes)
    if replay_window is not None:
        votes.sort(key=lambda vote: vote.time)  # stable: the later of equal times counts
    excluded = set(exclude_statements)
    latest: dict[tuple[str, str], int] = {}
    for vote in votes:
        if vote.value not in (-1, 0, 1):
            raise ValueError(f"vote of {vote.voter!r} on {vote.statement!r}: must be -1, 0 or 1")
        if vote.statement not in excluded:
            latest[(vote.voter, vote.statement)] = vote.value
    voters = sorted({v for v, _ in latest}, key=natural_key)
    statements = sorted({s for _, s in latest}, key=natural_key)
    row = {v: i for i, v in enumerate(voters)}
    col = {s: j for j, s in enumerate(statements)}
    values = np.zeros((len(voters), len(statements)))
    voted = np.zeros((len(voters), len(statements)), dtype=bool)
    for (voter, statement), value in latest.items():
        values[row[voter], col[statement]] = value
        voted[row[voter], col[statement]] = True

    n_votes = voted.sum(axis=1)
    replayed: dict[str, int] | None = None
    if replay_window is not None:
        replayed = replayed_groups(votes, excluded, replay_window, min_votes, max_groups)
        placed = np.array([v in replayed for v in voters], dtype=bool)
    else:
        needed = min(min_votes, len(statements))
        placed = n_votes >= max(needed, 1)
    placed_idx = np.flatnonzero(placed)
    left_out = tuple(voters[i] for i in np.flatnonzero(~placed))

    if len(placed_idx) == 0:
        return OpinionMap((), (), {}, left_out, tuple(statements))

    # As Pol.is: the axes come from everybody's votes, the groups only from the placed voters.
    projection = pca_projection(values, voted, sparsity_scaling=sparsity_scaling)[placed_idx]
    if replayed is None:
        labels = group_labels(projection, max_groups)
    else:
        labels = np.array([replayed[voters[i]] for i in placed_idx], dtype=np.int64)
    positions = {
        voters[i]: (float(projection[n, 0]), float(projection[n, 1]))
        for n, i in enumerate(placed_idx)
    }

    # Number the groups by size (largest first), ties by their first member.
    order = sorted(
        set(labels.tolist()), key=lambda c: (-(labels == c).sum(), int(np.argmax(labels == c)))
    )
    masks: list[np.ndarray] = []
    for c in order:
        mask = np.zeros(len(voters), dtype=bool)
        mask[placed_idx[labels == c]] = True
        masks.append(mask)
    groups = []
    for gid, mask in enumerate(masks):
        others = placed & ~mask
        groups.append(
            Group(
                gid,
                tuple(voters[i] for i in np.flatnonzero(mask)),
                representative(statements, values, voted, mask, others),
            )
        )
    agreed = consensus(statements, values, voted, masks)
    return OpinionMap(tuple(groups), agreed, positions, left_out, tuple(statements))


def replayed_groups(
    votes: list[Vote], excluded: set[str], window: float, min_votes: int, max_groups: int
) -> dict[str, int]:
    """Group per voter in Pol.is's in-conv set after replaying its updates (see :mod:`.replay`).

    Votes are taken in order of time (stable: then input order) and cut into batches: a batch
    starts at its first vote and takes every vote less than ``window`` seconds later.
    """
    for vote in votes:
        if vote.value not in (-1, 0, 1):
            raise ValueError(f"vote of {vote.voter!r} on {vote.statement!r}: must be -1, 0 or 1")
    batches: list[list[tuple[str, str, int]]] = []
    start = 0.0
    for vote in sorted(votes, key=lambda vote: vote.time):
        if not batches or vote.time >= start + window:
            batches.append([])
            start = vote.time
        batches[-1].append((vote.voter, vote.statement, vote.value))
    _, groups = replay_groups(
        batches, excluded=excluded, min_votes=min_votes, max_groups=max_groups
    )
    return groups


def group_labels(projection: np.ndarray, max_groups: int) -> np.ndarray:
    """Group number per placed voter: base clusters, then groups of base clusters by silhouette."""
    base_labels, base_centres = kmeans(projection, BASE_CLUSTERS, iterations=BASE_ITERATIONS)
    n_base = len(base_centres)
    if n_base < 2 or max_groups < 2:
        return np.zeros(len(projection), dtype=np.int64)
    weights = np.bincount(base_labels, minlength=n_base).astype(float)
    best: tuple[float, np.ndarray] | None = None
    top = min(max_groups, n_base, 2 + n_base // 12)
    for k in range(2, max(top, 2) + 1):
        labels = best_kmeans(base_centres, k, weights=weights)
        # Pol.is averages the silhouette over base clusters; weighting each base cluster by its
        # members makes it the silhouette over voters, which is steadier (fewer spurious groups).
        score = silhouette(base_centres, labels, weights)
        if best is None or score > best[0] + K_MARGIN:
            best = (score, labels)
    assert best is not None
    result: np.ndarray = best[1][base_labels]
    return result
