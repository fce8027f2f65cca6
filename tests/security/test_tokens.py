"""Issue 13, finding 7: a bearer token survived a password reset (still 200 on /api/cases).
Resetting a password or disabling an account now ends every token issued before."""

from __future__ import annotations

from tests.conftest import login


def _account(client, county):
    new = {"username": "yongle", "password": "long-enough-1", "role": "township_staff",
           "township": "永乐镇"}  # fmt: skip
    user_id = client.post("/api/users", json=new, headers=county).json()["id"]
    reply = client.post("/api/token", data={"username": "yongle", "password": "long-enough-1"})
    return user_id, {"Authorization": f"Bearer {reply.json()['access_token']}"}


def test_a_token_ends_when_the_password_is_reset(client, staff):
    county = login(client, "county")
    user_id, token = _account(client, county)
    assert client.get("/api/cases", headers=token).status_code == 200
    reset = client.put(
        f"/api/users/{user_id}/password", json={"password": "a-new-one-22"}, headers=county
    )
    assert reset.status_code == 200
    assert client.get("/api/cases", headers=token).status_code == 401
    fresh = client.post("/api/token", data={"username": "yongle", "password": "a-new-one-22"})
    again = {"Authorization": f"Bearer {fresh.json()['access_token']}"}
    assert client.get("/api/cases", headers=again).status_code == 200


def test_a_token_stays_dead_after_the_account_is_enabled_again(client, staff):
    county = login(client, "county")
    user_id, token = _account(client, county)
    client.post(f"/api/users/{user_id}/disable", headers=county)
    client.post(f"/api/users/{user_id}/enable", headers=county)
    assert client.get("/api/cases", headers=token).status_code == 401


def test_a_token_without_a_version_is_refused(client, staff, settings):
    import jwt

    forged = jwt.encode({"sub": "1", "role": "county_admin"}, settings.secret_key, "HS256")
    headers = {"Authorization": f"Bearer {forged}"}
    assert client.get("/api/cases", headers=headers).status_code == 401
