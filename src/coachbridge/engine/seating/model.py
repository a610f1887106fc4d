"""The data a seating plan is made from and made of: frozen dataclasses, no logic beyond lookups."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


class SeatingInputError(ValueError):
    """The problem cannot be planned; the message names the field and the conflict."""


@dataclass(frozen=True)
class Participant:
    id: str
    group: str | None = None
    present_from_round: int = 1
    # None means "until the last round"; a no-show after round 1 has present_until_round=1.
    present_until_round: int | None = None

    def present_in(self, round_no: int, rounds: int) -> bool:
        last = rounds if self.present_until_round is None else self.present_until_round
        return self.present_from_round <= round_no <= last


@dataclass(frozen=True)
class Table:
    id: str
    capacity: int
    theme: str | None = None
    host: str | None = None


@dataclass(frozen=True)
class FixedSeat:
    participant: str
    round: int
    table: str


@dataclass(frozen=True)
class Constraints:
    visit_each_theme_once: bool = False
    keep_apart: tuple[tuple[str, ...], ...] = ()
    keep_together: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class TableSeating:
    table: str
    participants: tuple[str, ...]


@dataclass(frozen=True)
class RoundSeating:
    round: int
    tables: tuple[TableSeating, ...]

    def as_dict(self) -> dict[str, list[str]]:
        return {seating.table: list(seating.participants) for seating in self.tables}


@dataclass(frozen=True)
class SeatingPlan:
    rounds: tuple[RoundSeating, ...]

    def seats(self) -> Iterator[tuple[int, str, str]]:
        """Every (round, table, participant) of the plan."""
        for round_seating in self.rounds:
            for table_seating in round_seating.tables:
                for participant in table_seating.participants:
                    yield round_seating.round, table_seating.table, participant

    def table_of(self) -> dict[tuple[int, str], str]:
        """(round, participant) -> table; a participant seated twice keeps the first seat."""
        seats: dict[tuple[int, str], str] = {}
        for round_no, table, participant in self.seats():
            seats.setdefault((round_no, participant), table)
        return seats

    def as_json(self) -> list[dict[str, object]]:
        return [{"round": r.round, "tables": r.as_dict()} for r in self.rounds]

    @classmethod
    def from_tables(cls, rounds: list[dict[str, list[str]]]) -> SeatingPlan:
        """Build a plan from one {table id: [participant ids]} mapping per round, round 1 first."""
        return cls(
            tuple(
                RoundSeating(
                    number,
                    tuple(TableSeating(table, tuple(people)) for table, people in tables.items()),
                )
                for number, tables in enumerate(rounds, start=1)
            )
        )


@dataclass(frozen=True)
class SeatingProblem:
    rounds: int
    tables: tuple[Table, ...]
    participants: tuple[Participant, ...]
    constraints: Constraints = field(default_factory=Constraints)
    fixed: tuple[FixedSeat, ...] = ()
    # The plan being re-planned: `moved` counts seats that differ from it.
    previous: SeatingPlan | None = None

    def hosts(self) -> dict[str, str]:
        """host participant id -> table id."""
        return {table.host: table.id for table in self.tables if table.host is not None}

    def present(self, participant: Participant, round_no: int) -> bool:
        return participant.present_in(round_no, self.rounds)
