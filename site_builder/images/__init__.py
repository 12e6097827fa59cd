"""Images: check, decode and resize photos into a cache, and draw social cards."""
