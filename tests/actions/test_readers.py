"""Table tests of the readers (actions/*_text.py, reader.py): each row is one way residents
say a fact, read to the value the rules need. Phrasings written for these tests; none is a
persona's (tests/personas) nor a training example (data/)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from actions import assets_text, member_facts, money_text, reader, speech, standing_text
from actions import household_text as people
from actions.parsing import plain_negation
from actions.proxy import detect


def _members(*spec: tuple[str, str, int | None]) -> list[dict]:
    return [people.new_member(relation, label, age) for relation, label, age in spec]


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


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("婆婆养老金一个月一百多 其他啥子都没得", {"basic_pension": 1200}),
        ("老人家养老金一个月一百五", {"basic_pension": 1800}),
        ("我跟老伴养老金一个人一个月一百八", {"basic_pension": 4320}),
        ("儿子以前在外头打工一个月五千 现在没得了", {}),
        ("在扶贫车间做，一个月一千五，做得到半年", {"poverty_project_wages": 9000}),
        ("在工地一个月三千，一年做得到八个月", {"wages": 24000}),
    ],
)
def test_income(text, income):
    got = money_text.read_income(plain_negation(text))
    assert {k: int(v) for k, v in got.items()} == income


def test_a_caveat_after_a_figure_is_not_vagueness():
    assert money_text.vague_kinds("女儿一年给三千，有时候也不给") == []
    assert money_text.vague_kinds("女儿有时候给点") == ["transfers"]


@pytest.mark.parametrize(
    ("text", "vague", "houses"),
    [
        ("存款有好多我不晓得 没车 一个房子", True, 1),
        ("存款不多，三四千", False, None),
        ("没存款，乡下有个老房子，城里是租的", False, 1),
    ],
)
def test_assets(text, vague, houses):
    assert assets_text.vague_deposits(text) is vague
    assert assets_text.read_assets(text).get("houses") == houses


def test_rent_said_in_passing_does_not_undo_a_house():
    assert "houses" not in assets_text.read_assets("住的租的房子，还可以", asked=False)
    assert assets_text.read_assets("租的房子", asked=True)["houses"] == 0


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


def test_one_person_said_twice_in_a_story_is_one_member():
    members = people.read_members("他和女儿两个住 女儿有癫痫")
    assert [m["label"] for m in members] == ["女儿"]


def test_village_is_not_a_phrase_about_a_village():
    assert "village" not in reader.read("帮我们村一个老人问下", None, {}).updates


def test_cadre_applying_for_an_elder():
    assert detect("我是村干部 帮我们村一个老人家申请低保")["who"] == "老人家"


@pytest.mark.parametrize(
    ("text", "able"),
    [
        # Someone minded is not the one who works: "带娃儿种地" is the mother's farming.
        ("老公在外省工地 我在屋头带娃儿种地", {"我": True, "老公": True}),
        ("儿子半年都做不得活路 我在屋头照顾他们", {"我": True, "儿子": False}),
        ("男人干不得重活，在屋头种点地", {"男人": True}),
        ("男人干不得重活", {"男人": False}),
        ("我要照顾他出不去打工", {"我": True}),
    ],
)
def test_who_can_work(text, able):
    spouse = "老公" if "老公" in text else "男人"
    members = _members(("applicant", "我", 40), ("spouse", spouse, 45), ("child", "儿子", 20))
    member_facts.read_work(members, text)
    assert {m["label"]: m["able_to_work"] for m in members if m["label"] in able} == able


def test_the_carer_named_in_a_need_for_care():
    members = _members(("applicant", "老汉儿", 68), ("spouse", "妈", 64))
    member_facts.apply_circumstances(members, "老汉儿半边身子不灵活，要我妈照顾")
    assert members[0]["needs_long_term_care"] is True
    assert members[1]["needs_long_term_care"] is None


def test_a_topic_said_fine_is_nobodys_circumstance():
    members = _members(("applicant", "我", 45), ("child", "儿子", 40))
    member_facts.apply_circumstances(members, "儿子看病上学都没得问题")
    assert members[1]["in_school"] is None


def test_the_elderly_who_only_mind_the_house_answer_the_work_question():
    members = _members(("applicant", "我", 40), ("parent", "妈", 75))
    assert member_facts.read_work(members, "我做不得了，我妈只种点菜") is True
    assert members[1]["able_to_work"] is False


def test_a_correction_at_the_summary_replaces_the_one_source():
    slots = {"income": {"wages": 24000}, "members": _members(("applicant", "我", 40))}
    reading = reader.read("不对 一个月一千五", "confirmed", slots)
    assert reading.updates["income"] == {"wages": 18000}


def test_money_amount_types_stay_whole_yuan():
    assert money_text.read_income("一个月两千出头")[money_text.UNASSIGNED] == Decimal(24000)


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


def test_the_assets_answer_stands_against_a_passing_mention():
    slots = {"assets": {"deposits": 0, "vehicles": 0, "houses": 1}, "asks": {"assets": 1}}
    assert "assets" not in reader.read("房子冲垮了，吃饭都成问题", "status", slots).updates


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
    members = _members(("applicant", "我", 40), ("spouse", "老公", 42))
    members += _members(("child", "女儿", 12), ("child", "儿子", 8))
    slots = {"household_size": 4, "members": members}
    updates = reader.read("还有我公公，七十五了，前头漏了", "members", slots).updates
    assert updates["household_size"] == 5
    assert ("in_law", 75) in [(m["relation"], m["age"]) for m in updates["members"]]


def test_each_of_the_children_counted_before():
    got = money_text.read_income("三个女儿，每个一年给五百")
    assert got["transfers"] == 1500


def test_savings_spent_are_none():
    assert assets_text.read_assets("以前存了一万多，看病都花光了")["deposits"] == 0


@pytest.mark.parametrize(
    ("words", "serious"),
    [("今年中风住院", True), ("前年中风了，手脚不灵活", None), ("中风过", None)],
)
def test_a_stroke_is_serious_when_recent(words, serious):
    from actions.circumstances import circumstances

    assert circumstances(words).get("serious_illness") is serious


@pytest.mark.parametrize(
    ("age", "words", "able"),
    [
        (63, "在屋头种地喂猪", True),
        (68, "种地喂猪", False),
        (68, "还在种地", True),
        (72, "种点菜自己吃", False),
        (45, "在屋头带孙儿", True),
    ],
)
def test_light_work_read_against_age(age, words, able):
    members = _members(("applicant", "我", age))
    member_facts.apply_circumstances(members, "我" + words)
    assert members[0]["able_to_work"] is able


def test_a_place_the_nlu_tagged_as_a_name_is_not_the_applicant():
    entities = [{"entity": "person_name", "value": "浙江"}]
    updates = reader.read("老公在浙江工地", "work", {}, entities=entities).updates
    assert "applicant_name" not in updates


def test_months_worked_said_first_and_food_for_the_table():
    got = money_text.read_income("今年做了五个月 一个月三千 屋头种的菜自己吃")
    assert got == {"wages": Decimal(15000)}  # months of work: wages


def test_a_vehicle_sold_is_no_vehicle():
    assert "vehicles" not in assets_text.read_assets("以前有个摩托车 卖了看病")


def test_childrens_money_not_known_is_unknown():
    assert money_text.vague_kinds("儿子那边不晓得 有时候给有时候不给") == ["transfers"]


@pytest.mark.parametrize(
    "words, income",
    [
        # a normal year's figure, then this year's: this year's counts, of the source named
        ("平常年份橙子卖得到三万多 今年遭了旱 只卖了八千", {"agriculture": Decimal(8000)}),
        ("往年喂猪一年万把块 今年猪瘟 卖了两千", {"agriculture": Decimal(2000)}),
    ],
)
def test_a_normal_years_income_gives_way_to_this_years(words, income):
    assert money_text.read_income(words) == income


@pytest.mark.parametrize(
    "words, expenses",
    [
        ("女儿初中一学期生活费九百", {"education": Decimal(1800)}),
        ("孙子读小学 每学期五百 一年两学期", {"education": Decimal(1000)}),
        # an earning said after a cost word is no cost
        ("他住院的钱老板出了 以前一年挣得到三万", {}),
    ],
)
def test_school_costs_by_the_term_and_earnings_are_no_cost(words, expenses):
    assert money_text.read_expenses(words) == expenses


def test_costs_told_in_passing_after_the_costs_answer_do_not_replace_it():
    slots = {"asks": {"expenses": 1}, "expenses": {"medical": Decimal(1500)}}
    updates = reader.read("前年老伴住院花了五万多 人也没救回来", "hardship", slots).updates
    assert "expenses" not in updates


def test_the_costs_question_is_asked_even_when_school_costs_were_told():
    from actions.questions import next_question

    slots = {"expenses": {"education": 2000}, "asks": {}}
    answered = dict(
        consent=True,
        applicant_name="张三",
        id_number="x",
        phone="x",
        township="x",
        village="x",
        household_size=1,
        health=True,
        income={"wages": 1},
        income_asked=True,
        members=[
            {
                "relation": "applicant",
                "label": "我",
                "age": 40,
                "in_school": False,
                "able_to_work": True,
                "disability_grade": None,
            }
        ],
    )
    assert next_question({**answered, **slots}) == "expenses"


def test_to_a_proxy_he_or_she_is_the_person_applied_for():
    members = _members(("applicant", "五保老人", 66), ("parent", "妈", 88))
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


def test_a_known_grade_is_not_unasked_by_a_later_mention_of_the_certificate():
    members = _members(("applicant", "我", 50))
    members[0]["disability_grade"] = 3
    member_facts.apply_circumstances(members, "我的残疾证前几年一直没办下来")
    assert members[0]["disability_grade"] == 3


@pytest.mark.parametrize("words", ["她发起病来打人 摔东西", "他喝了酒就摔碗"])
def test_throwing_things_is_no_accident(words):
    assert standing_text.read_hardship(words) is None


@pytest.mark.parametrize("words", ["他妈要守着他 走不开 只种了点菜", "要伺候老头子 地也只种了点菜"])
def test_an_old_carer_minding_someone_is_not_able_to_work(words):
    members = _members(("applicant", "我", 69))
    member_facts.apply_circumstances(members, "我" + words)
    assert members[0]["able_to_work"] is False


@pytest.mark.parametrize(
    "words, amount", [("止痛药一个月三十来块", 360), ("一个月一百多点", 1200), ("一年八十多块", 80)]
)
def test_small_amounts_said_approximately(words, amount):
    assert sum(money_text.read_expenses("药钱" + words).values()) == amount


@pytest.mark.parametrize(
    "words", ["左手被机器绞了 后来截掉了", "腿在矿上遭砸了 锯了半截", "少了一只手"]
)
def test_a_limb_lost_is_a_disability_whose_grade_is_asked(words):
    members = _members(("applicant", "我", 50))
    member_facts.apply_circumstances(members, "我" + words)
    assert members[0]["disability_grade"] == "unknown"


def test_feared_weather_is_no_hardship_and_a_cracked_wall_is_unsafe_housing():
    words = "土墙房子 山墙裂了几条缝 一下暴雨就怕"
    assert standing_text.read_hardship(words) is None
    assert standing_text.read_guarantees(words) == ["housing"]


def test_work_told_stays_against_earnings_told_later():
    members = _members(("applicant", "我", 55))
    members[0]["able_to_work"] = False
    slots = {"asks": {"work": 1}, "members": members}
    updates = reader.read("喂了几只鸡 卖点鸡蛋一年五六百", "income", slots).updates
    assert updates.get("members", members)[0]["able_to_work"] is False


@pytest.mark.parametrize(
    "words, income",
    [
        # the day's pay × days, of the clauses that say them; the pension is another source
        (
            "打零工一天一百五 一个月有二十天活路 老汉儿养老金一个月一百多",
            {"wages": Decimal(36000), "basic_pension": Decimal(1200)},
        ),
        # days a year; paid by the day on someone's farm is wages
        ("帮人挖洋芋一天六十 一年做得到三十天", {"wages": Decimal(1800)}),
        # months worked belong to the work, not to the pension said next
        (
            "他在工地做了五个月 带回来一万八 我们两个养老金 一个人一个月一百多",
            {"wages": Decimal(18000), "basic_pension": Decimal(2400)},
        ),
    ],
)
def test_pay_by_the_day_months_worked_and_each_of_two(words, income):
    assert money_text.read_income(words) == income


def test_the_out_of_pocket_share_replaces_the_bill():
    assert money_text.read_expenses("做手术花了八万多 合作医疗报了一半 自己出了四万") == {
        "medical": Decimal(40000)
    }


def test_savings_used_up_and_a_debt_are_no_savings():
    assert assets_text.read_assets("存款都用完了 还欠亲戚五万")["deposits"] == 0


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
    members = _members(("applicant", "我", 58), ("spouse", "老头子", 63))
    member_facts.apply_circumstances(members, "他中风了 半边瘫了 起不来床 我身体还好")
    assert members[1]["bedridden"] is True and members[0]["bedridden"] is not True


def test_no_certificate_answers_the_grade_question():
    slots = {"members": _members(("applicant", "我", 50))}
    slots["members"][0]["disability_grade"] = "unknown"
    reading = reader.read("还没去办证", "disability_grade", slots)
    assert reading.understood and reading.updates["members"][0]["disability_grade"] is None


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


def test_each_members_grade_or_no_certificate_in_one_answer():
    members = _members(("applicant", "我", 45), ("spouse", "老公", 49))
    for member in members:
        member["disability_grade"] = "unknown"
    reading = reader.read("我是视力二级 老公还没办", "disability_grade", {"members": members})
    got = reading.updates["members"]
    assert reading.understood and [m["disability_grade"] for m in got] == [2, None]


@pytest.mark.parametrize(
    "words, income",
    [
        ("我们开了个小面馆 一年除了本钱落得到三万", {"business": Decimal(30000)}),
        ("老公在镇上帮人看店 一个月两千", {"wages": Decimal(24000)}),
    ],
)
def test_a_shop_of_ones_own_is_business_minding_one_is_wages(words, income):
    assert money_text.read_income(words) == income


def test_a_rented_shop_is_no_commercial_property():
    assert assets_text.read_assets("门面是租别人的 房子老家一栋")["commercial_property"] is False


def test_a_coma_is_bedridden_and_needs_care():
    members = _members(("applicant", "我", 40), ("spouse", "老公", 44))
    member_facts.apply_circumstances(members, "老公一直昏迷 吃喝都要人喂")
    assert members[1]["bedridden"] and members[1]["needs_long_term_care"]


@pytest.mark.parametrize(
    "words",
    ["我跟婆婆一人一个月一百多养老金", "我爸妈一人一个月一百多养老金", "我和老伴养老金各一百多"],
)
def test_each_of_two_pensions(words):
    assert money_text.read_income(words) == {"basic_pension": Decimal(2400)}


def test_a_day_rate_corrected_at_the_summary_rescales_the_wages():
    slots = {"income": {"wages": 36000}, "asks": {"confirmed": 1}}
    updates = reader.read("说错了 一天一百二 不是一百五", "confirmed", slots).updates
    assert updates["income"]["wages"] == Decimal(28800)


@pytest.mark.parametrize(
    "words, members",
    [
        (
            "就我和三个孙孙 我50 大孙儿9岁 老二7岁 幺儿3岁",
            [("我", 50), ("孙儿", 9), ("孙孙", 7), ("幺儿", 3)],
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
    members = _members(("applicant", "我", 30), ("child", "女儿", 8), ("child", "娃儿", 3))
    member_facts.apply_circumstances(members, "幺儿还没上幼儿园")
    assert [m["in_school"] for m in members] == [None, None, False]


def test_schooling_told_stays_against_a_passing_word_in_another_answer():
    members = _members(("applicant", "我", 30), ("child", "娃儿", 12), ("child", "娃儿", 4))
    members[1]["in_school"], members[2]["in_school"] = True, False
    updates = reader.read("娃儿读书一年两千", "expenses", {"members": members}).updates
    assert [m["in_school"] for m in updates.get("members", members)][1:] == [True, False]


def test_a_grandmother_who_does_not_know_what_is_sent_home():
    assert "transfers" in money_text.vague_kinds("他们在外头打好多钱回来我不晓得")


def test_an_illness_over_now_is_no_hardship():
    assert standing_text.read_hardship("去年老汉儿住了院 今年好了") is None


def test_land_rented_out_by_the_mu():
    got = money_text.read_income("田租出去了 一亩五百 六亩")
    assert got == {"other": Decimal(3000)}


@pytest.mark.parametrize(
    "words, labels",
    [
        ("我 老伴 大儿", ["我", "老伴", "大儿"]),
        ("我小儿麻痹 走路不方便", ["我"]),
    ],
)
def test_the_eldest_son_and_polio(words, labels):
    assert [m["label"] for m in people.read_members(words)] == labels


def test_savings_said_as_not_much_keep_their_figure():
    assert assets_text.read_assets("存款没得几个 两千把块")["deposits"] == 2000


def test_by_himself_is_not_the_applicant():
    members = _members(("applicant", "我", 68), ("child", "大儿", 45))
    member_facts.apply_circumstances(members, "大儿是傻的 穿衣吃饭自己会 有残疾证")
    assert members[1]["disability_grade"] == "unknown" and members[0]["disability_grade"] is None


@pytest.mark.parametrize(
    "words, able",
    [
        ("我原来在外头打工", True),  # capacity of a healthy adult of working age
        ("老公做点轻巧活路", True),
    ],
)
def test_past_and_light_work_of_a_healthy_adult(words, able):
    members = _members(("applicant", "我", 45), ("spouse", "老公", 47))
    member_facts.apply_circumstances(members, words)
    said = members[1] if words.startswith("老公") else members[0]
    assert said["able_to_work"] is able


def test_a_landslide_buries_the_house_and_what_is_left_of_savings():
    assets = assets_text.read_assets("房子遭埋了 存了八千 看病用了些 还剩三千")
    assert assets["houses"] == 0 and assets["deposits"] == 3000
    assert standing_text.read_hardship("上个月垮山 屋都遭埋了")["kind"] == "disaster"


def test_applying_for_both_parents_makes_the_father_the_applicant():
    assert detect("想替爸妈申请一下低保")["who"] == "爸"


def test_who_the_applicant_is_then_the_name():
    from actions.places import stated_name

    assert stated_name("申请人是我母亲：陈桂兰，我是她女儿") == "陈桂兰"


def test_the_household_is_who_lives_together_not_the_register():
    from actions.parsing import parse_household_size

    assert parse_household_size("户口上五个，平时一起住的就三个") == 3


def test_a_sister_working_in_a_city_is_no_member():
    assert [m["label"] for m in people.read_members("我和老伴 妹妹在成都上班")] == ["我", "老伴"]


def test_grandparents_each_have_a_pension():
    assert money_text.read_income("爷爷奶奶每人每月一百多养老金") == {
        "basic_pension": Decimal(2400)
    }


@pytest.mark.parametrize("words", ["核对无误", "都对"])
def test_written_confirmations(words):
    assert speech.AFFIRM.match(words)


def test_the_others_cannot_work_but_the_speaker_farms():
    members = _members(("applicant", "我", 56), ("spouse", "男人", 58), ("child", "儿子", 34))
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
    members = _members(("applicant", "我", 56), ("spouse", "男人", 58), ("child", "儿子", 34))
    member_facts.apply_circumstances(members, words)
    who = {"男": 1, "儿": 2, "我": 0}[words[0]]
    assert members[who]["bedridden"] is bedridden
    assert members[who]["needs_long_term_care"] is care


def test_a_wheelchair_among_the_assets_asks_no_new_grade():
    members = _members(("applicant", "我", 56))
    updates = reader.read(
        "没得车 只有个轮椅", "assets", {"members": members, "asks": {"health": 1}}
    )
    assert updates.updates.get("members", members)[0]["disability_grade"] is None


def test_hard_to_see_a_doctor_is_medical_unmet():
    assert standing_text.read_guarantees("看病恼火 医生喊去大医院看 没得钱去") == ["medical"]


def test_an_id_number_said_the_radio_way():
    from actions import id_card

    assert id_card.find("五洞洞两三六 幺九八拐零三幺五 零零两四") == ("500236198703150024", None)


def test_the_old_man_who_does_all_the_farm_work_can_work():
    members = _members(("applicant", "我", 69), ("spouse", "老头子", 74))
    member_facts.read_work(members, "地里的活路都是他在做 他力气大得很 我做不得重活 就煮饭喂鸡")
    assert [m["able_to_work"] for m in members] == [False, True]


def test_a_bill_that_cannot_be_paid_is_medical_unmet():
    assert standing_text.read_guarantees("医生说要换肾 手术费根本拿不出来") == ["medical"]
