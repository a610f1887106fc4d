"""Views of the World Café: set-up, the table plan and its cards, and the day itself."""
