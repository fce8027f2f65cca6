"""Status by reference, reviews due, 公示 exports and the dashboard through the JSON API."""

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlmodel import Session

from cases.models import Case, CaseStatus
from cases.procedure import move
from tests.conftest import login
from tests.console_seed import file_assessed


@pytest.fixture
def cases(engine, cipher, staff):
    with Session(engine) as session:
        made = {}
        for key, name, township in [("tuxiang", "张小明", "吐祥镇"), ("baidi", "李四", "白帝镇")]:
            case = file_assessed(session, cipher, name=name, township=township)
            for step in (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised):
                move(session, case, to=step, actor="x")
            move(session, case, to=CaseStatus.approved, actor="x", klass="C")
            case.next_review_on = case.next_review_on.replace(year=2020)  # overdue
            session.add(case)
            made[key] = case
        session.commit()
        return {key: (case.id, case.reference) for key, case in made.items()}


def test_every_role_may_ask_a_status_by_reference(client, cases):
    _, reference = cases["tuxiang"]
    for name in ("helpline", "county", "tuxiang"):
        reply = client.get(f"/api/status/{reference.lower()}", headers=login(client, name))
        assert reply.status_code == 200
        assert reply.json()["status"] == "approved" and reply.json()["status_label"] == "审批通过"
        assert "张" not in reply.text and "applicant" not in reply.json()
    other = client.get(f"/api/status/{cases['baidi'][1]}", headers=login(client, "tuxiang"))
    assert other.status_code == 404
    assert client.get("/api/status/FJ222222", headers=login(client, "helpline")).status_code == 404
    assert client.get(f"/api/status/{reference}").status_code == 401


def test_reviews_due_per_township(client, cases):
    county = client.get("/api/reviews/due", headers=login(client, "county")).json()
    assert {d["township"] for d in county} == {"吐祥镇", "白帝镇"} and county[0]["overdue"]
    own = client.get("/api/reviews/due", headers=login(client, "tuxiang")).json()
    assert [d["township"] for d in own] == ["吐祥镇"]
    # Deliberate change (issue 12): another township is refused, as on every scoped route.
    other = client.get("/api/reviews/due", params={"township": "白帝镇"},
                       headers=login(client, "tuxiang"))  # fmt: skip
    assert other.status_code == 403 and other.json()["detail"][0]["field"] == "township"
    assert client.get("/api/reviews/due", headers=login(client, "helpline")).status_code == 403


def test_publication_exports(client, cases):
    headers = login(client, "tuxiang")
    rows = client.get("/api/publication", params={"programme": "dibao"}, headers=headers).json()
    assert [(r["township"], r["name_masked"], r["id_number_masked"]) for r in rows] == [
        ("吐祥镇", "张*明", "500236********1234")]  # fmt: skip
    reply = client.get("/api/publication", params={"format": "csv"}, headers=headers)
    assert reply.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig"))))
    assert table[0] == ["吐祥镇农村低保公示名单"] and table[2][3] == "张*明"
    reply = client.get(
        "/api/publication", params={"format": "xlsx"}, headers=login(client, "county")
    )
    sheet = load_workbook(io.BytesIO(reply.content)).active
    assert sheet["A1"].value == "奉节县农村低保公示名单" and sheet.max_row == 4
    assert client.get("/api/publication", headers=login(client, "helpline")).status_code == 403
    bad = client.get("/api/publication", params={"programme": "nothing"}, headers=headers)
    assert bad.status_code == 422


def test_dashboard_counts(client, cases, engine):
    with Session(engine) as session:
        case = session.get(Case, cases["baidi"][0])
        case.handoff_requested = True
        session.add(case)
        session.commit()
    county = client.get("/api/dashboard", headers=login(client, "county")).json()
    assert county["total"] == 2 and county["handoff_requested"] == 1
    assert {c["key"]: c["count"] for c in county["by_status"]}["approved"] == 2
    own = client.get("/api/dashboard", headers=login(client, "tuxiang")).json()
    assert own["township"] == "吐祥镇" and own["total"] == 1 and own["due_for_review"] == 1
    assert client.get("/api/dashboard", headers=login(client, "helpline")).status_code == 403
