"""Build the Tam Đường anniversary site from YAML content."""
