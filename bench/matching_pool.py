"""Pooled second assessment of the marketplace evaluation set (TREC-style pooling).

The needs' relevance judgements in bench/data/matching_eval.jsonl were written by one person, so
some relevant offers are surely unlisted. This script pools, for every need, the top ``--depth``
offers of the four methods of bench/matching.py (the engine with and without the encoder, BM25,
character TF-IDF) together with the offers already listed as relevant, and writes assessor
packets: ``offers.md`` (every offer) and ``chunk-K.md`` (needs with their pooled offers, in id
order, so nothing shows which method found an offer or what the writer judged) and
``pool.json`` (the pool itself). Two assessors
grade every chunk independently, following ``GUIDE`` below, each into ``grades-K-a.jsonl`` or
``grades-K-b.jsonl`` (one ``{"need", "offer", "grade"}`` a line); ``--merge`` checks that every
pooled pair has both grades and writes bench/data/matching_pool.jsonl, which
``bench/matching.py --pooled`` reads.

Run: .venv/bin/python bench/matching_pool.py --out DIR [--depth 5] [--chunks 4]
     .venv/bin/python bench/matching_pool.py --out DIR --merge
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import matching as bench
from coachbridge.engine.matching import UniversalSentenceEncoder

POOL_FILE = "pool.json"  # the pooled offers per need, written with the packets

GUIDE = """\
# How to grade

You see a marketplace of a learning network of coaches, psychologists and researchers: people
post what they look for (a need) and what they offer. For each need you get a list of offers.
Grade every offer for that need, from the need's author's point of view:

* 2: the offer answers what the need asks for; the author would want an introduction to it first.
* 1: the offer helps with a real part of what the need asks for, or its author is a sensible
  person to contact about it; the need's author would be glad to be introduced.
* 0: it does not help with what the need asks for, even if it is about a related topic, uses the
  same words, or is in the same category. If you doubt between 0 and 1, choose 0.

Dutch and English posts can match each other: members read both languages. Judge each pair on
its own; do not compare offers with each other, and do not guess how many offers should be
relevant (it may be none).
"""


def describe(row: dict[str, Any]) -> str:
    roles = ", ".join(row.get("roles") or ()) or "-"
    return (
        f"### {row['id']} ({row['kind']}, {row['lang']}, category {row['category']},"
        f" roles {roles})\n**{row['title']}**\n{row['text']}\n"
    )


def build_pool(rows: list[dict[str, Any]], depth: int) -> dict[str, list[str]]:
    """For every need, the offer ids (sorted) that any method ranks in its top ``depth``,
    with the offers already listed as relevant."""
    needs = [r for r in rows if r["kind"] == "need"]
    offers = [r for r in rows if r["kind"] == "offer"]
    rankings = [
        bench.rank_engine(needs, offers, UniversalSentenceEncoder()),
        bench.rank_engine(needs, offers),
        bench.rank_bm25(needs, offers),
        bench.rank_char_tfidf(needs, offers),
    ]
    pool: dict[str, list[str]] = {}
    for need in needs:
        ids = set(need.get("relevant") or ())
        for ranking in rankings:
            ids.update(ranking[need["id"]][:depth])
        pool[need["id"]] = sorted(ids)
    return pool


def write_packets(
    rows: list[dict[str, Any]], pool: dict[str, list[str]], out: Path, chunks: int
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    offers = [r for r in rows if r["kind"] == "offer"]
    needs = {r["id"]: r for r in rows if r["kind"] == "need"}
    (out / "offers.md").write_text(
        "# All offers\n\n" + "\n".join(describe(o) for o in offers), encoding="utf-8"
    )
    need_ids = sorted(pool)
    for k in range(chunks):
        part = need_ids[k::chunks]
        lines = [GUIDE, f"\n# Chunk {k + 1} of {chunks}: {len(part)} needs\n"]
        for need_id in part:
            lines.append(describe(needs[need_id]))
            lines.append("Offers to grade: " + ", ".join(pool[need_id]) + "\n")
        (out / f"chunk-{k + 1}.md").write_text("\n".join(lines), encoding="utf-8")
    (out / POOL_FILE).write_text(json.dumps(pool, indent=1), encoding="utf-8")
    pairs = sum(len(v) for v in pool.values())
    print(f"{len(pool)} needs, {pairs} pairs in {chunks} chunks written to {out}")


def merge_grades(pool: dict[str, list[str]], folder: Path) -> list[dict[str, Any]]:
    """One row per pooled pair with the grades of assessors a and b, read from the chunks'
    grade files; raises ValueError naming the first pair that is missing or unknown."""
    grades: dict[str, dict[tuple[str, str], int]] = {"a": {}, "b": {}}
    for assessor, found in grades.items():
        for path in sorted(folder.glob(f"grades-*-{assessor}.jsonl")):
            for row in bench.load(path):
                if row["offer"] not in pool.get(row["need"], ()):
                    raise ValueError(f"{path.name}: {row['need']} + {row['offer']} is not pooled")
                if row["grade"] not in (0, 1, 2):
                    raise ValueError(f"{path.name}: grade {row['grade']!r} is not 0, 1 or 2")
                found[(row["need"], row["offer"])] = row["grade"]
    out = []
    for need_id, offer_ids in sorted(pool.items()):
        for offer_id in offer_ids:
            pair = (need_id, offer_id)
            for assessor, found in grades.items():
                if pair not in found:
                    raise ValueError(f"assessor {assessor} did not grade {need_id} + {offer_id}")
            out.append(
                {"need": need_id, "offer": offer_id, "grades": [g[pair] for g in grades.values()]}
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--depth", type=int, default=5)
    parser.add_argument("--chunks", type=int, default=4)
    parser.add_argument("--data", type=Path, default=bench.DATA)
    parser.add_argument("--merge", action="store_true", help="merge the grades in --out")
    args = parser.parse_args(argv)
    if not args.merge:
        rows = bench.load(args.data)
        write_packets(rows, build_pool(rows, args.depth), args.out, args.chunks)
        return 0
    try:
        # the pool the packets were made from, not a new one: the engine may have changed
        pool = json.loads((args.out / POOL_FILE).read_text(encoding="utf-8"))
        merged = merge_grades(pool, args.out)
    except (OSError, ValueError) as error:
        print(f"cannot merge: {error}", file=sys.stderr)
        return 2
    with bench.POOL.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in merged)
    print(f"{len(merged)} pairs written to {bench.POOL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
