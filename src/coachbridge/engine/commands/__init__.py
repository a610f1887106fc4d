"""Entry points of the engine commands (`coachbridge seating`, `coachbridge match`, ...).

Each command is a module in this package with a `main(argv: list[str]) -> int` function. It reads
files or stdin, writes JSON to stdout and needs no database. Bad input raises `InputError`, which
becomes exit code 2 and one line on stderr naming the file, line and field (DESIGN.md).
To add a command: add the module here and its name to `ENGINE_COMMANDS`.
"""

from __future__ import annotations

import importlib
import sys

ENGINE_COMMANDS: dict[str, str] = {
    "seating": "coachbridge.engine.commands.seating",
    "match": "coachbridge.engine.commands.match",
    "themes": "coachbridge.engine.commands.themes",
    "opinions": "coachbridge.engine.commands.opinions",
    "readability": "coachbridge.engine.commands.readability",
}

EXIT_BAD_INPUT = 2


class InputError(Exception):
    """The input cannot be used; the message says where (file, line, field) and what is wrong."""


def run_engine_command(name: str, argv: list[str]) -> int:
    try:
        module = importlib.import_module(ENGINE_COMMANDS[name])
    except ModuleNotFoundError as error:
        if error.name != ENGINE_COMMANDS[name]:
            raise
        print(f"coachbridge {name}: this command is not available yet", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        result: int = module.main(argv)
    except InputError as error:
        print(f"coachbridge {name}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return result
