"""From a folder to an open journal: first run, unlock, or an explanation of what's wrong.

Never creates a journal where one might exist, and never shows a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from journal import (
    NO_KEYCHAIN,
    Journal,
    LockedError,
    OffscriptError,
    PassphraseRequired,
    StorageError,
)
from ui.infra import alerts
from ui.infra.modal import run_modal

if TYPE_CHECKING:  # the dialogs load when needed: a keychain-mode start shows none of them
    from ui.access.first_run import WelcomeDialog
    from ui.access.passphrase_form import NewPassphraseDialog
    from ui.access.recovery_dialog import RecoveryKeyDialog
    from ui.access.unlock import UnlockDialog

log = logging.getLogger("offscript.ui")

RETRY, RECOVERY, OTHER_FOLDER, QUIT = "retry", "recovery", "other", "quit"


def explain(folder: Path, error: OffscriptError) -> tuple[str, list[str]]:
    """A message for the user and the choices that make sense for this error."""
    if isinstance(error, LockedError):
        text = (f"Offscript could not unlock the journal in {folder}.\n\n{error}\n\n"
                "If the system keychain lost the key (a new computer, a reset keychain), "
                "your recovery key opens the journal. Nothing was changed.")
        return text, [RETRY, RECOVERY, OTHER_FOLDER, QUIT]
    state = Journal.folder_state(folder)
    if state.has_db and not state.has_vault:
        text = (f"The journal in {folder} is missing its key file ({state.missing}). Restore it "
                "from a backup, or choose another journal folder. Offscript will not create a "
                "new journal over your data.")
        return text, [RETRY, OTHER_FOLDER, QUIT]
    # The error names its cause (full, read-only, busy, damaged…): don't guess "damaged" here.
    unchanged = "" if "Nothing was changed" in str(error) else "\n\nNothing was changed."
    text = f"Offscript could not open the journal in {folder}.\n\n{error}{unchanged}"
    choices = [RETRY, OTHER_FOLDER, QUIT]
    if state.has_vault:
        choices.insert(1, RECOVERY)
    return text, choices


LABELS = {RETRY: "Try again", RECOVERY: "Use recovery key…",
          OTHER_FOLDER: "Choose another folder…", QUIT: "Quit"}


def ask_open_failure(folder: Path, error: OffscriptError) -> str:
    text, choices = explain(folder, error)
    log.warning("cannot open journal %s: %s", folder, error)
    index = alerts.ask(None, "Cannot open your journal", text, [LABELS[c] for c in choices])
    return choices[index] if index >= 0 else QUIT


def choose_folder(parent: QWidget | None = None) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, "Choose a journal folder")
    return Path(chosen) if chosen else None


def run_dialog(dialog: WelcomeDialog | UnlockDialog | RecoveryKeyDialog
               | NewPassphraseDialog) -> bool:
    """One seam for tests to drive modal dialogs."""
    return bool(run_modal(dialog))


def after_recovery(journal: Journal) -> bool:
    """Opened with the recovery key: the passphrase is probably forgotten, so ask for a new one.

    Also when the key belongs in a keychain that isn't there: without a passphrase the next start
    would need the recovery key again. "Not now" keeps things as they were. True when set.
    """
    if journal.mode != "passphrase" and Journal.keychain_status()[0]:
        return False  # UnlockDialog already put the key back in the keychain
    text = ("You opened your journal with the recovery key. Choose a new passphrase for the "
            "next start; your recovery key keeps working.")
    if journal.mode != "passphrase":
        text += f" {NO_KEYCHAIN} here, so a passphrase keeps the key instead."
    from ui.access.passphrase_form import NewPassphraseDialog

    dialog = NewPassphraseDialog("Choose a new passphrase", text, journal.use_passphrase,
                                 cancel_label="&Not now")
    changed = run_dialog(dialog)
    log.info("new passphrase after recovery: %s", "set" if changed else "skipped")
    return changed


def _unlocked(unlock: UnlockDialog) -> Journal | None:
    if not run_dialog(unlock) or unlock.journal is None:
        return None
    if unlock.recovery:
        after_recovery(unlock.journal)
    return unlock.journal


def needs_first_run(folder: Path) -> bool:
    """No journal here: nothing at all, or only what a killed creation left (which never held
    an entry; creating again clears it). Half a journal otherwise is damage, never replaced."""
    if Journal.exists(folder):
        return False
    state = Journal.folder_state(folder)
    return state.empty or state.creation_unfinished()


def open_journal(folder: Path) -> Journal | None:
    """Loop until the journal is open or the user quits. Returns None to quit."""
    from ui.access.unlock import UnlockDialog  # light; its forms load with the dialog below

    while True:
        state = Journal.folder_state(folder)
        if needs_first_run(folder):
            from ui.access.first_run import WelcomeDialog
            from ui.access.recovery_dialog import RecoveryKeyDialog

            welcome = WelcomeDialog(folder)
            if not run_dialog(welcome) or welcome.journal is None:
                return None
            run_dialog(RecoveryKeyDialog(welcome.recovery_key))
            return welcome.journal
        try:
            if not state.has_vault:
                raise StorageError(f"Missing {state.missing} in {folder}.")
            return Journal.open(folder)
        except PassphraseRequired:
            return _unlocked(UnlockDialog(folder))
        except OffscriptError as exc:
            choice = ask_open_failure(folder, exc)
        if choice == RECOVERY:
            journal = _unlocked(UnlockDialog(folder, recovery=True))
            if journal is not None:
                return journal
        elif choice == OTHER_FOLDER:
            folder = choose_folder() or folder
        elif choice == QUIT:
            return None
