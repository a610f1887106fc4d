"""Reference data every installation has: the network's themes.

Used by the data migration and by `coachbridge demo`, so a database that was emptied
(for example by a browser test) gets them back.
"""

from typing import Any

# The themes of the Impact Meeting Coaching (7 November 2025) and of the research agenda.
THEMES = [
    ("process-outcome", "Proces en uitkomst van coaching", "Process and outcome of coaching"),
    ("ai-technology", "AI en technologie", "AI and technology"),
    ("group-coaching", "Groepscoaching en sociale dynamiek", "Group coaching and social dynamics"),
    ("context-organisation", "Context en organisatie", "Context and organisation"),
    ("coach-competences", "Competenties van coaches", "Coach competences"),
    ("theory", "Theorie en modellen", "Theory and models"),
    ("ripple-effect", "Rimpeleffect op de omgeving", "Ripple effect on the social network"),
    ("access", "Toegang en gelijke kansen", "Access and inequality"),
    ("health-care", "Coaching en (mentale) zorg", "Coaching and (mental) health care"),
    ("education", "Onderwijs en opvoeding", "Education and upbringing"),
    ("debunking", "Achterhaalde methoden ontkrachten", "Debunking outdated methods"),
    ("qualitative-research", "Kwalitatief onderzoek", "Qualitative research"),
    ("practice-research", "Onderzoek in je eigen praktijk", "Research in your own practice"),
    ("plain-language", "Onderzoek in begrijpelijke taal", "Research in plain language"),
    ("learning-network", "Lerend netwerk", "Learning network"),
]


def ensure_themes(theme_model: Any) -> None:
    """Create the themes that are missing; `theme_model` may be a migration's historical model."""
    for position, (slug, name_nl, name_en) in enumerate(THEMES):
        theme_model.objects.get_or_create(
            slug=slug, defaults={"name_nl": name_nl, "name_en": name_en, "position": position}
        )
