"""URLs of the marketplace app."""

app_name = "marketplace"

urlpatterns: list = []
