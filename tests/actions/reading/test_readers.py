"""Table tests of the readers (actions/reading/*_text.py, reader.py): each row is one way
residents say a fact, read to the value the rules need. Phrasings written for these tests;
none is a persona's (tests/personas) nor a training example (data/).

Here: the family's standing, sudden hardship and the three guarantees, negation, places,
confirmations, identity numbers. Money and assets: test_readers_money.py; who lives
together and who applies: test_readers_household.py; each member's work, health and
disability: test_readers_work_health.py."""

from __future__ import annotations

import pytest

from actions.reading import assets_text, reader, speech, standing_text
from actions.reading.parsing import plain_negation


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        ("莫得存款", "没得存款"),
        ("莫存款 莫车", "没存款 没车"),
        ("也莫吃低保", "也没吃低保"),
        ("木有收入", "没有收入"),
        ("莫小红", "莫小红"),  # a surname stays
    ],
)
def test_one_spelling_of_the_negation(said, plain):
    assert plain_negation(said) == plain


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("不是贫困户 也莫吃低保", {"registered_poor": False, "receiving_dibao": False}),
        ("他这种能吃低保不 我在外头打工", {}),
        ("听别个说有五保和低保 我不晓得咋个办", {}),
    ],
)
def test_standing_told_not_asked(text, flags):
    got = standing_text.read_status(speech.statements(plain_negation(text)))
    assert {k: v for k, v in got.items() if k in flags or v} == flags


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("遭车子撞了 腿杆断了", "accident"),
        ("在外头工地上出事走了", "accident"),
        ("没得了 房子垮了 滑坡", "disaster"),
        ("她男人前几年出车祸走了", None),  # years ago
        ("意外没得", None),
        # a livestock epidemic is a trouble of its own, no natural disaster
        ("就是鸡瘟 鸡死完了", "other"),
        # "看病有医保" is a word about the cover, not an illness
        ("房子住得 看病有医保，就是老伴走了 日子过不走了", "other"),
    ],
)
def test_sudden_hardship(text, kind):
    found = standing_text.read_hardship(plain_negation(text))
    assert (found or {}).get("kind") == kind


@pytest.mark.parametrize(
    ("text", "unmet"),
    [
        ("屋头一下就垮了 日子过不走", []),  # the family, not the roof
        ("前年危房改造了 现在住得好", []),
        ("老木房子 有点危险", ["housing"]),
        ("看病报了还差一大截", ["medical"]),
    ],
)
def test_three_guarantees(text, unmet):
    assert standing_text.read_guarantees(text) == unmet


def test_village_is_not_a_phrase_about_a_village():
    assert "village" not in reader.read("帮我们村一个老人问下", None, {}).updates


@pytest.mark.parametrize(
    ("text", "asked", "denies"),
    [
        ("意外倒是没得，就是老毛病", False, True),
        ("没出啥子突然的事", False, True),
        ("没有", True, True),
        ("没有", False, False),  # "没有" to the standing question says nothing of troubles
        ("上个月遭车撞了", True, False),
    ],
)
def test_a_denied_sudden_event(text, asked, denies):
    assert standing_text.denies_hardship(plain_negation(text), asked=asked) is denies


def test_an_illness_that_breaks_the_familys_living_is_an_illness_hardship():
    found = standing_text.read_hardship("就是老汉儿这个病，屋头揭不开锅了")
    assert found == {"kind": "illness", "basic_living_unsustainable": True}


def test_a_place_the_nlu_tagged_as_a_name_is_not_the_applicant():
    entities = [{"entity": "person_name", "value": "浙江"}]
    updates = reader.read("老公在浙江工地", "work", {}, entities=entities).updates
    assert "applicant_name" not in updates


@pytest.mark.parametrize("words", ["她发起病来打人 摔东西", "他喝了酒就摔碗"])
def test_throwing_things_is_no_accident(words):
    assert standing_text.read_hardship(words) is None


def test_feared_weather_is_no_hardship_and_a_cracked_wall_is_unsafe_housing():
    words = "土墙房子 山墙裂了几条缝 一下暴雨就怕"
    assert standing_text.read_hardship(words) is None
    assert standing_text.read_guarantees(words) == ["housing"]


@pytest.mark.parametrize(
    "words, guarantees, hardship",
    [
        ("房子不漏风漏雨 住得", [], None),
        ("后面复查还要钱 没钱看病", ["medical"], None),
        ("他上个月突然倒了 现在买米的钱都没得", [], ("illness", True)),
        ("今年做了手术 日子还过得走", [], ("illness", False)),
    ],
)
def test_guarantees_and_hardship_said_plainly(words, guarantees, hardship):
    assert standing_text.read_guarantees(words) == guarantees
    got = standing_text.read_hardship(words)
    assert (got and (got["kind"], got["basic_living_unsustainable"])) == hardship


