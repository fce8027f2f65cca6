"""The staff queue (待办案件): cases newest first, filtered and searched, paged by keyset.

Every query walks an index in ``id`` order (newest first) — ``(township, id)``,
``(township, status, id)``, the applicant's name or phone, the programme index — so the first
page, a filtered page and a deep page (``cursor``: the last id seen) stay fast at 100,000
cases. ``offset`` is kept for the JSON API's contract; the pages use the cursor.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel
from sqlalchemy import and_, exists, func
from sqlmodel import Session, col, select

from cases.assessment import NAMES
from cases.models import Applicant, Case, CaseProgramme, CaseStatus
from cases.shapes import QueueItem, QueuePage
from core.phones import normalise_phone
from core.security import IdentityCipher, mask_name, mask_phone

REFERENCE = re.compile(r"^FJ[0-9A-Z]{6}$")
ID_NUMBER = re.compile(r"^(\d{17}[\dX]|\d{15})$")
MAX_SEARCH = 64
ORDER = {name: index for index, name in enumerate(NAMES)}


class QueueFilters(BaseModel):
    township: str | None = None
    status: CaseStatus | None = None
    programme: str | None = None  # a field name of the Assessment (dibao, …)
    klass: str | None = None  # 低保 class A/B/C
    due_before: date | None = None  # approved cases to review on or before this date
    handoff: bool | None = None  # the resident asked for a person (已转人工)
    phone: str | None = None  # E.164
    q: str | None = None  # a reference, phone, identity number or the start of a name


def search_kind(q: str) -> tuple[str, str]:
    """What a search term is: ("reference" | "id_number" | "phone" | "name", normalised)."""
    term = q.strip().replace(" ", "")
    upper = term.upper()
    if REFERENCE.match(upper):
        return "reference", upper
    if ID_NUMBER.match(upper):
        return "id_number", upper
    if sum(ch.isdigit() for ch in term) >= 7 and (phone := normalise_phone(term)):
        return "phone", phone
    return "name", q.strip()


def _conditions(filters: QueueFilters, cipher: IdentityCipher | None) -> list:
    conds: list = []
    if filters.township:
        conds.append(Case.township == filters.township)
    if filters.status:
        conds.append(Case.status == filters.status)
    if filters.klass:
        conds.append(Case.dibao_class == filters.klass)
    if filters.handoff is not None:
        conds.append(Case.handoff_requested == filters.handoff)
    if filters.due_before:
        conds.append(Case.status == CaseStatus.approved)
        conds.append(col(Case.next_review_on) <= filters.due_before)
    if filters.programme:
        conds.append(
            exists().where(
                and_(CaseProgramme.case_id == Case.id, CaseProgramme.programme == filters.programme)
            )
        )
    applicant: list = []
    if filters.phone:
        applicant.append(Applicant.phone == filters.phone)
    if filters.q and filters.q.strip():
        kind, term = search_kind(filters.q[:MAX_SEARCH])
        if kind == "reference":
            conds.append(Case.reference == term)
        elif kind == "phone":
            applicant.append(Applicant.phone == term)
        elif kind == "id_number" and cipher is not None:
            applicant.append(Applicant.id_number_hash == cipher.lookup_hash(term))
        else:  # the start of a name: an index range, not LIKE
            applicant.append(col(Applicant.name) >= term)
            applicant.append(col(Applicant.name) < term + "\U0010ffff")
    if applicant:
        conds.append(col(Case.applicant_id).in_(select(Applicant.id).where(*applicant)))
    return conds


def search(
    session: Session,
    filters: QueueFilters,
    *,
    cipher: IdentityCipher | None = None,
    cursor: int | None = None,
    offset: int = 0,
    limit: int = 50,
    with_total: bool = True,
) -> QueuePage:
    """A page of cases matching ``filters``, newest first, names and phones masked."""
    conds = _conditions(filters, cipher)
    page = select(Case.id).where(*conds)
    if cursor is not None:
        page = page.where(col(Case.id) < cursor)
    ids = session.exec(page.order_by(col(Case.id).desc()).offset(offset).limit(limit + 1)).all()
    more = len(ids) > limit
    ids = ids[:limit]
    total = (
        session.exec(select(func.count()).select_from(Case).where(*conds)).one()
        if with_total
        else -1
    )
    rows = {
        case.id: (case, applicant)
        for case, applicant in session.exec(
            select(Case, Applicant)
            .join(Applicant, Applicant.id == Case.applicant_id)
            .where(col(Case.id).in_(ids))
        ).all()
    } if ids else {}  # fmt: skip
    programmes: dict[int, list[str]] = {}
    if ids:
        for case_id, name in session.exec(
            select(CaseProgramme.case_id, CaseProgramme.programme).where(
                col(CaseProgramme.case_id).in_(ids)
            )
        ).all():
            programmes.setdefault(case_id, []).append(name)
    items = []
    for case_id in ids:
        case, applicant = rows[case_id]
        items.append(
            QueueItem(
                id=case.id,
                reference=case.reference,
                status=case.status,
                township=case.township,
                applicant_name_masked=mask_name(applicant.name),
                phone_masked=mask_phone(applicant.phone),
                handoff_requested=case.handoff_requested,
                created_at=case.created_at,
                village=case.village,
                dibao_class=case.dibao_class,
                next_review_on=case.next_review_on,
                programmes=sorted(programmes.get(case_id, []), key=ORDER.get),
            )
        )
    return QueuePage(
        items=items,
        total=total,
        offset=offset,
        limit=limit,
        next_cursor=ids[-1] if more and ids else None,
    )
