"""The channels' background workers' tools: ``StoreThreads`` (store calls off the event loop)
and ``OutboxWorker``, the outbox sender: it claims due messages of the channels that have
credentials, chooses a notice's way (``channels.notices.routing``) and sends through
Twilio's REST API (``channels.twilio_sender``), WeChat's 客服消息
(``channels.wechat.sender``) or the template-SMS carrier (``channels.notices.aliyun``);
without any (development) messages stay queued, shown to staff and in the simulator.
Numbers that opted out (退订) get no SMS. The loops that run them:
``channels.handover.ChannelService``."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy.engine import Engine
from sqlmodel import Session
from twilio.base.exceptions import TwilioException

from channels import outbox
from channels.models import OutboundChannel
from channels.notices import routing
from channels.notices.aliyun import AliyunSms
from channels.notices.carrier import CarrierNotSent, TemplateMessage, TemplateSmsCarrier
from channels.twilio_sender import TwilioSender, permanent
from channels.wechat.sender import WechatNotSent, WechatSender
from core.database import utcnow
from core.security import IdentityCipher
from core.settings import Settings

log = logging.getLogger(__name__)

# A message left `sending` this long by a worker that died is tried again; checked this often.
STALE_SENDING_SECONDS = 600
STALE_CHECK_SECONDS = 60


class StoreThreads:
    """Runs the channels' store calls off the event loop, each in its own session. On
    SQLite one thread: writers take turns instead of colliding on the database lock and
    sleeping in SQLite's busy handler; on PostgreSQL a few."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.workers = 1 if engine.dialect.name == "sqlite" else 8
        self._executor: ThreadPoolExecutor | None = None

    def _call(self, function, kwargs):
        with Session(self.engine) as session:
            return function(session, **kwargs)

    async def run(self, function, /, **kwargs):
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="channel-store")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._call, function, kwargs)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False)
            self._executor = None


