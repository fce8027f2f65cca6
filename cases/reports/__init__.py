"""Lists and counts over many cases, read-only: the dashboard's counts (``dashboard``), the
reviews falling due (``due``) and the 公示 lists with their CSV and XLSX files
(``publication``). Same rules as ``cases``: they take a session and never commit."""
