"""Members' pages: the marketplace home, browsing, writing posts and seeing their matches."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachbridge.common.filters import filtered_beyond_search, valid_filters
from coachbridge.common.pagination import page_of
from coachbridge.events.access import get_insight_to_reuse
from coachbridge.marketplace.access import (
    get_post_for_user,
    get_post_to_change,
)
from coachbridge.marketplace.enums import PostKind, PostStatus
from coachbridge.marketplace.forms import BrowseForm, DigestForm, IntroductionForm, PostForm
from coachbridge.marketplace.models import Post
from coachbridge.marketplace.queries import browse_posts, own_posts
from coachbridge.marketplace.services import digest, posts
from coachbridge.marketplace.services.introductions import (
    about_post,
    asked_today,
    introductions_of,
    limit_reached,
    per_day_limit,
    waiting_for_answer,
)
from coachbridge.marketplace.services.matching import (
    hidden_for,
    hide_match,
    matches_for,
    unhide_match,
)
from coachbridge.marketplace.validators import has_html

POSTS_PER_PAGE = 20


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """My marketplace: my posts, introductions waiting for me, the digest setting."""
    subscription = digest.subscription_for(request.user)
    return render(
        request,
        "marketplace/home.html",
        {
            "posts": own_posts(request.user),
            "waiting": waiting_for_answer(request.user),
            "introductions": introductions_of(request.user)[:20],
            "digest_form": DigestForm(initial={"frequency": subscription.frequency}),
        },
    )


@login_required
def post_list(request: HttpRequest) -> HttpResponse:
    form = BrowseForm(request.GET or None)
    filters = valid_filters(form)
    template = "marketplace/post_list.html"
    if request.htmx:
        template += "#htmx-update"
    return render(
        request,
        template,
        {
            "form": form,
            "filtered": filtered_beyond_search(filters),
            **page_of(request, browse_posts(**filters), POSTS_PER_PAGE),
        },
    )


def _form_page(request: HttpRequest, form: PostForm, post: Post | None = None) -> HttpResponse:
    return render(request, "marketplace/post_form.html", {"form": form, "post": post})


def _saved_message(request: HttpRequest, post: Post) -> None:
    if has_html(post.title, post.text):
        messages.info(
            request, _("Your text contains HTML code. It is shown as plain text, as you typed it.")
        )


@login_required
def post_create(request: HttpRequest, initial: dict | None = None) -> HttpResponse:
    form = PostForm(request.POST or None, author=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            post = posts.create_post(
                request.user,
                themes=form.cleaned_data["themes"],
                insight=(initial or {}).get("insight"),
                **form.post_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your post is online. Here are the first matches."))
            _saved_message(request, post)
            return redirect(post)
    return _form_page(request, form)


@login_required
def post_from_insight(request: HttpRequest, insight_pk: int) -> HttpResponse:
    """A new post, filled in from a World Café insight the member may see."""
    insight = get_insight_to_reuse(request, insight_pk)
    words = insight.text.split()
    title = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
    return post_create(
        request,
        initial={
            "title": title[:200],
            "text": insight.text,
            "meeting": insight.cafe.meeting,
            "kind": PostKind.NEED,
            "insight": insight,
        },
    )


@login_required
def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return post_page(request, get_post_for_user(request, pk))


def own_posts_to_ask_from(user: Any, post: Post) -> Any:
    return Post.objects.open().filter(author=user).exclude(kind=post.kind)


def post_page(
    request: HttpRequest, post: Post, introduction_form: IntroductionForm | None = None
) -> HttpResponse:
    """A post's page; ``introduction_form`` brings back a request that was refused."""
    own = post.author_id == request.user.pk
    asked, per_day = asked_today(request.user), per_day_limit()
    context: dict = {
        "post": post,
        "own": own,
        "asked_today": asked,
        "per_day": per_day,
        "limit_reached": limit_reached() if asked >= per_day else "",
    }
    if own:
        context["matches"] = matches_for(post)
        context["hidden"] = hidden_for(post)
    else:
        mine = own_posts_to_ask_from(request.user, post)
        if introduction_form is None and mine.exists():
            introduction_form = IntroductionForm(own_posts=mine)
        context["introduction_form"] = introduction_form
        context["existing"] = list(about_post(post, request.user))
    return render(request, "marketplace/post_detail.html", context)


@login_required
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post_to_change(request, pk)
    form = PostForm(request.POST or None, instance=post, author=request.user)
    if request.method == "POST" and form.is_valid():
        fields = form.post_fields()
        try:
            posts.update_post(
                Post.objects.get(pk=post.pk),
                by=request.user,
                themes=form.cleaned_data["themes"],
                **fields,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your post is saved."))
            _saved_message(request, post)
            return redirect(post)
    return _form_page(request, form, post)


@login_required
@require_POST
def post_status(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post_to_change(request, pk)
    status = request.POST.get("status", "")
    try:
        posts.set_status(post, status=status, by=request.user)
    except posts.PostError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            {
                PostStatus.OPEN: _("Your post is open again."),
                PostStatus.PAUSED: _(
                    "Your post is paused. Nobody sees it until you open it again."
                ),
                PostStatus.CLOSED: _("Great that you found it! Your post is closed.")
                if post.kind == PostKind.NEED
                else _("Your post is closed."),
            }[PostStatus(status)],
        )
    return redirect(post)


def _own_post_and_match(request: HttpRequest, pk: int, other_pk: int) -> tuple[Post, Post]:
    """The requester's post and a post of the other kind (a possible match of it)."""
    post = get_post_to_change(request, pk)
    other = get_object_or_404(Post, pk=other_pk)
    if other.kind == post.kind:
        raise Http404
    return post, other


@login_required
@require_POST
def match_hide(request: HttpRequest, pk: int, other_pk: int) -> HttpResponse:
    post, other = _own_post_and_match(request, pk, other_pk)
    hide_match(post, other, by=request.user)
    messages.success(
        request, _("Thank you. We will not show this match again, and we put posts like it lower.")
    )
    return redirect(post)


@login_required
@require_POST
def match_unhide(request: HttpRequest, pk: int, other_pk: int) -> HttpResponse:
    post, other = _own_post_and_match(request, pk, other_pk)
    if unhide_match(post, other, by=request.user):
        messages.success(request, _("The match can show again."))
    return redirect(post)


@login_required
@require_POST
def digest_settings(request: HttpRequest) -> HttpResponse:
    form = DigestForm(request.POST)
    if form.is_valid():
        digest.set_frequency(
            request.user, frequency=form.cleaned_data["frequency"], by=request.user
        )
        messages.success(request, _("Your choice for the e-mail is saved."))
    else:
        messages.error(request, _("Please choose how often you want the e-mail."))
    return redirect("marketplace:home")
