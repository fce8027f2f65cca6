"""Table tests of the readers of each member's circumstances
(actions/reading/people/member_facts.py, actions/reading/reader.py): who can work, illness,
disability and its certificate, care, schooling.
Phrasings written for these tests (see test_readers.py)."""

from __future__ import annotations

import pytest

from actions.reading import reader
from actions.reading.people import member_facts
from tests.actions.reading.readings import new_members


@pytest.mark.parametrize(
    ("text", "able"),
    [
        # Someone minded is not the one who works: "带娃儿种地" is the mother's farming.
        ("老公在外省工地 我在屋头带娃儿种地", {"我": True, "老公": True}),
        ("儿子半年都做不得活路 我在屋头照顾他们", {"我": True, "儿子": False}),
        ("男人干不得重活，在屋头种点地", {"男人": True}),
        ("男人干不得重活", {"男人": False}),
        ("我要照顾他出不去打工", {"我": True}),
        # Plain "能做", a back that "不行", holding the house up alone
        ("只有男人还能做，我腿杆不行了", {"我": False, "男人": True}),
        ("男人瘫了做不得，屋头靠我一个人撑着", {"我": True, "男人": False}),
        # The one worker of the house, said by how many work; a carer kept home by care
        ("男人做不得了 就我一个人做 屋头三亩田", {"我": True, "男人": False}),
        ("男人在外头打工 我在医院守儿子 走不开", {"我": True, "男人": True}),
        ("我俩都还做得动", {"我": True, "男人": True}),
        # The pair said as a count; the work done said with "V得动"; who does the fields
        ("我们两个都还在做 种点洋芋", {"我": True, "男人": True}),
        ("男人做不得了 我还挑得动粪", {"我": True, "男人": False}),
        ("田头的活是我和男人做", {"我": True, "男人": True}),
        # The speaker among those working away is a member working away, not someone gone
        ("我和男人都在外面打零工", {"我": True, "男人": True}),
        ("我们两个都出去打工了", {"我": True, "男人": True}),
        ("我们两口子都在广东进厂", {"我": True, "男人": True}),
        ("我开摩托车拉人，男人在鞋厂上班", {"我": True, "男人": True}),
        # work in a mine
        ("男人在贵州煤矿 我在屋头喂猪", {"我": True, "男人": True}),
    ],
)
def test_who_can_work(text, able):
    spouse = "老公" if "老公" in text else "男人"
    members = new_members(("applicant", "我", 40), ("spouse", spouse, 45), ("child", "儿子", 20))
    member_facts.read_work(members, text)
    assert {m["label"]: m["able_to_work"] for m in members if m["label"] in able} == able


def test_the_carer_named_in_a_need_for_care():
    members = new_members(("applicant", "老汉儿", 68), ("spouse", "妈", 64))
    member_facts.apply_circumstances(members, "老汉儿半边身子不灵活，要我妈照顾")
    assert members[0]["needs_long_term_care"] is True
    assert members[1]["needs_long_term_care"] is None


def test_a_topic_said_fine_is_nobodys_circumstance():
    members = new_members(("applicant", "我", 45), ("child", "儿子", 40))
    member_facts.apply_circumstances(members, "儿子看病上学都没得问题")
    assert members[1]["in_school"] is None


def test_the_elderly_who_only_mind_the_house_answer_the_work_question():
    members = new_members(("applicant", "我", 40), ("parent", "妈", 75))
    assert member_facts.read_work(members, "我做不得了，我妈只种点菜") is True
    assert members[1]["able_to_work"] is False


@pytest.mark.parametrize(
    ("words", "serious"),
    [("今年中风住院", True), ("前年中风了，手脚不灵活", None), ("中风过", None)],
)
def test_a_stroke_is_serious_when_recent(words, serious):
    from actions.reading.people.circumstances import circumstances

    assert circumstances(words).get("serious_illness") is serious


@pytest.mark.parametrize(
    ("age", "words", "able"),
    [
        (63, "在屋头种地喂猪", True),
        (68, "种地喂猪", False),
        (68, "还在种地", True),
        (72, "种点菜自己吃", False),
        (45, "在屋头带孙儿", True),
        (66, "一个人种包谷挖洋芋 都没请人", True),
        (62, "捡点废品卖", True),
        (71, "年纪大了捡点废品", False),
    ],
)
def test_light_work_read_against_age(age, words, able):
    members = new_members(("applicant", "我", age))
    member_facts.apply_circumstances(members, "我" + words)
    assert members[0]["able_to_work"] is able


