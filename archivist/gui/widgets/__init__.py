"""Main-window widgets: search bar, tag sidebar, trash bar, status bar, highlight delegate."""
