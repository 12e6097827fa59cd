"""Render the model into page bodies, lists, feeds, charts and structured data."""
