"""短信模板 (/staff/notices): every staff member sees the templates; county staff record the
carrier's code and approval, checked and audited."""

from __future__ import annotations

from sqlmodel import Session, select

from cases.models import AuditEvent
from channels.models import NoticeTemplate
from tests.api.console_pages import sign_in, token


def test_staff_see_the_templates_and_county_staff_approve_them(client, staff, engine):
    sign_in(client, "tuxiang")
    page = client.get("/staff/notices")
    assert page.status_code == 200 and "受理通知" in page.text and "未报备" in page.text
    form = {"code": "SMS_1", "state": "approved", "csrf_token": token(client, "/staff/notices")}
    assert client.post("/staff/notices/filed", data=form).status_code == 403
    sign_in(client, "county")
    form = {"code": "", "state": "approved", "csrf_token": token(client, "/staff/notices")}
    answer = client.post("/staff/notices/filed", data=form, follow_redirects=False)
    assert "error=" in answer.headers["location"]
    form["code"] = "SMS_465000001"
    client.post("/staff/notices/filed", data=form)
    with Session(engine) as session:
        row = session.get(NoticeTemplate, "filed")
        assert (row.code, row.state, row.updated_by) == ("SMS_465000001", "approved", "county")
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "template_updated")).one()
    assert "已通过" in client.get("/staff/notices").text
