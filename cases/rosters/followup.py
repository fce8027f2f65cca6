"""What staff do with a finding: record an outcome (核实中, 已纳入, 不符合条件, 已退出) with a
note; turn it into a case in one step (the household's known facts filled in, channel and
source 信息比对); for 应退未退, open a review (复查) of the household's case; invite the
household by SMS through the outbox where a 联系电话 is known.

A household's cases are found by its members' keyed hashes (``Applicant.id_number_hash``),
never by decrypting. Data functions: keyword-only, a session, never commit; refused input
raises ``FollowupError`` (``field`` names the input; none: not possible now → 409).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from accounts.models import Role, User
from cases import procedure
from cases.assessment import assess_household
from cases.audit import record_audit
from cases.dynamic.exits import exit_case
from cases.filing import file_case
from cases.models import Applicant, Case, CaseStatus
from cases.procedure import ProcedureError
from cases.revisions import household_json
from cases.rosters.models import RosterFinding
from cases.rosters.results import public_finding
from cases.rosters.runs import details
from cases.rosters.shapes import CaseLink, FindingDetail
from channels.models import OutboundMessage
from channels.notices.store import enqueue_notice
from channels.notices.templates import NoticeKind
from channels.outbox import is_opted_out
from core.database import utcnow
from core.id_numbers import age_on, check
from core.security import IdentityCipher
from core.settings import get_settings
from core.townships import townships
from policy import Household, ParameterSet
from policy.crosscheck import SHOULD_BE_COVERED, SHOULD_BE_REGISTERED, SHOULD_EXIT
from policy.errors import InputError
from policy.glossary import ROSTER_OUTCOMES, ROSTERS

MAX_NOTE = 500
EXITED = ROSTER_OUTCOMES[3]  # 已退出
S_APPROVED = CaseStatus.approved
MAX_MESSAGE = procedure.MAX_MESSAGE
ON_A_HOUSEHOLD = (SHOULD_BE_COVERED, SHOULD_BE_REGISTERED, SHOULD_EXIT)
# The notice (and its template) that invites a household of each category.
INVITATIONS = {SHOULD_BE_COVERED: NoticeKind.roster_cover,
               SHOULD_BE_REGISTERED: NoticeKind.roster_register,
               SHOULD_EXIT: NoticeKind.roster_report}  # fmt: skip
#: What a roster does not say of a household: the case's assessment asks staff to verify it.
NOT_ON_THE_ROSTERS = ["income_sources", "health", "expenses", "assets"]
MEMBER = {"disability_grade": None, "needs_long_term_care": False, "serious_illness": False,
          "bedridden": False, "in_school": False}  # fmt: skip
INCOME_SOURCES = ("wages", "poverty_project_wages", "agriculture", "business", "basic_pension",
                  "other_pension", "transfers")  # fmt: skip


class FollowupError(InputError):
    """A follow-up that is refused: ``field`` names the input at fault; without one the
    step is not possible now (the API answers 409)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(field, message)


def record_outcome(
    session: Session, row: RosterFinding, *, outcome: str, note: str | None, actor: str
) -> RosterFinding:
    """What staff found: one of ``ROSTER_OUTCOMES`` with a note (at most 500 characters)."""
    if outcome not in ROSTER_OUTCOMES:
        raise FollowupError(f"one of {', '.join(ROSTER_OUTCOMES)}", field="outcome")
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE:
        raise FollowupError(f"at most {MAX_NOTE} characters", field="note")
    row.outcome, row.outcome_note, row.outcome_by, row.outcome_at = outcome, note, actor, utcnow()
    session.add(row)
    record_audit(session, actor=actor, action="roster_outcome", case_id=row.case_id,
                 finding_id=row.id, run_id=row.run_id, outcome=outcome)  # fmt: skip
    if outcome == EXITED:  # the household's approved case leaves 低保, and is told why
        approved = [case for case in household_cases(session, row) if case.status == S_APPROVED]
        if approved:
            try:
                exit_case(session, approved[0], reason="ineligible_on_review", actor=actor,
                          settings=get_settings(), note=f"信息比对（{row.category}）")  # fmt: skip
            except ProcedureError as error:
                raise FollowupError(str(error), field="outcome") from None
    session.flush()
    return row