def test_a_known_grade_is_not_unasked_by_a_later_mention_of_the_certificate():
    members = new_members(("applicant", "我", 50))
    members[0]["disability_grade"] = 3
    member_facts.apply_circumstances(members, "我的残疾证前几年一直没办下来")
    assert members[0]["disability_grade"] == 3


@pytest.mark.parametrize("words", ["他妈要守着他 走不开 只种了点菜", "要伺候老头子 地也只种了点菜"])
def test_an_old_carer_minding_someone_is_not_able_to_work(words):
    members = new_members(("applicant", "我", 69))
    member_facts.apply_circumstances(members, "我" + words)
    assert members[0]["able_to_work"] is False


@pytest.mark.parametrize(
    "words", ["左手被机器绞了 后来截掉了", "腿在矿上遭砸了 锯了半截", "少了一只手"]
)
def test_a_limb_lost_is_a_disability_whose_grade_is_asked(words):
    members = new_members(("applicant", "我", 50))
    member_facts.apply_circumstances(members, "我" + words)
    assert members[0]["disability_grade"] == "unknown"


def test_work_told_stays_against_earnings_told_later():
    members = new_members(("applicant", "我", 55))
    members[0]["able_to_work"] = False
    slots = {"asks": {"work": 1}, "members": members}
    updates = reader.read("喂了几只鸡 卖点鸡蛋一年五六百", "income", slots).updates
    assert updates.get("members", members)[0]["able_to_work"] is False


def test_no_certificate_answers_the_grade_question():
    slots = {"members": new_members(("applicant", "我", 50))}
    slots["members"][0]["disability_grade"] = "unknown"
    reading = reader.read("还没去办证", "disability_grade", slots)
    assert reading.understood and reading.updates["members"][0]["disability_grade"] is None


def test_each_members_grade_or_no_certificate_in_one_answer():
    members = new_members(("applicant", "我", 45), ("spouse", "老公", 49))
    for member in members:
        member["disability_grade"] = "unknown"
    reading = reader.read("我是视力二级 老公还没办", "disability_grade", {"members": members})
    got = reading.updates["members"]
    assert reading.understood and [m["disability_grade"] for m in got] == [2, None]


def test_a_coma_is_bedridden_and_needs_care():
    members = new_members(("applicant", "我", 40), ("spouse", "老公", 44))
    member_facts.apply_circumstances(members, "老公一直昏迷 吃喝都要人喂")
    assert members[1]["bedridden"] and members[1]["needs_long_term_care"]


def test_schooling_told_stays_against_a_passing_word_in_another_answer():
    members = new_members(("applicant", "我", 30), ("child", "娃儿", 12), ("child", "娃儿", 4))
    members[1]["in_school"], members[2]["in_school"] = True, False
    updates = reader.read("娃儿读书一年两千", "expenses", {"members": members}).updates
    assert [m["in_school"] for m in updates.get("members", members)][1:] == [True, False]


@pytest.mark.parametrize(
    "words, able",
    [
        ("我原来在外头打工", True),  # capacity of a healthy adult of working age
        ("老公做点轻巧活路", True),
    ],
)
def test_past_and_light_work_of_a_healthy_adult(words, able):
    members = new_members(("applicant", "我", 45), ("spouse", "老公", 47))
    member_facts.apply_circumstances(members, words)
    said = members[1] if words.startswith("老公") else members[0]
    assert said["able_to_work"] is able


def test_the_others_cannot_work_but_the_speaker_farms():
    members = new_members(("applicant", "我", 56), ("spouse", "男人", 58), ("child", "儿子", 34))
    assert member_facts.read_work(members, "就我一个人做 种几亩田 他们两个都做不得")
    assert [m["able_to_work"] for m in members] == [True, False, False]


@pytest.mark.parametrize(
    "words, bedridden, care",
    [
        ("男人瘫了 坐轮椅 吃饭穿衣都是我弄", False, True),
        ("儿子开了刀 一天到黑睡起", True, None),
        ("我瘫在床上十几年了 要人翻身", True, True),
    ],
)
def test_in_bed_or_in_a_wheelchair(words, bedridden, care):
    members = new_members(("applicant", "我", 56), ("spouse", "男人", 58), ("child", "儿子", 34))
    member_facts.apply_circumstances(members, words)
    who = {"男": 1, "儿": 2, "我": 0}[words[0]]
    assert members[who]["bedridden"] is bedridden
    assert members[who]["needs_long_term_care"] is care


def test_a_wheelchair_among_the_assets_asks_no_new_grade():
    members = new_members(("applicant", "我", 56))
    updates = reader.read(
        "没得车 只有个轮椅", "assets", {"members": members, "asks": {"health": 1}}
    )
    assert updates.updates.get("members", members)[0]["disability_grade"] is None