def test_an_illness_over_now_is_no_hardship():
    assert standing_text.read_hardship("去年老汉儿住了院 今年好了") is None


def test_a_landslide_buries_the_house_and_what_is_left_of_savings():
    assets = assets_text.read_assets("房子遭埋了 存了八千 看病用了些 还剩三千")
    assert assets["houses"] == 0 and assets["deposits"] == 3000
    assert standing_text.read_hardship("上个月垮山 屋都遭埋了")["kind"] == "disaster"


@pytest.mark.parametrize("words", ["核对无误", "都对"])
def test_written_confirmations(words):
    assert speech.AFFIRM.match(words)


def test_hard_to_see_a_doctor_is_medical_unmet():
    assert standing_text.read_guarantees("看病恼火 医生喊去大医院看 没得钱去") == ["medical"]


def test_an_id_number_said_the_radio_way():
    from actions.reading import id_card

    assert id_card.find("五洞洞两三六 幺九八拐零三幺五 零零两四") == ("500236198703150024", None)


def test_a_bill_that_cannot_be_paid_is_medical_unmet():
    assert standing_text.read_guarantees("医生说要换肾 手术费根本拿不出来") == ["medical"]


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("没有吃低保、五保", {"receiving_dibao": False, "receiving_tekun": False}),
        ("老汉儿吃了低保", {"receiving_dibao": True}),
        ("原来是贫困户 前几年脱贫了", {"registered_poor": False}),
    ],
)
def test_standing_with_a_list_a_past_and_吃了(text, flags):
    got = standing_text.read_status(plain_negation(text))
    assert {k: got.get(k) for k in flags} == flags


@pytest.mark.parametrize(
    ("text", "unmet"),
    [
        ("看病看不起", ["medical"]),
        ("看病的钱都是借的", ["medical"]),
        ("读书和看病都难", ["education", "medical"]),
        ("幺儿读不起了", ["education"]),
        ("看病不难，报得到", []),
        ("看病借的账还没还完", []),  # a debt, not a need now
        ("娃儿脑瘫 读不了书", ["education"]),
        ("医生叫开刀 没钱做", ["medical"]),
        ("算是看病没解决", ["medical"]),
        ("看病 开刀的钱要七八万 凑不起", ["medical"]),
        ("化疗的钱都是借的", ["medical"]),
        ("看病这一块根本没得解决", ["medical"]),
        ("腿杆要去医院看 没得钱看", ["medical"]),
        ("药停了 治不下去了", ["medical"]),
        ("看病 钱 不够", ["medical"]),
        ("想去医院割了它 没得钱", ["medical"]),
        ("看病是个大问题", ["medical"]),
        ("药钱医保报不了好多", []),  # reimbursed in part: no unmet need said
        ("借住在亲戚的偏房里", ["housing"]),
        ("二回手术的钱没得着落", ["medical"]),
    ],
)
def test_the_three_guarantees_as_said(text, unmet):
    assert standing_text.read_guarantees(plain_negation(text)) == unmet


@pytest.mark.parametrize(
    ("text", "kind", "unsustainable"),
    [
        ("上个月发大水 屋头的粮食全泡了", "disaster", False),
        ("今年天干 苞谷全部干死了 屋头没得粮了", "disaster", True),
        ("老汉儿走了以后 屋头唯一的收入断了 靠亲戚接济", "other", True),
        ("三十多年前在矿上腿遭砸断了", None, None),  # long ago
    ],
)
def test_sudden_troubles_as_said(text, kind, unsustainable):
    got = standing_text.read_hardship(plain_negation(text))
    assert (got or {}).get("kind") == kind
    if kind:
        assert got["basic_living_unsustainable"] is unsustainable


def test_an_illness_of_the_story_told_as_years_old():
    assert standing_text.told_as_past("没得啥子 病是前年查出来的")
    assert not standing_text.told_as_past("前年查出来的病 今年又住院了")


def test_a_monitored_household_that_left_poverty_before():
    got = standing_text.read_status("原先是贫困户 后来脱了 现在是监测户")
    assert got == {"registered_poor": False, "returned_to_poverty": True}


@pytest.mark.parametrize(
    ("text", "village"),
    [
        ("材料由村里帮到交", None),
        ("今年三月份村上来人看过", None),
        ("我们那里喊的石板村", "石板村"),
        ("我是吐祥镇石梁村的支书", "石梁村"),
    ],
)
def test_the_village_named_not_the_village_office(text, village):
    from actions.reading.places import village_named

    assert village_named(text) == village


