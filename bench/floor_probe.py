"""The SQLCipher floor for `offscript add` (issue 15): a Python process that opens the journal
file with its raw key and inserts one entry row (whose FTS5 row the schema's trigger writes),
synchronous=FULL, then exits. `floor_probe.py DB` with the key's hex in FLOOR_KEY."""

import os
import sys
import uuid

import sqlcipher3

COLUMNS = ("id", "occurred_at", "title", "tool", "outcome", "minutes_without_ai",
           "minutes_with_ai", "prompt", "tags", "created_at", "updated_at")
conn = sqlcipher3.connect(sys.argv[1], isolation_level=None)
conn.execute(f"PRAGMA key = \"x'{os.environ['FLOOR_KEY']}'\"")
conn.execute("PRAGMA synchronous = FULL")
conn.execute("BEGIN IMMEDIATE")
conn.execute(f"INSERT INTO entries ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * 11)})",
             (str(uuid.uuid4()), "2026-11-28T09:00:00", "Benchmark entry", "Claude", "worked",
              30, 10, "a short prompt about invoices", '["bench"]', "2026-11-28T09:00:00",
              "2026-11-28T09:00:00"))
conn.execute("COMMIT")
conn.close()
