"""POST /api/token: OAuth2 password form → bearer token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from accounts.tokens import create_access_token
from accounts.users import ADDRESS_WINDOW, authenticate, too_many_from
from api.deps import SessionDep, SettingsDep, client_address
from api.shapes import Token
from core.database import utcnow

router = APIRouter(tags=["auth"])


@router.post("/api/token", response_model=Token)
def login(
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
) -> Token:
    address = client_address(request, settings)
    if too_many_from(session, address, utcnow()):
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail="Too many failed sign-ins from this address; try again later",
            headers={"Retry-After": str(int(ADDRESS_WINDOW.total_seconds()))},
        )
    user = authenticate(session, username=form.username, password=form.password, address=address)
    session.commit()
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password, or account locked",
            headers={"WWW-Authenticate": "Bearer"},
        )
    token = create_access_token(
        user, secret_key=settings.secret_key, minutes=settings.access_token_minutes
    )
    return Token(access_token=token)
