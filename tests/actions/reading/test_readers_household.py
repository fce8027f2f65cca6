"""Table tests of the readers of the household (actions/reading/people/household_text.py,
actions/reading/reader.py): who lives together and who does not, ages, counts and
corrections, who applies for whom.
Phrasings written for these tests (see test_readers.py)."""

from __future__ import annotations

import pytest

from actions.reading import reader
from actions.reading.parsing import parse_name, plain_negation
from actions.reading.people import household_text as people
from actions.reading.people import member_facts, people_words
from actions.reading.people.proxy import detect
from tests.actions.reading.readings import new_members


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("就他们爷儿两个", 2),
        ("娘儿俩", 2),
        ("算上我男人五个", 5),
    ],
)
def test_household_size_said_as_a_pair_or_with_a_count(text, size):
    assert reader.read(text, "household_size", {}).updates["household_size"] == size


def test_ages_said_against_the_speaker():
    members = people.read_members("我四十，男人大我两岁，女儿小我二十岁")
    assert [(m["label"], m["age"]) for m in members] == [("我", 40), ("男人", 42), ("女儿", 20)]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("屋里头就我跟老头子两个人，都八十几了", [80, 80]),
        ("我同老伴，都是六十多岁，另外有个傻儿子三十五", [60, 60, 35]),
        ("我和男人两个都五十几", [50, 50]),
        ("屋头有公公婆婆八十多，我跟娃儿", [80, 80, None, None]),
        # side by side but not of one generation: the age is the last one's
        ("外婆外孙女九岁", [None, 9]),
    ],
)
def test_one_age_said_of_a_pair_is_each_ones(text, ages):
    assert [m["age"] for m in people.read_members(text)] == ages


def test_one_person_said_twice_in_a_story_is_one_member():
    members = people.read_members("他和女儿两个住 女儿有癫痫")
    assert [m["label"] for m in members] == ["女儿"]


def test_cadre_applying_for_an_elder():
    assert detect("我是村干部 帮我们村一个老人家申请低保")["who"] == "老人家"


@pytest.mark.parametrize(
    ("text", "requested", "size"),
    [
        ("说错了，是六个，还有我公公", "household_size", 6),
        ("不对，是五个人，前头说成四个了", "confirmed", 5),
    ],
)
def test_a_corrected_count(text, requested, size):
    slots = {"household_size": 4}
    assert reader.read(text, requested, slots).updates["household_size"] == size


def test_someone_left_out_is_counted():
    members = new_members(("applicant", "我", 40), ("spouse", "老公", 42))
    members += new_members(("child", "女儿", 12), ("child", "儿子", 8))
    slots = {"household_size": 4, "members": members}
    updates = reader.read("还有我公公，七十五了，前头漏了", "members", slots).updates
    assert updates["household_size"] == 5
    assert ("in_law", 75) in [(m["relation"], m["age"]) for m in updates["members"]]


def test_to_a_proxy_he_or_she_is_the_person_applied_for():
    members = new_members(("applicant", "五保老人", 66), ("parent", "妈", 88))
    member_facts.apply_circumstances(members, "前年我们带她去办了残疾证 是视力一级")
    assert members[0]["disability_grade"] == 1 and members[1]["disability_grade"] is None


def test_a_proxy_story_about_the_person_applied_for_keeps_it_for_the_applicant():
    updates = reader.read(
        "我是村里网格员 帮一个孤寡老人问下低保 她耳朵聋了 残疾证是听力二级", None, {}
    ).updates
    applicant = next(m for m in updates["members"] if m["relation"] == "applicant")
    assert applicant["disability_grade"] == 2


@pytest.mark.parametrize(
    "words, labels",
    [
        ("我跟老伴两个住 老伴前年病故了", ["我"]),
        ("我原来跟老汉儿住 老汉儿去年冬天在坡上摔了一跤 没救过来 摔死了", ["我"]),
        ("我和老公还有婆婆 婆婆差点摔死了", ["我", "老公", "婆婆"]),
    ],
)
def test_someone_said_to_have_died_is_no_member(words, labels):
    assert [m["label"] for m in people.read_members(words)] == labels


@pytest.mark.parametrize(
    "words, members",
    [
        ("三个 我四十 大儿子读初二 小的读四年级", [("我", 40), ("大儿子", 13), ("小的", 9)]),
        ("我带两个女娃", [("我", None), ("女娃", None), ("女娃", None)]),
    ],
)
def test_children_by_grade_and_by_order(words, members):
    assert [(m["label"], m["age"]) for m in people.read_members(words)] == members


def test_he_at_the_start_goes_on_about_him():
    members = new_members(("applicant", "我", 58), ("spouse", "老头子", 63))
    member_facts.apply_circumstances(members, "他中风了 半边瘫了 起不来床 我身体还好")
    assert members[1]["bedridden"] is True and members[0]["bedridden"] is not True


@pytest.mark.parametrize(
    "words, members",
    [
        (
            "就我和三个孙孙 我50 大孙儿9岁 老二7岁 幺儿3岁",
            [("我", 50), ("大孙儿", 9), ("孙孙", 7), ("幺儿", 3)],
        ),
        (
            "我和老伴 两个娃儿 我52 老伴50 儿子19 女儿16",
            [("我", 52), ("老伴", 50), ("儿子", 19), ("女儿", 16)],
        ),
    ],
)
def test_the_members_of_a_group_told_one_by_one_after_it(words, members):
    assert [(m["label"], m["age"]) for m in people.read_members(words)] == members


def test_the_youngest_is_the_last_child():
    members = new_members(("applicant", "我", 30), ("child", "女儿", 8), ("child", "娃儿", 3))
    member_facts.apply_circumstances(members, "幺儿还没上幼儿园")
    assert [m["in_school"] for m in members] == [None, None, False]


@pytest.mark.parametrize(
    "words, labels",
    [
        ("我 老伴 大儿", ["我", "老伴", "大儿"]),
        ("我小儿麻痹 走路不方便", ["我"]),
    ],
)
def test_the_eldest_son_and_polio(words, labels):
    assert [m["label"] for m in people.read_members(words)] == labels


def test_by_himself_is_not_the_applicant():
    members = new_members(("applicant", "我", 68), ("child", "大儿", 45))
    member_facts.apply_circumstances(members, "大儿是傻的 穿衣吃饭自己会 有残疾证")
    assert members[1]["disability_grade"] == "unknown" and members[0]["disability_grade"] is None


def test_applying_for_both_parents_makes_the_father_the_applicant():
    assert detect("想替爸妈申请一下低保")["who"] == "爸"


def test_who_the_applicant_is_then_the_name():
    from actions.reading.places import stated_name

    assert stated_name("申请人是我母亲：陈桂兰，我是她女儿") == "陈桂兰"


