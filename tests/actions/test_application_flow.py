"""The application's reading logic through whole conversations, without a Rasa server."""

import asyncio
from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.application_facts import to_household, unknown_facts
from actions.asking import question
from actions.questions import next_question
from cases.assessment import assess_household
from tests.actions.simulation import Conversation

TYPICAL = [
    ("同意", "affirm"),
    ("张小明 500236199001011235", "inform"),
    ("吐祥镇石梁村", "inform"),
    ("4口人，我45岁，老婆43岁，儿子15岁读初中，老汉儿72岁", "inform"),
    ("老汉儿二级残疾，卧床；我和老婆能干活", "inform"),
    ("打工一万，种地三千，老汉儿养老金每月一百二", "inform"),
    ("看病八千，读书两千", "inform"),
    ("存款五千，没车，一处房", "inform"),
    ("都没有", "deny"),  # the last question asks about 建档立卡/低保, 三保障 and troubles at once
    ("对", "affirm"),
]


def run(messages, sender="+8613800000001"):
    conversation = Conversation(sender)
    for text, intent in messages:
        conversation.say(text, intent)
    return conversation


def test_a_typical_four_person_household_needs_ten_answers():
    conversation = run(TYPICAL)
    assert conversation.requested is None  # done: the form submits
    assert conversation.messages == 10  # plus "申请" that starts it: 11 in all
    slots = conversation.slots
    assert slots["applicant_name"] == "张小明"
    assert slots["township"] == "吐祥镇" and slots["village"] == "石梁村"
    assert slots["id_number"] != "500236199001011235"  # encrypted in the tracker
    assert slots["id_number_masked"] == "500236********1235"
    members = {m["label"]: m for m in slots["members"]}
    assert members["老汉儿"]["disability_grade"] == 2 and members["老汉儿"]["bedridden"]
    assert members["儿子"]["in_school"] is True
    assert [members[k]["able_to_work"] for k in ("我", "老婆", "儿子", "老汉儿")] == [
        True,
        True,
        False,
        False,
    ]
    assert slots["income"] == {"wages": 10000, "agriculture": 3000, "basic_pension": 1440}
    assert slots["expenses"] == {"medical": 8000, "education": 2000}
    assert slots["assets"] == {"deposits": 5000, "vehicles": 0, "houses": 1}


def test_several_facts_in_one_message_skip_their_questions():
    conversation = run(
        [
            ("同意", "affirm"),
            ("我叫李秀英，身份证500236199001011235", "inform"),
            ("住草堂镇莲花村", "inform"),
            ("我屋头4口人，老汉儿二级残疾，一年收入一万二左右", "inform"),
        ]
    )
    assert conversation.slots["household_size"] == 4
    assert conversation.requested == "members"


def test_a_wrong_check_digit_is_explained_and_asked_again():
    conversation = run([("同意", "affirm"), ("张小明", "inform")])
    assert conversation.requested == "id_number"
    conversation.say("500236199001011234")
    assert conversation.requested == "id_number"
    assert conversation.slots["reask"] == "id_check_digit"
    conversation.say("500236199001011235")
    assert conversation.requested == "phone" or conversation.requested == "township"


def test_nonsense_is_asked_again():
    conversation = run([("同意", "affirm"), ("张小明 500236199001011235", "inform")])
    conversation.say("啊啊啊啊啊")
    assert conversation.requested == "township"
    assert conversation.slots["reask"] == "misunderstood"


def test_dont_know_twice_records_unknown_and_the_assessment_says_needs_review():
    messages = TYPICAL[:5] + [("不晓得", "dont_know"), ("不晓得", "dont_know")] + TYPICAL[6:]
    conversation = run(messages)
    assert conversation.requested is None
    assert conversation.slots["unknown_facts"] == ["income"]
    household = to_household(conversation.slots, date(2026, 3, 1))
    assessment = assess_household(household, unknown_facts(conversation.slots))
    assert assessment["dibao"]["status"] == "needs_review"
    assert any("收入" in reason["text"] for reason in assessment["dibao"]["reasons"])


