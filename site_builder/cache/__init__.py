"""What rebuilds reuse: page bodies, the code digest and the up-to-date record."""
