"""Whole numbers sent in forms and links, read without ever raising."""

from __future__ import annotations

# SQLite and PostgreSQL integer columns hold signed 64-bit numbers; SQLite raises on a bigger
# one in a query instead of finding nothing.
LARGEST = 2**63 - 1


def fits_a_column(number: int) -> bool:
    return -LARGEST - 1 <= number <= LARGEST


def whole_number(text: str | None) -> int | None:
    """`text` as an int, or None when it is not a whole number a database column can hold."""
    try:
        number = int(text or "")
    except ValueError:
        return None
    return number if fits_a_column(number) else None
