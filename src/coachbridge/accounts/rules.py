import rules


@rules.predicate
def is_organiser(user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_organiser", False))


rules.add_perm("accounts.view_organiser_menu", is_organiser | rules.is_superuser)
