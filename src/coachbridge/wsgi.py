"""WSGI entry point, served by gunicorn (see `./dev run` and docs/admin/deployment.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coachbridge.settings")
application = get_wsgi_application()
