"""archivist: curation of Chinese newspaper pages."""
