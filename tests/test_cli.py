import json
import subprocess
import sys

import pytest

from coachbridge.cli import main

pytestmark = pytest.mark.unit


def test_unknown_engine_module_is_reported_not_crashing(capsys, monkeypatch):
    from coachbridge.engine import commands

    monkeypatch.setitem(commands.ENGINE_COMMANDS, "ghost", "coachbridge.engine.commands.ghost")

    assert main(["ghost"]) == 2
    assert "not available yet" in capsys.readouterr().err


def test_django_commands_run_through_the_same_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "coachbridge.cli", "showmigrations", "--plan", "accounts"],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "accounts.0003_seed_roles" in result.stdout


def test_engine_commands_do_not_load_django():
    code = (
        "import sys, json; from coachbridge.engine.commands import ENGINE_COMMANDS; "
        "import coachbridge.cli; print(json.dumps('django' in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    assert json.loads(result.stdout) is False
