"""The plain-language assistant endpoint, with the real readability engine."""

import pytest
from django.urls import reverse
from django.utils import translation

from coachbridge.knowledge.assistant import advise, issue_message

HARD_NL = (
    "De interventie werd door de onderzoekers geëvalueerd middels een gerandomiseerde "
    "gecontroleerde studie waarbij de effectgrootte, die door de auteurs als substantieel werd "
    "gekwalificeerd, significant bleek te zijn."
)
EASY_NL = "Coaching helpt. De coach luistert goed. Samen maak je een plan."


@pytest.mark.integration
@pytest.mark.django_db
def test_assistant_marks_hard_sentences_with_reasons(client_for, member):
    response = client_for(member).post(
        reverse("knowledge:assistant"),
        {"language": "nl", "title": "Werkt het?", "findings": HARD_NL, "practice": EASY_NL},
        HTTP_HX_REQUEST="true",
    )

    advice = response.context["advice"]
    body = response.content.decode()
    assert response.status_code == 200
    assert advice.level in {"B2", "C1", "C2"}
    assert advice.on_target is False
    assert [f.section for f in advice.findings] == ["findings"]
    kinds = {issue["kind"] for issue in advice.findings[0].issues}
    assert {"long_sentence", "passive", "jargon"} <= kinds
    assert "Probeer een gewoon woord" in body or "Try a plain word" in body
    assert "“effectgrootte” is een vakterm" in body or "“effectgrootte” is a specialist" in body
    assert "<html" not in body  # a partial, not a page


@pytest.mark.integration
@pytest.mark.django_db
def test_assistant_on_an_empty_text_asks_to_start(client_for, member):
    response = client_for(member).post(reverse("knowledge:assistant"), {"language": "nl"})

    assert response.context["advice"].empty is True
    assert response.context["advice"].findings == []


@pytest.mark.unit
def test_easy_english_is_on_target():
    with translation.override("en"):
        advice = advise({"lead": "Coaching helps. The coach listens. You make a plan."}, "en")

    assert advice.lang == "en"
    assert advice.on_target is True
    assert advice.findings == []
    assert "Words" in [label for label, _value in advice.scores]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("kind", "params", "expected"),
    [
        ("long_sentence", {"words": 27, "limit": 20}, "This sentence has 27 words. Aim for 20"),
        ("jargon", {"term": "interventie", "plain": "aanpak"}, "Try a plain word: “aanpak”"),
        ("jargon", {"term": "odds ratio"}, "Explain it in plain words."),
        ("passive", {"phrase": "werd geëvalueerd"}, "“werd geëvalueerd” is passive"),
        ("clauses", {"count": 3}, "This sentence has 3 clauses"),
        ("rare_word", {"word": "middels"}, "“middels” is not a common word"),
        ("long_word", {"word": "gekwalificeerd"}, "“gekwalificeerd” is a long word"),
    ],
)
def test_issue_messages_are_written_by_the_app(kind, params, expected):
    with translation.override("en"):
        message = issue_message(kind, params, "")

    assert expected in message
