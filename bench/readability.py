"""Benchmark of the readability engine (coachbridge.engine.readability).

Prints, for a Dutch and an English text of at least 5,000 words (the sentences of the
calibration texts and the interface texts of the catalogue, in a fixed shuffled order):
  * the one-time load of the wordfreq lists and data files;
  * the first analysis with empty per-word caches ("cold") and a repeated one ("warm");
  * the baseline, measured in the same run: the same analysis with the per-word caches switched
    off and every word looked up through wordfreq's public ``zipf_frequency`` with its own cache
    emptied first (the "per-word wordfreq lookup without caching"); and the ratio;
  * peak Python memory allocated during the cold analysis (tracemalloc) and the process RSS;
  * the calibration accuracy of the level estimate (on the calibration texts and leave one topic
    out), from the stored model.

Target: a 5,000-word text in under 200 ms. Run: nice -n 10 .venv/bin/python bench/readability.py
(--quick: one timing run instead of the median of five).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources

import polib
import wordfreq

from coachbridge.engine import text as textmod
from coachbridge.engine.readability import analyse, sentences, signals
from coachbridge.engine.readability import fit as fitting
from coachbridge.engine.readability.level import model

TARGET_WORDS = 5_000
TARGET_MS = 200.0


def calibration_text(lang: str, words: int, seed: int = 0) -> str:
    """Calibration sentences and interface texts, shuffled (fixed seed), up to ``words`` words."""
    path = resources.files("coachbridge.engine").joinpath(
        "data", fitting.CALIBRATION_DIR, f"{lang}.jsonl"
    )
    pool: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        body = json.loads(line)["text"]
        pool.extend(body[s:e] for s, e in sentences.split_sentences(body))
    # the interface texts add vocabulary (Dutch msgstrs, English msgids)
    catalogue = resources.files("coachbridge").joinpath(CATALOGUE)
    for entry in polib.pofile(catalogue.read_text("utf-8")):
        body = entry.msgstr if lang == "nl" else entry.msgid
        if len(body.split()) >= 3:
            pool.append(body if body.rstrip()[-1:] in ".?!" else body + ".")
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        rng.shuffle(pool)
        for sentence in pool:
            out.append(sentence)
            count += len(textmod.tokenize(sentence))
            if count >= words:
                break
    paragraphs = [" ".join(out[i : i + 6]) for i in range(0, len(out), 6)]
    return "\n\n".join(paragraphs)


# the cached per-word functions (the baseline swaps in the bare ones)
CACHED = {name: getattr(signals, name) for name in ("word_info", "_stem", "_base_keys")}
CATALOGUE = "locale/nl/LC_MESSAGES/django.po"


def clear_word_caches() -> None:
    for function in CACHED.values():
        function.cache_clear()
    sentences.syllables.cache_clear()
    textmod.stem.cache_clear()
    textmod.split_compound.cache_clear()


@contextmanager
def uncached_baseline() -> Iterator[None]:
    """Per-word look-ups without any cache: wordfreq's API, engine caches bypassed."""
    saved_zipf = textmod.zipf

    def zipf(word: str, lang: textmod.Lang) -> float:
        wordfreq._wf_cache.clear()
        value: float = wordfreq.zipf_frequency(word, lang)
        return value

    textmod.zipf = zipf  # type: ignore[assignment]
    for name, function in CACHED.items():
        setattr(signals, name, function.__wrapped__)
    try:
        yield
    finally:
        textmod.zipf = saved_zipf  # type: ignore[assignment]
        for name, function in CACHED.items():
            setattr(signals, name, function)


def timed(run: Callable[[], object], repeats: int, before: Callable[[], None]) -> float:
    """Median milliseconds of ``run`` over ``repeats`` runs, ``before`` each (not timed)."""
    times: list[float] = []
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="one run per timing")
    args = parser.parse_args()
    repeats = 1 if args.quick else 5

    start = time.perf_counter()
    for lang in ("nl", "en"):
        analyse("Laad de lijsten. Load the lists.", lang)
    load_ms = (time.perf_counter() - start) * 1000
    print(f"load (wordfreq lists nl+en, data files): {load_ms:.0f} ms, once per process")
    print("(shared 2-core machine with other engineers working: timings are indicative)")

    for lang in ("nl", "en"):
        text = calibration_text(lang, TARGET_WORDS)
        words = len(textmod.tokenize(text))
        distinct = len({t.lower for t in textmod.tokenize(text)})
        print(f"\n[{lang}] {words} words, {distinct} distinct, {len(text)} characters")

        cold = timed(lambda t=text, c=lang: analyse(t, c), repeats, clear_word_caches)
        warm = timed(lambda t=text, c=lang: analyse(t, c), repeats, lambda: None)
        with uncached_baseline():
            base = timed(lambda t=text, c=lang: analyse(t, c), repeats, clear_word_caches)
        verdict = "OK" if cold < TARGET_MS else "SLOWER THAN TARGET"
        print(
            f"  engine, cold word caches: {cold:7.1f} ms  (target < {TARGET_MS:.0f} ms: {verdict})"
        )
        print(f"  engine, warm word caches: {warm:7.1f} ms")
        print(f"  baseline, no caching:     {base:7.1f} ms  -> engine is {base / cold:.1f}x faster")

        clear_word_caches()
        tracemalloc.start()
        result = analyse(text, lang)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  peak memory of one cold analysis: {peak / 2**20:.1f} MiB (tracemalloc)")
        print(
            f"  level {result.level}, {len(result.sentences)} sentences, "
            f"{len(result.issues)} issues"
        )

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS: {rss:.0f} MiB (mostly the two wordfreq lists)")
    for lang in ("nl", "en"):
        fitted = model(lang)
        loto = fitted["accuracy_leave_one_topic_out"]
        print(
            f"calibration [{lang}]: {fitted['texts']} texts, level accuracy "
            f"{fitted['accuracy']:.0%}, leave-one-topic-out {loto:.0%}"
        )


if __name__ == "__main__":
    main()