@pytest.mark.parametrize(
    ("text", "intent", "consent"),
    [
        ("同意", "deny", True),  # the words, not an NLU that took a bare 同意 for a no
        ("不同意", "affirm", False),
        ("哦 要得要得", None, True),
        ("嗯嗯", "deny", True),
        ("这个嘛", "deny", False),  # words that say neither: the intent
    ],
)
def test_consent_is_read_from_the_words_before_the_intent(text, intent, consent):
    assert reader.read(text, "consent", {}, intent=intent).updates.get("consent") is consent


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("要录下来啊 那 那要得嘛", True),
        ("要录音啊 那就算了", False),
        ("那可以", True),
        # go ahead and ask: a yes
        ("你问嘛", True),
        ("那你们记嘛", True),
        ("你问啥子", None),
        # a grumble, then a yes
        ("你录音做啥子嘛 算了 要得", True),
        ("录音啊 不可以", False),
        # "can", and thanks for the help, as a yes; "can I?" is no answer
        ("能 那就辛苦你们", True),
        ("好 谢谢你们了", True),
        ("能不能不录", None),
        ("不能 谢谢你们", False),
        ("问那么多干啥子 登记就登记嘛", True),
    ],
)
def test_consent_after_a_hesitation(text, consent):
    assert reader.read(text, "consent", {}).updates.get("consent") is consent


def test_a_name_among_other_words_and_a_question_said_back():
    from actions.reading.parsing import parse_name

    assert parse_name("问这个搞啥子 哦 要登记 覃德贵 西早覃 道德的德") == "覃德贵"
    assert standing_text.read_status("贫困户？不是")["registered_poor"] is False


def test_a_reported_yes_of_the_applicant_is_consent():
    from actions.reading.people.proxy import detect

    state = {"proxy": detect("我帮我婆婆问下低保")}
    got = reader.read("我刚才在摄象头里头问了她的 她喊 要得要得 你们弄嘛", "proxy_consent", state)
    assert got.updates.get("proxy_consent") is True


def test_who_the_application_is_for():
    from actions.reading.people.proxy import detect

    assert detect("我帮我娘家问一下低保 我妈八十了还在挖地")["who"] == "妈"
    # one of the sender's own household counted on her own is no proxy
    assert detect("我们屋头是低保户 大女子尿毒症 能不能给她单独办一个") is None


def test_a_village_after_its_township_and_the_applicants_name_from_a_proxy():
    assert (
        reader.read("兴隆镇 回龙村安置点", "village", {"township": "兴隆镇"}).updates["village"]
        == "回龙村"
    )
    proxy = {"who": "外婆", "relation": "grandparent", "by": "family"}
    got = reader.read("我外婆叫周九芬，我叫代小琴", "applicant_name", {"proxy": proxy})
    assert got.updates["applicant_name"] == "周九芬"


def test_a_trade_paid_by_the_day_is_business():
    from actions.reading.money_text import read_income

    assert read_income("卖凉粉 一天挣得到三十来块 一个月卖二十天 老汉儿养老金一个月一百八") == {
        "business": 7200,
        "basic_pension": 2160,
    }


def test_costs_said_again_as_none_keep_the_costs_told():
    slots = {"members": [], "asks": {"expenses": 1}}
    slots.update(reader.read("看腿一年花了四千多", "expenses", slots).updates)
    assert slots["expenses"]["medical"] == 4000
    slots.update(reader.read("读书没花啥子钱", "expenses", slots).updates)
    assert slots["expenses"]["medical"] == 4000


def test_no_sudden_trouble_with_an_old_illness_is_no_hardship():
    slots = {"members": [], "hardship": {"kind": "illness", "basic_living_unsustainable": False}}
    slots.update(
        reader.read("都不是，没得啥子突然的事，老汉儿脑梗是去年的事了", "status", slots).updates
    )
    assert slots["hardship"] == "none"
    assert standing_text.denies_hardship("不是，都还好，没有")


@pytest.mark.parametrize(
    ("text", "fine"),
    [
        ("医保买了的，房子住得，娃读书也没问题", True),
        ("医保有交，房子还好", True),
        ("房子住得", False),  # one of three: the others are not said
        ("医保有买，房子漏雨", False),
    ],
)
def test_the_three_guarantees_said_sound_one_by_one(text, fine):
    assert standing_text.guarantees_fine(text) is fine