def test_the_household_is_who_lives_together_not_the_register():
    from actions.reading.parsing import parse_household_size

    assert parse_household_size("户口上五个，平时一起住的就三个") == 3


def test_a_sister_working_in_a_city_is_no_member():
    assert [m["label"] for m in people.read_members("我和老伴 妹妹在成都上班")] == ["我", "老伴"]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("哥哥王德明61岁", [61]),  # a name between the person and the age
        ("我和老伴 我66 他70", [66, 70]),  # the pronoun's age after a pause
        ("我和老伴，我70，她1个人住不得", [70, None]),  # no age from "1个人"
    ],
)
def test_ages_said_with_a_name_or_a_pronoun(text, ages):
    assert [m["age"] for m in people.read_members(text)] == ages


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("我在屋头编背篓卖", True),
        ("我还在做 喂几只鸡", True),
        ("我在屋头做手工", True),
    ],
)
def test_piecework_at_home_is_work(text, work):
    members = people.read_members("我62")
    member_facts.read_work(members, text, asked=True)
    assert members[0]["able_to_work"] is work


def test_applying_for_ourselves_is_no_proxy():
    assert detect("想给我们两个老的申请低保") is None
    assert detect("给我们家老汉儿申请低保")["relation"] == "parent"


def test_keyboard_slips_and_a_name_with_a_note():
    assert "申请" in plain_negation("帮我妈申情低保")
    assert parse_name("何秀英（申请人），我是她侄儿") == "何秀英"


def test_ages_typed_with_a_space_after_every_word():
    got = people.read_members("我 52 老婆 50 儿子 19")
    assert [m["age"] for m in got] == [52, 50, 19]


def test_the_applicant_named_as_a_relative():
    assert detect("申请人是我父亲，王德贵。我是他女儿")["relation"] == "parent"
    assert parse_name("申请人是我父亲，王德贵。我是他女儿") == "王德贵"
    assert detect("我是村里的妇女主任，为一户困难群众申请")["by"] == "cadre"
    assert detect("我是村上的组长，他家原来有低保，想给他们重新报一下")["by"] == "cadre"


def test_by_himself_is_not_the_speaker():
    members = people.read_members("我40 女儿8岁")
    member_facts.apply_circumstances(members, "女儿脑瘫 自己坐不稳 吃饭穿衣都要人")
    assert [m["needs_long_term_care"] for m in members] == [None, True]


def test_a_grade_not_known_is_unknown_not_none():
    members = people.read_members("我70 孙女12")
    member_facts.read_grades(members, "孙女的不晓得几级")
    assert members[1]["disability_grade"] == "unknown"


def test_grandchildren_by_order_and_the_spouse_called_by_the_childrens_word():
    members = people.read_members("我们老两口 三个孙女 我70 她奶奶68 大孙女15 二孙女11 幺孙女6岁")
    assert [(m["relation"], m["age"]) for m in members] == [
        ("applicant", 70),
        ("spouse", 68),
        ("grandchild", 15),
        ("grandchild", 11),
        ("grandchild", 6),
    ]
    member_facts.read_school(members, "二孙女读五年级 幺孙女读幼儿园 大孙女读初三")
    assert [m["in_school"] for m in members[2:]] == [True, True, True]


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        # Two living together, the one away at prison (said after him) not counted
        ("就我和老伴两个 儿子犯了事 判了三年 在里头", ["applicant", "spouse"]),
        # A father and a brother dead, said together with 和
        ("就我妈一个人在屋头 我爸和我哥前几年出车祸都走了", ["applicant"]),
    ],
)
def test_who_no_longer_lives_here(text, relations):
    got = reader.read("帮我妈申请" + text if "我妈" in text else text, "household_size", {})
    members = got.updates.get("members") or []
    assert sorted(m["relation"] for m in members) == sorted(relations)


@pytest.mark.parametrize(
    ("text", "size"),
    [("我和我老伴两个 女儿在外地读大学", 2), ("现在屋头就我爷爷一个人", 1)],
)
def test_the_count_said_as_a_pair_or_one_alone(text, size):
    from actions.reading.people.household_size import stated_size

    assert stated_size(text, "household_size") == size


def test_elders_named_by_a_neighbour_by_surname_and_title():
    updates = reader.read("我是隔壁的 帮隔壁两个老人问一下低保", None, {}).updates
    slots = {**updates}
    updates = reader.read("两个 陈大爷80 陈婆婆77", "household_size", slots).updates
    assert [(m["relation"], m["age"]) for m in updates["members"]] == [
        ("applicant", 80),
        ("spouse", 77),
    ]


def test_a_brothers_wife_when_applying_for_the_brother():
    updates = reader.read("我帮我哥申请 他眼睛不好", None, {}).updates
    slots = {**updates}
    updates = reader.read("两个人 我哥 我嫂子 我哥61 嫂子57", "household_size", slots).updates
    assert sorted((m["relation"], m["age"]) for m in updates["members"]) == [
        ("applicant", 61),
        ("spouse", 57),
    ]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("就我和老王两个 我六十 老王六十三", [("applicant", 60), ("spouse", 63)]),
        ("我61 老邓64", [("applicant", 61), ("spouse", 64)]),
        # a neighbour's household or a cadre is no spouse
        ("我70 老伴68 住在老王家隔壁", [("applicant", 70), ("spouse", 68)]),
    ],
)
def test_a_spouse_called_by_old_and_the_surname(text, members):
    assert [(m["relation"], m["age"]) for m in people.read_members(text)] == members


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("我舅妈一个人住 腿脚不行了 她能不能吃低保", "舅妈"),
        ("问下 我是他们的邻居 两个老的八十几了 没人管", "申请人"),
    ],
)
def test_a_nephew_or_a_neighbour_asking_for_someone(text, who):
    assert detect(text)["who"] == who
    assert detect("我和老婆都六十了 能不能吃低保") is None


def test_the_youngest_by_an_order_word_after_the_children_were_counted():
    slots = {"household_size": 5, "members": []}
    slots.update(reader.read("五个 我 老汉儿 三个孙女", "household_size", slots).updates)
    slots.update(
        reader.read(
            "我五十八 老汉儿六十二 大孙女十二岁 老二九岁 幺妹四岁", "members", slots
        ).updates
    )
    assert sorted(m["age"] for m in slots["members"] if m["relation"] == "grandchild") == [4, 9, 12]


