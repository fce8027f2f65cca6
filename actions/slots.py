"""The application's slots, in one table: which the form asks, in what order, which are kept
encrypted, which are bookkeeping about the conversation rather than facts of the household,
and how the summary the resident confirms shows each fact.

`bot/domain/application.yml` declares the same slots for Rasa, `actions/questions.py` says
when each question is relevant and answered, `actions/wording.yaml` words each question,
and `application_facts.summary` renders the facts; `tests/actions/test_slots.py` checks that
all of them agree with this table. Add a question here first."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    name: str
    asked: bool = False  # a question of the form (`required_slots`, in table order)
    kept: bool = True  # read back from the tracker at every turn (FACT_SLOTS)
    secret: bool = False  # encrypted in Rasa's tracker store
    bookkeeping: bool = False  # about the conversation, not the household
    shown: str | None = None  # what the summary shows for it ("" when asked only to go on)


TABLE: tuple[Slot, ...] = (
    Slot("consent", asked=True, shown=""),
    Slot("applicant_name", asked=True, shown="applicant_name"),
    Slot("id_number", asked=True, secret=True, shown="身份证"),
    Slot("id_readback", asked=True, kept=False, shown=""),  # the phone's read-back
    Slot("proxy_consent", asked=True, shown=""),
    Slot("phone", asked=True, secret=True, shown="电话"),
    Slot("township", asked=True, shown="township"),
    Slot("village", asked=True, shown="village"),
    Slot("household_size", asked=True, shown="口人"),
    Slot("members", asked=True, shown="members"),
    Slot("health", asked=True, shown="残疾"),  # said on each member
    Slot("disability_grade", asked=True, kept=False, shown="级残疾"),  # on the member
    Slot("work", asked=True, shown=""),  # on each member: the rules read it, not the resident
    Slot("school", asked=True, kept=False, shown=""),  # on each member, likewise
    Slot("income", asked=True, shown="年收入"),
    Slot("expenses", asked=True, shown="支出"),
    Slot("assets", asked=True, shown="存款"),
    Slot("status", asked=True, shown="建档立卡"),
    Slot("three_guarantees", asked=True, shown="难"),
    Slot("hardship", asked=True, shown="突发困难"),
    Slot("confirmed", asked=True, shown=""),
    Slot("income_total"),
    Slot("applicant_age"),
    Slot("unknown_facts"),
    Slot("proxy"),
    Slot("id_confirmed"),
    Slot("income_asked"),
    Slot("unclear", bookkeeping=True),
    Slot("asks", bookkeeping=True),
    Slot("medium", bookkeeping=True),
    Slot("income_named", bookkeeping=True),
    Slot("wage_earners", bookkeeping=True),  # whose wages were told, to add another's
    Slot("income_checked", bookkeeping=True),  # the pension asked about once
    Slot("expenses_checked", bookkeeping=True),  # the school costs asked about once
    Slot("asked_around", bookkeeping=True),
    # Kept by the form between turns of one message, cleared with the rest.
    Slot("reask", kept=False, bookkeeping=True),
    Slot("members_said", kept=False, bookkeeping=True),
    Slot("id_number_masked", kept=False),
)

QUESTION_SLOTS = [slot.name for slot in TABLE if slot.asked]
FACT_SLOTS = [slot.name for slot in TABLE if slot.kept]
BOOKKEEPING = {slot.name for slot in TABLE if slot.bookkeeping and slot.kept}
SECRET_SLOTS = tuple(slot.name for slot in TABLE if slot.secret)
# Everything the application sets: cleared when it is filed or started over.
APPLICATION_SLOTS = FACT_SLOTS + [slot.name for slot in TABLE if not slot.kept and not slot.asked]
