"""Who may open the URLs of the knowledge hub."""

import io

from django.core.files.base import ContentFile
from PIL import Image

from coachbridge.knowledge.enums import ItemStatus
from tests.access_rules import MEMBERS, ORGANISERS, PUBLIC, SECRET_NAME, post_only, with_kwargs
from tests.factories.accounts import UserFactory
from tests.factories.knowledge import ItemFactory


def png_bytes(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 93, 107)).save(buffer, format="PNG")
    return buffer.getvalue()


def build(world):
    author = UserFactory()
    world.knowledge_published = ItemFactory(status=ItemStatus.PUBLISHED, author=author)
    world.knowledge_review = ItemFactory(status=ItemStatus.IN_REVIEW, author=author)
    world.knowledge_draft = ItemFactory(title=SECRET_NAME, author=author)
    world.knowledge_image = world.knowledge_draft.images.create(
        file=ContentFile(png_bytes(), name="secret.png"), content_type="image/png", alt=SECRET_NAME
    )


def published(world):
    return {"pk": world.knowledge_published.pk}


def in_review(world):
    return {"pk": world.knowledge_review.pk}


def draft(world):
    return {"pk": world.knowledge_draft.pk}


def draft_image(world):
    return {"pk": world.knowledge_image.pk}


# Editors (organisers, staff) see a draft; members get a 404, visitors the login page.
DRAFT_FOR_EDITORS = with_kwargs(ORGANISERS, draft, hidden=True, special=(("anonymous", 302),))

ACCESS = {
    "knowledge:item-list": PUBLIC,
    "knowledge:feed": PUBLIC,
    "knowledge:glossary": PUBLIC,
    "knowledge:item-detail": with_kwargs(PUBLIC, published),
    "knowledge:workspace": MEMBERS,
    "knowledge:item-create": with_kwargs(MEMBERS, lambda world: {"kind": "summary"}),
    "knowledge:assistant": post_only(MEMBERS),
    # The author and the editors change an item; other members only read it (403).
    "knowledge:item-edit": with_kwargs(ORGANISERS, in_review),
    "knowledge:item-images": with_kwargs(ORGANISERS, in_review),
    "knowledge:item-submit": with_kwargs(post_only(ORGANISERS), in_review),
    "knowledge:item-publish": with_kwargs(post_only(ORGANISERS), in_review),
    "knowledge:item-return": with_kwargs(post_only(ORGANISERS), in_review),
    # Every member reviews an item in review, and sees its versions.
    "knowledge:item-review": with_kwargs(MEMBERS, in_review),
    "knowledge:item-versions": with_kwargs(MEMBERS, in_review),
    "knowledge:item-comment": with_kwargs(post_only(MEMBERS), in_review),
    # A draft's image: 404 for members and visitors alike (never reveal it exists).
    "knowledge:image": with_kwargs(ORGANISERS, draft_image, hidden=True),
}
