"""Issue 13, finding 5: a resident's 转人工 rewrote any case's status — an approved case went
to callback_requested with no transition record and left the 公示 list and the review
schedule. Through the real action server: a call-back request goes through the procedure."""

from __future__ import annotations

import httpx
import pytest
from sqlmodel import Session, select

from cases import filing, procedure
from cases.models import Case, CaseStatus, CaseTransition
from core.security import IdentityCipher
from core.settings import DEV_DATA_KEY
from tests.servers import ACTION_TOKEN, action_server, free_port

S = CaseStatus


@pytest.fixture(scope="module")
def stack(tmp_path_factory, fresh_store):
    workdir = tmp_path_factory.mktemp("handoff")
    database_url, engine = fresh_store(workdir)
    port = free_port()
    server = action_server(port, database_url, workdir / "actions.log")
    server.start(timeout=90)
    yield f"http://127.0.0.1:{port}", engine
    server.stop()


def _case(engine, phone: str, path: list[CaseStatus]) -> int:
    with Session(engine) as session:
        case = filing.file_case(session, cipher=IdentityCipher(DEV_DATA_KEY), name="刘德兵",
                                township="安坪镇", phone=phone, facts={})  # fmt: skip
        for step in path:
            procedure.move(session, case, to=step, actor="tuxiang", klass="B")
        session.commit()
        return case.id


def _handoff(url: str, phone: str) -> None:
    call = {
        "next_action": "action_handoff",
        "sender_id": phone,
        "version": "3.6.21",
        "tracker": {
            "sender_id": phone,
            "slots": {},
            "events": [],
            "paused": False,
            "latest_message": {"text": "转人工", "intent": {"name": "handoff"}},
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },  # fmt: skip
        "domain": {"slots": {}, "responses": {}},
    }
    reply = httpx.post(f"{url}/webhook", json=call, headers={"X-Action-Token": ACTION_TOKEN})
    assert reply.status_code == 200, reply.text


def test_an_approved_case_stays_approved_and_on_its_review_schedule(stack):
    url, engine = stack
    approved = [S.visited, S.appraised, S.publicised, S.approved]
    case_id = _case(engine, "+8613800000011", approved)
    with Session(engine) as session:
        review_on = session.get(Case, case_id).next_review_on
    _handoff(url, "+8613800000011")
    with Session(engine) as session:
        case = session.get(Case, case_id)
        assert case.status == S.approved and case.next_review_on == review_on
        assert case.handoff_requested  # staff still see the request


def test_an_open_case_pauses_with_a_transition_and_resumes_at_its_step(stack):
    url, engine = stack
    case_id = _case(engine, "+8613800000012", [S.visited])
    _handoff(url, "+8613800000012")
    with Session(engine) as session:
        case = session.get(Case, case_id)
        assert case.status == S.callback_requested
        last = session.exec(select(CaseTransition).where(CaseTransition.case_id == case_id)).all()[
            -1
        ]
        assert (last.from_status, last.to_status, last.actor) == (
            S.visited,
            S.callback_requested,
            "resident",
        )
        assert procedure.resume_status(session, case) == S.visited
