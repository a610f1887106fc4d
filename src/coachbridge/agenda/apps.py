from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "coachbridge.agenda"
    verbose_name = _("Research agenda")

    def ready(self) -> None:
        from coachbridge.agenda import privacy  # noqa: F401, PLC0415 -- registers the exporters
