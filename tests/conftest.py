"""Shared fixtures: a fresh SQLite store per test, the API app on it, staff tokens."""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from accounts.models import Role
from accounts.users import create_user
from api.main import create_app
from cases.migrations import migrate
from core.database import make_engine
from core.security import IdentityCipher
from core.settings import Settings

# An unset ENVIRONMENT is production (fail closed); the tests and the servers they start
# run as "test" unless a test says otherwise.
os.environ.setdefault("ENVIRONMENT", "test")


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(
        environment="test",
        database_url=f"sqlite:///{tmp_path / 'intake.db'}",
        rasa_url="http://127.0.0.1:9",
        action_server_url="http://127.0.0.1:9",
    )


@pytest.fixture
def engine(settings):
    engine = make_engine(settings.database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    with Session(engine) as session:
        yield session


@pytest.fixture
def cipher(settings) -> IdentityCipher:
    return IdentityCipher(settings.data_key)


@pytest.fixture
def client(settings, engine):
    with TestClient(create_app(settings, engine)) as client:
        yield client


@pytest.fixture
def staff(engine):
    """Accounts of every role; passwords are `password-<name>`."""
    accounts = {
        "county": (Role.county_admin, None),
        "tuxiang": (Role.township_staff, "吐祥镇"),
        "baidi": (Role.township_staff, "白帝镇"),
        "helpline": (Role.helpline, None),
    }
    with Session(engine) as session:
        for name, (role, township) in accounts.items():
            create_user(
                session, username=name, password=f"password-{name}", role=role, township=township
            )
        session.commit()
    return accounts


def login(client: TestClient, name: str) -> dict[str, str]:
    reply = client.post("/api/token", data={"username": name, "password": f"password-{name}"})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}
