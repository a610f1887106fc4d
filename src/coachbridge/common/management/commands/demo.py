from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coachbridge.accounts.demo import DEMO_PASSWORD, create_demo_members
from coachbridge.accounts.models import Role, User
from coachbridge.accounts.reference import ensure_roles
from coachbridge.agenda.demo import create_demo_agenda
from coachbridge.common.models import Theme
from coachbridge.common.reference import ensure_themes
from coachbridge.events.demo import create_demo_meetings
from coachbridge.knowledge.demo import create_demo_knowledge, link_demo_summaries_to_agenda
from coachbridge.marketplace.demo import create_demo_marketplace
from coachbridge.research.demo import create_demo_research

DEMO_LOGINS = [
    ("organiser@example.org", "organiser"),
    ("coach@example.org", "coach"),
    ("researcher@example.org", "researcher"),
    ("admin@example.org", "staff (management)"),
]


class Command(BaseCommand):
    help = "Load the fictional demo network, once. Does nothing when it is already there."

    def handle(self, *args: object, **options: object) -> None:
        ensure_themes(Theme)
        ensure_roles(Role)
        if User.objects.filter(email="organiser@example.org").exists():
            self.stdout.write(_("The demo data is already loaded."))
        else:
            with transaction.atomic():
                members = create_demo_members()
                organiser = next(member for member in members if member.is_organiser)
                impact = create_demo_meetings(
                    organiser=organiser, members=members, today=timezone.localdate()
                )
                create_demo_marketplace(impact, members=members)
                create_demo_knowledge(members=members)
                create_demo_agenda(organiser=organiser, members=members)
                link_demo_summaries_to_agenda()
                create_demo_research(members=members)
            self.stdout.write(_("Demo data loaded: %(count)d members.") % {"count": len(members)})
        self.stdout.write(_("Demo logins (password: %(password)s):") % {"password": DEMO_PASSWORD})
        for email, role in DEMO_LOGINS:
            self.stdout.write(f"  {email:<26} {role}")
