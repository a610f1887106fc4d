"""readability: see DESIGN.md (engine contracts)."""
