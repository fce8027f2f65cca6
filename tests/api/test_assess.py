"""POST /api/assess: Household JSON in, Assessment JSON out, no login."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.policy.households import household, member


@pytest.fixture
def bare(client) -> TestClient:
    """The whole app on an empty store: no login needed."""
    return client


def test_the_app_serves_it_without_login(client):
    reply = client.post("/api/assess", json=household())
    assert reply.status_code == 200, reply.text
    assert reply.json()["dibao"]["monthly_amount"] == 630


def test_the_assessment_json(bare):
    reply = bare.post(
        "/api/assess",
        json=household(
            assessed_on="2026-01-01",
            members=[member(), member(age=72, relation="father", disability_grade=2,
                                      needs_long_term_care=True)],
            income={"wages": 1234.5},
        ),
    )  # fmt: skip
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["dibao"]["class"] == "C"
    assert body["figures"]["countable_income"] == 1234.5
    assert body["disability_care_subsidy"] == {
        "status": "eligible",
        "reasons": body["disability_care_subsidy"]["reasons"],
        "members": [1],
        "monthly_amount": 100,
    }
    assert body["amounts_incomplete"] is False
    assert {p["name"] for p in body["parameters"]} >= {"rural_dibao_standard", "poverty_line"}


@pytest.mark.parametrize(
    ("changes", "loc"),
    [
        ({"members": [member(age=121)]}, ["body", "members", 0, "age"]),
        ({"members": []}, ["body", "members"]),
        ({"income": {"wages": "100"}}, ["body", "income", "wages"]),
        ({"assets": {"deposits": -1}}, ["body", "assets", "deposits"]),
        ({"color": "red"}, ["body", "color"]),
        ({"assessed_on": "2016-12-31"}, ["body", "assessed_on"]),
    ],
)
def test_bad_input_is_422_naming_the_field(bare, changes, loc):
    reply = bare.post("/api/assess", json=household(**changes))
    assert reply.status_code == 422
    assert loc in [error["loc"] for error in reply.json()["detail"]]


def test_not_json_is_422(bare):
    reply = bare.post("/api/assess", content=b"nope", headers={"content-type": "application/json"})
    assert reply.status_code == 422


def test_the_schema_is_documented(bare):
    schema = bare.get("/openapi.json").json()
    assert "/api/assess" in schema["paths"]
    assert "Household" in schema["components"]["schemas"]


def test_a_dated_value_added_by_staff_is_used_from_its_date(client, session):
    from datetime import date

    from cases.parameters import add_value

    before = client.post("/api/assess", json=household(assessed_on="2026-08-01")).json()
    add_value(
        session,
        name="rural_dibao_standard",
        effective_from=date(2026, 7, 1),
        value=700,
        source="test notice",
        confirmed=True,
        actor="county",
    )
    session.commit()
    after = client.post("/api/assess", json=household(assessed_on="2026-08-01")).json()
    assert before["figures"]["standard"] == 630 and after["figures"]["standard"] == 700
