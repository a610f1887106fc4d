"""`coachbridge themes --notes notes.jsonl [--k N] [--guide guide.json]`.

Reads harvest notes (JSON Lines: ``{id, text, group?, lang?}``) and prints
``{"themes": [{"id", "label", "keywords", "notes", "highlights"}]}``. ``--guide`` is a JSON list
``[{"label", "examples": [note ids]}]`` of themes an organiser started by hand. ``-`` reads the
notes from stdin. Bad input: exit 2 with one line naming file, line and field.
"""

from __future__ import annotations

import json
import sys

from coachbridge.engine.commands import CommandParser, InputError, json_lines, read_text
from coachbridge.engine.themes import Guide, GuideError, Note, find_themes

LANG_CODES = ("nl", "en")


def read_notes(path: str) -> list[Note]:
    """Parse a notes JSONL file; raises InputError naming file, line and field."""
    notes: list[Note] = []
    seen: dict[str, int] = {}
    for where, number, row in json_lines(path, noun="a note"):
        note_id = row.get("id")
        if isinstance(note_id, bool) or not isinstance(note_id, str | int) or note_id == "":
            raise InputError(f"{where}: field 'id': required, a non-empty string or number")
        note_id = str(note_id)
        if note_id in seen:
            raise InputError(
                f"{where}: field 'id': {note_id!r} already used on line {seen[note_id]}"
            )
        seen[note_id] = number
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}: field 'text': required, a non-empty string")
        group = row.get("group")
        if group is not None and not isinstance(group, str | int):
            raise InputError(f"{where}: field 'group': must be a string")
        lang = row.get("lang")
        if lang is not None and lang not in LANG_CODES:
            raise InputError(f"{where}: field 'lang': must be one of {', '.join(LANG_CODES)}")
        notes.append(Note(note_id, text, None if group is None else str(group), lang))
    return notes


def read_guide(path: str, note_ids: set[str]) -> list[Guide]:
    """Parse a guide JSON file; raises InputError naming file, entry and field."""
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}: not valid JSON ({error.msg})") from None
    if not isinstance(data, list):
        raise InputError(f"{path}: the guide must be a JSON list of {{label, examples}}")
    guides: list[Guide] = []
    owner: dict[str, int] = {}
    for number, entry in enumerate(data, start=1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: must be an object with 'label' and 'examples'")
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip():
            raise InputError(f"{where}: field 'label': required, a non-empty string")
        examples = entry.get("examples")
        if not isinstance(examples, list) or not examples:
            raise InputError(f"{where}: field 'examples': required, a non-empty list of note ids")
        ids: list[str] = []
        for example in examples:
            if isinstance(example, bool) or not isinstance(example, str | int):
                raise InputError(f"{where}: field 'examples': note ids must be strings")
            nid = str(example)
            if nid not in note_ids:
                raise InputError(f"{where}: field 'examples': unknown note id {nid!r}")
            if owner.get(nid, number) != number:
                raise InputError(
                    f"{where}: field 'examples': note {nid!r} is also in entry {owner[nid]}"
                )
            owner[nid] = number
            ids.append(nid)
        guides.append(Guide(label.strip(), tuple(dict.fromkeys(ids))))
    return guides


def main(argv: list[str]) -> int:
    parser = CommandParser(
        prog="coachbridge themes", description="Group harvest notes into themes."
    )
    parser.add_argument("--notes", required=True, help="notes as JSON Lines ('-' for stdin)")
    parser.add_argument("--k", type=int, default=None, help="number of themes (default: auto)")
    parser.add_argument("--guide", default=None, help="JSON list of {label, examples}")
    parser.add_argument(
        "--no-embedding",
        action="store_true",
        help="lexical features only, even if the sentence encoder is installed",
    )
    args = parser.parse_args(argv)
    if args.k is not None and args.k < 1:
        raise InputError("arguments: --k must be at least 1")
    notes = read_notes(args.notes)
    guide = read_guide(args.guide, {n.id for n in notes}) if args.guide else None
    try:
        themes = find_themes(
            notes, k=args.k, guide=guide, embedder=None if args.no_embedding else "auto"
        )
    except GuideError as error:  # pragma: no cover -- read_guide checks the same things
        raise InputError(f"{args.guide}: {error}") from None
    json.dump({"themes": [t.as_dict() for t in themes]}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
