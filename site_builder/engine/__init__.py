"""The only code that imports MkDocs or knows Material: the plugin and its page cache."""
