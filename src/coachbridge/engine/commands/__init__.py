"""Entry points of the engine commands (`coachbridge seating`, `coachbridge match`, ...).

Each command is a module in this package with a `main(argv: list[str]) -> int` function. It reads
files or stdin, writes JSON to stdout and needs no database. Bad input raises `InputError`, which
becomes exit code 2 and one line on stderr naming the file, line and field (DESIGN.md).
To add a command: add the module here and its name to `ENGINE_COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

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


class CommandParser(argparse.ArgumentParser):
    """argparse, but a bad argument is an InputError (exit 2, one line) instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"arguments: {message}")


def read_text(path: str) -> str:
    """A UTF-8 file, or stdin for "-"."""
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


def json_lines(path: str, *, noun: str) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """The JSON objects of a JSON Lines file, with "file:line" and the line number."""
    name = "<stdin>" if path == "-" else path
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{where}: not valid JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"{where}: {noun} must be a JSON object")
        yield where, number, row
