import rules


@rules.predicate
def is_post_author(user: object, post: object) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and getattr(post, "author_id", None) == user.pk
    )


rules.add_perm("marketplace.change_post", is_post_author)
