"""`offscript`: the command-line front end over the Journal API.

Exit codes: 0 ok, 2 invalid input, 3 locked / wrong key, 4 file or I/O error.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from journal import __version__
from journal.disk_errors import from_os_error
from journal.errors import OffscriptError

TYPE_CHECKING = False  # typing and argparse load only when a command needs them (`--version`)

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from journal.selfcheck import QtCheck

EXIT_USAGE, EXIT_IO = 2, 4  # 3 (locked, wrong key) comes only from LockedError.exit_code
EXIT_INTERNAL = 1  # a bug: never expected, always reported with its type
EXIT_BROKEN_PIPE = 128 + 13  # what a shell shows for a tool stopped by SIGPIPE (`| head`)
CORE_MODULES = ("journal.cli.entry_cmds", "journal.cli.admin_cmds")
# Command modules that bring their own subcommands; each has register(sub).
PLUGIN_MODULES = ("journal.cli.stats_cmd", "journal.cli.share_cmds", "journal.cli.backup_cmds",
                  "journal.cli.draft_cmds", "journal.cli.team_cmd")
# Which module registers each command, so a run imports only the module of the command it runs
# (`offscript add` never loads sharing, redaction or phonenumbers). A command missing here
# (or `--help`, or a typo) falls back to registering every module.
COMMANDS = {
    **dict.fromkeys(("add", "list", "search", "show", "edit", "rm", "trash"),
                    "journal.cli.entry_cmds"),
    **dict.fromkeys(("init", "unlock", "passphrase", "recovery-key", "import", "dump"),
                    "journal.cli.admin_cmds"),
    "stats": "journal.cli.stats_cmd",
    **dict.fromkeys(("terms", "allow", "keep", "export", "exports"), "journal.cli.share_cmds"),
    **dict.fromkeys(("backup", "restore"), "journal.cli.backup_cmds"),
    **dict.fromkeys(("drafts", "templates"), "journal.cli.draft_cmds"),
    "team": "journal.cli.team_cmd",
    "quick": None, "gui": None,  # built in below
}
_TOP_OPTIONS_WITH_VALUE = ("--journal",)


# The desktop app plugs in from outside: journal/ never imports Qt or ui/ (ui.launcher does).
GuiLauncher = Callable[[Path, bool], int]


def _gui(args: argparse.Namespace, gui: GuiLauncher | None) -> int:
    if gui is None:
        print("This command line has no desktop app attached; start it with `offscript` "
              "(installed) or `python -m ui`. See 'offscript --help' for the commands.",
              file=sys.stderr)
        return EXIT_IO
    from journal.cli.session import journal_dir

    return int(gui(journal_dir(args), bool(getattr(args, "quick", False))))


def command_of(argv: Sequence[str]) -> str | None:
    """The subcommand named in argv (the first word that is not a top-level option), if any."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _TOP_OPTIONS_WITH_VALUE:
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def _modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules this argv needs: none for `--version` or the app, one for a known
    command, every one for help, an unknown word or a command registered elsewhere."""
    args = sys.argv[1:] if argv is None else list(argv)
    if any(a in ("-h", "--help") for a in args[: args.index("--") if "--" in args else None]):
        return CORE_MODULES + PLUGIN_MODULES
    command = command_of(args)
    if command is None:
        return ()
    if command in COMMANDS:
        module = COMMANDS[command]
        return (module,) if module else ()
    return CORE_MODULES + PLUGIN_MODULES


def _register(sub: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return
    if hasattr(module, "register"):
        module.register(sub)
    else:  # add_parser/run pair
        module.add_parser(sub)
        for command, sp in sub.choices.items():
            if sp.get_default("handler") is None and command not in ("gui", "quick"):
                sp.set_defaults(handler=module.run)


def build_parser(argv: Sequence[str] | None = None, *, full: bool = True) -> argparse.ArgumentParser:
    """The parser; with full=False only the subcommands argv can reach are registered."""
    import argparse

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
    for name in CORE_MODULES + PLUGIN_MODULES if full else _modules_for(argv):
        _register(sub, name)
    p = sub.add_parser("quick", help="open the quick-log window")
    p.set_defaults(handler=None, needs_journal=False, quick=True)
    p = sub.add_parser("gui", help="open the desktop app")
    p.set_defaults(handler=None, needs_journal=False)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, *,
         gui: GuiLauncher | None = None, qt_check: QtCheck | None = None) -> int:
    """Run one command. gui and qt_check come from ui.launcher (the installed `offscript`)."""
    out = out or sys.stdout
    if (sys.argv[1:] if argv is None else list(argv)) == ["--version"]:
        # what argparse's version action prints, without building the parser (~10 ms)
        sys.stdout.write(f"offscript {__version__}\n")
        raise SystemExit(0)
    parser = build_parser(argv, full=False)
    args = parser.parse_args(argv)
    if args.self_check:
        from journal.selfcheck import run_self_check
        return int(run_self_check(out, qt_check))  # no qt_check: reported as a failed check
    if args.command is None or args.handler is None:
        return _gui(args, gui)
    try:
        try:
            if not getattr(args, "needs_journal", True):
                return int(args.handler(args, out))
            from journal.cli.session import open_journal

            with open_journal(args, sys.stderr) as journal:
                return int(args.handler(args, journal, out))
        finally:
            out.flush()  # a closed pipe shows up here, not at exit where it can't be handled
    except BrokenPipeError:
        return _reader_went_away(out)
    except OffscriptError as err:
        _say(f"offscript: {err}")
        return err.exit_code
    except OSError as err:
        if err.errno == errno.EPIPE:
            return _reader_went_away(out)
        _say(f"offscript: {from_os_error(err)}")
        return EXIT_IO
    except UnicodeError as err:  # bytes that are not UTF-8 in an argument or on stdin
        _say(f"offscript: an argument or the input is not valid UTF-8 text ({err}). "
             "Nothing was changed.")
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nCancelled; nothing more was changed.", file=sys.stderr)
        return 130
    except Exception as err:
        _say(f"offscript: internal error ({type(err).__name__}: {err}). This is a bug in "
             "Offscript; please report it with the command you ran.")
        return EXIT_INTERNAL


def _say(message: str) -> None:
    """An error line on stderr that prints whatever it quotes (a message may echo input that
    is not valid Unicode, and stderr need not be forgiving)."""
    print(message.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)


def _reader_went_away(out: TextIO) -> int:
    """`offscript list | head`: the reader closed the pipe. Stop quietly like other tools;
    point stdout at /dev/null so the interpreter's final flush does not complain
    (the recipe in the Python docs, "Note on SIGPIPE")."""
    if out is sys.stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # no real file descriptor behind stdout
            pass
    return EXIT_BROKEN_PIPE

if __name__ == "__main__":
    sys.exit(main())
