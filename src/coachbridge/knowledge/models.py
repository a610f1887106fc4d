from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import RoleCode
from coachbridge.common.models import Theme
from coachbridge.knowledge.enums import (
    PRACTITIONER_ROLES,
    Evidence,
    ItemKind,
    ItemStatus,
    Language,
    sections_for,
)
from coachbridge.knowledge.validators import validate_doi


class Item(models.Model):
    """A research summary or a debunk card, in one language.

    One row per language (STYLE rule 41): the Dutch and the English text of the same summary are
    two items linked by `translation_of`, because each is written, reviewed and published on its
    own. The sections are Markdown; which ones are used depends on `kind`.
    """

    kind = models.CharField(_("type"), max_length=10, choices=ItemKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    title = models.CharField(_("title"), max_length=200)
    lead = models.CharField(
        _("in short"),
        max_length=300,
        help_text=_("One or two plain sentences. Search results and shared links show them."),
    )
    # research summary
    question = models.TextField(_("the question"), blank=True)
    method = models.TextField(_("what was done"), blank=True)
    findings = models.TextField(_("what was found"), blank=True)
    practice = models.TextField(_("what it means for coaching practice"), blank=True)
    limitations = models.TextField(_("limitations"), blank=True)
    # debunk card
    fact = models.TextField(_("the fact"), blank=True)
    myth = models.TextField(_("the myth"), blank=True)
    fallacy = models.TextField(_("why the myth is misleading"), blank=True)
    fact_again = models.TextField(_("the fact again"), blank=True)
    instead = models.TextField(_("what to do instead"), blank=True)

    evidence = models.CharField(
        _("strength of the evidence"), max_length=10, choices=Evidence.choices
    )
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[validate_doi])
    citation = models.TextField(
        _("sources"), blank=True, help_text=_("The full reference. One source per line.")
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="knowledge_items"
    )
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    agenda_question = models.ForeignKey(
        "agenda.Question",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="summaries",
        verbose_name=_("research agenda question"),
    )
    study_url = models.URLField(_("link to a study"), blank=True)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_items",
        verbose_name=_("author"),
    )
    search_text = models.TextField(editable=False, default="")
    features = models.JSONField(editable=False, default=dict)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-updated", "-pk"]
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")
        permissions = [("edit_knowledge", _("Can publish summaries and debunks"))]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:item-detail", args=[self.pk])

    @property
    def sections(self) -> list[tuple[str, object, str]]:
        """(field name, label, Markdown) of this kind's sections, in reading order."""
        return [(name, label, getattr(self, name)) for name, label in sections_for(self.kind)]

    @property
    def is_published(self) -> bool:
        return self.status == ItemStatus.PUBLISHED


class Version(models.Model):
    """A snapshot of an item's text at each save or submission."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=20)
    data = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="knowledge_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item} v{self.number}"


class Review(models.Model):
    """A coach's or practitioner's verdict: would a coach understand and use this?"""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)
    rating = models.PositiveSmallIntegerField(_("rating"))
    text = models.TextField(_("your feedback"))
    # The reviewer's roles in the field (codes such as "coach") when they reviewed: the editor
    # sees whether a coach or practitioner read the text, also after the profile changed.
    roles = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.item}: {self.rating}"

    @property
    def by_practitioner(self) -> bool:
        return bool(PRACTITIONER_ROLES.intersection(self.roles))

    @property
    def role_labels(self) -> list[str]:
        labels = dict(RoleCode.choices)
        return [str(labels[code]) for code in self.roles if code in labels]


class Comment(models.Model):
    """A remark on one paragraph of a part of an item (or on the whole part), during review.

    Paragraphs are the blocks of a part's Markdown separated by blank lines, counted from 1.
    `quote` keeps the paragraph's first words as they were, because later versions may move it.
    """

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    section = models.CharField(_("part"), max_length=20)
    paragraph = models.PositiveSmallIntegerField(_("paragraph"), null=True, blank=True)
    quote = models.CharField(max_length=120, blank=True, default="")
    text = models.TextField(_("comment"))
    version = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        where = f" ¶{self.paragraph}" if self.paragraph else ""
        return f"{self.item} / {self.section}{where}"


class Image(models.Model):
    """An image uploaded for an item; served only through a view that checks access."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to="knowledge/%Y/%m/")
    content_type = models.CharField(max_length=40)
    alt = models.CharField(_("description for people who cannot see the image"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return self.alt

    def get_absolute_url(self) -> str:
        return reverse("knowledge:image", args=[self.pk])


class GlossaryTerm(models.Model):
    """A research term explained in plain words, in Dutch and English (one row, two fields)."""

    slug = models.SlugField(unique=True)
    term_nl = models.CharField(_("term (Dutch)"), max_length=80)
    term_en = models.CharField(_("term (English)"), max_length=80)
    explanation_nl = models.TextField(_("explanation (Dutch)"))
    explanation_en = models.TextField(_("explanation (English)"))

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return self.term

    @property
    def term(self) -> str:
        return self.term_en if translation.get_language() == "en" else self.term_nl

    @property
    def explanation(self) -> str:
        return self.explanation_en if translation.get_language() == "en" else self.explanation_nl
