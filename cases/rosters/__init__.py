"""信息比对 (三(三)1): the quarterly cross-check of the 低保 roster (民政) and the 建档立卡 roster
(扶贫), as a library (no store) and as runs kept in the store for the console.

The library — reads files, imports only ``core``, ``policy`` and itself:

    columns          the two rosters' columns and the words their cells may hold
    reading          CSV (UTF-8, BOM, GB18030) and XLSX; the header row in the first 10
                     rows; a missing column names itself
    xlsx             a streaming reader of an XLSX sheet's cell values (expat, row by row)
    members          a row read into a member, or why it is unreadable
    households       the rows of one household number; its fields from the 户主 row
    findings         a finding and its JSON; 应保未保, 应扶未扶, 应退未退 (``policy.crosscheck``)
    inconsistencies  信息不一致: bad_id, name_mismatch, two_households, household_fields
    check            ``check_rosters``: both files on a date → findings and unreadable rows
    tables           findings as a CSV or XLSX table, identity numbers and names masked

The store (the console's runs) — imports the rest of ``cases`` too:

    models           the tables: runs, findings, the townships a finding concerns
    runs             keep a run (date, checksums, who), what is new and resolved since the
                     previous run, outcomes carried over; a finding as a row of the export
    results          a run's findings by township and category, filters, pages, what it
                     resolved, who may open a finding
    followup         an outcome on a finding, a case from a finding (source 信息比对), a
                     review of the household's case, an SMS invitation through the outbox
    shapes           the runs and findings as the API and the pages read them
"""