def test_school_by_order_and_never_for_a_baby():
    """Grandchildren told youngest first: "大孙女" is the eldest; "孙娃儿读幼儿园" is not
    the one of one year."""
    members = new_members(
        ("applicant", "我", 56),
        ("spouse", "老头子", 60),
        ("grandchild", "小孙子", 1),
        ("grandchild", "孙子", 5),
        ("grandchild", "孙女", 10),
    )
    updates = reader.read("大孙女读四年级 孙娃儿读幼儿园中班", "school", {"members": members})
    school = {m["label"]: m["in_school"] for m in updates.updates["members"]}
    assert (school["孙女"], school["孙子"], school["小孙子"]) == (True, True, False)


@pytest.mark.parametrize(
    "words, consent",
    [("婆婆说要得", True), ("我妈说同意", True), ("她说不同意", False), ("唉 要得", True)],
)
def test_consent_passed_on_by_the_one_typing(words, consent):
    assert reader.read(words, "consent", {}).updates["consent"] is consent


def test_a_sigh_before_a_corrected_count_and_one_who_does_not_count():
    words = "唉 四个人 哦不对 三个 儿子又不在屋头 不算嘛，唉 我六十七 老太婆六十二 孙娃儿十五岁"
    updates = reader.read(words, "household_size", {"members": []}).updates
    assert updates["household_size"] == 3
    assert [m["label"] for m in updates["members"]] == ["我", "老太婆", "孙娃儿"]


def test_my_two_legs_are_not_a_couple_and_the_grandsons_granny_is_the_wife():
    said = "唉 我两个腿痛了三年多了 屋头全靠孙娃儿他婆婆去大棚打零工"
    relations = [r for mention in people_words.mentions(said) for r, _ in mention.people]
    assert relations == ["applicant", "spouse"]


@pytest.mark.parametrize(
    "words, name",
    [
        ("我儿子 蒲小军", "蒲小军"),
        ("我妈 陈德秀", "陈德秀"),
        ("冉德春 是我叔叔的名字 我叫冉小禾", "冉德春"),
        ("张小明 500236199001011235", "张小明"),
    ],
)
def test_the_applicants_name_after_who_they_are_or_before_the_senders(words, name):
    assert reader.read(words, "applicant_name", {}).updates["applicant_name"] == name


@pytest.mark.parametrize(
    ("text", "size"),
    [
        # a mouthful is no household
        ("钱是我妈一口一口省下来的", None),
        ("饭都吃不上一口热的", None),
        ("屋头五口 都在吃药", 5),
        ("我们一家三口都在屋头", 3),
    ],
)
def test_a_mouthful_is_not_a_household(text, size):
    from actions.reading.people.household_size import stated_size

    assert stated_size(text, None) == size


def test_an_uncle_raising_his_dead_brothers_children_is_the_applicant_they_his_kin():
    first = reader.read("我帮我舅舅问一下 我爸妈都不在了 我跟我妹一直是舅舅在养", None, {})
    slots = dict(first.updates)
    assert slots["proxy"]["who"] == "舅舅"
    assert "parent" not in [m["relation"] for m in slots["members"]]  # 爸妈 both dead
    updates = reader.read(
        "三个人 舅舅 我 我妹，舅舅五十三 我十六 我妹十岁", "household_size", slots
    )
    members = updates.updates["members"]
    assert sorted((m["relation"], m["age"]) for m in members) == [
        ("applicant", 53),
        ("other", 10),
        ("other", 16),
    ]


def test_an_age_someone_had_then_is_not_their_age_now():
    members = people.read_members(
        "我 两个娃儿 我妈，我40 儿子13 女儿10 我妈70 她妈走的时候女儿才两岁"
    )
    assert [(m["relation"], m["age"]) for m in members] == [
        ("applicant", 40),
        ("child", 13),
        ("child", 10),
        ("parent", 70),
    ]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        # an age put right in the same breath; next year's age is not this year's
        ("我七十 孙子十二岁 哦不对 十一", [70, 11]),
        ("我六十八 孙女十五 哦 十四 明年才满十五", [68, 14]),
    ],
)
def test_an_age_put_right_or_said_for_next_year(text, ages):
    assert [m["age"] for m in people.read_members(text)] == ages


@pytest.mark.parametrize(
    "text", ["两个都是初二 住校", "都读三年级", "两个都在读高一", "两个都在村里读小学 走读"]
)
def test_all_at_one_school_level(text):
    members = new_members(
        ("applicant", "我", 64), ("grandchild", "孙子", 15), ("grandchild", "孙女", 15)
    )
    member_facts.read_school(members, text)
    assert [m["in_school"] for m in members] == [False, True, True]


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        # a spouse named too: the two old ones are the parents
        (
            "屋头五口人 两个老的都七十多了 老婆身体不好 儿子读初中",
            ["parent", "parent", "spouse", "child"],
        ),
        # alone: the couple speaking
        ("就两个老的 都七十多了", ["applicant", "spouse"]),
    ],
)
def test_the_two_old_ones(text, relations):
    assert [m["relation"] for m in people.read_members(text)] == relations


def test_a_mother_applying_for_her_son_names_his_wife_and_child_as_hers():
    first = reader.read("我来给我儿子申请低保 他脑壳不灵光", None, {})
    slots = dict(first.updates)
    updates = reader.read("三个 儿子28 儿媳妇25 孙子一岁", "household_size", slots).updates
    assert [(m["relation"], m["age"]) for m in updates["members"]] == [
        ("applicant", 28),
        ("spouse", 25),
        ("child", 1),
    ]


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        # 两老口 said for 老两口
        ("两老口在屋里，70岁了 她67", ["applicant", "spouse"]),
        # a brother married into his wife's family is no member, "不算吧" or not
        ("三个 我 老婆 儿子 我哥哥给别个当上门女婿去了 不算吧", ["applicant", "spouse", "child"]),
    ],
)
def test_households_as_held_out_13_taught(text, relations):
    members = reader.read(text, "household_size", {}).updates.get("members") or []
    assert sorted(m["relation"] for m in members) == sorted(relations)


def test_someone_who_did_not_survive_is_no_member():
    text = "原本家里四口人，爸爸、妈妈、哥哥和我。爸爸十年前走了，哥哥查出白血病，借遍了亲戚还是没留住。我和妈妈两个"
    members = reader.read(text, "household_size", {}).updates.get("members") or []
    assert sorted(m["relation"] for m in members) == ["applicant", "parent"]


def test_a_proxy_says_the_old_couple_as_they():
    from actions.reading.people.proxy import without_them

    assert without_them("就他们两个老的，我在外头") == "就他们，我在外头"


def test_the_pupil_said_again_answers_the_school_question():
    members = people.read_members("我40 儿子13 女儿21")
    members[1]["in_school"] = True
    assert member_facts.read_school(members, "儿子读初一") is True
    assert [m["in_school"] for m in members] == [False, True, False]


