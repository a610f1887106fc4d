from tests.access_rules import MEMBERS, ORGANISERS, PUBLIC, SECRET_NAME, post_only, with_kwargs
from tests.factories.accounts import ProfileFactory


def build(world):
    world.private_profile = ProfileFactory(display_name=SECRET_NAME, visibility="members")


def private_profile(world):
    return {"pk": world.private_profile.pk}


ACCESS = {
    "home": PUBLIC,
    "about": PUBLIC,
    "set-language": post_only(PUBLIC),
    "accounts:dashboard": MEMBERS,
    "accounts:profile-edit": MEMBERS,
    "accounts:privacy": MEMBERS,
    "accounts:export-data": post_only(MEMBERS),
    "accounts:delete-account": post_only(MEMBERS),
    "accounts:member-list": MEMBERS,
    "accounts:member-detail": with_kwargs(MEMBERS, private_profile, hidden=True),
    # No photo was uploaded, so even those who may see it get a 404.
    "accounts:member-photo": with_kwargs(MEMBERS, private_profile, hidden=True, ok_status=404),
    "accounts:organiser": ORGANISERS,
}
