"""The filters of a list page, from its GET form."""

from __future__ import annotations

from typing import Any

from django import forms


def valid_filters(form: forms.Form) -> dict[str, Any]:
    """The values of the fields that are valid. One bad value (an old link, a typed address)
    is left out and shown as that field's error; the other filters still apply."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return dict(form.cleaned_data)


def filtered_beyond_search(filters: dict[str, Any]) -> bool:
    """True when a filter other than the search words has a value (the fold stays open)."""
    return any(value for name, value in filters.items() if name != "q")
