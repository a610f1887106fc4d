from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "coachbridge.common"
    verbose_name = _("Common")

    def ready(self) -> None:
        from django.urls import register_converter  # noqa: PLC0415 -- once the apps are loaded

        from coachbridge.common.converters import TokenConverter  # noqa: PLC0415

        register_converter(TokenConverter, "token")
