"""Each format against reference files, byte for byte (regenerate: tests/share/make_reference.py)."""

from __future__ import annotations

import pytest

from journal import Journal
from share.conftest import REFERENCE
from share.make_reference import CASES, outputs

NAMES = [f"{stem}.{fmt}" for stem, _d, _i, formats in CASES for fmt in formats]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    from journal.share import lists, summary
    from share.corpus import CREATED, LOGIN, make_journal
    saved, saved_clock = lists.login_names, summary.created_now
    lists.login_names = lambda: [LOGIN]
    summary.created_now = lambda: CREATED  # type: ignore[attr-defined]
    try:
        journal: Journal = make_journal(tmp_path_factory.mktemp("ref") / "journal",
                                        passphrase="reference only")
        try:
            return outputs(journal)
        finally:
            journal.close()
    finally:
        lists.login_names = saved
        summary.created_now = saved_clock  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", NAMES)
def test_matches_reference(rendered: dict[str, bytes], name: str) -> None:
    expected = (REFERENCE / name).read_bytes()
    assert rendered[name] == expected, (
        f"{name} differs from tests/share/reference/{name}; if the change is intended, run "
        "tests/share/make_reference.py and review the diff")


def test_every_format_has_a_reference() -> None:
    assert {n.rsplit(".", 1)[1] for n in NAMES} == {"md", "html", "json", "csv"}
    assert {p.name for p in REFERENCE.iterdir()} == set(NAMES)


def test_rendering_is_deterministic(share_journal: Journal) -> None:
    assert outputs(share_journal) == outputs(share_journal)
