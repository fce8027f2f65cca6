"""The application's questions (`action_ask_<slot>`), worded for SMS or for the phone from
`wording.yaml`. The form asks them; which variant is said depends on why the question comes
again (`reask`), on how many times it was asked (`asks`: the second asking offers 转人工),
and on what is still missing (the members question names the people whose age is needed).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from rasa_sdk import Action
from rasa_sdk.events import SlotSet

from actions import questions
from actions.application import secret
from actions.application_facts import EXPENSE_WORDS, INCOME_WORDS, money_words
from actions.reading.people import proxy
from actions.slots import FACT_SLOTS

WORDING = Path(__file__).with_name("wording.yaml")
SPOKEN_DIGITS = dict(zip("0123456789X", "零幺二三四五六七八九叉", strict=True))


@lru_cache(maxsize=1)
def wording() -> dict:
    return yaml.safe_load(WORDING.read_text(encoding="utf-8"))


def _names(members: list[dict]) -> str:
    """ "老妈、两个娃儿": the people meant, each word once with its count."""
    labels = [member["label"] for member in members]
    return "、".join(
        f"{'两' if labels.count(label) == 2 else labels.count(label)}个{label}"
        if labels.count(label) > 1
        else label
        for label in dict.fromkeys(labels)
    )


def _members_variant(slots: dict) -> tuple[str, dict]:
    members = slots.get("members") or []
    ranged = [m for m in members if m["age"] is None and m.get("age_range")]
    if ranged:
        from actions.reading.people.ages import Age

        line = Age(*ranged[0]["age_range"]).crossed_line
        return "line", {"who": _names(ranged), "line": line}
    missing = [m for m in members if m["age"] is None]
    if missing:
        return "ages", {"who": _names(missing)}
    return "more", {"known": _names(members) or "0个"}


def id_spoken(number: str | None, voice: bool) -> str:
    """ "500236 19900101 1235", each digit said alone on the phone (幺 for 1)."""
    if not number:
        return ""
    groups = [number[:6], number[6:14], number[14:]]
    if not voice:
        return " ".join(groups)
    return "，".join(" ".join(SPOKEN_DIGITS[d] for d in group) for group in groups)


def _you(who: str) -> str:
    """The resident, named in a question put to them: 您, not "我"."""
    return "您" if who in ("我", "本人", "自己") else who


def question(slot: str, slots: dict, *, voice: bool, id_number: str | None = None) -> str:
    """The text of the question for `slot`, as it should be asked now."""
    table = wording()["questions"][slot]
    reask = slots.get("reask")
    note = ""
    if reask == "free" and slot != "consent":
        # "要得 要不要钱": the consent given, the fee question answered before the next one
        note, reask = wording()["fee_note"]["voice" if voice else "sms"], None
    asked = (slots.get("asks") or {}).get(slot, 1)
    fields = {
        "household_size": slots.get("household_size"),
        "applicant": proxy.spoken(slots["proxy"]) if slots.get("proxy") else "申请人",
        "digits": len("".join(c for c in (slots.get("last_id_attempt") or "") if c.isalnum())),
        "id_spoken": id_spoken(id_number, voice),
    }
    variant = "ask"
    if slot == "members":
        variant, extra = _members_variant(slots)
        fields.update(extra)
    elif slot == "disability_grade":
        members = slots.get("members") or []
        who = next((m["label"] for m in members if m.get("disability_grade") == "unknown"), "")
        fields["who"] = _you(who)
    elif slot == "school":
        members = slots.get("members") or []
        fields["who"] = _names(
            [m for m in members if m["in_school"] is None and m["age"] and 3 <= m["age"] <= 25]
        )
    if slot == "applicant_name" and slots.get("proxy"):
        variant = "proxy"
    if slot == "income" and slots.get("income"):
        variant = "more"
        fields["income_words"] = money_words(slots["income"], INCOME_WORDS)
        if elders := questions.pension_unsaid(slots):
            variant = "pension"  # "记下了：…。公公有养老金吗？…"
            fields["who"] = _you(_names(elders) if len(elders) < 3 else "老人")
            if questions.transfers_unsaid(slots) or questions.one_source(slots):
                # "有养老金吗？子女或亲戚给钱吗？": both asked in the one follow-up, since
                # the income question is asked at most twice
                variant = "pension_transfers"
        elif questions.transfers_unsaid(slots):
            variant = "transfers"  # "记下了：…。子女亲戚给钱吗？…"
        elif questions.wages_unsaid(slots):
            variant = "wages"  # "记下了：…。打工、打零工一年挣得到多少？…"
        elif questions.produce_unsaid(slots):
            variant = "produce"  # "记下了：…。种的、养的卖了钱吗？…"
        if variant in ("wages", "produce") and questions.one_source(slots):
            variant += "_transfers"  # "…打工一年挣得到多少？子女或亲戚给钱吗？…"
    if slot == "expenses" and slots.get("expenses") is not None and asked >= 2:
        if pupils := questions.school_cost_unsaid(slots):
            variant = "school"  # "记下了：看病两千。娃儿读书一年自己要花多少？"
            fields["expense_words"] = money_words(slots["expenses"], EXPENSE_WORDS) or "没有"
            fields["who"] = _names(pupils) if len(pupils) < 3 else "娃儿们"
        elif ill := questions.medical_cost_unsaid(slots):
            variant = "medical"  # "记下了：读书六千七。爷爷看病吃药一年自己要花多少？"
            fields["expense_words"] = money_words(slots["expenses"], EXPENSE_WORDS) or "没有"
            fields["who"] = _you(_names(ill) if len(ill) < 3 else "家里人")
    if (asked >= 2 or reask) and variant not in _FOLLOW_UPS:
        variant = next((v for v in (reask, "again") if v and v in table), variant)
    text = table.get(variant, table.get("ask", next(iter(table.values()))))
    text = (text["voice"] if voice else text["sms"]).format(**fields)
    if asked >= 2 and variant not in _FOLLOW_UPS:
        if not text.endswith(("。", "？", "！", "?", "!")):
            text += "。"  # "…例如：张小明" then "也可回“转人工”。"
        text += wording()["handoff_offer"]["voice" if voice else "sms"]
    return note + text


# The questions asked once more about what an answer left out: their own wording, never
# "again" nor the offer of a person.
_FOLLOW_UPS = (
    "pension",
    "pension_transfers",
    "transfers",
    "wages",
    "wages_transfers",
    "produce",
    "produce_transfers",
    "school",
    "medical",
)


class AskQuestion(Action):
    """Asks one question of the application form."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def run(self, dispatcher, tracker, domain):
        slots = {name: tracker.get_slot(name) for name in [*FACT_SLOTS, "reask"]}
        voice = slots.get("medium") == "voice"
        number = secret(tracker, "id_number") if self.slot == "id_readback" else None
        dispatcher.utter_message(text=question(self.slot, slots, voice=voice, id_number=number))
        if self.slot == "income" and slots.get("income") and questions.income_follow_up(slots):
            return [SlotSet("income_checked", True)]  # the pension and gifts asked about once
        if self.slot == "expenses" and (
            questions.school_cost_unsaid(slots) or questions.medical_cost_unsaid(slots)
        ):
            return [SlotSet("expenses_checked", bool(slots.get("expenses") is not None))]
        return []


ASKED = [slot for slot in wording()["questions"]]
for _slot in ASKED:
    globals()[f"Ask{_slot.title().replace('_', '')}"] = type(
        f"Ask{_slot.title().replace('_', '')}", (AskQuestion,), {"slot": _slot}
    )