def test_the_old_man_who_does_all_the_farm_work_can_work():
    members = new_members(("applicant", "我", 69), ("spouse", "老头子", 74))
    member_facts.read_work(members, "地里的活路都是他在做 他力气大得很 我做不得重活 就煮饭喂鸡")
    assert [m["able_to_work"] for m in members] == [False, True]


@pytest.mark.parametrize(
    ("words", "serious"),
    [
        # A 重特大疾病, or what the words make one; a lasting aftermath is not
        ("心脏病 要开刀换瓣", True),
        ("心脏不好 医生说要换个瓣膜 钱还没凑够", True),
        ("心脏搭了桥 今年三月做的", True),
        ("肚子里长了个瘤 要开刀", True),
        ("心脏病 高血压 都是老毛病", None),
        ("精神分裂 长期吃药", None),
        ("老娘中风 瘫在床上好多年了", None),
        ("上个月突然中风 住了半个月院", True),
    ],
)
def test_what_makes_an_illness_serious(words, serious):
    from actions.reading.people.circumstances import circumstances

    assert circumstances(words).get("serious_illness") is serious


def test_a_son_said_with_one_character():
    members = new_members(("applicant", "我", 76), ("child", "儿子", 50))
    member_facts.apply_circumstances(members, "我儿从小就瘫起的 在床上睡了几十年 我眼睛看不见了")
    assert members[1]["bedridden"] is True
    assert members[0]["bedridden"] is None


def test_someone_kept_in_bed_is_someone_cared_for():
    members = new_members(("applicant", "我", 70), ("child", "儿子", 45))
    member_facts.apply_circumstances(members, "儿子睡在床上起不来十几年了")
    member_facts.settle_health(members)
    assert members[1]["needs_long_term_care"] is True
    assert members[0]["needs_long_term_care"] is False


def test_the_carers_words_for_care():
    members = new_members(("applicant", "我", 50), ("parent", "公公", 80))
    member_facts.apply_circumstances(members, "公公瘫起的 屎尿都要人接")
    assert members[1]["needs_long_term_care"] is True


def test_one_named_able_in_the_health_answer_leaves_the_others_of_working_age_to_ask():
    """ "老公腰不好 还做得" answers the health question: the mother of 48 who minds her son
    was not asked who can work; the grandfather of 72 in bed is not the household's labour."""
    members = new_members(
        ("applicant", "我", 48),
        ("spouse", "老公", 50),
        ("child", "儿子", 9),
        ("parent", "老汉儿", 72),
    )
    members[3]["bedridden"] = True
    slots = {"members": members}
    slots.update(
        reader.read("儿子脑瘫 吃饭上厕所都要人 老公腰不好 还做得", "health", slots).updates
    )
    work = {m["label"]: m["able_to_work"] for m in slots["members"]}
    assert work == {"我": None, "老公": True, "儿子": False, "老汉儿": False}


@pytest.mark.parametrize(
    "words, grade",
    [
        ("眼睛只看得到个影子 要摸到墙走", "unknown"),  # sight nearly gone: ask the grade
        ("孙女是自闭症 去年办了证", "unknown"),
        ("眼睛看不到了 没办啥子证", None),  # no certificate, said at once
        ("眼睛看不到了 白内障拖成这样的", None),
        ("看书看不清 老花眼", None),
    ],
)
def test_sight_and_autism_ask_for_the_grade_unless_no_certificate_is_said(words, grade):
    members = new_members(("applicant", "我", 70), ("grandchild", "孙女", 8))
    member_facts.apply_circumstances(members, words)
    assert members[1 if "孙女" in words else 0]["disability_grade"] == grade


def test_work_a_child_cannot_do_is_the_speakers():
    members = new_members(("applicant", "我", 37), ("child", "儿子", 6))
    member_facts.read_work(members, "我走不开 娃儿离不得人 在屋头给厂里串珠子 计件的")
    assert members[0]["able_to_work"] is True


@pytest.mark.parametrize(
    "words, in_school", [("幼儿园不收他 在屋头", False), ("读二年级 学校都不收钱", True)]
)
def test_a_school_that_will_not_take_the_child(words, in_school):
    members = new_members(("applicant", "我", 37), ("child", "儿子", 7))
    member_facts.apply_circumstances(members, f"儿子{words}")
    assert members[1]["in_school"] is in_school


@pytest.mark.parametrize(
    "words",
    ["我在砖厂当门卫 上夜班", "我在镇上当保安", "我在县城送外卖", "我养蜂 有五十来箱"],
)
def test_a_guard_or_a_courier_works(words):
    members = new_members(("applicant", "我", 45), ("parent", "妈", 75))
    member_facts.read_work(members, words)
    assert members[0]["able_to_work"] is True