@pytest.mark.parametrize(
    "text",
    ["右手杆遭输送带卷进去断了", "就是一月份出的事 现在米都是借的"],
)
def test_an_accident_at_work_told_plainly(text):
    assert standing_text.read_hardship(text)["kind"] == "accident"


def test_an_operation_said_to_be_over_is_no_sudden_trouble_now():
    assert standing_text.read_hardship("不是，还好，没得啥子 开刀都过了") is None
    assert standing_text.told_as_past("不是，还好，没得啥子 开刀都过了")


@pytest.mark.parametrize(
    "text",
    ["都没有，房子还可以，摔那一跤不算吧,已经好些了", "不是，没得，出事是2019年的事了"],
)
def test_a_fall_said_not_to_count_or_an_accident_of_years_ago_is_no_sudden_trouble(text):
    assert standing_text.read_hardship(text) is None


def test_consent_heard_after_a_caller_asks_what_was_said():
    from actions.reading import reader

    assert reader.read("啥子 哦 要得要得 你问", "consent", {}).updates["consent"] is True


def test_not_a_registered_poor_household_said_as_jianka_pinkunhu_and_living_on_loans():
    got = standing_text.read_status("我是低保户 他不是 都不是建卡贫困户，没得")
    assert got == {"registered_poor": False, "receiving_dibao": True}
    assert standing_text.read_status("是建档立卡贫困户") == {"registered_poor": True}
    found = standing_text.read_hardship("就是女儿今年得病，现在都是借钱过日子")
    assert found == {"kind": "illness", "basic_living_unsustainable": True}


def test_a_house_propped_up_with_timber_and_a_household_propped_up_by_one():
    assert standing_text.read_guarantees("房子是土墙的 侧边用木头撑到的 怕垮") == ["housing"]
    assert standing_text.read_guarantees("这个家全靠她撑着") == []


def test_the_word_asked_back_then_the_answer_and_a_living_said_hard():
    got = standing_text.read_status("啥子建档立卡 不晓得哦 应该不是，也没吃低保")
    assert got == {"registered_poor": False, "receiving_dibao": False}
    found = standing_text.read_hardship("房子烧了，十月份火灾，房子烧光了，基本生活很困难")
    assert found["basic_living_unsustainable"] is True


def test_a_fall_then_a_stay_in_hospital_and_a_complication():
    found = standing_text.read_hardship("就是七月份那一跤 住了半个月院 饭还是吃得起")
    assert found["kind"] == "accident"
    found = standing_text.read_hardship("今年二月份又出了并发症，住了一个月院")
    assert found["kind"] == "illness"
    assert standing_text.read_guarantees("医生说要换肾，那个钱我们哪里拿得出来") == ["medical"]


def test_a_fall_told_as_better_now_and_a_kidney_too_dear():
    text = "建卡这些我不晓得 应该没有 低保没吃过，没得，就是摔了一跤 现在好些了"
    assert standing_text.read_hardship(text) is None and standing_text.told_as_past(text)
    assert standing_text.read_guarantees("医生说最好换肾 换不起") == ["medical"]


def test_yes_written_as_it_sounds():
    assert reader.read("要的", "consent", {}).updates["consent"] is True
    assert not speech.AFFIRM.match("要的东西多")


@pytest.mark.parametrize(
    ("text", "registered"),
    [
        ("以前是建卡贫困户 现在说是脱贫户了 没吃过低保", True),  # still on the roll
        ("以前是建卡户 一八年脱了", False),
        ("以前是贫困户，现在不是了", False),
    ],
)
def test_a_household_out_of_poverty_and_one_no_longer_on_the_roll(text, registered):
    assert standing_text.read_status(text)["registered_poor"] is registered


def test_a_family_that_cannot_hold_out_and_last_year_s_storm():
    told = standing_text.read_hardship("女儿这个病，今年一月份开始的，家里已经撑不住了")
    assert told == {"kind": "illness", "basic_living_unsustainable": True}
    # a corner of the house fell in last year's rain, covered with plastic since: the house
    # is unsafe, but no sudden hardship this year
    text = "房子去年下大雨垮了一个角 拿塑料布遮起的"
    assert standing_text.read_hardship(text) is None
    assert "housing" in standing_text.read_guarantees(text)


def test_this_year_s_illness_and_an_accident_dated_years_ago():
    told = standing_text.read_hardship("就是今年这个病 日子嘛还勉强过得走")
    assert told == {"kind": "illness", "basic_living_unsustainable": False}
    assert standing_text.read_hardship("兄弟是二〇一九年摔的 今年没得啥子新的") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("你问我名字做啥子 王安福嘛 三横王 安全的安 福气的福", "王安福"), ("李红嘛", "李红")],
)
def test_a_name_ended_with_a_grumble(text, name):
    from actions.reading.parsing import parse_name

    assert parse_name(text) == name


