"""未处理的短信: the residents' messages the assistant never answered (failed after its tries,
or sent over the per-number limit), for staff to deal with and mark handled — township staff
their township's cases' messages, county staff every one (``cases.unhandled``)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from accounts.models import Role
from api.deps import SessionDep
from api.pages.auth import PageError, StaffPage, csrf_checked, page_scope
from api.pages.render import Page, render
from cases.unhandled import AlreadyHandled, mark_handled, unhandled_messages
from core.townships import townships

router = APIRouter(prefix="/staff", include_in_schema=False)
CsrfPage = Annotated[Page, Depends(csrf_checked)]


@router.get("/messages")
def messages_page(request: Request, session: SessionDep, page: StaffPage, township: str = "",
                  notice: str = "", error: str = ""):  # fmt: skip
    township = page_scope(page, township)
    result = unhandled_messages(session, township=township)
    return render(request, "messages.html", page, result=result, township=township or "",
                  townships=townships(), notice=notice[:200], error=error[:300])  # fmt: skip


@router.post("/messages/{message_id}/handled")
def mark(message_id: int, session: SessionDep, page: CsrfPage) -> RedirectResponse:
    if page.user.role not in (Role.county_admin, Role.township_staff):
        raise PageError(403, "您的账户没有处理短信的权限。")
    try:
        marked = mark_handled(session, message_id=message_id, township=page_scope(page, None),
                              actor=page.user.username)  # fmt: skip
    except AlreadyHandled:
        return _back(error="这条短信已由其他人标记为已处理。")
    if marked is None:
        raise PageError(404, "没有找到这条短信，或它不属于您所在的乡镇。")
    session.commit()
    return _back(notice=f"来自 {marked.phone_masked} 的短信已标记为已处理。")


def _back(**query: str) -> RedirectResponse:
    return RedirectResponse(f"/staff/messages?{urlencode(query)}", status_code=303)
