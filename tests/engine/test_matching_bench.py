"""Tests of the metrics that bench/matching.py reports (so the figures mean what they say)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.unit

BENCH = Path(__file__).resolve().parents[2] / "bench" / "matching.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_matching", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recall_is_the_standard_share_of_relevant_offers(bench: ModuleType) -> None:
    ranking = ["x", "a", "y", "z", "w", "b", "v"]

    m = bench.need_metrics(ranking, {"a": 2, "b": 1})

    assert m["P@1"] == 0.0
    assert m["R@1"] == 0.0
    assert m["R@5"] == 0.5  # one of the two relevant offers in the top 5
    assert m["R@10"] == 1.0
    assert m["MRR"] == 0.5
    assert m["hit@5"] == 1.0


def test_recall_counts_every_relevant_offer_even_beyond_k(bench: ModuleType) -> None:
    relevant = {name: 1 for name in "abcdef"}  # six relevant offers, all in the top 6

    m = bench.need_metrics(list("abcdef"), relevant)

    assert m["R@5"] == pytest.approx(5 / 6)  # not capped at min(k, |relevant|)
    assert m["P@1"] == 1.0
    assert m["R@1"] == pytest.approx(1 / 6)  # one of six relevant offers in the top 1


def test_verdict_lists_losses_and_ties_per_subset(bench: ModuleType) -> None:
    needs = [
        {"id": "n1", "subsets": ["same_language"], "relevant": {"a": 2}},
        {"id": "n2", "subsets": ["brand_new"], "relevant": {"b": 2}},
    ]
    rankings = {
        "ours": {"n1": ["a", "b"], "n2": ["a", "b"]},
        "bm25": {"n1": ["a", "b"], "n2": ["b", "a"]},
    }

    lines = bench.verdict(needs, rankings)

    assert bench.subsets(needs) == ["same_language", "brand_new"]
    assert "overall R@5 1.000 (>= 0.95: yes), MRR 0.750 (>= 0.9: no)" in lines[0]
    assert "brand_new MRR 0.500 < 1.000" in lines[1]
    assert "same_language MRR 1.000" in lines[2]


def test_pooled_judgements_add_only_pairs_every_assessor_found(bench: ModuleType) -> None:
    rows = [
        {"id": "n1", "kind": "need", "relevant": {"a": 2}},
        {"id": "a", "kind": "offer"},
    ]
    pool = [
        {"need": "n1", "offer": "a", "grades": [0, 0]},  # the writer's judgement stays
        {"need": "n1", "offer": "b", "grades": [2, 1]},  # both found it: the lower grade
        {"need": "n1", "offer": "c", "grades": [2, 0]},  # one assessor only: not added
    ]

    need, offer = bench.pooled(rows, pool)

    assert need["relevant"] == {"a": 2, "b": 1}
    assert offer == {"id": "a", "kind": "offer"}
    assert rows[0]["relevant"] == {"a": 2}  # the input is not changed


def test_agreement_reports_kappa_and_the_writers_pairs_found(bench: ModuleType) -> None:
    rows = [{"id": "n1", "kind": "need", "relevant": {"a": 2, "b": 1}}]
    pool = [
        {"need": "n1", "offer": "a", "grades": [2, 1]},
        {"need": "n1", "offer": "b", "grades": [0, 1]},
        {"need": "n1", "offer": "c", "grades": [1, 1]},
        {"need": "n1", "offer": "d", "grades": [0, 0]},
    ]

    lines = "\n".join(bench.agreement(rows, pool))

    # observed 3/4; chance 3/4 * 1/2 + 1/4 * 1/2 = 1/2; kappa (0.75 - 0.5) / 0.5 = 0.5
    assert "agree on 75.0% of the pairs, Cohen's kappa 0.50" in lines
    assert "of the writer's 2 relevant pairs, both assessors found 1 (50.0%)" in lines
    assert "not listed by the writer): 1" in lines


def test_the_committed_pool_grades_every_written_pair_twice(bench: ModuleType) -> None:
    rows = bench.load()
    pool = bench.load(bench.POOL)
    needs = {r["id"]: r for r in rows if r["kind"] == "need"}
    offers = {r["id"] for r in rows if r["kind"] == "offer"}
    pairs = {(p["need"], p["offer"]) for p in pool}

    assert len(pairs) == len(pool)  # no pair twice
    assert all(n in needs and o in offers for n, o in pairs)
    assert all(len(p["grades"]) == 2 and set(p["grades"]) <= {0, 1, 2} for p in pool)
    written = {(n, o) for n, need in needs.items() for o in need["relevant"]}
    assert written <= pairs  # the writer's pairs were graded blind among the others
    assert {n for n, _ in pairs} == set(needs)


def test_feedback_round_counts_relevant_offers_seen_in_both_lists(bench: ModuleType) -> None:
    talk = {
        "kind": "offer",
        "title": "Spreker voor uw avond",
        "text": "Ik geef een lezing over leiderschap in teams, voor uw congres of avond.",
        "lang": "nl",
        "category": "speaker",
    }
    offers = [talk | {"id": f"o-talk-{i}"} for i in range(10)] + [
        {
            "id": "o-sleep",
            "kind": "offer",
            "title": "Research on sleep",
            "text": "I study how clients in coaching sleep and what helps them rest.",
            "lang": "en",
            "category": "knowledge",
        }
    ]
    need = {
        "id": "n-sleep",
        "kind": "need",
        "title": "Spreker gezocht over slaap",
        "text": "Voor onze avond over coaching en slaapproblemen zoeken we iemand die vertelt "
        "wat onderzoek zegt.",
        "lang": "nl",
        "category": "speaker",
        "split": "dev",
        "relevant": {"o-sleep": 2},
    }

    rounds = bench.feedback_round([need], offers)

    # ten equal talks fill the top 5 and, once five are left out, the next top 5 as well;
    # moving posts like the dismissed talks down brings the offer about sleep up
    assert rounds["dev"] == rounds["all"] == (0.0, 1.0)


@pytest.fixture(scope="module")
def pool_script(bench: ModuleType) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_matching_pool", BENCH.with_name("matching_pool.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # the script imports its sibling as "matching": lend it the loaded one while it loads
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "matching", bench)
        spec.loader.exec_module(module)
    return module


def test_merge_keeps_both_grades_and_names_a_missing_one(
    pool_script: ModuleType, tmp_path: Path
) -> None:
    pool = {"n1": ["o1", "o2"]}
    (tmp_path / "grades-1-a.jsonl").write_text(
        '{"need": "n1", "offer": "o1", "grade": 2}\n{"need": "n1", "offer": "o2", "grade": 0}\n'
    )
    (tmp_path / "grades-1-b.jsonl").write_text('{"need": "n1", "offer": "o1", "grade": 1}\n')

    with pytest.raises(ValueError, match="assessor b did not grade n1 \\+ o2"):
        pool_script.merge_grades(pool, tmp_path)

    with (tmp_path / "grades-1-b.jsonl").open("a") as handle:
        handle.write('{"need": "n1", "offer": "o2", "grade": 1}\n')
    assert pool_script.merge_grades(pool, tmp_path) == [
        {"need": "n1", "offer": "o1", "grades": [2, 1]},
        {"need": "n1", "offer": "o2", "grades": [0, 1]},
    ]
    (tmp_path / "grades-2-a.jsonl").write_text('{"need": "n1", "offer": "o9", "grade": 1}\n')
    with pytest.raises(ValueError, match="n1 \\+ o9 is not pooled"):
        pool_script.merge_grades(pool, tmp_path)
