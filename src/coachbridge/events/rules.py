import rules

from coachbridge.accounts.rules import is_organiser

rules.add_perm("events.manage_meetings", is_organiser | rules.is_superuser)
