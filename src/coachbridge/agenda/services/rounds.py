"""Priority setting the James Lind Alliance way.

1. An organiser prepares a long list of questions (stage draft) and opens the round (interim).
2. Members pick and rank their top questions (at most `pick_limit`). Each ballot keeps the
   voter's roles at the time they voted.
3. The organiser closes the interim survey: the tally is computed and stored as a snapshot, and
   the best `shortlist_size` questions form the short list (shortlisted). No votes after this.
4. A final workshop (an events Meeting) settles the top list; the organiser records its order
   and reasoning (final). The snapshot of the final result never changes.

The tally gives each role group the same weight, as the JLA weighs patients and clinicians
equally: a question's score is the mean, over the groups with ballots, of the points it got
from that group divided by the group's number of ballots. Points per pick: pick_limit + 1 - rank.
A person with two roles counts in both groups. See docs/user/research-agenda.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coachbridge.accounts.models import User
from coachbridge.agenda.enums import COACH, RESEARCHER, QuestionStatus, RoundStage
from coachbridge.agenda.models import (
    Ballot,
    Pick,
    PriorityRound,
    Question,
    RoundQuestion,
)
from coachbridge.agenda.services.common import AgendaError, clean_paragraphs
from coachbridge.common.activity import log_action
from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Meeting

OTHERS = "other"
GROUPS = (COACH, RESEARCHER, OTHERS)


def role_codes(user: User) -> list[str]:
    """The member's role codes, sorted (through the accounts profile)."""
    profile = getattr(user, "profile", None)
    if profile is None:
        return []
    return sorted(profile.roles.values_list("code", flat=True))


def groups_of(roles: Sequence[str]) -> list[str]:
    """The tally groups of a set of roles: coach, researcher, or other."""
    groups = [group for group in (COACH, RESEARCHER) if group in roles]
    return groups or [OTHERS]


# --- Preparing --------------------------------------------------------------------------------


def create_round(
    *,
    by: User,
    title: str,
    description: str = "",
    pick_limit: int = 10,
    shortlist_size: int = 15,
    top_size: int = 10,
    questions: Sequence[Question] = (),
) -> PriorityRound:
    with transaction.atomic():
        priority_round = PriorityRound.objects.create(
            title=title,
            description=clean_paragraphs(description),
            pick_limit=pick_limit,
            shortlist_size=shortlist_size,
            top_size=top_size,
            organiser=by,
        )
        set_long_list(priority_round, questions=questions, by=by)
        log_action("agenda.round_created", actor=by, obj=priority_round)
    return priority_round


def set_long_list(
    priority_round: PriorityRound, *, questions: Sequence[Question], by: User
) -> None:
    if priority_round.stage != RoundStage.DRAFT:
        raise AgendaError(_("The long list can only change before the round opens."))
    if any(question.merged_into_id for question in questions):
        raise AgendaError(_("A merged question cannot be on the long list."))
    with transaction.atomic():
        priority_round.entries.exclude(question__in=questions).delete()
        for position, question in enumerate(questions):
            RoundQuestion.objects.update_or_create(
                round=priority_round, question=question, defaults={"position": position}
            )
    log_action("agenda.round_long_list", actor=by, obj=priority_round, count=len(questions))


def open_round(priority_round: PriorityRound, *, by: User) -> None:
    if priority_round.stage != RoundStage.DRAFT:
        raise AgendaError(_("This round is already open or closed."))
    count = priority_round.entries.count()
    if count < priority_round.shortlist_size:
        raise AgendaError(
            _("The long list needs at least %(size)d questions, as many as the short list.")
            % {"size": priority_round.shortlist_size}
        )
    if priority_round.top_size > priority_round.shortlist_size:
        raise AgendaError(_("The top list cannot be longer than the short list."))
    priority_round.stage = RoundStage.INTERIM
    priority_round.opened_at = timezone.now()
    priority_round.save(update_fields=["stage", "opened_at"])
    log_action("agenda.round_opened", actor=by, obj=priority_round)


# --- The interim survey -----------------------------------------------------------------------


