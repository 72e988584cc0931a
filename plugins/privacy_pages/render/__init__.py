"""Rendering: Markdown pages, downloads and the feed from the model, through Jinja templates."""
