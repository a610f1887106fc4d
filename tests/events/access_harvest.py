"""Who may open the URLs of the harvest part of a meeting, and the objects they need."""

from coachbridge.events.enums import ReportVisibility
from coachbridge.events.models import Cafe, CafeTable, CafeTheme, Insight, Report, SubTheme
from tests.access_rules import MEMBERS, ORGANISERS, PUBLIC, post_only, with_kwargs
from tests.factories.cafe import make_cafe


def build(world):
    """Add the objects these URLs need to `world` (world.meeting exists already)."""
    cafe = Cafe.objects.filter(meeting=world.meeting).first()  # the cafe part may have made it
    if cafe is None:
        cafe, _ = make_cafe(world.meeting, harvest_open=True)
    theme = CafeTheme.objects.create(cafe=cafe, title="Oogst", position=99)
    world.cafe = cafe
    world.table = CafeTable.objects.create(cafe=cafe, theme=theme, label="Oogst-1")
    subtheme = SubTheme.objects.create(theme=world.table.theme, label="Proces")
    world.insight = Insight.objects.create(
        cafe=cafe,
        theme=world.table.theme,
        table=world.table,
        text="Kijk naar het proces",
        subtheme=subtheme,
        author=world.guest,
    )
    world.subtheme = subtheme
    world.other_subtheme = SubTheme.objects.create(theme=world.table.theme, label="Uitkomst")
    world.report = Report.objects.create(
        meeting=world.meeting, title="Verslag", visibility=ReportVisibility.PUBLIC
    )


def meeting(world):
    return {"pk": world.meeting.pk}


def insight(world):
    return {"pk": world.meeting.pk, "insight_pk": world.insight.pk}


def subtheme(world):
    return {"pk": world.meeting.pk, "subtheme_pk": world.subtheme.pk}


ACCESS = {
    # Token links: whoever holds the token; an unknown token is a 404 (see test_harvest.py).
    "events:table-harvest": with_kwargs(PUBLIC, lambda world: {"token": world.table.harvest_token}),
    "events:registration-harvest": with_kwargs(PUBLIC, lambda world: {"token": world.guest.token}),
    "events:harvest-wall-link": with_kwargs(PUBLIC, lambda world: {"token": world.cafe.wall_token}),
    "events:harvest-add": with_kwargs(MEMBERS, meeting),
    "events:harvest-manage": with_kwargs(ORGANISERS, meeting),
    "events:harvest-open": with_kwargs(post_only(ORGANISERS), meeting),
    "events:harvest-wall": with_kwargs(ORGANISERS, meeting),
    "events:harvest-insight-hide": with_kwargs(post_only(ORGANISERS), insight),
    "events:harvest-highlight": with_kwargs(post_only(ORGANISERS), insight),
    "events:harvest-synthesis": with_kwargs(ORGANISERS, meeting),
    "events:harvest-synthesise": with_kwargs(post_only(ORGANISERS), meeting),
    "events:harvest-move": with_kwargs(
        post_only(ORGANISERS),
        lambda world: {"pk": world.meeting.pk, "theme_pk": world.table.theme_id},
    ),
    "events:harvest-subtheme-rename": with_kwargs(post_only(ORGANISERS), subtheme),
    "events:harvest-subtheme-merge": with_kwargs(post_only(ORGANISERS), subtheme),
    # The world's report is public; members-only and draft reports: tests/events/test_report.py.
    "events:report-detail": with_kwargs(PUBLIC, meeting),
    "events:report-pdf": with_kwargs(PUBLIC, meeting),
    "events:report-docx": with_kwargs(PUBLIC, meeting),
    "events:report-edit": with_kwargs(ORGANISERS, meeting),
    "events:report-generate": with_kwargs(post_only(ORGANISERS), meeting),
    "events:report-publish": with_kwargs(post_only(ORGANISERS), meeting),
}
