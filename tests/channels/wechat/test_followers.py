"""WeChat followers (channels.wechat.followers): the OpenID only encrypted and hashed, a
pseudonym without digits, the 48-hour window and its five 客服消息, the linked phone."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from channels.models import OutboundMessage, OutboxStatus
from channels.wechat import followers
from core.database import utcnow

OPENID = "oFengjie0000000000000000007x"


def test_a_follower_is_a_pseudonym_and_an_encrypted_openid(engine, cipher):
    with Session(engine) as session:
        first = followers.seen(session, openid=OPENID, cipher=cipher)
        again = followers.seen(session, openid=OPENID, cipher=cipher)
        other = followers.seen(session, openid=OPENID.upper(), cipher=cipher)  # case counts
        row = followers.by_conversation(session, conversation_id=first.conversation_id)
    assert first.id == again.id != other.id
    assert first.conversation_id.startswith("wx-") and not any(
        c.isdigit() for c in first.conversation_id[3:]
    )
    assert followers.openid_of(row, cipher) == OPENID and OPENID not in row.openid_encrypted


def test_the_window_closes_after_48_hours_or_five_messages(engine, cipher):
    with Session(engine) as session:
        follower = followers.seen(session, openid=OPENID, cipher=cipher)
        row = followers.by_conversation(session, conversation_id=follower.conversation_id)
        assert followers.window_open(session, row, hours=48)
        assert not followers.window_open(session, row, hours=48, now=utcnow() + timedelta(hours=49))
        for _ in range(5):
            session.add(OutboundMessage(to_number=follower.conversation_id, body="x", channel="wechat",
                                        conversation_id=follower.conversation_id,
                                        status=OutboxStatus.sent))  # fmt: skip
        session.commit()
        assert not followers.window_open(session, row, hours=48)
        followers.seen(session, openid=OPENID, cipher=cipher)  # the resident writes again
        row = followers.by_conversation(session, conversation_id=follower.conversation_id)
        assert followers.window_open(session, row, hours=48, now=utcnow() + timedelta(seconds=1))


def test_a_phone_links_the_follower(engine, cipher):
    with Session(engine) as session:
        follower = followers.seen(session, openid=OPENID, cipher=cipher)
        assert followers.link_phone(session, conversation_id=follower.conversation_id,
                                    phone="+8613800000001", cipher=cipher)  # fmt: skip
        assert not followers.link_phone(session, conversation_id=follower.conversation_id,
                                        phone="+8613800000001", cipher=cipher)  # fmt: skip
        found = followers.by_phone(session, phone="+8613800000001", cipher=cipher)
    assert found.conversation_id == follower.conversation_id
    assert followers.phone_of(found, cipher) == "+8613800000001"


def test_a_linked_phone_continues_the_followers_conversation(engine, cipher):
    with Session(engine) as session:
        follower = followers.seen(session, openid=OPENID, cipher=cipher)
        wx = follower.conversation_id
        assert followers.linked_since(session, conversation_id=wx, cipher=cipher) is None
        followers.link_phone(session, conversation_id=wx, phone="+8613800000001", cipher=cipher)
        go_on = followers.continued_conversation
        assert go_on(session, conversation_id="+8613800000001", cipher=cipher) == wx
        assert go_on(session, conversation_id="+8613800000002", cipher=cipher) == "+8613800000002"
        assert go_on(session, conversation_id=wx, cipher=cipher) == wx
        phone, since = followers.linked_since(session, conversation_id=wx, cipher=cipher)
    assert phone == "+8613800000001" and since <= utcnow()
