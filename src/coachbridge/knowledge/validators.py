"""Validators shared by the models and the forms of the knowledge hub."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/")
IMAGE_MAX_BYTES = 2 * 1024 * 1024
# A small file can still unpack to a huge image (a "decompression bomb"); 5000 by 5000 is plenty
# for a summary.
IMAGE_MAX_PIXELS = 25_000_000
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


def normalise_doi(value: str) -> str:
    """``https://doi.org/10.1/X`` and ``doi:10.1/X`` become ``10.1/X``; other text is kept."""
    doi = value.strip()
    for prefix in DOI_PREFIXES:
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix) :]
            break
    if doi.lower().startswith("doi:"):
        doi = doi[4:].strip()
    return doi


def validate_doi(value: str) -> None:
    if value and not DOI_RE.match(normalise_doi(value)):
        raise ValidationError(
            _(
                "This is not a DOI. A DOI starts with 10., then a number, a slash and a code. "
                "For example: 10.1080/17521882.2016.1266005"
            ),
            code="doi",
        )


def validate_image(upload: object) -> str:
    """Check size and real image type (Pillow verify). Returns the content type."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 -- only needed for uploads

    size = getattr(upload, "size", 0) or 0
    if size > IMAGE_MAX_BYTES:
        raise ValidationError(_("The image is too big. The limit is 2 MB."), code="size")
    try:
        upload.seek(0)  # type: ignore[attr-defined]
        with Image.open(upload) as image:  # type: ignore[arg-type]
            image_format, pixels = image.format, image.width * image.height
            image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        # Pillow's own limit, far above ours, stops it opening the file at all (its warning
        # comes as an exception where warnings are errors, as in the tests)
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not an image we can show. Use a JPEG, PNG, WebP or GIF file."),
            code="type",
        ) from error
    finally:
        upload.seek(0)  # type: ignore[attr-defined]
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("This file is not an image we can show. Use a JPEG, PNG, WebP or GIF file."),
            code="type",
        )
    if pixels > IMAGE_MAX_PIXELS:
        raise _too_many_pixels()
    return IMAGE_FORMATS[image_format]


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _(
            "This image has too many pixels. Make it smaller, for example 2000 pixels wide, "
            "and upload it again."
        ),
        code="pixels",
    )
