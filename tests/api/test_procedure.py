"""The procedure through the JSON API, and every role boundary on a case."""

import pytest
from sqlmodel import Session, select

from cases.models import AuditEvent
from channels.models import Message, OutboundMessage
from tests.conftest import login
from tests.console_seed import file_assessed, household


@pytest.fixture
def cases(engine, cipher, staff):
    with Session(engine) as session:
        tuxiang = file_assessed(session, cipher, name="张小明", township="吐祥镇")
        baidi = file_assessed(
            session, cipher, name="李四", township="白帝镇", phone="+8613900000002"
        )
        session.commit()
        return {"tuxiang": tuxiang.id, "baidi": baidi.id}


def step(client, headers, case_id, to, **extra):
    return client.post(
        f"/api/cases/{case_id}/transitions", json={"to": to, **extra}, headers=headers
    )


def test_a_township_officer_takes_a_case_to_approval(client, cases, engine):
    headers = login(client, "tuxiang")
    case_id = cases["tuxiang"]
    for to in ("visited", "appraised", "publicised"):
        reply = step(client, headers, case_id, to)
        assert reply.status_code == 200, reply.text
        assert reply.json()["status"] == to
    reply = step(client, headers, case_id, "approved", **{"class": "C"})
    assert reply.status_code == 200
    state = reply.json()
    assert state["status"] == "approved" and state["dibao_class"] == "C"
    assert state["next_review_on"] and state["allowed_next"] == []
    history = client.get(f"/api/cases/{case_id}/history", headers=headers).json()
    assert [t["to_status"] for t in history["transitions"]] == [
        "visited", "appraised", "publicised", "approved"]  # fmt: skip
    assert {t["actor"] for t in history["transitions"]} == {"tuxiang"}
    with Session(engine) as session:
        actions = session.exec(select(AuditEvent.action).where(AuditEvent.case_id == case_id)).all()
    assert actions.count("transition") == 4 and "view" in actions


def test_illegal_steps_answer_409_and_bad_input_422(client, cases):
    headers = login(client, "tuxiang")
    case_id = cases["tuxiang"]
    assert step(client, headers, case_id, "approved", **{"class": "A"}).status_code == 409
    assert step(client, headers, case_id, "flying").status_code == 422
    reply = step(client, headers, case_id, "rejected")
    assert reply.status_code == 422 and "reason" in reply.text
    assert step(client, headers, case_id, "rejected", reason="收入超过标准").status_code == 200
    assert step(client, headers, case_id, "visited").status_code == 409


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("get", "/api/cases/{id}/history", None),
        ("post", "/api/cases/{id}/transitions", {"to": "visited"}),
        ("put", "/api/cases/{id}/household", household()),
        ("post", "/api/cases/{id}/questions", {"body": "请补充材料"}),
        ("post", "/api/cases/{id}/reviews", {"class": "A"}),
        ("get", "/api/cases/{id}", None),
    ],
)
def test_another_townships_case_is_not_found(client, cases, method, path, body):
    url = path.format(id=cases["baidi"])
    tuxiang = login(client, "tuxiang")
    reply = getattr(client, method)(url, headers=tuxiang, **({"json": body} if body else {}))
    assert reply.status_code == 404
    helpline = login(client, "helpline")
    reply = getattr(client, method)(url, headers=helpline, **({"json": body} if body else {}))
    assert reply.status_code == 403
    reply = getattr(client, method)(url, **({"json": body} if body else {}))
    assert reply.status_code == 401


def test_county_admin_reaches_every_township(client, cases):
    headers = login(client, "county")
    assert step(client, headers, cases["baidi"], "visited").status_code == 200
    assert client.get(f"/api/cases/{cases['tuxiang']}/history", headers=headers).status_code == 200


def test_household_revision_reassesses_and_keeps_the_earlier_one(client, cases):
    headers = login(client, "tuxiang")
    case_id = cases["tuxiang"]
    reply = client.put(f"/api/cases/{case_id}/household", json=household(agriculture=300000),
                       headers=headers)  # fmt: skip
    assert reply.status_code == 200, reply.text
    assert reply.json()["assessment"]["dibao"]["status"] == "ineligible"
    history = client.get(f"/api/cases/{case_id}/history", headers=headers).json()
    assert len(history["assessments"]) == 2
    assert history["assessments"][0]["assessment"]["dibao"]["status"] == "eligible"
    case = client.get(f"/api/cases/{case_id}", headers=headers).json()
    assert case["household"]["income"]["agriculture"] == 300000


