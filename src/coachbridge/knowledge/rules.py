import rules

from coachbridge.accounts.rules import is_organiser


@rules.predicate
def is_knowledge_editor(user: object) -> bool:
    """Staff can grant the model permission to anyone (a knowledge editor without other powers)."""
    return bool(
        getattr(user, "is_authenticated", False) and user.has_perm("knowledge.edit_knowledge")  # type: ignore[attr-defined]
    )


rules.add_perm("knowledge.publish", is_organiser | rules.is_superuser | is_knowledge_editor)
