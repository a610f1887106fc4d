from coachbridge.agenda.models.question import (
    Comment,
    Follow,
    Notification,
    Question,
    QuestionRevision,
)
from coachbridge.agenda.models.rounds import Ballot, Pick, PriorityRound, RoundQuestion
from coachbridge.agenda.models.voting import Statement, Vote

__all__ = [
    "Ballot",
    "Comment",
    "Follow",
    "Notification",
    "Pick",
    "PriorityRound",
    "Question",
    "QuestionRevision",
    "RoundQuestion",
    "Statement",
    "Vote",
]
