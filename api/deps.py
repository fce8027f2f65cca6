"""Dependencies: settings, store session, identity cipher, current user and role checks,
typed ids, the case a user may open, the township a user's list covers, and the parameters
of a request Twilio signed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from accounts.administration import is_disabled
from accounts.models import Role, User
from accounts.tokens import claims_of, still_valid
from api.errors import refused
from cases.access import township_scope, visible_case
from cases.models import Case
from channels.signature import public_url
from channels.signature import valid as signature_valid
from core.database import MAX_ROW_ID
from core.security import IdentityCipher
from core.settings import Settings
from policy.errors import InputError

log = logging.getLogger(__name__)
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/token")


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


def get_cipher(settings: Annotated[Settings, Depends(get_settings_dep)]) -> IdentityCipher:
    return IdentityCipher(settings.data_key)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionDep = Annotated[Session, Depends(get_session)]
CipherDep = Annotated[IdentityCipher, Depends(get_cipher)]


def get_current_user(
    session: SessionDep, settings: SettingsDep, token: Annotated[str, Depends(oauth2_scheme)]
) -> User:
    unauthorised = HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    claims = claims_of(token, secret_key=settings.secret_key)
    user_id, version = claims if claims is not None else (None, None)
    user = session.get(User, user_id) if user_id is not None and 0 < user_id <= MAX_ROW_ID else None
    if user is None or is_disabled(user) or not still_valid(user, version):
        raise unauthorised  # also a token from before a password reset
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_roles(*roles: Role):
    def check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Not allowed for this role")
        return user

    return check


CaseReader = Annotated[User, Depends(require_roles(Role.county_admin, Role.township_staff))]
CountyAdmin = Annotated[User, Depends(require_roles(Role.county_admin))]

#: Ids are positive integers the store can hold; larger ones are refused before they reach it.
CaseId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="the case's id")]
UserId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="the account's id")]
MessageId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="the message's id")]


def case_or_404(session: Session, user: User, case_id: int) -> Case:
    """The case if ``user`` may open it; another township's case is "not found"."""
    case = visible_case(session, user, case_id)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Case not found")
    return case


def scoped(user: User, township: str | None) -> str | None:
    """``cases.access.township_scope`` for a ``township`` query parameter: 422 for a name
    that is not a township, 403 for an officer asking for another township."""
    try:
        return township_scope(user, township)
    except InputError as error:
        refused(error, where="query")


async def twilio_params(request: Request) -> dict[str, str]:
    """The POST parameters of a request that Twilio signed; 403 otherwise."""
    settings: Settings = request.app.state.settings
    form = await request.form()
    params = {key: value for key, value in form.items() if isinstance(value, str)}
    url = public_url(settings, request.url.path, request.url.query)
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature_valid(settings, url, params, signature):
        log.warning(
            "rejected Twilio request to %s: %s signature (from %s)",
            request.url.path,
            "bad" if signature else "no",
            request.client.host if request.client else "?",
        )
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Invalid Twilio signature")
    return params


TwilioParams = Annotated[dict[str, str], Depends(twilio_params)]


def client_address(request: Request, settings: Settings) -> str:
    """The client's address: the connection's, or the last hop a trusted proxy adds."""
    peer = request.client.host if request.client else "unknown"
    trusted = {a.strip() for a in settings.trusted_proxies.split(",") if a.strip()}
    forwarded = request.headers.get("x-forwarded-for", "")
    if peer in trusted and forwarded:
        return forwarded.split(",")[-1].strip()[:64] or peer
    return peer
