from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from coachbridge.accounts.services import set_member_language
from coachbridge.events.services.meetings import next_meetings
from coachbridge.knowledge.queries import one_version_per_pair, published_items

HOME_MEETINGS = 3
HOME_ITEMS = 3


def home(request: HttpRequest) -> HttpResponse:
    """What the network does, and what it does next: the coming meetings and the newest texts."""
    items = one_version_per_pair(published_items(), get_language() or "nl")
    return render(
        request,
        "common/home.html",
        {
            "meetings": next_meetings(HOME_MEETINGS),
            "items": items.prefetch_related("themes")[:HOME_ITEMS],
        },
    )


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
