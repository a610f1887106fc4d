"""Style rules that keep small elements readable on a narrow phone."""

import re
from pathlib import Path

import pytest

import coachbridge

pytestmark = pytest.mark.unit

CSS = Path(coachbridge.__file__).parent / "knowledge" / "static" / "knowledge" / "knowledge.css"


def test_the_evidence_dots_stay_on_one_line():
    rule = re.search(r"\.evidence-meter \{([^}]*)\}", CSS.read_text(encoding="utf-8")).group(1)

    assert "white-space: nowrap" in rule  # not "●●" and then "●" at 390 px
    assert "flex-shrink: 0" in rule
