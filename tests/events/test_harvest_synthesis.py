"""The synthesis: the themes engine groups insights per theme; the organiser corrects by hand."""

import re

import pytest
from django.urls import reverse

from coachbridge.common.models import ActivityLog
from coachbridge.events.models import Insight, SubTheme
from coachbridge.events.services.harvest import (
    HarvestError,
    merge_subthemes,
    move_insights,
    rename_subtheme,
    synthesise,
)
from tests.events.test_harvest import english
from tests.factories.cafe import make_cafe
from tests.factories.events import MeetingFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NOTES = [
    "AI chatbot als coach tussen de sessies",
    "Chatbots en apps in coaching onderzoeken",
    "Wat doet AI met de werkrelatie?",
    "Groepscoaching en verbondenheid in teams",
    "Teamcoaching en de dynamiek in de groep",
    "Coaching in groepen beter begrijpen",
    "Het proces van coaching meten na elke sessie",
    "Niet alleen uitkomsten maar ook het proces",
]


@pytest.fixture
def cafe(db):
    cafe, _ = make_cafe(MeetingFactory(), themes=("Onderzoek", "Leeg"))
    theme = cafe.themes.get(title="Onderzoek")
    for text in NOTES:
        Insight.objects.create(cafe=cafe, theme=theme, text=text)
    Insight.objects.create(cafe=cafe, theme=theme, text="Verborgen notitie", hidden=True)
    return cafe


def groups(theme):
    return sorted(
        sorted(subtheme.insights.values_list("text", flat=True))
        for subtheme in theme.subthemes.all()
    )


def test_synthesis_puts_every_visible_insight_in_one_subtheme_quoting_the_notes(cafe):
    theme = cafe.themes.get(title="Onderzoek")

    synthesise(cafe, by=None)

    visible = theme.insights.filter(hidden=False)
    assert sorted(text for group in groups(theme) for text in group) == sorted(NOTES)
    assert not visible.filter(subtheme__isnull=True).exists()
    assert theme.insights.get(hidden=True).subtheme is None
    for subtheme in theme.subthemes.all():
        texts = " ".join(subtheme.insights.values_list("text", flat=True))
        assert subtheme.label in texts  # the label is quoted word for word
        highlights = subtheme.insights.filter(is_highlight=True)
        assert 1 <= highlights.count() <= 3
    assert cafe.themes.get(title="Leeg").subthemes.count() == 0


def test_synthesis_is_the_same_every_time(cafe):
    theme = cafe.themes.get(title="Onderzoek")
    synthesise(cafe, by=None)
    first = (groups(theme), sorted(theme.subthemes.values_list("label", flat=True)))

    synthesise(cafe, by=None, start_over=True)

    assert (groups(theme), sorted(theme.subthemes.values_list("label", flat=True))) == first


def test_single_insight_gets_its_own_subtheme(db):
    cafe, _ = make_cafe(MeetingFactory(), themes=("Alleen",))
    theme = cafe.themes.get()
    Insight.objects.create(cafe=cafe, theme=theme, text="Coaching op school voor iedereen")

    synthesise(cafe, by=None)

    assert list(theme.subthemes.values_list("label", flat=True)) == ["Coaching op school voor"]


def test_organiser_runs_the_synthesis_as_a_task_and_it_is_logged(cafe, organiser):
    client = english(organiser)

    response = client.post(reverse("events:harvest-synthesise", kwargs={"pk": cafe.meeting.pk}))

    assert response["Location"] == reverse(
        "events:harvest-synthesis", kwargs={"pk": cafe.meeting.pk}
    )
    assert SubTheme.objects.filter(theme__cafe=cafe).exists()
    entry = ActivityLog.objects.get(action="harvest.synthesised")
    assert (entry.actor, entry.data["start_over"]) == (organiser, False)
    page = client.get(response["Location"]).content.decode()
    assert "The insights are grouped into sub-themes." in page


def test_insights_placed_by_hand_stay_and_similar_ones_follow(cafe, organiser):
    theme = cafe.themes.get(title="Onderzoek")
    synthesise(cafe, by=None)
    chatbot = theme.insights.get(text=NOTES[0])
    group = theme.insights.get(text=NOTES[3])

    technology = move_insights([chatbot], theme=theme, new_label="Technologie", by=organiser)
    move_insights([group], theme=theme, new_label="Groepen", by=organiser)
    synthesise(cafe, by=organiser)

    chatbot.refresh_from_db()
    group.refresh_from_db()
    assert chatbot.subtheme == technology
    assert chatbot.placed_by_hand
    assert group.subtheme.label == "Groepen"
    # The guided grouping lets the other notes about AI and chatbots follow the example.
    assert theme.insights.get(text=NOTES[1]).subtheme == technology


def test_move_to_a_new_subtheme_splits_and_removes_emptied_subthemes(cafe, organiser):
    theme = cafe.themes.get(title="Onderzoek")
    synthesise(cafe, by=None)
    source = theme.subthemes.first()
    everything = list(source.insights.all())

    target = move_insights(everything, theme=theme, new_label="  Nieuw <b>kopje</b> ", by=organiser)

    assert target.label == "Nieuw <b>kopje</b>"  # kept as typed, escaped where shown
    assert not SubTheme.objects.filter(pk=source.pk).exists()
    assert sorted(target.insights.values_list("pk", flat=True)) == sorted(i.pk for i in everything)


