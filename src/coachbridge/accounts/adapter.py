from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from coachbridge.accounts.models import User
from coachbridge.accounts.services import create_profile
from coachbridge.common.emails import queue_email


@dataclass(frozen=True)
class MailSite:
    """What allauth's mails read as ``current_site``; without the sites framework allauth would
    name the site after the request's host."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """allauth, fitted to coachbridge: e-mails go through the task queue, a profile per member."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        recipient = User.objects.filter(email__iexact=email).first()
        language = recipient.language if recipient else translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, mail_context(email, context))
        queue_email(message)

    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=False)
        user.language = translation.get_language() or "nl"
        if commit:
            user.save()
            create_profile(user, display_name=form.cleaned_data["display_name"])
        return user


def mail_context(email: str, context: dict[str, Any]) -> dict[str, Any]:
    """What allauth's own send_mail adds before rendering: the request, the site, the address."""
    site = MailSite(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)
    return {
        "request": allauth_context.request,
        "email": email,
        "current_site": site,
        **context,
    }
