"""Vietnamese text: the language fallback, slugs, alphabetical order and character hygiene."""
