import rules

from coachbridge.accounts.rules import is_organiser

# Moderators of the agenda: organisers and staff. They hide comments, edit questions for
# clarity, merge duplicates, set the status and run priority rounds.
rules.add_perm("agenda.moderate", is_organiser | rules.is_staff | rules.is_superuser)
