"""`python -m journal.cli` runs the CLI."""

import sys

from journal.cli import main

sys.exit(main())
