"""matching: see DESIGN.md (engine contracts)."""
