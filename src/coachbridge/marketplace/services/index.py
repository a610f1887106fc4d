"""The one persisted match index of this installation, loaded lazily once per process.

The engine's :class:`MatchIndex` is not thread-safe, so every use goes through ``_lock``.
The index lives in ``COACHBRIDGE_MATCH_INDEX_DIR`` (default ``<data dir>/match-index``). The
task :func:`coachbridge.marketplace.tasks.index_post` updates it after every save and writes it
back; other processes notice the newer file and load it again. Results are always checked
against the database, so a post that closed a moment ago never shows as a match.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.module_loading import import_string

from coachbridge.engine.matching import Match, MatchIndex
from coachbridge.engine.matching import Post as EnginePost
from coachbridge.marketplace.models import Post

logger = logging.getLogger(__name__)

INDEX_FILE = "market.npz"
DEFAULT_EMBEDDER = "coachbridge.engine.matching.UniversalSentenceEncoder"

# The network's roles (accounts) as the engine knows them: science side and practice side.
ENGINE_ROLES = {
    "coach": "coach",
    "researcher": "researcher",
    "psychologist": "psychologist",
    "student": "student",
    "hr": "hr",
    "policy": "other",
    "other": "other",
}

_lock = threading.RLock()


@dataclass
class _State:
    index: MatchIndex | None = None
    path: Path | None = None
    mtime: int | None = None
    embedder_path: str | None = None
    embedder: Any = None


_state = _State()


def index_dir() -> Path:
    configured = getattr(settings, "COACHBRIDGE_MATCH_INDEX_DIR", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "match-index"


def index_path() -> Path:
    return index_dir() / INDEX_FILE


def embedder() -> Any:
    """The sentence encoder named by ``MARKETPLACE_MATCH_EMBEDDER`` (a dotted path to a class
    with ``encode(texts)``; empty for lexical matching only). Made once per process."""
    dotted = getattr(settings, "MARKETPLACE_MATCH_EMBEDDER", DEFAULT_EMBEDDER) or ""
    if _state.embedder_path != dotted:
        instance = None
        if dotted:
            try:
                instance = import_string(dotted)()
            except ImportError:
                logger.warning("Sentence encoder %s is not installed; matching on words.", dotted)
        _state.embedder, _state.embedder_path = instance, dotted
    return _state.embedder


def engine_post(post: Post) -> EnginePost:
    """The engine's view of a post: text, themes as tags, category, the author's roles."""
    profile = getattr(post.author, "profile", None)
    roles = (
        sorted({ENGINE_ROLES.get(role.code, "other") for role in profile.roles.all()})
        if profile is not None
        else []
    )
    theme_names = [
        theme.name_en if post.language == "en" else theme.name_nl for theme in post.themes.all()
    ]
    return EnginePost(
        id=str(post.pk),
        kind=post.kind,  # type: ignore[arg-type]  # PostKind values are the engine's kinds
        title=post.title,
        text=post.text,
        tags=tuple(theme_names),
        lang=post.language,  # type: ignore[arg-type]  # PostLanguage values are nl/en
        category=post.category,
        roles=tuple(roles),
        author=str(post.author_id),
    )


def indexable_posts():
    return (
        Post.objects.open()
        .select_related("author__profile")
        .prefetch_related("themes", "author__profile__roles")
    )


def _save(index: MatchIndex) -> None:
    path = index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.stem}-{os.getpid()}-{threading.get_ident()}.tmp")
    index.save(partial)
    os.replace(partial, path)  # readers never see half a file
    _state.mtime = path.stat().st_mtime_ns


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return None


def build_index() -> MatchIndex:
    """A fresh index of every open post, saved; replaces this process's index."""
    with _lock:
        index = MatchIndex(embedder=embedder())
        index.add_many([engine_post(post) for post in indexable_posts()])
        _state.index, _state.path = index, index_path()
        _save(index)
        return index


def get_index() -> MatchIndex:
    """This process's index: loaded on first use, again when another process saved a newer one."""
    with _lock:
        path = index_path()
        mtime = _mtime(path)
        if _state.index is not None and _state.path == path and mtime in (None, _state.mtime):
            return _state.index
        if mtime is None:
            return build_index()
        try:
            index = MatchIndex.load(path, embedder=embedder())
        except (OSError, ValueError, KeyError) as error:
            logger.warning("Match index %s unreadable (%s); building it again.", path, error)
            return build_index()
        _state.index, _state.path, _state.mtime = index, path, mtime
        return index


def reset() -> None:
    """Forget this process's index (tests; after settings change)."""
    with _lock:
        _state.index = _state.path = _state.mtime = None


def sync_post(post_id: int) -> bool:
    """Bring one post up to date in the index and save it; True if the post is now indexed."""
    post = indexable_posts().filter(pk=post_id).first()
    with _lock:
        index = get_index()
        if post is None:
            index.remove(str(post_id))
        else:
            index.update(engine_post(post))
        _save(index)
        return post is not None


def compact() -> int:
    """Drop posts past their end date and fold recent changes into the index's main arrays
    (a background job); returns the number of posts indexed."""
    from django.utils import timezone  # noqa: PLC0415 -- only the job needs it

    expired = Post.objects.filter(status="open", ends_on__lt=timezone.localdate())
    with _lock:
        index = get_index()
        for post_id in expired.values_list("pk", flat=True):
            index.remove(str(post_id))
        index.compact()
        _save(index)
        return len(index)


def raw_matches(post: Post, k: int, dismissed: Iterable[int] = ()) -> list[Match]:
    """The engine's best ``k`` posts of the other kind for ``post``, indexed or not, with
    reasons in the language of the page or e-mail being made. ``dismissed``: posts the author
    marked "not relevant" for it; they are left out and posts like them move down."""
    lang = "en" if (translation.get_language() or "").startswith("en") else "nl"
    ids = [str(pk) for pk in dismissed]
    with _lock:
        index = get_index()
        if str(post.pk) in index:
            return index.matches(str(post.pk), k, lang, dismissed=ids)
        return index.search(engine_post(post), k, lang, dismissed=ids)
