"""Voting the Pol.is way: one card at a time, agree / disagree / pass, one vote per statement."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from coachbridge.accounts.models import User
from coachbridge.agenda.enums import VoteValue
from coachbridge.agenda.models import Statement, Vote
from coachbridge.agenda.models.voting import STATEMENT_MAX, STATEMENT_MIN
from coachbridge.agenda.services.common import AgendaError, check_length, check_rate, clean_line
from coachbridge.common.activity import log_action

RATE_STATEMENTS = 4  # new statements per person per minute
RATE_VOTES = 60  # votes per person per minute: quick voting, but no scripts


def cast_vote(statement: Statement, *, voter: User, value: int) -> Vote:
    """Store a vote; a second vote on the same statement replaces the first.

    Two requests of the same person at the same moment both try to insert; the database's
    unique constraint lets one win and the other then updates that row.
    """
    if value not in VoteValue.values:
        raise AgendaError(_("Choose agree, disagree or pass."))
    if statement.hidden or (statement.question_id and statement.question.merged_into_id):
        raise AgendaError(_("You can no longer vote on this statement."))
    check_rate([(f"vote:{voter.pk}", RATE_VOTES)])
    for _attempt in range(3):
        try:
            with transaction.atomic():
                vote, created = Vote.objects.update_or_create(
                    statement=statement, voter=voter, defaults={"value": value}
                )
            break
        except IntegrityError:  # a parallel request inserted the row first: update it now
            continue
    else:  # pragma: no cover -- needs three lost races in a row
        raise AgendaError(_("Your vote could not be saved. Please try again."))
    log_action("agenda.voted", actor=voter, obj=statement, value=value, new=created)
    return vote


def add_statement(*, by: User, text: str) -> Statement:
    text = clean_line(text)
    check_length(text, minimum=STATEMENT_MIN, maximum=STATEMENT_MAX, what=_("statement"))
    if Statement.objects.active().filter(text__iexact=text).exists():
        raise AgendaError(_("This statement is already there. You can vote on it."))
    check_rate([(f"statement:{by.pk}", RATE_STATEMENTS)])
    statement = Statement.objects.create(text=text, author=by)
    log_action("agenda.statement_added", actor=by, obj=statement)
    return statement


def set_statement_hidden(statement: Statement, *, hidden: bool, by: User) -> None:
    statement.hidden = hidden
    statement.save(update_fields=["hidden"])
    log_action(
        "agenda.statement_hidden" if hidden else "agenda.statement_shown",
        actor=by,
        obj=statement,
    )


def next_statement(user: User) -> Statement | None:
    """The next card for `user`: a statement they did not vote on, fewest votes first, so
    every statement gets enough votes to place people."""
    return (
        Statement.objects.active()
        .exclude(votes__voter=user)
        .annotate(vote_count=Count("votes"))
        .select_related("question")
        .order_by("vote_count", "pk")
        .first()
    )


def progress(user: User) -> tuple[int, int]:
    """(statements voted on, statements there are) for the active statements."""
    counts = Statement.objects.active().aggregate(
        total=Count("pk", distinct=True),
        mine=Count("pk", filter=Q(votes__voter=user), distinct=True),
    )
    return counts["mine"], counts["total"]


def vote_of(statement: Statement, user: User) -> int | None:
    if not user.is_authenticated:
        return None
    return (
        Vote.objects.filter(statement=statement, voter=user).values_list("value", flat=True).first()
    )
