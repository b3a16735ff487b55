import multiprocessing
import sys

from archivist.cli import main

if __name__ == "__main__":
    # The frozen app's import workers (archivist.store.splitpool) start this program
    # again; freeze_support turns such a start into the worker instead of the CLI.
    multiprocessing.freeze_support()
    sys.exit(main())
