"""Helper of test_sqlite_concurrency.py: N voters double-tap at once on a SQLite database file.

Runs in its own process with the production settings (WAL, busy timeout, immediate
transactions), in the empty data folder COACHBRIDGE_DATA_DIR. Prints one JSON object.
"""

import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "coachbridge.settings"
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402

from coachbridge.accounts.models import User  # noqa: E402
from coachbridge.agenda.models import Statement, Vote  # noqa: E402
from coachbridge.agenda.services.voting import cast_vote  # noqa: E402


def main(count: int, workers: int) -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the rate limits use the cache
    users = [User.objects.create_user(email=f"voter{n}@example.org") for n in range(count)]
    statement = Statement.objects.create(text="Stelling voor de test met veel stemmers")
    jobs = [(user, 1 if n % 3 else -1) for n, user in enumerate(users)] * 2
    connections.close_all()

    def vote(user, value):
        try:
            cast_vote(statement, voter=user, value=value)
        except Exception as error:  # reported to the test
            return repr(error)
        finally:
            connections.close_all()
        return None

    with ThreadPoolExecutor(max_workers=workers) as pool:
        errors = [e for e in pool.map(lambda job: vote(*job), jobs) if e is not None]
    votes = Vote.objects.filter(statement=statement)
    print(
        json.dumps(
            {
                "errors": errors,
                "count": votes.count(),
                "voters": votes.values("voter").distinct().count(),
                "sum": sum(votes.values_list("value", flat=True)),
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
