"""Cleaning rules: each a small named step returning its fixes (Qt-free)."""
