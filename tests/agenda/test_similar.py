"""Near-duplicates come from the matching engine's text understanding; the embedder plugs in."""

import numpy as np
import pytest

from coachbridge.agenda.services import similar
from tests.factories.agenda import QuestionFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


class TopicEmbedder:
    """Puts every text that mentions a topic word on the same direction."""

    TOPICS = ["ripple", "rimpel", "omgeving", "partner", "naasten"]

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        rows = []
        for text in texts:
            hit = any(word in text.lower() for word in self.TOPICS)
            rows.append([1.0, 0.0] if hit else [0.0, 1.0])
        return np.array(rows, dtype=np.float32)


def test_index_follows_new_and_edited_questions():
    QuestionFactory(title="Hoe werkt groepscoaching in teams?")
    assert similar.similar_questions("Wat doet AI voor de effectiviteit van coaching?") == []

    added = QuestionFactory(title="Kan AI de effectiviteit van coaching vergroten?")

    found = similar.similar_questions("Wat doet AI voor de effectiviteit van coaching?")
    assert [item.question for item in found] == [added]


def test_embedder_is_pluggable_and_finds_what_words_miss():
    kept = QuestionFactory(title="Wat is het rimpeleffect van coaching?", why="Voor naasten.")
    QuestionFactory(title="Hoe meet je de effectiviteit van teamcoaching?", why="Teams.")
    typed = "Merkt mijn partner thuis iets van mijn coachtraject?"
    assert similar.similar_questions(typed) == []  # the words alone do not meet
    embedder = TopicEmbedder()
    similar.use_embedder(embedder)

    found = similar.similar_questions(typed)

    assert embedder.calls >= 2
    assert [item.question for item in found][:1] == [kept]


def test_short_input_finds_nothing():
    QuestionFactory(title="Kan AI de effectiviteit van coaching vergroten?")

    assert similar.similar_questions("AI") == []
