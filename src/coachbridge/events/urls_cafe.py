"""URLs of the cafe part of a meeting (names live in the "events" namespace)."""

urlpatterns: list = []