@pytest.mark.parametrize(
    ("words", "able"),
    [
        # the health question asks who can work too: one answer for both
        ("就我一个人做 种几亩田 他们两个都做不得", [True, False, False]),
        ("我还好 老伴血压高 吃药，两个都还在做 喂牛", [True, True, False]),
    ],
)
def test_who_works_said_with_the_health_answer(words, able):
    members = new_members(("applicant", "我", 56), ("spouse", "老伴", 58), ("child", "儿子", 30))
    member_facts.apply_circumstances(members, words)
    member_facts.read_work(members, words)
    assert [m["able_to_work"] for m in members] == able


def test_care_needed_as_written():
    from actions.reading.people.circumstances import circumstances

    assert circumstances("穿衣洗澡都需我照料").get("needs_long_term_care") is True


@pytest.mark.parametrize(
    ("text", "able"),
    [
        ("地里的重活全是我妈一个人 八十了还在挖 老汉儿做不得", {"妈": True, "老汉儿": False}),
        ("老汉儿还在给别个帮工 砌坎子 挑东西", {"老汉儿": True}),
    ],
)
def test_old_people_still_doing_the_work(text, able):
    members = new_members(("applicant", "妈", 80), ("spouse", "老汉儿", 72))
    member_facts.read_work(members, text)
    assert {m["label"]: m["able_to_work"] for m in members if m["label"] in able} == able


def test_an_old_operation_is_no_serious_illness_now():
    from actions.reading.people.circumstances import circumstances

    assert "serious_illness" not in circumstances(
        "公公早些年颈椎受了重伤 做过大手术 里头还有8颗钢钉"
    )
    assert circumstances("老汉儿上个月做了大手术")["serious_illness"] is True


def test_an_illness_in_the_costs_answer_is_the_one_the_health_answer_named():
    slots = {
        "members": new_members(("applicant", "我", 62), ("child", "老三", 39)),
        "asks": {"health": 1},
    }
    slots.update(reader.read("老三尿毒症 一个礼拜透析三回", "health", slots).updates)
    slots.update(reader.read("透析报了以后 一个月自己还要出千把块", "expenses", slots).updates)
    assert [m["serious_illness"] for m in slots["members"]] == [False, True]


def test_a_spouse_named_by_surname_and_an_order_word_after_me():
    from actions.reading.people.people_words import mentions

    assert [m.people for m in mentions("老陈肺癌 化疗了几次")] == [[("spouse", "老陈")]]
    assert all(p[0] != "applicant" for m in mentions("我老三得了尿毒症") for p in m.people)


def test_children_who_cannot_speak_have_a_grade_to_ask():
    from actions.reading.people.circumstances import circumstances

    assert circumstances("两个女儿听得到一点但不会说话")["disability_grade"] == "unknown"


@pytest.mark.parametrize(
    ("text", "ages", "able"),
    [
        # a little farming in one's sixties is still work; at seventy and more it is not,
        # nor when the words say how little is left
        ("我在屋头种点苞谷 老伴也种点菜", (64, 62), {"我": True, "老伴": True}),
        ("我在屋头种点苞谷 老伴也种点菜", (76, 73), {"我": False, "老伴": False}),
        ("我只种点菜 老伴做不得", (64, 62), {"我": False, "老伴": False}),
        ("我重活做不了 种点菜", (64, 62), {"我": False}),
    ],
)
def test_a_little_farming_by_age(text, ages, able):
    members = new_members(("applicant", "我", ages[0]), ("spouse", "老伴", ages[1]))
    member_facts.read_work(members, text)
    assert {m["label"]: m["able_to_work"] for m in members if m["label"] in able} == able


@pytest.mark.parametrize(
    "text",
    ["农闲的时候打点小工", "天天上山放牛", "在屋头编篾货卖", "做点凉粉去街上卖", "种了七八亩脐橙"],
)
def test_more_words_for_work(text):
    members = new_members(("applicant", "我", 52))
    member_facts.read_work(members, text)
    assert members[0]["able_to_work"] is True


def test_a_man_s_wife_s_parents():
    from actions.reading.people.people_words import mentions

    assert [m.people for m in mentions("还有我丈母娘 八十几了")] == [[("in_law", "丈母娘")]]
    assert [m.people for m in mentions("老丈人瘫在床上")] == [[("in_law", "老丈人")]]


