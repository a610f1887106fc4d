"""The personal data kept by the agenda, for export and erasure (GDPR)."""

from __future__ import annotations

from typing import Any

from coachbridge.agenda.models import Ballot, Comment, Follow, Notification, Question, Vote
from coachbridge.common.privacy import register_personal_data


def export_agenda(user: Any) -> dict[str, Any]:
    return {
        "questions": [
            {"question": q.title, "why": q.why, "who": q.who, "created": q.created.isoformat()}
            for q in Question.objects.filter(author=user).order_by("pk")
        ],
        "comments": [
            {"question": c.question.title, "text": c.text, "created": c.created.isoformat()}
            for c in Comment.objects.filter(author=user).select_related("question").order_by("pk")
        ],
        "votes": [
            {"statement": v.statement.text, "vote": v.value, "updated": v.updated.isoformat()}
            for v in Vote.objects.filter(voter=user).select_related("statement").order_by("pk")
        ],
        "following": [
            f.question.title
            for f in Follow.objects.filter(user=user).select_related("question").order_by("pk")
        ],
        "priority_rounds": [
            {
                "round": b.round.title,
                "roles": b.roles,
                "picks": [
                    p.entry.question.title for p in b.picks.select_related("entry__question")
                ],
            }
            for b in Ballot.objects.filter(voter=user).select_related("round").order_by("pk")
        ],
    }


def erase_agenda(user: Any, remove_contributions: bool) -> None:
    """Votes, follows and notifications go. Ballots of rounds stay without a name, so frozen
    results keep adding up. Questions and comments stay unsigned unless asked otherwise."""
    Vote.objects.filter(voter=user).delete()
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    Ballot.objects.filter(voter=user).update(voter=None)
    if remove_contributions:
        Comment.objects.filter(author=user).delete()
        Question.objects.filter(author=user).update(why="", who="")
    Comment.objects.filter(author=user).update(author=None)
    Question.objects.filter(author=user).update(author=None)


register_personal_data("research_agenda", export=export_agenda, erase=erase_agenda)
