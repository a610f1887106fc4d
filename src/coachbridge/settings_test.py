"""Test settings: the main settings with data in a temporary folder and fast hashing."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("COACHBRIDGE_DATA_DIR", tempfile.mkdtemp(prefix="coachbridge-test-"))

from coachbridge.settings import *  # noqa: F403
from coachbridge.settings import DATA_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # live_server serves static files through the finders, so no manifest here.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(DATA_DIR) / "media"

(Path(DATA_DIR) / "static").mkdir(
    parents=True, exist_ok=True
)  # WhiteNoise warns when it is missing
