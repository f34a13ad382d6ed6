"""Widgets that show a question and let the learner answer it by keyboard or mouse."""
