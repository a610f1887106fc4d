from django.core.management.base import BaseCommand

from coachbridge.marketplace.services.digest import send_due_digests


class Command(BaseCommand):
    help = "E-mail members their new marketplace matches (run it daily; each member weekly)."

    def handle(self, *args: object, **options: object) -> None:
        mailed, matches = send_due_digests()
        self.stdout.write(f"{mailed} members e-mailed, {matches} new matches.")
