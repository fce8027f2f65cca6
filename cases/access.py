"""Who may see which case: county admins every case, township staff their township's only
(another township's case is "not found"), the helpline a case's status by reference only.

``township_scope`` is the one township-scoping rule of every list, count and export, pages
and JSON alike. It fails closed: a township officer who asks for another township is
refused (``OtherTownship``: the API answers 403 naming the field ``township``, the pages
their 403 page) rather than silently shown their own township's figures under the other's
name, or an empty list that reads as "no cases there". Leaving the township out means "my
township" for an officer and "the whole county" for county staff; a name that is not one of
Fengjie's townships is refused (422). Single cases answer 404 instead (``visible_case``):
an officer cannot tell another township's case from one that does not exist.
"""

from __future__ import annotations

from sqlmodel import Session, select

from accounts.models import Role, User
from cases.models import Case
from cases.procedure import LABELS
from cases.shapes import CaseStatusPublic
from core.database import MAX_ROW_ID
from core.townships import townships
from policy.errors import InputError


class OtherTownship(InputError):
    """A township officer asked for another township's cases."""

    def __init__(self) -> None:
        super().__init__("township", "township staff see their own township only")


def township_scope(user: User, township: str | None) -> str | None:
    """The township a list, count or export covers for ``user`` asking for ``township``
    (None: the whole county). Raises ``InputError`` for a name that is not a township of
    Fengjie and ``OtherTownship`` for an officer asking for another township."""
    if township is not None and township not in townships():
        raise InputError("township", "not a township of Fengjie")
    if user.role == Role.township_staff:
        if township not in (None, user.township):
            raise OtherTownship()
        return user.township
    return township


def can_read_cases(user: User) -> bool:
    return user.role in (Role.county_admin, Role.township_staff)


def visible_case(session: Session, user: User, case_id: int) -> Case | None:
    """The case if ``user`` may open it, else None (the caller answers 404)."""
    if not can_read_cases(user) or not 0 < case_id <= MAX_ROW_ID:
        return None
    case = session.get(Case, case_id)
    if case is None or (user.role == Role.township_staff and case.township != user.township):
        return None
    return case


def status_by_reference(session: Session, user: User, reference: str) -> CaseStatusPublic | None:
    reference = reference.strip().upper()
    if not reference or len(reference) > 16:
        return None
    case = session.exec(select(Case).where(Case.reference == reference)).first()
    if case is None or (user.role == Role.township_staff and case.township != user.township):
        return None
    return CaseStatusPublic(
        reference=case.reference,
        status=case.status,
        status_label=LABELS[case.status],
        township=case.township,
        created_at=case.created_at,
        updated_at=case.updated_at,
    )
