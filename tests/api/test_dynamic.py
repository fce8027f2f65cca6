"""动态管理 over HTTP: the JSON API and the console's pages, township scoping (another
township's review or case is not found), bad input named (4xx, never 500), names masked."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from cases.dynamic import reviews
from cases.dynamic.models import CalendarDay
from channels.models import OutboundMessage
from tests.api.console_pages import sign_in, token
from tests.cases.dynamic.helpers import approved_case
from tests.conftest import login


def seed(engine, cipher, settings):
    with Session(engine) as session:
        tuxiang = approved_case(session, cipher, approved_on=date(2026, 3, 2))
        baidi = approved_case(session, cipher, approved_on=date(2026, 3, 2), name="李四",
                              township="白帝镇", phone="+8613900000002",
                              id_number="500236199001011235")  # fmt: skip
        review = reviews.open_review(session, tuxiang, started_by="schedule", settings=settings)
        other = reviews.open_review(session, baidi, started_by="schedule", settings=settings)
        session.commit()
        return {"case": tuxiang.id, "other_case": baidi.id, "review": review.id,
                "other_review": other.id}  # fmt: skip


def test_reviews_are_scoped_to_the_township(client, engine, cipher, settings, staff):
    ids = seed(engine, cipher, settings)
    headers = login(client, "tuxiang")
    listed = client.get("/api/reviews", headers=headers).json()
    assert [r["id"] for r in listed] == [ids["review"]]
    assert listed[0]["applicant_name_masked"] == "张*明"
    assert client.get(f"/api/reviews/{ids['other_review']}", headers=headers).status_code == 404
    assert client.get("/api/reviews?township=白帝镇", headers=headers).status_code == 403
    county = login(client, "county")
    assert len(client.get("/api/reviews", headers=county).json()) == 2
    assert client.get("/api/reviews", headers=login(client, "helpline")).status_code == 403


def test_a_decision_names_its_field_and_an_exit_tells_the_resident(client, engine, cipher,
                                                                   settings, staff):  # fmt: skip
    ids = seed(engine, cipher, settings)
    headers = login(client, "tuxiang")
    url = f"/api/reviews/{ids['review']}/decision"
    bad = client.post(url, json={"decision": "exit", "exit_reason": "bored"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "exit_reason"
    missing = client.post(url, json={"decision": "exit"}, headers=headers)
    assert missing.status_code == 422 and missing.json()["detail"][0]["field"] == "reason"
    done = client.post(url, json={"decision": "exit", "exit_reason": "moved_away"},
                       headers=headers)  # fmt: skip
    assert done.status_code == 200 and done.json()["status"] == "decided"
    again = client.post(url, json={"decision": "continue"}, headers=headers)
    assert again.status_code == 409
    with Session(engine) as session:
        bodies = "".join(m.body for m in session.exec(select(OutboundMessage)).all())
    assert "停发" in bodies and "已迁出奉节县" in bodies


def test_start_exit_and_monitoring_by_api(client, engine, cipher, settings, staff):
    ids = seed(engine, cipher, settings)
    headers = login(client, "tuxiang")
    other = client.post(f"/api/cases/{ids['other_case']}/review-requests", json={},
                        headers=headers)  # fmt: skip
    assert other.status_code == 404
    event = client.post(f"/api/cases/{ids['case']}/monitoring", headers=headers,
                        json={"kind": "disaster", "basic_living_unsustainable": True})  # fmt: skip
    assert event.status_code == 201, event.text
    assert event.json()["temporary_assistance"] == "eligible"
    bad = client.post(f"/api/cases/{ids['case']}/monitoring", headers=headers,
                      json={"kind": "disaster", "occurred_on": "2999-01-01"})  # fmt: skip
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "occurred_on"
    assert [e["kind"] for e in client.get("/api/monitoring", headers=headers).json()] == [
        "disaster"
    ]
    exited = client.post(f"/api/cases/{ids['case']}/exit", json={"reason": "by_request"},
                         headers=headers)  # fmt: skip
    assert exited.status_code == 200 and exited.json()["status"] == "exited"
    twice = client.post(f"/api/cases/{ids['case']}/exit", json={"reason": "by_request"},
                        headers=headers)  # fmt: skip
    assert twice.status_code == 409


def test_the_clock_by_api(client, engine, staff):
    headers = login(client, "tuxiang")
    reply = client.get("/api/clock/add-working-days?date=2026-09-30&n=1", headers=headers)
    assert reply.json() == {"date": "2026-10-08", "provisional": False}
    for query, field in (("date=2026-02-30&n=1", "date"), ("date=2026-09-30&n=0", "n")):
        bad = client.get(f"/api/clock/add-working-days?{query}", headers=headers)
        assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == field
    assert client.get("/api/clock/due", headers=headers).status_code == 200


def test_the_pages(client, engine, cipher, settings, staff):
    ids = seed(engine, cipher, settings)
    assert sign_in(client, "tuxiang").status_code == 303
    page = client.get("/staff/reviews")
    assert page.status_code == 200 and "复查进度" in page.text and "张*明" in page.text
    assert "李*" not in page.text
    assert client.get(f"/staff/reviews/{ids['other_review']}").status_code == 404
    detail = client.get(f"/staff/reviews/{ids['review']}")
    assert detail.status_code == 200 and "复查前后评估对比" in detail.text
    csrf = token(client, f"/staff/reviews/{ids['review']}")
    decided = client.post(f"/staff/reviews/{ids['review']}/decide", follow_redirects=False,
                          data={"csrf_token": csrf, "decision": "change", "class": "Z"})  # fmt: skip
    assert decided.status_code == 303 and "error=" in decided.headers["location"]
    decided = client.post(f"/staff/reviews/{ids['review']}/decide", follow_redirects=False,
                          data={"csrf_token": csrf, "decision": "change", "class": "B"})  # fmt: skip
    assert "notice=" in decided.headers["location"]
    assert client.get("/staff/monitoring").status_code == 200
    recorded = client.post("/staff/monitoring", follow_redirects=False,
                           data={"csrf_token": csrf, "reference": "FJ000000", "kind": "illness"})  # fmt: skip
    assert "error=" in recorded.headers["location"]
    assert client.get("/staff/clock").status_code == 200
    refused = client.post("/staff/clock/days", data={"csrf_token": csrf, "day": "2027-01-01",
                                                     "name": "元旦"})  # fmt: skip
    assert refused.status_code == 403  # county staff only
    case_page = client.get(f"/staff/cases/{ids['case']}")
    assert "办理时限与动态管理" in case_page.text
    queue = client.get("/staff/cases")
    assert queue.status_code == 200
    assert client.get("/staff/dashboard").status_code == 200


def test_county_staff_extend_the_holiday_table(client, engine, staff):
    sign_in(client, "county")
    csrf = token(client, "/staff/clock")
    added = client.post("/staff/clock/days", follow_redirects=False,
                        data={"csrf_token": csrf, "day": "2027-01-01", "name": "元旦"})  # fmt: skip
    assert "notice=" in added.headers["location"]
    bad = client.post("/staff/clock/days", follow_redirects=False,
                      data={"csrf_token": csrf, "day": "2027-13-01", "name": "元旦"})  # fmt: skip
    assert "error=" in bad.headers["location"]
    with Session(engine) as session:
        assert [d.day for d in session.exec(select(CalendarDay)).all()] == [date(2027, 1, 1)]
    headers = login(client, "county")
    reply = client.get("/api/clock/add-working-days?date=2026-12-31&n=1", headers=headers)
    assert reply.json() == {"date": "2027-01-04", "provisional": False}
