"""The procedure on one case, as JSON: history, steps, household revision with re-assessment,
"ask the applicant", review, and revealing the identity number (county admins, audited).
Township staff reach their own township's cases only; any other answers 404."""

from __future__ import annotations

from typing import NoReturn

from fastapi import APIRouter, HTTPException, status

from api.deps import CaseId, CaseReader, CipherDep, CountyAdmin, SessionDep, case_or_404
from api.errors import refused
from api.shapes import QuestionIn, RevealedId, ReviewIn, TransitionIn
from cases import procedure
from cases.audit import record_audit
from cases.casefile import collect_replies, history
from cases.models import Applicant, CaseStatus
from cases.parameters import current_parameters
from cases.revisions import revise_household
from cases.shapes import AssessmentPublic, CaseHistory, CaseState, OutboundPublic
from policy import Household, PolicyError

router = APIRouter(prefix="/api/cases", tags=["procedure"])


def _state(session, case) -> CaseState:
    return CaseState(id=case.id, reference=case.reference, status=case.status,
                     status_label=procedure.LABELS[case.status], dibao_class=case.dibao_class,
                     next_review_on=case.next_review_on,
                     allowed_next=procedure.allowed_next(session, case))  # fmt: skip


def conflict(message: str) -> NoReturn:
    raise HTTPException(status.HTTP_409_CONFLICT, detail=message)


def _refused(error: procedure.ProcedureError) -> NoReturn:
    """A step not allowed now is a conflict (409); bad input names its field (422)."""
    if isinstance(error, procedure.IllegalTransition | procedure.StaleCase) or not error.field:
        conflict(error.message)
    refused(error)


@router.get("/{case_id}/history", response_model=CaseHistory)
def case_history(case_id: CaseId, session: SessionDep, user: CaseReader) -> CaseHistory:
    """The procedure's steps with who and when, every household revision and assessment
    (oldest first), the messages staff sent and the steps allowed now."""
    case = case_or_404(session, user, case_id)
    collect_replies(session, case)
    record_audit(session, actor=user.username, action="view", case_id=case.id, part="history")
    session.commit()
    return history(session, case)


@router.post(
    "/{case_id}/transitions",
    response_model=CaseState,
    responses={409: {"description": "Not allowed from the case's current step"}},
)
def take_step(
    case_id: CaseId, step: TransitionIn, session: SessionDep, user: CaseReader
) -> CaseState:
    """Move the case one step. Rejection needs `reason`; approval needs `class` (A/B/C) and
    sets the next review date (A 12, B 6, C 3 months)."""
    case = case_or_404(session, user, case_id)
    try:
        procedure.move(session, case, to=step.to, actor=user.username, reason=step.reason,
                       klass=step.klass, parameters=current_parameters(session))  # fmt: skip
    except procedure.ProcedureError as error:
        session.rollback()
        _refused(error)
    session.commit()
    return _state(session, case)


@router.put(
    "/{case_id}/household",
    response_model=AssessmentPublic,
    responses={409: {"description": "The case was rejected"}},
)
def revise(
    case_id: CaseId,
    household: Household,
    session: SessionDep,
    user: CaseReader,
) -> AssessmentPublic:
    """Replace the household facts (e.g. found on the visit) and re-assess with the parameters
    in force; the earlier revision and assessment are kept."""
    case = case_or_404(session, user, case_id)
    if case.status == CaseStatus.rejected:
        conflict("a rejected case is closed")
    try:
        record = revise_household(session, case, household=household, actor=user.username)
    except PolicyError as error:
        session.rollback()
        refused(error)
    session.commit()
    return AssessmentPublic.model_validate(record, from_attributes=True)


@router.post(
    "/{case_id}/questions", response_model=OutboundPublic, status_code=status.HTTP_201_CREATED
)
def ask_applicant(case_id: CaseId, question: QuestionIn, session: SessionDep, user: CaseReader):
    """Ask the applicant by SMS (through the outbox); an open case becomes 需补充材料.
    The answer appears in the case's messages."""
    case = case_or_404(session, user, case_id)
    try:
        message = procedure.ask_applicant(session, case, body=question.body, actor=user.username)
    except procedure.ProcedureError as error:
        session.rollback()
        _refused(error)
    session.commit()
    return OutboundPublic(id=message.id, body=message.body, status=message.status.value,
                          sent_by=message.sent_by, created_at=message.created_at)  # fmt: skip


@router.post(
    "/{case_id}/reviews",
    response_model=CaseState,
    responses={409: {"description": "Only approved cases are reviewed"}},
)
def review(case_id: CaseId, done: ReviewIn, session: SessionDep, user: CaseReader) -> CaseState:
    """Record a 复查 of an approved household: the class (may change) sets the next date."""
    case = case_or_404(session, user, case_id)
    try:
        procedure.record_review(session, case, klass=done.klass, note=done.note,
                                actor=user.username, parameters=current_parameters(session))  # fmt: skip
    except procedure.ProcedureError as error:
        session.rollback()
        _refused(error)
    session.commit()
    return _state(session, case)


@router.post("/{case_id}/reveal-id-number", response_model=RevealedId)
def reveal_id_number(case_id: CaseId, session: SessionDep, cipher: CipherDep,
                     user: CountyAdmin) -> RevealedId:  # fmt: skip
    """The applicant's full identity number, for county admins; every reveal is audited."""
    case = case_or_404(session, user, case_id)
    applicant = session.get(Applicant, case.applicant_id)
    number = (
        cipher.decrypt(applicant.id_number_encrypted) if applicant.id_number_encrypted else None
    )
    record_audit(session, actor=user.username, action="reveal_id_number", case_id=case.id)
    session.commit()
    return RevealedId(id_number=number)
