"""The channels' engine room: hands each phone number's pending messages to the assistant in
order, wakes the webhook that waits for a reply, replays what waited while the assistant
was down, and runs the outbox sender. One per app (`app.state.channels`)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session

from channels import answers, inbox, leases, wording
from channels.rasa import BotRefused, BotUnavailable, RasaClient
from channels.wechat.followers import continued_conversation
from channels.workers import OutboxWorker, StoreThreads
from core.security import IdentityCipher
from core.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")

FAILED = "failed"  # a waiter's outcome when the assistant is unavailable
TIMEOUT = "timeout"


class ChannelService:
    def __init__(self, settings: Settings, engine: Engine, *, rasa: RasaClient | None = None):
        self.settings = settings
        self.engine = engine
        self.rasa = rasa or RasaClient(settings)
        self.cipher = IdentityCipher(settings.data_key)
        self.store = StoreThreads(engine)
        self.outbox = OutboxWorker(settings, engine, store=self.store)
        self._drains: dict[str, asyncio.Task] = {}
        self._again: set[str] = set()
        # A message's waiting webhooks (WeChat may retry a request that still waits).
        self._waiters: dict[int, list[tuple[str, asyncio.Future]]] = {}
        self._tasks: list[asyncio.Task] = []
        self._stopping = asyncio.Event()
        self.lease_seconds = settings.rasa_timeout + 30
        self.live_seconds = {
            inbox.ReplyVia.twiml.value: settings.sms_reply_deadline + 2,
            inbox.ReplyVia.voice.value: 3 * settings.voice_reply_deadline + 10,
            inbox.ReplyVia.wechat.value: settings.wechat_reply_deadline + 0.5,
        }

    # -- store calls run in threads, each in its own session -------------------------------

    async def db(self, function: Callable[..., T], /, **kwargs: Any) -> T:
        return await self.store.run(function, **kwargs)

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self, *, workers: bool = True) -> None:
        self._stopping = asyncio.Event()
        self.outbox.wake = asyncio.Event()
        if workers:
            self._tasks = [
                asyncio.create_task(self._every(self.settings.replay_interval, self.replay_once)),
                asyncio.create_task(
                    self._every(
                        self.settings.outbox_interval, self.outbox.run_once, self.outbox.wake
                    )
                ),
            ]

    async def stop(self) -> None:
        self._stopping.set()
        tasks = self._tasks + list(self._drains.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks, self._drains = [], {}
        await self.rasa.aclose()
        self.store.close()

    async def _every(
        self, seconds: float, step: Callable[[], Any], wake: asyncio.Event | None = None
    ) -> None:
        """Run `step` every `seconds`, or sooner when `wake` is set, until stopped."""
        while not self._stopping.is_set():
            try:
                await step()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - a worker keeps going; the next round retries
                log.exception("channel worker step %s failed", getattr(step, "__name__", step))
            events = [self._stopping] + ([wake] if wake else [])
            waits = [asyncio.create_task(event.wait()) for event in events]
            try:
                await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in waits:
                    task.cancel()
            if wake:
                wake.clear()

    # -- a webhook waits for the assistant ----------------------------------------------

    async def wait_for_reply(self, *, message_id: int, phone: str, deadline: float) -> Any:
        """Hand the phone's pending messages to the assistant and wait for this one's live
        replies: a list of texts, or FAILED (assistant unavailable), or TIMEOUT."""
        future = asyncio.get_running_loop().create_future()
        waiter = (phone, future)
        self._waiters.setdefault(message_id, []).append(waiter)
        try:
            self.submit(phone)
            return await asyncio.wait_for(asyncio.shield(future), deadline)
        except asyncio.TimeoutError:
            return TIMEOUT
        finally:
            waiters = self._waiters.get(message_id, [])
            if waiter in waiters:
                waiters.remove(waiter)
            if not waiters:
                self._waiters.pop(message_id, None)

    def _wake(self, message_id: int, outcome: Any) -> None:
        for _phone, future in self._waiters.get(message_id, []):
            if not future.done():
                future.set_result(outcome)

    def _fail_waiters(self, phone: str) -> None:
        for message_id, waiters in list(self._waiters.items()):
            if any(owner == phone for owner, _future in waiters):
                self._wake(message_id, FAILED)

    # -- handing messages to the assistant, in order per phone -------------------------

    def submit(self, phone: str) -> asyncio.Task:
        """Make sure this phone's pending messages are being handed over (one task per
        number in this process; the store's lease covers other processes)."""
        task = self._drains.get(phone)
        if task is not None and not task.done():
            self._again.add(phone)
            return task
        task = asyncio.create_task(self._drain(phone))
        self._drains[phone] = task
        return task

    async def _drain(self, phone: str) -> None:
        owner = uuid.uuid4().hex
        try:
            while True:
                self._again.discard(phone)
                if not await self._hand_over_all(phone, owner):
                    self._fail_waiters(phone)
                if phone not in self._again:
                    break
        except Exception:  # noqa: BLE001 - the messages stay pending; the replay retries
            log.exception("handing over the messages of …%s failed", phone[-4:])
            self._fail_waiters(phone)
        finally:
            if self._drains.get(phone) is asyncio.current_task():
                del self._drains[phone]

    async def _hand_over_all(self, phone: str, owner: str) -> bool:
        """Every pending message of the phone, oldest first, under the number's lease; False
        if the assistant is down. (The action server's health is asked while the next
        message is claimed.)"""
        held = True
        try:
            while True:
                taken, action_server_up = await asyncio.gather(
                    self.db(
                        _take_next,
                        phone=phone,
                        owner=owner,
                        seconds=self.lease_seconds,
                        cipher=self.cipher,
                    ),
                    self.rasa.action_server_up(),
                )
                if taken is None:  # nothing left (lease released), or another worker's turn
                    held = False
                    return True
                more = await self._hand_over(*taken, action_server_up=action_server_up, owner=owner)
                if more is None:
                    return False
                if not more:  # the answer's transaction released the lease
                    held = False
                    return True
        finally:
            if held:
                await self.db(leases.release_lease, phone=phone, owner=owner)

    async def _hand_over(
        self,
        message: inbox.Inbound,
        choices: list[str] | None,
        sender: str,
        *,
        action_server_up: bool,
        owner: str,
    ) -> bool | None:
        """Hand one message over (to the assistant's conversation `sender`) and record the
        answer. None if the assistant is down, else whether more of the number's messages
        are pending."""
        try:
            if not action_server_up:
                raise BotUnavailable("action server down", maybe_taken=False)
            replies = None
            if message.attempts > 0:
                # A try before failed, maybe after Rasa took the message: never twice.
                replies = await self.rasa.replies_in_tracker(
                    sender=sender, message_id=message.external_id
                )
            if replies is None:
                words = message.words(self.cipher)
                text = wording.choice_payload(words, choices) or words
                replies = await self.rasa.send(
                    sender=sender,
                    text=text,
                    channel=message.channel,
                    message_id=message.external_id,
                )
        except BotUnavailable as error:
            log.warning("assistant unavailable for …%s: %s", message.phone[-4:], error)
            if error.maybe_taken and message.attempts + 1 >= self.settings.max_message_tries:
                # Rasa took it and never answered, again and again: the message, not an
                # outage. Kept for staff as failed; the number's next message goes on.
                log.error("message %s failed after %d tries", message.id, message.attempts + 1)
                await self.db(inbox.mark_failed, message_id=message.id)
                self._wake(message.id, [])
                return True
            return None
        except BotRefused as error:
            log.error("assistant refused message %s: %s", message.id, error)
            await self.db(inbox.mark_failed, message_id=message.id)
            self._wake(message.id, [])
            return True
        answer = await self.db(
            answers.record_answer,
            message_id=message.id,
            replies=replies,
            live_seconds=self.live_seconds,
            lease_owner=owner,
        )
        if answer.live is None:
            self.outbox.wake.set()
        self._wake(message.id, answer.live if answer.live is not None else TIMEOUT)
        return answer.more

    # -- replay -----------------------------------------------------------------------

    async def replay_once(self) -> int:
        """Hand over what waited while the assistant was down: numbers in parallel (a few at
        a time), each number's messages in order. With several Rasa servers, only the
        numbers whose conversation's server is up: the others wait, not spending their tries.
        Returns how many numbers were tried."""
        phones = await self.db(inbox.phones_with_pending)
        if not phones:
            return 0
        up, action_server_up = await asyncio.gather(
            self.rasa.servers_up(), self.rasa.action_server_up()
        )
        if not up or not action_server_up:
            return 0
        if len(up) < len(self.settings.rasa_servers):
            senders = await self.db(_senders, phones=phones, cipher=self.cipher)
            phones = [phone for phone in phones if self.rasa.url_for(senders[phone]) in up]
        limit = asyncio.Semaphore(8)

        async def one(phone: str) -> None:
            async with limit:
                await self.submit(phone)

        await asyncio.gather(*(one(phone) for phone in phones), return_exceptions=True)
        return len(phones)

    async def give_up(self, *, message_id: int, notice: str | None) -> list[str]:
        """Stop waiting for a live reply (see `answers.give_up_waiting`)."""
        texts = await self.db(answers.give_up_waiting, message_id=message_id, notice=notice)
        self.outbox.wake.set()
        return texts


def _take_next(
    session: Session, *, phone: str, owner: str, seconds: float, cipher: IdentityCipher
) -> tuple[inbox.Inbound, list[str] | None, str] | None:
    """`leases.take_next`, with the assistant's conversation the message goes on in, read
    in the same trip to the store (one fewer per message: the SMS channel's overhead)."""
    taken = leases.take_next(session, phone=phone, owner=owner, seconds=seconds)
    if taken is None:
        return None
    message, choices = taken
    return message, choices, continued_conversation(session, conversation_id=phone, cipher=cipher)


def _senders(session: Session, *, phones: list[str], cipher: IdentityCipher) -> dict[str, str]:
    """The assistant's conversation (Rasa's sender) of each number."""
    return {
        phone: continued_conversation(session, conversation_id=phone, cipher=cipher)
        for phone in phones
    }
