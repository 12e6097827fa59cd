"""What every stage shares: problems and their messages, worker processes, the cache folder."""
