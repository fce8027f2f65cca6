"""The first message starts the right thing. A message that asks whether the sender (or
their family) can get 低保 or help, or that tells a hardship story, starts the application
and keeps every fact it stated; a yes/no eligibility question is never answered "能" before
an assessment. Other messages get the policy answer or the "not understood" reply."""

from __future__ import annotations

import re

from rasa_sdk import Action
from rasa_sdk.events import FollowupAction, SlotSet

from actions import policy_terms
from actions.application import ValidateApplicationForm
from actions.reading import reader, speech, standing_text
from actions.reading.people import people_words, proxy
from actions.slots import FACT_SLOTS
from actions.statement_topic import already_on_dibao, statement_topic

_PERSONAL = re.compile(
    r"(我|我家|我们|屋头|家里|家中|俺|咱|我妈|我爸|老汉儿|我老公|我男人|我老婆|我娃|我儿子|我女儿|我这)"
)
# "我市对残疾人有什么保障政策": the speaker's city, not the speaker.
_OUR_PLACE = re.compile(r"我(?:们)?(?:市|县|省|区|镇|乡|村|国|们这里|们那里)")
_HELP = re.compile(r"(低保|救助|补助|补贴|帮扶|困难户|贫困户|救济|五保|特困)")
_ASKS = re.compile(
    r"(能不能|可不可以|可以.{0,6}[不吗么嘛]|能.{0,6}[不吗么嘛]|能否|够不够|符不符合|符合.{0,4}[吗不]|"
    r"算不算|吃得到|办得到|办得了|有没有资格|有资格|怎么申请|咋个申请|如何申请|想申请|要申请|申请得到|"
    r"办低保|吃低保|申请低保|可以办|能办|能吃|是不是要|要不要|会不会|还能不能|还能吃|还可以)"
)
# "钱没了,都是借的…做血透没钱了": a plea that is the sender's own, pronoun or not.
_PLEA_WORDS = (
    r"求[^，。]{0,6}帮|帮帮(?:我|我们|俺)|救救|钱没了|没钱了|没得钱了|没钱(?:治|看病|住院|买药|做)|"
    r"没办法(?:住院|看病|买药|治)|(?:积蓄|存的钱|存款)[^，。]{0,4}剩|拿不出来|希望得到(?:救助|帮助)|"
    r"(?:买|看|吃|读|治|交)不起|能借的都借|借遍了|借不到了|没(?:有)?地方借|难以承受|承受不了|负担不起|"
    r"(?:日子|生活)[^，。]{0,3}(?:撑不下去|过不下去|活不下去|撑不住)|"
    r"(?:自付|自费|自己出)[^，。]{0,8}(?:太高|太多|承受不)|"
    r"希望(?:能)?(?:获得|得到|享受|吃上|评上|给)[^，。]{0,4}(?:低保|救助|照顾)|"
    # "我们老两口一辈子也没赚到十五万，这怎么办啊": a plea, not a question about procedure
    r"(?:这|那|以后|今后|往后|日子)[^，。？?]{0,3}(?:怎么办|咋办|啷个办)(?!理)|"
    # "以后的日子该怎么过", "没足够的医药费 我无力去挽救她"
    r"日子[^，。？?]{0,4}(?:怎么过|咋过|咋个过|啷个过)|不知所措|走投无路|"
    r"无力(?:去)?(?:挽救|救|治|承担|支付|负担)|没(?:有)?足够的(?:钱|医药费|费用)|"
    r"医药费[^，。]{0,4}(?:不够|凑不齐|没有着落)|难以为继|无能为力|没(?:那么|这么)多的?钱"
)
_PLEA = re.compile(f"({_PLEA_WORDS})")
_STORY = re.compile(
    r"(过不下去|揭不开锅|吃不起饭|活不下去|没法过|日子难|困难得很|没得收入|没有收入|莫得收入|"
    r"住了[^，。]{0,4}院|没得米|没米了|没有米了|吃不饱|吃不上饭|煮糊糊|没得吃的|没吃的|"
    r"瘫在床|瘫痪|卧床|摔伤|癌|尿毒症|住院|残疾|去世|走了|离婚|一个人|没人管|无依无靠|看不起病|"
    r"读不起书|房子垮|危房|受灾|遭灾|洪水|火灾|不给我饭吃|没饭吃|不管我|不养我|瓦片.{0,4}掉|漏雨|"
    r"欠债|欠了[^，。]{0,4}钱|借了不少|能借的都借|借遍了|难以承受|丧失劳动|无劳动能力|撑不下去|撑不住|"
    r"(?:自付|自费|自己出)[^，。]{0,8}(?:太高|太多)|积蓄[^，。]{0,4}花光|要钱治病|承受不起|困难.{0,3}大|希望[^，。]{0,6}帮|"
    r"希望得到帮扶|请求[^，。]{0,4}(?:救助|帮助)|给予(?:帮助|救助)|"
    # who can work, said of one's own household ("有劳动能力的只有媳妇儿了")
    r"(?:有|能)劳动能力的(?:就|只有|只)|劳动力(?:就|只有)|只有[^，。]{0,6}(?:一个)?劳动力|"
    r"没得劳动力|没有劳动能力|丧失劳动能力|"
    f"{_PLEA_WORDS})"
)
# "办个低保咋这么难", "给二嫂申请低保一直没申请上": a grievance, not an application.
_GRIEVANCE = re.compile(
    r"(咋这么难|怎么这么难|为啥这么难|太难了|没申请上|申请不上|没评上|评不上|没批下来|批不下来|不能领|"
    r"不给批|说不符合|说不够条件)"
)
# "我只要能动，就不去申请低保": a word against applying, not an application.
_WONT_APPLY = re.compile(
    r"(不想|不去|不会去|不愿意?|不打算|不得去)[^，。]{0,3}(申请|办|吃)[^，。]{0,2}低保|"
    r"不是为(?:了)?我自己"  # "…不是为我自己要低保 我是打抱不平": a complaint for others
)
# "为何2013年度被取消资格了": a question why help stopped, not an application.
# "我们村里有一个低保户…仍然在领": a complaint about another household.
_ANOTHER_HOUSEHOLD = re.compile(
    r"(有一个|有个|有的|有人|有户|一户人家|他家|人家).{0,10}(低保户|吃低保|领低保)"
)
_WHY_STOPPED = re.compile(
    r"(为何|为什么|咋个|凭什么|怎么).{0,16}(取消|停了|停发|没了|不给了|不发了)"
)

