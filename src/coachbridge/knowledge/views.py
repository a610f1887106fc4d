from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachbridge.common.filters import valid_filters
from coachbridge.common.numbers import whole_number
from coachbridge.common.pagination import page_of
from coachbridge.knowledge import services
from coachbridge.knowledge.access import (
    can_change,
    can_review,
    get_image_for_user,
    get_item_for_user,
    get_item_to_change,
    get_item_to_publish,
    get_item_to_review,
    is_editor,
)
from coachbridge.knowledge.assistant import advise
from coachbridge.knowledge.enums import ALL_SECTIONS, ItemKind, ItemStatus
from coachbridge.knowledge.forms import (
    CommentForm,
    ImageForm,
    ItemForm,
    ReferenceImportForm,
    ReviewForm,
    SearchForm,
)
from coachbridge.knowledge.models import GlossaryTerm, Item
from coachbridge.knowledge.queries import (
    comments_by_part,
    filter_items,
    one_version_per_pair,
    published_items,
    rendered_sections,
    review_parts,
    translation_pair,
)
from coachbridge.knowledge.references import ReferenceError, parse_reference
from coachbridge.knowledge.search import related_items
from coachbridge.research.services import summary_draft

PAGE_SIZE = 20


def item_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = valid_filters(form)
    items = filter_items(published_items(), filters)
    if not filters.get("language"):
        items = one_version_per_pair(items, get_language())
    paged = page_of(request, items.prefetch_related("themes"), PAGE_SIZE)
    return render(
        request,
        "knowledge/item_list.html",
        {
            "form": form,
            **paged,
            "items": paged["page_obj"].object_list,
            "searched": bool(request.GET),
        },
    )


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request, pk)
    return render(
        request,
        "knowledge/item_detail.html",
        {
            "item": item,
            "sections": rendered_sections(item),
            "pair": translation_pair(item, published_only=not can_change(request.user, item)),
            "related": related_items(item, published_items()) if item.is_published else [],
            "can_change": can_change(request.user, item),
            "can_review": can_review(request.user, item),
            "is_editor": is_editor(request.user),
            "images": item.images.all() if can_change(request.user, item) else [],
            "publish_check": _publish_check(request, item),
        },
    )


def _publish_check(request: HttpRequest, item: Item) -> dict[str, int] | None:
    """For an editor about to publish: how many reviews, and how many by a coach or practitioner."""
    if not is_editor(request.user) or item.is_published:
        return None
    return {
        "reviews": item.reviews.count(),
        "practitioners": len(services.practitioner_reviews(item)),
    }


def _form_initial(form: ItemForm) -> dict[str, Any]:
    """What was typed, as initial values (to show it again without error messages)."""
    data = form.data
    return {
        name: data.getlist(name) if name == "themes" else data.get(name, "") for name in form.fields
    }


def _item_form_page(
    request: HttpRequest, item: Item | None, kind: str, initial: dict[str, Any] | None = None
) -> HttpResponse:
    form = ItemForm(request.POST or None, instance=item, kind=kind, initial=initial)
    import_form = ReferenceImportForm(
        request.POST if "import_reference" in request.POST else None, request.FILES or None
    )
    if request.method == "POST" and "import_reference" in request.POST:
        initial = _form_initial(form)
        import_error = ""
        try:
            if not import_form.is_valid():
                raise ReferenceError(_("We could not read this reference."))
            reference = parse_reference(import_form.reference())
        except (ReferenceError, ValidationError) as error:
            import_error = error.messages[0] if isinstance(error, ValidationError) else str(error)
        else:
            initial["doi"] = reference.doi or initial.get("doi", "")
            initial["citation"] = reference.citation()
            messages.success(request, _("The reference is filled in below. Check it, then save."))
        form = ItemForm(instance=item, kind=kind, initial=initial)
        return _render_form(
            request,
            form=form,
            import_form=import_form,
            item=item,
            kind=kind,
            import_error=import_error,
        )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.kind = kind
        services.save_item(saved, by=request.user, changed=form.changed_data)
        form.save_m2m()
        if "submit_for_review" in request.POST and saved.status == ItemStatus.DRAFT:
            services.submit_for_review(saved, by=request.user)
            messages.success(request, _("Saved and sent for review."))
        else:
            messages.success(request, _("Saved. A new version is kept."))
        return redirect(saved)
    return _render_form(
        request,
        form=form,
        import_form=ReferenceImportForm(),
        item=item,
        kind=kind,
        import_error="",
    )


def _render_form(
    request: HttpRequest,
    *,
    form: ItemForm,
    import_form: ReferenceImportForm,
    item: Item | None,
    kind: str,
    import_error: str,
) -> HttpResponse:
    return render(
        request,
        "knowledge/item_form.html",
        {
            "form": form,
            "import_form": import_form,
            "import_error": import_error,
            "item": item,
            "kind": kind,
            "is_debunk": kind == ItemKind.DEBUNK,
            **_comment_rows(form, item),
        },
        status=422 if import_error else 200,
    )


def _comment_rows(form: ItemForm, item: Item | None) -> dict[str, Any]:
    """The reviewers' comments next to the field (and paragraph) they are about."""
    grouped = comments_by_part(list(item.comments.select_related("author")) if item else [])
    return {
        "title_comments": grouped.get("title", []),
        "lead_comments": grouped.get("lead", []),
        "section_rows": [
            (form[name], grouped.get(name, []))
            for name, _label in ALL_SECTIONS
            if name in form.fields
        ],
    }


