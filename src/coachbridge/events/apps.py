from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "coachbridge.events"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from coachbridge.events import privacy  # noqa: F401, PLC0415 -- registers the exporters
