"""Output folders and what writes them: the swap, the search index, worker processes."""
