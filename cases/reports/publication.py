"""公示 lists (公开公示, 三(三)2): per township and programme, the households on the list
with names and identity numbers masked (张*明, 500236********1234), as CSV or XLSX.

A case is on a programme's list when its latest assessment finds it eligible (or to verify)
and it is in 公示 (publicised: awaiting objections) or approved.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from sqlalchemy import func
from sqlmodel import Session, col, select

from cases.assessment import NAMES
from cases.models import Applicant, Case, CaseProgramme, CaseStatus, HouseholdRecord
from cases.shapes import PublicationRow
from core.security import mask_name
from core.spreadsheets import CSV_BOM
from core.spreadsheets import safe_cell as _safe

LISTED = (CaseStatus.publicised, CaseStatus.approved)
HEADERS = ("序号", "乡镇（街道）", "村（社区）", "申请人", "身份证号", "家庭人口",
           "保障类别", "月救助金额（元）", "状态", "日期", "案件编号")  # fmt: skip
MAX_ROWS = 20000


def cells(row: PublicationRow) -> list:
    """The row's cells under ``HEADERS``."""
    return [row.number, row.township, row.village or "", row.name_masked,
            row.id_number_masked or "", row.household_size or "", row.dibao_class or "",
            "" if row.monthly_amount is None else row.monthly_amount,
            "公示中" if row.status == CaseStatus.publicised else "已批准",
            row.on.isoformat(), row.reference]  # fmt: skip


def title(township: str | None, programme: str) -> str:
    where = township or "奉节县"
    return f"{where}{NAMES[programme]}公示名单"


def publication_rows(
    session: Session,
    *,
    programme: str,
    township: str | None = None,
    statuses: tuple[CaseStatus, ...] = LISTED,
) -> list[PublicationRow]:
    """The list's rows, ordered by township, village and reference."""
    if programme not in NAMES:
        raise ValueError(f"unknown programme {programme!r}")
    query = (
        select(Case, Applicant, CaseProgramme.monthly_amount)
        .join(Applicant, Applicant.id == Case.applicant_id)
        .join(CaseProgramme, CaseProgramme.case_id == Case.id)
        .where(CaseProgramme.programme == programme, col(Case.status).in_(statuses))
    )
    if township:
        query = query.where(Case.township == township)
    rows = session.exec(
        query.order_by(col(Case.township), col(Case.village), col(Case.reference)).limit(MAX_ROWS)
    ).all()
    sizes = _household_sizes(session, [case.id for case, _, _ in rows])
    return [
        PublicationRow(
            number=number,
            township=case.township,
            village=case.village,
            name_masked=mask_name(applicant.name) or "",
            id_number_masked=applicant.id_number_masked,
            household_size=sizes.get(case.id),
            dibao_class=case.dibao_class if programme == "dibao" else None,
            monthly_amount=amount,
            status=case.status,
            on=_day(case.decided_at or case.updated_at),
            reference=case.reference,
        )
        for number, (case, applicant, amount) in enumerate(rows, start=1)
    ]


def _day(moment: datetime) -> date:
    return moment.date()


def _household_sizes(session: Session, case_ids: list[int]) -> dict[int, int]:
    """Members in each case's latest household revision (or the size the resident gave)."""
    sizes: dict[int, int] = {}
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start : start + 500]
        latest = (
            select(func.max(HouseholdRecord.id))
            .where(col(HouseholdRecord.case_id).in_(chunk))
            .group_by(HouseholdRecord.case_id)
        )
        for record in session.exec(
            select(HouseholdRecord).where(col(HouseholdRecord.id).in_(latest))
        ).all():
            members = (record.household or {}).get("members")
            size = len(members) if members else (record.facts or {}).get("household_size")
            if isinstance(size, int):
                sizes[record.case_id] = size
    return sizes


def to_csv(rows: list[PublicationRow], heading: str) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel on a township PC shows the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([heading])
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([_safe(cell) for cell in cells(row)])
    return (CSV_BOM + out.getvalue()).encode("utf-8")


def to_xlsx(rows: list[PublicationRow], heading: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "公示名单"
    sheet.append([heading])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(cell) for cell in cells(row)])
    for letter, width in zip("ABCDEFGHIJK", (6, 14, 14, 10, 22, 10, 10, 16, 10, 12, 12),
                             strict=True):  # fmt: skip
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
