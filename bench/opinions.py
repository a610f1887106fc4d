"""Benchmark of the opinions engine (coachbridge.engine.opinions) on real Pol.is conversations.

For each of the three Pol.is open-data conversations (CC BY 4.0, attribution printed below and
in bench/data/polis/ATTRIBUTION.md) it prints:
  * the adjusted Rand index (ARI) between our opinion groups and the groups Pol.is itself
    computed (`group-id` in participants-votes.csv), over the participants both placed in a
    group; for the default engine (Pol.is's current math, positions scaled by
    sqrt(statements / votes)) and with `sparsity_scaling=False` (the plain projection Pol.is
    used when these exports were made, see docs/algorithms/opinions.md);
  * the same for the replay of Pol.is's incremental updates over the votes in time order
    (`replay_window`, one update per 60 s and per hour that saw votes; every vote row counts),
    with its time and whether two runs are identical;
  * the same for a baseline computed in the same run: scikit-learn k-means (10 seeded starts)
    on the mean-imputed vote matrix of the same voters, no PCA and no scaling, k chosen 2..5 by
    silhouette; and the ratio of our ARI and time against it;
  * the consensus statements: ours, and the same group-informed consensus rule applied to
    Pol.is's own groups (the export has no consensus column: summary.csv only counts, and
    comments.csv only has total agrees/disagrees per statement);
  * the time (median of 5 runs; 1 with --quick) and whether every run gave the identical result
    (twice, plus once with the votes in shuffled order).
Then (skipped with --quick) the recovery of planted groups when half of the voters voted on few
statements, with and without the sparsity scaling, and the time on a synthetic conversation of
5,000 voters x 120 statements.

Targets: ARI >= 0.8 on each conversation, identical results on every run, < 5 s for the largest.
Run: .venv/bin/python bench/opinions.py [--quick] [--data DIR]
(the machine has 2 cores shared with other engineers: timings are indicative).
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from threadpoolctl import threadpool_limits

from coachbridge.engine.opinions import (
    OpinionMap,
    Vote,
    natural_key,
    opinion_map,
    read_polis_comments,
    read_polis_votes,
)
from coachbridge.engine.opinions.repness import consensus

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "polis"
ATTRIBUTION = HERE / "data" / "polis" / "ATTRIBUTION.md"
CONVERSATIONS = ("15-per-hour-seattle", "brexit-consensus", "scoop-hivemind.ubi")
SEED = 0
REPLAY_WINDOWS = (60.0, 3600.0)  # seconds per update of the replay


def timed(function: Callable[[], Any], repeat: int) -> tuple[Any, float]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def polis_groups(folder: Path) -> dict[str, int]:
    with (folder / "participants-votes.csv").open(encoding="utf-8") as handle:
        return {
            r["participant"]: int(r["group-id"]) for r in csv.DictReader(handle) if r["group-id"]
        }


def matrix(votes: list[Vote], statements: list[str], voters: list[str]) -> tuple[Any, Any]:
    row = {v: i for i, v in enumerate(voters)}
    col = {s: j for j, s in enumerate(statements)}
    values = np.zeros((len(voters), len(statements)))
    voted = np.zeros_like(values, dtype=bool)
    for vote in votes:
        if vote.voter in row and vote.statement in col:
            values[row[vote.voter], col[vote.statement]] = vote.value
            voted[row[vote.voter], col[vote.statement]] = True
    return values, voted


def baseline(votes: list[Vote], voters: list[str], statements: list[str]) -> dict[str, int]:
    """Plain k-means on the mean-imputed vote matrix, k = 2..5 by silhouette."""
    values, voted = matrix(votes, statements, voters)
    counts = voted.sum(axis=0)
    means = np.where(counts > 0, (values * voted).sum(axis=0) / np.maximum(counts, 1), 0.0)
    data = np.where(voted, values, means)
    best: tuple[float, Any] | None = None
    for k in range(2, 6):
        labels = KMeans(k, n_init=10, random_state=SEED).fit_predict(data)
        score = float(silhouette_score(data, labels))
        if best is None or score > best[0]:
            best = (score, labels)
    assert best is not None
    return {v: int(g) for v, g in zip(voters, best[1], strict=True)}


def ari(ours: dict[str, int], theirs: dict[str, int]) -> tuple[float, int]:
    common = sorted(set(ours) & set(theirs), key=natural_key)
    score = adjusted_rand_score([theirs[v] for v in common], [ours[v] for v in common])
    return float(score), len(common)


def membership(result: OpinionMap) -> dict[str, int]:
    return {v: g.id for g in result.groups for v in g.members}


def short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def conversation(folder: Path, repeat: int) -> dict[str, Any]:
    print(f"\n== {folder.name}")
    comments = read_polis_comments(folder / "comments.csv")
    texts = {c.id: c.text for c in comments}
    excluded = {c.id for c in comments if c.moderated < 0}
    votes = read_polis_votes(folder / "votes.csv")
    theirs = polis_groups(folder)
    n_voters = len({v.voter for v in votes})
    print(
        f"{len(votes)} votes (latest per voter and statement) by {n_voters} voters on "
        f"{len({v.statement for v in votes})} statements, {len(excluded)} moderated out; "
        f"Pol.is grouped {len(theirs)} voters into {len(set(theirs.values()))} groups"
    )

    def run() -> OpinionMap:
        return opinion_map(votes, exclude_statements=excluded)

    with threadpool_limits(1):
        result, seconds = timed(run, repeat)
    shuffled = list(votes)
    random.Random(SEED).shuffle(shuffled)
    again = opinion_map(shuffled, exclude_statements=excluded)
    identical = result.as_dict() == run().as_dict() == again.as_dict()
    plain = opinion_map(votes, exclude_statements=excluded, sparsity_scaling=False)
    ours = membership(result)
    score, n_common = ari(ours, theirs)
    plain_score, _ = ari(membership(plain), theirs)

    history = read_polis_votes(folder / "votes.csv", history=True)
    replays: dict[float, float] = {}
    for window in REPLAY_WINDOWS:

        def replayed(window: float = window) -> OpinionMap:
            return opinion_map(history, exclude_statements=excluded, replay_window=window)

        with threadpool_limits(1):
            replay_result, replay_seconds = timed(replayed, 1)
        same = replay_result.as_dict() == replayed().as_dict()
        replays[window], replay_common = ari(membership(replay_result), theirs)
        print(
            f"replay, one update per {window:.0f} s: {len(replay_result.groups)} groups "
            f"{[len(g.members) for g in replay_result.groups]}, "
            f"{len(replay_result.left_out)} left out; ARI vs Pol.is {replays[window]:.3f} over "
            f"{replay_common} voters; {replay_seconds:.2f} s; identical twice: "
            f"{'yes' if same else 'NO'}"
        )

    voters = sorted(ours, key=natural_key)
    statements = list(result.statements)
    with threadpool_limits(1):
        base, base_seconds = timed(lambda: baseline(votes, voters, statements), repeat)
    base_score, _ = ari(base, theirs)

    print(
        f"ours:     {len(result.groups)} groups {[len(g.members) for g in result.groups]}, "
        f"{len(result.left_out)} left out; ARI vs Pol.is {score:.3f} over {n_common} voters; "
        f"{seconds:.3f} s; identical on every run: {'yes' if identical else 'NO'}"
    )
    both = sorted(set(ours) & set(theirs), key=natural_key)
    table = Counter((theirs[v], ours[v]) for v in both)
    print(
        "  voters per (Pol.is group -> our group): "
        + ", ".join(f"{p}->{o}: {n}" for (p, o), n in sorted(table.items()))
    )
    print(
        f"ours, plain projection: {len(plain.groups)} groups "
        f"{[len(g.members) for g in plain.groups]}; ARI vs Pol.is {plain_score:.3f}"
    )
    print(
        f"baseline (k-means on mean-imputed matrix): {len(set(base.values()))} groups; "
        f"ARI vs Pol.is {base_score:.3f}; {base_seconds:.3f} s"
    )
    ratio = score / base_score if base_score > 0 else float("inf")
    print(f"ratio ours/baseline: ARI x{ratio:.2f}, time x{seconds / base_seconds:.2f}")

    # Consensus: ours, and the same rule on Pol.is's own groups.
    values, voted = matrix(votes, statements, sorted({v.voter for v in votes}, key=natural_key))
    all_voters = sorted({v.voter for v in votes}, key=natural_key)
    groups = [
        np.array([theirs.get(v) == gid for v in all_voters]) for gid in sorted(set(theirs.values()))
    ]
    polis_consensus = consensus(statements, values, voted, groups)
    ours_ids = [c.statement for c in result.consensus]
    theirs_ids = [c.statement for c in polis_consensus]
    overlap = len(set(ours_ids) & set(theirs_ids))
    union = len(set(ours_ids) | set(theirs_ids)) or 1
    print(
        f"consensus, ours ({len(ours_ids)}): {ours_ids}\n"
        f"consensus, same rule on Pol.is's groups ({len(theirs_ids)}): {theirs_ids}\n"
        f"consensus overlap: {overlap} shared, Jaccard {overlap / union:.2f}"
    )
    for c in result.consensus[:3]:
        shares = c.agree_by_group if c.direction == "agree" else c.disagree_by_group
        rounded = [round(s, 2) for s in shares]
        print(f"  {c.statement} {c.direction} {rounded}: {short(texts.get(c.statement, ''))}")
    return {
        "ari": score,
        "plain": plain_score,
        "replays": replays,
        "seconds": seconds,
        "identical": identical,
    }


def synthetic(n_voters: int, n_statements: int) -> list[Vote]:
    rng = random.Random(SEED)
    stances = [[rng.choice((-1, 1)) for _ in range(n_statements)] for _ in range(3)]
    votes = []
    for i in range(n_voters):
        stance = stances[i % 3]
        for j in range(n_statements):
            if rng.random() < 0.4:
                value = stance[j] if rng.random() < 0.85 else rng.choice((-1, 0, 1))
                votes.append(Vote(str(i), str(j), value))
    return votes


def planted_sparse(seed: int) -> tuple[list[Vote], dict[str, int], set[str]]:
    """2-4 planted groups of 40 on 60 statements; half of the voters saw only 12-30 % of them."""
    rng = random.Random(seed)
    n_groups = 2 + seed % 3
    stances = [[rng.choice((-1, 1)) for _ in range(60)] for _ in range(n_groups)]
    votes: list[Vote] = []
    truth: dict[str, int] = {}
    sparse: set[str] = set()
    for g in range(n_groups):
        for i in range(40):
            voter = f"g{g}v{i}"
            truth[voter] = g
            share = 0.8
            if rng.random() < 0.5:
                sparse.add(voter)
                share = rng.uniform(0.12, 0.3)
            for j in range(60):
                if rng.random() < share:
                    r = rng.random()
                    value = stances[g][j] if r < 0.8 else (0 if r < 0.9 else -stances[g][j])
                    votes.append(Vote(voter, str(j), value))
    return votes, truth, sparse


def sparse_study() -> None:
    """Why the sparsity scaling is the default: recovery of planted groups with sparse voters."""
    scores: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for seed in range(12):
        votes, truth, sparse = planted_sparse(seed)
        for scaling in (True, False):
            got = membership(opinion_map(votes, sparsity_scaling=scaling))
            everyone, _ = ari(got, truth)
            few, _ = ari({v: g for v, g in got.items() if v in sparse}, truth)
            scores[scaling].append((everyone, few))
    print("\nplanted groups, half of the voters saw 12-30 % of the statements (12 seeds):")
    for scaling in (True, False):
        everyone = statistics.mean(a for a, _ in scores[scaling])
        few = statistics.mean(b for _, b in scores[scaling])
        label = "with sparsity scaling (default)" if scaling else "plain projection"
        print(f"  {label:32s} mean ARI {everyone:.3f}, sparse voters only {few:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 timing run, no synthetic run")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of Pol.is conversations")
    args = parser.parse_args()
    repeat = 1 if args.quick else 5
    print(ATTRIBUTION.read_text(encoding="utf-8").split("## Use in coachbridge")[0].strip())
    if not args.data.is_dir():
        print(f"\nPol.is data not found at {args.data}: skipping the real conversations.")
        return 0
    figures = {}
    for name in CONVERSATIONS:
        folder = args.data / name
        if not (folder / "votes.csv").is_file():
            print(f"\n== {name}: not found in {args.data}, skipped")
            continue
        figures[name] = conversation(folder, repeat)
    if not args.quick:
        sparse_study()
        votes = synthetic(5000, 120)
        with threadpool_limits(1):
            _, seconds = timed(lambda: opinion_map(votes), 1)
        print(f"\nsynthetic: {len(votes)} votes by 5000 voters on 120 statements: {seconds:.2f} s")
    print("\n== summary (targets: ARI >= 0.8 each, identical runs, < 5 s)")
    for name, f in figures.items():
        replays = ", ".join(f"{w:.0f} s {a:.3f}" for w, a in f["replays"].items())
        print(
            f"{name:22s} ARI {f['ari']:.3f} (plain projection {f['plain']:.3f}; replay {replays})"
            f"  {f['seconds']:.3f} s  identical: {'yes' if f['identical'] else 'NO'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
