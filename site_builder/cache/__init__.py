"""What rebuilds reuse: page bodies, compiled templates, cache folders and the code digest."""