def test_a_correction_replaces_the_earlier_answer():
    conversation = run(TYPICAL[:4])
    conversation.say("刚才说错了，是5口人", "correct")
    assert conversation.slots["household_size"] == 5
    assert conversation.requested == "members"
    conversation.say("还有女儿12岁", "inform")
    assert len(conversation.slots["members"]) == 5


def test_a_correction_at_the_summary_shows_it_again():
    conversation = run(TYPICAL[:-1])
    assert conversation.requested == "confirmed"
    conversation.say("存款是八千", "correct")
    assert conversation.slots["assets"]["deposits"] == 8000
    assert conversation.requested == "confirmed"
    assert conversation.slots["reask"] == "changed"
    conversation.say("对", "affirm")
    assert conversation.requested is None


def test_declining_consent_ends_without_personal_questions():
    conversation = run([("不同意", "deny")])
    assert conversation.slots["consent"] is False
    assert conversation.requested is None
    assert "phone" not in conversation.slots


def test_no_disability_questions_for_a_household_without_disabled_members():
    conversation = run(TYPICAL[:4] + [("没有，我和老婆能干活", "deny")])
    assert conversation.requested == "income"


def test_a_disability_without_grade_is_asked():
    conversation = run(TYPICAL[:4] + [("老汉儿有残疾，我能干活", "inform")])
    assert conversation.requested == "disability_grade"
    conversation.say("二级")
    assert {m["label"]: m for m in conversation.slots["members"]}["老汉儿"]["disability_grade"] == 2


def test_the_answer_to_the_last_question_outweighs_a_cost_the_first_message_called_too_high():
    conversation = run([("娃儿要做手术，几万块钱拿不出来，想申请低保", "apply")])
    assert conversation.slots["three_guarantees"] == ["medical"]
    for text, intent in TYPICAL[:8]:
        conversation.say(text, intent)
    conversation.say("都不是，医保买了的，房子住得，读书也没问题", "deny")
    assert conversation.slots["three_guarantees"] == []


def test_the_last_question_settles_standing_troubles_and_hardship_at_once():
    conversation = run(TYPICAL[:8] + [("是建档立卡户，没吃低保，房子是危房", "inform")])
    assert conversation.slots["status"]["registered_poor"] is True
    assert conversation.slots["three_guarantees"] == ["housing"]
    assert conversation.slots["hardship"] == "none"
    assert conversation.requested == "confirmed"


@pytest.mark.parametrize("slot", ["consent", "confirmed"])
def test_questions_start_with_consent_and_end_with_confirmation(slot):
    assert next_question({}) == "consent"
    assert slot in {"consent", "confirmed"}


def test_a_range_is_read_as_its_midpoint():
    conversation = run(TYPICAL[:5])
    assert conversation.requested == "income"
    conversation.say("打工一年一万到两万吧")
    assert conversation.slots["income"] == {"wages": 15000}
    # 老妈 is over 60 and no pension was named: asked about once, then the form goes on
    assert conversation.requested == "income"
    conversation.say("老妈养老金一个月一百五")
    assert conversation.slots["income"] == {"wages": 15000, "basic_pension": 1800}
    assert conversation.requested == "expenses"


def test_the_pension_of_someone_over_sixty_is_asked_about_once():
    conversation = run(TYPICAL[:5])
    conversation.say("打工一年一万五")
    assert conversation.requested == "income"
    conversation.say("没有了")
    assert conversation.requested == "expenses"
    assert conversation.slots["income"] == {"wages": 15000}


def test_an_answer_that_cannot_be_read_twice_is_kept_verbatim_and_the_form_goes_on():
    conversation = run(TYPICAL[:5])
    conversation.say("哎呀这个说不好")
    assert conversation.requested == "income"
    conversation.say("反正就那样嘛")
    assert conversation.requested == "expenses"
    assert "income" in conversation.slots["unknown_facts"]
    assert conversation.slots["unclear"]["income"] == ["哎呀这个说不好", "反正就那样嘛"]


