"""Errors the core raises for bad input: one clear line for the user, never a traceback."""


class ArchivistError(Exception):
    """Base of every error that is the input's fault, not the program's."""


class InputError(ArchivistError):
    """A file that cannot be read as a page: missing, empty, binary, too large, undecodable."""


class Cancelled(ArchivistError):
    """The user stopped a long job (import, OCR); whatever it had done is rolled back."""


class BundleError(ArchivistError):
    """A review bundle that is refused whole (unsafe, damaged, unknown schema, another
    library's); nothing was written anywhere."""
