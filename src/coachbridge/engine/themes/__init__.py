"""World Café themes: group short harvest notes into themes with a label, keywords, highlights.

Input is a list of :class:`Note` (id, text, optional group and language); output a list of
:class:`Theme`; every note is in exactly one theme. Without ``k`` the number of themes is chosen
automatically. With a guide (an organiser sorted a few notes by hand) the rest follow the guide.

Method (docs/algorithms/themes.md): each note becomes a TF-IDF vector of lexicon concepts, their
broader concepts, stems and compound parts (:mod:`coachbridge.engine.text`), optionally joined
with a sentence embedding centred on the corpus mean (:class:`Embedder`, e.g. the packaged
multilingual Universal Sentence Encoder); spectral clustering of the notes' nearest-neighbour
graph groups them (guided: seeded k-means on the vectors plus graph coordinates); labels and
keywords are the most distinctive words of each theme quoted from its notes, highlights the notes
closest to its centre. Same input, same output.

Modules: ``model`` (data), ``represent`` (vectors), ``grouping`` (clustering, choosing k,
guided), ``describe`` (label, keywords, highlights); this one holds the entry point.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Literal

from coachbridge.engine.themes.describe import (
    HIGHLIGHTS,
    central_order,
    distinctive,
    label_and_keywords,
)
from coachbridge.engine.themes.grouping import (
    CONSENSUS_MAX_NOTES,
    GUIDE_SPECTRAL_WEIGHT,
    N_INIT_LARGE,
    SPECTRAL_MIN_NOTES,
    choose_k,
    consensus,
    graph_coordinates,
    kmeans,
    seeded_kmeans,
    spectral,
)
from coachbridge.engine.themes.model import Embedder, Guide, GuideError, Note, Theme
from coachbridge.engine.themes.represent import (
    EMBEDDING_WEIGHT,
    UniversalSentenceEncoder,
    default_embedder,
    represent,
    soft_concepts,
)

__all__ = [
    "Embedder",
    "Guide",
    "GuideError",
    "Note",
    "Theme",
    "UniversalSentenceEncoder",
    "choose_k",
    "default_embedder",
    "find_themes",
    "soft_concepts",
]

THREADS = 1  # BLAS/OpenMP threads while grouping (see find_themes)

# ---------------------------------------------------------------------------------------------
# Entry point


def find_themes(
    notes: Sequence[Note],
    k: int | None = None,
    guide: Sequence[Guide] | None = None,
    embedder: Embedder | Literal["auto"] | None = "auto",
    embedding_weight: float = EMBEDDING_WEIGHT,
) -> list[Theme]:
    """Group notes into themes. Every note ends up in exactly one theme.

    ``k``: the number of themes (chosen automatically when ``None``). ``guide``: themes an
    organiser started by hand; their example notes stay in them and the other notes follow
    (``k``, if larger, adds themes of its own). ``embedder``: an :class:`Embedder`, ``None`` for
    lexical features only, or ``"auto"``: the packaged encoder if it is installed.

    Runs single-threaded (BLAS and OpenMP limited to one thread): on a shared 2-core machine
    k-means with competing OpenMP threads was 40 times slower, and one thread keeps a worker
    polite.
    """
    from threadpoolctl import threadpool_limits  # noqa: PLC0415

    with threadpool_limits(limits=THREADS):
        return _find_themes(notes, k, guide, embedder, embedding_weight)


def _find_themes(
    notes: Sequence[Note],
    k: int | None = None,
    guide: Sequence[Guide] | None = None,
    embedder: Embedder | Literal["auto"] | None = "auto",
    embedding_weight: float = EMBEDDING_WEIGHT,
) -> list[Theme]:
    """The body of :func:`find_themes`."""
    import numpy as np  # noqa: PLC0415

    notes = list(notes)
    if not notes:
        return []
    ids = [n.id for n in notes]
    if len(set(ids)) != len(ids):
        dup = next(i for i, c in Counter(ids).items() if c > 1)
        raise ValueError(f"note id {dup!r} occurs more than once")
    index = {nid: i for i, nid in enumerate(ids)}

    fixed: dict[int, int] = {}
    guides = list(guide or [])
    for g, entry in enumerate(guides):
        for nid in entry.examples:
            if nid not in index:
                raise GuideError(f"guide {entry.label!r}: unknown note id {nid!r}")
            if index[nid] in fixed and fixed[index[nid]] != g:
                raise GuideError(f"note {nid!r} is an example of two guide themes")
            fixed[index[nid]] = g

    model = default_embedder() if embedder == "auto" else embedder
    corpus = represent(notes, model, embedding_weight)
    n = len(notes)
    graph_sized = SPECTRAL_MIN_NOTES <= n <= CONSENSUS_MAX_NOTES

    if guides:
        k_total = max(len(guides), k or 0)
        k_total = min(k_total, max(len(guides), n))
        vectors = corpus.vectors
        if graph_sized:  # where a note sits in the neighbour graph counts as well
            coords = graph_coordinates(vectors, k_total)
            vectors = np.hstack([vectors, GUIDE_SPECTRAL_WEIGHT * coords])
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        labels = seeded_kmeans(vectors, fixed, k_total)
    else:
        # identical notes (or notes of stop words only) cannot be told apart: cap k there
        distinct = int(np.unique(np.round(corpus.vectors, 9), axis=0).shape[0])
        k_total = min(n, k) if k is not None else choose_k(corpus.vectors)
        k_total = max(1, min(k_total, distinct))
        if k_total == 1:
            labels = np.zeros(n, dtype=int)
        elif graph_sized:
            labels = spectral(corpus.vectors, k_total)
        elif n <= CONSENSUS_MAX_NOTES:
            labels = consensus(corpus.vectors, k_total)
        else:
            labels = kmeans(corpus.vectors, k_total, n_init=N_INIT_LARGE)

    clusters: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels.tolist()):
        clusters[int(lab)].append(i)

    doc_freq: Counter[str] = Counter()
    for d in corpus.feats:
        doc_freq.update(d.keys())

    described: list[tuple[tuple[int, int, int], Theme]] = []
    for lab, members in clusters.items():
        order = central_order(members, corpus.vectors)
        weight = distinctive(members, corpus.feats, doc_freq, n)
        label, keywords = label_and_keywords(members, order, corpus, weight)
        is_guided = lab < len(guides)
        if is_guided:
            label = guides[lab].label
        sort_key = (0 if is_guided else 1, lab if is_guided else -len(members), members[0])
        theme = Theme(
            id="",
            label=label,
            keywords=keywords,
            notes=tuple(ids[i] for i in members),
            highlights=tuple(ids[i] for i in order[:HIGHLIGHTS]),
        )
        described.append((sort_key, theme))
    described.sort(key=lambda item: item[0])
    return [
        Theme(f"t{r}", t.label, t.keywords, t.notes, t.highlights)
        for r, (_key, t) in enumerate(described, start=1)
    ]
