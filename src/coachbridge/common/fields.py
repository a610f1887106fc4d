"""Form fields the apps share."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from coachbridge.common.numbers import fits_a_column


def is_out_of_range(value: Any) -> bool:
    """A whole number that no primary key can have; other values Django checks itself."""
    try:
        return not fits_a_column(int(value))
    except (TypeError, ValueError):
        return False


class IntPkMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of objects with an integer primary key, that refuses too big a number."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:  # clean() has checked that it is a list
            if is_out_of_range(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
