"""URLs of the links part of a meeting (names live in the "events" namespace)."""

urlpatterns: list = []
