"""The one error body (api.errors): FastAPI's validation errors and every InputError a data
function raises answer 422 with `detail: [{field, message, loc, type}]`."""

from tests.conftest import login
from tests.policy.households import household, member

KEYS = {"field", "message", "loc", "type"}


def test_fastapi_validation_errors_use_the_one_body(client, staff):
    reply = client.get("/api/cases", params={"limit": 0}, headers=login(client, "county"))
    assert reply.status_code == 422
    [problem] = reply.json()["detail"]
    assert set(problem) == KEYS and problem["field"] == "limit"
    assert problem["loc"] == ["query", "limit"]


def test_a_malformed_body_names_the_dotted_field(client):
    reply = client.post("/api/assess", json=household(members=[member(age=200)]))
    assert reply.status_code == 422
    fields = {problem["field"] for problem in reply.json()["detail"]}
    assert "members.0.age" in fields
    assert all(set(problem) == KEYS for problem in reply.json()["detail"])


def test_an_input_error_of_a_data_function_uses_the_one_body(client, staff):
    value = {"name": "no_such_parameter", "effective_from": "2026-01-01", "value": 1,
             "source": "test"}  # fmt: skip
    reply = client.post("/api/parameters", json=value, headers=login(client, "county"))
    assert reply.status_code == 422
    assert reply.json()["detail"] == [
        {"field": "name", "message": "unknown parameter 'no_such_parameter'",
         "loc": ["body", "name"], "type": "value_error"}
    ]  # fmt: skip


def test_a_policy_error_is_422_not_500(client):
    reply = client.post("/api/assess", json=household(assessed_on="2016-12-31"))
    assert reply.status_code == 422
    assert reply.json()["detail"][0]["field"] == "assessed_on"


def test_a_value_the_store_cannot_hold_is_refused_not_a_500(client, staff):
    """PostgreSQL refuses a NUL character in text (SQLite keeps it): the one 422 body. An id
    beyond the store's 32-bit ids names no case: 404 on either engine."""
    county = login(client, "county")
    reply = client.get("/api/audit", params={"action": "\x00"}, headers=county)
    assert reply.status_code in (200, 422)
    if reply.status_code == 422:
        assert reply.json()["detail"][0]["type"] == "data_error"
    assert client.get(f"/api/cases/{2**31}", headers=county).status_code in (404, 422)
    assert client.get(f"/api/cases/{2**31 - 1}", headers=county).status_code == 404


def test_a_body_that_cannot_be_read_uses_the_one_body(client):
    """Found by schemathesis (issue 13): JSON that is not UTF-8 answered FastAPI's bare
    `{"detail": "There was an error parsing the body"}`; JSON that does not parse named a
    character offset as the field."""
    headers = {"Content-Type": "application/json"}
    unreadable = client.post("/api/assess", content=b"\xff\xfe{", headers=headers)
    assert unreadable.status_code == 400
    [problem] = unreadable.json()["detail"]
    assert set(problem) == KEYS and problem["field"] == "(root)" and problem["loc"] == ["body"]
    broken = client.post("/api/assess", content=b'{"members": [', headers=headers)
    assert broken.status_code == 422
    [problem] = broken.json()["detail"]
    assert problem["field"] == "(root)" and problem["type"] == "json_invalid"