# "可否由他人代为申请": a question about applying for others, not an application.
_GENERAL = re.compile(r"(他人|别人|是否|可否|能否)")
# "农村如何申请办理低保", "火灾怎么报补助": how to apply, asked by no one in particular.
_HOW = re.compile(r"(如何|怎么|怎样|咋个|咋样|流程|程序|步骤|是否|可否|哪些)")

# "像我屋头这种情况符不符合条件", "我能拿好多": a question about the sender's own case.
# "你们在确定贫困户的时候一定要考虑我啊": asks to be counted in
_COUNT_ME_IN = re.compile(
    r"(?:一定要|要|请|希望)[^，。]{0,3}考虑(?:一下)?(?:我|我们|我家)|把我(?:家|们)?评上|给我(?:家|们)?评"
)
_OWN_CASE = re.compile(
    r"((这种|这个|这样的?|我这|我家这|我们这)(情况|条件|家庭)|像我|我屋头|我家里|屋头这).{0,10}"
    r"(符不符合|符合|能不能|可不可以|可以|能|够不够|行不行|算不算|吃得到|办得到|有没有)"
)
_OWN_STANDING = re.compile(
    r"(我的|我这|我家的?|我们家的?|我屋头?的?)(经济)?(条件|情况).{0,30}"
    r"(满足|是否符合|符不符合|符合|能不能|够不够|够格)"
)
_OWN_AMOUNT = re.compile(
    r"(我|我家|我们|屋头|我妈|我爸|老汉儿|我屋).{0,8}(能|可以|会|该)?.{0,2}"
    r"(拿|领|得|吃|补|发)(到)?(好多|多少|几多|几百|好多钱|多少钱)"
)


# "两个近七十的老人…靠爷爷扫地为生": a story of another household, kin words and all.
_THIRD_PERSON = re.compile(
    r"(两个[^，。]{0,4}老人|一位[^，。]{0,4}老人|一家[^，。]{0,2}(?:人|口)|这家人|这户|该户|"
    r"他们家|她们家|他家|她家|这个家庭|一个家庭)"
)


# "工伤瘫在床上了 想申请低保": another office's scheme in a story that asks for ours.
_ASKS_FOR_OURS = re.compile(
    r"(申请|吃|办|评|问一?下|问问|咨询)(?![了过]|理了)[^，。]{0,3}(低保|临时救助|特困|五保)"
)


_THANKED = re.compile(r"(谢谢|感谢|多谢|多亏|记着这份情|感恩)")


