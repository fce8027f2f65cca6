"""The household form (家庭情况, filled in on the visit 入户调查): every fact of POLICY.md's
Household JSON as form fields; saving re-assesses the case and keeps the earlier assessment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from api.deps import SessionDep
from api.pages.auth import PageError, StaffPage, csrf_checked
from api.pages.cases import case_for
from api.pages.render import render
from api.pages.words import (
    EXPENSES,
    FIELD_WORDS,
    FLAGS,
    GUARANTEES,
    HARDSHIPS,
    HOUSEHOLD_FLAGS,
    INCOME,
)
from cases.models import CaseStatus
from cases.revisions import latest_household, revise_household
from policy import PolicyError, error_list

router = APIRouter(prefix="/staff", include_in_schema=False)

MAX_MEMBERS = 12
OPTIONS = dict(FLAGS=FLAGS, INCOME=INCOME, EXPENSES=EXPENSES, HOUSEHOLD_FLAGS=HOUSEHOLD_FLAGS,
               GUARANTEES=GUARANTEES, HARDSHIPS=HARDSHIPS)  # fmt: skip


# Figures typed in the form are read as the JSON API would carry them: a figure with more
# digits than any household's is left as a float (an endless one the model refuses), never
# turned into a huge int (which takes minutes, then cannot be printed).
MAX_EXACT_DIGITS = 15
MAX_COUNT_DIGITS = 100


def _number(text: str) -> int | float | str:
    text = (text or "").strip().replace(",", "").replace("，", "")
    if not text:
        return 0
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text  # the model names the field
    if not value.is_finite():
        return text  # NaN, Infinity: not a number JSON can carry
    if value.adjusted() >= MAX_EXACT_DIGITS:
        return float(value)  # inf beyond float's range: the model refuses it
    return int(value) if value == value.to_integral_value() else float(value)


def _int(text: str) -> int | str | None:
    text = (text or "").strip()
    if not text:
        return None
    # ASCII digits only: "²" is a digit to str.isdigit, not to int()
    if text.isascii() and text.isdigit() and len(text) <= MAX_COUNT_DIGITS:
        return int(text)
    return text


def household_from_form(form: Any) -> dict[str, Any]:
    """The Household JSON from the form's fields; blank member rows are left out."""
    members = []
    for i in range(MAX_MEMBERS):
        age, relation = form.get(f"m{i}_age", ""), form.get(f"m{i}_relation", "").strip()
        if not str(age).strip() and not relation:
            continue
        members.append({
            "age": _int(age), "relation": relation or "member",
            "disability_grade": _int(form.get(f"m{i}_disability_grade", "")),
            **{flag: form.get(f"m{i}_{flag}") == "on" for flag, _ in FLAGS},
        })  # fmt: skip
    kind = form.get("hardship_kind", "")
    return {
        "assessed_on": form.get("assessed_on", "").strip(),
        "members": members,
        "income": {name: _number(form.get(f"income_{name}", "")) for name, _ in INCOME},
        "rigid_expenses": {name: _number(form.get(f"expense_{name}", "")) for name, _ in EXPENSES},
        "assets": {
            "deposits": _number(form.get("deposits", "")),
            "vehicles": _int(form.get("vehicles", "")) or 0,
            "houses": _int(form.get("houses", "")) or 0,
            "commercial_property": form.get("commercial_property") == "on",
        },
        **{flag: form.get(flag) == "on" for flag, _ in HOUSEHOLD_FLAGS},
        "three_guarantees_unmet": [g for g, _ in GUARANTEES if form.get(f"guarantee_{g}") == "on"],
        "hardship": {"kind": kind, "basic_living_unsustainable":
                     form.get("hardship_unsustainable") == "on"} if kind else None,
    }  # fmt: skip


def describe(field: str) -> str:
    """``members.1.age`` → ``家庭成员 第2位 年龄``."""
    words = []
    for part in field.split("."):
        words.append(f"第{int(part) + 1}位" if part.isdigit() else FIELD_WORDS.get(part, part))
    return " ".join(words)


def _blank(facts: dict) -> dict:
    size = facts.get("household_size") if isinstance(facts.get("household_size"), int) else 1
    return {"assessed_on": date.today().isoformat(),
            "members": [{"age": "", "relation": "applicant" if i == 0 else ""} for i in range(size)],
            "income": {}, "rigid_expenses": {}, "assets": {"houses": 1}, "three_guarantees_unmet": [],
            "hardship": None}  # fmt: skip


@router.get("/cases/{case_id}/household")
def household_form(case_id: int, request: Request, session: SessionDep, page: StaffPage):
    case = case_for(session, page, case_id)
    record = latest_household(session, case.id)
    facts = record.facts if record else {}
    values = dict(record.household) if record and record.household else _blank(facts)
    values["assessed_on"] = date.today().isoformat()
    return render(request, "household.html", page, row=case, values=values, facts=facts,
                  errors=[], rows=max(len(values["members"]) + 2, 4), **OPTIONS)  # fmt: skip


@router.post("/cases/{case_id}/household")
async def save_household(case_id: int, request: Request, session: SessionDep, page: StaffPage):
    await csrf_checked(request, page)
    case = case_for(session, page, case_id)
    if case.status == CaseStatus.rejected:
        raise PageError(409, "不予批准的案件已办结，不能再修改。")
    form = await request.form()
    data = household_from_form(form)
    try:
        revise_household(session, case, household=data, actor=page.user.username)
    except (ValidationError, PolicyError) as error:
        session.rollback()
        errors = [f"{describe(e['field'])}：{e['message']}" for e in error_list(error)]
        record = latest_household(session, case.id)
        return render(request, "household.html", page, status_code=422, row=case, values=data,
                      facts=record.facts if record else {}, errors=errors,
                      rows=max(len(data["members"]) + 2, 4), **OPTIONS)  # fmt: skip
    session.commit()
    return RedirectResponse(f"/staff/cases/{case.id}?notice=家庭信息已保存，已重新评估。", 303)
