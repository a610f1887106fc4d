"""`coachbridge opinions --votes votes.csv [--comments comments.csv]`.

Reads agree/disagree/pass votes in the Pol.is open-data layout (`comment-id`, `voter-id`, `vote`
in {-1, 0, 1}; other columns such as `timestamp` are allowed, the latest vote counts) and prints
``{"groups": [{"id", "members", "representative"}], "consensus": [...]}`` plus details (see
:meth:`OpinionMap.as_dict`). With ``--comments`` (a Pol.is `comments.csv`), statements moderated
out (`moderated` = -1) are ignored and the statement texts are added. With ``--replay SECONDS`` the
groups come from a replay of Pol.is's incremental updates over the votes in order of `timestamp`
(every vote row counts). Bad input: exit 2 with one line naming file, line and field.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from coachbridge.engine.commands import CommandParser, InputError, read_text
from coachbridge.engine.opinions import opinion_map, read_polis_comments, read_polis_votes


def main(argv: list[str]) -> int:
    parser = CommandParser(
        prog="coachbridge opinions",
        description="Find opinion groups, representative statements and consensus in votes.",
    )
    parser.add_argument("--votes", required=True, help="Pol.is votes.csv ('-' for stdin)")
    parser.add_argument("--comments", default=None, help="Pol.is comments.csv (optional)")
    parser.add_argument("--min-votes", type=int, default=7, help="votes needed to be placed")
    parser.add_argument("--max-groups", type=int, default=5, help="largest number of groups")
    parser.add_argument(
        "--replay",
        type=float,
        default=None,
        metavar="SECONDS",
        help="replay Pol.is's updates over the votes in time order, one per SECONDS window",
    )
    args = parser.parse_args(argv)
    if args.min_votes < 1:
        raise InputError("arguments: --min-votes must be at least 1")
    if args.max_groups < 1:
        raise InputError("arguments: --max-groups must be at least 1")
    if args.replay is not None and not args.replay >= 0:
        raise InputError("arguments: --replay must be at least 0 seconds")
    history = args.replay is not None
    if args.votes == "-":
        votes = read_polis_votes(read_text("-") or "comment-id,voter-id,vote\n", history=history)
    else:
        votes = read_polis_votes(Path(args.votes), history=history)
    excluded: list[str] = []
    texts: dict[str, str] = {}
    if args.comments:
        for statement in read_polis_comments(Path(args.comments)):
            texts[statement.id] = statement.text
            if statement.moderated < 0:
                excluded.append(statement.id)
    result = opinion_map(
        votes,
        min_votes=args.min_votes,
        max_groups=args.max_groups,
        exclude_statements=excluded,
        replay_window=args.replay,
    ).as_dict()
    if texts:
        result["statements"] = {sid: texts[sid] for sid in sorted(texts) if sid in texts}
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
