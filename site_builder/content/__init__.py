"""Content: read YAML safely, type it by the schema into the model, and check it whole."""
