"""`coachbridge seating`: a World Café seating plan as JSON (DESIGN.md, "Engine commands").

    coachbridge seating --input plan.json [--time-limit SEC] [--seed K]
    coachbridge seating --people N --tables T --size S --rounds R [--time-limit SEC] [--seed K]

The input format is described in docs/algorithms/seating.md. Command-line options win over
`time_limit_s` and `seed` in the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from coachbridge.engine.commands import CommandParser, InputError
from coachbridge.engine.seating import (
    Constraints,
    FixedSeat,
    Participant,
    SeatingInputError,
    SeatingPlan,
    SeatingProblem,
    Table,
    solve,
)

DEFAULT_TIME_LIMIT_S = 10.0


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    if args.input is not None:
        source = args.input
        problem, settings = parse_input(_read_json(source), source)
    else:
        source = "arguments"
        problem, settings = _generated(args), {}
    time_limit = _pick(args.time_limit, settings.get("time_limit_s"), DEFAULT_TIME_LIMIT_S)
    seed = int(_pick(args.seed, settings.get("seed"), 0))
    try:
        result = solve(problem, time_limit_s=time_limit, seed=seed)
    except SeatingInputError as error:
        raise InputError(f"{source}: {error}") from error
    output = {
        "plan": result.plan.as_json(),
        "metrics": result.metrics.as_dict(),
        "seconds": round(result.seconds, 3),
        "search": {"iterations": result.iterations, "stopped": result.stopped, "seed": seed},
    }
    json.dump(output, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = CommandParser(prog="coachbridge seating", description=__doc__)
    parser.add_argument("--input", help="problem as JSON")
    parser.add_argument("--people", type=int)
    parser.add_argument("--tables", type=int)
    parser.add_argument("--size", type=int)
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--time-limit", type=float, dest="time_limit")
    parser.add_argument("--seed", type=int)
    args = parser.parse_args(argv)
    generated = [args.people, args.tables, args.size, args.rounds]
    if args.input is None and None in generated:
        parser.error("give --input FILE, or all of --people, --tables, --size and --rounds")
    if args.input is not None and any(value is not None for value in generated):
        parser.error("--input cannot be combined with --people/--tables/--size/--rounds")
    if args.time_limit is not None and args.time_limit < 0:
        parser.error("--time-limit must not be negative")
    return args


def _pick(first: float | None, second: object, default: float) -> float:
    if first is not None:
        return first
    return float(second) if isinstance(second, int | float) else default


def _generated(args: argparse.Namespace) -> SeatingProblem:
    for name in ("people", "tables", "size", "rounds"):
        if getattr(args, name) < 1:
            raise InputError(f"arguments: --{name} must be at least 1")
    width = len(str(args.people))
    return SeatingProblem(
        rounds=args.rounds,
        tables=tuple(Table(f"T{t}", args.size) for t in range(1, args.tables + 1)),
        participants=tuple(Participant(f"p{i:0{width}d}") for i in range(1, args.people + 1)),
    )


def _read_json(path: str) -> object:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from error
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno}: invalid JSON: {error.msg}") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text") from error


def parse_input(data: object, source: str) -> tuple[SeatingProblem, dict[str, float]]:
    """The problem and the search settings (`time_limit_s`, `seed`) of an input document."""
    reader = _Reader(source)
    document = reader.mapping(data, "input")
    settings: dict[str, float] = {
        key: reader.number(document[key], key)
        for key in ("time_limit_s", "seed")
        if key in document
    }
    problem = SeatingProblem(
        rounds=reader.integer(reader.required(document, "rounds", "input"), "rounds"),
        tables=tuple(
            reader.table(item, f"tables[{i}]")
            for i, item in enumerate(
                reader.items(reader.required(document, "tables", "input"), "tables")
            )
        ),
        participants=tuple(
            reader.participant(item, f"participants[{i}]")
            for i, item in enumerate(
                reader.items(reader.required(document, "participants", "input"), "participants")
            )
        ),
        constraints=reader.constraints(document.get("constraints", {})),
        fixed=tuple(
            reader.fixed(item, f"fixed[{i}]")
            for i, item in enumerate(reader.items(document.get("fixed", []), "fixed"))
        ),
        previous=reader.previous(document["previous"]) if "previous" in document else None,
    )
    return problem, settings


class _Reader:
    """Type checks of the JSON document; every error names the source and the field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, message: str) -> NoReturn:
        raise InputError(f"{self.source}: {field}: {message}")

    def mapping(self, value: object, field: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(field, "must be an object")
        return value

    def items(self, value: object, field: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(field, "must be a list")
        return value

    def required(self, document: dict[str, Any], key: str, field: str) -> Any:
        if key not in document:
            self.fail(field if field != "input" else key, "missing")
        return document[key]

    def integer(self, value: object, field: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, f"must be a whole number, got {value!r}")
        return value

    def number(self, value: object, field: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            self.fail(field, f"must be a number of at least 0, got {value!r}")
        return float(value)

    def text(self, value: object, field: str) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
            self.fail(field, f"must be a non-empty text, got {value!r}")
        return str(value)

    def optional_text(self, item: dict[str, Any], key: str, field: str) -> str | None:
        value = item.get(key)
        return None if value is None else self.text(value, f"{field}.{key}")

    def table(self, value: object, field: str) -> Table:
        item = self.mapping(value, field)
        return Table(
            id=self.text(self.required(item, "id", f"{field}.id"), f"{field}.id"),
            capacity=self.integer(
                self.required(item, "capacity", f"{field}.capacity"), f"{field}.capacity"
            ),
            theme=self.optional_text(item, "theme", field),
            host=self.optional_text(item, "host", field),
        )

    def participant(self, value: object, field: str) -> Participant:
        item = self.mapping(value, field)
        until = item.get("present_until_round")
        return Participant(
            id=self.text(self.required(item, "id", f"{field}.id"), f"{field}.id"),
            group=self.optional_text(item, "group", field),
            present_from_round=self.integer(
                item.get("present_from_round", 1), f"{field}.present_from_round"
            ),
            present_until_round=(
                None if until is None else self.integer(until, f"{field}.present_until_round")
            ),
        )

    def groups(self, value: object, field: str) -> tuple[tuple[str, ...], ...]:
        return tuple(
            tuple(
                self.text(pid, f"{field}[{i}][{j}]")
                for j, pid in enumerate(self.items(g, f"{field}[{i}]"))
            )
            for i, g in enumerate(self.items(value, field))
        )

    def constraints(self, value: object) -> Constraints:
        item = self.mapping(value, "constraints")
        once = item.get("visit_each_theme_once", False)
        if not isinstance(once, bool):
            self.fail("constraints.visit_each_theme_once", "must be true or false")
        return Constraints(
            visit_each_theme_once=once,
            keep_apart=self.groups(item.get("keep_apart", []), "constraints.keep_apart"),
            keep_together=self.groups(item.get("keep_together", []), "constraints.keep_together"),
        )

    def fixed(self, value: object, field: str) -> FixedSeat:
        item = self.mapping(value, field)
        return FixedSeat(
            participant=self.text(
                self.required(item, "participant", f"{field}.participant"), f"{field}.participant"
            ),
            round=self.integer(self.required(item, "round", f"{field}.round"), f"{field}.round"),
            table=self.text(self.required(item, "table", f"{field}.table"), f"{field}.table"),
        )

    def previous(self, value: object) -> SeatingPlan:
        if isinstance(value, dict) and "plan" in value:
            value = value["plan"]
        rounds = []
        for i, entry in enumerate(self.items(value, "previous")):
            field = f"previous[{i}]"
            tables = self.mapping(
                self.required(self.mapping(entry, field), "tables", field), f"{field}.tables"
            )
            rounds.append(
                {
                    str(table): [
                        self.text(pid, f"{field}.tables.{table}")
                        for pid in self.items(people, f"{field}.tables.{table}")
                    ]
                    for table, people in tables.items()
                }
            )
        return SeatingPlan.from_tables(rounds)
