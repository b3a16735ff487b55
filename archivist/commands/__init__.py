"""CLI subcommands, one module per family (split, library, bundle…)."""