def test_household_errors_name_the_field(client, cases):
    headers = login(client, "tuxiang")
    url = f"/api/cases/{cases['tuxiang']}/household"
    bad = household()
    bad["members"][0]["age"] = 130
    reply = client.put(url, json=bad, headers=headers)
    assert reply.status_code == 422 and "age" in reply.text
    reply = client.put(url, json=household(assessed_on="2001-01-01"), headers=headers)
    assert reply.status_code == 422 and "assessed_on" in reply.text


def test_asking_the_applicant_and_the_answer(client, cases, engine):
    headers = login(client, "tuxiang")
    case_id = cases["tuxiang"]
    reply = client.post(f"/api/cases/{case_id}/questions", json={"body": "请补充残疾证照片。"},
                        headers=headers)  # fmt: skip
    assert reply.status_code == 201 and reply.json()["status"] == "queued"
    with Session(engine) as session:
        # The staff question is a notice (issue 17): its way is chosen when it is sent.
        queued = session.exec(
            select(OutboundMessage).where(OutboundMessage.sent_by == "tuxiang")
        ).one()
        assert queued.to_number == "+8613800000001" and queued.notice_kind == "staff_question"
        assert "请补充残疾证照片。" in queued.body
        session.add(Message(conversation_id="+8613800000001", direction="in", channel="sms",
                            text="残疾证明天拍照发过来"))  # fmt: skip
        session.commit()
    case = client.get(f"/api/cases/{case_id}", headers=headers).json()
    assert case["status"] == "info_requested"
    assert case["messages"][-1]["text"] == "残疾证明天拍照发过来"
    assert client.post(f"/api/cases/{case_id}/questions", json={"body": ""},
                       headers=headers).status_code == 422  # fmt: skip


def test_only_county_admins_reveal_identity_numbers_and_it_is_audited(client, cases, engine):
    url = f"/api/cases/{cases['tuxiang']}/reveal-id-number"
    assert client.post(url, headers=login(client, "tuxiang")).status_code == 403
    assert client.post(url, headers=login(client, "helpline")).status_code == 403
    reply = client.post(url, headers=login(client, "county"))
    assert reply.json() == {"id_number": "500236199001011234"}
    with Session(engine) as session:
        event = session.exec(
            select(AuditEvent).where(AuditEvent.action == "reveal_id_number")
        ).one()
    assert event.actor == "county" and event.case_id == cases["tuxiang"]


def test_reviews_only_on_approved_cases(client, cases):
    headers = login(client, "tuxiang")
    url = f"/api/cases/{cases['tuxiang']}/reviews"
    assert client.post(url, json={"class": "A"}, headers=headers).status_code == 409
    for to in ("visited", "appraised", "publicised"):
        step(client, headers, cases["tuxiang"], to)
    step(client, headers, cases["tuxiang"], "approved", **{"class": "C"})
    reply = client.post(
        url, json={"class": "A", "note": "家庭成员外出务工收入稳定"}, headers=headers
    )
    assert reply.status_code == 200 and reply.json()["dibao_class"] == "A"


def test_the_queue_filters_and_searches(client, cases):
    headers = login(client, "county")
    assert client.get("/api/cases", params={"q": "张小"}, headers=headers).json()["total"] == 1
    listing = client.get("/api/cases", params={"programme": "dibao"}, headers=headers).json()
    assert listing["total"] == 2 and "dibao" in listing["items"][0]["programmes"]
    first = client.get("/api/cases", params={"limit": 1}, headers=headers).json()
    second = client.get("/api/cases", params={"limit": 1, "cursor": first["next_cursor"]},
                        headers=headers).json()  # fmt: skip
    assert first["items"][0]["id"] != second["items"][0]["id"] and second["next_cursor"] is None
    own = client.get("/api/cases", params={"q": "李四"}, headers=login(client, "tuxiang")).json()
    assert own["total"] == 0  # another township's applicant
    assert client.get("/api/cases", params={"programme": "x"}, headers=headers).status_code == 422
    assert client.get("/api/cases", params={"class": "D"}, headers=headers).status_code == 422
