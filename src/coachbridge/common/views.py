from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from coachbridge.accounts.services import set_member_language


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "common/home.html")


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "common/about.html")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, and for a member also the stored preference."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated:
        set_member_language(request.user, language=language)
    return response
