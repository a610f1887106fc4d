"""Tests of the metrics that bench/matching.py reports (so the figures mean what they say)."""

from __future__ import annotations

import importlib.util
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
