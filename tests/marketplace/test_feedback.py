"""The members' judgements of matches, exported as an evaluation set and measured by the bench."""

import importlib.util
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from coachbridge.marketplace.models import HiddenMatch
from tests.factories.marketplace import IntroductionFactory, PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BENCH = Path(__file__).resolve().parents[2] / "bench" / "matching.py"


@pytest.fixture
def judged(db):
    """A need with an accepted introduction, one only asked for, and one offer marked "not
    relevant"; the need's author also wrote an offer."""
    need = PostFactory(
        kind="need",
        title="Coaches gezocht voor een dagboekstudie",
        text="Ik zoek coaches die met hun coachees meedoen aan een dagboekstudie.",
    )
    agreed = PostFactory(
        kind="offer",
        title="Mijn coachees doen graag mee",
        text="Als coach doe ik met mijn coachees mee aan een dagboekstudie over coaching.",
    )
    asked = PostFactory(
        kind="offer",
        language="en",
        title="Coaches open to diary studies",
        text="Our group of twelve coaches takes part in diary studies about coaching.",
        status="closed",
    )
    dismissed = PostFactory(
        kind="offer",
        title="Zaal te huur in Zwolle",
        text="Een vergaderzaal met beamer voor twintig personen.",
        category="venue",
    )
    own_offer = PostFactory(kind="offer", author=need.author, title="Ik deel mijn vragenlijst")
    IntroductionFactory(requester_post=need, recipient_post=agreed, status="accepted")
    IntroductionFactory(requester_post=asked, recipient_post=need, status="requested")
    HiddenMatch.objects.create(post=need, other=dismissed)
    HiddenMatch.objects.create(post=agreed, other=need)  # the other side's "no" loses
    return need, agreed, asked, dismissed, own_offer


def export(tmp_path: Path) -> tuple[Path, list[dict]]:
    out = tmp_path / "feedback.jsonl"
    call_command("export_match_feedback", "--out", str(out))
    return out, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_export_grades_introductions_and_lists_not_relevant_offers(judged, tmp_path):
    need, agreed, asked, dismissed, own_offer = judged

    _, rows = export(tmp_path)

    assert [row["kind"] for row in rows] == ["offer"] * 4 + ["need"]
    need_row = rows[-1]
    assert need_row["id"] == f"n{need.pk}"
    assert need_row["relevant"] == {f"o{agreed.pk}": 2, f"o{asked.pk}": 1}
    assert need_row["not_relevant"] == [f"o{dismissed.pk}"]
    assert need_row["subsets"] == ["same_language", "cross_language"]
    assert need_row["split"] == "live"
    by_id = {row["id"]: row for row in rows}
    assert by_id[f"o{asked.pk}"]["lang"] == "en"  # closed posts are in the file too
    assert by_id[f"o{own_offer.pk}"]["author"] == need_row["author"]
    assert by_id[f"o{agreed.pk}"]["author"] != need_row["author"]


def test_export_names_no_member(judged, tmp_path):
    need = judged[0]

    out, rows = export(tmp_path)

    text = out.read_text(encoding="utf-8")
    assert need.author.email not in text
    assert need.author.profile.display_name not in text
    assert {row["author"] for row in rows} == {"a1", "a2", "a3", "a4"}


def test_export_to_standard_output(judged, capsys):
    call_command("export_match_feedback", "--out", "-")

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert json.loads(lines[-1])["kind"] == "need"


def test_export_to_a_folder_that_does_not_exist_says_so(judged, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_match_feedback", "--out", str(tmp_path / "missing" / "f.jsonl"))


def test_bench_measures_the_engine_on_the_exported_judgements(judged, tmp_path, capsys):
    out, _ = export(tmp_path)
    spec = importlib.util.spec_from_file_location("bench_matching_feedback", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    bench.main(["--no-speed", "--data", str(out)])

    printed = capsys.readouterr().out
    assert "# quality: 1 needs with a relevant offer (1 in all), 4 offers" in printed
    assert "## all needs" in printed and "## dev needs" not in printed
    # the engine ranks the two relevant offers above the venue: R@1 is one of two
    assert "overall            1  ours        1.000 0.500 1.000" in printed
    assert "marked not relevant, still in the top 5 (of 1): ours 1," in printed
