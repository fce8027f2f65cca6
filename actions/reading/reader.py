"""Reads one resident message into application facts (slot updates). Pure: the caller
passes the message, the question being asked and the facts so far.

Every message is read for every fact it clearly states ("我屋头4口人，老汉儿二级残疾，
一年收入一万二左右"), so a resident who says more answers fewer questions, and a later
statement replaces an earlier one (corrections). The question being asked is read more
leniently: a bare "5" answers "how many people?" (`answers`). The message is read topic by
topic: the applicant and the household (`topic_people`), then money, assets and standing
(`topic_means`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date

from actions.reading import money_text, standing_text, topic_means, topic_people
from actions.reading.answers import read_answer
from actions.reading.parsing import plain_negation, unspaced
from actions.reading.script import simplified
from actions.reading.speech import AFFIRM, DENY


@dataclass
class Reading:
    updates: dict = field(default_factory=dict)
    problem: str | None = None  # e.g. "id_check_digit", shown to the resident
    understood: bool = False  # the question being asked was answered


# Schooling that costs the family nothing: "读书不要钱", "学校都不收钱", "学费全免了".
_SCHOOL_FREE = re.compile(
    r"(读书|上学|学校|学费|书费)[^，。]{0,4}(不要钱|不收钱|不交钱|不花钱|没花钱|免费|全免|免了|不要学费)"
)


# A price by the unit, told alone ("五毛钱一斤", "一个卖四十")
_PRICE_ONLY = re.compile(
    r"(?:块|元|毛|角)钱?\s*(?:一|1|每)\s*(?:斤|个|件|只|头|担|背|双|把)|"
    r"(?:一|1|每)\s*(?:斤|个|件|只|头|担|背|双|把)\s*[^，。\d]{0,3}\S{1,4}(?:块|元|毛|角)"
)


_JIAO_AFTER = re.compile(r"块\s*零?\s*(?:几|[一二两三四五六七八九\d])\s*[角毛](?:钱)?")


def read(
    text: str,
    requested: str | None,
    slots: dict,
    *,
    intent: str | None = None,
    entities: list[dict] = (),
    sender_phone: str | None = None,
    today: date | None = None,
) -> Reading:
    # "①老人养老金… ②喂了几只鸡…": list marks are pauses, not figures
    text = plain_negation(re.sub(r"[①-⑳]", "，", simplified(unspaced((text or "").strip()))))
    # "两百零五块几角", "二十五块五角": the jiao after the yuan are no figure of their own
    text = _JIAO_AFTER.sub("块", text)
    # "我五十四……老婆五十一……": trailing dots (a breathless caller's) are pauses
    text = re.sub(r"(?:…+|\.{3,}|。{2,})", "，", text).strip("，")
    # "有三项：一、基础养老金…；二、…": the list's numbers are marks, not amounts
    text = re.sub(r"(^|[：:；;。，,\s])[一二三四五六七八九十][、．]", r"\1，", text)
    before = ((slots.get("unclear") or {}).get(requested) or [""])[-1]
    if requested == "income" and _PRICE_ONLY.search(before) and not _PRICE_ONLY.search(text):
        # "摘辣椒 五毛钱一斤", asked again: "一天摘得到二三十斤 今年摘了个把月" — the price
        # said first and the quantity now make the year's figure together
        text = f"{before}，{text}"
    reading = Reading()
    if requested == "consent":
        _read_consent(text, intent, reading)
        if reading.updates.get("consent") is False:
            return reading
    state = copy.deepcopy(slots)
    state.update(reading.updates)
    _read_everything(text, requested, state, entities, reading, today or date.today())
    if requested and not reading.understood:
        reading.understood = read_answer(text, requested, state, intent, entities, sender_phone)
    if requested == "income" and reading.understood:
        state["income_asked"] = True
        if money_text.ALL_SAID.search(text):
            state["income_checked"] = True  # "就养老金 别的莫得了": nothing more to ask
    if (
        requested == "income"
        and reading.understood
        and (state.get("asks") or {}).get("income", 0) >= 2
    ):
        # Asked twice: a trade or a post named before with no figure since ("我捡破烂",
        # "当护林员" in the work answer) is not known, which is not the same as none (the
        # vegetables grown, named as often, are mostly eaten at home: none).
        income = state.get("income") or {}
        unsaid = {
            f"income.{k}"
            for k in state.get("income_named") or []
            if k in ("business", "poverty_project_wages") and k not in income
        }
        if unsaid and state.get("income_total") is None:
            state["unknown_facts"] = sorted({*(state.get("unknown_facts") or []), *unsaid})
    if requested == "expenses" and reading.understood and _SCHOOL_FREE.search(text):
        state["expenses_checked"] = True  # "娃儿读书不要钱": the school costs are told
    if requested == "status" and reading.understood:
        # The question asks about the 三保障 and sudden troubles too: one answer for all.
        told = standing_text.read_guarantees(text)
        if state.get("three_guarantees") is None or told:
            state["three_guarantees"] = told
        elif standing_text.guarantees_fine(text):
            # "医保有买的，房子住得，她读书也没问题": the answer to the question outweighs
            # a cost the first message called too high
            state["three_guarantees"] = []
        if state.get("hardship") is None:
            state["hardship"] = standing_text.read_hardship(text) or "none"
        elif standing_text.told_as_past(text):
            state["hardship"] = "none"  # the story's illness: "没得啥子 病是前年查出来的"
    if requested == "three_guarantees" and reading.understood and state.get("hardship") is None:
        state["hardship"] = "none"  # the question asked about sudden troubles too
    reading.updates = {k: v for k, v in state.items() if v != slots.get(k)}
    return reading


_RELAYED = re.compile(
    r"^(?:[我他她]?(?:婆婆|奶奶|爷爷|公公|外婆|外公|妈妈?|爸爸?|老汉儿?|老妈|母亲|父亲|老人家?|"
    r"老头子?|老太婆|大爷|孃孃|[他她]|老的)|[他她]们)(?:也)?(?:说|讲)(?:了)?[:：]?(?=.)"
)


def _read_consent(text: str, intent: str | None, reading: Reading) -> None:
    cleaned = re.sub(r"[\s，。,.!！]", "", text)
    # "哦 要得要得", "啥子 哦 要得要得 你问", "啊？哦，要得嘛" (a caller who did not hear at first)
    cleaned = re.sub(
        r"^(?:喂|啥子|啥|什么|你说啥子?|哦|噢|喔|嗯|啊|呃|唉|哎|那|好嘛|[？?])+(?=.)", "", cleaned
    )
    # "婆婆说要得", "我妈说同意": the applicant's word, passed on by the one typing
    cleaned = _RELAYED.sub("", cleaned)
    # The words first, the NLU's intent only when they say neither: a bare "同意" has been
    # classified `deny` by a retrained model, and consent must not hang on that.
    said_no = (
        cleaned == "2"
        or bool(DENY.match(cleaned))
        or "不同意" in cleaned
        or bool(re.search(r"那(?:就)?算了$", cleaned))
        # "录音啊 不可以": the last word, a no
        or bool(re.search(r"(?:不可以|不行|不要|不干|不得行)(?:嘛|吧|哈|哦|的|噻)?$", cleaned))
    )
    said_yes = (
        cleaned == "1"
        or bool(AFFIRM.match(cleaned))
        or bool(re.search(r"(?<!不)同意", cleaned))
        # "要录下来啊 那 那要得嘛": a yes after the hesitation
        or bool(re.search(r"那(?:就)?(?:要得|可以|行|好)(?:嘛|吧|哈|哦|的)?$", cleaned))
        # "你录音做啥子嘛 算了 要得": the last word, a yes, after a grumble
        or bool(re.search(r"(?<![不没])(?:要得|可以|同意|好的)(?:嘛|吧|哈|哦|的|噻)?$", cleaned))
        # "要填啥子嘛 填就填嘛": fill it in then, a yes after the grumble
        or bool(re.search(r"(填|登记|记|问|办|弄|录)就\1(?:嘛|吧|撒|噻|哦)?$", cleaned))
        # "能 麻烦你们了": "can" as a yes, thanks for the help as agreeing to it
        or bool(re.match(r"能(?:的|嘛|哦)?(?![不否吗么啊呀办申])", cleaned))
        or bool(
            re.search(r"(?:麻烦|谢谢|感谢|多谢)(?:你|你们|您|政府|领导)(?:了|哈|啊)?$", cleaned)
        )
        # "你问嘛", "那你记嘛": go ahead and ask, write it down
        or bool(
            re.fullmatch(
                r"(?:那|好)?(?:你|你们)?(?:就)?(?:问|记|登记|记下来)(?:嘛|吧|哈|噻|撒|就是)",
                cleaned,
            )
        )
    )
    if said_no or (intent == "deny" and not said_yes):
        reading.updates["consent"] = False
        reading.understood = True
    elif said_yes or intent == "affirm":
        reading.updates["consent"] = True
        reading.understood = True


def _read_everything(text, requested, state, entities, reading, today) -> None:
    """Facts stated clearly anywhere in the message, topic by topic, in this order."""
    money = topic_people.read_identity_and_place(text, requested, state, entities, reading, today)
    topic_people.read_household(text, requested, state, reading)
    topic_means.read_money(text, money, requested, state, reading)
    topic_means.read_assets_and_standing(text, money, requested, state, reading)
