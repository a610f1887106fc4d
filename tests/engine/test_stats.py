import numpy as np
import pytest
from scipy.stats import wilcoxon

from coachbridge.engine.stats import paired_change


def test_paired_change_reports_means_effect_size_and_the_wilcoxon_p():
    before = [2.0, 3.0, 2.5, 3.0, 2.0, 3.5]
    after = [3.0, 4.0, 3.5, 3.5, 4.0, 3.0]

    result = paired_change(before, after)

    differences = [b - a for a, b in zip(before, after, strict=True)]
    assert result["n"] == 6
    assert result["change"] == pytest.approx(sum(differences) / 6)
    assert result["d_z"] == pytest.approx(np.mean(differences) / np.std(differences, ddof=1))
    assert result["d_z"] == pytest.approx(1.0206, abs=1e-4)  # (5/6) / sqrt(2/3)
    assert result["p"] == pytest.approx(wilcoxon(differences, method="exact").pvalue)


def test_too_few_pairs_or_no_change_give_no_test():
    assert paired_change([1, 2], [2, 3])["p"] is None
    assert paired_change([3] * 6, [3] * 6)["p"] is None
    assert paired_change([], [])["n"] == 0


def test_unequal_lists_are_refused():
    with pytest.raises(ValueError, match="same number"):
        paired_change([1, 2], [1])


def test_equal_changes_have_no_spread_and_no_effect_size():
    before = [1.6666666666666667, 2.3333333333333335, 3.0]
    after = [2.3333333333333335, 3.0, 3.6666666666666665]  # each +0.667, up to the last bits

    result = paired_change(before, after)

    assert result["change"] == pytest.approx(2 / 3)
    assert result["d_z"] is None


def test_fewer_than_three_pairs_give_no_effect_size():
    assert paired_change([1.0, 2.0], [2.0, 4.0])["d_z"] is None
    assert paired_change([1.0, 2.0, 2.0], [2.0, 4.0, 3.0])["d_z"] == pytest.approx(
        4 / 3 / (1 / 3) ** 0.5
    )
