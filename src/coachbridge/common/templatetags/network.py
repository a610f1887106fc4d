"""`{% network_figures as figures %}`: how much each part of the platform is used (counts only)."""

from __future__ import annotations

from django import template

from coachbridge.common.network import NetworkFigures
from coachbridge.common.network import network_figures as count_network

register = template.Library()


@register.simple_tag
def network_figures() -> NetworkFigures:
    return count_network()
