"""未处理的短信 (cases.unhandled): the messages the assistant left for staff, each shown to the
township of the case it belongs to (linked, or from the case's number) and to county
staff, numbers without a case included; marking one handled is audited and happens once."""

import pytest
from sqlmodel import select

from cases.models import AuditEvent
from cases.unhandled import AlreadyHandled, count_unhandled, mark_handled, unhandled_messages
from channels.models import Message
from tests.console_seed import seed_unhandled


@pytest.fixture
def seeded(session, cipher):
    ids = seed_unhandled(session, cipher)
    session.commit()
    return ids


def _texts(result) -> list[str]:
    return [item.text for item in result.items]


def test_county_staff_see_every_unhandled_message_newest_first(session, seeded):
    result = unhandled_messages(session, township=None)
    assert _texts(result) == ["测试 2", "测试 1", "快点回我", "身份证 500236********4419",
                              "我屋头的情况变了"]  # fmt: skip
    assert result.total == 5 == count_unhandled(session, township=None)
    no_case = result.items[0]
    assert (no_case.case_id, no_case.township, no_case.phone_masked) == (
        None, None, "+86137****0099")  # fmt: skip


def test_a_township_sees_the_messages_of_its_cases_by_link_or_by_number(session, seeded):
    tuxiang = unhandled_messages(session, township="吐祥镇")
    assert _texts(tuxiang) == ["身份证 500236********4419", "我屋头的情况变了"]
    assert {item.case_id for item in tuxiang.items} == {seeded["tuxiang"]}
    assert [item.status for item in tuxiang.items] == ["failed", "failed"]
    baidi = unhandled_messages(session, township="白帝镇")  # by the applicant's phone
    assert _texts(baidi) == ["快点回我"] and baidi.items[0].reference
    assert unhandled_messages(session, township="草堂镇").items == []


def test_marking_handled_is_audited_once_and_only_in_the_township(session, seeded):
    message_id = seeded["我屋头的情况变了"]
    assert mark_handled(session, message_id=message_id, township="白帝镇", actor="baidi") is None
    marked = mark_handled(session, message_id=message_id, township="吐祥镇", actor="tuxiang")
    assert marked.status == "resolved"
    with pytest.raises(AlreadyHandled):
        mark_handled(session, message_id=message_id, township=None, actor="county")
    session.commit()
    assert "我屋头的情况变了" not in _texts(unhandled_messages(session, township=None))
    [event] = session.exec(select(AuditEvent).where(AuditEvent.action == "message_resolved")).all()
    assert (event.actor, event.case_id, event.detail) == (
        "tuxiang", seeded["tuxiang"], {"message_id": message_id, "was": "failed"})  # fmt: skip


def test_only_messages_left_for_staff_can_be_marked(session, seeded):
    answered = seeded["好的"]
    assert mark_handled(session, message_id=answered, township=None, actor="county") is None
    assert mark_handled(session, message_id=2**64, township=None, actor="county") is None
    assert session.get(Message, answered).status == "answered"
