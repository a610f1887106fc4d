"""The incremental matching index: posts as sparse rows, candidates from an inverted index,
a reciprocal rerank of the shortlist, and a file format (one .npz, no pickle).

Layout. Each kind (offers, needs) is a :class:`_Side`: rows ``0 .. n_main-1`` live in compact
arrays (lexical features as CSR and CSC matrices, character n-grams as CSR-like index arrays),
rows added later in a small *delta* (lists, plus a lazily built CSR). Removing a post only marks
its row dead; :meth:`MatchIndex.compact` folds the delta and drops dead rows, automatically
when the delta passes ``DELTA_MAX`` rows. Document frequencies are kept per feature over all
live posts, so IDF weights are always current; rows store raw weights only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coachbridge.engine import text as textmod
from coachbridge.engine.matching.categories import compatibility, identity
from coachbridge.engine.matching.features import PostFeatures, post_features
from coachbridge.engine.matching.model import (
    CATEGORIES,
    KINDS,
    PRACTICE_ROLES,
    ROLES,
    SCIENCE_ROLES,
    Kind,
    Match,
    Post,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.int64]

FORMAT = "coachbridge-match-index/1"
DELTA_MAX = 2000  # rows added since the last compaction before the index compacts itself
SHORTLIST = 200  # candidates reranked per query
EMBED_SHORTLIST = 50  # extra candidates by embedding similarity (when an embedder is set)
EMBED_SCAN_MAX = 20_000  # above this many rows of a kind, embeddings only rerank (no full scan)
EMBED_CENTER_PRIOR = 20.0  # posts' worth of shrinkage of the embedding mean towards zero
OTHER = CATEGORIES.index("other")
LANG_CODES: tuple[textmod.Lang, ...] = textmod.LANGS


@dataclass(frozen=True)
class Weights:
    """Weights of the signals in a one-way score (they are divided by their sum)."""

    lexical: float = 0.55
    grams: float = 0.1
    category: float = 0.2
    roles: float = 0.03
    embedding: float = 0.6  # used only with an embedder
    embed_center: bool = True  # cosine of embeddings centred on the mean of the indexed posts
    idf_power: float = 1.5  # lexical features weigh idf ** idf_power
    fusion: str = "harmonic"  # "harmonic" | "geometric" | "forward" (no reciprocity)
    # graded category fit from engine/data/matching_categories.tsv instead of "same category";
    # off: it helped the development needs but cost the hold-out (docs/algorithms/matching.md)
    category_table: bool = False
    # stems and compound parts are words of one language: between a Dutch and an English post
    # they weigh this much, so that words that cannot match do not dilute the coverage
    cross_stems: float = 0.5
    # "not relevant" as feedback: a candidate ranks as if it lost this much times its score
    # against the most similar post the member dismissed (tenth round, docs/algorithms/)
    dismissed: float = 0.3


@dataclass
class Query:
    """A post as the index sees it: column ids with weights, n-gram ids, codes."""

    lex_cols: IntArray
    lex_vals: FloatArray
    lex_unknown: float  # sum of idf-weighted weights of features the index does not know
    gram_cols: IntArray
    gram_unknown: int  # n-grams the index does not know
    category: int
    roles: int
    lang: int
    author: int
    embedding: FloatArray | None


class _Side:
    """The rows of one kind."""

    def __init__(self) -> None:
        import numpy as np  # noqa: PLC0415
        import scipy.sparse as sp  # noqa: PLC0415

        self.ids: list[str] = []
        self.alive = np.zeros(0, dtype=bool)
        self.category = np.zeros(0, dtype=np.int16)
        self.roles = np.zeros(0, dtype=np.int32)
        self.lang = np.zeros(0, dtype=np.int8)
        self.author = np.zeros(0, dtype=np.int32)
        self.n_main = 0
        self.lex_csr: Any = sp.csr_matrix((0, 0), dtype=np.float64)
        self.lex_csc: Any = self.lex_csr.tocsc()
        self.lex_norm = np.zeros(0, dtype=np.float64)
        self.gram_indptr = np.zeros(1, dtype=np.int64)
        self.gram_indices = np.zeros(0, dtype=np.int32)
        self.emb: Any = None  # float32 rows (main and delta) or None
        self.d_lex: list[tuple[IntArray, FloatArray]] = []
        self.d_gram: list[Any] = []
        self._d_csr: Any = None

    def __len__(self) -> int:
        return len(self.ids)

    def grow(self, arrays: dict[str, Any]) -> None:
        import numpy as np  # noqa: PLC0415

        for name, value in arrays.items():
            old = getattr(self, name)
            setattr(self, name, np.append(old, np.asarray(value, dtype=old.dtype)))

    def delta_csr(self, ncols: int) -> Any:
        import numpy as np  # noqa: PLC0415
        import scipy.sparse as sp  # noqa: PLC0415

        if self._d_csr is None or self._d_csr.shape[1] != ncols:
            indptr = np.zeros(len(self.d_lex) + 1, dtype=np.int64)
            indptr[1:] = np.cumsum([len(c) for c, _ in self.d_lex])
            cols = np.concatenate([c for c, _ in self.d_lex]) if self.d_lex else np.zeros(0, int)
            vals = np.concatenate([v for _, v in self.d_lex]) if self.d_lex else np.zeros(0)
            self._d_csr = sp.csr_matrix((vals, cols, indptr), shape=(len(self.d_lex), ncols))
        return self._d_csr

    def lex_rows(self, rows: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        """(owner position in ``rows``, column, raw weight) of every lexical entry of ``rows``."""
        import numpy as np  # noqa: PLC0415

        owners: list[Any] = []
        cols: list[Any] = []
        vals: list[Any] = []
        main = rows < self.n_main
        if main.any():
            sub = self.lex_csr[rows[main]]
            where = np.flatnonzero(main)
            owners.append(np.repeat(where, np.diff(sub.indptr)))
            cols.append(sub.indices)
            vals.append(sub.data)
        for pos in np.flatnonzero(~main):
            c, v = self.d_lex[int(rows[pos]) - self.n_main]
            owners.append(np.full(len(c), pos))
            cols.append(c)
            vals.append(v)
        if not owners:
            return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
        return np.concatenate(owners), np.concatenate(cols), np.concatenate(vals)

    def gram_rows(self, rows: IntArray) -> tuple[IntArray, IntArray]:
        """(owner position in ``rows``, n-gram column) of every n-gram of ``rows``."""
        import numpy as np  # noqa: PLC0415

        owners: list[Any] = []
        cols: list[Any] = []
        main = np.flatnonzero(rows < self.n_main)
        if len(main):
            starts = self.gram_indptr[rows[main]]
            lengths = self.gram_indptr[rows[main] + 1] - starts
            offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
            owners.append(np.repeat(main, lengths))
            cols.append(self.gram_indices[offsets + np.arange(int(lengths.sum()))])
        for pos in np.flatnonzero(rows >= self.n_main).tolist():
            c = self.d_gram[int(rows[pos]) - self.n_main]
            owners.append(np.full(len(c), pos))
            cols.append(c)
        if not owners:
            return np.zeros(0, int), np.zeros(0, int)
        return np.concatenate(owners), np.concatenate(cols)


class MatchIndex:
    """Offers and needs, searchable against each other. Not thread-safe: one writer."""

    def __init__(self, embedder: Any = None, weights: Weights | None = None) -> None:
        import numpy as np  # noqa: PLC0415

        self.embedder = embedder
        self.weights = weights or Weights()
        self.vocab: dict[str, int] = {}
        self.names: list[str] = []
        self.surfaces: dict[str, str] = {}
        self.df = np.zeros(0, dtype=np.float64)
        self.sides: dict[str, _Side] = {kind: _Side() for kind in KINDS}
        self.where: dict[str, tuple[str, int]] = {}  # post id -> (kind, row)
        self.authors: dict[str, int] = {}
        self.author_posts: dict[int, set[str]] = {}
        self._idf: Any = None
        self._stem_columns: Any = None
        # running sum and count of the live posts' embeddings (for centring, see _emb_mean)
        self.emb_sum = np.zeros(0, dtype=np.float64)
        self.emb_count = 0

    # -----------------------------------------------------------------------------------------
    # Size and vocabulary

    def __len__(self) -> int:
        return len(self.where)

    def __contains__(self, post_id: object) -> bool:
        return post_id in self.where

    def nbytes(self) -> int:
        """Bytes held in the index's numpy arrays (main rows; the delta and dicts are extra)."""
        total = int(self.df.nbytes)
        for side in self.sides.values():
            for matrix in (side.lex_csr, side.lex_csc):
                total += matrix.data.nbytes + matrix.indices.nbytes + matrix.indptr.nbytes
            total += side.gram_indices.nbytes + side.gram_indptr.nbytes
            total += 0 if side.emb is None else int(side.emb.nbytes)
        return total

    def _column(self, name: str) -> int:
        col = self.vocab.get(name)
        if col is None:
            col = len(self.names)
            self.vocab[name] = col
            self.names.append(name)
        return col

    def stem_columns(self) -> npt.NDArray[Any]:
        """True for the columns of stems and compound parts (words of one language)."""
        import numpy as np  # noqa: PLC0415

        known = 0 if self._stem_columns is None else len(self._stem_columns)
        if known < len(self.names):  # names only grow: classify just the new ones
            new = np.array([n[:2] in ("s:", "p:") for n in self.names[known:]], dtype=bool)
            self._stem_columns = new if known == 0 else np.concatenate([self._stem_columns, new])
        result: npt.NDArray[Any] = self._stem_columns
        return result

    def idf(self) -> FloatArray:
        import numpy as np  # noqa: PLC0415

        if self._idf is None or len(self._idf) != len(self.df):
            n = len(self.where)
            self._idf = np.log((1.0 + n) / (1.0 + self.df)) + 1.0
        result: FloatArray = self._idf
        return result

    # -----------------------------------------------------------------------------------------
    # Adding and removing

    def add(self, post: Post) -> None:
        """Index ``post`` (replacing an indexed post with the same id); searchable at once."""
        self.add_many([post])

    def add_many(self, posts: Iterable[Post]) -> None:
        """Index several posts (the last one wins for a repeated id); compacts once at the end
        if the delta has grown past ``DELTA_MAX`` rows."""
        import numpy as np  # noqa: PLC0415

        batch = list({p.id: p for p in posts}.values())
        for post in batch:
            post.validate()
        for post in batch:
            if post.id in self.where:
                self.remove(post.id)
        feats = [post_features(p) for p in batch]
        vectors = self._embed([f"{p.title}\n{p.text}" for p in batch])
        grown: dict[str, dict[str, list[Any]]] = {k: {} for k in KINDS}
        emb_rows: dict[str, list[int]] = {k: [] for k in KINDS}
        for i, (post, feat) in enumerate(zip(batch, feats, strict=True)):
            for name, value in self._append(post, feat).items():
                grown[post.kind].setdefault(name, []).append(value)
            emb_rows[post.kind].append(i)
        if len(self.df) < len(self.names):
            self.df = np.append(self.df, np.zeros(len(self.names) - len(self.df)))
        for post in batch:
            kind, row = self.where[post.id]
            cols, _ = self._row_lex(self.sides[kind], row)
            self.df[cols] += 1.0
            self.df[self._row_grams(self.sides[kind], row)] += 1.0
        self._idf = None
        for kind, side in self.sides.items():
            if grown[kind]:
                side.grow(grown[kind])
            if emb_rows[kind] and (vectors is not None or side.emb is not None):
                # keep one embedding row per post: zeros where a post has none (an index
                # saved without an embedder and loaded with one, or the other way round)
                dim = vectors.shape[1] if vectors is not None else side.emb.shape[1]
                if side.emb is None:
                    side.emb = np.zeros((len(side) - len(emb_rows[kind]), dim), np.float32)
                new = (
                    vectors[emb_rows[kind]]
                    if vectors is not None
                    else np.zeros((len(emb_rows[kind]), dim), np.float32)
                )
                side.emb = np.vstack([side.emb, new])
                self._emb_track(new, +1)
        if any(len(s.d_lex) > DELTA_MAX for s in self.sides.values()):
            self.compact()

    def update(self, post: Post) -> None:
        """Same as :meth:`add`: the old version is removed first."""
        self.add(post)

    def _embed(self, texts: list[str]) -> Any:
        if self.embedder is None or not texts:
            return None
        import numpy as np  # noqa: PLC0415

        vectors = np.asarray(self.embedder.encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)

    def _append(self, post: Post, feat: PostFeatures) -> dict[str, Any]:
        """Put a post's rows in the delta; returns its per-row values for :meth:`_Side.grow`."""
        import numpy as np  # noqa: PLC0415

        side = self.sides[post.kind]
        cols = np.array([self._column(n) for n in feat.lex], dtype=np.int64)
        vals = np.array(list(feat.lex.values()), dtype=np.float64)
        order = np.argsort(cols)
        gram_cols = np.sort(np.array([self._column("g:" + g) for g in feat.grams], dtype=np.int32))
        for stem, surface in feat.surfaces.items():
            self.surfaces.setdefault(stem, surface)
        side.d_lex.append((cols[order], vals[order]))
        side.d_gram.append(gram_cols)
        side._d_csr = None
        author = -1
        if post.author is not None:
            author = self.authors.setdefault(post.author, len(self.authors))
            self.author_posts.setdefault(author, set()).add(post.id)
        self.where[post.id] = (post.kind, len(side.ids))
        side.ids.append(post.id)
        return {
            "alive": True,
            "category": CATEGORIES.index(post.category) if post.category else -1,
            "roles": _role_mask(post.roles),
            "lang": LANG_CODES.index(feat.lang),
            "author": author,
            "lex_norm": float(np.sqrt((vals**2).sum())) or 1.0,
        }

    def remove(self, post_id: str) -> bool:
        """Forget a post; returns False if it was not indexed."""
        import numpy as np  # noqa: PLC0415

        found = self.where.pop(post_id, None)
        if found is None:
            return False
        kind, row = found
        side = self.sides[kind]
        side.alive[row] = False
        cols, _ = self._row_lex(side, row)
        grams = self._row_grams(side, row)
        self.df[cols] -= 1.0
        self.df[grams] -= 1.0
        np.maximum(self.df, 0.0, out=self.df)
        self._idf = None
        author = int(side.author[row])
        if author >= 0:
            self.author_posts.get(author, set()).discard(post_id)
        if side.emb is not None:
            self._emb_track(side.emb[row : row + 1], -1)
        return True

    def _emb_track(self, rows: Any, sign: int) -> None:
        """Add (``sign`` 1) or subtract (-1) embedding rows from the running sum; all-zero
        rows (posts without an embedding) do not count."""
        import numpy as np  # noqa: PLC0415

        present = np.abs(rows).sum(axis=1) > 0
        if not present.any():
            return
        if len(self.emb_sum) != rows.shape[1]:
            self.emb_sum, self.emb_count = np.zeros(rows.shape[1]), 0
        self.emb_sum += sign * rows[present].astype(np.float64).sum(axis=0)
        self.emb_count = max(0, self.emb_count + sign * int(present.sum()))

    def _emb_mean(self) -> Any:
        """The mean embedding of the live posts, shrunk towards zero by n / (n + prior): the
        centre that is subtracted before the cosine (None when not centring). Sentence
        encoders give every text a large common component, so raw cosines favour "hub" posts
        that are near everything; centring removes it. The shrinkage keeps tiny indexes (two
        posts would otherwise always score -1) close to the raw cosine."""
        if not self.weights.embed_center or self.emb_count == 0:
            return None
        n = self.emb_count
        return self.emb_sum / n * (n / (n + EMBED_CENTER_PRIOR))

    def _emb_recount(self) -> None:
        """Recompute the running sum from the live rows (after compaction and loading)."""
        import numpy as np  # noqa: PLC0415

        self.emb_sum, self.emb_count = np.zeros(0, dtype=np.float64), 0
        for side in self.sides.values():
            if side.emb is not None and len(side):
                self._emb_track(side.emb[side.alive], +1)

    def emb_sims(self, side: _Side, rows: Any, query: FloatArray) -> Any:
        """Cosines between the query's embedding and those of ``rows`` (a slice or index
        array of ``side``), both centred on :meth:`_emb_mean`; 0 for rows without one."""
        import numpy as np  # noqa: PLC0415

        matrix = side.emb[rows]
        q = query.astype(np.float32)
        raw = (matrix @ q).astype(np.float64)
        mu = self._emb_mean()
        if mu is None:
            return raw
        d_mu = (matrix @ mu.astype(np.float32)).astype(np.float64)
        q_mu, mu_mu = float(q @ mu), float(mu @ mu)
        present = (raw != 0) | (d_mu != 0)  # stored rows are unit length or all zero
        d_norm = np.sqrt(np.maximum(1.0 - 2.0 * d_mu + mu_mu, 1e-12))
        q_norm = float(np.sqrt(max(float(q @ q) - 2.0 * q_mu + mu_mu, 1e-12)))
        sims = (raw - d_mu - q_mu + mu_mu) / (d_norm * q_norm)
        return np.where(present, sims, 0.0)

    def _row_lex(self, side: _Side, row: int) -> tuple[IntArray, FloatArray]:
        if row >= side.n_main:
            return side.d_lex[row - side.n_main]
        start, end = side.lex_csr.indptr[row], side.lex_csr.indptr[row + 1]
        return side.lex_csr.indices[start:end], side.lex_csr.data[start:end]

    def _row_grams(self, side: _Side, row: int) -> Any:
        if row >= side.n_main:
            return side.d_gram[row - side.n_main]
        return side.gram_indices[side.gram_indptr[row] : side.gram_indptr[row + 1]]

    def compact(self) -> None:
        """Fold the delta into the main arrays and drop removed posts (O(size of index))."""
        import numpy as np  # noqa: PLC0415
        import scipy.sparse as sp  # noqa: PLC0415

        ncols = len(self.names)
        for kind, side in self.sides.items():
            keep = np.flatnonzero(side.alive)
            lex_parts: list[Any] = []
            main_keep = keep[keep < side.n_main]
            if side.n_main:
                main = side.lex_csr[main_keep]
                main.resize((len(main_keep), ncols))
                lex_parts.append(main)
            delta_keep = keep[keep >= side.n_main] - side.n_main
            if len(side.d_lex):
                lex_parts.append(side.delta_csr(ncols)[delta_keep])
            lex = sp.vstack(lex_parts, format="csr") if lex_parts else sp.csr_matrix((0, ncols))
            # n-grams: filter the main entries by a row mask (no per-entry index arrays)
            main_lengths = np.diff(side.gram_indptr)
            main_alive = side.alive[: side.n_main]
            main_grams = side.gram_indices
            if not main_alive.all():
                main_grams = main_grams[np.repeat(main_alive, main_lengths)]
            delta_grams = [side.d_gram[i] for i in delta_keep.tolist()]
            counts = np.concatenate(
                [main_lengths[main_alive], np.array([len(g) for g in delta_grams], dtype=np.int64)]
            )
            side.gram_indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
            side.gram_indices = np.concatenate([main_grams, *delta_grams]).astype(np.int32)
            side.lex_csr = lex.astype(np.float64)
            side.lex_csc = side.lex_csr.tocsc()
            side.ids = [side.ids[i] for i in keep.tolist()]
            for name in ("alive", "category", "roles", "lang", "author", "lex_norm"):
                setattr(side, name, getattr(side, name)[keep])
            if side.emb is not None:
                side.emb = np.ascontiguousarray(side.emb[keep])
            side.n_main = len(keep)
            side.d_lex, side.d_gram, side._d_csr = [], [], None
            for row, post_id in enumerate(side.ids):
                self.where[post_id] = (kind, row)
        self._emb_recount()

    # -----------------------------------------------------------------------------------------
    # Queries

    def query_of(self, post_id: str) -> tuple[Kind, Query]:
        """The stored representation of an indexed post."""
        import numpy as np  # noqa: PLC0415

        kind, row = self.where[post_id]
        side = self.sides[kind]
        cols, vals = self._row_lex(side, row)
        kind_: Kind = "offer" if kind == "offer" else "need"
        emb = None if side.emb is None else side.emb[row].astype(np.float64)
        query = Query(
            lex_cols=np.asarray(cols, dtype=np.int64),
            lex_vals=np.asarray(vals, dtype=np.float64),
            lex_unknown=0.0,
            gram_cols=np.asarray(self._row_grams(side, row), dtype=np.int64),
            gram_unknown=0,
            category=int(side.category[row]),
            roles=int(side.roles[row]),
            lang=int(side.lang[row]),
            author=int(side.author[row]),
            embedding=emb,
        )
        return kind_, query

    def query_for(self, post: Post) -> Query:
        """The representation of a post that need not be indexed (nothing is added)."""
        import numpy as np  # noqa: PLC0415

        post.validate()
        feat = post_features(post)
        vectors = self._embed([f"{post.title}\n{post.text}"])
        known = [(self.vocab[n], w) for n, w in feat.lex.items() if n in self.vocab]
        unknown_idf = float(np.log(1.0 + len(self.where)) + 1.0) ** self.weights.idf_power
        unknown = sum(w for n, w in feat.lex.items() if n not in self.vocab) * unknown_idf
        grams = [self.vocab["g:" + g] for g in feat.grams if "g:" + g in self.vocab]
        return Query(
            lex_cols=np.array([c for c, _ in known], dtype=np.int64),
            lex_vals=np.array([w for _, w in known], dtype=np.float64),
            lex_unknown=unknown,
            gram_cols=np.sort(np.array(grams, dtype=np.int64)),
            gram_unknown=len(feat.grams) - len(grams),
            category=CATEGORIES.index(post.category) if post.category else -1,
            roles=_role_mask(post.roles),
            lang=LANG_CODES.index(feat.lang),
            author=self.authors.get(post.author, -2) if post.author else -2,
            embedding=None if vectors is None else vectors[0].astype(np.float64),
        )

    def candidates(self, query: Query, kind: str, limit: int = SHORTLIST) -> IntArray:
        """Rows of ``kind`` worth reranking: best by idf-weighted lexical overlap (inverted
        index), then by category, plus the nearest by embedding when there is one."""
        import numpy as np  # noqa: PLC0415

        side = self.sides[kind]
        n = len(side)
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        idf = self.idf()
        weights = query.lex_vals * idf[query.lex_cols] ** 2
        scores = np.zeros(n)
        main_cols = query.lex_cols < side.lex_csc.shape[1]
        if side.n_main and main_cols.any():
            part = side.lex_csc[:, query.lex_cols[main_cols]] @ weights[main_cols]
            scores[: side.n_main] = part
        if side.d_lex and len(query.lex_cols):
            scores[side.n_main :] = side.delta_csr(len(self.names))[:, query.lex_cols] @ weights
        scores /= side.lex_norm
        top = scores.max() if n else 0.0
        if query.category >= 0 and query.category != OTHER:
            scores += self.category_fit(query, kind, side.category) * (0.1 * top + 1e-9)
        scores[~side.alive] = -np.inf
        if query.author >= 0:
            scores[side.author == query.author] = -np.inf
        chosen = _top(scores, limit)
        if side.emb is not None and query.embedding is not None and n <= EMBED_SCAN_MAX:
            sims = self.emb_sims(side, slice(None), query.embedding)
            sims[~np.isfinite(scores)] = -np.inf
            chosen = np.union1d(chosen, _top(sims, EMBED_SHORTLIST))
        finite: IntArray = chosen[np.isfinite(scores[chosen])]
        return finite

    def category_fit(self, query: Query, kind: str, categories: npt.NDArray[Any]) -> FloatArray:
        """Compatibility of the query's category with ``categories`` of rows of ``kind``
        (need category first, see :mod:`.categories`); 0 without a category."""
        table = compatibility() if self.weights.category_table else identity()
        # code -1 (no category) picks the table's last row / column, which is all zero
        if kind == "offer":
            fit: FloatArray = table[query.category, categories]
        else:
            fit = table[categories, query.category]
        return fit

    def score_rows(self, query: Query, kind: str, rows: IntArray) -> dict[str, Any]:
        """Signals and scores of ``rows`` of ``kind`` against ``query`` (vectorised)."""
        import numpy as np  # noqa: PLC0415

        side = self.sides[kind]
        w = self.weights
        idf = self.idf()
        m = len(rows)
        # lexical: weighted overlap, and the share of each side it covers
        owners, cols, vals = side.lex_rows(rows)
        ipow = idf**w.idf_power if w.idf_power != 1.0 else idf
        q_order = np.argsort(query.lex_cols)
        q_cols = query.lex_cols[q_order]
        q_vals = query.lex_vals[q_order]
        pos = np.clip(np.searchsorted(q_cols, cols), 0, max(len(q_cols) - 1, 0))
        hit = (q_cols[pos] == cols) if len(q_cols) else np.zeros(len(cols), dtype=bool)
        shared_w = np.where(hit, np.minimum(vals, q_vals[pos] if len(q_cols) else 0), 0.0)
        shared_w = shared_w * ipow[cols]
        d_w = vals * ipow[cols]
        q_w = q_vals * ipow[q_cols]
        q_mass = np.full(m, float(q_w.sum()) + query.lex_unknown)
        if w.cross_stems != 1.0:
            stems = self.stem_columns()
            cross = side.lang[rows] != query.lang
            factor = np.where(cross[owners] & stems[cols], w.cross_stems, 1.0)
            shared_w = shared_w * factor
            d_w = d_w * factor
            # features the index has never seen are nearly all stems: count them as such
            q_stems = float(q_w[stems[q_cols]].sum()) + query.lex_unknown
            q_mass = np.where(cross, q_mass - (1.0 - w.cross_stems) * q_stems, q_mass)
        shared = np.bincount(owners, weights=shared_w, minlength=m)
        d_mass = np.bincount(owners, weights=d_w, minlength=m)
        cover_q = np.divide(shared, q_mass, out=np.zeros(m), where=q_mass > 0)
        cover_d = np.divide(shared, d_mass, out=np.zeros(m), where=d_mass > 0)
        # character n-grams: binary vectors, idf-weighted cosine
        g_owners, g_cols = side.gram_rows(rows)
        idf2 = idf**2
        unknown_g = (np.log(1.0 + len(self.where)) + 1.0) ** 2
        q_gram_norm = np.sqrt(idf2[query.gram_cols].sum() + query.gram_unknown * unknown_g)
        g_hit = np.isin(g_cols, query.gram_cols, assume_unique=False)
        g_shared = np.bincount(g_owners, weights=g_hit * idf2[g_cols], minlength=m)
        d_gram_norm = np.sqrt(np.bincount(g_owners, weights=idf2[g_cols], minlength=m))
        norms = d_gram_norm * q_gram_norm  # zero for a query without n-grams, e.g. "999999999"
        grams = np.divide(g_shared, norms, out=np.zeros(m), where=norms > 0)
        category = self.category_fit(query, kind, side.category[rows])
        roles = _complementary(query.roles, side.roles[rows])
        emb = np.zeros(m)
        use_emb = side.emb is not None and query.embedding is not None and w.embedding > 0
        if use_emb and query.embedding is not None:
            emb = np.maximum(self.emb_sims(side, rows, query.embedding), 0.0)
        total = w.lexical + w.grams + w.category + w.roles + (w.embedding if use_emb else 0.0)
        common = w.grams * grams + w.category * category + w.roles * roles
        if use_emb:
            common = common + w.embedding * emb
        forward = (w.lexical * cover_q + common) / total
        backward = (w.lexical * cover_d + common) / total
        if w.fusion == "forward":
            score = forward
        elif w.fusion == "geometric":
            score = np.sqrt(forward * backward)
        else:
            score = np.divide(
                2 * forward * backward,
                forward + backward,
                out=np.zeros(m),
                where=forward + backward > 0,
            )
        return {
            "score": score,
            "forward": forward,
            "backward": backward,
            "lexical": (cover_q + cover_d) / 2,
            "grams": grams,
            "category": category,
            "roles": roles,
            "embedding": emb,
            "lex_owners": owners,
            "lex_cols": cols,
            "lex_shared": shared_w,
            "total": total,
        }

    def matches(
        self,
        post_id: str,
        k: int = 10,
        lang: textmod.Lang | None = None,
        dismissed: Iterable[str] = (),
    ) -> list[Match]:
        """The ``k`` best posts of the other kind for an indexed post, best first; reasons in
        ``lang`` (default: the post's language). ``dismissed``: ids of posts the member marked
        "not relevant", most recent first; they are left out and posts like them (the first 20
        of them) move down."""
        from coachbridge.engine.matching.rank import rank  # noqa: PLC0415

        kind, query = self.query_of(post_id)
        return rank(self, query, _other(kind), k, lang, dismissed)

    def search(
        self,
        post: Post,
        k: int = 10,
        lang: textmod.Lang | None = None,
        dismissed: Iterable[str] = (),
    ) -> list[Match]:
        """The ``k`` best posts of the other kind for a post that need not be indexed."""
        from coachbridge.engine.matching.rank import rank  # noqa: PLC0415

        return rank(self, self.query_for(post), _other(post.kind), k, lang, dismissed)

    # -----------------------------------------------------------------------------------------
    # Saving and loading

    def save(self, path: str | Path) -> None:
        """Write the index to one ``.npz`` file (arrays, plus the vocabulary and ids as JSON)."""
        import numpy as np  # noqa: PLC0415

        self.compact()
        meta = {
            "format": FORMAT,
            "weights": self.weights.__dict__,
            "names": self.names,
            "surfaces": self.surfaces,
            "authors": list(self.authors),
            "ids": {kind: side.ids for kind, side in self.sides.items()},
            "embedding": {k: s.emb is not None for k, s in self.sides.items()},
        }
        arrays: dict[str, Any] = {
            "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
            "df": self.df,
        }
        for kind, side in self.sides.items():
            for name in ("category", "roles", "lang", "author", "lex_norm"):
                arrays[f"{kind}.{name}"] = getattr(side, name)
            arrays[f"{kind}.lex_indptr"] = side.lex_csr.indptr
            arrays[f"{kind}.lex_indices"] = side.lex_csr.indices
            arrays[f"{kind}.lex_data"] = side.lex_csr.data
            arrays[f"{kind}.gram_indptr"] = side.gram_indptr
            arrays[f"{kind}.gram_indices"] = side.gram_indices
            if side.emb is not None:
                arrays[f"{kind}.emb"] = side.emb
        with open(path, "wb") as handle:
            np.savez(handle, **arrays)

    @classmethod
    def load(cls, path: str | Path, embedder: Any = None) -> MatchIndex:
        """Read an index written by :meth:`save` (no pickled objects are read)."""
        import numpy as np  # noqa: PLC0415
        import scipy.sparse as sp  # noqa: PLC0415

        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(data["meta"].tobytes().decode())
            if meta.get("format") != FORMAT:
                raise ValueError(f"{path}: not a {FORMAT} file")
            index = cls(embedder=embedder, weights=Weights(**meta["weights"]))
            index.names = list(meta["names"])
            index.vocab = {name: i for i, name in enumerate(index.names)}
            index.surfaces = dict(meta["surfaces"])
            index.authors = {a: i for i, a in enumerate(meta["authors"])}
            index.df = np.array(data["df"], dtype=np.float64)
            ncols = len(index.names)
            for kind, side in index.sides.items():
                side.ids = list(meta["ids"][kind])
                n = len(side.ids)
                for name in ("category", "roles", "lang", "author", "lex_norm"):
                    setattr(side, name, np.array(data[f"{kind}.{name}"]))
                side.alive = np.ones(n, dtype=bool)
                side.lex_csr = sp.csr_matrix(
                    (
                        data[f"{kind}.lex_data"],
                        data[f"{kind}.lex_indices"],
                        data[f"{kind}.lex_indptr"],
                    ),
                    shape=(n, ncols),
                )
                side.lex_csc = side.lex_csr.tocsc()
                side.gram_indptr = np.array(data[f"{kind}.gram_indptr"])
                side.gram_indices = np.array(data[f"{kind}.gram_indices"])
                if meta["embedding"][kind]:
                    side.emb = np.array(data[f"{kind}.emb"])
                side.n_main = n
                for row, post_id in enumerate(side.ids):
                    index.where[post_id] = (kind, row)
                    author = int(side.author[row])
                    if author >= 0:
                        index.author_posts.setdefault(author, set()).add(post_id)
        index._emb_recount()
        return index


def _other(kind: str) -> Kind:
    return "need" if kind == "offer" else "offer"


def _role_mask(roles: Iterable[str]) -> int:
    mask = 0
    for role in roles:
        mask |= 1 << ROLES.index(role)
    return mask


_SCIENCE = sum(1 << ROLES.index(r) for r in SCIENCE_ROLES)
_PRACTICE = sum(1 << ROLES.index(r) for r in PRACTICE_ROLES)


def _complementary(query_roles: int, rows: Any) -> Any:
    """1 where one side is science (researcher, student, funder) and the other practice."""
    q_sci = bool(query_roles & _SCIENCE)
    q_pra = bool(query_roles & _PRACTICE)
    return ((rows & _PRACTICE) != 0) & q_sci | ((rows & _SCIENCE) != 0) & q_pra


def _top(scores: Any, limit: int) -> Any:
    import numpy as np  # noqa: PLC0415

    if len(scores) <= limit:
        return np.arange(len(scores))
    part = np.argpartition(-scores, limit - 1)[:limit]
    return np.sort(part)
