"""Describing a theme in the notes' own words: label, keywords, highlights."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from coachbridge.engine import text as textmod
from coachbridge.engine.themes.represent import Corpus

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]

HIGHLIGHTS = 3
KEYWORDS = 6
MAX_LABEL_TOKENS = 4

# ---------------------------------------------------------------------------------------------
# Describing a theme


def distinctive(
    members: list[int], feats: list[dict[str, float]], doc_freq: Counter[str], n: int
) -> dict[str, float]:
    """Contrastive weight of each feature in a theme: share in the theme times the log-lift."""
    counts: Counter[str] = Counter()
    for i in members:
        counts.update(feats[i].keys())
    size = len(members)
    out: dict[str, float] = {}
    for f, c in counts.items():
        inside = c / size
        overall = doc_freq[f] / n
        out[f] = inside * math.log(1.0 + inside / overall)
    return out


def _token_features(analysis: textmod.Analysis) -> list[set[str]]:
    """For each token, the grouping features it stands for."""
    per: list[set[str]] = [set() for _ in analysis.tokens]
    for m in analysis.matches:
        keys = {"c:" + m.concept} | {"b:" + b for b in textmod.broader_chain(m.concept)}
        for i in range(m.first, m.last + 1):
            per[i] |= keys
    for i, (stem_, parts) in enumerate(zip(analysis.stems, analysis.parts, strict=True)):
        if stem_ is not None:
            per[i].add("s:" + stem_)
        per[i] |= {"p:" + p for p in parts}
    return per


def _span_is_clean(analysis: textmod.Analysis, first: int, last: int) -> bool:
    """A label span has no punctuation between its words and does not end on a stop word."""
    toks = analysis.tokens
    if analysis.stems[first] is None or analysis.stems[last] is None:
        return False
    for a, b in zip(toks[first:last], toks[first + 1 : last + 1], strict=True):
        gap = analysis.text[a.end : b.start]
        if gap.strip(" -") or len(gap) > 2:
            return False
    return True


def _surfaces(analysis: textmod.Analysis) -> list[tuple[str, set[str]]]:
    """Words and phrases of a note as written (lower-cased), with the features each stands for:
    a concept and its broader concepts point to the whole matched phrase, a stem to its word."""
    out: list[tuple[str, set[str]]] = []
    toks = analysis.tokens
    for m in analysis.matches:
        if m.via_part:
            continue
        phrase = analysis.text[toks[m.first].start : toks[m.last].end].lower()
        keys = {"c:" + m.concept} | {"b:" + b for b in textmod.broader_chain(m.concept)}
        out.append((phrase, keys))
    for t, (stem_, parts) in enumerate(zip(analysis.stems, analysis.parts, strict=True)):
        if stem_ is not None:
            keys = {"s:" + stem_} | {"p:" + p for p in parts}
            for m in analysis.matches:
                if m.via_part and m.first == t:
                    keys |= {"c:" + m.concept} | {
                        "b:" + b for b in textmod.broader_chain(m.concept)
                    }
            out.append((toks[t].surface.lower(), keys))
    return out


def label_and_keywords(
    members: list[int], order: list[int], corpus: Corpus, weight: dict[str, float]
) -> tuple[str, tuple[str, ...]]:
    """A label quoted verbatim from a note, and keywords (words as written in the notes)."""
    rank = {i: r for r, i in enumerate(order)}
    best: tuple[float, int, int, str] | None = None
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for i in members:
        analysis = corpus.analyses[i]
        for phrase, keys in _surfaces(analysis):
            for key in keys:
                surfaces[key][phrase] += 1
        per = _token_features(analysis)
        n_tok = len(analysis.tokens)
        for first in range(n_tok):
            for last in range(first, min(n_tok, first + MAX_LABEL_TOKENS)):
                if not _span_is_clean(analysis, first, last):
                    continue
                keys = set().union(*per[first : last + 1])
                score = sum(weight.get(key, 0.0) for key in keys)
                score /= (last - first + 1) ** 0.25
                span = analysis.text[analysis.tokens[first].start : analysis.tokens[last].end]
                candidate = (-round(score, 12), rank[i], analysis.tokens[first].start, span)
                if best is None or candidate < best:
                    best = candidate
    # nothing but stop words: quote the most central note
    label = corpus.notes[order[0]].text.strip() if best is None else best[3]
    keywords: list[str] = []
    for key, _w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])):
        if key not in surfaces:
            continue
        word = sorted(surfaces[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if word not in keywords:
            keywords.append(word)
        if len(keywords) == KEYWORDS:
            break
    return label, tuple(keywords)


def central_order(members: list[int], vectors: FloatArray) -> list[int]:
    """Members, most representative first: close to the centre, then diverse (MMR, 0.7)."""
    import numpy as np  # noqa: PLC0415

    sub = vectors[members]
    centre = sub.mean(axis=0)
    norm = float(np.linalg.norm(centre))
    sims = sub @ (centre / norm) if norm > 0 else np.zeros(len(members))
    order = sorted(range(len(members)), key=lambda j: (-round(float(sims[j]), 12), members[j]))
    picked: list[int] = []
    rest = list(order)
    while rest and len(picked) < HIGHLIGHTS:

        def mmr(j: int) -> tuple[float, int]:
            redundancy = max((float(sub[j] @ sub[p]) for p in picked), default=0.0)
            return (-round(0.7 * float(sims[j]) - 0.3 * redundancy, 12), members[j])

        choice = min(rest, key=mmr)
        picked.append(choice)
        rest.remove(choice)
    return [members[j] for j in picked] + [members[j] for j in rest]
