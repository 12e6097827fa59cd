"""Output folders and what writes them: the guard and the swap, the search index, and the
record of the last build (what "nothing changed" compares)."""
