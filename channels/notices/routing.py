"""The way a message to a resident goes, chosen when it is sent and kept on its outbox row
(`OutboundMessage.channel`):

- the assistant's replies go the way the resident wrote: SMS by Twilio, WeChat by 客服消息
  while the follower's window is open — past it, the follower's phone gets the template
  SMS `wechat_reply_waiting` (once a day) where one is configured;
- a notice goes by WeChat while the resident's window is open (the follower of the case's
  conversation, or linked to the phone), else by template SMS (an approved template, the
  signature and the length checked, the carrier's daily limit per number kept), else by
  Twilio where configured; with no way it is not sent, and staff see why on the row.

Each function commits its own short transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import func, select, update
from sqlmodel import Session, col

from channels.models import ChannelContact, OutboundChannel, OutboundMessage, OutboxStatus
from channels.notices.carrier import mainland_number
from channels.notices.store import approved_template, enqueue_notice
from channels.notices.templates import NoticeKind, NoticeProblem, check, template_params
from channels.records import is_wechat
from channels.wechat import followers
from core.database import utcnow
from core.security import IdentityCipher
from core.settings import Settings

CHINA = timezone(timedelta(hours=8))
MORNING = time(8, 0)  # a notice held back by the daily limit goes the next morning
WINDOW_SHUT = "wechat window shut"


@dataclass(frozen=True)
class Way:
    channel: str  # OutboundChannel: sms, wechat or template_sms
    to: str  # the phone (E.164), or the follower's OpenID
    text: str
    template_code: str | None = None
    params: dict[str, str] = field(default_factory=dict)


def _row(session: Session, outbox_id: int) -> OutboundMessage | None:
    row = session.get(OutboundMessage, outbox_id)
    return row if row is not None and row.status == OutboxStatus.sending else None


def _opted_out(session: Session, phone: str) -> bool:
    contact = session.get(ChannelContact, phone)
    return bool(contact and contact.opted_out)


def next_morning(now: datetime) -> datetime:
    """08:00 tomorrow, Beijing time."""
    tomorrow = now.astimezone(CHINA).date() + timedelta(days=1)
    return datetime.combine(tomorrow, MORNING, tzinfo=CHINA).astimezone(timezone.utc)


def sent_today(session: Session, *, phone: str, now: datetime) -> int:
    """Template SMS that went to `phone` since midnight, Beijing time."""
    midnight = datetime.combine(now.astimezone(CHINA).date(), time(0), tzinfo=CHINA)
    return session.execute(
        select(func.count())
        .select_from(OutboundMessage)
        .where(
            OutboundMessage.to_number == phone,
            OutboundMessage.channel == OutboundChannel.template_sms.value,
            col(OutboundMessage.status).in_(
                [OutboxStatus.sent, OutboxStatus.delivered, OutboxStatus.undelivered]
            ),
            OutboundMessage.updated_at >= midnight,
        )
    ).scalar_one()


def _record(session: Session, row: OutboundMessage, way: Way) -> Way:
    row.channel, row.template_code = way.channel, way.template_code
    session.add(row)
    session.commit()
    return way


def _not_sent(session: Session, row: OutboundMessage, reason: str) -> None:
    row.status, row.error, row.updated_at = OutboxStatus.failed, reason[:500], utcnow()
    session.add(row)
    session.commit()


def defer(session: Session, *, outbox_id: int, until: datetime, reason: str) -> None:
    """Not now (the carrier's limit for the number): queued again for `until`, untried."""
    session.execute(
        update(OutboundMessage)
        .where(col(OutboundMessage.id) == outbox_id)
        .values(
            status=OutboxStatus.queued,
            next_attempt_at=until,
            error=reason[:500],
            attempts=OutboundMessage.attempts - 1,
            updated_at=utcnow(),
        )  # fmt: skip
    )
    session.commit()


def choose(
    session: Session, *, outbox_id: int, settings: Settings, cipher: IdentityCipher
) -> Way | None:
    """The way a claimed row goes now, recorded on it; None when it goes no way now (then
    the row is failed with the reason, or deferred)."""
    row = _row(session, outbox_id)
    if row is None:
        return None
    now = utcnow()
    if row.channel == OutboundChannel.sms.value:
        return Way(OutboundChannel.sms.value, row.to_number, row.body)
    if row.channel == OutboundChannel.wechat.value:
        follower = followers.by_conversation(session, conversation_id=row.to_number)
        if follower is not None and followers.window_open(
            session, follower, hours=settings.wechat_window_hours, now=now
        ):
            return Way(row.channel, followers.openid_of(follower, cipher), row.body)
        _reply_waits(session, row, follower, cipher=cipher)
        return None
    way, reasons = _notice_way(session, row, settings=settings, cipher=cipher, now=now)
    if way is None:
        _not_sent(session, row, "; ".join(reasons) or "no channel configured")
        return None
    if way.channel == OutboundChannel.template_sms.value:
        if sent_today(session, phone=row.to_number, now=now) >= settings.sms_daily_limit:
            row.channel = way.channel
            session.add(row)
            session.commit()
            defer(session, outbox_id=row.id, until=next_morning(now),
                  reason=f"daily limit of {settings.sms_daily_limit} SMS to the number")  # fmt: skip
            return None
    if way.channel == OutboundChannel.wechat.value:
        row.conversation_id = _follower_of(session, row, cipher).conversation_id
    return _record(session, row, way)


def _follower_of(session: Session, row: OutboundMessage, cipher: IdentityCipher):
    if is_wechat(row.conversation_id or ""):
        found = followers.by_conversation(session, conversation_id=row.conversation_id)
        if found is not None:
            return found
    if row.to_number.startswith("+"):
        return followers.by_phone(session, phone=row.to_number, cipher=cipher)
    return None


def _notice_way(
    session: Session, row: OutboundMessage, *, settings: Settings, cipher: IdentityCipher,
    now: datetime,
) -> tuple[Way | None, list[str]]:  # fmt: skip
    """WeChat in the window, else template SMS, else Twilio; or why none."""
    reasons: list[str] = []
    follower = _follower_of(session, row, cipher)
    if settings.wechat_sends and follower is not None:
        if followers.window_open(session, follower, hours=settings.wechat_window_hours, now=now):
            return Way(OutboundChannel.wechat.value, followers.openid_of(follower, cipher),
                       row.body), reasons  # fmt: skip
        reasons.append("WeChat: outside the 48-hour window")
    phone = row.to_number if row.to_number.startswith("+") else None
    if phone and _opted_out(session, phone):
        return None, [*reasons, "SMS: opted out (退订)"]
    if settings.aliyun_sends and phone:
        way = _template_way(session, row, phone, settings, reasons)
        if way is not None:
            return way, reasons
    if settings.twilio_sends and phone:
        return Way(OutboundChannel.sms.value, phone, row.body), reasons
    if not phone:
        reasons.append("no phone number")
    return None, reasons


def _template_way(
    session: Session, row: OutboundMessage, phone: str, settings: Settings, reasons: list[str]
) -> Way | None:
    template = approved_template(session, kind=row.notice_kind or "")
    if template is None:
        reasons.append(f"template SMS: no approved template for {row.notice_kind}")
        return None
    if mainland_number(phone) is None:
        reasons.append("template SMS: not a mainland mobile number")
        return None
    params = dict(row.template_params or {})
    try:
        filled = check(template.text, params, sign_name=settings.aliyun_sms_sign_name or "")
    except NoticeProblem as problem:
        reasons.append(f"template SMS: {problem}")
        return None
    return Way(OutboundChannel.template_sms.value, phone, filled.text, template.code,
               template_params(template.text, params))  # fmt: skip


def _reply_waits(session: Session, row: OutboundMessage, follower, *, cipher) -> None:
    """A reply past the follower's window: not sent; their phone, if linked, is told by
    template SMS that a reply waits (once a day)."""
    _not_sent(session, row, WINDOW_SHUT)
    phone = followers.phone_of(follower, cipher) if follower is not None else None
    if phone is None:
        return
    since = utcnow() - timedelta(days=1)
    told = session.execute(
        select(OutboundMessage.id).where(
            OutboundMessage.to_number == phone,
            OutboundMessage.notice_kind == NoticeKind.wechat_reply_waiting,
            OutboundMessage.created_at >= since,
        )
    ).first()
    if told is None:
        enqueue_notice(session, kind=NoticeKind.wechat_reply_waiting, to=phone, params={},
                       case_id=row.case_id, conversation_id=row.conversation_id)  # fmt: skip
        session.commit()


def window_shut(session: Session, *, outbox_id: int, cipher: IdentityCipher) -> None:
    """WeChat said the window is shut (45015, 45047): the follower's window is closed until
    they write again; a notice is chosen a way again, a reply waits (`_reply_waits`)."""
    row = session.get(OutboundMessage, outbox_id)
    if row is None:
        return
    follower = followers.by_conversation(session, conversation_id=row.conversation_id or "")
    if follower is not None:
        followers.close_window(session, follower_id=follower.id)
    if row.notice_kind:
        row.channel, row.status = OutboundChannel.notice.value, OutboxStatus.queued
        row.attempts, row.error = max(row.attempts - 1, 0), WINDOW_SHUT
        session.add(row)
        session.commit()
        return
    _reply_waits(session, row, follower, cipher=cipher)
