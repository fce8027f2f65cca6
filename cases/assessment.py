"""A case's assessment: the application's household assessed as the resident gave it,
honest about what is not known, and the programmes of the latest assessment indexed
(``CaseProgramme``) so the queue, the dashboard and the 公示 lists filter and count without
reading assessment JSON.

A fact the resident could not give ("不晓得" twice) is entered as zero/no so that the engine
can run, and every programme the engine would decide either way becomes `needs_review`
with a reason naming the missing facts: the answer never rests on a guess.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlmodel import Session

import policy
from cases.models import CaseProgramme
from policy.assessment import PROGRAMMES
from policy.glossary import PROGRAMMES as PROGRAMME_WORDS

UNKNOWN_WORDS = {
    "id_number": "身份证号",
    "phone": "电话",
    "village": "村",
    "members": "家庭成员",
    "health": "残疾和疾病情况",
    "disability_grade": "残疾等级",
    "work": "劳动能力",
    "school": "上学情况",
    "income": "收入",
    "expenses": "刚性支出",
    "assets": "财产",
    "status": "建档立卡和低保情况",
    "three_guarantees": "三保障情况",
    "hardship": "突发困难",
    "income_sources": "收入来源",
    "applicant_name": "申请人姓名",
    "township": "乡镇",
    "household_size": "家庭人口数",
    "id_readback": "身份证号核对",
    "proxy_consent": "申请人本人同意",
    "confirmed": "申请人核对信息",
}
# The clause that asks for household income and property to be verified (收入财产核查).
VERIFY_CLAUSE = "三(三)1"


#: How the reason for unknown facts begins: what the resident could not say, or what a
#: roster does not give (a case filed from a finding of the cross-check).
NOT_GIVEN = {"resident": "申请时未能提供", "roster": "比对名单未载明"}


def assess_household(
    household: dict[str, Any],
    unknown_facts: list[str] = (),
    parameters: policy.ParameterSet | None = None,
    *,
    given_by: str = "resident",
) -> dict[str, Any]:
    """Assessment JSON of `household`; decided programmes become needs_review when facts
    are unknown."""
    assessment = policy.assess(household, parameters).model_dump(mode="json")
    if unknown_facts:
        missing = "、".join(
            UNKNOWN_WORDS.get(fact) or UNKNOWN_WORDS.get(fact.split(".")[0], fact)
            for fact in unknown_facts
        )
        reason = {
            "clause": VERIFY_CLAUSE,
            "text": f"{NOT_GIVEN[given_by]}：{missing}，需工作人员核实",
        }
        for name in PROGRAMMES:
            result = assessment[name]
            if result["status"] in ("eligible", "ineligible"):
                result["status"] = "needs_review"
                result["reasons"].append(reason)
        assessment["unknown_facts"] = list(unknown_facts)
    return assessment


#: Programme field names in POLICY.md's order, with their Chinese names.
NAMES: dict[str, str] = {name: PROGRAMME_WORDS[name] for name in PROGRAMMES}
#: The statuses that put a case on a programme's lists.
COUNTED = ("eligible", "needs_review")


def index_assessment(session: Session, *, case_id: int, assessment: dict[str, Any] | None) -> None:
    """Replace the case's programme rows with those of ``assessment`` (JSON form)."""
    session.exec(delete(CaseProgramme).where(CaseProgramme.case_id == case_id))
    for name in NAMES:
        result = (assessment or {}).get(name)
        if isinstance(result, dict) and result.get("status") in COUNTED:
            session.add(
                CaseProgramme(
                    case_id=case_id,
                    programme=name,
                    status=result["status"],
                    monthly_amount=result.get("monthly_amount"),
                )
            )
    session.flush()


def suggested_class(assessment: dict[str, Any] | None) -> str | None:
    """The 低保 class (A/B/C) the assessment proposes, if any."""
    dibao = (assessment or {}).get("dibao") or {}
    klass = dibao.get("class")
    return klass if klass in ("A", "B", "C") else None