def test_a_proxy_names_the_applicant_by_surname():
    """A cadre says "老谭" of the man applied for: him, not a spouse called by the surname."""
    slots = {
        "proxy": {"who": "老人", "relation": "other", "by": "cadre"},
        "applicant_name": "谭明和",
        "id_number": "500236196104120019",
        "household_size": 2,
        "members": new_members(("applicant", "老人", 65), ("spouse", "老伴", 60)),
    }
    slots.update(reader.read("老谭腰杆不好 老伴在村里做保洁", "health", slots).updates)
    slots.update(reader.read("老谭还在放牛 老伴做保洁", "work", slots).updates)
    assert [m["able_to_work"] for m in slots["members"]] == [True, True]


def test_a_proxy_names_the_applicant_by_surname_in_the_household_answer():
    slots = {
        "proxy": {"who": "老人", "relation": "other", "by": "cadre"},
        "applicant_name": "谭明和",
        "id_number": "500236196104120019",
    }
    slots.update(reader.read("三个人，老谭65，他老伴60，孙子12", "household_size", slots).updates)
    assert [(m["relation"], m["age"]) for m in slots["members"]] == [
        ("applicant", 65),
        ("spouse", 60),
        ("grandchild", 12),
    ]


def test_people_named_together_share_what_is_said_of_them():
    members = new_members(("applicant", "我", 40), ("in_law", "公公", 63), ("in_law", "婆婆", 61))
    member_facts.read_work(members, "我在屋头带娃 公公婆婆在镇上厂里做工")
    assert [m["able_to_work"] for m in members] == [True, True, True]


def test_care_given_is_not_care_needed():
    from actions.reading.people.circumstances import circumstances

    assert "needs_long_term_care" not in circumstances("全靠她一个人伺候")
    assert circumstances("老汉儿瘫了 屙屎屙尿都要人")["needs_long_term_care"] is True


def test_only_light_chores_is_no_work():
    members = new_members(("applicant", "我", 45), ("spouse", "老公", 47))
    member_facts.read_work(members, "我在镇上打零工 老公身体不好 只能做点家务")
    assert [m["able_to_work"] for m in members] == [True, False]


@pytest.mark.parametrize(
    ("text", "age", "able"),
    [
        # heavy work denied in either order, light work after it
        ("重活做不得 在屋门口养蜂", 79, True),
        ("重活做不了 种点菜", 66, False),
        ("重活干不得 在屋头种点地", 50, True),
        ("伤得重 重活做不了 在屋头", 45, False),
    ],
)
def test_heavy_work_denied_and_what_is_left(text, age, able):
    members = new_members(("applicant", "我", age))
    member_facts.apply_circumstances(members, text)
    assert members[0]["able_to_work"] is able


def test_someone_not_yet_named_is_not_the_speaker():
    members = new_members(("applicant", "我", 56), ("spouse", "老公", 57))
    member_facts.apply_circumstances(members, "我屋头有个瘫起的 是我前头那个男的")
    assert not members[0]["bedridden"]


def test_nothing_done_with_a_sore_hand_is_not_nobody_able():
    members = new_members(("applicant", "我", 66), ("spouse", "老婆", 63))
    member_facts.read_work(members, "她手上那个疙瘩烂了 右手啥子都做不得 我还好，我还在种地 喂猪")
    assert [m["able_to_work"] for m in members] == [True, False]


def test_a_grade_said_again_of_one_who_has_it_is_no_one_elses():
    members = new_members(("applicant", "我", 65), ("parent", "老汉", 92), ("in_law", "儿媳妇", 38))
    members[1]["disability_grade"], members[2]["disability_grade"] = "unknown", 3
    member_facts.read_grades(members, "儿媳妇 三级 智力的")
    assert [m["disability_grade"] for m in members] == [None, "unknown", 3]


def test_the_others_have_none_after_one_grade():
    members = new_members(("applicant", "蒲大爷", 72), ("in_law", "老丈母", 88))
    for member in members:
        member["disability_grade"] = "unknown"
    member_facts.read_grades(members, "蒲大爷有残疾证 三级 其他人没得")
    assert [m["disability_grade"] for m in members] == [3, None]


def test_only_one_certified_leaves_the_others_without_and_the_grade_hers():
    members = new_members(("applicant", "我", 65), ("parent", "老汉", 92), ("in_law", "儿媳妇", 38))
    members[1]["disability_grade"] = "unknown"
    member_facts.apply_circumstances(
        members, "老汉坐轮椅 儿媳妇有癫痫 只有儿媳妇办了残疾证 智力三级，就我一个做得活路"
    )
    assert [m["disability_grade"] for m in members] == [None, None, 3]


