"""The readers about people: the words for family members and groups (`people_words`), the
household's size and members as told (`household_size`, `household_text`, `members_told`),
which member a word means and who no longer lives here (`member_identity`), ages, what is
said of each person (`circumstances`, `member_facts`), and applying for someone else
(`proxy`).

Rule: pure functions, no I/O. A module here imports only this subpackage and the numerals
of `actions.reading.parsing`: never the other readers (`reader`, the topics, `answers`,
money, assets, standing), which call these, nor anything outside `actions.reading`
(`tests/test_import_rules.py`).
"""
