"""Texts that come from Django or allauth read in plain Dutch (common/phrases.py)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_a_too_short_password_is_explained_in_dutch():
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        validate_password("kort7")

    assert (
        "Dit wachtwoord is te kort. Het moet minstens 8 tekens lang zijn." in refused.value.messages
    )


def test_allauth_texts_are_plain_dutch():
    with translation.override("nl"):
        assert translation.gettext("Verify Your Email Address") == "Bevestig je e-mailadres"
        assert (
            translation.gettext("Password successfully changed.") == "Je wachtwoord is veranderd."
        )