def test_to_a_woman_of_sixty_laohan_is_her_husband_and_xifu_her_son_s_wife():
    slots = {"id_number": "500236196204250865"}  # a woman born in 1962
    slots.update(
        reader.read("五个，我64 老汉67 儿子40 媳妇38 孙子12", "household_size", slots).updates
    )
    assert [m["relation"] for m in slots["members"]] == [
        "applicant",
        "spouse",
        "child",
        "in_law",
        "grandchild",
    ]


def test_the_other_parent_named_as_the_applicant():
    slots = {}
    slots.update(reader.read("帮我爸妈申请低保 两个都病了", "consent", slots).updates)
    slots.update(reader.read("两个，我爸60 我妈57", "household_size", slots).updates)
    slots.update(reader.read("我妈叫陈玉兰，我叫李娟", "applicant_name", slots).updates)
    assert slots["applicant_name"] == "陈玉兰"
    assert [(m["relation"], m["age"]) for m in slots["members"]][0] == ("applicant", 57)


@pytest.mark.parametrize(
    ("text", "children"),
    [("我40 老公43 两个小的一个5岁一个3岁", 2), ("我们两口子，三胞胎都是两岁", 3)],
)
def test_the_little_ones_and_twins_are_children(text, children):
    members = people.read_members(text)
    assert sum(m["relation"] == "child" for m in members) == children


def test_a_nephew_s_cousin_is_the_uncle_s_son():
    slots = {}
    slots.update(reader.read("我帮我叔叔问一下低保", "consent", slots).updates)
    slots.update(reader.read("两个，叔叔75 堂弟40", "household_size", slots).updates)
    assert [m["relation"] for m in slots["members"]] == ["applicant", "child"]


def test_two_granddaughters_at_school_are_both_of_them():
    members = people.read_members("我64，老伴72，三个孙娃儿，孙女九岁，孙儿五岁")
    members[4]["label"] = "孙娃儿"  # told first as one of the 孙娃儿
    member_facts.read_school(members, "两个孙女读三年级，孙儿还没上学")
    assert sorted(m["in_school"] for m in members if m["relation"] == "grandchild") == [
        False,
        True,
        True,
    ]


@pytest.mark.parametrize(
    "text",
    ["谭明兵 我爸的名字 我是他儿子谭小军", "谭明兵 是我爸 我叫谭小军", "我爸叫谭明兵，我叫谭小军"],
)
def test_a_proxy_names_the_applicant_then_themself(text):
    slots = {"proxy": {"who": "爸", "relation": "parent", "by": "family"}}
    assert reader.read(text, "applicant_name", slots).updates["applicant_name"] == "谭明兵"


def test_the_village_doctor_is_no_village():
    from actions.reading.places import village_named

    assert village_named("我的药是村医那里拿的") is None
    assert village_named("回龙村卫生室旁边") == "回龙村"


def test_a_grandchild_living_at_an_uncles_is_not_counted():
    words = "两个 小儿子两口子在北京打工 孙娃在县城他大伯屋头读书，我67 老伴63"
    got = reader.read(words, "household_size", {}).updates["members"]
    assert [(m["relation"], m["age"]) for m in got] == [("applicant", 67), ("spouse", 63)]


def test_a_son_and_his_wife_are_not_the_couple_speaking():
    words = "两个 小儿子两口子在北京打工，我67 老伴63"
    got = reader.read(words, "household_size", {}).updates["members"]
    assert [(m["relation"], m["age"]) for m in got] == [("applicant", 67), ("spouse", 63)]


@pytest.mark.parametrize(
    ("words", "members"),
    [
        (
            "六个人，我44 男人高松林47 双胞胎两个20",
            [("applicant", 44), ("spouse", 47), ("child", 20), ("child", 20)],
        ),
        (
            "三口人,我45岁,老公祝春林52岁,他儿子16岁",
            [("applicant", 45), ("spouse", 52), ("child", 16)],
        ),
        (
            "4 我 老婆 两个女，45 41 17 14",
            [("applicant", 45), ("spouse", 41), ("child", 17), ("child", 14)],
        ),
    ],
)
def test_a_name_before_the_age_and_the_ages_told_after_everyone(words, members):
    got = reader.read(words, "household_size", {}).updates["members"]
    assert [(m["relation"], m["age"]) for m in got] == members


def test_two_sons_said_as_两个儿_are_the_twins_named_before():
    members = new_members(("applicant", "我", 44), ("child", "娃", 20), ("child", "娃", 20))
    member_facts.apply_circumstances(members, "我屋头两个儿是双胞胎,生下来就是脑瘫,全身瘫起")
    assert [bool(m["bedridden"]) for m in members] == [False, True, True]
    member_facts.read_grades(members, "两个儿都是一级")
    assert [m["disability_grade"] for m in members] == [None, 1, 1]


def test_the_sum_said_after_the_parts_is_the_household():
    words = "五个娃儿 加我们两个大人七个，我47 婆娘向红梅45 大女儿19 儿子15"
    updates = reader.read(words, "household_size", {}).updates
    assert updates["household_size"] == 7
    assert {"applicant", "spouse"} <= {m["relation"] for m in updates["members"]}


@pytest.mark.parametrize(
    ("words", "members"),
    [
        (
            "就我们两个老的，我72 老头子74了。。。三个儿两个女 都成家了 各过各的",
            [("applicant", 72), ("spouse", 74)],
        ),
        (
            "三个 我 我屋头的 女儿在重庆读大专，我57 她55 女儿19",
            [("applicant", 57), ("spouse", 55), ("child", 19)],
        ),
    ],
)
def test_children_married_away_and_the_one_of_the_house(words, members):
    got = reader.read(words, "household_size", {}).updates["members"]
    assert [(m["relation"], m["age"]) for m in got] == members


def test_an_age_of_long_ago_is_not_today_s():
    got = people.read_members("我20 老公23 儿子5岁 公公58 我14岁就过来了 这有啥子奇怪的")
    assert [(m["label"], m["age"]) for m in got] == [
        ("我", 20),
        ("老公", 23),
        ("儿子", 5),
        ("公公", 58),
    ]


def test_my_one_at_home_is_the_spouse():
    members = new_members(("applicant", "我", 48), ("spouse", "老伴", 50))
    member_facts.apply_circumstances(
        members, "我家那个三月份在工地上从三楼摔下来 下半身瘫了 屎尿都要人弄"
    )
    assert [bool(m["bedridden"]) for m in members] == [False, True]


@pytest.mark.parametrize(
    ("words", "name"),
    [("户主黎德秀", "黎德秀"), ("申请人写我奶奶吧，她叫杨玉珍。", "杨玉珍")],
)
def test_the_head_of_household_and_she_is_called(words, name):
    assert parse_name(words) == name