def finding_detail(session: Session, row: RosterFinding, user: User) -> FindingDetail:
    """The finding with its household's cases (those ``user`` may open) and whether an SMS
    can be sent."""
    cases = [c for c in household_cases(session, row)
             if user.role == Role.county_admin or c.township == user.township]  # fmt: skip
    return FindingDetail.model_validate(
        public_finding(row).model_dump()
        | {"cases": [CaseLink(id=c.id, reference=c.reference, status=c.status,
                              status_label=procedure.LABELS[c.status], township=c.township)
                     for c in cases],
           "has_phone": row.phone_masked is not None}
    )  # fmt: skip


def household_cases(session: Session, row: RosterFinding) -> list[Case]:
    """The cases of any member of the finding's household, newest first."""
    if not row.member_hashes:
        return []
    return list(
        session.exec(
            select(Case)
            .join(Applicant, col(Applicant.id) == Case.applicant_id)
            .where(col(Applicant.id_number_hash).in_(row.member_hashes))
            .order_by(col(Case.id).desc())
        ).all()
    )


def case_from_finding(
    session: Session,
    row: RosterFinding,
    *,
    cipher: IdentityCipher,
    actor: str,
    today: date | None = None,
    parameters: ParameterSet | None = None,
) -> tuple[Case, bool]:
    """The household's case: an open or approved one it already has (linked), else a new
    one filed from the roster's facts (``(case, True)``): the 户主 as applicant, members'
    ages from their identity numbers, the income the roster gives, assessed with what the
    roster does not say marked to verify. An outcome of 核实中 is recorded if none was."""
    if row.category not in ON_A_HOUSEHOLD:
        raise FollowupError("a 信息不一致 is corrected in the rosters, not filed as a case")
    if row.case_id is not None:
        raise FollowupError("the finding is already linked to a case")
    existing = [c for c in household_cases(session, row) if c.status != CaseStatus.rejected]
    if existing:
        case, created = existing[0], False
    else:
        case, created = _file(session, row, cipher, actor, today or date.today(), parameters), True
    row.case_id = case.id
    if row.outcome is None:
        row.outcome, row.outcome_by, row.outcome_at = ROSTER_OUTCOMES[0], actor, utcnow()
    session.add(row)
    record_audit(session, actor=actor, action="roster_case", case_id=case.id, finding_id=row.id,
                 run_id=row.run_id, created=created)  # fmt: skip
    session.flush()
    return case, created


def _file(session, row, cipher, actor, today, parameters) -> Case:
    facts_kept = details(row, cipher)
    if facts_kept is None:
        raise FollowupError("the finding keeps no household facts")
    if facts_kept["township"] not in townships():
        raise FollowupError(f"“{facts_kept['township']}” is not a township of Fengjie")
    members = facts_kept["members"]
    head = members[facts_kept["head"]]
    household = household_facts(facts_kept, today)
    unknown = NOT_ON_THE_ROSTERS + (["three_guarantees"] if row.roster == "dibao" else [])
    assessment = None
    if household is not None:
        assessment = assess_household(household, unknown, parameters, given_by="roster")
    facts = {"household_size": len(members), "roster_household":
             f"{ROSTERS[facts_kept['roster']]} {facts_kept['household']}",
             "finding": f"{row.category}（{row.clause}）", "unknown_facts": unknown}  # fmt: skip
    if household is not None:
        facts["annual_income"] = household["income"]["other"]
    return file_case(
        session,
        cipher=cipher,
        name=head["name"] or "（名单未载姓名）",
        township=facts_kept["township"],
        phone=facts_kept["phone"],
        facts=facts,
        household=household,
        assessment=assessment,
        id_number=head["id_number"],
        village=facts_kept["village"] or None,
        channel="crosscheck",
        conversation_id=facts_kept["phone"],
        actor=actor,
        source="crosscheck",
    )


def household_facts(kept: dict[str, Any], today: date) -> dict[str, Any] | None:
    """The Household JSON of what the roster says (None when a member's age cannot be read
    from the identity number: staff enter the household on the visit)."""
    members = []
    order = [kept["head"]] + [i for i in range(len(kept["members"])) if i != kept["head"]]
    for position, index in enumerate(order):
        member = kept["members"][index]
        number = member["id_number"]
        age = age_on(number, today) if check(number) is None else None
        if age is None or not 0 <= age <= 120:
            return None
        relation = "applicant" if position == 0 else (member["relation"] or "member")
        members.append({**MEMBER, "age": age, "relation": relation,
                        "able_to_work": member["able_to_work"]})  # fmt: skip
    figures, n = kept["figures"], len(members)
    on_dibao = kept["roster"] == "dibao"
    if on_dibao:
        annual = Decimal(figures["家庭月人均收入"]) * 12 * n
    else:
        annual = Decimal(figures["年人均纯收入"]) * n
    guarantees = {"义务教育保障": "education", "基本医疗保障": "medical", "住房安全保障": "housing"}
    household = Household.model_validate({
        "assessed_on": today,
        "members": members,
        "income": {**dict.fromkeys(INCOME_SOURCES, 0), "other": annual},
        "rigid_expenses": {"medical": 0, "disability_care": 0, "education": 0},
        "assets": {"deposits": 0, "vehicles": 0, "houses": 1, "commercial_property": False},
        "registered_poor": not on_dibao or bool(kept["on_other_roster"]),
        "receiving_dibao": on_dibao or bool(kept["on_other_roster"]),
        "receiving_tekun": False,
        "returned_to_poverty": not on_dibao and figures.get("脱贫状态") == "返贫",
        "three_guarantees_unmet": [] if on_dibao else
            [key for column, key in guarantees.items() if figures.get(column) is False],
        "hardship": None,
    })  # fmt: skip
    return household_json(household)


