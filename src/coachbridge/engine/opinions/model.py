"""Data of the opinions engine: votes in, an opinion map out (plain frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

AGREE = 1
DISAGREE = -1
PASS = 0

Direction = Literal["agree", "disagree"]


@dataclass(frozen=True)
class Vote:
    """One vote: 1 agree, -1 disagree, 0 pass (the Pol.is open-data convention).

    ``time`` (seconds, any origin) is only used by the replay of Pol.is's updates
    (``opinion_map(..., replay_window=...)``); it takes no part in comparisons.
    """

    voter: str
    statement: str
    value: int
    time: float = field(default=0.0, compare=False)


@dataclass(frozen=True)
class Representative:
    """A statement that sets a group apart: the group agrees (or disagrees) more than the rest."""

    statement: str
    direction: Direction
    share_in_group: float  # smoothed share of the group's voters on this statement who voted so
    share_outside: float  # the same share among everybody outside the group
    score: float  # Pol.is "repness": ratio x its z-score x share x its z-score


@dataclass(frozen=True)
class Group:
    id: int
    members: tuple[str, ...]
    representative: tuple[Representative, ...]


@dataclass(frozen=True)
class Consensus:
    """A statement every group agrees (or disagrees) with."""

    statement: str
    direction: Direction
    agree_by_group: tuple[float, ...]  # smoothed share of agreement per group, in group order
    disagree_by_group: tuple[float, ...] = ()
    score: float = 0.0  # group-informed consensus: product over groups of the smoothed share


@dataclass(frozen=True)
class OpinionMap:
    groups: tuple[Group, ...]
    consensus: tuple[Consensus, ...]
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    left_out: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()  # the statements that took part (moderated-out ones not)

    def group_of(self, voter: str) -> int | None:
        for group in self.groups:
            if voter in group.members:
                return group.id
        return None

    def as_dict(self) -> dict[str, Any]:
        """The `coachbridge opinions` JSON: the DESIGN.md contract plus details."""
        return {
            "groups": [
                {
                    "id": g.id,
                    "members": list(g.members),
                    "representative": [r.statement for r in g.representative],
                    "representative_details": [
                        {
                            "statement": r.statement,
                            "direction": r.direction,
                            "share_in_group": round(r.share_in_group, 4),
                            "share_outside": round(r.share_outside, 4),
                            "score": round(r.score, 4),
                        }
                        for r in g.representative
                    ],
                }
                for g in self.groups
            ],
            "consensus": [c.statement for c in self.consensus],
            "consensus_details": [
                {
                    "statement": c.statement,
                    "direction": c.direction,
                    "agree_by_group": [round(a, 4) for a in c.agree_by_group],
                    "disagree_by_group": [round(d, 4) for d in c.disagree_by_group],
                    "score": round(c.score, 4),
                }
                for c in self.consensus
            ],
            "positions": {v: [round(x, 4), round(y, 4)] for v, (x, y) in self.positions.items()},
            "left_out": list(self.left_out),
        }
