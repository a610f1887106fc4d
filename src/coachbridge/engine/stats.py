"""stats: see DESIGN.md (engine contracts)."""
