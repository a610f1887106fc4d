"""Ranking a shortlist and explaining each match in the query post's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from coachbridge.engine import text as textmod
from coachbridge.engine.matching.model import (
    CATEGORIES,
    CATEGORY_NAMES,
    PRACTICE_ROLES,
    ROLE_NAMES,
    ROLES,
    SCIENCE_ROLES,
    Match,
    Reason,
)

if TYPE_CHECKING:
    from coachbridge.engine.matching.index import MatchIndex, Query

MAX_TOPICS = 3  # shared concepts named in "why"
MAX_WORDS = 3
MUTUAL_MIN = 0.3  # score a post of each author must reach against a post of the other
GRAMS_REASON_MIN = 0.25
EMBEDDING_REASON_MIN = 0.5  # raw cosine; about 1 in 60 unrelated pairs of the eval set reach it
EMBEDDING_REASON_MIN_CENTRED = 0.3  # centred cosine: about 1 in 100 unrelated pairs reach it
DISMISSED_REASON_MIN = 0.3  # score against a dismissed post; about 1 in 90 pairs of offers
DISMISSED_LIKENESS_MAX = 20  # dismissed posts (the first given) that move others down

VAGUE = frozenset({"grams", "meaning"})

TEMPLATES: dict[str, dict[textmod.Lang, str]] = {
    "topic": {"nl": "gedeeld onderwerp: {0}", "en": "shared topic: {0}"},
    "topics": {"nl": "gedeelde onderwerpen: {0}", "en": "shared topics: {0}"},
    "words": {"nl": "zelfde woorden: {0}", "en": "same words: {0}"},
    "category": {"nl": "zelfde categorie: {0}", "en": "same category: {0}"},
    "related_category": {"nl": "passende categorie: {0}", "en": "related category: {0}"},
    "roles": {"nl": "{0} en {1} vullen elkaar aan", "en": "{0} and {1} complement each other"},
    "grams": {"nl": "lijkende woorden", "en": "similar wording"},
    "meaning": {"nl": "vergelijkbare inhoud (taalmodel)", "en": "similar meaning (language model)"},
    "dismissed": {
        "nl": "lijkt op een bericht dat je niet relevant vond",
        "en": "like a post you marked not relevant",
    },
}


def rank(  # noqa: PLR0917 -- the engine's one ranking entry point
    index: MatchIndex,
    query: Query,
    kind: str,
    k: int,
    lang: textmod.Lang | None = None,
    dismissed: Iterable[str] = (),
) -> list[Match]:
    """The ``k`` best rows of ``kind`` for ``query``, with reasons in ``lang`` (default: the
    query's language); ties broken by id. Posts in ``dismissed`` are left out, and every
    candidate is ranked as if its score were ``weights.dismissed`` times its score against the
    most similar of them (of the first 20) lower; each match keeps its own score."""
    import numpy as np  # noqa: PLC0415

    rows = index.candidates(query, kind)
    gone = [index.where[d][1] for d in dismissed if d in index.where and index.where[d][0] == kind]
    if gone:
        rows = rows[~np.isin(rows, gone)]
    if len(rows) == 0 or k <= 0:
        return []
    signals = index.score_rows(query, kind, rows)
    ranking = signals["score"]
    if gone and index.weights.dismissed > 0:
        likeness = _likeness(index, kind, gone[:DISMISSED_LIKENESS_MAX], rows)
        ranking = ranking - index.weights.dismissed * likeness
        # a match says it is like a dismissed post only where that cost it places
        moved_down = _places(ranking) > _places(signals["score"])
        signals["likeness"] = np.where(moved_down, likeness, 0.0)
    side = index.sides[kind]
    ids = [side.ids[r] for r in rows.tolist()]
    scores = np.round(ranking, 9)
    if len(rows) > k:  # only the best k (and any ties with the k-th) need sorting
        kth = np.partition(-scores, k - 1)[k - 1]
        keep = np.flatnonzero(-scores <= kth)
    else:
        keep = np.arange(len(rows))
    order = sorted(keep.tolist(), key=lambda i: (-float(scores[i]), ids[i]))
    lang = lang or textmod.LANGS[query.lang]
    out: list[Match] = []
    for pos in order[:k]:
        out.append(
            Match(
                id=ids[pos],
                score=float(signals["score"][pos]),
                forward=float(signals["forward"][pos]),
                backward=float(signals["backward"][pos]),
                reasons=tuple(_reasons(index, query, signals, pos, int(rows[pos]), kind, lang)),
                mutual=_mutual(index, query, kind, int(rows[pos])),
            )
        )
    return out


def _places(scores: Any) -> Any:
    """The place (0 = first) of each score in descending order."""
    import numpy as np  # noqa: PLC0415

    places = np.empty(len(scores), dtype=np.int64)
    places[np.argsort(-np.round(scores, 9), kind="stable")] = np.arange(len(scores))
    return places


def _likeness(index: MatchIndex, kind: str, gone: list[int], rows: Any) -> Any:
    """For each of ``rows``, its highest score against one of the ``gone`` rows (same kind)."""
    import numpy as np  # noqa: PLC0415

    side = index.sides[kind]
    best = np.zeros(len(rows))
    for row in gone:
        _, other = index.query_of(side.ids[row])
        best = np.maximum(best, index.score_rows(other, kind, rows)["score"])
    return best


def _concept_name(concept: str, lang: textmod.Lang) -> str:
    terms = textmod.concept_terms(concept, lang) or textmod.concept_terms(concept)
    return terms[0] if terms else concept.replace("_", " ")


def _reasons(  # noqa: PLR0917 -- private helper of rank(), called once
    index: MatchIndex,
    query: Query,
    signals: dict[str, Any],
    pos: int,
    row: int,
    kind: str,
    lang: textmod.Lang,
) -> list[Reason]:
    w = index.weights
    total = float(signals["total"])
    mine = signals["lex_owners"] == pos
    cols = signals["lex_cols"][mine]
    shared = signals["lex_shared"][mine]
    q_mass = max(float(shared.sum()), 1e-12)
    lexical = float(signals["lexical"][pos]) * w.lexical / total
    reasons: list[Reason] = []
    topics: dict[str, float] = {}
    broader: dict[str, float] = {}
    words: dict[str, float] = {}
    for col, weight in sorted(
        zip(cols.tolist(), shared.tolist(), strict=True), key=lambda x: -x[1]
    ):
        if weight <= 0:
            continue
        name = index.names[col]
        prefix, _, key = name.partition(":")
        share = lexical * weight / q_mass
        if prefix in ("c", "b"):
            label = _concept_name(key, lang)
            target = topics if prefix == "c" else broader
            target[label] = target.get(label, 0.0) + share
        elif prefix == "t":
            topics[key] = topics.get(key, 0.0) + share
        else:
            word = index.surfaces.get(key, key)
            words[word] = words.get(word, 0.0) + share
    if not topics:
        topics = broader
    best_topics = sorted(topics.items(), key=lambda x: -x[1])[:MAX_TOPICS]
    if best_topics:  # one reason that names them all reads better than three
        template = TEMPLATES["topic" if len(best_topics) == 1 else "topics"][lang]
        text = template.format(", ".join(label for label, _ in best_topics))
        reasons.append(Reason("topic", text, sum(weight for _, weight in best_topics)))
    if words and not topics:
        best = sorted(words.items(), key=lambda x: -x[1])[:MAX_WORDS]
        text = TEMPLATES["words"][lang].format(", ".join(word for word, _ in best))
        reasons.append(Reason("words", text, sum(v for _, v in best)))
    fit = float(signals["category"][pos])
    if fit > 0:
        if fit >= 1:
            name = CATEGORY_NAMES[CATEGORIES[query.category]][lang]
            text = TEMPLATES["category"][lang].format(name)
        else:  # a related category: name the match's own
            name = CATEGORY_NAMES[CATEGORIES[int(index.sides[kind].category[row])]][lang]
            text = TEMPLATES["related_category"][lang].format(name)
        reasons.append(Reason("category", text, w.category * fit / total))
    if signals["roles"][pos]:
        mine_role, their_role = _role_pair(query.roles, int(index.sides[kind].roles[row]))
        text = TEMPLATES["roles"][lang].format(
            ROLE_NAMES[mine_role][lang], ROLE_NAMES[their_role][lang]
        )
        reasons.append(Reason("roles", text, w.roles / total))
    grams = float(signals["grams"][pos])
    if not topics and not words and grams >= GRAMS_REASON_MIN:
        reasons.append(Reason("grams", TEMPLATES["grams"][lang], w.grams * grams / total))
    emb = float(signals["embedding"][pos])
    emb_min = EMBEDDING_REASON_MIN_CENTRED if w.embed_center else EMBEDDING_REASON_MIN
    if emb >= emb_min and w.embedding > 0:
        reasons.append(Reason("meaning", TEMPLATES["meaning"][lang], w.embedding * emb / total))
    likeness = float(signals["likeness"][pos]) if "likeness" in signals else 0.0
    if likeness >= DISMISSED_REASON_MIN:  # why it stands lower than its own score says
        reasons.append(Reason("dismissed", TEMPLATES["dismissed"][lang], -w.dismissed * likeness))
    # by their share of the score; the vague ones (similar wording, similar meaning) last, and
    # after them what moved the match down
    reasons.sort(key=lambda r: (r.kind == "dismissed", r.kind in VAGUE, -r.weight))
    return reasons


def _roles_of(mask: int) -> list[str]:
    return [role for i, role in enumerate(ROLES) if mask & (1 << i)]


def _role_pair(query_mask: int, row_mask: int) -> tuple[str, str]:
    """A role of the query and a complementary role of the match (science vs practice)."""
    mine, theirs = _roles_of(query_mask), _roles_of(row_mask)
    for a in mine:
        for b in theirs:
            if (a in SCIENCE_ROLES and b in PRACTICE_ROLES) or (
                a in PRACTICE_ROLES and b in SCIENCE_ROLES
            ):
                return a, b
    return mine[0], theirs[0]


def _mutual(index: MatchIndex, query: Query, kind: str, row: int) -> bool:
    """True if the match's author has a post of the query's kind that one of the query
    author's posts of the match's kind answers (each has something the other asks for)."""
    import numpy as np  # noqa: PLC0415

    author = int(index.sides[kind].author[row])
    if query.author < 0 or author < 0 or author == query.author:
        return False
    other_kind = "need" if kind == "offer" else "offer"
    theirs = [p for p in index.author_posts.get(author, set()) if index.where[p][0] == other_kind]
    mine = [p for p in index.author_posts.get(query.author, set()) if index.where[p][0] == kind]
    if not theirs or not mine:
        return False
    rows = np.array(sorted(index.where[p][1] for p in mine), dtype=np.int64)
    for post_id in sorted(theirs):
        _, their_query = index.query_of(post_id)
        if float(index.score_rows(their_query, kind, rows)["score"].max()) >= MUTUAL_MIN:
            return True
    return False
