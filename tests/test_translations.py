"""Dutch comes first: the catalogue is complete, compiled and covers every marked string."""

import importlib
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django import forms
from django.utils.functional import Promise

import coachbridge

pytestmark = pytest.mark.unit

PACKAGE = Path(coachbridge.__file__).parent
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_every_dutch_entry_is_translated_and_not_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE))

    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_compiled_catalogue_matches_the_source():
    source = polib.pofile(str(CATALOGUE))
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))

    def pairs(catalogue):
        return {(entry.msgctxt, entry.msgid, entry.msgstr) for entry in catalogue if entry.msgstr}

    assert pairs(compiled) == pairs(source)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_catalogue_covers_every_marked_string(tmp_path):
    copy = tmp_path / "coachbridge"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "engine"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "coachbridge.cli",
            "makemessages",
            "--locale",
            "nl",
            "--no-obsolete",
            "--verbosity",
            "0",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(str(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"))

    assert sorted(entry.msgid for entry in fresh.untranslated_entries()) == []


def test_templates_use_trimmed_blocktranslate():
    untrimmed = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"{%\s*blocktrans(late)?\b(?![^%]*\btrimmed\b)", line)
    ]

    assert untrimmed == []


def test_words_with_two_meanings_get_their_own_dutch_word():
    from django.utils import translation

    from coachbridge.marketplace.models import Introduction

    with translation.override("nl"):
        assert str(Introduction._meta.verbose_name) == "kennismaking"  # between two members
        assert translation.gettext("Introduction") == "Kennismaking"
        assert translation.pgettext("report section", "Introduction") == "Inleiding"
        assert translation.gettext("About") == "Over ons"  # the page about the network
        assert translation.pgettext("the post an introduction is about", "About") == "Gaat over"


def test_one_word_for_comments_in_each_place():
    """A question's discussion has reacties, a reviewed text opmerkingen; a page never mixes
    them ("Nog geen reacties" above an "Opmerking plaatsen" button)."""
    from django.utils import translation

    from coachbridge.agenda.models import Comment
    from coachbridge.knowledge.models import Comment as ReviewComment

    with translation.override("nl"):
        assert str(Comment._meta.verbose_name) == "reactie"
        assert str(Comment._meta.verbose_name_plural) == "reacties"
        assert translation.pgettext("discussion", "Add comment") == "Reactie plaatsen"
        assert translation.gettext("No comments yet.") == "Nog geen reacties."
        assert str(ReviewComment._meta.get_field("text").verbose_name) == "opmerking"
        assert translation.gettext("Add comment") == "Opmerking plaatsen"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_label_goes_through_translation():
    """A model field without a verbose_name labels its form field with its English name,
    also on Dutch pages ("Theme", "Host")."""
    for module in pkgutil.walk_packages(coachbridge.__path__, "coachbridge."):
        if module.name.rsplit(".", 1)[-1].startswith("forms"):
            importlib.import_module(module.name)
    project_forms = [
        form for form in _subclasses(forms.BaseForm) if form.__module__.startswith("coachbridge.")
    ]

    untranslated = [
        f"{form.__module__}.{form.__name__}.{name}: {field.label!r}"
        for form in project_forms
        for name, field in form.base_fields.items()
        if field.label is not None and not isinstance(field.label, Promise)
    ]

    assert len(project_forms) > 20
    assert untranslated == []