def wants_to_apply(text: str) -> bool:
    """True for "我家就我和女儿两个人，我身体不好，可以办低保不" or a hardship story;
    False for a policy question about others ("老人过了七十岁低保会不会多点")."""
    text = policy_terms.spelled(text or "")
    if (
        (policy_terms.hard_outside(text) and not _ASKS_FOR_OURS.search(text))
        or (_GRIEVANCE.search(text) and not re.search(r"(重新|再次?)申请|还能不能", text))
        or _WHY_STOPPED.search(text)
        or _WONT_APPLY.search(text)
        or _ANOTHER_HOUSEHOLD.search(text)
        or (already_on_dibao(text) and not re.search(r"(重新|再次?|还能|又)", text))
        # "太谢谢村上了，去年帮我们把屋顶补好了": thanks for help had, asking nothing
        or (_THANKED.search(text) and not _ASKS.search(text) and not _PLEA.search(text))
    ):
        return False  # "想进行危房改造…如何申请": another office's scheme
    if proxy.detect(text) and not _GENERAL.search(text):
        return True
    personal = bool(_PERSONAL.search(_OUR_PLACE.sub("", text))) or (
        any(m.people[0][0] != "applicant" for m in people_words.mentions(text))
        and not _THIRD_PERSON.search(text)
    )
    if personal and _HELP.search(text) and _ASKS.search(text):
        return True
    if personal and re.search(r"(能|可以|可不可以|能不能)[^，。]{0,2}申请", text):
        return True  # "我和老伴都七十多了…我们能申请不": to apply, whatever for
    if (
        _OWN_CASE.search(text)
        or _OWN_AMOUNT.search(text)
        or _OWN_STANDING.search(text)
        or _COUNT_ME_IN.search(text)
    ):
        return True
    story = bool(_STORY.search(text)) or standing_text.read_hardship(text) is not None
    if (
        story
        and _PLEA.search(text)
        and not re.search(r"(标准|怎么算|(?:多少|好多)钱?\s*[?？吗呢]?$)", text)
    ):
        return True
    return (
        story and personal and not re.search(r"(标准|多少钱|好多钱|怎么算|什么条件|啥条件)", text)
    )


# Facts a message before the application may have stored already (the helpline's offer keeps
# them): when one is set, the earlier messages are not read again.
_TOLD_BEFORE = ("proxy", "household_size", "members", "applicant_name", "income", "hardship")


def told_before(tracker) -> list[str]:
    """The sender's own story or plea told earlier in this conversation, outside the form,
    that did not start the application ("我是村主任，帮我们村一个老人问低保…" answered as a
    policy question, then "申请低保"): its facts are the application's too."""
    if any(tracker.get_slot(slot) for slot in _TOLD_BEFORE):
        return []
    texts: list[str] = []
    in_form = False
    for event in tracker.events[:-1] if tracker.events else []:
        kind = event.get("event")
        if kind in ("session_started", "restart"):
            texts, in_form = [], False
        elif kind == "active_loop":
            in_form = event.get("name") == "application_form"
        elif kind == "user" and not in_form:
            text = event.get("text") or ""
            if wants_to_apply(text) or (proxy.detect(text) and not _GENERAL.search(text)):
                texts.append(text)
    latest = tracker.latest_message.get("text") or ""
    return [t for t in texts if t != latest]


def facts_told(tracker) -> list[dict]:
    """The facts the latest message states, and those of the sender's story told before it
    (``told_before``), as slot events (kept for the application)."""
    text = tracker.latest_message.get("text") or ""
    slots = {slot: tracker.get_slot(slot) for slot in FACT_SLOTS}
    updates: dict = {}
    for said in [*told_before(tracker), text]:
        reading = reader.read(said, None, slots, entities=[])
        slots.update(reading.updates)
        updates.update(reading.updates)
    return [
        SlotSet(slot, ValidateApplicationForm._stored(slot, value))
        for slot, value in updates.items()
        if slot not in ("consent", "confirmed")
    ]


class ActionStartApplication(Action):
    """Starts the application from the message that asked for it, keeping its facts."""

    def name(self) -> str:
        return "action_start_application"

    def run(self, dispatcher, tracker, domain):
        text = tracker.latest_message.get("text") or ""
        if (
            policy_terms.hard_outside(text)
            and not wants_to_apply(text)
            and not re.search(r"(低保|救助|五保|特困|困难|补助)", text)
        ):
            # "能帮我申请一个助行器吗": applying for another office's help, not for 低保
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        if _HOW.search(text) and not _PERSONAL.search(text) and not wants_to_apply(text):
            # "农村如何申请办理低保": the answer and the offer, not the form
            from actions.helpline import answer_how  # the helpline imports this module

            return answer_how(dispatcher, tracker)
        events = facts_told(tracker)
        strong = policy_terms.strong_topic(text)
        if key := (
            # "评议和公示后,名单上没我了": the complaint's answer, whatever the story told
            (strong if strong == "objection" else None)
            or statement_topic(text)
            # "我们家有6个人,为什么只有我1人吃低保?": the rule asked about, then the form
            or (strong if speech.looks_like_question(text) else None)
        ):
            # "屋头遭火烧了…": the help for that trouble first (临时救助, 医疗救助 …), then
            # the application, which assesses the household for all of it
            from actions.helpline import parameters_in_force, render

            dispatcher.utter_message(text=render(key, parameters_in_force(), question=text))
            events.append(SlotSet("helpline_topic", key))
        if wants_to_apply(text) and speech.looks_like_question(text):
            dispatcher.utter_message(response="utter_start_from_question")
        elif events:
            dispatcher.utter_message(response="utter_start_from_story")
        else:
            dispatcher.utter_message(response="utter_start_application")
        return [*events, FollowupAction("application_form")]
