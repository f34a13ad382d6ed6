"""The hand-written JS player and its stylesheet (package data)."""
