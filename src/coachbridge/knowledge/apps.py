from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "coachbridge.knowledge"
    verbose_name = _("Knowledge hub")

    def ready(self) -> None:
        from coachbridge.knowledge import privacy, rules  # noqa: F401, PLC0415 -- registers them
