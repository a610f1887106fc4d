"""The themes engine's building blocks: centring embeddings, the neighbour graph, spectral
grouping and graph coordinates (the guided mode)."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import normalize

from coachbridge.engine.themes import Guide, Note, find_themes
from coachbridge.engine.themes.grouping import graph_coordinates, knn_graph, spectral

pytestmark = pytest.mark.unit

represent = importlib.import_module("coachbridge.engine.themes.represent")


def two_topics_on_a_common_direction(n: int) -> np.ndarray:
    """n unit vectors: a large shared component plus a small one per topic (as a sentence
    encoder gives short notes), half the notes on each topic, with a little noise."""
    rng = np.random.default_rng(0)
    common = np.zeros(8)
    common[0] = 1.0
    rows = []
    for i in range(n):
        topic = np.zeros(8)
        topic[1 + i % 2] = 0.25
        rows.append(common + topic + rng.normal(0, 0.02, 8))
    return normalize(np.array(rows))


def test_centring_removes_the_common_component() -> None:
    vectors = two_topics_on_a_common_direction(200)
    raw = vectors @ vectors.T
    centred = represent.centre(vectors)
    sims = centred @ centred.T
    assert raw[0, 1] > 0.9  # raw: notes on different topics look alike
    assert sims[0, 1] < 0
    assert sims[0, 2] > 0.5  # same topic stays close
    assert np.allclose(np.linalg.norm(centred, axis=1), 1.0)


def test_centring_a_tiny_input_stays_near_the_raw_vectors() -> None:
    vectors = two_topics_on_a_common_direction(2)
    centred = represent.centre(vectors)
    assert float((centred * vectors).sum(axis=1).min()) > 0.9
    assert centred @ centred[0] @ np.ones(2) > 0  # the two notes do not point apart


def test_neighbour_graph_is_symmetric_connected_and_small_inputs_get_fewer_neighbours() -> None:
    vectors = two_topics_on_a_common_direction(40)
    graph = knn_graph(vectors, neighbours=5)
    assert np.array_equal(graph, graph.T)
    assert np.all(np.diag(graph) == 0)
    off_diagonal = graph[~np.eye(40, dtype=bool)]
    assert off_diagonal.min() > 0  # connected, however far apart two groups are
    assert ((graph >= 1).sum(axis=1) >= 5).all()
    small = knn_graph(vectors[:12], neighbours=10)
    assert ((small >= 1).sum(axis=1) < 11).all()  # not everybody's neighbour


def two_chains() -> np.ndarray:
    """Two long parallel chains of points: k-means cuts across them, a neighbour graph does
    not."""
    t = np.linspace(-3, 3, 40)
    first = np.column_stack([t, np.zeros_like(t), np.ones_like(t)])
    second = np.column_stack([t, np.full_like(t, 0.6), np.ones_like(t)])
    return normalize(np.vstack([first, second]))


def test_spectral_follows_chains_of_neighbours() -> None:
    vectors = two_chains()
    gold = [0] * 40 + [1] * 40
    labels = spectral(vectors, 2, neighbours=5)
    assert adjusted_rand_score(gold, labels) == 1.0
    k_means = KMeans(n_clusters=2, n_init=10, random_state=0).fit_predict(vectors)
    assert adjusted_rand_score(gold, k_means) < 0.5
    assert np.array_equal(labels, spectral(vectors, 2, neighbours=5))  # deterministic


def test_graph_coordinates_separate_the_chains() -> None:
    coords = graph_coordinates(two_chains(), 2, neighbours=5)
    assert coords.shape == (80, 2)
    centres = np.vstack([coords[:40].mean(axis=0), coords[40:].mean(axis=0)])
    nearest = np.argmax(coords @ centres.T, axis=1)
    assert nearest.tolist() == [0] * 40 + [1] * 40


def test_guided_mode_on_a_neighbour_graph_keeps_examples_and_is_deterministic() -> None:
    texts = [
        "Kan een chatbot coachen?",
        "AI als sparringpartner",
        "Will AI replace coaches?",
        "apps in het coachtraject",
        "videobellen met de coach",
        "Coaching in groepen",
        "teamcoaching bij zelfsturende teams",
        "group dynamics",
        "groepscoaching en verbondenheid",
        "intervisie met collega's",
        "Effect op de partner thuis",
        "Rimpeleffect van coaching op collega's",
        "Ripple effect on family",
        "sociale omgeving van de coachee",
        "de kinderen merken het ook",
    ]
    notes = [Note(f"n{i}", t) for i, t in enumerate(texts)]
    guide = [Guide("Tech", ("n0", "n2")), Guide("Groep", ("n5",)), Guide("Rimpel", ("n12",))]
    themes = find_themes(notes, guide=guide, embedder=None)
    assert [t.label for t in themes] == ["Tech", "Groep", "Rimpel"]
    for theme, entry in zip(themes, guide, strict=True):
        assert set(entry.examples) <= set(theme.notes)
    assert themes == find_themes(list(notes), guide=guide, embedder=None)
