"""Texts from Django and allauth that we translate again, in plain Dutch with "je".

Their own catalogues use the formal "u" for these; ours come first (LOCALE_PATHS), so
listing the English texts here is enough for `./dev messages` to pick them up.
This function is never called.
"""

from django.utils.translation import gettext, ngettext


def _informal_overrides() -> None:  # pragma: no cover - read only by makemessages
    # One word for each action across the site: Inloggen, Uitloggen, Account maken.
    gettext("Sign In")
    gettext("Sign Up")
    gettext("Sign Out")
    gettext("Are you sure you want to sign out?")
    gettext(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    )
    gettext("Already have an account? Then please %(link)ssign in%(end_link)s.")
    gettext("Your old password was entered incorrectly. Please enter it again.")
    ngettext(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        8,
    )
    gettext("Your password can’t be too similar to your other personal information.")
    gettext("Your password can’t be a commonly used password.")
    gettext("Your password can’t be entirely numeric.")
    gettext("Please contact us if you have any trouble resetting your password.")
    gettext(
        "We have sent you an email. If you have not received it please check your spam folder. "
        "Otherwise contact us if you do not receive it in a few minutes."
    )
    gettext(
        "We have sent an email to you for verification. Follow the link provided to finalize the "
        "signup process. If you do not see the verification email in your main inbox, check your "
        "spam folder. Please contact us if you do not receive the verification email within a few "
        "minutes."
    )
    gettext(
        "We have sent you an e-mail. Please contact us if you do not receive it within a few "
        "minutes."
    )
    # Django 5.2 changed this text and its own Dutch catalogue does not have the new one yet
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    )
    # allauth's Dutch for these is stiff or misspelt
    gettext("Confirmation email sent to %(email)s.")
    gettext("Verify Your Email Address")
    gettext("Verified")
    gettext("Unverified")
    gettext("Primary")
    gettext("Make Primary")
    gettext("Re-send Verification")
    gettext("Password successfully changed.")
    gettext(
        "You're receiving this email because user %(user_display)s has given your email "
        "address to register an account on %(site_domain)s."
    )
    gettext(
        "You are receiving this email because you, or someone else, tried to access an account "
        "with email %(email)s. However, we do not have any record of such an account in our "
        "database."
    )
