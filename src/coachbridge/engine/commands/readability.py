"""`coachbridge readability [--lang nl|en] [--input FILE] < text`.

Reads a UTF-8 text (stdin by default) and prints ``{"lang", "level", "scores", "sentences":
[{"text", "start", "end", "issues": [{"kind", "text", "start", "end", "suggestion", "message",
"params"}]}]}`` (DESIGN.md, engine contracts). Bad input (empty text, not UTF-8, an unknown
``--lang``): exit 2 with one line on stderr.
"""

from __future__ import annotations

import json
import sys

from coachbridge.engine.commands import CommandParser, InputError
from coachbridge.engine.readability import LANGS, analyse


def _read(path: str) -> str:
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                raw = handle.read()
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not UTF-8 text (byte {error.start})") from None


def main(argv: list[str]) -> int:
    parser = CommandParser(
        prog="coachbridge readability",
        description="Estimate the language level of a text and list issues per sentence.",
    )
    parser.add_argument("--lang", default=None, help="nl or en (default: detect)")
    parser.add_argument("--input", default="-", help="a UTF-8 text file ('-' for stdin)")
    args = parser.parse_args(argv)
    if args.lang is not None and args.lang not in LANGS:
        raise InputError(f"arguments: --lang must be one of {', '.join(LANGS)}, not {args.lang!r}")
    text = _read(args.input)
    if not any(c.isalnum() for c in text):
        name = "<stdin>" if args.input == "-" else args.input
        raise InputError(f"{name}: the text is empty (no words to analyse)")
    result = analyse(text, args.lang)
    json.dump(result.as_dict(), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
