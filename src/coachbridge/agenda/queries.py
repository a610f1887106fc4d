"""Reads the public agenda page and its exports share."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from coachbridge.agenda.models import PriorityRound, Question
from coachbridge.agenda.services.rounds import chosen_by, latest_final_round

TOP_BY_VOTES = 10


@dataclass
class AgendaRow:
    place: int
    question: Question
    agree: int
    votes: int


@dataclass
class Agenda:
    rows: list[AgendaRow]
    round: PriorityRound | None
    groups: dict[str, int] = field(default_factory=dict)

    @property
    def by_round(self) -> bool:
        return self.round is not None


def questions_to_link(*, keep: int | None = None) -> QuerySet[Question]:
    """The questions another app (the knowledge hub) may link to: those not merged.

    `keep` is a question that is already linked: it stays a choice even after a merge.
    """
    questions = Question.objects.filter(merged_into__isnull=True)
    if keep is not None:
        questions = questions | Question.objects.filter(pk=keep)
    return questions.order_by("title", "pk")


def _with_votes(questions):  # type: ignore[no-untyped-def]
    return (
        questions.annotate(
            agree=Count("statement__votes", filter=Q(statement__votes__value=1)),
            votes=Count("statement__votes"),
        )
        .select_related("summary_item")
        .prefetch_related("themes")
    )


def current_agenda() -> Agenda:
    """The top questions: the top list of the latest finished round, else the most supported."""
    priority_round = latest_final_round()
    if priority_round is not None:
        top = priority_round.final_result.get("top", [])
        ids = [row["question"] for row in top]
        questions = _with_votes(Question.objects.filter(pk__in=ids)).in_bulk()
        rows = []
        for row in top:
            question = questions.get(row["question"])
            # A question merged after the round lives on in the one kept.
            while question is not None and question.merged_into_id:
                question = _with_votes(Question.objects.filter(pk=question.merged_into_id)).first()
            if question is not None:
                rows.append(AgendaRow(row["place"], question, question.agree, question.votes))
        return Agenda(rows, priority_round, chosen_by(priority_round.final_result))
    questions = _with_votes(Question.objects.current()).order_by("-agree", "-votes", "pk")[
        :TOP_BY_VOTES
    ]
    return Agenda(
        [
            AgendaRow(place, question, question.agree, question.votes)
            for place, question in enumerate(questions, 1)
        ],
        None,
    )