def test_a_greeting_that_carries_an_answer_is_read():
    conversation = run([("同意", "affirm")])
    conversation.say("你好，我叫张小明，身份证500236199001011235", "greet")
    assert conversation.slots["applicant_name"] == "张小明"


def test_a_greeting_alone_leaves_the_question_to_the_rules():
    conversation = run([("同意", "affirm")])
    conversation.say("你好", "greet")
    assert conversation.requested == "applicant_name"
    assert conversation.slots.get("reask") is None


def test_an_answer_that_sounds_like_a_policy_topic_is_read_as_an_answer():
    conversation = run(TYPICAL[:8])
    assert conversation.requested == "status"
    conversation.say("是建档立卡户，没吃低保", "faq")
    assert conversation.slots["status"]["registered_poor"] is True
    assert conversation.requested == "confirmed"


def test_a_policy_question_mid_way_leaves_the_question_open():
    conversation = run(TYPICAL[:8])
    before = dict(conversation.slots)
    conversation.say("建档立卡户能吃低保吗？", "faq")
    assert conversation.slots == before and conversation.requested == "status"


def test_after_a_digression_the_form_asks_the_question_that_is_next():
    conversation = run(TYPICAL[:8])
    # Not the first empty slot of the domain's list (disability_grade), but the next one.
    assert conversation.back_from("action_answer_policy") == "status"


def test_the_answer_is_read_after_rasa_extracted_slots():
    conversation = Conversation()
    events = asyncio.run(
        conversation.form.run(
            CollectingDispatcher(),
            conversation.tracker("同意", "affirm", "action_extract_slots"),
            {},
        )
    )
    assert {"event": "slot", "name": "consent", "value": True, "timestamp": None} in events


OLD_COUPLE = [
    ("同意", "affirm"),
    ("刘桂兰 500236195203041223", "inform"),
    ("吐祥镇石梁村", "inform"),
    ("两个人，我74岁，老伴76岁", "inform"),
    ("都是老毛病，没得残疾", "inform"),
    ("两个都做不动了", "inform"),
]


def test_gifts_from_children_are_asked_about_once_in_a_household_of_old_people():
    conversation = run(OLD_COUPLE)
    assert conversation.requested == "income"
    conversation.say("养老金两个人一个月三百多")
    assert conversation.requested == "income"  # 子女或亲戚给钱吗？
    conversation.say("女儿一年给一千五")
    assert conversation.requested == "expenses"
    assert conversation.slots["income"] == {"basic_pension": 3600, "transfers": 1500}


def test_gifts_are_asked_about_once_when_grandparents_raise_grandchildren():
    conversation = run(
        [
            ("同意", "affirm"),
            ("谭德英 500236196107151240", "inform"),
            ("吐祥镇石梁村", "inform"),
            ("三个，我65 孙子12 孙女9岁", "inform"),
            ("都没得残疾", "inform"),
            ("我还做得动", "inform"),
            ("两个都在读小学", "inform"),
        ]
    )
    assert conversation.requested == "income"
    conversation.say("种地一年三千 养老金一个月两百")
    assert conversation.requested == "income"  # 子女或亲戚给钱吗？
    conversation.say("他们爸爸一年寄四千回来")
    assert conversation.slots["income"]["transfers"] == 4000


def test_the_pension_and_gifts_are_asked_about_together_when_both_are_unsaid():
    conversation = run(OLD_COUPLE)
    conversation.say("老伴帮人剥玉米一年挣得到一千来块")
    assert conversation.requested == "income"
    slots = {**conversation.slots, "reask": None}
    text = question("income", slots, voice=False)
    assert "有养老金吗" in text and "子女或亲戚给钱吗" in text
    assert len(text) <= 140  # two SMS segments at most
    conversation.say("养老金两个一个月三百多 儿子过年给一千")
    assert conversation.requested == "expenses"
    assert conversation.slots["income"] == {
        "wages": 1000,
        "basic_pension": 3600,
        "transfers": 1000,
    }