def test_the_sender_naming_themselves_at_consent_is_not_the_applicant():
    slots = {"proxy": {"who": "妹妹", "relation": "sibling", "by": "family"}}
    updates = reader.read("可以 我是她哥 叫牟大贵", "consent", slots).updates
    assert updates["consent"] is True and "applicant_name" not in updates


def test_members_told_by_their_given_names_only():
    got = people.read_members("我61 桂英58 春生12岁 还有冬梅")
    assert [(m["relation"], m["label"], m["age"]) for m in got] == [
        ("applicant", "我", 61),
        ("other", "桂英", 58),
        ("other", "春生", 12),
        ("other", "冬梅", None),
    ]


def test_given_names_listed_after_the_count_and_the_speaker_among_them():
    slots = {"applicant_name": "王建国"}
    got = reader.read("五个 建国 桂英 春生 冬梅 还有我妈", "household_size", slots).updates
    assert got["household_size"] == 5
    assert [m["label"] for m in got["members"]] == ["我", "桂英", "春生", "冬梅", "妈"]


def test_a_member_by_given_name_in_the_later_answers():
    members = new_members(("applicant", "我", 61), ("other", "桂英", 58), ("other", "春生", 12))
    member_facts.apply_circumstances(members, "桂英中风了 瘫在床上 我还好")
    assert [bool(m["bedridden"]) for m in members] == [False, True, False]
    assert member_facts.read_work(members, "春生还小 桂英做不得 我在砖厂搬砖")
    assert [m["able_to_work"] for m in members] == [True, False, False]


def test_the_name_said_after_the_relation_word_names_that_member_later():
    members = people.read_members("我50 男人张大海53 女儿14")
    assert members[1]["called"] == "张大海"
    member_facts.read_work(members, "大海在砖厂上班 我在屋头种地")
    assert members[1]["able_to_work"] is True


@pytest.mark.parametrize(
    ("words", "members"),
    [
        # a former husband who lives in, by name and by word
        (
            "我52 现在的老公58 前头那个陈志强49 瘫在床上",
            [("applicant", 52), ("spouse", 58), ("other", 49)],
        ),
        ("我前夫出车祸瘫了 我后来改嫁 把他带过来一起过", [("other", None), ("applicant", None)]),
        # … and one who does not
        ("离婚了 前夫不管 就我和两个娃", [("applicant", None), ("child", None), ("child", None)]),
    ],
)
def test_a_former_spouse_counts_only_when_living_here(words, members):
    got = people.read_members(words)
    assert [(m["relation"], m["age"]) for m in got] == members


@pytest.mark.parametrize(
    ("words", "members"),
    [
        # brothers by order, in the household answer
        ("我60 大哥66 二姐63", [("applicant", 60), ("sibling", 66), ("sibling", 63)]),
        # the one written to is no brother
        ("大哥，我想问下我妈这种情况", [("parent", None)]),
        # 照顾婆婆: caring for the mother-in-law, not a 顾 婆婆
        ("我在屋头照顾婆婆", [("applicant", None), ("in_law", None)]),
    ],
)
def test_brothers_and_sisters_by_order_and_the_one_written_to(words, members):
    got = people.read_members(words)
    assert [(m["relation"], m["age"]) for m in got] == members


def test_a_neighbour_asking_for_an_old_man_of_the_village_is_a_proxy():
    assert detect("我在场镇上卖面的 帮我们石板村一个老婆婆问下低保") is not None


def test_a_breathless_caller_s_dots_are_pauses():
    got = reader.read("三个……我，老婆，女儿……我六十……老婆五十八……女儿十六", "household_size", {})
    assert [m["age"] for m in got.updates["members"]] == [60, 58, 16]


def test_a_claim_the_village_denies_is_no_status():
    from actions.reading.standing_text import read_status

    assert read_status("她说她是五保户 我去问了村里 村里说不是") == {"receiving_tekun": False}
    assert read_status("她说她在吃低保") == {"receiving_dibao": True}


def test_treatment_whose_money_is_not_found_is_an_unmet_medical_need():
    from actions.reading.standing_text import read_guarantees

    assert read_guarantees("透析的钱还没得着落 房子住得") == ["medical"]


def test_the_one_a_clause_began_with_said_to_live_away_in_the_next():
    got = people.read_members("我50 老婆48 大女儿24是前头生的 在广州 小儿子15")
    assert [(m["relation"], m["age"]) for m in got] == [
        ("applicant", 50),
        ("spouse", 48),
        ("child", 15),
    ]


def test_only_the_speaker_works_and_what_is_said_of_the_others_stays_theirs():
    members = new_members(("applicant", "我", 55), ("spouse", "老公", 57), ("child", "儿子", 30))
    member_facts.read_work(members, "老公瘫在床上 屎尿都是我弄 就我一个人种地 他们两个都做不得")
    assert [m["able_to_work"] for m in members] == [True, False, False]
    assert not members[0]["bedridden"] and not members[0]["needs_long_term_care"]


def test_the_uncle_at_home_and_at_whose_house():
    got = people.read_members("公公89 婆婆87 大伯92 我57")
    assert [m["age"] for m in got] == [89, 87, 92, 57]
    away = people.read_members("我70 老伴68 孙女在镇上她大伯屋头读书")
    assert [m["relation"] for m in away] == ["applicant", "spouse"]


def test_some_of_a_count_of_people_are_not_the_speaker():
    members = new_members(("other", "我", 50), ("applicant", "公公", 88), ("in_law", "婆婆", 86))
    member_facts.apply_circumstances(members, "屋头三个老的 两个睡在床上起不来")
    assert not members[0]["bedridden"]


def test_the_sender_as_the_named_person_s_child_or_the_head_of_household_as_my_father():
    assert detect("我是石岗乡杨家村冉德明的女儿，想帮家里申请")["relation"] == "parent"
    assert detect("户主是我妈，叫谭玉兰") == {"who": "妈", "relation": "parent", "by": "family"}
    assert detect("我是老师的女儿") is None


def test_the_sender_s_own_name_beside_the_applicant_s_at_the_name_question():
    slots = {"proxy": {"who": "大哥", "relation": "sibling", "by": "family"}}
    got = reader.read("写我大哥的名字，牟大山。我叫牟小芳", "applicant_name", slots).updates
    assert got["applicant_name"] == "牟大山"


def test_a_mind_not_right_asks_for_the_certificate():
    from actions.reading.people.circumstances import circumstances

    assert circumstances("大儿子脑壳有点问题")["disability_grade"] == "unknown"
    assert circumstances("头脑清楚得很") == {}


