"""Who may open the URLs of the coach directory: everyone (it shows public profiles only,
tested in test_directory.py)."""

from tests.access_rules import PUBLIC


def build(world):
    pass


ACCESS = {
    "directory:directory": PUBLIC,
    "directory:help": PUBLIC,
}
