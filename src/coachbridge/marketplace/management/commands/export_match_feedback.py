import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coachbridge.marketplace.services.feedback import feedback_rows


class Command(BaseCommand):
    help = (
        "Write every marketplace post with the members' judgements of its matches (introductions"
        " asked and accepted, 'not relevant') as JSON lines, for bench/matching.py --data."
    )

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--out", type=Path, required=True, help="file to write; - for stdout")

    def handle(self, *args: object, **options: object) -> None:
        out = options["out"]
        rows = list(feedback_rows())
        lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
        judged = sum(1 for row in rows if row.get("relevant"))
        if str(out) == "-":
            self.stdout.write("".join(lines), ending="")
            return
        assert isinstance(out, Path)
        try:
            out.write_text("".join(lines), encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {out}: {error.strerror}") from error
        self.stderr.write(f"{len(lines)} posts, {judged} needs with a relevant offer: {out}")
