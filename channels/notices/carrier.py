"""A template-SMS carrier (短信服务商) as the outbox sees it: send a filled template to one
mainland number and get the carrier's id for the delivery receipt, or a refusal that says
whether to try again, later, or never. `channels.notices.aliyun` is the first carrier."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class CarrierNotSent(Exception):
    """The carrier did not take the message. `permanent`: never will (a bad number, a
    template it refuses); `limited`: its flow control for this number — try tomorrow."""

    def __init__(self, reason: str, *, permanent: bool = False, limited: bool = False):
        super().__init__(reason)
        self.permanent, self.limited = permanent, limited


@dataclass(frozen=True)
class TemplateMessage:
    phone: str  # E.164, +86…
    sign_name: str
    template_code: str
    params: dict[str, str]
    out_id: str  # ours (the outbox row), echoed in the delivery receipt


class TemplateSmsCarrier(Protocol):
    def send(self, message: TemplateMessage) -> str:
        """The carrier's id of the message (its BizId); raises CarrierNotSent."""
        ...


def mainland_number(phone: str) -> str | None:
    """+8613812345678 → 13812345678, the form domestic carriers take; None for a number
    outside mainland China (domestic SMS cannot reach it)."""
    if phone.startswith("+861") and len(phone) == 14 and phone[1:].isdigit():
        return phone[3:]
    return None
