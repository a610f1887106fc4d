"""Opinion groups from the agenda's votes (the opinions engine), in plain words and a picture,
and the split between coaches and researchers per statement."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from coachbridge.agenda.enums import COACH, RESEARCHER
from coachbridge.agenda.models import Statement, Vote
from coachbridge.engine.opinions import OpinionMap, opinion_map
from coachbridge.engine.opinions import Vote as EngineVote

MIN_VOTES = 5  # statements a person must have voted on to be placed in a group
SVG_WIDTH = 400
SVG_HEIGHT = 300
SVG_PAD = 20
GROUP_CLASSES = 5  # opinion-group-1 .. opinion-group-5 in agenda.css


@dataclass
class Side:
    statement: Statement
    text: str
    direction: str
    share_in_group: int  # percent
    share_outside: int


@dataclass
class GroupView:
    number: int
    size: int
    coaches: int
    researchers: int
    sides: list[Side]
    css: str


@dataclass
class ConsensusView:
    statement: Statement
    direction: str
    lowest: int  # percent agreeing (or disagreeing) in the group that does so least


@dataclass
class Dot:
    x: float
    y: float
    css: str
    is_you: bool


@dataclass
class SplitRow:
    statement: Statement
    coaches: int | None  # percent agree among coaches who voted; None when nobody voted
    coach_votes: int
    researchers: int | None
    researcher_votes: int

    @property
    def gap(self) -> int:
        if self.coaches is None or self.researchers is None:
            return 0
        return abs(self.coaches - self.researchers)


@dataclass
class OpinionView:
    voters: int
    placed: int
    left_out: int
    groups: list[GroupView] = field(default_factory=list)
    consensus: list[ConsensusView] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    your_group: int | None = None
    width: int = SVG_WIDTH
    height: int = SVG_HEIGHT


def _engine_votes(statements: dict[int, Statement]) -> list[EngineVote]:
    return [
        EngineVote(voter=str(voter), statement=str(statement), value=value)
        for voter, statement, value in Vote.objects.filter(statement_id__in=statements)
        .order_by("pk")
        .values_list("voter_id", "statement_id", "value")
    ]


def _roles_of_voters(voter_ids: list[int]) -> dict[int, set[str]]:
    from coachbridge.accounts.models import Profile  # noqa: PLC0415 -- the accounts side

    roles: dict[int, set[str]] = defaultdict(set)
    for user_id, code in Profile.objects.filter(user_id__in=voter_ids).values_list(
        "user_id", "roles__code"
    ):
        if code:
            roles[user_id].add(code)
    return roles


def compute_map(*, min_votes: int = MIN_VOTES) -> tuple[OpinionMap, dict[int, Statement]]:
    statements = {s.pk: s for s in Statement.objects.active().select_related("question")}
    return opinion_map(_engine_votes(statements), min_votes=min_votes), statements


def _scale(positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    if not positions:
        return {}
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    inner_w, inner_h = SVG_WIDTH - 2 * SVG_PAD, SVG_HEIGHT - 2 * SVG_PAD
    return {
        voter: (
            round(SVG_PAD + (x - min(xs)) / span_x * inner_w, 1),
            round(SVG_PAD + (y - min(ys)) / span_y * inner_h, 1),
        )
        for voter, (x, y) in positions.items()
    }


def opinion_view(user: Any) -> OpinionView:
    """Everything the opinions page shows, for `user` (to mark where they are)."""
    result, statements = compute_map()
    voters = {int(v) for group in result.groups for v in group.members} | {
        int(v) for v in result.left_out
    }
    roles = _roles_of_voters(sorted(voters))
    me = str(getattr(user, "pk", ""))
    view = OpinionView(
        voters=len(voters),
        placed=len(result.positions),
        left_out=len(result.left_out),
        your_group=(result.group_of(me) + 1) if result.group_of(me) is not None else None,
    )
    for group in result.groups:
        members = [int(v) for v in group.members]
        view.groups.append(
            GroupView(
                number=group.id + 1,
                size=len(members),
                coaches=sum(1 for m in members if COACH in roles[m]),
                researchers=sum(1 for m in members if RESEARCHER in roles[m]),
                sides=[
                    Side(
                        statement=statements[int(r.statement)],
                        text=statements[int(r.statement)].text,
                        direction=r.direction,
                        share_in_group=round(100 * r.share_in_group),
                        share_outside=round(100 * r.share_outside),
                    )
                    for r in group.representative[:3]
                ],
                css=f"opinion-group-{group.id % GROUP_CLASSES + 1}",
            )
        )
    for item in result.consensus:
        shares = item.agree_by_group if item.direction == "agree" else item.disagree_by_group
        view.consensus.append(
            ConsensusView(
                statement=statements[int(item.statement)],
                direction=item.direction,
                lowest=round(100 * min(shares)) if shares else 0,
            )
        )
    scaled = _scale(result.positions)
    for voter, (x, y) in sorted(scaled.items()):
        group_id = result.group_of(voter)
        view.dots.append(
            Dot(
                x=x,
                y=y,
                css=f"opinion-group-{(group_id or 0) % GROUP_CLASSES + 1}",
                is_you=voter == me,
            )
        )
    return view


def role_split(*, limit: int | None = None) -> list[SplitRow]:
    """Per statement: the share that agrees among coaches and among researchers who voted.

    A member with both roles counts on both sides. Largest gap first.
    """
    statements = {s.pk: s for s in Statement.objects.active().select_related("question")}
    votes = list(
        Vote.objects.filter(statement_id__in=statements).values_list(
            "statement_id", "voter_id", "value"
        )
    )
    roles = _roles_of_voters(sorted({voter for _, voter, _ in votes}))
    counts: dict[int, dict[str, list[int]]] = defaultdict(
        lambda: {COACH: [0, 0], RESEARCHER: [0, 0]}
    )
    for statement_id, voter_id, value in votes:
        for side in (COACH, RESEARCHER):
            if side in roles[voter_id]:
                counts[statement_id][side][0] += 1
                counts[statement_id][side][1] += value == 1
    rows = []
    for pk, statement in statements.items():
        coach_total, coach_agree = counts[pk][COACH]
        res_total, res_agree = counts[pk][RESEARCHER]
        rows.append(
            SplitRow(
                statement=statement,
                coaches=round(100 * coach_agree / coach_total) if coach_total else None,
                coach_votes=coach_total,
                researchers=round(100 * res_agree / res_total) if res_total else None,
                researcher_votes=res_total,
            )
        )
    rows.sort(key=lambda row: (-row.gap, row.statement.pk))
    return rows[:limit] if limit else rows