def test_gifts_are_asked_about_once_when_one_source_alone_is_told():
    conversation = run(
        [
            ("同意", "affirm"),
            ("向春燕 500236198807101569", "inform"),
            ("红土乡观音村", "inform"),
            ("三个，我38 两个女儿12岁和8岁", "inform"),
            ("都没病，我在场镇上饭馆帮厨", "inform"),
            ("两个都在读小学", "inform"),
        ]
    )
    assert conversation.requested == "income"
    conversation.say("帮厨一个月一千五")
    assert conversation.requested == "income"  # 子女或亲戚给钱吗？
    conversation.say("她们外婆一年给个一千")
    assert conversation.slots["income"] == {"wages": 18000, "transfers": 1000}


def test_a_figure_told_with_a_second_dont_know_is_kept_and_the_income_stays_unknown():
    conversation = run(OLD_COUPLE)
    conversation.say("种药材 要看行情 有时候卖得多有时候卖得少 我说不清楚")
    assert conversation.requested == "income"
    slots = {**conversation.slots, "reask": "dont_know"}
    assert "子女或亲戚给钱吗" in question("income", slots, voice=False)
    conversation.say("我真的不晓得好多 儿子过年给一千")
    assert conversation.requested == "expenses"
    assert conversation.slots["income"] == {"transfers": 1000}
    assert "income" in conversation.slots["unknown_facts"]
    assert len(conversation.slots["unclear"]["income"]) == 2  # both answers, for staff


def test_medicine_is_asked_about_once_when_only_school_costs_were_told():
    conversation = run(
        [
            ("同意", "affirm"),
            ("张小明 500236199001011235", "inform"),
            ("吐祥镇石梁村", "inform"),
            ("3口人，我36岁，儿子12岁读初中，老汉儿70岁", "inform"),
            ("老汉儿得了肺癌 在化疗；我能干活", "inform"),
            ("打工一万五，种地两千，老汉儿养老金每月一百八", "inform"),
        ]
    )
    conversation.say("儿子读书一年住宿生活费三千")
    assert conversation.requested == "expenses"
    slots = {**conversation.slots, "reask": None}
    assert "老汉儿看病吃药一年自己要花多少" in question("expenses", slots, voice=False)
    conversation.say("化疗报了还要自己出一万左右")
    assert conversation.slots["expenses"] == {"education": 3000, "medical": 10000}
    assert conversation.requested == "assets"


def test_an_income_answer_that_says_it_is_all_is_not_followed_up():
    conversation = run(OLD_COUPLE)
    conversation.say("就养老金 一个月三百多 别的没得了")
    assert conversation.requested == "expenses"


def test_schooling_said_to_cost_nothing_is_not_asked_about_again():
    conversation = run(TYPICAL[:6] + [("没得啥子大的开销 娃儿读书不要钱 都没病", "inform")])
    assert conversation.requested == "assets"


def test_farming_or_animals_named_without_a_figure_are_asked_about_once():
    conversation = run(TYPICAL[:3])
    conversation.say("4口人，我45岁，老婆43岁，儿子15岁读初中，老汉儿72岁")
    conversation.say("都没病；我打工，老婆在屋头种点菜 喂了十几只鸡")
    assert conversation.requested == "income"
    conversation.say("打工一年一万五，老汉儿养老金每月一百二")
    assert conversation.requested == "income"
    slots = {**conversation.slots, "reask": None}
    assert "种的、养的卖了钱吗" in question("income", slots, voice=False)
    conversation.say("鸡蛋卖了七八百")
    assert conversation.slots["income"]["agriculture"] == 750
    assert conversation.requested == "expenses"


