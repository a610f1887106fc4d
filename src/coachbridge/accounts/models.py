from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import (
    InterfaceLanguage,
    Region,
    RoleCode,
    SpokenLanguage,
    Visibility,
)
from coachbridge.common.models import Theme


class MemberManager(UserManager["User"]):
    """Users log in with their e-mail address; there is no user name."""

    def _create_user(  # type: ignore[override]
        self, email: str, password: str | None, **extra_fields: object
    ) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: object
    ) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: object
    ) -> User:
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=InterfaceLanguage.choices,
        default=InterfaceLanguage.DUTCH,
        help_text=_("The language of the website and of the e-mails you get."),
    )
    is_organiser = models.BooleanField(
        _("organiser"),
        default=False,
        help_text=_("Organisers plan meetings and see the organiser menu."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = MemberManager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        # Pages print members with this; someone made in the admin has no profile yet, and
        # their e-mail address must not show up next to what they write.
        profile = getattr(self, "profile", None)
        if profile and profile.display_name:
            return profile.display_name
        return str(_("Member %(number)s") % {"number": self.pk or ""}).strip()


class Role(models.Model):
    """A role a member has in the field; a member can have several."""

    code = models.CharField(_("code"), max_length=20, choices=RoleCode.choices, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return str(self.get_code_display())


def profile_photo_path(profile: Profile, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"profiles/{profile.user_id}.{extension}"


class ProfileQuerySet(models.QuerySet["Profile"]):
    def active(self) -> ProfileQuerySet:
        return self.filter(user__is_active=True)

    def visible_to(self, user: object) -> ProfileQuerySet:
        """Members see every active profile; others only the public ones."""
        profiles = self.active()
        if getattr(user, "is_authenticated", False):
            return profiles
        return profiles.filter(visibility=Visibility.PUBLIC)


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(_("name"), max_length=100)
    roles = models.ManyToManyField(Role, verbose_name=_("roles"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes of interest"), blank=True)
    expertise = models.CharField(
        _("expertise"),
        max_length=300,
        blank=True,
        help_text=_("For example: team coaching, burnout, qualitative interviews."),
    )
    languages = models.JSONField(_("languages you speak"), default=list, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    lower_rate = models.BooleanField(
        _("lower rate for people with little money"),
        default=False,
        help_text=_("For coaches: you also coach people with little money, for a lower rate."),
    )
    bio = models.TextField(
        _("about you"),
        max_length=1500,
        blank=True,
        help_text=_("A few sentences. At most 1500 characters."),
    )
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn page"), blank=True)
    photo = models.ImageField(_("photo"), upload_to=profile_photo_path, blank=True)
    visibility = models.CharField(
        _("who may see your profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("accounts:member-detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    def language_labels(self) -> list[str]:
        labels = dict(SpokenLanguage.choices)
        return [str(labels[code]) for code in self.languages if code in labels]
