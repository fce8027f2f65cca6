"""Schemathesis over the JSON API's OpenAPI schema (every operation under /api/), against the
ASGI app with a county admin's token: no input may produce a server error.

Twilio's webhooks, the simulator and /healthz are left out: they answer for outside services
(signatures, Rasa) that this test does not run."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from sqlmodel import Session

from accounts.models import Role
from accounts.users import create_user
from api.main import create_app
from core.security import IdentityCipher
from core.settings import Settings
from tests.cases.rosters.rosters import dibao_rows, registered_rows
from tests.cases.rosters.test_runs import DIBAO, REGISTERED, run_of
from tests.console_seed import file_assessed


@pytest.fixture(scope="module")
def console_app(tmp_path_factory, fresh_store):
    folder = tmp_path_factory.mktemp("schema")
    database_url, engine = fresh_store(folder)
    config = Settings(
        environment="test",
        database_url=database_url,
        rasa_url="http://127.0.0.1:9",
        action_server_url="http://127.0.0.1:9",
    )
    with Session(engine) as session:
        create_user(session, username="county", password="password-county", role=Role.county_admin)
        cipher = IdentityCipher(config.data_key)
        for township in ("吐祥镇", "白帝镇"):
            file_assessed(session, cipher, township=township)
        session.commit()
        run_of(
            session,
            cipher,
            folder / "rosters",
            dibao_rows(*DIBAO),
            registered_rows(*REGISTERED),
        )
    app = create_app(config, engine, workers=False)
    yield app


@pytest.fixture(scope="module")
def county_token(console_app) -> dict[str, str]:
    with TestClient(console_app) as client:
        reply = client.post(
            "/api/token", data={"username": "county", "password": "password-county"}
        )
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


def test_no_server_errors(console_app, county_token):
    """Each operation with 20 generated requests (schemathesis' strategies under Hypothesis);
    every failure is collected and reported together."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", console_app).include(
        path_regex="^/api/"
    )
    failures, tried = [], []
    for result in schema.get_all_operations():
        operation = result.ok()
        tried.append(operation.label)

        @settings(max_examples=20, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(case=operation.as_strategy())
        def run(case):
            case.call_and_validate(headers=county_token, checks=[not_a_server_error])

        try:
            run()
        except Exception as error:  # noqa: BLE001 - collected and reported below
            failures.append(f"{operation.label}: {error}")
    assert len(tried) >= 30, tried
    assert not failures, "\n\n".join(failures)
