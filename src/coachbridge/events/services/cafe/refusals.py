"""Refusing an impossible set-up in plain words: the engine names ids, this names people."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from django.utils.translation import gettext as _

from coachbridge.events.models import Cafe

logger = logging.getLogger(__name__)


def explain_refusal(cafe: Cafe, message: str) -> str:
    """Turn the engine's message (ids, field names) into a sentence an organiser understands."""
    words = _Words(cafe)
    for pattern, explain in _REFUSALS:
        match = re.search(pattern, message)
        if match:
            return explain(match, words)
    logger.warning("Seating refusal without a plain explanation: %s", message)
    return _("The plan cannot be made: %(reason)s") % {"reason": message}


class _Words:
    """Names for the ids in an engine message."""

    def __init__(self, cafe: Cafe) -> None:
        self.names = dict(cafe.meeting.registrations.values_list("pk", "name"))
        self.themes = dict(cafe.themes.values_list("pk", "title"))
        self.tables = list(cafe.tables.values_list("label", flat=True))

    def person(self, pk: str) -> str:
        return self.names.get(int(pk), pk) if pk.isdigit() else pk

    def people(self, text: str) -> str:
        return ", ".join(self.person(pk.strip()) for pk in text.split(","))

    def theme(self, pk: str) -> str:
        return self.themes.get(int(pk), pk) if pk.isdigit() else pk

    def table(self, index: str) -> str:
        return self.tables[int(index)] if int(index) < len(self.tables) else index


_REFUSALS: list[tuple[str, Callable[[re.Match[str], _Words], str]]] = [
    (
        r"(?P<count>\d+) people are present in round \d+ but the tables seat only (?P<seats>\d+)",
        lambda m, w: (
            _(
                "There are more people than seats: %(count)s people and %(seats)s seats. "
                "Add a table or more seats."
            )
            % {"count": m["count"], "seats": m["seats"]}
        ),
    ),
    (
        r"tables\[(?P<index>\d+)\]\.host: (?P<pk>\d+) already hosts (?P<table>\S+)",
        lambda m, w: (
            _(
                "%(name)s is the host of two tables: %(first)s and %(second)s. "
                "A host stays at one table."
            )
            % {"name": w.person(m["pk"]), "first": m["table"], "second": w.table(m["index"])}
        ),
    ),
    (
        r"tables\[(?P<index>\d+)\]\.host: unknown participant",
        lambda m, w: (
            _("The host of table %(table)s no longer takes part. Choose another host.")
            % {"table": w.table(m["index"])}
        ),
    ),
    (
        r"tables\[(?P<index>\d+)\]\.capacity: must be at least 1",
        lambda m, w: _("Table %(table)s needs at least one seat.") % {"table": w.table(m["index"])},
    ),
    (
        r"keep_apart\[\d+\]: (?P<count>\d+) people must sit apart in round \d+ but there are "
        r"only (?P<tables>\d+) tables",
        lambda m, w: (
            _("%(count)s people must sit apart, but there are only %(tables)s tables.")
            % {"count": m["count"], "tables": m["tables"]}
        ),
    ),
    (
        r"keep_together \((?P<group>[^)]*)\): (?P<a>\d+) and (?P<b>\d+) must also be kept apart",
        lambda m, w: (
            _("%(a)s and %(b)s must sit together and also apart. Remove one of these two rules.")
            % {"a": w.person(m["a"]), "b": w.person(m["b"])}
        ),
    ),
    (
        r"keep_together \((?P<group>[^)]*)\): \d+ people cannot sit together at a "
        r"table of at most (?P<largest>\d+)",
        lambda m, w: (
            _("%(names)s must sit together, but the largest table seats only %(largest)s.")
            % {"names": w.people(m["group"]), "largest": m["largest"]}
        ),
    ),
    (
        r"keep_together \((?P<group>[^)]*)\): members are fixed at different tables in round "
        r"(?P<round>\d+)",
        lambda m, w: (
            _("%(names)s must sit together, but in round %(round)s they sat apart.")
            % {"names": w.people(m["group"]), "round": m["round"]}
        ),
    ),
    (
        r"keep_together \((?P<group>[^)]*)\): the group joins (?P<table>\S+) in round "
        r"(?P<round>\d+), which then needs (?P<needed>\d+) seats of (?P<seats>\d+)",
        lambda m, w: (
            _(
                "%(names)s must sit together at table %(table)s in round %(round)s, "
                "but that table has only %(seats)s seats."
            )
            % {
                "names": w.people(m["group"]),
                "table": m["table"],
                "round": m["round"],
                "seats": m["seats"],
            }
        ),
    ),
    (
        r"keep_apart\[\d+\]: members are fixed together at (?P<table>\S+) in round (?P<round>\d+)",
        lambda m, w: (
            _(
                "People who must sit apart already sat together at table %(table)s in round "
                "%(round)s."
            )
            % {"table": m["table"], "round": m["round"]}
        ),
    ),
    (
        r"present in (?P<rounds>\d+) rounds but there are only (?P<themes>\d+) themes",
        lambda m, w: (
            _(
                "Everyone visits each theme at most once, but there are %(rounds)s rounds and only "
                "%(themes)s themes. Add a theme, remove a round, or switch this rule off."
            )
            % {"rounds": m["rounds"], "themes": m["themes"]}
        ),
    ),
    (
        r"theme '(?P<theme>\d+)' has (?P<seats>\d+) visitor seats over all rounds, but "
        r"(?P<count>\d+) people must visit every theme",
        lambda m, w: (
            _(
                "The theme “%(theme)s” has %(seats)s seats for visitors over all rounds, but "
                "%(count)s people must visit it. Add a table or seats for this theme."
            )
            % {"theme": w.theme(m["theme"]), "seats": m["seats"], "count": m["count"]}
        ),
    ),
    (
        r"fixed seats send (?P<pk>\d+) to theme '(?P<theme>\d+)'",
        lambda m, w: (
            _("%(name)s already visited the theme “%(theme)s” twice in the rounds that are done.")
            % {"name": w.person(m["pk"]), "theme": w.theme(m["theme"])}
        ),
    ),
    (
        r"(?P<count>\d+) people are fixed at (?P<table>\S+) in round (?P<round>\d+), which seats "
        r"(?P<seats>\d+)",
        lambda m, w: (
            _(
                "Table %(table)s seats %(seats)s, but %(count)s people already sat there in round "
                "%(round)s."
            )
            % {"table": m["table"], "seats": m["seats"], "count": m["count"], "round": m["round"]}
        ),
    ),
]
