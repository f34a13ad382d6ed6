"""Jinja2 templates of the player page (package data)."""
