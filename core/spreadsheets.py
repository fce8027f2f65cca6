"""What every CSV and XLSX export shares: a cell that a spreadsheet would run as a formula
(text starting with = + - @, a tab or a carriage return) is written as text, and a CSV
starts with a byte-order mark so that Excel on a township PC shows the Chinese."""

from __future__ import annotations

CSV_BOM = "\ufeff"


def safe_cell(cell):
    """Spreadsheet formula injection: text starting with = + - @ is written as text."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
