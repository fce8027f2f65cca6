"""Rasa-side code: imported by the Rasa process only (its own environment)."""
