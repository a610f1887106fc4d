from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "coachbridge.research"
    verbose_name = _("Practice-based research")

    def ready(self) -> None:
        from coachbridge.research import privacy  # noqa: F401, PLC0415 -- registers it
