"""Editors' commands: new files from templates (`new`) and the to-do list (`status`)."""
