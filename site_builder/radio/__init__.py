"""Radio scripts: spoken-form normalisation, timing, and printable/editable outputs."""
