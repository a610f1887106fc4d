"""Reading the Pol.is open-data export (`votes.csv`, `comments.csv`).

`votes.csv` has the columns `timestamp, datetime, comment-id, voter-id, vote`; `vote` is 1 for
agree, -1 for disagree and 0 for pass (checked against the `agrees`/`disagrees` counts in
`comments.csv` and the matrix in `participants-votes.csv`). A voter may change a vote: the latest
one (highest `timestamp`, else the later line) counts. Only `comment-id`, `voter-id` and `vote` are
required. Errors raise :class:`InputError` naming file, line and field.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from coachbridge.engine.commands import InputError
from coachbridge.engine.opinions.model import Vote

VOTE_COLUMNS = ("comment-id", "voter-id", "vote")
VOTE_VALUES = {"1": 1, "-1": -1, "0": 0, "1.0": 1, "-1.0": -1, "0.0": 0}


@dataclass(frozen=True)
class Statement:
    """A row of `comments.csv`: moderated is 1 accepted, 0 not yet moderated, -1 moderated out."""

    id: str
    text: str
    moderated: int = 0
    agrees: int = 0
    disagrees: int = 0


def _load(path_or_text: str | Path, label: str) -> tuple[str, str]:
    """(name for messages, text): a Path or an existing file name is read, other text is data."""
    if isinstance(path_or_text, Path) or (
        "\n" not in path_or_text and "," not in path_or_text and path_or_text != ""
    ):
        path = Path(path_or_text)
        try:
            return str(path), path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise InputError(f"{path}: cannot read: {error.strerror}") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
    return label, path_or_text


def _rows(name: str, text: str, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(
            f"{name}:1: empty file, expected a header with {', '.join(required)}"
        ) from None
    except csv.Error as error:
        raise InputError(f"{name}:1: not valid CSV ({error})") from None
    header = [column.strip() for column in header]
    missing = [column for column in required if column not in header]
    if missing:
        raise InputError(f"{name}:1: field '{missing[0]}': missing column in the header")
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in reader:
            line = reader.line_num
            if not values or all(not v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise InputError(
                    f"{name}:{line}: expected {len(header)} fields, found {len(values)}"
                )
            rows.append((line, dict(zip(header, values, strict=True))))
    except csv.Error as error:
        raise InputError(f"{name}:{reader.line_num}: not valid CSV ({error})") from None
    return rows


def read_polis_votes(path_or_text: str | Path, *, history: bool = False) -> list[Vote]:
    """The votes of a Pol.is `votes.csv` (a path, or the CSV text itself), latest vote counts.

    Result order: by voter, then statement, in order of first appearance in the file. Each
    vote's ``time`` is its `timestamp` in seconds (0 without one). With ``history`` every row is
    returned (changed votes too), in file order: what the replay of Pol.is's updates needs.
    """
    name, text = _load(path_or_text, "<votes>")
    latest: dict[tuple[str, str], tuple[float, int, int]] = {}
    every: list[Vote] = []
    for line, row in _rows(name, text, VOTE_COLUMNS):
        statement = row["comment-id"].strip()
        if not statement:
            raise InputError(f"{name}:{line}: field 'comment-id': required")
        voter = row["voter-id"].strip()
        if not voter:
            raise InputError(f"{name}:{line}: field 'voter-id': required")
        raw = row["vote"].strip()
        if raw not in VOTE_VALUES:
            raise InputError(
                f"{name}:{line}: field 'vote': must be 1 (agree), -1 (disagree) or 0 (pass), "
                f"not {raw!r}"
            )
        stamp = 0.0
        raw_stamp = row.get("timestamp", "").strip()
        if raw_stamp:
            try:
                stamp = float(raw_stamp)
            except ValueError:
                raise InputError(f"{name}:{line}: field 'timestamp': must be a number") from None
        if history:
            every.append(Vote(voter, statement, VOTE_VALUES[raw], stamp / 1000))
            continue
        key = (voter, statement)
        previous = latest.get(key)
        if previous is None or (stamp, line) >= previous[:2]:
            latest[key] = (stamp, line, VOTE_VALUES[raw])
    if history:
        return every
    return [
        Vote(voter, statement, value, stamp / 1000)
        for (voter, statement), (stamp, _, value) in latest.items()
    ]


def read_polis_comments(path_or_text: str | Path) -> list[Statement]:
    """The statements of a Pol.is `comments.csv` (`comment-id` required; text and moderation)."""
    name, text = _load(path_or_text, "<comments>")
    statements: list[Statement] = []
    seen: dict[str, int] = {}
    for line, row in _rows(name, text, ("comment-id",)):
        sid = row["comment-id"].strip()
        if not sid:
            raise InputError(f"{name}:{line}: field 'comment-id': required")
        if sid in seen:
            raise InputError(
                f"{name}:{line}: field 'comment-id': {sid!r} already on line {seen[sid]}"
            )
        seen[sid] = line
        numbers: dict[str, int] = {}
        for column in ("moderated", "agrees", "disagrees"):
            raw = row.get(column, "").strip()
            try:
                numbers[column] = int(raw) if raw else 0
            except ValueError:
                raise InputError(
                    f"{name}:{line}: field '{column}': must be a whole number"
                ) from None
        if numbers["moderated"] not in (-1, 0, 1):
            raise InputError(f"{name}:{line}: field 'moderated': must be -1, 0 or 1")
        statements.append(
            Statement(
                sid,
                row.get("comment-body", ""),
                numbers["moderated"],
                numbers["agrees"],
                numbers["disagrees"],
            )
        )
    return statements
