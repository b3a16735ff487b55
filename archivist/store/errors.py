"""Library errors: each prints as one line for the user (ArchivistError → exit 2 in the CLI)."""
from archivist.errors import ArchivistError


class LibraryError(ArchivistError):
    """The library cannot be opened or used as asked."""


class LibraryBusy(LibraryError):
    """Another process (or thread) is writing to the library and did not finish in time."""


class LibraryTooNew(LibraryError):
    """The library was written by a newer archivist; it is refused, never touched."""


class NotFound(LibraryError):
    """No article / revision / tag with that id or name."""


class ImportCancelled(LibraryError):
    """Raised inside an import transaction to roll the file in progress back."""
