"""Checking: lint rules and their settings on a loaded Dataset, and coverage of the rendered pages."""