@pytest.mark.parametrize(
    ("text", "able"),
    [
        ("我还好，地里的活路我一个人做 干不动也得干", True),
        ("老伴还硬朗，老伴种点菜喂几只鸡", None),  # the speaker: nothing said
    ],
)
def test_work_done_anyway_and_farming_of_the_sound(text, able):
    members = new_members(("applicant", "我", 67), ("spouse", "老伴", 71))
    member_facts.apply_circumstances(members, text)
    assert members[0]["able_to_work"] is able
    if "硬朗" in text:
        assert members[1]["able_to_work"] is True


def test_seasonal_work_at_a_tea_base_is_work():
    members = new_members(("applicant", "我", 64), ("spouse", "老伴", 61))
    member_facts.apply_circumstances(members, "我种地 老伴采茶那阵去县里茶叶基地做一季")
    assert [m["able_to_work"] for m in members] == [True, True]


def test_grandchildren_by_their_order_and_a_son_who_will_not_work():
    members = new_members(
        ("applicant", "我", 80),
        ("child", "大儿子", 52),
        ("grandchild", "孙女", 17),
        ("grandchild", "孙娃", 14),
        ("grandchild", "孙女", 10),
    )
    member_facts.read_school(members, "大孙女读高二 老二初二 老三四年级")
    assert [m["in_school"] for m in members[2:]] == [True, True, True]
    member_facts.apply_circumstances(members, "儿子身体好得很 就是懒")
    assert members[1]["able_to_work"] is True


def test_a_daughter_by_another_word_and_school_left_after_this_term():
    members = new_members(("applicant", "我", 51), ("child", "儿子", 18), ("child", "女儿", 15))
    member_facts.read_school(members, "儿子高三 女儿高一 都在县城住校 女子说读完这学期不读了")
    assert [m["in_school"] for m in members[1:]] == [True, True]
    members = new_members(("applicant", "妈妈", 45), ("child", "我", 16))
    member_facts.read_school(members, "我高一读了一个月 九月底就没去了")
    assert members[1]["in_school"] is False


@pytest.mark.parametrize(
    ("member", "words", "able"),
    [
        (("parent", "老汉", 67), "老汉在屋头种点菜", False),  # the speaker's parent: no labour
        (("spouse", "老婆", 63), "老婆在屋头种点菜", True),
        (("spouse", "老婆", 78), "老婆还种点苞谷", True),
    ],
)
def test_a_little_farming_of_the_parents_and_of_the_old_still_at_it(member, words, able):
    members = new_members(("applicant", "我", 46), member)
    member_facts.apply_circumstances(members, words)
    assert members[1]["able_to_work"] is able


def test_a_cancer_healed_is_no_serious_illness_now():
    from actions.reading.people.circumstances import circumstances

    assert "serious_illness" not in circumstances("我自己以前得过癌症,发现得早,现在好了,每年要复查")


def test_a_fire_watch_post_kept_is_work():
    members = new_members(("applicant", "我", 70), ("spouse", "老头子", 73))
    member_facts.apply_circumstances(members, "他在给村里守那个防火的点 守了十一年了")
    assert members[1]["able_to_work"] is True


def test_after_a_skull_operation_in_bed_and_no_longer_working():
    from actions.reading.people.circumstances import circumstances

    words = "他开颅过后大部分时间都在睡 吃喝拉撒都在床上，他原来当保安 出了事就做不成了"
    flags = circumstances(words)
    assert flags["serious_illness"] and flags["bedridden"] and flags["able_to_work"] is False


def test_he_is_the_one_man_among_daughters_and_a_mother():
    members = new_members(
        ("applicant", "我", 51), ("spouse", "男人", 53), ("child", "女儿", 22), ("parent", "妈", 84)
    )
    member_facts.apply_circumstances(members, "我妈眼睛看不到了，他在路边租个门面修车 生意不好做")
    assert members[1]["able_to_work"] is True


@pytest.mark.parametrize(
    "words", ["我今年考到重庆,学费一年五千二", "我在永州读", "女儿在贵阳读护理"]
)
def test_college_said_by_where_or_what_is_read(words):
    from actions.reading.people.circumstances import circumstances

    assert circumstances(words)["in_school"] is True


@pytest.mark.parametrize(
    "words, flags",
    [
        # still at a trade though the fields are too much
        ("还砍得动竹子 扎扫把卖 地种不动了 种点菜自己吃", {"able_to_work": True}),
        # what was sold off is no work
        ("我奶奶说把她的棺材拿去卖了给女儿治病", {}),
        ("闲了上山捡点板栗 核桃 拿去卖", {"able_to_work": True}),
        ("以前在厂里打工 现在做不到事", {"able_to_work": False}),
        ("半边动不得 要人招呼", {"able_to_work": False, "needs_long_term_care": True}),
        ("女儿书读不成了，休学了", {"in_school": False}),
    ],
)
def test_the_fifteenth_session_s_words_of_work_care_and_school(words, flags):
    from actions.reading.people.circumstances import circumstances

    got = circumstances(words)
    assert {k: got.get(k) for k in flags} == flags


