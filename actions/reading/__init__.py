"""The readers of residents' words: one message into application facts (`reader.read`), the
answer to the question being asked (`answers`), numerals, money, assets, standing, places,
identity numbers and how a message is put (`speech`). The readers about people — who is
meant, the members, their ages and circumstances, applying for someone else — are the
subpackage `people`.

Rule: pure functions, no I/O (no store, no settings, no files, no clock unless passed in).
A reader imports only the readers and `core`'s reference data and normalisers
(`core.townships`, `core.phones`), never the action-server side of `actions` (the form,
the actions, the store) nor `cases`, `channels` or `accounts`
(`tests/test_import_rules.py`)."""