def test_a_question_the_helpline_leaves_to_the_form_is_not_asked_back_without_end():
    # The helpline took "嗯 收不收费哦" for an answer and said nothing; the form must not
    # yield to it again: the fee is answered, and the consent is not asked a third time.
    conversation = Conversation()
    conversation.back_from("action_listen_start")
    assert conversation.say_after("嗯 收不收费哦", "faq", "action_answer_policy") == "consent"
    assert conversation.slots["reask"] == "free"
    assert "不收任何钱" in question("consent", conversation.slots, voice=False)
    # told it is free, the same 嗯 again is a yes
    assert conversation.say_after("嗯 收不收费哦", "faq", "action_answer_policy") != "consent"
    assert conversation.slots["consent"] is True
    assert conversation.slots["asks"]["consent"] == 2


def test_the_fee_asked_with_the_consent_is_answered_before_the_next_question():
    conversation = Conversation()
    conversation.back_from("action_listen_start")
    assert conversation.say("要得 要不要钱哦") == "applicant_name"
    assert conversation.slots["consent"] is True
    text = question("applicant_name", conversation.slots, voice=False)
    assert text.startswith("申请不收任何钱。") and "姓名" in text


def test_a_caller_s_yes_after_not_hearing_and_a_grandmother_for_the_granddaughter_she_raises():
    from actions.reading import reader, speech
    from actions.reading.people.proxy import detect

    assert reader.read("啊？哦，要得嘛", "consent", {}).updates == {"consent": True}
    assert not speech.looks_like_question("可以嘛")
    assert detect("我想给我孙子申请个低保 他爸妈都不在了") is None


def test_a_question_is_shown_at_most_twice_though_the_resident_keeps_asking():
    # The helpline answers each of the resident's questions (a rule that speaks); the
    # question they interrupted comes back once, not a third time.
    conversation = Conversation()
    conversation.back_from("action_listen_start")
    shown = 1
    for _ in range(3):
        tracker = conversation.tracker("登记了别人会不会晓得哦？", "faq", "action_say_policy")
        tracker.events.append({"event": "bot", "text": "会公示。"})
        conversation._apply(asyncio.run(conversation.form.run(CollectingDispatcher(), tracker, {})))
        shown += conversation.requested == "consent"
    assert shown <= 2 and conversation.requested != "consent"


def test_the_village_clinic_is_no_village():
    from actions.reading.places import village_named

    assert village_named("我的药是村卫生室开的") is None


def test_the_offer_of_a_person_follows_a_full_stop():
    slots = {"asks": {"applicant_name": 2}, "reask": "misunderstood"}
    text = question("applicant_name", slots, voice=False)
    assert "。也可回“转人工”" in text or "？也可回“转人工”" in text


def test_the_farm_named_before_is_asked_about_once_though_the_income_answer_said_only_the_wage():
    slots = {
        "consent": True,
        "income_asked": True,
        "income": {"wages": 22500},
        "income_named": ["agriculture"],
        "income_checked": True,  # "就打小工那点"
        "asks": {"income": 1},
    }
    from actions.questions import _RULES

    _, answered = _RULES["income"]
    assert not answered(slots)  # asked once more: "种的、养的卖了钱吗？"
    assert answered({**slots, "asks": {"income": 2}})


def test_work_for_pay_named_without_a_figure_is_asked_about_once():
    conversation = run(TYPICAL[:3])
    conversation.say("3口人，我56，老公58，儿子28")
    conversation.say("儿子尿毒症。我和他爸上山挖药卖，他爸有时候出去打点零工")
    while conversation.requested != "income":
        conversation.say("没有")
    conversation.say("挖药一年卖得到三四千")
    assert conversation.requested == "income"
    slots = {**conversation.slots, "reask": None}
    assert "打工、打零工一年挣得到多少" in question("income", slots, voice=False)
    conversation.say("他爸打零工一天一百五，今年做了个把月")
    assert conversation.slots["income"] == {"agriculture": 3500, "wages": 4500}
    assert conversation.requested == "expenses"


def test_money_from_kin_working_away_left_out_of_the_one_income_answer_is_asked_again():
    from actions import questions

    slots = {"income_named": ["wages", "transfers"], "income": {"wages": 10000}}
    assert questions.kin_money_unsaid(slots)
    slots["income"]["transfers"] = 0
    assert not questions.kin_money_unsaid(slots)
