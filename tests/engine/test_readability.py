"""Tests of coachbridge.engine.readability and the `coachbridge readability` command."""

from __future__ import annotations

import io
import json
import sys

import pytest

from coachbridge.engine.commands import run_engine_command
from coachbridge.engine.readability import LEVELS, Analysis, analyse

pytestmark = pytest.mark.unit


def test_issue_offsets_point_into_the_text() -> None:
    text = "Het onderzoek werd uitgevoerd. De effectgrootte van de interventie was groot."
    result = analyse(text, "nl")
    assert isinstance(result, Analysis)
    assert result.level in LEVELS
    kinds = {i.kind for i in result.issues}
    assert {"passive", "jargon"} <= kinds
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for issue in sentence.issues:
            assert text[issue.start : issue.end] == issue.text


def test_command_prints_the_contract(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The study was done.")))
    assert run_engine_command("readability", ["--lang", "en"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"level", "scores", "sentences"}
    assert out["sentences"][0]["issues"][0]["kind"] == "passive"
