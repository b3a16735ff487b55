"""Reading and normalising text (Qt-free)."""
