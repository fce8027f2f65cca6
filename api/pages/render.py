"""Rendering the staff pages: one Jinja2 environment, Chinese labels (``policy.glossary``),
Beijing time, and the
headers every page carries (no caching of personal data, no framing, a strict CSP)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from accounts.models import Role, StaffSession, User
from api.pages.words import FACT_WORDS, relation
from cases.assessment import NAMES, UNKNOWN_WORDS
from cases.models import CaseStatus
from cases.procedure import LABELS
from policy.glossary import (
    CHANNELS,
    INCONSISTENCIES,
    MESSAGE_STATES,
    NOTICE_KINDS,
    OUTBOUND_CHANNELS,
    ROLES,
    ROSTER_FINDINGS,
    ROSTER_OUTCOMES,
    ROSTERS,
    SOURCES,
)
from policy.glossary import MEDICAL_ITEMS as ITEM_WORDS
from policy.glossary import ROUTES as ROUTE_WORDS
from policy.glossary import VERDICTS as STATUS_WORDS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = Path(__file__).resolve().parent.parent / "static"
BEIJING = timezone(timedelta(hours=8), "北京时间")
ROLE_LABELS = {Role(value): word for value, word in ROLES.items()}
HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}

templates = Jinja2Templates(directory=str(TEMPLATES))


@dataclass
class Page:
    """The signed-in user of a page request, with the session's CSRF token."""

    user: User
    session: StaffSession
    secret: str

    @property
    def csrf(self) -> str:
        return self.session.csrf_token


def beijing(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(BEIJING).strftime(fmt)


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return beijing(value, "%Y-%m-%d")
    return value.isoformat()


def status_label(value: CaseStatus | str) -> str:
    return LABELS[CaseStatus(value)]


def money(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:,}" if isinstance(value, int) else str(value)


env = templates.env
env.filters.update(beijing=beijing, day=day, status_label=status_label, money=money,
                   programme=lambda name: NAMES.get(name, name),
                   verdict=lambda status: STATUS_WORDS.get(status, status),
                   route=lambda route: ROUTE_WORDS.get(route, route or ""),
                   item=lambda item: ITEM_WORDS.get(item, item),
                   channel=lambda c: CHANNELS.get(c, c),
                   message_state=lambda s: MESSAGE_STATES.get(s, s),
                   notice_kind=lambda k: NOTICE_KINDS.get(k, k),
                   outbound_channel=lambda c: OUTBOUND_CHANNELS.get(c, c),
                   source=lambda s: SOURCES.get(s, s), relation=relation,
                   roster=lambda r: ROSTERS.get(r or "", r or ""),
                   inconsistency=lambda k: INCONSISTENCIES.get(k or "", k or ""),
                   fact=lambda key: FACT_WORDS.get(key) or UNKNOWN_WORDS.get(key) or UNKNOWN_WORDS.get(str(key).split(".")[0], key))  # fmt: skip
env.globals.update(ROLE_LABELS=ROLE_LABELS, PROGRAMMES=NAMES, STATUSES=list(CaseStatus),
                   LABELS=LABELS, Role=Role, ROSTER_FINDINGS=ROSTER_FINDINGS,
                   INCONSISTENCIES=INCONSISTENCIES, ROSTER_OUTCOMES=ROSTER_OUTCOMES)  # fmt: skip


def render(
    request: Request,
    name: str,
    page: Page | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    context |= {"me": page.user if page else None, "csrf": page.csrf if page else None}
    response = templates.TemplateResponse(
        request, f"console/{name}", context, status_code=status_code
    )
    response.headers.update(HEADERS)
    return response
