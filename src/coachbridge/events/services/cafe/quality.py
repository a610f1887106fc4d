"""A plan's figures in plain words, for the organiser."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coachbridge.accounts.enums import RoleCode
from coachbridge.events.models import SeatingPlan


def plan_quality(plan: SeatingPlan) -> list[tuple[bool, str]]:
    """The plan's figures in plain words: (good news?, sentence), most important first."""
    figures = plan.metrics
    lines: list[tuple[bool, str]] = []
    if figures.get("hard_violations"):
        lines.append(
            (
                False,
                ngettext(
                    "The plan breaks %(count)d rule.",
                    "The plan breaks %(count)d rules.",
                    figures["hard_violations"],
                )
                % {"count": figures["hard_violations"]},
            )
        )
    alone = figures.get("alone_table_rounds", 0)
    if alone:
        lines.append(
            (
                False,
                ngettext(
                    "%(count)d time someone sits alone at a table.",
                    "%(count)d times someone sits alone at a table.",
                    alone,
                )
                % {"count": alone},
            )
        )
    repeats = figures.get("repeat_pairs", 0)
    if repeats:
        lines.append(
            (
                False,
                ngettext(
                    "%(count)d time two people meet again.",
                    "%(count)d times two people meet again.",
                    repeats,
                )
                % {"count": repeats},
            )
        )
    else:
        lines.append((True, _("Nobody meets anyone twice.")))
    revisits = figures.get("theme_revisits", 0)
    if plan.cafe.visit_each_theme_once:
        if revisits:
            lines.append(
                (
                    False,
                    ngettext(
                        "%(count)d time someone visits a theme again.",
                        "%(count)d times someone visits a theme again.",
                        revisits,
                    )
                    % {"count": revisits},
                )
            )
        else:
            lines.append((True, _("Nobody visits a theme twice.")))
    roles = [
        str(RoleCode(role).label).lower()
        for role in figures.get("required_roles", [])
        if role in RoleCode.values
    ]
    missing = figures.get("missing_role_table_rounds", 0)
    if plan.cafe.mix_roles and roles:
        if missing:
            lines.append(
                (
                    False,
                    ngettext(
                        "%(count)d time a table misses a %(roles)s.",
                        "%(count)d times a table misses a %(roles)s.",
                        missing,
                    )
                    % {"count": missing, "roles": _join(roles, _("or"))},
                )
            )
        else:
            each = [_("one %(role)s") % {"role": role} for role in roles]
            lines.append(
                (
                    True,
                    _("Every table has at least %(roles)s in every round.")
                    % {"roles": _join(each, _("and"))},
                )
            )
    if plan.cafe.mix_roles and figures.get("table_rounds"):
        lines.append(
            (
                True,
                _("On average a table is %(seats)s seats away from the best mix of backgrounds.")
                % {"seats": number_format(figures.get("mix", 0), 1)},
            )
        )
    spread = figures.get("size_spread", 0)
    lines.append(
        (
            spread <= 1,
            _("All tables are equally full.")
            if spread == 0
            else ngettext(
                "Tables differ by at most %(count)d person.",
                "Tables differ by at most %(count)d people.",
                spread,
            )
            % {"count": spread},
        )
    )
    if figures.get("moved") is not None:
        lines.append(
            (
                True,
                ngettext(
                    "%(count)d person got a new table compared to the plan before.",
                    "%(count)d people got a new table compared to the plan before.",
                    figures["moved"],
                )
                % {"count": figures["moved"]},
            )
        )
    return lines


def _join(words: list[str], last: str) -> str:
    """["a", "b", "c"], "and" -> "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"
