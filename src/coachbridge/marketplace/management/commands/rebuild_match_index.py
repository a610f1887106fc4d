from django.core.management.base import BaseCommand

from coachbridge.marketplace.services.index import build_index, index_path


class Command(BaseCommand):
    help = "Build the marketplace's match index again from every open post."

    def handle(self, *args: object, **options: object) -> None:
        index = build_index()
        self.stdout.write(f"{len(index)} posts indexed in {index_path()}")
