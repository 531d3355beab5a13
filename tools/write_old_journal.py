"""Write one migration fixture with whatever `journal` package is first on sys.path.

    python tools/write_old_journal.py DATA_JSON OUT_DB SCHEMA

tools/make_migration_fixtures.py runs this with an old commit's checkout first on PYTHONPATH, so
the file is made by that commit's own Store, Entry and migrations. Only names that exist in every
version since schema 3 are used (Store.open(..., schema=), Store.insert, set_setting,
Entry.from_dict, which keeps ids, stamps and trashed_at). Standalone on purpose: it must not
import anything else from tools/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import journal
from journal.entries import Entry
from journal.store import Store

SETTINGS_SINCE = 2  # the settings table
SAMPLE_FLAG_SINCE = 7  # entries.sample


def main(data_path: str, out_path: str, schema: str) -> None:
    data = json.loads(Path(data_path).read_text(encoding="utf-8"))
    version = int(schema)
    store = Store.open(Path(out_path), bytes.fromhex(data["key_hex"]), create=True, schema=version)
    with store.transaction():
        store.insert([Entry.from_dict(row) for row in data["entries"]])
        if version >= SETTINGS_SINCE:
            for key, value in data["settings"].items():
                store.set_setting(key, value)
        if version >= SAMPLE_FLAG_SINCE:  # as "Add sample entries" flagged them at v7
            marks = ", ".join("?" * len(data["sample_titles_flagged"]))
            store.conn.execute(f"UPDATE entries SET sample = 1 WHERE title IN ({marks})",
                               data["sample_titles_flagged"])
    written = store.schema_version()
    store.close()
    print(json.dumps({"journal": journal.__file__, "schema": written}))


if __name__ == "__main__":
    main(*sys.argv[1:])