def test_move_refuses_insights_of_another_theme(cafe, organiser):
    theme = cafe.themes.get(title="Onderzoek")
    other = cafe.themes.get(title="Leeg")
    stray = Insight.objects.create(cafe=cafe, theme=other, text="Elders")

    with pytest.raises(HarvestError):
        move_insights([stray], theme=theme, new_label="Mix", by=organiser)


def test_rename_and_merge_keep_the_organisers_work_through_a_new_grouping(cafe, organiser):
    theme = cafe.themes.get(title="Onderzoek")
    synthesise(cafe, by=None)
    first, second, *_rest = theme.subthemes.order_by("position")
    merged_texts = sorted(
        [
            *first.insights.values_list("text", flat=True),
            *second.insights.values_list("text", flat=True),
        ]
    )

    rename_subtheme(first, label="Eigen naam", by=organiser)
    merge_subthemes(second, into=first, by=organiser)

    first.refresh_from_db()
    assert first.label == "Eigen naam"
    assert sorted(first.insights.values_list("text", flat=True)) == merged_texts
    synthesise(cafe, by=organiser)
    assert theme.subthemes.filter(label="Eigen naam").exists()
    assert list(
        ActivityLog.objects.filter(action__startswith="harvest.subtheme")
        .values_list("action", flat=True)
        .order_by("pk")
    ) == ["harvest.subtheme_renamed", "harvest.subthemes_merged"]


def test_merge_refuses_a_subtheme_of_another_theme(cafe, organiser):
    onderzoek, leeg = cafe.themes.get(title="Onderzoek"), cafe.themes.get(title="Leeg")
    here = SubTheme.objects.create(theme=onderzoek, label="Hier")
    there = SubTheme.objects.create(theme=leeg, label="Daar")

    with pytest.raises(HarvestError):
        merge_subthemes(here, into=there, by=organiser)


def test_htmx_move_with_nothing_ticked_asks_to_tick_an_insight(cafe, organiser):
    theme = cafe.themes.get(title="Onderzoek")
    url = reverse("events:harvest-move", kwargs={"pk": cafe.meeting.pk, "theme_pk": theme.pk})

    response = english(organiser).post(url, {"to": "", "new_label": ""}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert html.lstrip().startswith(f'<section id="theme-{theme.pk}"')
    assert (
        '<p class="alert alert-error" role="alert">Tick at least one insight to move.</p>' in html
    )


def test_a_too_long_subtheme_name_is_refused_with_the_limit(cafe, organiser):
    synthesise(cafe, by=None)
    subtheme = SubTheme.objects.filter(theme__cafe=cafe).first()
    url = reverse(
        "events:harvest-subtheme-rename",
        kwargs={"pk": cafe.meeting.pk, "subtheme_pk": subtheme.pk},
    )

    response = english(organiser).post(url, {"label": "x" * 151}, HTTP_HX_REQUEST="true")

    assert (
        "The name of a sub-theme can have at most 150 characters. This one has 151."
        in response.content.decode()
    )
    assert SubTheme.objects.get(pk=subtheme.pk).label == subtheme.label


def test_synthesis_page_renames_by_post_and_shows_highlights(cafe, organiser):
    synthesise(cafe, by=None)
    subtheme = SubTheme.objects.filter(theme__cafe=cafe).first()
    client = english(organiser)
    url = reverse(
        "events:harvest-subtheme-rename",
        kwargs={"pk": cafe.meeting.pk, "subtheme_pk": subtheme.pk},
    )

    client.post(url, {"label": "Technologie en AI"})
    page = client.get(reverse("events:harvest-synthesis", kwargs={"pk": cafe.meeting.pk}))

    subtheme.refresh_from_db()
    assert subtheme.label == "Technologie en AI"
    assert "<h3>Technologie en AI</h3>" in page.content.decode()
    assert page.content.decode().count('<span class="tag">highlight</span>') == (
        Insight.objects.filter(cafe=cafe, is_highlight=True).count()
    )


def test_organiser_marks_and_unmarks_a_highlight(cafe, organiser):
    insight = Insight.objects.filter(cafe=cafe, hidden=False).first()
    url = reverse(
        "events:harvest-highlight", kwargs={"pk": cafe.meeting.pk, "insight_pk": insight.pk}
    )
    client = english(organiser)

    client.post(url, {"highlight": "1"})
    insight.refresh_from_db()
    marked = insight.is_highlight
    client.post(url, {"highlight": "0"})
    insight.refresh_from_db()

    assert (marked, insight.is_highlight) == (True, False)


@pytest.mark.parametrize("label", ["Make it a research question", "Make it a marketplace post"])
def test_an_insight_becomes_a_prefilled_question_or_post_from_the_synthesis_page(
    cafe, organiser, label
):
    synthesise(cafe, by=None)
    insight = Insight.objects.get(text=NOTES[0])
    client = english(organiser)
    page = client.get(reverse("events:harvest-synthesis", kwargs={"pk": cafe.meeting.pk}))
    links = re.findall(rf'<a href="([^"]+)">{label}</a>', page.content.decode())

    form = client.get(next(link for link in links if f"/{insight.pk}/" in link))

    assert len(links) == Insight.objects.filter(cafe=cafe, hidden=False).count()
    assert form.status_code == 200
    assert NOTES[0] in form.content.decode()
