"""`coachbridge match --posts posts.jsonl [--queries q.jsonl] [--k 10]`.

Reads marketplace posts (JSON Lines: ``{id, kind: "offer"|"need", title, text, tags?, lang?,
category?, roles?, author?}``) and prints one JSON line per query post:
``{"id": query_id, "matches": [{"id", "score", "why": [...]}]}``, best first (a match also
carries ``"mutual": true`` when both authors have something the other asks for). Without
``--queries`` every post is matched against the posts of the other kind; with it, each query
post (same format, not added to the index) is. ``-`` reads stdin. The packaged sentence encoder
is used when installed, unless ``--no-embedding``. Bad input: exit 2 with one line naming the
file, line and field.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from coachbridge.engine.commands import CommandParser, InputError, json_lines
from coachbridge.engine.matching import MatchIndex, Post, PostError


def read_posts(path: str) -> list[Post]:
    """Parse a posts JSONL file; raises InputError naming file, line and field."""
    posts: list[Post] = []
    seen: dict[str, int] = {}
    for where, number, row in json_lines(path, noun="a post"):
        try:
            post = Post.from_dict(row)
        except PostError as error:
            raise InputError(f"{where}: {error}") from None
        if post.id in seen:
            raise InputError(
                f"{where}: field 'id': {post.id!r} already used on line {seen[post.id]}"
            )
        seen[post.id] = number
        posts.append(post)
    if not posts:
        raise InputError(f"{'<stdin>' if path == '-' else path}: no posts")
    return posts


def main(argv: list[str]) -> int:
    parser = CommandParser(prog="coachbridge match", description=__doc__.splitlines()[0])
    parser.add_argument("--posts", required=True, help="posts JSONL (- for stdin)")
    parser.add_argument("--queries", help="query posts JSONL; default: every post")
    parser.add_argument("--k", type=int, default=10, help="matches per post (default 10)")
    parser.add_argument(
        "--no-embedding", action="store_true", help="do not use the sentence encoder"
    )
    args = parser.parse_args(argv)
    if args.k < 1:
        raise InputError("arguments: --k must be at least 1")
    posts = read_posts(args.posts)
    queries = read_posts(args.queries) if args.queries else None
    embedder = None
    if not args.no_embedding:
        from coachbridge.engine.themes import default_embedder  # noqa: PLC0415

        embedder = default_embedder()
    index = MatchIndex(embedder=embedder)
    index.add_many(posts)
    out = sys.stdout
    if queries is None:
        for post in posts:
            found = index.matches(post.id, args.k)
            out.write(_line(post.id, [m.as_dict() for m in found]))
    else:
        for post in queries:
            found = index.search(post, args.k)
            out.write(_line(post.id, [m.as_dict() for m in found]))
    return 0


def _line(post_id: str, matches: list[dict[str, Any]]) -> str:
    return json.dumps({"id": post_id, "matches": matches}, ensure_ascii=False) + "\n"
