from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "coachbridge.marketplace"
    verbose_name = _("Marketplace")

    def ready(self) -> None:
        from coachbridge.marketplace import privacy  # noqa: F401, PLC0415 -- registers the exporters
