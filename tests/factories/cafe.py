"""A small World Café for tests: themes, tables T1, T2, ..., rounds and, when asked, people."""

from coachbridge.events.models import Cafe, CafeRound, CafeTable, CafeTheme
from tests.factories.events import RegistrationFactory


def make_cafe(meeting, *, themes=2, tables_per_theme=1, seats=4, rounds=2, people=0, **fields):
    """A café for `meeting` and its registrations, as `(cafe, registrations)`.

    `themes` is a number ("Thema 1", ...) or the titles. `people` registrations are made, coach
    and researcher in turn; the first ones host the tables. Other keywords are café fields.
    """
    titles = [f"Thema {n}" for n in range(1, themes + 1)] if isinstance(themes, int) else themes
    registrations = [
        RegistrationFactory(meeting=meeting, role="coach" if i % 2 == 0 else "researcher")
        for i in range(people)
    ]
    cafe = Cafe.objects.create(meeting=meeting, **fields)
    for number in range(1, rounds + 1):
        CafeRound.objects.create(cafe=cafe, number=number, minutes=20)
    hosts = iter(registrations)
    labels = (f"T{n}" for n in range(1, len(titles) * tables_per_theme + 1))
    for position, title in enumerate(titles):
        theme = CafeTheme.objects.create(
            cafe=cafe, title=title, question=f"Vraag {position + 1}?", position=position
        )
        for _ in range(tables_per_theme):
            CafeTable.objects.create(
                cafe=cafe, label=next(labels), theme=theme, capacity=seats, host=next(hosts, None)
            )
    return cafe, registrations
