"""The simulated residents of the SMS load test (``bench/sms_load.py``): one holds a whole
低保 application through POST /twilio/sms, the other the same conversation straight through
Rasa's REST channel; their reply latencies, and the figures made of them."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import httpx

from channels import wording
from core.settings import Settings
from tests.e2e.resident_script import answer_for
from tests.twilio_fakes import FakeTwilio, signed, sms_params

FIRST = "我想申请低保"


@dataclass
class Stats:
    live: list[float] = field(default_factory=list)  # answered in the webhook's TwiML
    late: list[float] = field(default_factory=list)  # answered later by SMS (outbox)
    sent: int = 0
    filed: int = 0
    resent: int = 0  # webhooks repeated after a 5xx or a dropped connection
    notices: int = 0
    sids: dict[str, list[str]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    @property
    def all(self) -> list[float]:
        return self.live + self.late


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(values: list[float], seconds: float) -> dict:
    return {
        "messages": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "mean": statistics.fmean(values) if values else float("nan"),
        "messages_per_s": len(values) / seconds if seconds else float("nan"),
        "seconds": seconds,
    }


async def wait_by_sms(twilio: FakeTwilio, phone: str, seen: int, timeout: float) -> list[str]:
    """The assistant's reply when it comes by SMS (the outbox) rather than in TwiML."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = [body for body in twilio.bodies(phone)[seen:] if body != wording.OUTAGE_NOTICE]
        if new and answer_for(new) is not None:
            await asyncio.sleep(0.3)  # the other segments of the same reply
            return [b for b in twilio.bodies(phone)[seen:] if b != wording.OUTAGE_NOTICE]
        await asyncio.sleep(0.05)
    raise TimeoutError(f"no reply by SMS for …{phone[-4:]}")


def pauses(seed: int, think: float):
    """The resident's pauses: first a random start within one pause, then pauses of
    0.5–1.5 × `think` (seeded, so both paths see the same timings)."""
    rng = random.Random(seed)
    yield rng.uniform(0, think)
    while True:
        yield rng.uniform(0.5, 1.5) * think


async def channel_resident(
    client: httpx.AsyncClient,
    settings: Settings,
    twilio: FakeTwilio,
    phone: str,
    stats: Stats,
    think: float,
    seed: int = 0,
    retries: int = 0,
) -> None:
    """`retries`: a webhook answered 5xx or cut is sent again with the same MessageSid, as
    Twilio does with a connection override (`#rc=`)."""
    text, sids = FIRST, stats.sids.setdefault(phone, [])
    pause = pauses(seed, think)
    if think:
        await asyncio.sleep(next(pause))
    for _turn in range(40):
        params = sms_params(phone, text)
        sids.append(params["MessageSid"])
        seen = len(twilio.bodies(phone))
        started = time.perf_counter()
        stats.sent += 1
        response = await post_webhook(client, settings, params, retries, stats)
        replies = [m.text for m in ET.fromstring(response.text).findall("Message")]
        if replies:
            stats.live.append(time.perf_counter() - started)
        else:
            replies = await wait_by_sms(twilio, phone, seen, timeout=300)
            stats.late.append(time.perf_counter() - started)
        answer = answer_for(replies)
        if answer == "":
            stats.filed += 1
            return
        if answer is None:
            stats.failures.append(f"…{phone[-4:]}: unexpected {replies}")
            return
        text = answer
        if think:
            await asyncio.sleep(next(pause))
    stats.failures.append(f"…{phone[-4:]}: no case after 40 messages")


async def post_webhook(
    client: httpx.AsyncClient, settings: Settings, params: dict, retries: int, stats: Stats
) -> httpx.Response:
    headers = signed(settings, "/twilio/sms", params)
    for attempt in range(retries + 1):
        last = attempt == retries
        try:
            response = await client.post("/twilio/sms", data=params, headers=headers)
        except httpx.TransportError:
            if last:
                raise
        else:
            if response.status_code < 500 or last:
                response.raise_for_status()
                return response
        stats.resent += 1
        await asyncio.sleep(1)
    raise AssertionError("unreachable")


async def direct_resident(
    client: httpx.AsyncClient,
    rasa_url: str,
    sender: str,
    stats: Stats,
    think: float,
    seed: int = 0,
) -> None:
    text = FIRST
    pause = pauses(seed, think)
    if think:
        await asyncio.sleep(next(pause))
    for _turn in range(40):
        started = time.perf_counter()
        stats.sent += 1
        response = await client.post(
            f"{rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}
        )
        response.raise_for_status()
        replies = [m.get("text") or "" for m in response.json()]
        stats.live.append(time.perf_counter() - started)
        answer = answer_for(replies)
        if answer == "":
            stats.filed += 1
            return
        if answer is None:
            stats.failures.append(f"{sender}: unexpected {replies}")
            return
        text = answer
        if think:
            await asyncio.sleep(next(pause))
    stats.failures.append(f"{sender}: no case after 40 messages")
