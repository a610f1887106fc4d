"""Sealing e-mail addresses of coachees and raters (Fernet: AES with an authentication tag).

The key is derived from SECRET_KEY, and the keys in SECRET_KEY_FALLBACKS still open what was
sealed before a key rotation; `reseal` moves a value to the current key.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_INFO = b"coachbridge research contact details"


def _fernet(secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _keys() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(secret) for secret in secrets])


def seal(value: str) -> str:
    return _keys().encrypt(value.encode()).decode() if value else ""


def unseal(sealed: str) -> str:
    """The plain value; empty when nothing is sealed or no current key opens it."""
    if not sealed:
        return ""
    try:
        return _keys().decrypt(sealed.encode()).decode()
    except InvalidToken:
        return ""


def reseal(sealed: str) -> str:
    return _keys().rotate(sealed.encode()).decode() if sealed else ""
