"""Production mode: refuses unsafe settings and passes Django's deployment checks."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration

SAFE_KEY = "k" * 20 + "x7Qp2vL9sT4wZ8yB1nM6cR3fH5jD0gAe"


def run_coachbridge(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("COACHBRIDGE_")
        and key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "coachbridge.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_coachbridge(
        "check",
        COACHBRIDGE_PRODUCTION="1",
        COACHBRIDGE_DEBUG="0",
        COACHBRIDGE_ALLOWED_HOSTS="coaching.example.org",
        COACHBRIDGE_DATA_DIR=str(tmp_path),
    )

    assert result.returncode != 0
    assert "COACHBRIDGE_SECRET_KEY" in result.stderr


def test_production_refuses_debug(tmp_path):
    result = run_coachbridge(
        "check",
        COACHBRIDGE_PRODUCTION="1",
        COACHBRIDGE_DEBUG="1",
        COACHBRIDGE_SECRET_KEY=SAFE_KEY,
        COACHBRIDGE_ALLOWED_HOSTS="coaching.example.org",
        COACHBRIDGE_DATA_DIR=str(tmp_path),
    )

    assert result.returncode != 0
    assert "COACHBRIDGE_DEBUG is on in production mode" in result.stderr


def test_malformed_boolean_is_named(tmp_path):
    result = run_coachbridge("check", COACHBRIDGE_DEBUG="maybe", COACHBRIDGE_DATA_DIR=str(tmp_path))

    assert result.returncode != 0
    assert "COACHBRIDGE_DEBUG must be 1/0" in result.stderr


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    key_file = tmp_path / "secret"
    key_file.write_text(SAFE_KEY)

    result = run_coachbridge(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        COACHBRIDGE_PRODUCTION="1",
        COACHBRIDGE_DEBUG="0",
        COACHBRIDGE_SECRET_KEY_FILE=str(key_file),
        COACHBRIDGE_ALLOWED_HOSTS="coaching.example.org",
        COACHBRIDGE_DATA_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_sqlite_database_runs_in_wal_mode(tmp_path):
    result = run_coachbridge(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(cursor.fetchone()[0])",
        COACHBRIDGE_DATA_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"


def test_behind_a_proxy_the_rate_limits_take_the_forwarded_address(tmp_path):
    def proxy_count(**env):
        result = run_coachbridge(
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings\n"
            "print(getattr(settings, 'ALLAUTH_TRUSTED_PROXY_COUNT', 0))",
            COACHBRIDGE_PRODUCTION="1",
            COACHBRIDGE_DEBUG="0",
            COACHBRIDGE_SECRET_KEY=SAFE_KEY,
            COACHBRIDGE_ALLOWED_HOSTS="coaching.example.org",
            COACHBRIDGE_DATA_DIR=str(tmp_path),
            **env,
        )
        assert result.returncode == 0, result.stderr
        return int(result.stdout.strip())

    assert proxy_count() == 0
    assert proxy_count(COACHBRIDGE_BEHIND_PROXY="1") == 1
    assert proxy_count(COACHBRIDGE_BEHIND_PROXY="1", COACHBRIDGE_TRUSTED_PROXY_COUNT="2") == 2
