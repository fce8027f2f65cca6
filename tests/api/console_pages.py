"""The staff pages over HTTP, for the tests: the CSRF token of a form, signing in through
the login form, and the two cases (吐祥镇, 白帝镇) the page tests read."""

import re

from sqlmodel import Session

from tests.console_seed import file_assessed


def two_cases(engine, cipher) -> dict:
    """张小明's case in 吐祥镇 and 李四's in 白帝镇, filed and assessed: their ids, and the
    吐祥镇 case's reference."""
    with Session(engine) as session:
        tuxiang = file_assessed(session, cipher, name="张小明", township="吐祥镇")
        baidi = file_assessed(
            session, cipher, name="李四", township="白帝镇", phone="+8613900000002"
        )
        session.commit()
        return {"tuxiang": tuxiang.id, "baidi": baidi.id, "reference": tuxiang.reference}


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client, name, password=None, next_path=""):
    form = client.get("/staff/login")
    return client.post("/staff/login", data={
        "username": name, "password": password or f"password-{name}",
        "csrf_token": csrf_of(form.text), "next": next_path}, follow_redirects=False)  # fmt: skip


def token(client, path="/staff/parameters"):
    return csrf_of(client.get(path).text)
