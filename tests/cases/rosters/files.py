"""Rosters as files, the way the national systems export them: CSV in a chosen encoding and
XLSX, a cell stored as a number when asked (written exactly, ``<v>500236…</v>``, as some
exporters write an identity number kept in a number column)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

_MARK = "#NUMBER#"
_MARKED = re.compile(rf'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>{_MARK}(\d+)</t></is></c>')


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8") -> Path:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], numbers: tuple[int, ...] = ()) -> Path:
    """``rows`` into the first sheet; the cells of the columns ``numbers`` (0-based) that
    hold digits only are stored as numbers, exactly. Other cells as given (str, int …)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sheet1")
    for row in rows:
        cells = list(row)
        for at in numbers:
            if at < len(cells) and isinstance(cells[at], str) and cells[at].isdigit():
                cells[at] = _MARK + cells[at]
        sheet.append(cells)
    book.save(path)
    if numbers:
        _exact_numbers(path)
    return path


def _exact_numbers(path: Path) -> None:
    """openpyxl writes a number with 16 significant digits; write the marked ones exactly."""
    with zipfile.ZipFile(path) as old:
        members = {info: old.read(info.filename) for info in old.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in members.items():
            if info.filename.startswith("xl/worksheets/sheet"):
                text = _MARKED.sub(r'<c r="\1" t="n"><v>\2</v></c>', data.decode("utf-8"))
                data = text.encode("utf-8")
            new.writestr(info, data)
