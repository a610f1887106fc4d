"""The replay of Pol.is's incremental updates (`opinion_map(..., replay_window=...)`).

Pol.is recomputes its groups at every batch of new votes, starting each k-means from the
previous clusters and never removing anybody from the voters it places (`in-conv`). These
tests check that the replay does what conversation.clj does with history: early voters stay
placed, the top-up to 15 voters, votes on moderated-out statements counting for placement, and
that it is deterministic and still finds planted groups.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score

from coachbridge.engine.commands import run_engine_command
from coachbridge.engine.opinions import OpinionMap, Vote, opinion_map, read_polis_votes

pytestmark = pytest.mark.unit


def arriving_groups(
    seed: int, n_groups: int = 2, per_group: int = 25
) -> tuple[list[Vote], dict[str, int]]:
    """Planted groups on 20 statements; voters arrive one every 10 minutes, in mixed order."""
    rng = random.Random(seed)
    statements = [f"s{j}" for j in range(20)]
    stances = [{s: rng.choice((-1, 1)) for s in statements} for _ in range(n_groups)]
    people = [(g, i) for g in range(n_groups) for i in range(per_group)]
    rng.shuffle(people)
    votes: list[Vote] = []
    truth: dict[str, int] = {}
    for n, (g, i) in enumerate(people):
        voter = f"g{g}v{i}"
        truth[voter] = g
        for k, s in enumerate(statements):
            if rng.random() < 0.8:
                value = stances[g][s] if rng.random() < 0.9 else 0
                votes.append(Vote(voter, s, value, time=600.0 * n + k))
    return votes, truth


def ari(result: OpinionMap, truth: dict[str, int]) -> float:
    placed = {v: g.id for g in result.groups for v in g.members}
    common = sorted(set(placed) & set(truth))
    return float(adjusted_rand_score([truth[v] for v in common], [placed[v] for v in common]))


@pytest.mark.parametrize("seed", [1, 2])
def test_replay_finds_planted_groups_and_is_deterministic(seed: int) -> None:
    votes, truth = arriving_groups(seed)
    result = opinion_map(votes, replay_window=60)
    assert len(result.groups) == 2
    assert ari(result, truth) > 0.9
    shuffled = list(votes)
    random.Random(0).shuffle(shuffled)
    assert opinion_map(shuffled, replay_window=60).as_dict() == result.as_dict()
    assert opinion_map(votes, replay_window=60).as_dict() == result.as_dict()


def test_early_voters_stay_placed_as_in_polis() -> None:
    # While only 3 statements exist, voting on all 3 is enough to be placed (min(7, statements));
    # Pol.is never removes anybody, so they stay placed after 10 more statements arrive.
    early = [
        Vote(f"e{i}", f"s{j}", 1 if i % 2 else -1, time=i * 100.0 + j)
        for i in range(20)
        for j in range(3)
    ]
    later = [
        Vote(f"l{i}", f"s{j}", 1 if (i + j) % 2 else -1, time=10_000.0 + i * 100 + j)
        for i in range(30)
        for j in range(13)
    ]
    replayed = opinion_map(early + later, replay_window=60)
    once = opinion_map(early + later)
    early_voters = {f"e{i}" for i in range(20)}
    assert early_voters <= set(once.left_out)
    assert not early_voters & set(replayed.left_out)
    assert early_voters <= {m for g in replayed.groups for m in g.members}


def test_fewer_than_fifteen_placed_are_topped_up_with_the_most_active() -> None:
    # 20 voters on 6 statements, 1-6 votes each: Pol.is places everybody who voted on all 6
    # (3 voters), then tops that up to 15 with the most active voters.
    votes = [
        Vote(f"p{i}", f"s{j}", 1 if (i * j) % 3 else -1, time=float(i))
        for i in range(20)
        for j in range(1 + i % 6)
    ]
    result = opinion_map(votes, replay_window=60)
    placed = {m for g in result.groups for m in g.members}
    counts = {f"p{i}": 1 + i % 6 for i in range(20)}
    assert len(placed) == 15
    assert min(counts[p] for p in placed) >= max(counts[p] for p in result.left_out)
    once = opinion_map(votes)  # computed once: only the rule, no top-up
    assert {m for g in once.groups for m in g.members} == {"p5", "p11", "p17"}


def test_votes_on_moderated_out_statements_count_for_being_placed() -> None:
    votes, _ = arriving_groups(3)
    newcomer = [Vote("new", f"s{j}", 1, time=1e6 + j) for j in range(6)]
    hidden = [Vote("new", "hidden", 1, time=1e6 + 10)]
    result = opinion_map(votes + newcomer + hidden, exclude_statements={"hidden"}, replay_window=60)
    assert "hidden" not in result.statements
    assert result.group_of("new") is not None
    without = opinion_map(votes + newcomer, exclude_statements={"hidden"}, replay_window=60)
    assert "new" in without.left_out


def test_replay_edge_cases() -> None:
    assert opinion_map([], replay_window=10).groups == ()
    assert [g.members for g in opinion_map([Vote("a", "s", 1)], replay_window=10).groups] == [
        ("a",)
    ]
    votes, truth = arriving_groups(5)
    assert [len(g.members) for g in opinion_map(votes, replay_window=60, max_groups=1).groups] == [
        len(truth)
    ]
    with pytest.raises(ValueError):
        opinion_map([Vote("p", "s", 1)], replay_window=-1)


def test_command_replays_every_vote_row_in_time_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    votes, truth = arriving_groups(4)
    path = tmp_path / "votes.csv"
    rows = ["timestamp,datetime,comment-id,voter-id,vote"]
    # In reverse time order, with milliseconds as in the Pol.is export.
    rows += [f"{int(v.time * 1000)},x,{v.statement},{v.voter},{v.value}" for v in reversed(votes)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert [v.time for v in read_polis_votes(path, history=True)][:2] == [
        votes[-1].time,
        votes[-2].time,
    ]
    assert run_engine_command("opinions", ["--votes", str(path), "--replay", "60"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == opinion_map(votes, replay_window=60).as_dict()
    assert sorted(m for g in out["groups"] for m in g["members"]) == sorted(truth)
    assert run_engine_command("opinions", ["--votes", str(path), "--replay", "-5"]) == 2
    assert "--replay must be at least 0" in capsys.readouterr().err