def test_the_son_s_wife_beside_the_speaker_s_own_and_the_list_that_counts_the_speaker_too():
    got = reader.read("3个，我63 老伴60 儿子34 媳妇31", "household_size", {}).updates
    assert got["household_size"] == 4
    assert [m["relation"] for m in got["members"]] == ["applicant", "spouse", "child", "in_law"]


def test_her_son_told_again_as_the_speaker_s_nephew():
    slots: dict = {}
    slots.update(reader.read("三个 我 我幺妹 还有她儿子", "household_size", slots).updates)
    updates = reader.read("我55 幺妹48 侄儿14", "members", slots).updates
    assert sorted(m["age"] for m in updates["members"]) == [14, 48, 55]


def test_a_group_s_ages_in_turn_and_a_name_before_also_the_age():
    got = people.read_members("三个孙女 14岁 11岁 6岁")
    assert [m["age"] for m in got] == [14, 11, 6]
    got = people.read_members("我40，男人陈大勇也是40")
    assert [(m["label"], m["age"]) for m in got] == [("我", 40), ("男人", 40)]


def test_the_name_as_the_identity_card_has_it():
    got = reader.read("身份证上是冉国富 村上以前写成冉国福", "applicant_name", {}).updates
    assert got["applicant_name"] == "冉国富"


@pytest.mark.parametrize(
    "text, ages",
    [
        ("两个儿子一个9岁一个6岁", [9, 6]),
        ("两个娃儿一个读高中16，一个读小学10岁", [16, 10]),
        ("两个儿子一个三十多岁一个二十多", [30, 20]),
        ("两个孙娃儿一个上初中一个上小学", [13, 9]),
    ],
)
def test_each_of_a_group_told_in_turn(text, ages):
    assert [m["age"] for m in people.read_members(text)] == ages


def test_an_age_said_before_whom_it_is_of_is_not_the_one_named_before():
    got = reader.read("我替我兄弟问一下 他有精神分裂 带个8岁的娃儿", None, {}).updates
    assert not any(m["age"] == 8 and m["relation"] != "child" for m in got["members"])


@pytest.mark.parametrize(
    "text, relations",
    [
        ("两个人 我跟我兄弟，我七十三 兄弟六十六", ["applicant", "sibling"]),
        ("我们两弟兄住一起", ["applicant", "sibling"]),
        ("兄弟姐妹都出去了，就我一个", ["applicant"]),
        ("现在住在我兄弟屋头，我一个", ["applicant"]),
    ],
)
def test_a_brother_said_as_xiongdi(text, relations):
    assert [m["relation"] for m in people.read_members(text)] == relations


def test_the_two_brothers_a_sister_applies_for_then_each_by_order():
    slots = {"proxy": {"who": "哥哥", "relation": "sibling", "by": "family"}}
    got = reader.read("就他们两兄弟 两个人，大哥60 二哥55", "household_size", slots).updates
    assert got["household_size"] == 2
    assert sorted(m["age"] for m in got["members"]) == [55, 60]


def test_the_old_woman_a_cadre_applies_for_is_called_granny_not_an_in_law():
    first = (
        "我是长安乡水井村的网格员小向，帮村里一个老人家申请低保。王以秀婆婆86了，"
        "跟她儿子两个住，儿子59岁 瘫在床上十几年了"
    )
    slots = reader.read(first, None, {}).updates
    assert [(m["relation"], m["age"]) for m in slots["members"]] == [
        ("applicant", 86),
        ("child", 59),
    ]
    slots.update(reader.read("两个人 婆婆和她儿子。婆婆86 儿子59", "household_size", slots).updates)
    assert [(m["relation"], m["age"]) for m in slots["members"]] == [
        ("applicant", 86),
        ("child", 59),
    ]


def test_he_of_an_age_to_be_the_husband_not_the_son_named_last():
    got = people.read_members("四个 我们两个 一个女儿一个儿子，他48 我46 女儿15 儿子8岁")
    assert sorted((m["relation"], m["age"]) for m in got) == [
        ("applicant", 46),
        ("child", 8),
        ("child", 15),
        ("spouse", 48),
    ]


def test_a_wife_applying_for_her_husband_works_though_she_minds_him():
    members = new_members(("spouse", "我", 46), ("applicant", "老伴", 48))
    member_facts.apply_circumstances(members, "他做不得了。我要守他 只能在附近打点零工")
    assert [m["able_to_work"] for m in members] == [True, False]


def test_the_husband_s_elder_brother_is_one_in_law():
    got = people.read_members("四个，我35，婆婆76，大伯哥52，儿子10岁")
    assert [(m["relation"], m["age"]) for m in got] == [
        ("applicant", 35),
        ("in_law", 76),
        ("in_law", 52),
        ("child", 10),
    ]


def test_the_ages_of_several_listed_after_their_word():
    got = people.read_members("我42，我妈66，女儿16、13、10岁。")
    assert [m["age"] for m in got] == [42, 66, 16, 13, 10]


def test_a_mother_calls_the_children_s_father_his_dad():
    got = people_words.mentions("我和他爸上山挖药卖")
    assert [m.people for m in got] == [[("applicant", "我")], [("spouse", "老公")]]
    assert people_words.mentions("他爸爸死得早")[0].people == [("parent", "爸爸")]


def test_a_father_not_heard_of_is_not_counted():
    got = people.read_members("我爸出去打工 三月份就联系不上了，屋头就我妈跟我弟")
    assert [m["relation"] for m in got] == ["parent", "sibling"]


@pytest.mark.parametrize(
    ("text", "in_school"),
    [
        ("大的两个读小学 小的还没读", [False, True, True, False]),
        ("两个大的读初中 小的还小", [False, True, True, False]),
        ("大的读初中 小的两个读小学", [False, True, True, True]),
    ],
)
def test_the_two_eldest_or_youngest_said_together(text, in_school):
    members = new_members(
        ("applicant", "我", 60),
        ("grandchild", "大孙女", 13),
        ("grandchild", "孙儿", 10),
        ("grandchild", "小孙女", 4),
    )
    member_facts.read_school(members, text)
    assert [m["in_school"] for m in members] == in_school


@pytest.mark.parametrize(
    "text", ["就我们两个老的 三个儿子都成家出去了", "我和老伴 女儿早就分出去了"]
)
def test_children_married_and_moved_out_are_not_counted(text):
    assert len(people.read_members(text)) == 2


def test_a_caller_who_asks_back_gives_no_name():
    assert parse_name("你说啥子 名字嗦") is None
    assert parse_name("姓名啊 等一下") is None
    assert parse_name("王德明 三横王") == "王德明"


