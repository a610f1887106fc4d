import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
LINKEDIN_HOST = re.compile(r"((www|[a-z]{2})\.)?linkedin\.com")  # nl.linkedin.com and the like


def validate_photo(photo: UploadedFile) -> None:
    """Only small JPEG, PNG or WebP images; Pillow has already checked it is a real image."""
    if photo.size is not None and photo.size > PHOTO_MAX_BYTES:
        raise ValidationError(_("This photo is too large. Choose a file of at most 2 MB."))
    image = getattr(photo, "image", None)
    if image is not None and image.format not in PHOTO_FORMATS:
        raise ValidationError(_("Choose a JPEG, PNG or WebP file."))


def validate_linkedin(address: str) -> None:
    """Only a page on LinkedIn: the profile shows it as the member's LinkedIn page."""
    host = urlsplit(address).hostname or ""
    if not LINKEDIN_HOST.fullmatch(host.lower()):
        raise ValidationError(
            _(
                "Fill in the address of your page on LinkedIn, for example "
                "https://www.linkedin.com/in/your-name."
            )
        )
