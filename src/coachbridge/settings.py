"""Settings for coachbridge, read from COACHBRIDGE_* environment variables.

Defaults let a developer start at once (debug on, console e-mail, tasks run at once, SQLite).
Production mode (COACHBRIDGE_PRODUCTION=1) needs a secret key, refuses debug, and turns on secure
cookies, HSTS and HTTPS redirects. Every variable is listed in docs/admin/configuration.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent


# --- Reading the environment -------------------------------------------------------------------


def env_str(name: str, default: str = "") -> str:
    """A string from NAME, or from the file named by NAME_FILE (for secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {file_name}: {error}") from error
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Mode and secrets --------------------------------------------------------------------------

PRODUCTION = env_bool("COACHBRIDGE_PRODUCTION", False)
DEBUG = env_bool("COACHBRIDGE_DEBUG", not PRODUCTION)
DATA_DIR = Path(env_str("COACHBRIDGE_DATA_DIR", str(PACKAGE_DIR.parents[1] / "var")))

SECRET_KEY = env_str("COACHBRIDGE_SECRET_KEY")
if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured(
            "COACHBRIDGE_DEBUG is on in production mode: set COACHBRIDGE_DEBUG=0."
        )
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "Production mode needs COACHBRIDGE_SECRET_KEY (or COACHBRIDGE_SECRET_KEY_FILE) of at "
            "least 50 random characters."
        )
elif not SECRET_KEY:
    SECRET_KEY = "development-only-key-never-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list(
    "COACHBRIDGE_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Production mode needs COACHBRIDGE_ALLOWED_HOSTS (comma separated).")
CSRF_TRUSTED_ORIGINS = env_list("COACHBRIDGE_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("COACHBRIDGE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env_str("COACHBRIDGE_SITE_NAME", "Leernetwerk Coaching")


# --- Applications ------------------------------------------------------------------------------

INSTALLED_APPS = [
    "coachbridge.common",
    "coachbridge.accounts",
    "coachbridge.marketplace",
    "coachbridge.events",
    "coachbridge.agenda",
    "coachbridge.research",
    "coachbridge.knowledge",
    "coachbridge.directory",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "coachbridge.accounts.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "coachbridge.common.middleware.ButtonAddressMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "coachbridge.urls"
WSGI_APPLICATION = "coachbridge.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coachbridge.common.context_processors.site",
            ],
        },
    },
]


# --- Database ----------------------------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "coachbridge.sqlite3",
            "OPTIONS": {
                # WAL lets the web server read while the task worker writes.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }


# --- Accounts ----------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "coachbridge.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "coachbridge.accounts.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}


# --- Languages ---------------------------------------------------------------------------------

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env_str("COACHBRIDGE_TIME_ZONE", "Europe/Amsterdam")
USE_TZ = True


# --- Static files and uploads ------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"  # never served directly: uploads go through views that check access
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440


# --- Cache, tasks, e-mail ----------------------------------------------------------------------

CACHES = {
    "default": {
        # Shared by all web processes, so the login rate limits hold across them.
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "coachbridge_cache",
    }
}

TASK_WORKER = env_bool("COACHBRIDGE_TASK_WORKER", False)

# Marketplace matching: where the saved index lives, which sentence model it uses (a dotted path to
# a class with `encode(texts)`; empty for word matching only), and the daily introduction limit.
COACHBRIDGE_MATCH_INDEX_DIR = env_str("COACHBRIDGE_MATCH_INDEX_DIR", str(DATA_DIR / "match-index"))
MARKETPLACE_MATCH_EMBEDDER = env_str(
    "COACHBRIDGE_MATCH_EMBEDDER", "coachbridge.engine.matching.UniversalSentenceEncoder"
)
MARKETPLACE_INTRODUCTIONS_PER_DAY = env_int("COACHBRIDGE_INTRODUCTIONS_PER_DAY", 10)
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASK_WORKER
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

DEFAULT_FROM_EMAIL = env_str("COACHBRIDGE_EMAIL_FROM", f"{SITE_NAME} <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("COACHBRIDGE_EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("COACHBRIDGE_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("COACHBRIDGE_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env_str("COACHBRIDGE_EMAIL_PASSWORD")
    EMAIL_USE_TLS = env_bool("COACHBRIDGE_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"


# --- Security ----------------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("COACHBRIDGE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("COACHBRIDGE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("COACHBRIDGE_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        # Every request then comes from the proxy's address: without this, the rate limits per
        # address (logins, the help-finder) would count all visitors as one.
        ALLAUTH_TRUSTED_PROXY_COUNT = env_int("COACHBRIDGE_TRUSTED_PROXY_COUNT", 1)

# No inline scripts or styles anywhere: behaviour hangs on data- attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}


# --- Logging -----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("COACHBRIDGE_LOG_LEVEL", "INFO")},
}
