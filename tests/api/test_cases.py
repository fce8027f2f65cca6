import pytest
from sqlmodel import Session

from cases import filing
from tests.conftest import login


@pytest.fixture
def two_cases(engine, cipher, staff):
    with Session(engine) as session:
        ids = []
        for name, township, phone in [
            ("张小明", "吐祥镇", "+8613800000001"),
            ("李四", "白帝镇", "+8613900000002"),
        ]:
            case = filing.file_case(
                session,
                cipher=cipher,
                name=name,
                township=township,
                phone=phone,
                facts={"household_size": 3},
                id_number="500236199001011234",
            )
            ids.append(case.id)
        session.commit()
    return ids


def test_listing_needs_a_token(client):
    assert client.get("/api/cases").status_code == 401
    assert client.get("/api/cases", headers={"Authorization": "Bearer nonsense"}).status_code == 401


def test_wrong_password_is_refused(client, staff):
    reply = client.post("/api/token", data={"username": "county", "password": "nope-nope"})
    assert reply.status_code == 401


def test_county_admin_sees_every_township(client, two_cases):
    listing = client.get("/api/cases", headers=login(client, "county")).json()
    assert listing["total"] == 2
    assert {item["township"] for item in listing["items"]} == {"吐祥镇", "白帝镇"}


def test_township_staff_see_only_their_own(client, two_cases):
    headers = login(client, "tuxiang")
    listing = client.get("/api/cases", headers=headers).json()
    assert [item["township"] for item in listing["items"]] == ["吐祥镇"]
    # Deliberate change (issue 12): another township is refused, as on every scoped route.
    other = client.get("/api/cases", params={"township": "白帝镇"}, headers=headers)
    assert other.status_code == 403 and other.json()["detail"][0]["field"] == "township"
    tuxiang_case, baidi_case = two_cases
    assert client.get(f"/api/cases/{tuxiang_case}", headers=headers).status_code == 200
    # Another township's case does not exist as far as this officer can tell.
    assert client.get(f"/api/cases/{baidi_case}", headers=headers).status_code == 404


def test_helpline_cannot_read_personal_data(client, two_cases):
    headers = login(client, "helpline")
    assert client.get("/api/cases", headers=headers).status_code == 403
    assert client.get(f"/api/cases/{two_cases[0]}", headers=headers).status_code == 403


def test_a_case_has_the_contract_fields_and_a_masked_identity_number(client, two_cases):
    case = client.get(f"/api/cases/{two_cases[0]}", headers=login(client, "county")).json()
    assert {
        "reference",
        "status",
        "township",
        "applicant",
        "household",
        "assessment",
        "messages",
    } <= case.keys()
    assert case["applicant"]["id_number_masked"] == "500236********1234"
    assert "500236199001011234" not in str(case)


def test_filters_are_checked(client, two_cases):
    headers = login(client, "county")
    reply = client.get("/api/cases", params={"status": "nonsense"}, headers=headers)
    assert reply.status_code == 422 and "status" in reply.text
    reply = client.get("/api/cases", params={"township": "北京"}, headers=headers)
    assert reply.status_code == 422 and "township" in reply.text
    reply = client.get("/api/cases", params={"limit": 0}, headers=headers)
    assert reply.status_code == 422 and "limit" in reply.text
    assert client.get("/api/cases/999", headers=headers).status_code == 404


def test_phone_filter(client, two_cases):
    headers = login(client, "county")
    listing = client.get("/api/cases", params={"phone": "+8613900000002"}, headers=headers).json()
    assert [item["township"] for item in listing["items"]] == ["白帝镇"]


def test_phone_filter_accepts_local_forms_and_refuses_nonsense(client, two_cases):
    headers = login(client, "county")
    listing = client.get("/api/cases", params={"phone": "139 0000 0002"}, headers=headers).json()
    assert listing["total"] == 1
    reply = client.get("/api/cases", params={"phone": "12"}, headers=headers)
    assert reply.status_code == 422 and "phone" in reply.text
