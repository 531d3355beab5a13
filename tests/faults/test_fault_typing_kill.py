"""SIGKILL while typing without pause: the next start offers a draft holding everything typed
up to one second before the kill, in every field (20 seeded trials).

Each trial's app spends most of its time waiting for its kill moment, so IN_FLIGHT trials run
at once (each with its own copy of one fresh journal and its keychain file, its own settings file
and seed); the checks then run one trial at a time in this process, in trial order."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from faults.conftest import FAULTS_DIR, cli, open_again
from faults.typing_app import replay, script

TRIALS = 20
SEED = 20261128
PROMISE_S = 1.0  # the README's promise: a crash loses at most the last second of typing
# Trials in flight at once: each is a mostly idle app (one keystroke per 8 ms tick) waiting for
# its kill; three keep two shared cores far from saturated, so draft timing is not disturbed.
IN_FLIGHT = 3


def _run_and_kill(env: dict[str, str], settings: Path, seed: int, delay: float
                  ) -> list[tuple[int, float]]:
    """Start the typing app, kill it `delay` s after its first keystroke; (step, time) lines."""
    proc = subprocess.Popen([sys.executable, str(FAULTS_DIR / "typing_app.py"), str(settings),
                             str(seed)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if not first.startswith("STEP "):  # fail with its stderr, leaving no app running in the pool
        proc.kill()
        _out, err = proc.communicate(timeout=30)
        pytest.fail(f"seed {seed}: the typing app did not start typing: {first!r}\n{err}")
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    killed_at = time.monotonic()
    rest, _err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    steps = [(int(n), float(t)) for _s, n, t in (line.split() for line in [first, *rest.splitlines()])
             if _s == "STEP"]
    return [(n, t) for n, t in steps if t <= killed_at] + [(-1, killed_at)]


def _draft_step(values: dict[str, Any], seed: int, upto: int) -> int:
    """The last script step whose form state equals the draft (-1 when none does)."""
    from ui.widgets.fields import parse_tags

    moves = script(seed)
    for n in range(upto, -1, -1):
        state = replay(moves[:n])
        if all(values.get(k) == v for k, v in state.items() if k != "tags") \
                and values.get("tags") == parse_tags(state["tags"]):
            return n
    return -1


@pytest.mark.slow
def test_kill_while_typing_keeps_all_but_the_last_second(
        cli_env: dict[str, str], tmp_path: Path, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.entries.drafts import DraftStore
    from ui.infra import alerts
    from ui.infra.settings import AppSettings
    from ui.shell.main_window import MainWindow

    rng = random.Random(SEED)
    margins: list[float] = []
    asked: list[str] = []
    monkeypatch.setattr(alerts, "ask", lambda _p, t, *a, **k: asked.append(t) or 0)
    envs = [{**cli_env, "OFFSCRIPT_HOME": str(tmp_path / f"journal{trial}"),
             "OFFSCRIPT_TEST_KEYRING": str(tmp_path / f"keychain{trial}.json")}
            for trial in range(TRIALS)]
    delays = [rng.uniform(0.2, 3.5) for _ in range(TRIALS)]

    # One `offscript init`, copied into each trial's folder and keychain: the same fresh journal
    # state, without 19 more inits' worth of CPU under the typing apps.
    made = cli(cli_env, "init")
    assert made.returncode == 0, made.stderr

    def made_and_killed(trial: int) -> list[tuple[int, float]]:
        shutil.copytree(cli_env["OFFSCRIPT_HOME"], envs[trial]["OFFSCRIPT_HOME"])
        shutil.copyfile(cli_env["OFFSCRIPT_TEST_KEYRING"], envs[trial]["OFFSCRIPT_TEST_KEYRING"])
        return _run_and_kill(envs[trial], tmp_path / f"settings{trial}.json", SEED + trial,
                             delays[trial])

    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        runs = list(pool.map(made_and_killed, range(TRIALS)))
    for trial, steps in enumerate(runs):
        env, seed, delay = envs[trial], SEED + trial, delays[trial]
        killed_at = steps.pop()[1]
        last_step = steps[-1][0]
        promised = max((n for n, t in steps if t <= killed_at - PROMISE_S), default=0)

        asked.clear()
        journal = open_again(env)
        try:
            draft = DraftStore(journal, "editor").load()
            if promised == 0:  # killed within the first second: nothing was promised
                continue
            assert draft is not None, f"trial {trial}: no draft; {promised} steps promised"
            at = _draft_step(draft["values"], seed, last_step)
            assert at >= promised, (f"trial {trial} (seed {seed}, kill {delay:.2f} s in): the draft holds "
                                    f"{at} steps, {promised} were typed a second before")
            margins.append(killed_at - dict(steps)[at] if at in dict(steps) else 0.0)
            window = MainWindow(journal, AppSettings(tmp_path / f"settings{trial}.json"))
            qtbot.addWidget(window)
            assert window.offer_draft_restore() and asked == ["Restore unsaved changes?"]
            editor = window.journal_page.editor
            restored = editor.values()
            for key in ("title", "tool", "tool_version", "prompt", "what_broke", "lesson",
                        "tags", "outcome", "share"):
                assert restored[key] == draft["values"][key], (trial, key)
            window.deleteLater()
        finally:
            journal.close()
    assert len(margins) >= TRIALS // 2, "too few kills late enough to test the promise"
    print(f"\n{len(margins)} kill trials checked; newest draft was "
          f"{min(margins):.2f}-{max(margins):.2f} s older than the kill")