class OutboxWorker:
    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        sender: TwilioSender | None = None,
        store: StoreThreads | None = None,
        wechat: WechatSender | None = None,
        carrier: TemplateSmsCarrier | None = None,
    ):
        self.settings = settings
        self.engine = engine
        self.sender = sender or TwilioSender(settings)
        self.wechat = wechat or WechatSender(settings)
        self.carrier = carrier or AliyunSms(settings)
        self.cipher = IdentityCipher(settings.data_key)
        self.store = store or StoreThreads(engine)
        self.wake = asyncio.Event()
        self._stale_checked = float("-inf")

    @property
    def channels(self) -> list[str]:
        """The outbox channels this worker can send (a notice, by any of them)."""
        s, ways = self.settings, []
        if s.twilio_sends:
            ways.append(OutboundChannel.sms.value)
        if s.wechat_sends:
            ways.append(OutboundChannel.wechat.value)
        if s.aliyun_sends:
            ways.append(OutboundChannel.template_sms.value)
        return ways + [OutboundChannel.notice.value] if ways else []

    @property
    def can_send(self) -> bool:
        return bool(self.channels)

    async def db(self, function, /, **kwargs):
        return await self.store.run(function, **kwargs)

    async def run_once(self) -> int:
        """One round: send what is due (numbers that opted out get nothing). Without
        credentials only drop what is queued for numbers that opted out. Returns how many
        messages were tried."""
        if not self.can_send:
            await self.db(outbox.cancel_opted_out)
            return 0
        if time.monotonic() - self._stale_checked > STALE_CHECK_SECONDS:
            await self.db(outbox.requeue_stale, older_than_seconds=STALE_SENDING_SECONDS)
            self._stale_checked = time.monotonic()
        claimed = await self.db(outbox.claim_due, limit=50, channels=self.channels)
        by_number: dict[str, list[outbox.Claimed]] = defaultdict(list)
        for message in claimed:
            by_number[message.to_number].append(message)
        limit = asyncio.Semaphore(8)

        async def send_in_order(messages: list[outbox.Claimed]) -> None:
            async with limit:
                for index, message in enumerate(messages):
                    if not await self._send(message):
                        # Keep the order: the rest wait for this one's retry.
                        rest = [later.id for later in messages[index + 1 :]]
                        await self.db(outbox.unclaim, outbox_ids=rest)
                        return

        await asyncio.gather(*(send_in_order(group) for group in by_number.values()))
        return len(claimed)

    async def _send(self, message: outbox.Claimed) -> bool:
        """Send one claimed message; False if it has to be tried again later."""
        if message.channel != OutboundChannel.sms.value:
            way = await self.db(
                routing.choose, outbox_id=message.id, settings=self.settings, cipher=self.cipher
            )
            if way is None:  # not sent (the reason is on the row) or deferred
                return False
            if way.channel == OutboundChannel.wechat.value:
                return await self._send_wechat(message, way)
            if way.channel == OutboundChannel.template_sms.value:
                return await self._send_template(message, way)
            message = outbox.Claimed(message.id, way.to, way.text, message.attempts, way.channel)
        return await self._send_twilio(message)

    async def _retry(self, message: outbox.Claimed, reason: str) -> bool:
        status = await self.db(
            outbox.mark_retry,
            outbox_id=message.id,
            error=reason,
            attempts=message.attempts,
            max_attempts=self.settings.outbox_max_attempts,
            backoff_seconds=self.settings.outbox_backoff_seconds,
        )
        log.warning("outbox %s not sent (%s), now %s", message.id, reason, status.value)
        return False

    async def _send_wechat(self, message: outbox.Claimed, way: routing.Way) -> bool:
        try:
            await asyncio.to_thread(self.wechat.send_text, openid=way.to, text=way.text)
        except WechatNotSent as error:
            if error.window_shut:
                await self.db(routing.window_shut, outbox_id=message.id, cipher=self.cipher)
                return False
            if error.permanent:
                await self.db(outbox.mark_failed, outbox_id=message.id, error=str(error))
                return True
            return await self._retry(message, str(error))
        await self.db(outbox.mark_sent, outbox_id=message.id, twilio_sid=None)
        return True

    async def _send_template(self, message: outbox.Claimed, way: routing.Way) -> bool:
        sms = TemplateMessage(
            phone=way.to,
            sign_name=self.settings.aliyun_sms_sign_name or "",
            template_code=way.template_code or "",
            params=way.params,
            out_id=str(message.id),
        )
        try:
            biz_id = await asyncio.to_thread(self.carrier.send, sms)
        except CarrierNotSent as error:
            if error.limited:
                until = routing.next_morning(utcnow())
                await self.db(routing.defer, outbox_id=message.id, until=until, reason=str(error))
                return False
            if error.permanent:
                log.error("outbox %s refused by the SMS carrier: %s", message.id, error)
                await self.db(outbox.mark_failed, outbox_id=message.id, error=str(error))
                return True
            return await self._retry(message, str(error))
        await self.db(outbox.mark_sent, outbox_id=message.id, twilio_sid=None, carrier_ref=biz_id)
        return True

    async def _send_twilio(self, message: outbox.Claimed) -> bool:
        if await self.db(outbox.is_opted_out, phone=message.to_number):
            await self.db(outbox.mark_failed, outbox_id=message.id, error=outbox.OPTED_OUT)
            return True
        try:
            sid = await asyncio.to_thread(
                self.sender.send, outbox_id=message.id, to=message.to_number, body=message.body
            )
        except (TwilioException, requests.RequestException) as error:
            reason = f"{type(error).__name__}: {getattr(error, 'msg', '') or error}"
            if permanent(error):
                log.error("outbox %s refused by Twilio: %s", message.id, reason)
                await self.db(outbox.mark_failed, outbox_id=message.id, error=reason)
                return True
            return await self._retry(message, reason)
        await self.db(outbox.mark_sent, outbox_id=message.id, twilio_sid=sid)
        return True
