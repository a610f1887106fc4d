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
MIN_LABEL_LIFT = 1.5  # ... and be at least this many times as frequent there as in all notes
MIN_LABEL_SUPPORT = 2  # a label's words must be shared by this many of the theme's notes
# Negations count as features ("niet alleen" carries meaning) but say nothing on their own.
NEGATIONS = frozenset({"niet", "geen", "nooit", "not", "no", "never"})

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
    """A label span has no punctuation between its words, does not start or end on a stop
    word or a negation and does not cut a lexicon phrase (e.g. "grijs gebied") in two."""
    toks = analysis.tokens
    if analysis.stems[first] is None or analysis.stems[last] is None:
        return False
    if toks[first].norm in NEGATIONS or toks[last].norm in NEGATIONS:
        return False
    for m in analysis.matches:
        if m.first < first <= m.last or m.first <= last < m.last:
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


def support(members: list[int], feats: list[dict[str, float]]) -> dict[str, frozenset[int]]:
    """For each feature of a theme, the theme's notes that have it."""
    out: dict[str, set[int]] = defaultdict(set)
    for i in members:
        for f in feats[i]:
            out[f].add(i)
    return {f: frozenset(s) for f, s in out.items()}


def span_score(
    tokens: list[set[str]],
    weight: dict[str, float],
    notes_of: dict[str, frozenset[int]],
    min_support: int,
) -> float:
    """Weight a label span carries: each word counts with its best feature found in at least
    ``min_support`` of the theme's notes (a feature counts once however many words stand for
    it), so a word weighs as one word however many features (concept, broader concepts, stem,
    compound parts) it stands for, and a word of one note only weighs nothing."""
    best: dict[str, float] = {}
    for keys in tokens:
        usable = [
            (weight.get(key, 0.0), key)
            for key in keys
            if len(notes_of.get(key, ())) >= min_support and key not in best
        ]
        if usable:
            w, key = max(usable)
            best[key] = w
    return sum(best.values())


def label_and_keywords(
    members: list[int], order: list[int], corpus: Corpus, weight: dict[str, float]
) -> tuple[str, tuple[str, ...]]:
    """A label quoted verbatim from a note, and keywords (words as written in the notes).

    The label is the span whose words carry the most weight through features that at least
    two of the theme's notes share and that are clearly more frequent in the theme than in all
    the notes (lift); when no span has such a feature, the most central note's best span."""
    rank = {i: r for r, i in enumerate(order)}
    everywhere = support(members, corpus.feats)
    size = len(members)
    # lift (share in the theme / share in all notes) from weight = share * log(1 + lift): a
    # feature not clearly more frequent in the theme than elsewhere does not label it (a theme
    # of all the notes, or of most of them, cannot reach MIN_LABEL_LIFT: n / size is its best)
    min_lift = min(MIN_LABEL_LIFT, len(corpus.notes) / size)
    notes_of = {
        f: where
        for f, where in everywhere.items()
        if math.expm1(weight.get(f, 0.0) / (len(where) / size)) >= min_lift - 1e-9
    }
    min_support = min(MIN_LABEL_SUPPORT, len(members))
    best: tuple[float, int, int, str] | None = None
    fallback: tuple[float, int, str] | None = None
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
                words = per[first : last + 1]
                length = (last - first + 1) ** 0.25
                start = analysis.tokens[first].start
                span = analysis.text[start : analysis.tokens[last].end]
                score = span_score(words, weight, notes_of, min_support) / length
                candidate = (-round(score, 12), rank[i], start, span)
                if score > 0 and (best is None or candidate < best):
                    best = candidate
                if i == order[0]:
                    own = span_score(words, weight, everywhere, 1) / length
                    alternative = (-round(own, 12), start, span)
                    if fallback is None or alternative < fallback:
                        fallback = alternative
    if best is not None:
        label = best[3]
    elif fallback is not None:  # nothing shared: the most central note's own best span
        label = fallback[2]
    else:  # nothing but stop words: quote the most central note
        label = corpus.notes[order[0]].text.strip()
    keywords: list[str] = []
    for key, _w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])):
        if key not in surfaces:
            continue
        word = sorted(surfaces[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if word not in keywords and word not in NEGATIONS:
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
