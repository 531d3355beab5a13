"""Entry script of the frozen bundle: the same `offscript` command as the pip-installed one.

With no arguments it opens the desktop app; `--version`, `--self-check` and every subcommand
work as from source.
"""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
