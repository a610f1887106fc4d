"""URLs of the harvest part of a meeting (names live in the "events" namespace)."""

urlpatterns: list = []