def test_half_paralysed_is_not_bedridden():
    from actions.reading.people.circumstances import circumstances

    assert not circumstances("中风了瘫了半边").get("bedridden")
    assert circumstances("瘫了 一直睡在床上")["bedridden"] is True


def test_not_at_work_says_nothing_of_being_able_and_selling_is_work():
    members = new_members(("applicant", "我", 34), ("spouse", "老公", 36), ("child", "儿子", 6))
    member_facts.apply_circumstances(members, "老公在县城跑业务，每天回来，我走不开，没上班")
    assert [m["able_to_work"] for m in members] == [None, True, None]


def test_a_grade_in_words_a_shoe_mender_at_work_and_good_days_are_no_health():
    from actions.reading.people.circumstances import circumstances

    assert circumstances("截瘫，腰以下没得知觉，有残疾证一级。")["disability_grade"] == 1
    assert circumstances("我坐手摇车到场上补鞋")["able_to_work"] is True
    assert "disability_grade" not in circumstances("补鞋好的时候一天五六十，落雨就没得")


def test_the_figure_after_an_answer_that_named_its_source_without_one():
    slots = {"income_named": ["business", "agriculture"], "asks": {"income": 2},
             "unclear": {"income": ["补鞋好的时候一天五六十，落雨就没得"]}}  # fmt: skip
    got = reader.read("一个月算下来一千块左右", "income", slots).updates
    assert got["income"] == {"business": 12000}


def test_both_said_able_with_two_people():
    members = new_members(
        ("applicant", "我", 69), ("spouse", "老婆", 66), ("grandchild", "孙子", 13)
    )
    member_facts.apply_circumstances(
        members, "我胃不好 老婆还好 都没残疾证，种脐橙 两个人都还做得动"
    )
    assert [m["able_to_work"] for m in members] == [True, True, None]


def test_vegetables_and_maize_at_sixty_six_are_farming():
    members = new_members(("applicant", "妈", 66), ("grandchild", "孙儿", 9))  # (by proxy)
    member_facts.apply_circumstances(members, "我妈就种点菜种点包谷 出不去 要守娃儿")
    assert members[0]["able_to_work"] is True


def test_a_paraplegic_who_sits_in_a_wheelchair_is_not_bedridden():
    from actions.reading.people.circumstances import circumstances

    flags = circumstances("兄弟高位截瘫 残疾证一级 坐得起轮椅 上厕所要人帮")
    assert flags["bedridden"] is False and flags["disability_grade"] == 1


def test_work_with_no_one_named_after_the_speaker_s_is_the_household_s():
    members = new_members(("applicant", "我", 56), ("spouse", "老婆", 53), ("parent", "妈", 80))
    members[0]["able_to_work"] = True
    assert member_facts.read_work(members, "就守那几亩茶园 农闲去镇上帮人搬货") is True
    assert [m["able_to_work"] for m in members] == [True, True, None]


def test_the_time_first_then_the_person_a_care_given_and_a_bed_not_to_stay_in():
    members = new_members(("applicant", "我", 61), ("spouse", "老伴", 63))
    member_facts.apply_circumstances(members, "去年六月间老伴中风 救过来了 现在瘫在床上")
    assert members[1]["bedridden"] is True and members[0]["bedridden"] is None
    from actions.reading.people.circumstances import circumstances

    # coming back to look after someone gives care; staying in bed is what he must not do
    # ("要人扶", help to walk, stays no long-term care: four sheets of five say so)
    assert "needs_long_term_care" not in circumstances("我要回去照顾她")
    assert "bedridden" not in circumstances("医生说不能一直睡在床上")
    assert circumstances("在县职教中心读电焊")["in_school"] is True


