"""Signing in to the staff pages: a session cookie (signed, HttpOnly, SameSite=Lax, scoped to
/staff) naming a stored session; a CSRF token on every form; logout ends the session.

Passwords are checked by ``cases.users.authenticate`` (argon2, lock-out after 5 failures).
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime
from typing import Annotated
from urllib.parse import quote

import jwt
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from accounts.models import Role
from accounts.sessions import close_session, find_session, open_session
from accounts.users import authenticate, too_many_from
from api.deps import SessionDep, SettingsDep, client_address
from api.pages.render import Page, render
from cases.access import OtherTownship, township_scope
from cases.audit import record_audit
from core.database import utcnow
from core.settings import Settings
from policy.errors import InputError

COOKIE = "fj_session"
LOGIN_COOKIE = "fj_login"
PATH = "/staff"

router = APIRouter(prefix="/staff", include_in_schema=False)


class LoginRequired(Exception):
    def __init__(self, next_path: str):
        self.next_path = next_path


class PageError(Exception):
    """Answered with the error page: 403 (role), 404 (not found or another township's)."""

    def __init__(self, status_code: int, message: str):
        self.status_code = status_code
        self.message = message


def _secure(settings: Settings) -> bool:
    return not settings.is_development or settings.public_base_url.startswith("https")


def _sign(secret: str, settings: Settings, expires: datetime) -> str:
    return jwt.encode({"sid": secret, "exp": expires, "typ": "staff-page"}, settings.secret_key,
                      algorithm="HS256")  # fmt: skip


def _unsign(value: str, settings: Settings) -> str | None:
    try:
        payload = jwt.decode(value, settings.secret_key, algorithms=["HS256"])
    except jwt.PyJWTError:
        return None
    return payload.get("sid") if payload.get("typ") == "staff-page" else None


def current_page(request: Request, session: SessionDep, settings: SettingsDep) -> Page:
    """The signed-in user, or a redirect to the login page."""
    secret = _unsign(request.cookies.get(COOKIE, ""), settings)
    found = find_session(session, secret) if secret else None
    if found is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target if request.method == "GET" else PATH + "/")
    row, user = found
    return Page(user=user, session=row, secret=secret)


PageUser = Annotated[Page, Depends(current_page)]


def page_roles(*roles: Role):
    def check(page: PageUser) -> Page:
        if page.user.role not in roles:
            raise PageError(403, "您的账户没有访问此页面的权限。")
        return page

    return check


StaffPage = Annotated[Page, Depends(page_roles(Role.county_admin, Role.township_staff))]
CountyPage = Annotated[Page, Depends(page_roles(Role.county_admin))]


async def csrf_checked(request: Request, page: PageUser) -> Page:
    """For every form post: the form's token must be the session's."""
    form = await request.form()
    token = form.get("csrf_token")
    if not isinstance(token, str) or not hmac.compare_digest(token, page.csrf):
        raise PageError(403, "表单已失效，请返回刷新页面后重试。")
    return page


def page_scope(page: Page, township: str | None) -> str | None:
    """``cases.access.township_scope`` for a page's township filter ("" is none): the same
    answer as the JSON API, on the error page."""
    try:
        return township_scope(page.user, township or None)
    except OtherTownship:
        raise PageError(403, "您只能查看本乡镇的数据。") from None
    except InputError:
        raise PageError(422, "没有这个乡镇（街道）。") from None


def home_for(role: Role) -> str:
    return {Role.county_admin: "/staff/dashboard", Role.township_staff: "/staff/cases",
            Role.helpline: "/staff/policy"}[role]  # fmt: skip


def safe_next(value: str | None) -> str | None:
    if value and value.startswith(PATH + "/") and not value.startswith("//") and "\\" not in value:
        return value
    return None


@router.get("/login")
def login_form(request: Request, next: str | None = None, error: str | None = None):
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", login_token=token, next=safe_next(next) or "",
                      error=error)  # fmt: skip
    response.set_cookie(LOGIN_COOKIE, token, max_age=3600, httponly=True, samesite="strict",
                        path=PATH + "/login")  # fmt: skip
    return response


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    csrf_token: Annotated[str, Form(max_length=64)],
    next: Annotated[str, Form(max_length=500)] = "",
):
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(expected, csrf_token):
        return RedirectResponse(f"{PATH}/login?error=expired", status_code=303)
    address = client_address(request, settings)
    if too_many_from(session, address, utcnow()):
        return RedirectResponse(f"{PATH}/login?error=too_many", status_code=303)
    user = authenticate(session, username=username, password=password, address=address)
    if user is None:
        session.commit()  # the failure count
        target = f"{PATH}/login?error=failed"
        if safe_next(next):
            target += "&next=" + quote(next, safe="")
        return RedirectResponse(target, status_code=303)
    secret, row = open_session(session, user, minutes=settings.access_token_minutes)
    record_audit(session, actor=user.username, action="login", via="page")
    session.commit()
    response = RedirectResponse(safe_next(next) or home_for(user.role), status_code=303)
    response.set_cookie(COOKIE, _sign(secret, settings, row.expires_at), httponly=True,
                        samesite="lax", secure=_secure(settings), path=PATH,
                        max_age=settings.access_token_minutes * 60)  # fmt: skip
    response.delete_cookie(LOGIN_COOKIE, path=PATH + "/login")
    return response


@router.post("/logout")
def logout(session: SessionDep, page: Annotated[Page, Depends(csrf_checked)]) -> Response:
    close_session(session, page.secret)
    record_audit(session, actor=page.user.username, action="logout", via="page")
    session.commit()
    response = RedirectResponse(f"{PATH}/login", status_code=303)
    response.delete_cookie(COOKIE, path=PATH)
    return response


@router.get("")
@router.get("/")
def home(page: PageUser) -> Response:
    return RedirectResponse(home_for(page.user.role), status_code=303)
