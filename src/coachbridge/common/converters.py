"""Path converters for the links that work without an account."""

from __future__ import annotations


class TokenConverter:
    """A token or code as we make them (URL-safe base64 letters, digits, "-" and "_").

    Anything else is "page not found" before it reaches the database; PostgreSQL refuses to
    even compare a text with a NUL byte in it.
    """

    regex = "[A-Za-z0-9_-]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
