"""The library: SQLite store of sources, articles, revisions, fixes, tags; search (Qt-free).

    from archivist.store import Library, ArticleFilter
    with Library.open(folder, create=True) as lib:
        report = lib.import_paths([folder_of_pages], progress=cb, cancel=should_stop)
        hits = lib.search("青岛 啤酒")
"""
from archivist.store.errors import (ImportCancelled, LibraryBusy, LibraryError, LibraryTooNew,
                                    NotFound)
from archivist.store.filters import ArticleFilter
from archivist.store.importer import ImportReport
from archivist.store.library import Library, default_library_dir
from archivist.store.search import Hit, find_matches


__all__ = ["ArticleFilter", "Hit", "ImportCancelled", "ImportReport", "Library", "LibraryBusy",
           "LibraryError", "LibraryTooNew", "NotFound", "default_library_dir", "find_matches"]
