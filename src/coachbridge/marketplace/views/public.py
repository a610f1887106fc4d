"""What visitors without an account see: public, open posts, never names or contact details."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coachbridge.common.filters import filtered_beyond_search, valid_filters
from coachbridge.common.pagination import page_of
from coachbridge.marketplace.access import get_public_post
from coachbridge.marketplace.forms import BrowseForm
from coachbridge.marketplace.queries import browse_posts

POSTS_PER_PAGE = 20


def public_list(request: HttpRequest) -> HttpResponse:
    form = BrowseForm(request.GET or None, public=True)
    filters = valid_filters(form)
    posts = browse_posts(public_only=True, **filters)
    return render(
        request,
        "marketplace/public_list.html",
        {
            "form": form,
            "filtered": filtered_beyond_search(filters),
            **page_of(request, posts, POSTS_PER_PAGE),
        },
    )


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "marketplace/public_detail.html", {"post": get_public_post(pk)})
