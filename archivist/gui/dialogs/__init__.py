"""Dialogs of the main window: import progress and summary, preferences, first start, libraries."""