def test_the_sender_living_apart_and_a_likeness_are_no_members():
    members = people.read_members("三个人，我爸我妈我弟弟。我在县城，不在屋头住")
    assert [m["label"] for m in members] == ["爸", "妈", "弟弟"]
    members = people.read_members("我弟弟智力有问题，34岁了还跟个娃儿一样，离不得人")
    assert [(m["label"], m["age"]) for m in members] == [("弟弟", 34)]


@pytest.mark.parametrize("text", ["我41 老婆39 女儿14 儿子7", "儿子7 女儿14 我41 老婆39"])
def test_a_small_age_said_last_in_its_clause(text):
    ages = {m["label"]: m["age"] for m in people.read_members(text)}
    assert ages["儿子"] == 7 and ages["女儿"] == 14


def test_a_village_doctor_who_does_it_for_an_old_woman_is_her_proxy():
    text = "我是白果坪村卫生室的村医。我们组王婆婆81岁了，一个人住。她想申请低保，我帮她弄一下"
    assert detect(text)["by"] == "cadre"
    assert detect("儿子是一级残疾，听说可以单独给他办低保") is None


def test_an_uncle_by_order_is_no_father_of_two():
    members = people.read_members("奶奶75 二爸52")
    assert [(m["label"], m["age"]) for m in members] == [("奶奶", 75), ("二爸", 52)]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("我七十七了 老婆婆七十三 幺儿四十七", [("我", 77), ("老婆婆", 73), ("幺儿", 47)]),
        # the speaker, said of herself
        ("我一个老婆婆带两个孙娃儿", [("我", None), ("孙娃儿", None), ("孙娃儿", None)]),
        ("领导你好 我是个老婆婆 字打得慢", [("我", None)]),
    ],
)
def test_an_old_man_s_老婆婆_and_an_old_woman_of_herself(text, told):
    assert [(m["label"], m["age"]) for m in people.read_members(text)] == told


def test_twins_then_which_is_which():
    members = people.read_members("我44 老公46 双胞胎16 一个儿子一个女儿 婆婆72")
    assert [(m["label"], m["age"]) for m in members] == [
        ("我", 44),
        ("老公", 46),
        ("儿子", 16),
        ("女儿", 16),
        ("婆婆", 72),
    ]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("喂 你好 我是帮我妈打的电话 我妈七十了 我兄弟瘫了 我在万州上班", "妈"),
        ("我帮他们发短信 我是他们女儿 在屋头住的 想给我们家申请低保 用我爸的名字", "爸"),
    ],
)
def test_who_a_call_or_a_text_is_made_for(text, who):
    assert detect(text)["who"] == who


def test_a_daughter_married_out_is_not_counted():
    text = "三个 我老汉儿 我哥哥 还有我侄女 我嫁出去了不算，我老汉儿82 我哥哥52 侄女17岁"
    assert [m["label"] for m in people.read_members(text)] == ["老汉儿", "哥哥", "侄女"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("他老婆前几年跑了 留了两个娃儿", ["娃儿", "娃儿"]),  # a wife who left
        ("老婆跑了四年了 我和两个娃儿", ["我", "娃儿", "娃儿"]),
        ("我男人到处乱跑了", ["男人"]),  # one who wanders off is still at home
        ("他和两个娃儿 3个人，他39 女儿12 儿子9", ["女儿", "儿子"]),  # his age is no child's
    ],
)
def test_a_wife_who_left_one_who_wanders_and_a_grown_man_s_age(text, labels):
    assert [m["label"] for m in people.read_members(text)] == labels


def test_the_story_s_child_listed_under_another_word_keeps_what_was_said():
    said = reader.read("我一个人带个娃 娃儿七岁 脑瘫 离不得人 想问下低保", None, {})
    state = {**said.updates}
    listed = reader.read("两个 我和女儿，我31 女儿7岁", "household_size", state)
    child = next(m for m in listed.updates["members"] if m["relation"] == "child")
    assert child["needs_long_term_care"] is True


def test_a_sender_whose_register_moved_out_is_no_member():
    members = people.read_members("三个 我公公婆婆和我小叔子 我户口迁走了，公公70 婆婆68 小叔子35")
    assert "我" not in [m["label"] for m in members]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # "帮他问": the kin named before, not the sender's spouse
        ("我爸以前挖煤 前年查出来尘肺 我帮他问下低保咋个申请 我是他女儿", "爸"),
        ("我哥残疾 一个人住 我帮他问问", "哥"),
        ("我老公瘫了 我帮他问下低保", None),
    ],
)
def test_help_him_ask_is_for_the_kin_named_before(text, who):
    found = detect(text)
    assert (found or {}).get("who") == who


def test_a_story_opening_on_the_sender_keeps_the_sender_s_bed():
    text = "八月份在工地上从架子上摔下来 腰杆摔断了 做了手术 现在还下不得床 屋头就靠老婆 女儿在县城读高中"
    members = reader.read(text, None, {}).updates["members"]
    applicant = next(m for m in members if m["relation"] == "applicant")
    assert applicant["bedridden"] is True and applicant["able_to_work"] is False
    # … not when the story names who it is about first
    members = reader.read("我老公从架子上摔下来 现在还下不得床", None, {}).updates["members"]
    assert not any(m["relation"] == "applicant" and m["bedridden"] for m in members)


def test_a_reason_is_no_one_applied_for():
    assert detect("会不会因为他坐牢就不给办") is None
    assert detect("为我妈申请低保")["who"] == "妈"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("养老近一个月一白七十几", "养老金一个月一百七十几"),
        ("卖鸡旦", "卖鸡蛋"),
        ("我有高学压 没得残及正", "我有高血压 没得残疾证"),
        ("孙子读四年几", "孙子读四年级"),
        ("一年几百块", "一年几百块"),  # a year, some hundreds: no grade
    ],
)
def test_words_typed_by_their_sound(typed, meant):
    assert plain_negation(typed) == meant


def test_one_on_the_register_who_lives_elsewhere_is_not_counted():
    text = "三个 户口本上三个，我58 老婆56 儿子32 结婚了在县城住"
    updates = reader.read(text, "household_size", {}).updates
    assert updates["household_size"] == 2
    assert [m["relation"] for m in updates["members"]] == ["applicant", "spouse"]


def test_each_child_by_order_word_without_a_verb():
    members = people.read_members("我42 婆娘40 大娃儿14 二娃儿9岁 幺儿4岁")
    member_facts.read_school(members, "大的初二 二的三年级 幺儿还没读")
    assert [m["in_school"] for m in members[2:]] == [True, True, False]


@pytest.mark.parametrize(
    "text",
    ["我在场上做搬运", "我在镇上跟到别个做房子", "我在镇上帮人下力"],
)
def test_the_speaker_s_own_work_in_the_words_of_the_trade(text):
    members = people.read_members("我47 老婆44")
    member_facts.apply_circumstances(members, text)
    assert members[0]["able_to_work"] is True


