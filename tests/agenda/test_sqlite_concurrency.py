"""Voters at the same moment on a SQLite database file, as SQLite runs in production.

The in-memory test database cannot show this (see test_concurrency.py), so a separate process
migrates a fresh database file and lets 20 voters vote twice at once.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only"),
]

HELPER = Path(__file__).with_name("sqlite_voters.py")


def test_twenty_voters_at_once_on_a_sqlite_file(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COACHBRIDGE_", "DATABASE_URL", "DJANGO_"))
    }
    env.update(COACHBRIDGE_DATA_DIR=str(tmp_path), PYTHONWARNINGS="ignore")

    done = subprocess.run(
        [sys.executable, str(HELPER), "20", "6"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {
        "errors": [],
        "count": 20,
        "voters": 20,
        "sum": sum(1 if n % 3 else -1 for n in range(20)),
    }
