"""短信模板: the notices' templates as registered with the domestic SMS carrier — code,
text, parameters, approval state — for staff to see; county staff record the carrier's
code and state (a notice goes by template SMS only with an approved one)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from accounts.models import Role
from api.deps import SessionDep, SettingsDep
from api.pages.auth import PageError, StaffPage, csrf_checked
from api.pages.render import Page, render
from cases.audit import record_audit
from channels.notices.store import TemplateError, templates, update_template
from channels.notices.templates import signature
from policy.glossary import NOTICE_KINDS, TEMPLATE_STATES

router = APIRouter(prefix="/staff", include_in_schema=False)
CsrfPage = Annotated[Page, Depends(csrf_checked)]
FIELD_WORDS = {"code": "模板编号", "state": "审核状态", "kind": "通知"}


def _back(**query: str) -> RedirectResponse:
    return RedirectResponse(
        f"/staff/notices?{urlencode({k: v for k, v in query.items() if v})}", 303
    )


@router.get("/notices")
def notices_page(request: Request, session: SessionDep, settings: SettingsDep, page: StaffPage,
                 notice: str = "", error: str = ""):  # fmt: skip
    sign = signature(settings.aliyun_sms_sign_name) if settings.aliyun_sms_sign_name else None
    return render(request, "notices.html", page, rows=templates(session), kinds=NOTICE_KINDS,
                  states=TEMPLATE_STATES, sign=sign, carrier_on=settings.aliyun_sends,
                  notice=notice[:200], error=error[:300])  # fmt: skip


@router.post("/notices/{kind}")
def update(
    kind: str,
    session: SessionDep,
    page: CsrfPage,
    state: Annotated[str, Form(max_length=16)],
    code: Annotated[str, Form(max_length=32)] = "",
):
    if page.user.role != Role.county_admin:
        raise PageError(403, "只有县级管理员可以修改短信模板。")
    try:
        row = update_template(session, kind=kind[:32], code=code, state=state,
                              actor=page.user.username)  # fmt: skip
    except TemplateError as problem:
        session.rollback()
        return _back(error=f"{FIELD_WORDS.get(problem.field, problem.field)}：{problem}")
    record_audit(session, actor=page.user.username, action="template_updated", kind=row.kind,
                 code=row.code, state=row.state)  # fmt: skip
    session.commit()
    words = NOTICE_KINDS.get(row.kind, row.kind)
    return _back(notice=f"{words}：{TEMPLATE_STATES.get(row.state, row.state)}。")
