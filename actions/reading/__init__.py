"""The readers of residents' words: one message into application facts (`reader.read`, topic
by topic in `topic_people` and `topic_means`), the answer to the question being asked
(`answers`), numerals (`parsing`), money (`money_text`, `money_amounts`), assets, standing,
places, identity numbers and how a message is put (`speech`). The readers about people —
who is meant, the members, their ages and circumstances, applying for someone else — are
the subpackage `people`.

Rule: pure functions, no I/O (no store, no settings, no files; the only clock is today's
date when the caller passes none). A reader imports only the readers and, of the other
packages, `core`'s reference data and normalisers (`core.townships`, `core.phones`):
never the action-server side of `actions` (the form, the actions, the store), nor `cases`,
`channels` or `accounts` (`tests/test_import_rules.py`).
"""
