"""text: see DESIGN.md (engine contracts)."""
