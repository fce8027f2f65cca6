"""Findings as a table, CSV (UTF-8 with a byte-order mark) or XLSX (openpyxl, write-only):
identity numbers and names masked (500236********1234, 张*明), formulas never run. The CLI
writes a check's findings (``--out``); the console a run's, with what staff recorded."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cases.rosters.findings import Finding
from core.security import mask_id_number, mask_name
from core.spreadsheets import CSV_BOM, safe_cell
from policy.glossary import INCONSISTENCIES, ROSTERS

HEADERS = ("序号", "类别", "情形", "依据条款", "名单", "户编号", "乡镇", "村", "户主姓名",
           "身份证号", "原因", "涉及行")  # fmt: skip
STAFF_HEADERS = ("本期新增", "处理结果", "处理说明")
WIDTHS = (6, 10, 16, 10, 12, 16, 12, 12, 10, 22, 80, 30, 10, 10, 30)


@dataclass
class FindingRow:
    """One finding as the table shows it: everything personal already masked."""

    category: str
    kind: str | None
    clause: str
    roster: str | None
    household: str
    township: str
    village: str
    name_masked: str
    id_masked: str
    reason: str
    rows: str
    new: bool | None = None
    outcome: str | None = None
    note: str | None = None

    @classmethod
    def of(cls, finding: Finding) -> FindingRow:
        h = finding.household
        return cls(
            category=finding.category,
            kind=finding.kind,
            clause=finding.clause,
            roster=h.roster if h else None,
            household=h.number if h else "、".join(n for _, n, _ in finding.households),
            township=h.township if h else "、".join(finding.townships),
            village=h.village if h else "",
            name_masked=(mask_name(h.first.name) or "") if h else "",
            id_masked=mask_id_number(h.first.id_number) if h else (finding.id_masked or ""),
            reason=finding.reason,
            rows=rows_text(finding.rows),
        )

    def cells(self, number: int, staff: bool) -> list:
        cells = [number, self.category, INCONSISTENCIES.get(self.kind or "", ""), self.clause,
                 ROSTERS.get(self.roster or "", ""), self.household, self.township, self.village,
                 self.name_masked, self.id_masked, self.reason, self.rows]  # fmt: skip
        if staff:
            cells += ["是" if self.new else "", self.outcome or "", self.note or ""]
        return [safe_cell(cell) for cell in cells]


def rows_text(rows: Iterable[tuple[str, int]]) -> str:
    """低保.csv 第3、5行；建档立卡.xlsx 第8行."""
    by_file: dict[str, list[int]] = {}
    for file, row in rows:
        by_file.setdefault(file, []).append(row)
    return "；".join(
        f"{file} 第{'、'.join(map(str, numbers))}行" for file, numbers in by_file.items()
    )


def to_csv(rows: Iterable[FindingRow], *, staff: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS + (STAFF_HEADERS if staff else ()))
    for number, row in enumerate(rows, start=1):
        writer.writerow(row.cells(number, staff))
    return (CSV_BOM + out.getvalue()).encode("utf-8")


def to_xlsx(rows: Iterable[FindingRow], *, staff: bool = False, title: str = "信息比对") -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    headers = HEADERS + (STAFF_HEADERS if staff else ())
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    for index, width in enumerate(WIDTHS[: len(headers)], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(list(headers))
    for number, row in enumerate(rows, start=1):
        sheet.append(row.cells(number, staff))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_table(path: Path, rows: Iterable[FindingRow], *, staff: bool = False) -> None:
    """Write ``path`` as CSV or XLSX by its suffix (``.csv``, ``.xlsx``)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError("the table is a .csv or an .xlsx file")
    data = to_csv(rows, staff=staff) if suffix == ".csv" else to_xlsx(rows, staff=staff)
    path.write_bytes(data)
