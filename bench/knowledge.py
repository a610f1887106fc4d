"""Benchmark of the knowledge hub: the live assistant, indexing and related items.

Prints, for the demo texts (Dutch and English):
  * the plain-language assistant's time per request (median of 5), which analyses each part of
    a text on its own plus the whole text; baseline measured in the same run: one engine
    `readability.analyse` of the whole text. Ratio = assistant / baseline: the price of
    naming the part of each finding. Target: < 300 ms per request for a full summary, so the
    600 ms typing pause stays the main delay;
  * the time to build the search index and features of one text (`index_item` without saving);
  * the time to rank related items among N synthetic published texts (cosine over stored
    features), against a baseline of scikit-learn TF-IDF cosine over the same texts.
Run: .venv/bin/python bench/knowledge.py [--quick]
(the machine has 2 cores shared with other engineers: timings are indicative).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coachbridge.settings_test")

import django

django.setup()

from coachbridge.engine import readability  # noqa: E402
from coachbridge.knowledge.assistant import advise  # noqa: E402
from coachbridge.knowledge.demo import IN_REVIEW, ITEMS  # noqa: E402
from coachbridge.knowledge.enums import ALL_SECTIONS  # noqa: E402
from coachbridge.knowledge.models import Item  # noqa: E402
from coachbridge.knowledge.search import cosine, index_item  # noqa: E402

FIELDS = ["title", "lead", *[name for name, _label in ALL_SECTIONS]]


def median_time(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else 5
    texts = [*ITEMS, IN_REVIEW]
    advise({"lead": "Opwarmen van de woordenlijsten."}, "nl")  # load word lists once

    print("assistant per request (ms): text, words, assistant, baseline, ratio")
    ratios = []
    for data in texts:
        sections = {name: data.get(name, "") for name in FIELDS}
        whole = "\n\n".join(text for text in sections.values() if text)
        ours = median_time(lambda s=sections, d=data: advise(s, d["language"]), repeat)
        base = median_time(lambda w=whole, d=data: readability.analyse(w, d["language"]), repeat)
        ratios.append(ours / base)
        print(
            f"  {data['title'][:40]:<40} {len(whole.split()):>4} "
            f"{ours * 1000:8.1f} {base * 1000:8.1f} {ours / base:6.2f}"
        )
    print(f"  median ratio {statistics.median(ratios):.2f}")

    items = [
        Item(**{k: v for k, v in data.items() if k in FIELDS or k in ("kind", "language")})
        for data in texts
    ]
    per_item = median_time(lambda: [index_item(item) for item in items], repeat) / len(items)
    print(f"index one text: {per_item * 1000:.1f} ms")

    count = 200 if args.quick else 2000
    rng = random.Random(7)
    pool = [item.features for item in items]
    corpus = []
    for _ in range(count):
        mixed: dict[str, float] = {}
        for features in rng.sample(pool, 2):
            mixed.update(rng.sample(sorted(features.items()), k=max(1, len(features) // 2)))
        corpus.append(mixed)
    target = items[0].features
    ours = median_time(lambda: sorted(cosine(target, other) for other in corpus), repeat)

    from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415 -- baseline only
    from sklearn.metrics.pairwise import cosine_similarity  # noqa: PLC0415 -- baseline only

    def baseline() -> None:
        matrix = DictVectorizer().fit_transform([target, *corpus])
        sorted(cosine_similarity(matrix[0], matrix[1:])[0])

    base = median_time(baseline, repeat)
    print(
        f"related among {count} texts: {ours * 1000:.1f} ms, "
        f"baseline (sklearn vectorise + cosine) {base * 1000:.1f} ms, ratio {ours / base:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
