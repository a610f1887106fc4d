from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


def validate_photo(photo: UploadedFile) -> None:
    """Only small JPEG, PNG or WebP images; Pillow has already checked it is a real image."""
    if photo.size is not None and photo.size > PHOTO_MAX_BYTES:
        raise ValidationError(_("This photo is too large. Choose a file of at most 2 MB."))
    image = getattr(photo, "image", None)
    if image is not None and image.format not in PHOTO_FORMATS:
        raise ValidationError(_("Choose a JPEG, PNG or WebP file."))
