"""The web editor: Decap's configuration, its local back end and gate, and the server."""
