"""themes: see DESIGN.md (engine contracts)."""
