"""Parameters, the audit log and accounts through the JSON API: county admins only (reading
the parameters is open to every signed-in role)."""

from sqlmodel import Session, select

from accounts.models import User
from tests.conftest import login
from tests.console_seed import file_assessed, household

VALUE = {"name": "rural_dibao_standard", "effective_from": "2026-07-01", "value": 666,
         "source": "渝民规〔2026〕测试号", "confirmed": True}  # fmt: skip


def test_parameters_are_read_by_all_and_added_by_county_admins(client, staff):
    for name in ("helpline", "tuxiang", "county"):
        table = client.get("/api/parameters", headers=login(client, name)).json()
        assert table[0]["name"] == "rural_dibao_standard"
    assert (
        client.post("/api/parameters", json=VALUE, headers=login(client, "tuxiang")).status_code
        == 403
    )
    headers = login(client, "county")
    reply = client.post("/api/parameters", json=VALUE, headers=headers)
    assert reply.status_code == 201 and reply.json()["added_by"] == "county"
    table = client.get("/api/parameters", params={"on": "2026-08-01"}, headers=headers).json()
    assert table[0]["in_force"]["value"] == 666
    for bad in ({"name": "nope"}, {"value": -1}, {"source": ""}, {"effective_from": "soon"}):
        assert client.post("/api/parameters", json=VALUE | bad, headers=headers).status_code == 422


def test_a_new_value_is_used_by_reassessment_from_its_date(client, staff, engine, cipher):
    with Session(engine) as session:
        case_id = file_assessed(session, cipher).id
        session.commit()
    county = login(client, "county")
    client.post("/api/parameters", json=VALUE, headers=county)
    url = f"/api/cases/{case_id}/household"
    later = client.put(url, json=household(assessed_on="2026-07-01"), headers=county).json()
    earlier = client.put(url, json=household(assessed_on="2026-06-30"), headers=county).json()
    assert later["assessment"]["figures"]["standard"] == 666
    assert earlier["assessment"]["figures"]["standard"] == 630
    history = client.get(f"/api/cases/{case_id}/history", headers=county).json()
    assert history["assessments"][0]["assessment"]["figures"]["standard"] == 630  # as filed


def test_the_audit_log_is_for_county_admins(client, staff, engine, cipher):
    with Session(engine) as session:
        case = file_assessed(session, cipher)
        session.commit()
        case_id, reference = case.id, case.reference
    client.get(f"/api/cases/{case_id}", headers=login(client, "tuxiang"))
    assert client.get("/api/audit", headers=login(client, "tuxiang")).status_code == 403
    assert client.get("/api/audit", headers=login(client, "helpline")).status_code == 403
    log = client.get("/api/audit", params={"reference": reference},
                     headers=login(client, "county")).json()  # fmt: skip
    assert [(e["actor"], e["action"]) for e in log["items"]] == [
        ("tuxiang", "view"),
        ("assistant", "filed"),
    ]
    page = client.get("/api/audit", params={"limit": 1}, headers=login(client, "county")).json()
    assert page["next_cursor"] and len(page["items"]) == 1


def test_accounts_are_managed_by_county_admins(client, staff, engine):
    new = {"username": "zhuyi", "password": "long-enough-1", "role": "township_staff",
           "township": "朱衣镇"}  # fmt: skip
    assert client.post("/api/users", json=new, headers=login(client, "tuxiang")).status_code == 403
    assert client.get("/api/users", headers=login(client, "helpline")).status_code == 403
    county = login(client, "county")
    created = client.post("/api/users", json=new, headers=county)
    assert created.status_code == 201 and created.json()["township"] == "朱衣镇"
    assert client.post("/api/users", json=new, headers=county).status_code == 422  # exists
    bad = client.post(
        "/api/users", json=new | {"username": "x3", "township": "北京"}, headers=county
    )
    assert bad.status_code == 422
    user_id = created.json()["id"]
    reply = client.post("/api/token", data={"username": "zhuyi", "password": "long-enough-1"})
    token = {"Authorization": f"Bearer {reply.json()['access_token']}"}
    assert client.get("/api/cases", headers=token).status_code == 200
    assert client.post(f"/api/users/{user_id}/disable", headers=county).json()["disabled"]
    assert client.get("/api/cases", headers=token).status_code == 401  # tokens stop working
    assert (
        client.post(
            "/api/token", data={"username": "zhuyi", "password": "long-enough-1"}
        ).status_code
        == 401
    )
    client.post(f"/api/users/{user_id}/enable", headers=county)
    reply = client.put(f"/api/users/{user_id}/password", json={"password": "another-one-2"},
                       headers=county)  # fmt: skip
    assert reply.status_code == 200
    assert (
        client.post(
            "/api/token", data={"username": "zhuyi", "password": "another-one-2"}
        ).status_code
        == 200
    )
    with Session(engine) as session:
        me = session.exec(select(User).where(User.username == "county")).one()
    assert client.post(f"/api/users/{me.id}/disable", headers=county).status_code == 409
    assert client.post("/api/users/99999/unlock", headers=county).status_code == 404
