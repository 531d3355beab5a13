"""`offscript`: the command-line front end over the Journal API.

Exit codes: 0 ok, 2 invalid input, 3 locked / wrong key, 4 file or I/O error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TextIO

from journal import __version__
from journal.cli import admin_cmds, entry_cmds
from journal.cli.session import journal_dir, open_journal
from journal.errors import OffscriptError, StorageError

EXIT_USAGE, EXIT_LOCKED, EXIT_IO = 2, 3, 4
# Command modules that bring their own subcommands; each has register(sub).
PLUGIN_MODULES = ("journal.cli.stats_cmd", "journal.cli.share_cmds", "journal.cli.backup_cmds")


def _gui(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from ui.app import main as gui_main  # the desktop app is optional for the CLI
    except ImportError as exc:
        print(f"The desktop app is not available here ({exc}). Use the commands in "
              "'offscript --help'.", file=sys.stderr)
        return EXIT_IO
    return int(gui_main([sys.argv[0]], journal_dir=journal_dir(args),
                        quick=getattr(args, "quick", False)))


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
    p.set_defaults(handler=_gui, needs_journal=False, quick=True)
    p = sub.add_parser("gui", help="open the desktop app")
    p.set_defaults(handler=_gui, needs_journal=False)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_check:
        from journal.selfcheck import QtCheck, run_self_check
        qt_check: QtCheck
        try:
            from ui.qt_check import check_qt
            qt_check = check_qt
        except ImportError as exc:  # reported as a failed check, not skipped
            reason = f"the desktop app does not load: {exc}"
            qt_check = lambda: (False, reason)  # noqa: E731
        return int(run_self_check(out, qt_check))
    if args.command is None:
        return _gui(args, out)
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
