import datetime as dt

import factory
from django.utils import timezone

from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Meeting, Registration


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + dt.timedelta(hours=3))
    place = "Utrecht"
    status = MeetingStatus.PUBLISHED
    registration_open = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n:03d}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.org")
    role = "coach"
