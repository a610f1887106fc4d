"""The CSV export: codes and numbers only, people around only as visible group averages."""

import csv

import pytest

from coachbridge.research import services
from coachbridge.research.enums import RaterGroup
from coachbridge.research.export import HEADER, write_study_csv
from tests.research.conftest import all_coachees

pytestmark = pytest.mark.django_db


def test_the_export_holds_no_addresses_no_free_text_and_no_hidden_group(
    tmp_path, study, coach, make_rater, answer_start
):
    coachee = services.add_coachee(study, email="lisa@example.net", language="nl", by=coach)
    services.give_consent(coachee)
    answer_start(coachee, value=2, comment="Ik wil rust in mijn hoofd, zegt Lisa")
    for value in (3, 4, 5):
        make_rater(coachee, value=value, comment="Collega Jan merkt rust")
    make_rater(coachee, group=RaterGroup.PARTNER, value=1, comment="Partner Piet")
    path = tmp_path / "study.csv"

    with path.open("w", newline="", encoding="utf-8") as out:
        count = write_study_csv(all_coachees(study), out)

    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert count == len(rows) == 2
    assert list(rows[0]) == HEADER
    assert rows[0]["record"] == "coachee" and rows[0]["code"] == coachee.code
    assert rows[0]["goal_clear"] == "2" and rows[0]["goal"] == "2"
    assert rows[1]["record"] == "network_group" and rows[1]["code"] == "colleague"
    assert (rows[1]["n"], rows[1]["change"]) == ("3", "4")
    for secret in ("lisa@example.net", "Lisa", "Jan", "Piet", "partner", coachee.token):
        assert secret not in text
