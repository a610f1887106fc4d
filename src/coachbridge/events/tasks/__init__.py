"""Background tasks of the events app, one module per part (cafe, harvest)."""
