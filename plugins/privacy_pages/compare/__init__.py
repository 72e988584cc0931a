"""Comparing: the product-by-item matrix of cells that comparisons, the index and exports read."""
