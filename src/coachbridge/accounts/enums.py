from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RoleCode(models.TextChoices):
    COACH = "coach", _("Coach")
    RESEARCHER = "researcher", _("Researcher")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    STUDENT = "student", _("Student")
    HR = "hr", _("HR or organisation")
    POLICY = "policy", _("Policy")
    OTHER = "other", pgettext_lazy("role", "Other")


class Visibility(models.TextChoices):
    MEMBERS = "members", _("Only members of the network")
    PUBLIC = "public", _("Everyone, also people without an account")


class Region(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRIESLAND = "friesland", "Friesland"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"
    FLANDERS = "flanders", _("Flanders")
    ABROAD = "abroad", _("Abroad")
    ONLINE = "online", _("Online only")


class SpokenLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    OTHER = "other", pgettext_lazy("language", "Other")


class InterfaceLanguage(models.TextChoices):
    DUTCH = "nl", "Nederlands"
    ENGLISH = "en", "English"