def open_review(
    session: Session, row: RosterFinding, *, actor: str, today: date | None = None
) -> Case:
    """应退未退: a review (复查) of the household's approved case, due today, with the
    finding's reason; the finding is linked to the case."""
    if row.category != SHOULD_EXIT:
        raise FollowupError("only a 应退未退 finding opens a review")
    cases = household_cases(session, row)
    approved = [c for c in cases if c.status == CaseStatus.approved]
    if not approved:
        if cases:
            raise FollowupError(
                f"the household's case {cases[0].reference} is not approved "
                f"({procedure.LABELS[cases[0].status]}): it is reviewed once decided"
            )
        raise FollowupError("no case of this household is in the store")
    case = approved[0]
    procedure.request_review(session, case, actor=actor, today=today,
                             reason=f"信息比对（{row.category}）：{row.reason}")  # fmt: skip
    row.case_id = case.id
    if row.outcome is None:
        row.outcome, row.outcome_by, row.outcome_at = ROSTER_OUTCOMES[0], actor, utcnow()
    session.add(row)
    session.flush()
    return case


def invitation(row: RosterFinding) -> str:
    """The SMS staff may send (and edit): to apply, or to report changes."""
    where = f"{row.township}社会救助窗口" if row.township else "乡镇社会救助窗口"
    if row.category == SHOULD_BE_COVERED:
        return (f"您好，这里是{where}。根据信息比对，您家可能符合农村低保条件。如需申请，"
                "请回复“申请低保”，或带户口簿、身份证到乡镇（街道）便民服务中心办理。")  # fmt: skip
    if row.category == SHOULD_BE_REGISTERED:
        return (f"您好，这里是{where}。根据信息比对，您家可能符合建档立卡扶贫条件，"
                "请近期到乡镇（街道）便民服务中心或村委会了解办理。")  # fmt: skip
    return (f"您好，这里是{where}。为核实您家的低保待遇，请近期到乡镇（街道）便民服务中心"
            "报告家庭收入和支出的变化（如看病、上学等开支），也可回复本短信说明。")  # fmt: skip


def invite(
    session: Session,
    row: RosterFinding,
    *,
    cipher: IdentityCipher,
    actor: str,
    body: str | None = None,
) -> OutboundMessage:
    """An SMS to the household's 联系电话 through the outbox (sent by the channel workers)."""
    if row.category not in ON_A_HOUSEHOLD:
        raise FollowupError("a 信息不一致 is not sent to the household")
    kept = details(row, cipher) or {}
    phone = kept.get("phone")
    if not phone:
        raise FollowupError("the roster gives no valid 联系电话 for this household", field="phone")
    body = (body or "").strip() or invitation(row)
    if len(body) > MAX_MESSAGE:
        raise FollowupError(f"at most {MAX_MESSAGE} characters", field="body")
    if is_opted_out(session, phone=phone):
        raise FollowupError("the number has opted out of SMS (退订)", field="phone")
    # A notice with its template (what the domestic SMS carrier sends); WeChat and Twilio
    # carry staff's own words.
    message = enqueue_notice(
        session, kind=INVITATIONS[row.category], to=phone, body=body, case_id=row.case_id,
        conversation_id=phone, sent_by=actor,
        params={"township": row.township or "乡镇（街道）",
                "helpline": get_settings().helpline_number},
    )  # fmt: skip
    row.invited_at = utcnow()
    session.add(row)
    record_audit(session, actor=actor, action="roster_invite", case_id=row.case_id,
                 finding_id=row.id, outbound_id=message.id)  # fmt: skip
    session.flush()
    return message