@pytest.mark.parametrize(
    ("text", "poor"),
    [
        # the word, then the answer right after it
        ("不是低保 也不是五保 贫困户好像不是", False),
        ("贫困户 不是", False),
        # … not another question's answer after a pause
        ("建档立卡贫困户，没有", True),
        ("是建档立卡贫困户，没有吃低保", True),
    ],
)
def test_the_standing_word_then_its_answer(text, poor):
    assert standing_text.read_status(text)["registered_poor"] is poor


def test_a_village_not_known_is_no_village():
    assert "village" not in reader.read("不晓得", "village", {}).updates
    assert reader.read("竹坪村", "village", {}).updates["village"] == "竹坪村"


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # "not chosen as one", and the word then "也不是"
        ("以前也没评上贫困户", {"registered_poor": False}),
        ("特困也不是 我有儿子的嘛", {"receiving_tekun": False}),
        # 低保 first, then its denial; a negation before a pause is the last clause's
        ("低保也没领过", {"receiving_dibao": False}),
        ("低保没有 贫困户是", {"registered_poor": True, "receiving_dibao": False}),
    ],
)
def test_standing_not_chosen_and_the_word_then_its_denial(text, flags):
    got = standing_text.read_status(text)
    assert {k: got.get(k) for k in flags} == flags


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # last year's stroke, living going on since: no sudden trouble this year
        ("老汉儿去年脑梗 现在瘫在床上", None),
        # (but a grave illness still treated, or last year's bills still owed, is)
        ("她去年查出癌症 现在还在化疗", "illness"),
        ("去年老伴中风住院 花了五万 都是借的", "illness"),
    ],
)
def test_last_year_s_illness(text, kind):
    found = standing_text.read_hardship(text)
    assert (found or {}).get("kind") == kind


def test_last_year_s_stroke_told_at_the_troubles_question_is_past():
    assert standing_text.told_as_past("不是，没有，他是去年中风的 今年就是一直睡起的")


@pytest.mark.parametrize(
    ("words", "asked", "state", "tagged", "name"),
    [
        # the NLU cut the name at the bracket that spells it
        ("吴清和（口天吴，清水的清，和平的和）。", "applicant_name", {}, "吴清", "吴清和"),
        # a word that spells a character is no name
        ("于德洪 干钩于 道德的德 洪水的洪", "applicant_name", {}, "道德", "于德洪"),
        # the surname the NLU cut off
        (
            "你问我名字做啥子 王安福嘛 三横王 安全的安 福气的福",
            "applicant_name",
            {},
            "安福",
            "王安福",
        ),
        # the sender introduces themself after the applicant's name
        (
            "罗大元 我是他邻居邓春梅",
            "applicant_name",
            {"proxy": {"who": "老大爷"}},
            "邓春梅",
            "罗大元",
        ),
        (
            "段华成（申请人），我是代办的向文平。",
            "applicant_name",
            {"proxy": {"who": "群众"}},
            "向文平",
            "段华成",
        ),
        # the sender's own name, cut short by the NLU
        ("同意。我是他们的孙女，叫李雨萱。", "consent", {"proxy": {"who": "奶奶"}}, "李雨", None),
        # another member's name
        ("我先说一下我老公叫黄志强，不过申请人写我就行。", "consent", {}, "黄志强", None),
        (
            "我七十七 她七十五 叫谭银枝",
            "household_size",
            {"applicant_name": "向德明"},
            "谭银枝",
            None,
        ),
        (
            "我六十八 她六十六 她叫谭桂兰",
            "household_size",
            {"applicant_name": "邹明贵"},
            "谭桂兰",
            None,
        ),
        # still the applicant's: said as such, or a correction
        ("名字打错了 是张三丰", "confirmed", {"applicant_name": "张三"}, "张三丰", "张三丰"),
        ("我外婆叫周九芬，我叫代小琴", "consent", {"proxy": {"who": "外婆"}}, "周九芬", "周九芬"),
    ],
)
def test_whose_name_a_message_tells(words, asked, state, tagged, name):
    entities = [{"entity": "person_name", "value": tagged}]
    updates = reader.read(words, asked, dict(state), entities=entities).updates
    assert updates.get("applicant_name") == name


def test_on_dibao_but_not_registered_and_a_trouble_said_to_be_none():
    assert standing_text.read_status("是低保户 不是建卡户") == {
        "registered_poor": False,
        "receiving_dibao": True,
    }
    assert standing_text.read_hardship("今年涨水淹了点地 算不上啥子") is None
