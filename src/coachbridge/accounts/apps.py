from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "coachbridge.accounts"
    verbose_name = _("Members")

    def ready(self) -> None:
        from coachbridge.accounts import privacy  # noqa: F401, PLC0415 -- registers the exporters
