from django.core.management.base import BaseCommand

from coachbridge.marketplace.services.index import build_index, index_path
from coachbridge.marketplace.services.posts import refresh_search_texts


class Command(BaseCommand):
    help = (
        "Build the marketplace's match index again from every open post, and store every"
        " post's search terms again (after an upgrade or a change of the encoder)."
    )

    def handle(self, *args: object, **options: object) -> None:
        refreshed = refresh_search_texts()
        index = build_index()
        self.stdout.write(f"{len(index)} posts indexed in {index_path()}")
        self.stdout.write(f"posts with new search terms: {refreshed}")