def submit_ballot(
    priority_round: PriorityRound, *, voter: User, entry_ids: Sequence[int]
) -> Ballot:
    """Store a member's picks, most important first; a new ballot replaces the earlier one."""
    if not priority_round.is_open:
        raise AgendaError(_("This round is closed. It takes no more votes."))
    ids = list(dict.fromkeys(int(pk) for pk in entry_ids))
    if not ids:
        raise AgendaError(_("Pick at least one question."))
    if len(ids) > priority_round.pick_limit:
        raise AgendaError(
            _("Pick at most %(count)d questions.") % {"count": priority_round.pick_limit}
        )
    known = set(priority_round.entries.filter(pk__in=ids).values_list("pk", flat=True))
    if known != set(ids):
        raise AgendaError(_("Pick questions from the long list of this round."))
    with transaction.atomic():
        # Lock the round row: closing the round and voting do not interleave.
        locked = PriorityRound.objects.select_for_update().get(pk=priority_round.pk)
        if locked.stage != RoundStage.INTERIM:
            raise AgendaError(_("This round is closed. It takes no more votes."))
        ballot, _created = Ballot.objects.update_or_create(
            round=locked, voter=voter, defaults={"roles": role_codes(voter)}
        )
        ballot.picks.all().delete()
        Pick.objects.bulk_create(
            [Pick(ballot=ballot, entry_id=pk, rank=rank) for rank, pk in enumerate(ids, 1)]
        )
    log_action("agenda.ballot_submitted", actor=voter, obj=priority_round, picks=len(ids))
    return ballot


def ballot_of(priority_round: PriorityRound, user: User) -> list[int]:
    """The entry ids a member picked, in their order."""
    if not user.is_authenticated:
        return []
    return list(
        Pick.objects.filter(ballot__round=priority_round, ballot__voter=user)
        .order_by("rank")
        .values_list("entry_id", flat=True)
    )


def tally(priority_round: PriorityRound) -> dict[str, Any]:
    """The interim result from the stored ballots: deterministic, so it can be recomputed."""
    entries = list(priority_round.entries.select_related("question").order_by("position", "pk"))
    ballots = list(priority_round.ballots.prefetch_related("picks").order_by("pk"))
    group_sizes: Counter[str] = Counter()
    points: dict[int, Counter[str]] = {entry.pk: Counter() for entry in entries}
    picks: dict[int, Counter[str]] = {entry.pk: Counter() for entry in entries}
    total_picks: Counter[int] = Counter()
    for ballot in ballots:
        groups = groups_of(ballot.roles)
        group_sizes.update(groups)
        for pick in ballot.picks.all():
            total_picks[pick.entry_id] += 1
            for group in groups:
                points[pick.entry_id][group] += priority_round.pick_limit + 1 - pick.rank
                picks[pick.entry_id][group] += 1
    voting_groups = [group for group in GROUPS if group_sizes[group]]
    rows = []
    for entry in entries:
        score = (
            sum(points[entry.pk][g] / group_sizes[g] for g in voting_groups) / len(voting_groups)
            if voting_groups
            else 0.0
        )
        rows.append(
            {
                "entry": entry.pk,
                "question": entry.question_id,
                "title": entry.question.title,
                "score": round(score, 6),
                "picks": total_picks[entry.pk],
                "picks_by_group": {g: picks[entry.pk][g] for g in GROUPS},
            }
        )
    rows.sort(key=lambda row: (-row["score"], -row["picks"], row["entry"]))
    for place, row in enumerate(rows, 1):
        row["place"] = place
    return {
        "ballots": len(ballots),
        "groups": {g: group_sizes[g] for g in GROUPS},
        "rows": rows,
        "shortlist": [row["entry"] for row in rows[: priority_round.shortlist_size]],
    }


