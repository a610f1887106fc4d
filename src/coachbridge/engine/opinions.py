"""opinions: see DESIGN.md (engine contracts)."""
