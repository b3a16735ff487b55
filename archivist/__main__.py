import sys

from archivist.cli import main

sys.exit(main())
