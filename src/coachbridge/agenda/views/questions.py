"""Questions: propose (with similar questions while typing), read, discuss, follow, moderate."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.validators import slug_re
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachbridge.agenda.access import (
    can_moderate,
    get_comment_to_moderate,
    get_question,
    get_question_to_edit,
    get_question_to_moderate,
)
from coachbridge.agenda.enums import QuestionStatus
from coachbridge.agenda.forms import (
    CommentForm,
    MergeForm,
    ProposeForm,
    QuestionEditForm,
    StatusForm,
)
from coachbridge.agenda.models import Question
from coachbridge.agenda.services import questions as services
from coachbridge.agenda.services import voting
from coachbridge.agenda.services.common import AgendaError
from coachbridge.agenda.services.similar import similar_questions
from coachbridge.common.models import Theme
from coachbridge.events.access import get_insight_to_reuse
from coachbridge.knowledge.queries import published_items_for_question
from coachbridge.marketplace.access import get_post_for_user, may_see_post
from coachbridge.research.services import studies_on_question

PAGE_SIZE = 50


@login_required
def question_list(request: HttpRequest) -> HttpResponse:
    questions = (
        Question.objects.current()
        .annotate(
            agree=Count("statement__votes", filter=Q(statement__votes__value=1)),
            votes=Count("statement__votes"),
        )
        .prefetch_related("themes")
        .order_by("-agree", "-created", "-pk")
    )
    theme = request.GET.get("theme", "")
    status = request.GET.get("status", "")
    if slug_re.match(theme):  # "" or an odd value (a NUL byte breaks PostgreSQL) filters nothing
        questions = questions.filter(themes__slug=theme)
    if status in QuestionStatus.values:
        questions = questions.filter(status=status)
    return render(
        request,
        "agenda/question_list.html",
        {
            "questions": questions[:PAGE_SIZE],
            "themes": Theme.objects.all(),
            "statuses": QuestionStatus.choices,
            "theme": theme,
            "status": status,
        },
    )


@login_required
def question_propose(
    request: HttpRequest, insight_pk: int | None = None, post_pk: int | None = None
) -> HttpResponse:
    """Propose a question; from an insight or a marketplace post, its text is filled in."""
    insight = get_insight_to_reuse(request, insight_pk) if insight_pk else None
    post = get_post_for_user(request, post_pk) if post_pk else None
    initial = None
    if insight:
        initial = {"title": insight.text[:300]}
    elif post:
        initial = {"title": post.title[:300], "why": post.text[:2000]}
    form = ProposeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.propose_question(
                by=request.user,
                title=form.cleaned_data["title"],
                why=form.cleaned_data["why"],
                who=form.cleaned_data["who"],
                themes=form.cleaned_data["themes"],
                insight=insight,
                post=post,
            )
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you! Your question is on the agenda."))
            return redirect(question)
    title = form.data.get("title", "") if form.is_bound else (initial or {}).get("title", "")
    return render(
        request,
        "agenda/question_form.html",
        {"form": form, "insight": insight, "post": post, "similar": similar_questions(title)},
    )


@login_required
def question_similar(request: HttpRequest) -> HttpResponse:
    """The htmx partial under the question field: "is your question one of these?"."""
    similar = similar_questions(request.GET.get("title", ""), request.GET.get("why", ""))
    return render(request, "agenda/question_form.html#similar", {"similar": similar})


def _detail(
    request: HttpRequest, question: Question, *, comment_form: CommentForm | None = None
) -> HttpResponse:
    moderator = can_moderate(request.user)
    comments = question.comments.select_related("author__profile")
    if not moderator:
        comments = comments.filter(hidden=False)
    statement = getattr(question, "statement", None)
    return render(
        request,
        "agenda/question_detail.html",
        {
            "question": question,
            "statement": statement,
            "your_vote": voting.vote_of(statement, request.user) if statement else None,
            "comments": comments,
            "comment_form": comment_form or CommentForm(),
            "following": services.is_following(question, request.user),
            "followers": question.follows.count(),
            "revisions": question.revisions.select_related("edited_by__profile"),
            "merged": question.merged.all(),
            "moderator": moderator,
            "author_may_edit": services.author_may_edit(question, request.user),
            "summaries": published_items_for_question(question),
            "practice_studies": studies_on_question(question),
            # a post paused or closed since then is no longer shown, not even its title
            "source_post": question.post
            if question.post and may_see_post(request.user, question.post)
            else None,
        },
        status=400 if comment_form is not None else 200,
    )


@login_required
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question(pk)
    if question.merged_into_id:
        messages.info(
            request, _("This question was merged with a question that says the same. Here it is.")
        )
        return redirect(services.final_question(question))
    return _detail(request, question)


@login_required
@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question(pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(question, by=request.user, text=form.cleaned_data["text"])
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your comment is added."))
            return redirect(f"{question.get_absolute_url()}#comments")
    return _detail(request, question, comment_form=form)  # what was typed stays


@login_required
@require_POST
def question_follow(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question(pk)
    follow = request.POST.get("follow") == "1"
    services.set_following(question, user=request.user, follow=follow)
    messages.success(
        request,
        _("You follow this question. You get a message when it changes.")
        if follow
        else _("You no longer follow this question."),
    )
    return redirect(question)


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    services.mark_notifications_read(request.user)
    return redirect("agenda:public")


@login_required
@require_POST
def comment_hide(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_comment_to_moderate(request, pk)
    hidden = request.POST.get("hidden") == "1"
    services.set_comment_hidden(comment, hidden=hidden, by=request.user)
    messages.success(request, _("The comment is hidden.") if hidden else _("The comment is shown."))
    return redirect(f"{comment.question.get_absolute_url()}#comments")


@login_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: edit for clarity, set the status, merge into another question. The author:
    change the question while nobody else has voted on it."""
    question = get_question_to_edit(request, pk)
    if question.merged_into_id:
        return redirect(services.final_question(question))
    moderator = can_moderate(request.user)
    form = QuestionEditForm(
        request.POST or None,
        initial={
            "title": question.title,
            "why": question.why,
            "who": question.who,
            "themes": list(question.themes.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_question(
                question,
                by=request.user,
                title=form.cleaned_data["title"],
                why=form.cleaned_data["why"],
                who=form.cleaned_data["who"],
                themes=form.cleaned_data["themes"],
                note=form.cleaned_data["note"],
            )
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The question is saved."))
            return redirect(question)
    if not moderator:
        return render(
            request, "agenda/question_edit_own.html", {"question": question, "form": form}
        )
    return _moderation_page(request, question, edit_form=form)


def _moderation_page(
    request: HttpRequest,
    question: Question,
    *,
    edit_form: QuestionEditForm | None = None,
    status_form: StatusForm | None = None,
    merge_form: MergeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "agenda/question_edit.html",
        {
            "question": question,
            "form": edit_form
            or QuestionEditForm(
                initial={
                    "title": question.title,
                    "why": question.why,
                    "who": question.who,
                    "themes": list(question.themes.all()),
                }
            ),
            "status_form": status_form
            or StatusForm(
                question=question,
                initial={
                    "status": question.status,
                    "study_url": question.study_url,
                    "study_text": question.study_text,
                    "summary_item": question.summary_item_id,
                    "summary_url": question.summary_url,
                },
            ),
            "merge_form": merge_form or MergeForm(question=question),
            "similar": similar_questions(question.title, question.why, exclude=question.pk),
        },
        status=status,
    )


@login_required
@require_POST
def question_status(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_to_moderate(request, pk)
    form = StatusForm(request.POST, question=question)
    if form.is_valid():
        try:
            services.set_status(question, by=request.user, **form.cleaned_data)
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The status is saved."))
            return redirect(question)
    return _moderation_page(request, question, status_form=form, status=400)


@login_required
@require_POST
def question_merge(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_to_moderate(request, pk)
    form = MergeForm(request.POST, question=question)
    if form.is_valid():
        try:
            kept = services.merge_questions(
                question, into=form.cleaned_data["into"], by=request.user
            )
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The questions are merged."))
            return redirect(kept)
    return _moderation_page(request, question, merge_form=form, status=400)
