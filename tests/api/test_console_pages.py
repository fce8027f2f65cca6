"""The staff pages over HTTP: session cookie, CSRF, roles and townships, sign-in and
lock-out, audit of page views, logout. The forms of the pages: test_console_forms.py."""

import pytest
from sqlmodel import Session, select

from cases.models import AuditEvent
from tests.api.console_pages import sign_in, token, two_cases


@pytest.fixture
def cases(engine, cipher, staff):
    return two_cases(engine, cipher)


def test_pages_need_a_login_and_come_back_after_it(client, cases):
    reply = client.get("/staff/cases?status=received", follow_redirects=False)
    assert reply.status_code == 303
    assert reply.headers["location"] == "/staff/login?next=%2Fstaff%2Fcases%3Fstatus%3Dreceived"
    reply = sign_in(client, "tuxiang", next_path="/staff/cases?status=received")
    assert reply.headers["location"] == "/staff/cases?status=received"
    cookie = [h for h in reply.headers.get_list("set-cookie") if h.startswith("fj_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/staff" in cookie
    page = client.get("/staff/cases?status=received")
    assert page.status_code == 200 and "张*明" in page.text and "李*" not in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_an_outside_next_is_ignored(client, cases):
    reply = sign_in(client, "county", next_path="//evil.example/")
    assert reply.headers["location"] == "/staff/dashboard"


def test_login_failures_and_lock_out(client, cases):
    reply = sign_in(client, "tuxiang", password="wrong-password")
    assert reply.headers["location"].startswith("/staff/login?error=failed")
    for _ in range(5):
        sign_in(client, "baidi", password="wrong-password")
    assert sign_in(client, "baidi").headers["location"].startswith("/staff/login?error=failed")
    # Without the login form's token, nothing is checked.
    reply = client.post(
        "/staff/login",
        data={"username": "tuxiang", "password": "password-tuxiang", "csrf_token": "forged"},
        follow_redirects=False,
    )
    assert reply.headers["location"] == "/staff/login?error=expired"


def test_forms_without_the_csrf_token_are_refused(client, cases):
    sign_in(client, "tuxiang")
    url = f"/staff/cases/{cases['tuxiang']}/transition"
    assert client.post(url, data={"to": "visited"}).status_code == 403
    assert client.post(url, data={"to": "visited", "csrf_token": "nope"}).status_code == 403
    reply = client.post(url, data={"to": "visited", "csrf_token": token(client)})
    assert reply.status_code == 200 and "已进入“入户调查”环节" in reply.text


def test_another_townships_case_is_not_found_in_pages(client, cases):
    sign_in(client, "tuxiang")
    other = cases["baidi"]
    assert client.get(f"/staff/cases/{other}").status_code == 404
    assert client.get(f"/staff/cases/{other}/household").status_code == 404
    csrf = token(client)
    assert (
        client.post(
            f"/staff/cases/{other}/transition", data={"to": "visited", "csrf_token": csrf}
        ).status_code
        == 404
    )
    assert (
        client.post(f"/staff/cases/{other}/ask", data={"body": "x", "csrf_token": csrf}).status_code
        == 404
    )
    status = client.get("/staff/status", params={"reference": "FJ" + "2" * 6})
    assert "没有找到" in status.text


@pytest.mark.parametrize(
    "name, allowed, refused",
    [
        ("county", ["/staff/dashboard", "/staff/cases", "/staff/audit", "/staff/users",
                    "/staff/parameters", "/staff/policy", "/staff/reviews", "/staff/publication"], []),
        ("tuxiang", ["/staff/dashboard", "/staff/cases", "/staff/parameters", "/staff/reviews",
                     "/staff/publication"], ["/staff/audit", "/staff/users"]),
        ("helpline", ["/staff/policy", "/staff/status", "/staff/parameters"],
         ["/staff/cases", "/staff/dashboard", "/staff/audit", "/staff/users", "/staff/reviews",
          "/staff/publication", "/staff/publication/export"]),
    ],
)  # fmt: skip
def test_pages_by_role(client, cases, name, allowed, refused):
    sign_in(client, name)
    for path in allowed:
        assert client.get(path).status_code == 200, path
    for path in refused:
        assert client.get(path).status_code == 403, path
    assert client.get(f"/staff/cases/{cases['tuxiang']}").status_code == (
        200 if name != "helpline" else 403)  # fmt: skip


def test_the_helpline_sees_a_status_without_personal_data(client, cases):
    sign_in(client, "helpline")
    page = client.get("/staff/status", params={"reference": cases["reference"].lower()})
    assert "受理" in page.text and "吐祥镇" in page.text
    assert "张" not in page.text.split("<main>")[1] and "1380" not in page.text


def test_a_page_view_is_audited(client, cases, engine):
    sign_in(client, "tuxiang")
    client.get(f"/staff/cases/{cases['tuxiang']}")
    with Session(engine) as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "view")).one()
    assert event.actor == "tuxiang" and event.case_id == cases["tuxiang"]


def test_logout_ends_the_session(client, cases):
    sign_in(client, "tuxiang")
    cookie = client.cookies.get("fj_session")
    reply = client.post("/staff/logout", data={"csrf_token": token(client)}, follow_redirects=False)
    assert reply.headers["location"] == "/staff/login"
    client.cookies.set("fj_session", cookie, path="/staff")
    assert client.get("/staff/cases", follow_redirects=False).status_code == 303
