from coachbridge.events.models.cafe import Cafe, CafeRound, CafeTable, CafeTheme, SeatingPlan
from coachbridge.events.models.harvest import Insight, Report, SubTheme
from coachbridge.events.models.meeting import CalendarFeed, Meeting, MeetingSeries, Registration

__all__ = [
    "Cafe",
    "CafeRound",
    "CafeTable",
    "CafeTheme",
    "CalendarFeed",
    "Insight",
    "Meeting",
    "MeetingSeries",
    "Registration",
    "Report",
    "SeatingPlan",
    "SubTheme",
]
