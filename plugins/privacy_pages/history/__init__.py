"""Release history: snapshots of the content, the changes between them in words, and git."""
