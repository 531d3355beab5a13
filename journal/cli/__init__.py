"""`offscript`: the command-line front end over the Journal API.

Exit codes: 0 ok, 2 invalid input, 3 locked / wrong key, 4 file or I/O error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from journal import __version__
from journal.cli import admin_cmds, entry_cmds
from journal.cli.session import journal_dir, open_journal
from journal.errors import OffscriptError, StorageError
from journal.selfcheck import QtCheck

EXIT_USAGE, EXIT_LOCKED, EXIT_IO = 2, 3, 4
# Command modules that bring their own subcommands; each has register(sub).
PLUGIN_MODULES = ("journal.cli.stats_cmd", "journal.cli.share_cmds", "journal.cli.backup_cmds",
                  "journal.cli.draft_cmds")


# The desktop app plugs in from outside: journal/ never imports Qt or ui/ (ui.launcher does).
GuiLauncher = Callable[[Path, bool], int]


def _gui(args: argparse.Namespace, gui: GuiLauncher | None) -> int:
    if gui is None:
        print("This command line has no desktop app attached; start it with `offscript` "
              "(installed) or `python -m ui`. See 'offscript --help' for the commands.",
              file=sys.stderr)
        return EXIT_IO
    return int(gui(journal_dir(args), bool(getattr(args, "quick", False))))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offscript",
        description="Offscript: a private, encrypted journal of your AI experiments. "
        "With no command, opens the desktop app.",
        epilog="Exit codes: 0 ok, 2 invalid input, 3 locked or wrong key, 4 file or I/O error.")
    parser.add_argument("--version", action="version", version=f"offscript {__version__}")
    parser.add_argument("--journal", metavar="DIR",
                        help="journal folder (default: $OFFSCRIPT_HOME or your user data dir)")
    parser.add_argument("--self-check", action="store_true",
                        help="run a self-test in a temporary journal and exit 0/1")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    entry_cmds.register(sub)
    admin_cmds.register(sub)
    for name in PLUGIN_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        if hasattr(module, "register"):
            module.register(sub)
        else:  # add_parser/run pair
            module.add_parser(sub)
            for command, sp in sub.choices.items():
                if sp.get_default("handler") is None and command not in ("gui", "quick"):
                    sp.set_defaults(handler=module.run)
    p = sub.add_parser("quick", help="open the quick-log window")
    p.set_defaults(handler=None, needs_journal=False, quick=True)
    p = sub.add_parser("gui", help="open the desktop app")
    p.set_defaults(handler=None, needs_journal=False)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, *,
         gui: GuiLauncher | None = None, qt_check: QtCheck | None = None) -> int:
    """Run one command. gui and qt_check come from ui.launcher (the installed `offscript`)."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_check:
        from journal.selfcheck import run_self_check
        return int(run_self_check(out, qt_check))  # no qt_check: reported as a failed check
    if args.command is None or args.handler is None:
        return _gui(args, gui)
    try:
        if not getattr(args, "needs_journal", True):
            return int(args.handler(args, out))
        with open_journal(args, sys.stderr) as journal:
            return int(args.handler(args, journal, out))
    except OffscriptError as err:
        print(f"offscript: {err}", file=sys.stderr)
        return err.exit_code
    except OSError as err:
        print(f"offscript: {StorageError(str(err))}", file=sys.stderr)
        return EXIT_IO
    except KeyboardInterrupt:
        print("\nCancelled; nothing more was changed.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
