"""Tests of coachbridge.engine.opinions and the `coachbridge opinions` command.

Vote matrices with planted opinion groups are generated here with a fixed seed; the engine must
find the groups back, leave out voters with too few votes, find the statements everybody agrees
on and give the same answer on every run and in any input order.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score

from coachbridge.engine.commands import InputError, run_engine_command
from coachbridge.engine.opinions import (
    OpinionMap,
    Vote,
    opinion_map,
    read_polis_comments,
    read_polis_votes,
)

pytestmark = pytest.mark.unit

POLIS = Path(__file__).resolve().parents[3] / "shared" / "data" / "polis"


def planted(
    n_groups: int = 3,
    per_group: int = 30,
    n_statements: int = 30,
    *,
    n_consensus: int = 4,
    vote_share: float = 0.8,
    loyalty: float = 0.9,
    seed: int = 1,
    two_axes: bool = False,
) -> tuple[list[Vote], dict[str, int], dict[str, str]]:
    """Votes of ``n_groups`` planted groups; statements c0.. are agreed on by every group.

    Each group has its own agree/disagree stance on the other statements; a voter sees each
    statement with probability ``vote_share`` and votes with the group with probability
    ``loyalty``, else passes or votes against. With ``two_axes`` (4 groups) the statements
    split into two themes and the groups are the four combinations of pro/contra on each
    theme. Returns (votes, planted group per voter, the planted consensus: statement ->
    "agree"/"disagree" for each statement on which all groups take the same side).
    """
    rng = random.Random(seed)
    statements = [f"c{j}" for j in range(n_consensus)] + [
        f"s{j}" for j in range(n_statements - n_consensus)
    ]
    stances = [
        {s: (1 if s.startswith("c") else rng.choice((-1, 1))) for s in statements}
        for _ in range(n_groups)
    ]
    if two_axes:
        signs = {s: rng.choice((-1, 1)) for s in statements}
        corners = [(1, 1), (1, -1), (-1, 1), (-1, -1)]
        stances = [
            {s: 1 if s.startswith("c") else signs[s] * corner[int(s[1:]) % 2] for s in statements}
            for corner in corners
        ]
    votes: list[Vote] = []
    truth: dict[str, int] = {}
    for g in range(n_groups):
        for i in range(per_group):
            voter = f"g{g}v{i}"
            truth[voter] = g
            for s in statements:
                if rng.random() > vote_share:
                    continue
                r = rng.random()
                value = (
                    stances[g][s]
                    if r < loyalty
                    else (0 if r < (1 + loyalty) / 2 else -stances[g][s])
                )
                votes.append(Vote(voter, s, value))
    common = {
        s: "agree" if stances[0][s] > 0 else "disagree"
        for s in statements
        if len({stance[s] for stance in stances}) == 1
    }
    return votes, truth, common


def ari(result: OpinionMap, truth: dict[str, int]) -> float:
    placed = {v: g.id for g in result.groups for v in g.members}
    common = sorted(set(placed) & set(truth))
    return float(adjusted_rand_score([truth[v] for v in common], [placed[v] for v in common]))


@pytest.mark.parametrize(("n_groups", "seed"), [(2, 2), (3, 3), (3, 5), (3, 6)])
def test_recovers_planted_groups(n_groups: int, seed: int) -> None:
    votes, truth, _ = planted(n_groups=n_groups, seed=seed)
    result = opinion_map(votes)
    assert len(result.groups) == n_groups
    assert ari(result, truth) > 0.9
    assert sorted(v for g in result.groups for v in g.members) == sorted(truth)
    assert set(result.positions) == set(truth)


@pytest.mark.parametrize("seed", [1, 2])
def test_recovers_four_groups_on_two_themes(seed: int) -> None:
    votes, truth, _ = planted(n_groups=4, two_axes=True, seed=seed)
    result = opinion_map(votes)
    assert len(result.groups) == 4
    assert ari(result, truth) > 0.9


def test_people_who_voted_on_few_statements_are_still_placed_with_their_group() -> None:
    # Half of the voters saw only 12-30 % of the 60 statements.
    dense, truth, _ = planted(n_groups=3, per_group=40, n_statements=60, seed=101, loyalty=0.8)
    rng = random.Random(1)
    sparse = {v for v in truth if rng.random() < 0.5}
    keep = {v: rng.uniform(0.12, 0.3) for v in sorted(sparse)}
    votes = [v for v in dense if v.voter not in sparse or rng.random() < keep[v.voter]]
    counts = Counter(v.voter for v in votes)
    assert max(counts[v] for v in sparse) <= 25
    only_sparse = {v: truth[v] for v in sparse}
    result = opinion_map(votes)
    assert len(result.groups) == 3
    assert ari(result, truth) > 0.9
    assert ari(result, only_sparse) > 0.8
    # Without the sparsity scaling they sit near the centre and are grouped by how little they
    # voted, not by what they think.
    plain = opinion_map(votes, sparsity_scaling=False)
    assert ari(plain, only_sparse) < 0.5


def test_voters_with_too_few_votes_are_left_out() -> None:
    votes, _, _ = planted(n_groups=2, seed=11)
    votes += [Vote("few", f"s{j}", 1) for j in range(6)]
    votes += [Vote("seven", f"s{j}", -1) for j in range(7)]
    result = opinion_map(votes)
    assert result.left_out == ("few",)
    assert result.group_of("few") is None
    assert "few" not in result.positions
    assert result.group_of("seven") is not None
    assert "few" not in json.dumps(result.as_dict()["groups"])
    stricter = opinion_map(votes, min_votes=8)
    assert set(stricter.left_out) == {"few", "seven"}


def test_with_fewer_statements_than_min_votes_all_are_needed() -> None:
    votes = [Vote(f"p{i}", s, 1 if (i < 5) == (s != "c") else -1) for i in range(10) for s in "abc"]
    votes = [v for v in votes if not (v.voter == "p0" and v.statement == "c")]
    result = opinion_map(votes)
    assert result.left_out == ("p0",)
    assert len(result.groups) == 2
    assert {frozenset(g.members) for g in result.groups} == {
        frozenset({"p1", "p2", "p3", "p4"}),
        frozenset({"p5", "p6", "p7", "p8", "p9"}),
    }


def test_consensus_is_what_every_group_agrees_on() -> None:
    votes, _, common = planted(n_groups=3, n_consensus=4, seed=5)
    assert {f"c{j}" for j in range(4)} <= set(common)
    assert set(common) != {v.statement for v in votes}  # some statements divide the groups
    result = opinion_map(votes)
    assert len(result.groups) == 3
    assert {c.statement: c.direction for c in result.consensus} == common
    for found in result.consensus:
        shares = found.agree_by_group if found.direction == "agree" else found.disagree_by_group
        assert len(shares) == 3
        assert min(shares) >= 0.6
    scores = [c.score for c in result.consensus]
    assert scores == sorted(scores, reverse=True)


def test_representative_statements_set_the_group_apart() -> None:
    votes, _, common = planted(n_groups=2, seed=9)
    result = opinion_map(votes)
    for group in result.groups:
        assert group.representative, f"group {group.id} has no representative statement"
        members = set(group.members)
        for rep in group.representative:
            assert rep.statement not in common
            assert rep.share_in_group > rep.share_outside
            mine = [v.value for v in votes if v.voter in members and v.statement == rep.statement]
            expected = 1 if rep.direction == "agree" else -1
            assert mine.count(expected) > len(mine) / 2
        directions = [r.direction for r in group.representative]
        assert directions == sorted(directions)  # agree before disagree


def test_same_votes_same_map_in_any_order() -> None:
    votes, _, _ = planted(n_groups=3, seed=13)
    first = opinion_map(votes).as_dict()
    shuffled = list(votes)
    random.Random(0).shuffle(shuffled)
    assert opinion_map(shuffled).as_dict() == first
    assert opinion_map(votes).as_dict() == first


def test_last_vote_of_a_voter_on_a_statement_counts() -> None:
    votes, _, _ = planted(n_groups=2, seed=17)
    changed = [Vote(v.voter, v.statement, -v.value or 1) for v in votes] + votes
    assert opinion_map(changed).as_dict() == opinion_map(votes).as_dict()


def test_excluded_statements_are_ignored() -> None:
    votes, _, _ = planted(n_groups=2, seed=19)
    result = opinion_map(votes, exclude_statements={"c0", "s1"})
    assert "c0" not in result.statements and "s1" not in result.statements
    assert all(c.statement not in {"c0", "s1"} for c in result.consensus)


def test_edge_cases() -> None:
    empty = opinion_map([])
    assert empty.groups == () and empty.consensus == () and empty.left_out == ()
    same = opinion_map([Vote(f"p{i}", f"s{j}", 1) for i in range(5) for j in range(8)])
    assert len(same.groups) == 1
    assert [c.statement for c in same.consensus] == [f"s{j}" for j in range(8)]
    votes, _, _ = planted(n_groups=3, seed=23)
    assert len(opinion_map(votes, max_groups=1).groups) == 1
    with pytest.raises(ValueError):
        opinion_map([Vote("p", "s", 2)])


# --- reading the Pol.is layout ---

HEADER = "timestamp,datetime,comment-id,voter-id,vote\n"


def test_read_polis_votes_takes_the_latest_vote() -> None:
    text = HEADER + "200,x,1,7,-1\n100,x,1,7,1\n150,x,2,7,0\n"
    assert read_polis_votes(text) == [Vote("7", "1", -1), Vote("7", "2", 0)]
    minimal = "comment-id,voter-id,vote\n1,7,1\n1,7,-1\n"
    assert read_polis_votes(minimal) == [Vote("7", "1", -1)]


def test_read_polis_votes_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "votes.csv"
    path.write_text(HEADER + "1,x,3,4,1\n", encoding="utf-8")
    assert read_polis_votes(path) == [Vote("4", "3", 1)]
    assert read_polis_votes(str(path)) == [Vote("4", "3", 1)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("voter-id,vote\n1,1\n", "<votes>:1: field 'comment-id': missing column"),
        (HEADER + "1,x,3,4,1\n2,x,3,5,yes\n", "<votes>:3: field 'vote': must be 1"),
        (HEADER + "1,x,3,4,2\n", "<votes>:2: field 'vote'"),
        (HEADER + "1,x,,4,1\n", "<votes>:2: field 'comment-id': required"),
        (HEADER + "1,x,3,,1\n", "<votes>:2: field 'voter-id': required"),
        (HEADER + "soon,x,3,4,1\n", "<votes>:2: field 'timestamp': must be a number"),
        (HEADER + "1,x,3,4\n", "<votes>:2: expected 5 fields, found 4"),
    ],
)
def test_read_polis_votes_names_line_and_field(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        read_polis_votes(text)
    assert str(error.value).startswith(message)


# --- the command ---


def write_votes(path: Path, votes: list[Vote]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["timestamp", "datetime", "comment-id", "voter-id", "vote"])
        for n, v in enumerate(votes):
            writer.writerow([n, "", v.statement, v.voter, v.value])


def test_command_prints_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    votes, truth, common = planted(n_groups=2, seed=29)
    votes += [Vote("late", "s1", 1)]
    path = tmp_path / "votes.csv"
    write_votes(path, votes)
    comments = tmp_path / "comments.csv"
    comments.write_text(
        "comment-id,moderated,comment-body\nc0,-1,Hidden\nc1,1,Shown\n", encoding="utf-8"
    )
    code = run_engine_command("opinions", ["--votes", str(path), "--comments", str(comments)])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [g["id"] for g in out["groups"]] == [0, 1]
    assert sorted(m for g in out["groups"] for m in g["members"]) == sorted(truth)
    assert all(isinstance(r, str) for g in out["groups"] for r in g["representative"])
    assert set(out["consensus"]) == set(common) - {"c0"}
    assert out["left_out"] == ["late"]
    assert out["statements"] == {"c0": "Hidden", "c1": "Shown"}


def test_command_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    votes, truth, _ = planted(n_groups=2, seed=31)
    text = "comment-id,voter-id,vote\n" + "".join(
        f"{v.statement},{v.voter},{v.value}\n" for v in votes
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert run_engine_command("opinions", ["--votes", "-", "--max-groups", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert sorted(m for g in out["groups"] for m in g["members"]) == sorted(truth)
    assert out == opinion_map(votes, max_groups=3).as_dict()


def test_read_polis_comments() -> None:
    text = 'comment-id,moderated,agrees,comment-body\n1,1,4,"Yes, this"\n2,-1,,No\n'
    first, second = read_polis_comments(text)
    assert (first.id, first.text, first.moderated, first.agrees) == ("1", "Yes, this", 1, 4)
    assert (second.id, second.moderated, second.agrees) == ("2", -1, 0)
    with pytest.raises(
        InputError, match=r"<comments>:3: field 'comment-id': '1' already on line 2"
    ):
        read_polis_comments("comment-id\n1\n1\n")


def test_command_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "votes.csv"
    path.write_text(HEADER + "1,x,3,4,1\n2,x,3,5,7\n", encoding="utf-8")
    assert run_engine_command("opinions", ["--votes", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"coachbridge opinions: {path}:3: field 'vote': must be 1 (agree), -1 (disagree) "
        "or 0 (pass), not '7'"
    )
    missing = tmp_path / "nope.csv"
    assert run_engine_command("opinions", ["--votes", str(missing)]) == 2
    assert "cannot read" in capsys.readouterr().err
    comments = tmp_path / "comments.csv"
    comments.write_text("comment-id,moderated\n3,maybe\n", encoding="utf-8")
    path.write_text(HEADER + "1,x,3,4,1\n", encoding="utf-8")
    assert run_engine_command("opinions", ["--votes", str(path), "--comments", str(comments)]) == 2
    assert f"{comments}:2: field 'moderated'" in capsys.readouterr().err


# --- a real Pol.is conversation (CC BY 4.0, see bench/data/polis/ATTRIBUTION.md) ---


@pytest.mark.skipif(not (POLIS / "brexit-consensus").is_dir(), reason="Pol.is data not present")
def test_real_polis_conversation_matches_polis_groups() -> None:
    folder = POLIS / "brexit-consensus"
    with (folder / "participants-votes.csv").open(encoding="utf-8") as handle:
        polis = {
            r["participant"]: int(r["group-id"]) for r in csv.DictReader(handle) if r["group-id"]
        }
    votes = read_polis_votes(folder / "votes.csv")
    result = opinion_map(votes)
    assert opinion_map(votes).as_dict() == result.as_dict()
    assert len(result.groups) == len(set(polis.values()))
    assert ari(result, polis) >= 0.8
    assert all(len({v.statement for v in votes if v.voter == p}) < 7 for p in result.left_out)
