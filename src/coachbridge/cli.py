"""The `coachbridge` command.

`coachbridge <engine-command> ...` runs one of the framework-free engine commands (seating, match,
themes, opinions, readability): they read files or stdin and print JSON, with no database.
Any other sub-command is handed to Django's management commands (`coachbridge migrate`).
"""

from __future__ import annotations

import os
import sys

from coachbridge.engine.commands import ENGINE_COMMANDS, run_engine_command


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ENGINE_COMMANDS:
        return run_engine_command(args[0], args[1:])

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coachbridge.settings")
    from django.core.management import (  # noqa: PLC0415 -- engine commands must not load Django
        execute_from_command_line,
    )

    execute_from_command_line(["coachbridge", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