def test_i_myself_is_the_speaker():
    members = people.read_members("我自己58 婆娘56")
    member_facts.apply_circumstances(members, "我还好得很，我打零工 哪里喊就去哪里")
    assert members[0]["able_to_work"] is True


def test_a_place_abroad_with_a_kin_word_in_its_name_is_no_one():
    assert [m.people for m in people_words.mentions("老公在安哥拉工地上")] == [[("spouse", "老公")]]


def test_a_cadre_helps_an_elder_named_before_by_title():
    text = "我是村卫生室的村医 村里有个李婆婆85岁了 一个人住 老年痴呆 我帮她问一下低保怎么申请"
    assert detect(text) == {"who": "李婆婆", "relation": "elder", "by": "cadre"}


def test_dementia_needs_long_term_care():
    members = people.read_members("我85")
    member_facts.apply_circumstances(members, "老年痴呆 有时候认不到人 火都忘了关")
    assert members[0]["needs_long_term_care"] is True


def test_applying_for_the_household_from_away_is_for_the_parent_named():
    text = "我妈瘫在床上三年了 我爸一个人照顾 我在深圳打工 想帮家里申请个低保"
    assert detect(text) == {"who": "妈", "relation": "parent", "by": "family"}


def test_applying_for_a_parent_of_the_home_from_away():
    assert detect("我在厦门打工 帮屋头我妈申请低保")["who"] == "妈"


@pytest.mark.parametrize(
    ("text", "size"),
    [
        # a long story, then those who eat together counted
        ("老汉走得早 儿子在外头 媳妇也走了 所以屋头就是我和两个孙娃儿 3个人吃饭", 3),
    ],
)
def test_those_who_eat_together_counted_after_a_story(text, size):
    from actions.reading.people.household_size import stated_size

    assert stated_size(text, "household_size") == size


@pytest.mark.parametrize(
    ("text", "size", "members"),
    [
        # a bare count, then the list, a son said in one character before his age
        ("4，我61 老伴60 儿35 孙娃儿8岁", 4, ["applicant", "spouse", "child", "grandchild"]),
        ("2、我42 女17", 2, ["applicant", "child"]),
    ],
)
def test_a_bare_count_then_the_list(text, size, members):
    from actions.reading import reader

    got = reader.read(text, "household_size", {})
    assert got.updates["household_size"] == size
    assert [m["relation"] for m in got.updates["members"]] == members


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # two applied for: the first named is the applicant
        ("我在宁波上班 想帮我爸和我弟问一下低保", "爸"),
        # a caller's words, a space after each
        ("喂 我 是 帮 我岳母 问 一下 低保 的", "岳母"),
        # (a long message with spaces is no caller's: no one applied for)
        ("我离婚三年了 带到女儿跟我爸住 为了女儿想问下低保能不能申请", None),
    ],
)
def test_the_first_of_two_applied_for_and_a_caller_s_spaced_words(text, who):
    assert (detect(text) or {}).get("who") == who


def test_a_sender_who_says_they_are_not_counted_is_no_member():
    from actions.reading import reader

    state = {"proxy": detect("帮我爸和我姐问一下低保")}
    got = reader.read(
        "两个 我爸和我姐 我不算 我在县城成家了 我爸70 我姐45", "household_size", state
    )
    members = got.updates["members"]
    assert [(m["relation"], m["age"]) for m in members] == [("applicant", 70), ("child", 45)]


def test_a_child_by_another_order_word_is_not_the_one_named_before():
    from actions.reading.people import member_facts

    members = [
        {"relation": "applicant", "label": "我", "age": 40, "in_school": None},
        {"relation": "child", "label": "大的", "age": 14, "in_school": None},
        {"relation": "child", "label": "老二", "age": 9, "in_school": None},
    ]
    member_facts.read_school(members, "大的初二，老二三年级，幺女还没读书")
    assert [m["in_school"] for m in members] == [False, True, True]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # a wife with her age, then the sons who live away
        ("我71 老伴69 三个女儿都嫁出去了", [("applicant", 71), ("spouse", 69)]),
        # a husband working away and a son at college away are still of the household
        (
            "我42 老公44在新疆工地上 女儿20在万州读大学",
            [("applicant", 42), ("spouse", 44), ("child", 20)],
        ),
        # … a son working away, or a husband gone, are not
        ("我50 儿子25在广东打工", [("applicant", 50)]),
        ("我39 男人跑了好几年了 女儿12", [("applicant", 39), ("child", 12)]),
    ],
)
def test_who_is_away_and_still_of_the_household(text, members):
    from actions.reading.people.household_text import read_members

    assert [(m["relation"], m["age"]) for m in read_members(text)] == members


def test_one_who_cannot_live_alone_and_a_mouthful_are_no_household_size():
    from actions.reading.people.household_size import stated_size
    from actions.reading.standing_text import read_guarantees, read_hardship

    said = "屋头4个人，老汉中风了一个人住不得，有我们一口饭就有他一口"
    assert stated_size(said, None) == 4
    assert stated_size("婆婆一个人住不得", None) is None
    assert stated_size("一个人住", None) == 1
    assert "housing" not in read_guarantees(said)
    # rain that leaks in is the house's trouble, not a disaster
    assert read_hardship("房子下大雨要漏") is None
    assert "housing" in read_guarantees("房子裂了缝 下大雨要漏")


def test_a_daughters_mother_is_the_applicants_wife():
    from actions.reading.people.member_identity import find

    members = new_members(("applicant", "爸爸", 57), ("spouse", "妈妈", 54), ("parent", "婆婆", 81))
    assert find(members, "parent", "妈") is members[1]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("我和两个娃儿，我40 两个娃儿都是9岁 双胞胎", [40, 9, 9]),  # the two are the twins
        ("双胞胎儿子6岁", [6, 6]),
        ("四个 我 老伴 三个孙子，大孙子10岁 两个小的是双胞胎 5岁", [None, None, 10, 5, 5]),
        ("两个娃儿8岁 两个娃儿都在读书", [8, 8]),  # the same two, said again
    ],
)
def test_twins_and_a_group_said_again_are_the_same_children(text, ages):
    assert [m["age"] for m in people.read_members(text)] == ages


def test_a_sister_who_married_out_is_not_counted():
    members = people.read_members("三个人 我爸我妈和我弟 我嫁出来了不算")
    assert [m["relation"] for m in members] == ["parent", "parent", "sibling"]


def test_his_father_to_a_mother_applying_for_her_son_is_her_husband():
    from actions.reading.people.proxy import without_them

    assert without_them("李强30 他爸60 我58", {"relation": "child"}) == "李强30 老公60 我58"
