from sqlmodel import select

from cases import casefile, filing, queue
from cases.models import Applicant, AuditEvent, CaseStatus
from cases.queue import QueueFilters
from channels.models import Message
from channels.wechat import followers


def file(session, cipher, **overrides):
    values = dict(
        cipher=cipher,
        name="张小明",
        township="吐祥镇",
        phone="+8613800000001",
        facts={"household_size": 4, "annual_income": 12000},
    )
    values.update(overrides)
    case = filing.file_case(session, **values)
    session.commit()
    return case


def test_a_filed_case_has_a_readable_reference_and_is_audited(session, cipher):
    case = file(session, cipher)
    assert case.reference.startswith("FJ") and len(case.reference) == 8
    assert not set(case.reference[2:]) & set("01OIL")
    assert case.status == CaseStatus.received
    events = session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id)).all()
    assert [event.action for event in events] == ["filed"]


def test_identity_number_is_stored_encrypted_and_shown_masked(session, cipher):
    case = file(session, cipher, id_number="500236199001011234")
    applicant = session.get(Applicant, case.applicant_id)
    assert "500236199001011234" not in (applicant.id_number_encrypted or "")
    assert cipher.decrypt(applicant.id_number_encrypted) == "500236199001011234"
    assert applicant.id_number_hash == cipher.lookup_hash("500236199001011234")
    public = casefile.get_case(session, case_id=case.id)
    assert public.applicant.id_number_masked == "500236********1234"


def test_transcript_is_kept_oldest_first(session, cipher):
    case = file(session, cipher, transcript=[("in", "你好"), ("out", "您好"), ("in", "申请")])
    public = casefile.get_case(session, case_id=case.id)
    assert [(m.direction, m.text) for m in public.messages] == [
        ("in", "你好"),
        ("out", "您好"),
        ("in", "申请"),
    ]


def test_messages_recorded_by_the_channel_are_linked_not_copied(session, cipher):
    for direction, text in [("in", "申请"), ("out", "请问名字")]:
        session.add(Message(conversation_id="+8613800000009", direction=direction, text=text))
    session.commit()
    case = file(
        session,
        cipher,
        conversation_id="+8613800000009",
        transcript=[("in", "申请"), ("out", "请问名字")],
    )
    public = casefile.get_case(session, case_id=case.id)
    assert [m.text for m in public.messages] == ["申请", "请问名字"]
    assert len(session.exec(select(Message)).all()) == 2


def test_a_wechat_case_takes_the_linked_phones_messages_since_the_link(session, cipher):
    session.add(Message(conversation_id="+8613800000008", direction="in", text="旧的短信"))
    session.commit()
    follower = followers.seen(session, openid="oFengjieFiling000000000000001", cipher=cipher)
    wx = follower.conversation_id
    session.add(Message(conversation_id=wx, direction="in", text="我想申请低保"))
    session.commit()
    followers.link_phone(session, conversation_id=wx, phone="+8613800000008", cipher=cipher)
    session.add(Message(conversation_id="+8613800000008", direction="in", text="吐祥镇"))
    session.commit()
    case = file(session, cipher, conversation_id=wx, channel="sms")
    public = casefile.get_case(session, case_id=case.id)
    assert [m.text for m in public.messages] == ["我想申请低保", "吐祥镇"]


def test_list_masks_names_and_phones_and_filters(session, cipher):
    file(session, cipher)
    file(session, cipher, name="李四", township="白帝镇", phone="+8613900000002")
    listing = queue.search(session, QueueFilters(township="白帝镇"))
    assert listing.total == 1
    assert listing.items[0].applicant_name_masked == "李*"
    assert listing.items[0].phone_masked == "+86139****0002"
    assert queue.search(session, QueueFilters(phone="+8613800000001")).total == 1
    assert queue.search(session, QueueFilters(status=CaseStatus.approved)).total == 0
    newest_first = queue.search(session, QueueFilters()).items
    assert [item.township for item in newest_first] == ["白帝镇", "吐祥镇"]
