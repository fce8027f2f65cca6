"""One township-scoping answer on every scoped route (cases.access.township_scope): a
township officer who asks for another township gets 403 naming the field `township`;
leaving it out means their own township; county staff see every township or the one they
ask for; a name that is not a township of Fengjie is 422 naming `township`."""

import pytest
from sqlmodel import Session

from tests.api.console_pages import sign_in
from tests.conftest import login
from tests.console_seed import file_assessed

ROUTES = ["/api/cases", "/api/dashboard", "/api/reviews/due", "/api/publication"]
PAGES = ["/staff/cases", "/staff/dashboard", "/staff/reviews", "/staff/publication",
         "/staff/publication/export"]  # fmt: skip


@pytest.fixture
def two_townships(engine, cipher, staff):
    with Session(engine) as session:
        for name, township in (("张小明", "吐祥镇"), ("李四", "白帝镇")):
            file_assessed(session, cipher, name=name, township=township)
        session.commit()


@pytest.mark.parametrize("route", ROUTES)
def test_another_township_is_403_naming_the_field(client, two_townships, route):
    reply = client.get(route, params={"township": "白帝镇"}, headers=login(client, "tuxiang"))
    assert reply.status_code == 403
    [problem] = reply.json()["detail"]
    assert problem["field"] == "township" and problem["loc"] == ["query", "township"]
    assert problem["message"]


@pytest.mark.parametrize("route", ROUTES)
def test_own_township_named_or_left_out_is_the_same(client, two_townships, route):
    headers = login(client, "tuxiang")
    named = client.get(route, params={"township": "吐祥镇"}, headers=headers)
    left_out = client.get(route, headers=headers)
    assert named.status_code == left_out.status_code == 200
    assert named.json() == left_out.json()


@pytest.mark.parametrize("route", ROUTES)
def test_not_a_township_is_422_naming_the_field(client, two_townships, route):
    for name in ("tuxiang", "county"):
        reply = client.get(route, params={"township": "北京"}, headers=login(client, name))
        assert reply.status_code == 422
        assert reply.json()["detail"][0]["field"] == "township"


def test_county_staff_see_every_township_or_the_one_asked(client, two_townships):
    headers = login(client, "county")
    every = client.get("/api/cases", headers=headers).json()
    assert {item["township"] for item in every["items"]} == {"吐祥镇", "白帝镇"}
    one = client.get("/api/cases", params={"township": "白帝镇"}, headers=headers).json()
    assert {item["township"] for item in one["items"]} == {"白帝镇"}
    dashboard = client.get("/api/dashboard", params={"township": "白帝镇"}, headers=headers)
    assert dashboard.json()["township"] == "白帝镇" and dashboard.json()["total"] == 1


@pytest.mark.parametrize("path", PAGES)
def test_pages_give_the_same_answer(client, two_townships, path):
    sign_in(client, "tuxiang")
    assert client.get(path, params={"township": "白帝镇"}).status_code == 403
    assert client.get(path, params={"township": "吐祥镇"}).status_code == 200