@login_required
def item_create(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in ItemKind.values:
        raise Http404
    initial = None
    study_pk = whole_number(request.GET.get("study"))
    if kind == ItemKind.SUMMARY and study_pk is not None:
        # a summary of the member's own practice study starts from its results
        initial = summary_draft(request.user, study_pk)
        if initial is None:
            raise Http404
    return _item_form_page(request, None, kind, initial)


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_change(request, pk)
    return _item_form_page(request, item, item.kind)


def _run(request: HttpRequest, action: Any, item: Item, success: str) -> HttpResponse:
    try:
        action(item, by=request.user)
    except services.KnowledgeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(item)


@login_required
@require_POST
def item_submit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_change(request, pk)
    return _run(request, services.submit_for_review, item, _("Sent for review."))


@login_required
@require_POST
def item_publish(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_publish(request, pk)
    return _run(request, services.publish_item, item, _("Published. Everyone can read it now."))


@login_required
@require_POST
def item_return(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_publish(request, pk)
    return _run(request, services.return_to_author, item, _("The text is a draft again."))


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    mine = Item.objects.filter(author=request.user).order_by("-updated")
    in_review = (
        Item.objects.filter(status=ItemStatus.IN_REVIEW)
        .exclude(author=request.user)
        .order_by("updated")
    )
    return render(
        request,
        "knowledge/workspace.html",
        {"mine": mine, "in_review": in_review, "is_editor": is_editor(request.user)},
    )


@login_required
def item_review(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_review(request, pk)
    reviewing = can_review(request.user, item)
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        if not reviewing:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.add_review(item, by=request.user, **form.cleaned_data)
            except services.KnowledgeError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you. The author sees your feedback."))
                return redirect("knowledge:item-review", pk=item.pk)
    comment_form = CommentForm(item=item, prefix="comment", initial=_comment_initial(request))
    return _review_page(request, item, form=form, comment_form=comment_form)


def _comment_initial(request: HttpRequest) -> dict[str, Any]:
    """The part and paragraph chosen with a paragraph's "comment" link."""
    initial: dict[str, Any] = {}
    if request.GET.get("part"):
        initial["section"] = request.GET["part"]
    paragraph = _number(request.GET.get("paragraph"), 0)
    if paragraph > 0:
        initial["paragraph"] = paragraph
    return initial


def _review_page(
    request: HttpRequest,
    item: Item,
    *,
    form: ReviewForm,
    comment_form: CommentForm,
    status: int = 200,
) -> HttpResponse:
    comments = list(item.comments.select_related("author"))
    reviews = list(item.reviews.select_related("reviewer__profile"))
    return render(
        request,
        "knowledge/item_review.html",
        {
            "item": item,
            "parts": review_parts(item, comments),
            "form": form,
            "comment_form": comment_form,
            "reviewing": can_review(request.user, item),
            "reviews": reviews,
            "publish_check": _publish_check(request, item),
        },
        status=status,
    )


@login_required
@require_POST
def item_comment(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_review(request, pk)
    form = CommentForm(request.POST, item=item, prefix="comment")
    if form.is_valid():
        try:
            services.add_comment(item, by=request.user, **form.cleaned_data)
        except services.KnowledgeError as error:
            form.add_error("paragraph", str(error))
        else:
            messages.success(request, _("Your comment is saved."))
            return redirect("knowledge:item-review", pk=item.pk)
    # What was typed stays in the form, with the reason next to the field.
    return _review_page(request, item, form=ReviewForm(), comment_form=form, status=422)


@login_required
def item_versions(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_review(request, pk)
    versions = list(item.versions.select_related("author"))
    by_number = {version.number: version for version in versions}
    chosen = _number(request.GET.get("v"), versions[0].number if versions else 0)
    new = by_number.get(chosen)
    old = by_number.get(_number(request.GET.get("from"), chosen - 1))
    diff = services.diff_versions(old.data if old else {}, new.data) if new else []
    return render(
        request,
        "knowledge/item_versions.html",
        {"item": item, "versions": versions, "new": new, "old": old, "diff": diff},
    )


def _number(value: str | None, default: int) -> int:
    number = whole_number(value)
    return default if number is None else number


@login_required
def item_images(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_change(request, pk)
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            image = services.add_image(
                item,
                by=request.user,
                upload=form.cleaned_data["image"],
                alt=form.cleaned_data["alt"],
            )
        except ValidationError as error:
            form.add_error("image", error)
        else:
            messages.success(
                request,
                _("The image is saved. Paste this line into the text: %(markdown)s")
                % {"markdown": f"![{image.alt}]({image.get_absolute_url()})"},
            )
            return redirect("knowledge:item-images", pk=item.pk)
    return render(
        request,
        "knowledge/item_images.html",
        {"item": item, "form": form, "images": item.images.all()},
        status=422 if form.errors else 200,
    )


def image(request: HttpRequest, pk: int) -> HttpResponse:
    picture = get_image_for_user(request, pk)
    with picture.file.open("rb") as stored:  # at most 2 MB: read at once, nothing left open
        response = HttpResponse(stored.read(), content_type=picture.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=3600" if picture.item.is_published else "private"
    return response


@login_required
@require_POST
def assistant(request: HttpRequest) -> HttpResponse:
    names = ["title", "lead", *[name for name, _label in ALL_SECTIONS]]
    sections = {name: request.POST.get(name, "")[:20_000] for name in names}
    advice = advise(sections, request.POST.get("language"))
    return render(request, "knowledge/_assistant.html", {"advice": advice})


def glossary(request: HttpRequest) -> HttpResponse:
    terms = sorted(GlossaryTerm.objects.all(), key=lambda term: term.term.casefold())
    return render(request, "knowledge/glossary.html", {"terms": terms})