def close_interim(priority_round: PriorityRound, *, by: User) -> dict[str, Any]:
    """Close the survey and freeze its result and the short list."""
    with transaction.atomic():
        locked = PriorityRound.objects.select_for_update().get(pk=priority_round.pk)
        if locked.stage != RoundStage.INTERIM:
            raise AgendaError(_("Only an open round can be closed."))
        if not locked.ballots.exists():
            raise AgendaError(_("Nobody has voted yet. Wait for votes before you close."))
        result = tally(locked)
        result["computed_at"] = timezone.now().isoformat()
        locked.interim_result = result
        locked.stage = RoundStage.SHORTLISTED
        locked.shortlisted_at = timezone.now()
        locked.save(update_fields=["interim_result", "stage", "shortlisted_at"])
    priority_round.refresh_from_db()
    log_action("agenda.round_shortlisted", actor=by, obj=priority_round, ballots=result["ballots"])
    return result


def shortlist(priority_round: PriorityRound) -> list[RoundQuestion]:
    """The short list from the frozen interim result, in its order."""
    ids = priority_round.interim_result.get("shortlist", [])
    entries = priority_round.entries.select_related("question").in_bulk(ids)
    return [entries[pk] for pk in ids if pk in entries]


# --- The final workshop ----------------------------------------------------------------------


def record_final(
    priority_round: PriorityRound,
    *,
    by: User,
    entry_ids: Sequence[int],
    reasoning: str,
    workshop: Any = None,
) -> dict[str, Any]:
    """Record the top list the workshop settled (in order) and why; freeze it."""
    if priority_round.stage != RoundStage.SHORTLISTED:
        raise AgendaError(_("The top list is settled after the short list is made, only once."))
    ids = list(dict.fromkeys(int(pk) for pk in entry_ids))
    allowed = set(priority_round.interim_result.get("shortlist", []))
    if not set(ids) <= allowed:
        raise AgendaError(_("The top list takes questions from the short list only."))
    if len(ids) != min(priority_round.top_size, len(allowed)):
        raise AgendaError(
            _("Put exactly %(count)d questions in order.")
            % {"count": min(priority_round.top_size, len(allowed))}
        )
    reasoning = clean_paragraphs(reasoning)
    if len(reasoning) < 20:
        raise AgendaError(_("Write down how the workshop chose: at least a few sentences."))
    interim = priority_round.interim_result
    with transaction.atomic():
        entries = priority_round.entries.select_related("question").in_bulk(ids)
        result = {
            "top": [
                {
                    "place": place,
                    "entry": pk,
                    "question": entries[pk].question_id,
                    "title": entries[pk].question.title,
                }
                for place, pk in enumerate(ids, 1)
            ],
            "ballots": interim.get("ballots", 0),
            "groups": interim.get("groups", {}),
            "workshop": workshop.pk if workshop is not None else None,
            "recorded_at": timezone.now().isoformat(),
        }
        priority_round.final_result = result
        priority_round.reasoning = reasoning
        priority_round.workshop = workshop
        priority_round.stage = RoundStage.FINAL
        priority_round.finalised_at = timezone.now()
        priority_round.save(
            update_fields=["final_result", "reasoning", "workshop", "stage", "finalised_at"]
        )
        for row in result["top"]:
            Question.objects.filter(pk=row["question"], status=QuestionStatus.PROPOSED).update(
                status=QuestionStatus.PRIORITISED
            )
    log_action("agenda.round_final", actor=by, obj=priority_round, top=len(ids))
    return result


def chosen_by(result: dict[str, Any]) -> dict[str, int]:
    """How many coaches, researchers and others chose, from a frozen result."""
    groups = result.get("groups", {})
    return {group: int(groups.get(group, 0)) for group in GROUPS}


def with_published_workshop(rounds: QuerySet[PriorityRound]) -> QuerySet[PriorityRound]:
    """`rounds` whose `workshop` is None unless its meeting is published: the title of a
    draft meeting is for the organisers only."""
    published = Meeting.objects.filter(status=MeetingStatus.PUBLISHED)
    return rounds.prefetch_related(Prefetch("workshop", queryset=published))


def latest_final_round() -> PriorityRound | None:
    return (
        with_published_workshop(PriorityRound.objects.filter(stage=RoundStage.FINAL))
        .order_by("-finalised_at", "-pk")
        .first()
    )
