"""The staff console's pages (工作台), server-rendered in Simplified Chinese under /staff.

``install(app)`` adds the page routes, the static files and the handlers that turn a missing
login into a redirect and a refused page into the error page."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from api.pages import (
    admin,
    auth,
    cases,
    dynamic,
    helpline,
    household,
    messages,
    notices,
    reports,
    roster_findings,
    rosters,
)
from api.pages.auth import LoginRequired, PageError
from api.pages.render import STATIC, render

#: The console's routers, in the order they are mounted (left out of the OpenAPI schema: they
#: answer HTML to a signed-in browser; tests/security/test_every_route.py adds them back).
ROUTERS = tuple(
    module.router
    for module in (
        auth,
        cases,
        household,
        messages,
        notices,
        reports,
        roster_findings,
        rosters,
        dynamic,
        admin,
        helpline,
    )
)


def install(app: FastAPI) -> None:
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, error: LoginRequired):
        return RedirectResponse(f"/staff/login?next={quote(error.next_path, safe='')}", 303)

    @app.exception_handler(PageError)
    async def _refused(request: Request, error: PageError):
        return render(request, "error.html", status_code=error.status_code, message=error.message,
                      code=error.status_code)  # fmt: skip
