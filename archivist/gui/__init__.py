"""Desktop app (PySide6): a thin layer over the Qt-free core."""
