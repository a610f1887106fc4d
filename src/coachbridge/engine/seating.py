"""seating: see DESIGN.md (engine contracts)."""
