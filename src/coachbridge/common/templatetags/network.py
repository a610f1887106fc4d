"""`{% network_figures as figures %}`: how much each part of the platform is used (counts only)."""

from __future__ import annotations

from django import template

from coachbridge.common import network

register = template.Library()


@register.simple_tag
def network_figures() -> network.NetworkFigures:
    return network.network_figures()
