"""The staff pages' forms over HTTP: the procedure, the household, asking the applicant,
revealing the identity number, the 公示 export, parameters, user administration, and what
the case page shows of the resident's words."""

import pytest
from sqlmodel import Session, select

from accounts.models import User
from cases.models import AuditEvent, Case, CaseStatus, HouseholdRecord, ParameterValue
from cases.procedure import move
from tests.api.console_pages import csrf_of, sign_in, token, two_cases
from tests.console_seed import file_assessed


@pytest.fixture
def cases(engine, cipher, staff):
    return two_cases(engine, cipher)


def test_the_procedure_through_the_case_page(client, cases, engine):
    sign_in(client, "tuxiang")
    url = f"/staff/cases/{cases['tuxiang']}"
    for to in ("visited", "appraised", "publicised"):
        client.post(f"{url}/transition", data={"to": to, "csrf_token": token(client)})
    page = client.post(
        f"{url}/transition", data={"to": "approved", "class": "B", "csrf_token": token(client)}
    )
    assert "已进入“审批通过”环节" in page.text and "B 类" in page.text
    illegal = client.post(f"{url}/transition", data={"to": "visited", "csrf_token": token(client)})
    assert "不能转到" in illegal.text


def test_rejection_without_a_reason_is_explained(client, cases):
    sign_in(client, "tuxiang")
    url = f"/staff/cases/{cases['tuxiang']}"
    page = client.post(f"{url}/transition", data={"to": "rejected", "csrf_token": token(client)})
    assert "不予批准必须填写理由" in page.text


def test_the_household_form_reassesses(client, cases, engine):
    sign_in(client, "tuxiang")
    url = f"/staff/cases/{cases['tuxiang']}/household"
    form = client.get(url)
    assert form.status_code == 200 and 'name="m0_age"' in form.text
    data = {"csrf_token": csrf_of(form.text), "assessed_on": "2025-08-01",
            "m0_age": "45", "m0_relation": "applicant", "m0_able_to_work": "on",
            "m1_age": "72", "m1_relation": "父亲", "m1_disability_grade": "1",
            "m1_needs_long_term_care": "on", "income_agriculture": "3,600", "houses": "1"}  # fmt: skip
    page = client.post(url, data=data)
    assert "已重新评估" in page.text and "以前的评估（1 次" in page.text
    bad = client.post(url, data={**data, "m0_age": "130"})
    assert bad.status_code == 422 and "家庭成员 第1位 年龄" in bad.text


def test_ask_the_applicant_from_the_page(client, cases):
    sign_in(client, "tuxiang")
    url = f"/staff/cases/{cases['tuxiang']}"
    page = client.post(f"{url}/ask", data={"body": "请补充户口簿。", "csrf_token": token(client)})
    assert "短信已放入发件箱" in page.text and "请补充户口簿。" in page.text
    assert "需补充材料" in page.text


def test_county_admin_reveals_the_identity_number(client, cases, engine):
    sign_in(client, "tuxiang")
    url = f"/staff/cases/{cases['tuxiang']}"
    assert "500236********1234" in client.get(url).text
    assert client.post(f"{url}/reveal", data={"csrf_token": token(client)}).status_code == 403
    client.post("/staff/logout", data={"csrf_token": token(client)})
    sign_in(client, "county")
    page = client.post(f"{url}/reveal", data={"csrf_token": token(client)})
    assert "500236199001011234" in page.text
    with Session(engine) as session:
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "reveal_id_number")).one()


def test_publication_export_from_the_page(client, cases, engine):
    with Session(engine) as session:
        case = session.get(Case, cases["tuxiang"])
        for to in (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised):
            move(session, case, to=to, actor="x")
        session.commit()
    sign_in(client, "tuxiang")
    assert "张*明" in client.get("/staff/publication").text
    # Deliberate change (issue 12): another township is refused, as on every scoped route.
    other = client.get("/staff/publication/export", params={"format": "csv", "township": "白帝镇"})
    assert other.status_code == 403
    reply = client.get("/staff/publication/export", params={"format": "csv"})
    assert "attachment" in reply.headers["content-disposition"]
    text = reply.content.decode("utf-8-sig")
    assert text.startswith("吐祥镇农村低保公示名单") and "张*明" in text and "张小明" not in text
    xlsx = client.get("/staff/publication/export", params={"format": "xlsx"})
    assert xlsx.content[:2] == b"PK"


def test_parameters_page_adds_a_value_for_county_admins_only(client, cases, engine):
    sign_in(client, "tuxiang")
    form = {"name": "poverty_line", "effective_from": "2026-01-01", "value": "4200",
            "source": "测试通知", "confirmed": "on"}  # fmt: skip
    assert (
        client.post("/staff/parameters", data={**form, "csrf_token": token(client)}).status_code
        == 403
    )
    client.post("/staff/logout", data={"csrf_token": token(client)})
    sign_in(client, "county")
    page = client.post("/staff/parameters", data={**form, "csrf_token": token(client)})
    assert "已新增 poverty_line" in page.text
    bad = client.post(
        "/staff/parameters", data={**form, "value": "abc", "csrf_token": token(client)}
    )
    assert "数值" in bad.text
    with Session(engine) as session:
        assert session.exec(select(ParameterValue)).one().added_by == "county"


def test_user_administration(client, cases, settings, engine):
    from fastapi.testclient import TestClient

    from api.main import create_app

    sign_in(client, "county")
    page = client.post("/staff/users", data={"username": "zhuyi", "password": "long-enough-1",
                                             "role": "township_staff", "township": "朱衣镇",
                                             "csrf_token": token(client)})  # fmt: skip
    assert "已新建账户 zhuyi" in page.text
    bad = client.post(
        "/staff/users",
        data={
            "username": "x2",
            "password": "short",
            "role": "helpline",
            "csrf_token": token(client),
        },
    )
    assert "密码" in bad.text
    with Session(engine) as session:
        zhuyi = session.exec(select(User).where(User.username == "zhuyi")).one().id
    with TestClient(create_app(settings, engine)) as other:
        sign_in(other, "zhuyi", password="long-enough-1")
        assert other.get("/staff/cases").status_code == 200
        page = client.post(f"/staff/users/{zhuyi}/disable", data={"csrf_token": token(client)})
        assert "zhuyi：已停用" in page.text
        assert other.get("/staff/cases", follow_redirects=False).status_code == 303
        assert (
            sign_in(other, "zhuyi", password="long-enough-1")
            .headers["location"]
            .startswith("/staff/login?error=failed")
        )
    page = client.post(f"/staff/users/{zhuyi}/enable", data={"csrf_token": token(client)})
    assert "zhuyi：已启用" in page.text


def test_the_case_page_shows_the_residents_unclear_words_and_a_proxy(client, engine, cipher, staff):
    with Session(engine) as session:
        case = file_assessed(session, cipher, name="刘桂英", township="吐祥镇")
        record = session.exec(
            select(HouseholdRecord).where(HouseholdRecord.case_id == case.id)
        ).one()
        record.facts = {
            **record.facts,
            "proxy": {"who": "老妈", "relation": "parent", "by": "family"},
            "unclear": {"income": ["哎呀这个说不清楚", "身份证500236********1235"]},
            "unknown_facts": ["income"],
        }
        session.add(record)
        session.commit()
        case_id = case.id
    sign_in(client, "tuxiang")
    page = client.get(f"/staff/cases/{case_id}").text
    assert "代办申请" in page
    assert "“哎呀这个说不清楚”" in page and "500236********1235" in page
    assert "申请时未能提供：收入" in page
