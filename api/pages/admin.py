"""County administration pages: parameters (政策参数; everyone reads, county admins add),
the audit log (审计日志) and staff accounts (用户管理)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from accounts import administration
from accounts.models import Role, User
from accounts.users import UserError, create_user
from api.deps import SessionDep
from api.pages.auth import CountyPage, PageError, PageUser, csrf_checked
from api.pages.render import Page, render
from cases.audit import ACTIONS, events, record_audit
from cases.parameters import ParameterError, add_value, parameter_table
from core.database import MAX_ROW_ID
from core.townships import townships
from policy.parameters import NAMES

router = APIRouter(prefix="/staff", include_in_schema=False)
CsrfPage = Annotated[Page, Depends(csrf_checked)]
FIELD_WORDS = {"name": "参数", "value": "数值", "source": "依据", "effective_from": "生效日期",
               "note": "备注", "password": "密码", "username": "用户名", "township": "乡镇",
               "account": "账户"}  # fmt: skip


def _go(path: str, **query: str) -> RedirectResponse:
    query = {k: v for k, v in query.items() if v}
    return RedirectResponse(path + (f"?{urlencode(query)}" if query else ""), status_code=303)


@router.get("/parameters")
def parameters(request: Request, session: SessionDep, page: PageUser, notice: str = "",
               error: str = ""):  # fmt: skip
    return render(request, "parameters.html", page, table=parameter_table(session),
                  names=NAMES, today=date.today().isoformat(), notice=notice[:200],
                  error=error[:300])  # fmt: skip


@router.post("/parameters")
def add_parameter(
    session: SessionDep,
    page: CsrfPage,
    name: Annotated[str, Form(max_length=64)],
    effective_from: Annotated[str, Form(max_length=10)],
    value: Annotated[str, Form(max_length=32)],
    source: Annotated[str, Form(max_length=500)],
    note: Annotated[str, Form(max_length=500)] = "",
    confirmed: Annotated[str, Form(max_length=8)] = "",
):
    if page.user.role != Role.county_admin:
        raise PageError(403, "只有县级管理员可以新增参数值。")
    try:
        day = date.fromisoformat(effective_from)
    except ValueError:
        return _go("/staff/parameters", error="生效日期格式应为 YYYY-MM-DD。")
    try:
        row = add_value(session, name=name, effective_from=day, value=value, source=source,
                        confirmed=confirmed == "on", note=note, actor=page.user.username)  # fmt: skip
    except ParameterError as problem:
        session.rollback()
        return _go(
            "/staff/parameters",
            error=f"{FIELD_WORDS.get(problem.field, problem.field)}：{problem.message}",
        )
    record_audit(
        session,
        actor=page.user.username,
        action="parameter_added",
        name=row.name,
        effective_from=row.effective_from.isoformat(),
        value=row.value,
        via="page",
    )
    session.commit()
    return _go(
        "/staff/parameters", notice=f"已新增 {row.name} 自 {row.effective_from} 起为 {row.value}。"
    )


@router.get("/audit")
def audit(request: Request, session: SessionDep, page: CountyPage,
          reference: Annotated[str, Query(max_length=16)] = "",
          actor: Annotated[str, Query(max_length=64)] = "",
          action: Annotated[str, Query(max_length=32)] = "",
          cursor: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None):  # fmt: skip
    result = events(session, reference=reference or None, actor=actor or None,
                    action=action or None, cursor=cursor, limit=100)  # fmt: skip
    return render(request, "audit.html", page, result=result, actions=ACTIONS,
                  args={"reference": reference, "actor": actor, "action": action})  # fmt: skip


@router.get("/users")
def users(request: Request, session: SessionDep, page: CountyPage, notice: str = "",
          error: str = ""):  # fmt: skip
    return render(request, "users.html", page, users=administration.list_users(session),
                  townships=townships(), notice=notice[:200], error=error[:300])  # fmt: skip


def _admin(page: Page) -> None:
    if page.user.role != Role.county_admin:
        raise PageError(403, "只有县级管理员可以管理账户。")


@router.post("/users")
def add_user(
    session: SessionDep,
    page: CsrfPage,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    role: Annotated[str, Form(max_length=32)],
    township: Annotated[str, Form(max_length=32)] = "",
):
    _admin(page)
    if role not in Role.__members__:
        return _go("/staff/users", error="请选择角色。")
    if not username.strip() or not all(c.isalnum() or c in "_.-" for c in username.strip()):
        return _go("/staff/users", error="用户名只能包含字母、数字和 _ . -。")
    try:
        created = create_user(session, username=username.strip(), password=password,
                              role=Role(role), township=township or None)  # fmt: skip
    except UserError as problem:
        session.rollback()
        field, message = problem.field, problem.message
        return _go("/staff/users", error=f"{FIELD_WORDS.get(field, field)}：{message}")
    record_audit(
        session,
        actor=page.user.username,
        action="user_created",
        username=created.username,
        role=created.role.value,
        township=created.township,
    )
    session.commit()
    return _go("/staff/users", notice=f"已新建账户 {created.username}。")


def _account(session: Session, user_id: int) -> User:
    account = session.get(User, user_id) if 0 < user_id <= MAX_ROW_ID else None
    if account is None:
        raise PageError(404, "没有这个账户。")
    return account


@router.post("/users/{user_id}/{change}")
def change_user(
    user_id: int,
    change: str,
    session: SessionDep,
    page: CsrfPage,
    password: Annotated[str, Form(max_length=256)] = "",
):
    _admin(page)
    account = _account(session, user_id)
    try:
        if change == "unlock":
            administration.unlock(session, account)
        elif change == "disable":
            if account.id == page.user.id:
                return _go("/staff/users", error="不能停用自己的账户。")
            administration.disable(session, account)
        elif change == "enable":
            administration.enable(session, account)
        elif change == "password":
            administration.reset_password(session, account, password)
        else:
            raise PageError(404, "没有这个操作。")
    except UserError as problem:
        session.rollback()
        field, message = problem.field, problem.message
        return _go("/staff/users", error=f"{FIELD_WORDS.get(field, field)}：{message}")
    record_audit(session, actor=page.user.username, action="user_changed",
                 username=account.username, change=change)  # fmt: skip
    session.commit()
    words = {
        "unlock": "已解除锁定",
        "disable": "已停用",
        "enable": "已启用",
        "password": "已重置密码",
    }
    return _go("/staff/users", notice=f"{account.username}：{words[change]}。")
