"""POST /api/token: OAuth2 password form → bearer token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from accounts.tokens import create_access_token
from accounts.users import authenticate
from api.deps import SessionDep, SettingsDep
from api.shapes import Token

router = APIRouter(tags=["auth"])


@router.post("/api/token", response_model=Token)
def login(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
) -> Token:
    user = authenticate(session, username=form.username, password=form.password)
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