@pytest.mark.parametrize(
    ("text", "able"),
    [
        # work told after the parents, with no one named, is the speaker's
        ("老汉儿腿不好 其他都好，在场镇打零工", {"我": True, "老汉儿": None}),
        ("老娘身体还行，我没上班 回来了做不了事", {"我": False, "老娘": None}),
        ("老娘身体还行，没做事了 回来就做不了事", {"我": False, "老娘": None}),
        # but a parent's own words about the parent stay theirs
        ("老汉儿72了 腿不好 做不得了", {"我": None, "老汉儿": False}),
        # fruit and orchards are farming
        ("老汉儿老娘种柑子", {"老汉儿": True, "老娘": True}),
    ],
)
def test_the_speakers_work_after_the_parents_and_fruit_farming(text, able):
    members = new_members(("applicant", "我", 35), ("parent", "老汉儿", 58), ("parent", "老娘", 57))
    member_facts.apply_circumstances(members, text)
    got = {m["label"]: m["able_to_work"] for m in members}
    assert {k: got[k] for k in able} == able


@pytest.mark.parametrize(
    ("text", "able"),
    [
        ("在附近修路", True),
        ("老公在福建晋江鞋厂", True),
        ("路修好了", None),
    ],
)
def test_road_work_and_a_far_shoe_factory_are_work(text, able):
    from actions.reading.people.circumstances import ABLE

    assert (ABLE.search(text) is not None) is bool(able)


def test_one_who_cannot_feed_himself_does_no_chores():
    from actions.reading.people.circumstances import circumstances

    assert circumstances("瘫在床上 自己吃不得饭").get("able_to_work") is not True


def test_a_wrenched_back_is_an_accident_and_a_rebuilt_house_is_sound():
    from actions.reading import standing_text

    assert standing_text.read_hardship("搬东西闪了腰 干不了活")["kind"] == "accident"
    assert standing_text.guarantees_fine("房子修好了 看病还可以")


def test_the_old_ones_said_bare_are_the_parents_not_the_wife_named_before():
    members = new_members(
        ("applicant", "我", 44),
        ("spouse", "老婆", 42),
        ("parent", "老汉", 72),
        ("parent", "妈", 69),
    )
    member_facts.read_work(members, "我在工地上做小工 老婆屋头种地 老的做不动了", asked=False)
    assert [m["able_to_work"] for m in members] == [True, True, False, False]


def test_both_at_work_in_the_orchard_can_work():
    members = new_members(("applicant", "我", 55), ("spouse", "老婆", 53))
    member_facts.read_work(members, "两个人都在橙子地头 没出去打工")
    assert [m["able_to_work"] for m in members] == [True, True]


@pytest.mark.parametrize(
    "text",
    [
        "土墙房垮了个角 下大雨还是不放心，没有突然的事",  # a worry
        "病是前几年得的 不是今年才出的事",
        "猪瘟是去年的事 今年就是还账紧",  # last year's
    ],
)
def test_worries_and_last_years_troubles_are_no_sudden_hardship(text):
    from actions.reading import standing_text

    assert standing_text.read_hardship(text) is None


def test_cracks_sold_houses_and_fish_are_read_for_what_they_are():
    members = new_members(("applicant", "我", 44), ("spouse", "老婆", 42))
    member_facts.apply_circumstances(members, "我自己养鱼 老婆在镇上超市当收银员")
    assert [m["able_to_work"] for m in members] == [True, True]
    members = new_members(("child", "儿子", 34))
    member_facts.apply_circumstances(members, "修房子用完了 正屋也裂了缝")
    assert members[0]["able_to_work"] is None


def test_one_kept_home_past_sixty_with_a_few_hens_is_not_the_households_labour():
    members = new_members(("applicant", "我", 60), ("parent", "妈", 85))
    member_facts.read_work(
        members, "我妈老年痴呆 要人守到，我守到我妈 没法出去做活路 屋头喂了几只鸡", asked=False
    )
    assert [m["able_to_work"] for m in members] == [False, False]
    assert members[1]["needs_long_term_care"] is True


def test_all_those_named_two_old_people_and_one_led_by_the_hand():
    members = new_members(("applicant", "张大爷", 72), ("spouse", "张大娘", 70))
    member_facts.apply_circumstances(members, "张大爷高血压 张大娘风湿 都没得残疾证，做不动了")
    assert [m["able_to_work"] for m in members] == [False, False]
    members = new_members(("applicant", "王大爷", 72), ("spouse", "老伴", 70))
    member_facts.apply_circumstances(members, "王大爷身体还可以。两个老人种点苞谷洋芋，自己吃")
    assert [m["able_to_work"] for m in members] == [False, False]
    members = new_members(("applicant", "我", 67), ("spouse", "老婆子", 64))
    member_facts.apply_circumstances(members, "老婆子做不得 走路要我牵到")
    assert members[1]["needs_long_term_care"] is True
    members = new_members(("applicant", "我", 67), ("spouse", "老头子", 67))
    member_facts.apply_circumstances(members, "老头子四月份心梗 放了支架 做不得活路")
    assert members[1]["serious_illness"] is True
