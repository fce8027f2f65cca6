"""Household facts found on the visit (入户调查): staff revise the household, the case is
assessed again with the parameters in force, and every earlier revision and assessment is
kept (``HouseholdRecord`` and ``AssessmentRecord`` are append-only)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from cases.assessment import index_assessment
from cases.audit import record_audit
from cases.models import AssessmentRecord, Case, HouseholdRecord
from cases.parameters import current_parameters
from policy import Household, ParameterSet, assess


def household_json(household: Household) -> dict[str, Any]:
    """The Household JSON of POLICY.md (money as numbers, dates as YYYY-MM-DD)."""
    return _plain(household.model_dump(mode="python"))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def latest_household(session: Session, case_id: int) -> HouseholdRecord | None:
    return session.exec(
        select(HouseholdRecord)
        .where(HouseholdRecord.case_id == case_id)
        .order_by(col(HouseholdRecord.id).desc())
    ).first()


def revise_household(
    session: Session,
    case: Case,
    *,
    household: Household | dict[str, Any],
    actor: str,
    source: str = "visit",
    parameters: ParameterSet | None = None,
) -> AssessmentRecord:
    """Store a new household revision and its assessment; raises pydantic's
    ``ValidationError`` for a malformed household and ``policy.PolicyError`` (e.g. no
    低保 standard on ``assessed_on``) when it cannot be assessed. Nothing is written then."""
    if not isinstance(household, Household):
        household = Household.model_validate(household)
    parameters = parameters or current_parameters(session)
    assessment = assess(household, parameters).model_dump(mode="json")
    previous = latest_household(session, case.id)
    record = HouseholdRecord(
        case_id=case.id,
        source=source,
        facts=previous.facts if previous else {},
        household=household_json(household),
    )
    session.add(record)
    session.flush()
    stored = AssessmentRecord(case_id=case.id, household_record_id=record.id, assessment=assessment)
    session.add(stored)
    index_assessment(session, case_id=case.id, assessment=assessment)
    record_audit(session, actor=actor, action="household_revised", case_id=case.id,
                 household_record_id=record.id, monthly_total=assessment["monthly_total"])  # fmt: skip
    session.flush()
    return stored
