"""Table tests of the readers of money and assets (actions/reading/money_text.py,
assets_text.py): income by source, costs, savings, houses, vehicles and shops, as residents
say them.
Phrasings written for these tests (see test_readers.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from actions.reading import assets_text, money_text, reader
from actions.reading.parsing import plain_negation
from tests.actions.reading.readings import new_members


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("婆婆养老金一个月一百多 其他啥子都没得", {"basic_pension": 1200}),
        ("老人家养老金一个月一百五", {"basic_pension": 1800}),
        ("我跟老伴养老金一个人一个月一百八", {"basic_pension": 4320}),
        ("儿子以前在外头打工一个月五千 现在没得了", {}),
        ("在扶贫车间做，一个月一千五，做得到半年", {"poverty_project_wages": 9000}),
        ("在工地一个月三千，一年做得到八个月", {"wages": 24000}),
        # Market days (赶场): a 场's takings and the 场 a month; one alone is a rate, not a year.
        ("逢场天去卖点小菜，一个月赶十来场，一场有五十", {"agriculture": 6000}),
        ("卖鸡蛋一场三四十，一月赶七八场", {"agriculture": 3150}),
        ("去场上卖菜，一场挣六七十块", {}),
        # Each one's figure, the two told after it.
        ("养老金一个月一百二，老两口都领得到", {"basic_pension": 2880}),
        ("我养老金一个月一百五，两个娃儿都在读书", {"basic_pension": 1800}),
        # By the week.
        ("我在街上摆摊，一个星期挣得到三百", {"business": 15600}),
        # Market days a week × a day's takings, a small figure right after its period.
        ("我妈背菜去场上卖 一星期赶三场 一场卖四五十", {"agriculture": 7020}),
        ("我养老金每月八十几", {"basic_pension": 960}),
        # The 低保 money already received is no income
        ("我养老金一个月一百六 女儿吃的低保一个月四百多", {"basic_pension": 1920}),
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
        ("有辆面包车，跑运输用的，存款几千块", True, None),
        ("存了几万块", True, None),
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


def test_a_correction_at_the_summary_replaces_the_one_source():
    slots = {"income": {"wages": 24000}, "members": new_members(("applicant", "我", 40))}
    reading = reader.read("不对 一个月一千五", "confirmed", slots)
    assert reading.updates["income"] == {"wages": 18000}


def test_money_amount_types_stay_whole_yuan():
    assert money_text.read_income("一个月两千出头")[money_text.UNASSIGNED] == Decimal(24000)


def test_the_assets_answer_stands_against_a_passing_mention():
    slots = {"assets": {"deposits": 0, "vehicles": 0, "houses": 1}, "asks": {"assets": 1}}
    assert "assets" not in reader.read("房子冲垮了，吃饭都成问题", "status", slots).updates


def test_each_of_the_children_counted_before():
    got = money_text.read_income("三个女儿，每个一年给五百")
    assert got["transfers"] == 1500


def test_savings_spent_are_none():
    assert assets_text.read_assets("以前存了一万多，看病都花光了")["deposits"] == 0


def test_months_worked_said_first_and_food_for_the_table():
    got = money_text.read_income("今年做了五个月 一个月三千 屋头种的菜自己吃")
    assert got == {"wages": Decimal(15000)}  # months of work: wages


def test_a_vehicle_sold_is_no_vehicle():
    assert "vehicles" not in assets_text.read_assets("以前有个摩托车 卖了看病", asked=False)
    # in the assets answer, it is none (whatever a story said of it before)
    assert assets_text.read_assets("那个货车出事了就卖了还账", asked=True)["vehicles"] == 0


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
        # an illness named, not the hospital: "生病/得病/一场大病 花了…" is a medical cost
        ("老汉儿前年得了病，花了四万多", {"medical": Decimal(40000)}),
        ("去年生了场大病 用了两万", {"medical": Decimal(20000)}),
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
        income={"wages": 1, "agriculture": 1},
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


@pytest.mark.parametrize(
    "words, amount", [("止痛药一个月三十来块", 360), ("一个月一百多点", 1200), ("一年八十多块", 80)]
)
def test_small_amounts_said_approximately(words, amount):
    assert sum(money_text.read_expenses("药钱" + words).values()) == amount


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
        # two day's pays, each with its own days; a count of days in all this year
        (
            "开三轮一天跑得到五六十 一个月跑二十天 儿子放假去餐馆帮忙 一天八十 干了三十来天",
            {"business": Decimal(13200), "wages": Decimal(2400)},
        ),
        # paid by the time, times a month, as a range
        ("帮人砌墙一个月喊我七八次 一次一百到两百", {"wages": Decimal(13500)}),
        ("男人一天两百 做了二十来天", {"wages": Decimal(4000)}),
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


def test_a_grandmother_who_does_not_know_what_is_sent_home():
    assert "transfers" in money_text.vague_kinds("他们在外头打好多钱回来我不晓得")


def test_land_rented_out_by_the_mu():
    got = money_text.read_income("田租出去了 一亩五百 六亩")
    assert got == {"other": Decimal(3000)}


def test_savings_said_as_not_much_keep_their_figure():
    assert assets_text.read_assets("存款没得几个 两千把块")["deposits"] == 2000


def test_grandparents_each_have_a_pension():
    assert money_text.read_income("爷爷奶奶每人每月一百多养老金") == {
        "basic_pension": Decimal(2400)
    }


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # one giver's nothing does not undo another's gift
        ("儿子一年给两千 女儿没给", {"transfers": 2000}),
        ("没得人给钱", {"transfers": 0}),
        # animals by the head, the count corrected in the same breath
        ("卖了八头猪 一头三百 哦不对 六头", {"agriculture": 1800}),
        ("卖了三头牛 一头八千", {"agriculture": 24000}),
        # rent by the mu said by the year; the tenant is no one else's money
        ("四亩田租给别人 一亩一年三百", {"other": 1200}),
        ("店面租出去 一年六千", {"other": 6000}),
        ("退耕还林补偿一年八百", {"other": 800}),
        # a range said with 有时候: the midpoint
        ("女儿一个月寄一千 有时候一千四", {"transfers": 14400}),
        # digits before a pause end the clause
        ("他一天200 一个月10天 我每个月1000", {"wages": 24000, "unassigned": 12000}),
        ("挖药一天六十 一年做个把月", {"wages": 1800}),
        (
            "老农保一个月一百五 他病退的钱一个月九百",
            {"basic_pension": 1800, "other_pension": 10800},
        ),
        ("养鱼一年三千", {"agriculture": 3000}),
    ],
)
def test_income_as_told_this_round(text, income):
    got = money_text.read_income(plain_negation(text))
    assert {k: int(v) for k, v in got.items()} == income


def test_one_givers_figure_and_anothers_unknown_leave_the_gifts_unknown():
    assert money_text.vague_kinds("女儿一年给两千 儿子给好多不晓得") == ["transfers"]
    updates = reader.read("我给了奶奶2k 我爸给好多bzd", "income", {"members": []}).updates
    assert updates["unknown_facts"] == ["income.transfers"]


def test_a_gift_said_only_as_sometimes_stays_unknown():
    assert money_text.vague_kinds("侄女给的说不准，有时候三五百") == ["transfers"]
    assert money_text.vague_kinds("女儿一个月寄一千 有时候一千四") == []


@pytest.mark.parametrize(
    "text", ["就养老金", "就这点养老金 别的没得了", "没得人给钱", "种点菜 别的莫得"]
)
def test_an_income_answer_that_says_it_is_all(text):
    assert money_text.ALL_SAID.search(plain_negation(text))


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        ("车子也没得 房子有两处", {"vehicles": 0, "houses": 2}),
        ("车是我侄儿朋友的 不是我们的", {"vehicles": 0}),
        ("有一个旧面包车", {"vehicles": 1}),
        ("有个拉菜的小货车", {"vehicles": 1}),
        ("老家修了个房子 镇上还有一套", {"houses": 2}),
        ("住的是木房子", {"houses": 1}),
        ("门市租出去了", {"commercial_property": True}),
        ("存的钱房子烧了也烧了 现在一分都没得", {"deposits": 0}),
    ],
)
def test_assets_as_told_this_round(text, assets):
    got = assets_text.read_assets(plain_negation(text))
    assert {k: got.get(k) for k in assets} == assets


def test_a_resident_who_types_a_space_after_every_word():
    got = money_text.read_income("零工 一天九十 一个月五六天 爷爷 养老金 一个月 两百一")
    assert got == {"wages": Decimal(5940), "basic_pension": Decimal(2520)}


def test_a_range_of_days():
    assert money_text.read_income("帮人摘茶一天七十，一个月七八天") == {"wages": Decimal(6300)}


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # a job offered and not taken is no income, nor a gift
        ("村里说给我安排个保洁 一个月六百 我没去", {}),
        # money promised and never sent
        ("女儿说一个月给我打两百 一分都还没打来过", {}),
        # the month said in the clause before, with no figure of its own
        ("侄儿每个月送点油，再给一百块钱", {"transfers": 1200}),
        # a figure put right in the same answer
        ("我在厂里一个月两千二 哦今年涨了 两千五", {"wages": 30000}),
        # the same source again
        ("基础养老金一百五，老伴也是一百五", {"basic_pension": 3600}),
        # a member's wage and what he sends home of it
        ("老公在外头一个月四千 一个月寄回来两千", {"unassigned": 48000}),
        # a relative's money is a gift, whoever says it
        ("我一个月给我妈打三百", {"transfers": 3600}),
        # each of the others
        ("大儿子每个月给三百 其他两个过年才给 一个给五百", {"transfers": 4600}),
        # animals counted two clauses before
        ("卖了三头猪 价钱差 一头一千二", {"agriculture": 3600}),
        ("开三轮拉客一个月两千", {"business": 24000}),
        ("退养补助一个月四百", {"other_pension": 4800}),
    ],
)
def test_income_said_in_passing_and_put_right(text, income):
    got = money_text.read_income(plain_negation(text))
    assert {k: int(v) for k, v in got.items()} == income


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        ("每个月带她去县里做康复 补了一些 自己还出六百", {"disability_care": 7200}),
        ("康复吃药一年两千", {"medical": 2000}),  # medicine too: a medical cost
        ("尿不湿一个月一百五", {"disability_care": 1800}),
    ],
)
def test_care_costs_and_the_month_said_before(text, expenses):
    got = money_text.read_expenses(plain_negation(text))
    assert {k: int(v) for k, v in got.items()} == expenses


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        # A figure under a hundred is money when it follows its period ("一个月六七十").
        ("老头子的降压药一个月六七十", {"medical": 780}),
        ("学费免了 她的药每月四十左右", {"medical": 480}),
        # Nappies for a bedridden parent are the cost of care, not of medicine.
        ("婆婆用的尿片子一个月两百", {"disability_care": 2400}),
    ],
)
def test_small_monthly_costs_and_nappies(text, expenses):
    got = money_text.read_expenses(plain_negation(text))
    assert {k: int(v) for k, v in got.items()} == expenses


@pytest.mark.parametrize("text", ["一个月做二十天", "一个月七八天", "她今年九十 一个月"])
def test_days_and_ages_after_a_period_are_no_money(text):
    from actions.reading.parsing import numbers

    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # By the quarter, said in two clauses
        ("公益岗的工资三个月发一次 一个季度发一回 一回两千四", {"poverty_project_wages": 9600}),
        # Each of a pair, the pair said the clause before
        ("养老金 我跟老伴 一个月各一百九", {"basic_pension": 4560}),
        ("两个的养老金各一百八一个月", {"basic_pension": 4320}),
        # Made and sold by the piece
        ("我编篮子去卖 一个卖三十 一个月编得到二十来个", {"business": 7200}),
        # Animals by weight
        ("卖了三头肥猪 一头两百来斤 八块钱一斤", {"agriculture": 4800}),
        # The sum said after a day's count is the figure
        (
            "车间粘纸盒 一天做三百个 一个月做二十来天 算下来一个月一千二",
            {"poverty_project_wages": 14400},
        ),
        # Money sent by a child said with 打 and a figure
        ("养老金一个月一百五 女儿一个月打四百", {"basic_pension": 1800, "transfers": 4800}),
        # Cleaning at a hotel is a wage; cleaning the village road a 公益岗
        ("在县城酒店做保洁 一个月两千", {"wages": 24000}),
        ("村里道路保洁 一个月五百", {"poverty_project_wages": 6000}),
    ],
)
def test_income_said_by_the_quarter_the_piece_the_weight_and_in_pairs(text, income):
    got = money_text.read_income(plain_negation(text))
    assert {k: int(v) for k, v in got.items() if v} == income


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        (
            "存款肯定没得 车也没得 房子早就垮了 现在住我妹妹屋头",
            {"deposits": 0, "vehicles": 0, "houses": 0},
        ),
        (
            "攒了三千块 留到看病的 有个机动三轮拉货 房子是泥巴房",
            {"deposits": 3000, "vehicles": 1, "houses": 1},
        ),
        (
            "老本都吃光了 就一个电动轮椅 房子是租的 自己名下没得房子",
            {"deposits": 0, "vehicles": 0, "houses": 0},
        ),
    ],
)
def test_assets_as_residents_count_them(text, assets):
    got = assets_text.read_assets(plain_negation(text))
    assert {k: got.get(k) for k in assets} == assets


@pytest.mark.parametrize(
    "words, business",
    [
        ("守个小卖部 一天卖两百来块 赚得到四十", 14400),
        ("门市一天也就挣个三十 哦不对 二十", 7200),
    ],
)
def test_a_shops_profit_by_the_day_is_every_days(words, business):
    assert money_text.read_income(words)["business"] == business


@pytest.mark.parametrize(
    "words, business",
    [
        # a source said in the past, with how long it lasted this year
        ("开的小吃店以前一个月挣两千 八月份关了 今年就开了半年", 12000),
        ("小店一个月一千来块 只开了四个月", 4000),
    ],
)
def test_a_shop_that_lasted_part_of_the_year(words, business):
    assert money_text.read_income(words)["business"] == business


@pytest.mark.parametrize(
    "told, more, agriculture",
    [
        # "还卖了": more of the kind told before, added
        ("一年卖苞谷 三四千", "今年还卖了一头牛 五千出头 我养老金一个月一百七八", 8500),
        # the whole said again, with its 还: not added twice
        ("卖苞谷三千五", "卖苞谷三千五 还有养老金一个月一百八", 3500),
        ("卖苞谷三千五", "种地三千五 还卖了一头牛 五千", 8500),
        # no 还: a new figure for the kind replaces the old
        ("卖苞谷三千五", "卖苞谷一年四千", 4000),
    ],
)
def test_more_of_a_kind_at_the_follow_up_is_added(told, more, agriculture):
    slots = {"members": new_members(("applicant", "我", 70)), "income": None}
    slots.update(reader.read(told, "income", slots).updates)
    slots.update(reader.read(more, "income", slots).updates)
    assert slots["income"]["agriculture"] == agriculture


@pytest.mark.parametrize(
    "words, income, expenses",
    [
        # a price by weight is no income; the net figure said after it is the crop's
        ("种了三亩洋芋 一亩收两千斤 五毛钱一斤 除了肥料钱 剩得到一千五", {"agriculture": 1500}, {}),
        # 给脸 / 给力 give no money; 农药 is no medicine
        ("今年天气给脸 卖菜一年两千来块", {"agriculture": 2000}, {}),
        ("去了化肥农药 种地落得到三千", {"agriculture": 3000}, {}),
    ],
)
def test_prices_idioms_and_farm_costs_are_not_money_of_their_own(words, income, expenses):
    assert {k: int(v) for k, v in money_text.read_income(words).items() if v} == income
    assert {k: int(v) for k, v in money_text.read_expenses(words).items() if v} == expenses


@pytest.mark.parametrize(
    "words, income, expenses",
    [
        # a cost by the time, with the times a week or a month
        ("透析报了以后一次自己出五十 一个礼拜三次", {}, {"medical": 7800}),
        ("打针一个月两次 一次两百", {}, {"medical": 4800}),
        # medicine beside a day's pay is no pay; herbs dug and sold are no medicine
        ("打零工一天一百 一个月十天 吃药一个月两百", {"wages": 12000}, {"medical": 2400}),
        ("挖点药卖 一年一千", {"agriculture": 1000}, {}),  # (gathered: the farm's)
        # a wage after an illness is not its cost
        ("老公住院 我打零工一个月两千", {"wages": 24000}, {}),
    ],
)
def test_costs_by_the_time_and_costs_beside_earnings(words, income, expenses):
    assert {k: int(v) for k, v in money_text.read_income(words).items() if v} == income
    assert {k: int(v) for k, v in money_text.read_expenses(words).items() if v} == expenses


def test_more_costs_when_asked_again_are_added():
    slots = {"members": new_members(("applicant", "我", 50)), "expenses": None}
    slots.update(reader.read("透析一次自己出五十 一个礼拜三次", "expenses", slots).updates)
    slots.update(reader.read("还有药 一个月三四百", "expenses", slots).updates)
    assert slots["expenses"]["medical"] == 7800 + 4200


def test_a_figure_for_the_source_not_known_goes_to_that_source():
    """ "寄好多 不晓得" leaves the transfers unknown; "一般八百 有时候一千" when asked again
    is theirs (the midpoint of the range), not the farming named with the work."""
    slots = {
        "members": new_members(("applicant", "我", 66)),
        "income": None,
        "income_named": ["agriculture"],
    }
    said = "养老金一个月一百七 他爸妈每个月寄生活费 寄好多 不晓得"
    slots.update(reader.read(said, "income", slots).updates)
    assert "income.transfers" in slots["unknown_facts"]
    slots.update(reader.read("一般八百 有时候一千", "income", slots).updates)
    assert slots["income"]["transfers"] == 900
    assert "income.transfers" not in slots["unknown_facts"]


@pytest.mark.parametrize(
    "words, income",
    [
        ("养劳金一个月两百零几块", {"basic_pension": 2400}),
        ("我妈有养老金 两百出头 老婆一分钱都没寄过", {"basic_pension": 2400}),
        ("保安一个月两千二 哦不对 今年涨了 两千四", {"wages": 28800}),
        ("在工地上做 一共拿到手四万出头 老板还差我们八千没结", {"wages": 40000}),
    ],
)
def test_pensions_misspelt_or_without_period_guards_and_wages_owed(words, income):
    assert {k: int(v) for k, v in money_text.read_income(words).items() if v} == income


def test_list_marks_are_pauses():
    slots = {"members": new_members(("applicant", "我", 85)), "income": None}
    said = "①老人养老金，一个月两百出头 ②喂了几只鸡"
    assert reader.read(said, "income", slots).updates["income"]["basic_pension"] == 2400


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # produce sold by weight: what was sold × the price a 斤 (a 公斤 is two 斤)
        ("苞谷卖了两千斤 一块二一斤", {"agriculture": 2400}),
        ("茶叶一年卖得到三十来斤 一斤一百块", {"agriculture": 3000}),
        ("核桃卖了五十公斤 一斤十五", {"agriculture": 1500}),
        ("一个月卖得到八十斤菜 两块五一斤", {"agriculture": 2400}),
        # what is left unsold is no income
        ("还有三百斤洋芋卖不出去 一斤八毛", {}),
        # by the piece, the price with its 毛
        ("鸭蛋一个月卖四十来个 一个一块二", {"agriculture": 576}),
        ("草鞋一双卖十五 一年打得到六十双", {"business": 900}),
        # each one's, then both together: the sum for the same period, once
        ("养老金一个人一个月一百五 两个人就是三百", {"basic_pension": 3600}),
        # days a month for the months worked this year, not twelve
        ("老公打零工一天两百 一个月做得到十五天 今年做了五个月", {"wages": 15000}),
        (
            "她一个月八百 男人零工一天一百 一个月二十天 做了半年",
            {"unassigned": 9600, "wages": 12000},
        ),
        # compensation from the employer is other income, not a relative's gift
        ("厂里赔了八千 老板另外给了两千误工费", {"other": 10000}),
        # each of the daughters counted before, the time of the gift said first
        ("三个女 过年一个给三百", {"transfers": 900}),
        # paid by the trip: the trip's pay × the trips a day, with the days a month
        ("开三轮拉客 一趟五块 一天跑二三十趟 一个月做二十来天", {"business": 30000}),
        ("帮人拉货 拉一趟八十 一天两三趟 一个月十五天左右", {"wages": 36000}),
        # another member's pension after the first, by its own figure
        ("我养老金一百八一个月 老伴也有一百七", {"basic_pension": 4200}),
        ("我爸养老金两百出头 我妈一百九", {"basic_pension": 4680}),
        ("养老金一个月两百 老头子去年也开始领了 一百八", {"basic_pension": 4560}),
        # figures typed the young way
        ("两个人养老金加起来一个月3百多", {"basic_pension": 3600}),
        ("卖了一头猪 3k左右", {"agriculture": 3000}),
        # the month of the clause before, and a range in it
        ("儿子每个月给她转钱，一般六百，有时候四百", {"transfers": 6000}),
        ("女儿每个月打钱 八百左右", {"transfers": 9600}),
        # days in all said as 加起来
        ("帮人采茶 一天八十 春茶秋茶加起来三十来天", {"wages": 2400}),
        # a soldier's family allowance is other income
        ("孙子当兵 部队上的优待金 一年打一回 今年打的一万", {"other": 10000}),
        # a hundred or a thousand said without 一, as written
        ("侄儿逢年过节馈赠 一年约千元", {"transfers": 1000}),
        # a list's numbers are marks; each one's then both together; a sum said again
        (
            "养老金每人每月两百元，两人合计四百元；子女每人每年给一千元，合计两千元",
            {"basic_pension": 4800, "transfers": 2000},
        ),
        # weeks of work for the months worked; each of two pupils by the term
        ("在馆子洗碗一个礼拜三百 做了半年", {"wages": 7800}),
        # a load's pay is no year's figure
        ("挑一挑十块 一天挑二十来挑", {}),
        # an orphan's allowance is other income
        ("孙女是事实无人抚养儿童 一个月补一千多", {"other": 12000}),
        (
            "编背篓 一个卖四十左右 一个月编得到十来个 老公打零工一天一百五 一个月做得到十来天",
            {"business": 4800, "wages": 18000},
        ),
    ],
)
def test_produce_by_weight_and_pieces_by_their_price(text, income):
    got = money_text.read_income(plain_negation(text))
    assert {k: int(v) for k, v in got.items()} == income


@pytest.mark.parametrize(
    ("text", "deposits"),
    [
        # what is left of a sum once received is savings
        ("修房子占地赔了五万 看病用了好多 还剩八千左右", 8000),
        ("拆迁补偿款拿了八万 买了这个房子 剩了两万在银行", 20000),
        ("存得有四千块 没得车", 4000),
        ("存了1w多 留着办后事", 10000),
    ],
)
def test_what_is_left_of_a_lump_sum_is_savings(text, deposits):
    assert assets_text.read_assets(text)["deposits"] == deposits


def test_the_savings_story_is_no_years_income_or_cost():
    updates = reader.read(
        "占地赔了六万 给我爸做手术 用得差不多了 还剩一万 没得车", "assets", {}
    ).updates
    assert updates["assets"]["deposits"] == 10000
    assert not updates.get("income") and not updates.get("expenses")


@pytest.mark.parametrize(
    ("text", "houses"),
    [
        ("赔的钱把房子重新修了 原来的老房子垮了", 1),
        ("老房子垮了 新房子还没修起", 0),
        ("老房子拆了 新房子明年才交钥匙 现在一套房子都没有", 0),
    ],
)
def test_a_house_rebuilt_stands_where_the_old_one_fell(text, houses):
    assert assets_text.read_assets(text)["houses"] == houses


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        # a school week's cost, for the weeks of the school year said
        ("孙女住校 一个星期生活费一百 一年读四十个星期", {"education": 4000}),
        ("一个娃儿一个礼拜伙食费六十 两个就是一百二 一年上四十个礼拜", {"education": 4800}),
        ("孙子一个星期生活费八十 一学期二十个星期", {"education": 3200}),
        # … or for a whole year's weeks
        ("孙子一个星期生活费五十", {"education": 2600}),
        ("两个娃儿读书一学期各三百", {"education": 1200}),
        ("我一个月吃药七八十", {"medical": 900}),
    ],
)
def test_costs_by_the_week(text, expenses):
    got = money_text.read_expenses(plain_negation(text))
    assert {k: int(v) for k, v in got.items()} == expenses
    assert "transfers" not in money_text.read_income(text)


def test_wages_owed_and_not_paid_are_not_all_the_income_told():
    updates = reader.read("今年做了八个月 拿到三万 老板还差五千 要了几回都不给", "income", {})
    assert not updates.updates.get("income_checked")
    updates = reader.read("养老金一个月一百五 子女都不给", "income", {})
    assert updates.updates.get("income_checked") is True


@pytest.mark.parametrize(
    "told, asked, more, wages",
    [
        # another earner's wages at the follow-up: added to the first's
        ("我在工地上做活，一个月三千，老婆在超市上班", "income", "老婆在超市一个月两千", 60000),
        ("我一个月挣两千", "income", "老婆一个月一千五", 42000),
        # told while the costs are asked: the income answer going on
        ("我一个月挣两千", "expenses", "老婆一个月一千五", 42000),
        # the same earner again, both together, the two as one sum, a pronoun: in its place
        ("我在工地一个月三千", "income", "我一个月两千五", 30000),
        ("我一个月两千", "income", "我一个月两千，老婆一个月一千五", 42000),
        ("我一个月两千", "income", "两个人加起来一个月三千五", 42000),
        ("老公一个月工资六千", "income", "他一个月六千", 72000),
        # "两个人" of two others named, not everyone's total
        ("我在超市一个月两千", "income", "公公婆婆在砖厂两个人一个月三千", 60000),
    ],
)
def test_a_second_earners_wages_are_added(told, asked, more, wages):
    slots = {
        "members": new_members(("applicant", "我", 45), ("spouse", "老婆", 43)),
        "income": None,
    }
    for member in slots["members"]:
        member["able_to_work"] = True
    slots.update(reader.read(told, "income", slots).updates)
    slots.update(reader.read(more, asked, slots).updates)
    assert slots["income"]["wages"] == wages


@pytest.mark.parametrize(
    "words, income",
    [
        # pay by the 斤 picked: the price a 斤 × the 斤 a day, with the days
        ("帮人摘花椒一斤一块五 一天八十斤 一年摘二十天", {"wages": 2400}),
        ("采茶 一天采十来斤 一斤三块 采得到四十天", {"wages": 1200}),
        ("帮人摘茶叶 一斤两块 一天能摘二十斤 一年摘了三十天", {"wages": 1200}),
        # without the days: no figure (asked, not guessed)
        ("帮人摘花椒，按斤算，一斤一块五，一天摘得到八十斤", {}),
        # land rented in: the rent comes off the harvest; the net said after the gross is it
        ("租了十亩地种烤烟 一年卖三万 租金一亩五百", {"agriculture": 25000}),
        ("种了别人的地 一年收一万 除了租金剩六千", {"agriculture": 6000}),
        ("开了个面馆 一年营业额十万 去掉房租本钱落得到三万", {"business": 30000}),
        # rent received stays income
        ("地租给别个 一亩七百 九亩", {"other": 6300}),
        ("田包给别人种了 一亩一年六百 两亩", {"other": 1200}),
        # a count said as a range: its midpoint
        ("猪一年卖三四头 一头两千来块", {"agriculture": 7000}),
        # a veteran's allowance is other income
        ("退伍的补助一个月两百多", {"other": 2400}),
    ],
)
def test_pay_by_the_weight_picked_and_farming_net_of_rent(words, income):
    got = money_text.read_income(plain_negation(words))
    assert {k: int(v) for k, v in got.items()} == income


@pytest.mark.parametrize(
    "words, income",
    [
        # the second earner's figure by the month said before it
        ("我一个月三千左右，老婆一千多", {"unassigned": 48000}),
        ("我在工地一个月三千，老婆在超市两千", {"wages": 60000}),
        ("我一个月两千，老婆一个月一千五", {"unassigned": 42000}),
        ("我一年三万，老婆两万", {"unassigned": 50000}),
        # another's pension with its own month is not twelve months of months
        ("基础养老金一个月一百八，老伴一个月一百八", {"basic_pension": 4320}),
        ("我妈养老金一个月一百五 我爸一个月一百五", {"basic_pension": 3600}),
    ],
)
def test_two_earners_in_one_answer(words, income):
    got = money_text.read_income(plain_negation(words))
    assert {k: int(v) for k, v in got.items()} == income


@pytest.mark.parametrize(
    "words, medical",
    [
        # what the insurance paid back comes off the bill; it is no income either
        ("老妈住院花了两万，新农合报了一万二", 8000),
        ("看病一年花了一万多，报销了一半", 5000),
        ("住院花了三万 医保报了百分之六十", 12000),
        ("住院花了五万，报了六成，自己出了两万", 20000),
        ("吃药一个月三百 报不了", 3600),
    ],
)
def test_what_insurance_paid_back_is_no_cost_and_no_income(words, medical):
    assert int(money_text.read_expenses(words)["medical"]) == medical
    assert money_text.read_income(words) == {}


@pytest.mark.parametrize(
    "words, income",
    [
        # a few 厘 a brick, the day's pay said again in yuan; no day's pay of thousands
        ("搬砖是按块算的 一块6厘 一天搬一万来块 六七十块钱 一个月做25天左右", {"wages": 19500}),
        ("搬砖一块5分钱，一天搬两千块，一个月做二十天", {"wages": 24000}),
        # a pair's pensions each; the year said after its figure; silkworms are farming
        ("公公婆婆的养老金 一个人一个月两百出头", {"basic_pension": 4800}),
        (
            "蚕茧 一万出头 一年 爸妈 养老金 一个人 一个月 一百九十几",
            {"agriculture": 10000, "basic_pension": 4560},
        ),
        # the price before its piece; a morning's takings without the mornings: no figure
        ("八块五一个 一个月一百个上下", {"business": 10200}),
        ("老婆子上山捡菌子卖 一早上捡得到30块钱左右", {}),
        # months away, a group leader's allowance, an intern's pay, the work named beside a cost
        ("今年出去了四个月 哦不对 五个月 落了两万多", {"wages": 20000}),
        (
            "组长村里一个月补助130 保洁员是公益岗 一个月300",
            {"wages": 1560, "poverty_project_wages": 3600},
        ),
        ("女儿实习一个月给她八百", {"wages": 9600}),
        ("开三轮摩托接送女儿透析 顺路拉一下客 一个月挣个两三百", {"business": 3000}),
        # rent paid is no income; the weekday is no figure
        ("房租一个月四百", {}),
        ("孙子住校 礼拜五回来", {}),
        ("门面租出去 房租一年八千", {"other": 8000}),
    ],
)
def test_income_as_held_out_13_and_14_taught(words, income):
    got = money_text.read_income(plain_negation(words))
    assert {k: int(v) for k, v in got.items()} == income


def test_a_figure_said_again_or_put_right_keeps_its_month():
    slots = {"members": new_members(("applicant", "我", 50)), "income": None}
    slots.update(reader.read("护林员一个月六百", "income", slots).updates)
    slots.update(reader.read("哦不对 护林员是五百", "income", slots).updates)
    assert slots["income"]["poverty_project_wages"] == 6000
    slots = {"members": new_members(("applicant", "我", 50)), "income": None}
    slots.update(reader.read("女儿实习一个月给她八百", "income", slots).updates)
    slots.update(reader.read("女儿实习那八百 就这个", "income", slots).updates)
    assert slots["income"]["wages"] == 9600


@pytest.mark.parametrize(
    "text, assets",
    [
        ("她卡上有五千 是我们给她存的", {"deposits": 5000}),
        ("有一辆电瓶车上班骑", {"vehicles": 0}),
        ("车就那个三轮摩托", {"vehicles": 1}),
        ("车就一个三轮车 拉庄稼的", {"vehicles": 0}),
        ("那个货车出事了就卖了还账", {"vehicles": 0}),
    ],
)
def test_assets_as_held_out_13_taught(text, assets):
    got = assets_text.read_assets(text, asked=True)
    assert {k: got.get(k) for k in assets} == assets


def test_months_of_day_work_are_thirty_days_each_and_no_car_typed_with_a_space():
    got = money_text.read_income("今年卖了两头猪,五千多,挑砖一天百把块,一年做得到两个月")
    assert {k: int(v) for k, v in got.items()} == {"agriculture": 5000, "wages": 6000}
    assert assets_text.read_assets("房子 一个 砖房 没有 车 没有 存款", asked=True)["vehicles"] == 0


def test_a_source_named_and_its_amount_not_known_clauses_later():
    text = (
        "脐橙今年卖了三千多 他编那个盖盖 一片好像是一块几角 编好多我又没数过 卖好多钱我真的说不来"
    )
    assert money_text.vague_kinds(text) == ["business"]
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == {"agriculture": 3000}


@pytest.mark.parametrize(
    "words, income",
    [
        # a crop's season is a harvest, times the seasons a year said (a quarter is 一季度)
        ("屋后头有点茶叶 一季卖得到七八百 一年采三季", {"agriculture": 2250}),
        ("烤烟一季八千多", {"agriculture": 8000}),
        ("工资一季度发一回 一季三千", {"wages": 12000}),
        # the price each after the sum it makes: the same money
        ("羊子卖了四只 卖了四千 一只一千", {"agriculture": 4000}),
        # "喂" on the phone is a greeting, not feeding the pigs
        ("喂，你好，就养老金一个月一百七", {"basic_pension": 2040}),
    ],
)
def test_seasons_and_sums(words, income):
    got = money_text.read_income(plain_negation(words))
    assert {k: int(v) for k, v in got.items()} == income


def test_a_figure_that_cannot_be_worked_out_is_unknown():
    assert money_text.vague_kinds("背点菜去卖 好多钱我也算不清") == ["agriculture"]
    assert money_text.named_sources("喂，同志，我想问个事") == []


def test_an_illness_said_as_a_cost_subject():
    assert money_text.read_expenses("他的病报了一部分 自己出的一年还有三千多") == {"medical": 3000}


@pytest.mark.parametrize(
    "words, income",
    [
        # small figures said as a range, a day's takings every day, scrap picked up and sold
        ("捡废品天天都去 一天卖得到七八块", {"other": 2700}),
        ("收废品 收了拉到镇上的废品站卖 一个月两千", {"business": 24000}),
        # the dealer bought it: the scrap picked up is still the seller's other income
        ("捡纸壳子 瓶子 卖给收废品的 一个月百把块", {"other": 1200}),
        ("捡废品一天卖得到五六块 好的时候十几块 一个月百把块钱", {"other": 1200}),
        # the month's pay, then how it is made up (a commission by the session): the month's
        ("按摩一个月拿得到一千八左右 按一个钟提二十几块", {"wages": 21600}),
        # an apprentice's pay is wages, in a repair shop too
        ("修车铺当学徒 一个月两千", {"wages": 24000}),
        # a day's takings told in passing is no year's income
        ("昨天卖了两三块钱的菜", {}),
    ],
)
def test_small_takings(words, income):
    got = money_text.read_income(plain_negation(words))
    assert {k: int(v) for k, v in got.items()} == income


@pytest.mark.parametrize(
    "words, medical",
    [
        ("透析一个月三千多 报了以后自己还要出一千", 12000),
        ("吃药一个月四百 报了过后自己出一百五", 1800),
    ],
)
def test_the_own_share_keeps_the_month(words, medical):
    assert money_text.read_expenses(words)["medical"] == medical


@pytest.mark.parametrize(
    "words, income",
    [
        ("摆摊卖米豆腐 一场除开本钱落得到四十来块 一个月赶八场", {"business": 3840}),
        ("帮人理发 五块钱一个", {}),
    ],
)
def test_a_market_day_s_net_and_a_price_each_alone(words, income):
    got = money_text.read_income(plain_negation(words))
    assert {k: int(v) for k, v in got.items()} == income


def test_the_other_child_s_fees_are_fees():
    assert money_text.read_expenses("大的读大学一年学费五千 小的一年两千多") == {"education": 7000}


def test_a_spouse_s_money_sent_home_is_a_wage():
    slots = {
        "members": new_members(("applicant", "我", 31), ("spouse", "老公", 34)),
        "income": None,
    }
    for member in slots["members"]:
        member["able_to_work"] = True
    slots.update(reader.read("串珠子一个月三百多", "income", slots).updates)
    slots.update(reader.read("老公在外头一个月寄两千回来", "income", slots).updates)
    assert slots["income"] == {"wages": 27600}


def test_handwork_for_a_shop_is_a_wage():
    got = money_text.read_income("给服装店锁边 一个月两三百")
    assert {k: int(v) for k, v in got.items()} == {"wages": 3000}


def test_a_range_within_the_tens_and_the_first_year_s_total():
    got = money_text.read_income("帮人挑砖一天一百二 一个月做得到十三四天")
    assert {k: int(v) for k, v in got.items()} == {"wages": 19440}
    assert money_text.read_expenses("学费一年四千 加上生活费 头一年起码六千") == {"education": 6000}


def test_each_old_one_s_pension_and_the_mu_let_out():
    slots = {
        "members": new_members(("applicant", "我", 74), ("spouse", "老伴", 71)),
        "income": None,
    }
    slots.update(reader.read("还有养老金 一个人一百五", "income", slots).updates)
    assert slots["income"]["basic_pension"] == 3600
    got = money_text.read_income("六亩地 另外两亩租给别个 一亩一年一百")
    assert {k: int(v) for k, v in got.items()} == {"other": 200}


def test_a_price_told_and_the_year_s_sum_not_is_unknown():
    words = "卖羊子 一只一千多 有时候一年卖两只 有时候卖五六只 看贩子给好多 我也说不准一年好多"
    assert money_text.vague_kinds(words) == ["agriculture"]


@pytest.mark.parametrize(
    ("text", "pension"),
    [
        ("谷子卖了两千来斤 一块三一斤 我们两个老的养老金一个人一百多", 2400),
        ("养老金嘛 一个人一个月两百出头 我们三个都有", 7200),
        ("养老金一个月一百二，老两口都有", 2880),
    ],
)
def test_each_ones_pension_times_those_said_to_have_it(text, pension):
    assert money_text.read_income(text)["basic_pension"] == pension


def test_a_person_named_for_other_money_does_not_stop_each_old_one_s_pension():
    slots = {
        "members": new_members(("applicant", "爸", 66), ("spouse", "妈", 63)),
        "income": None,
    }
    words = "我妈在包装厂一天一百 一年做得到五六十天 养老金一个人一个月一百一"
    slots.update(reader.read(words, "income", slots).updates)
    assert slots["income"]["basic_pension"] == 2640


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("养老金我老汉一个月两百多 我和老婆各人一百多", {"basic_pension": 4800}),
        ("退耕的钱一年三百来块", {"other": 300}),
        ("回来的时候身上就剩四十块钱", {}),
    ],
)
def test_others_each_pension_retired_farmland_and_pocket_money(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_hands_hired_for_the_harvest_are_no_care():
    assert money_text.read_expenses("请人收苞谷花了五百多") == {}


def test_a_total_said_after_each_ones_pension_is_not_multiplied_again():
    slots = {
        "members": new_members(("applicant", "我", 72), ("spouse", "老伴", 71)),
        "income": None,
    }
    slots.update(reader.read("养老金一个人一个月一百七，两个就是三百四", "income", slots).updates)
    assert slots["income"]["basic_pension"] == 4080
    slots = {
        "members": new_members(("applicant", "我", 72), ("spouse", "老伴", 71)),
        "income": None,
    }
    words = "养 老 金 一 个 人 一 个 月 一 百 二 娃 儿 们 过 年 回 来 给 点 加 起 来 两 三 千"
    slots.update(reader.read(words, "income", slots).updates)
    assert {k: int(v) for k, v in slots["income"].items()} == {
        "basic_pension": 2880,
        "transfers": 2500,
    }


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("老汉老娘各人一百多养老金", {"basic_pension": 2400}),
        ("国家发的老年金 一个月一百多点", {"basic_pension": 1200}),
    ],
)
def test_parents_each_pension_and_the_old_age_money(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_a_year_summed_after_sometimes_is_no_vague_figure():
    words = "我和我姐有时候打五百 有时候一两个月都没打 一年下来三千左右吧"
    assert money_text.vague_kinds(words) == []
    assert money_text.read_income(words) == {"transfers": 3000}


def test_a_price_told_first_and_the_quantity_asked_again_make_the_year():
    slots = {
        "members": new_members(("applicant", "我", 71)),
        "income": None,
        "unclear": {"income": ["摘辣椒 五毛钱一斤"]},
    }
    slots.update(reader.read("一天摘得到二三十斤 今年摘了个把月", "income", slots).updates)
    assert 340 <= slots["income"]["wages"] <= 400


def test_what_is_left_after_a_reimbursement_is_a_medical_cost():
    assert money_text.read_expenses("今年报销完自己还出了七万多 后头还要吃药复查") == {
        "medical": 70000
    }


def test_citrus_sold_is_farming():
    assert money_text.read_income("柑子今年卖了三千来块") == {"agriculture": 3000}


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("今年摘了八千来斤 贩子一块二一斤收的", {"agriculture": 9600}),
        ("油桃2块8一斤 卖了两千来斤", {"agriculture": 5600}),
        ("那个耕地补贴一年三百多 那个也算收入啊", {}),
    ],
)
def test_produce_at_a_price_with_tenths_and_farm_subsidies_not_counted(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("补鞋子 一个月落个六七百", {"business": 7800}),
        ("摆摊一年落四五千 摊位费一个月两百多已经除了", {"business": 4500}),
    ],
)
def test_a_cobbler_and_a_stall_whose_fee_is_taken_off(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "costs"),
    [
        (
            "我爸看病,合作医疗报了大部分住院的,但每天都要吃药,一年光自费的就要上万",
            {"medical": 10000},
        ),
        ("女儿看哮喘一年一千多", {"medical": 1000}),
        ("老头有风湿，没得残疾，儿子在厂里上班，一个月五千多", {}),  # an illness named is no cost
    ],
)
def test_over_ten_thousand_and_an_illness_seen_to(text, costs):
    assert money_text.read_expenses(text) == costs


def test_scorpions_sold_for_a_sum_nobody_can_say_are_unknown():
    words = "蝎子卖好多我也说不清楚 有时候一个月卖几百 有时候啥子都莫得"
    assert money_text.vague_kinds(words) == ["agriculture"]


@pytest.mark.parametrize(
    ("text", "income"),
    [
        (
            "种了十来亩，苞谷洋芋，一年毛收入一万二，除开种子化肥农药，一年落得到七千八。",
            {"agriculture": 7800},
        ),
        (
            "我做泥水一年一万五。婆娘在超市一年八千。。哦不对，她是按月拿的，一个月八百，那一年该是九千六",
            {"wages": 24600},
        ),
        ("老汉我妈养老金一人一个月一百多", {"basic_pension": 2400}),
    ],
)
def test_the_net_after_the_gross_a_figure_put_right_by_the_month_and_both_parents(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # the months said by themselves after the day's takings; what the hills give is the
        # household's own, whatever the unit of the day
        ("上山采蘑菇 一上午卖得到四十来块 差不多三个月有", {"agriculture": 3600}),
        ("挖笋子一天五十 两个来月", {"agriculture": 3000}),
        # picking someone else's tea by the day stays a wage
        ("帮人摘茶一天七十 做了两个月", {"wages": 4200}),
    ],
)
def test_gathering_by_the_day_and_the_months_said_alone(text, income):
    assert money_text.read_income(text) == {k: Decimal(v) for k, v in income.items()}


def test_a_member_s_wage_after_an_answer_that_named_only_the_farm():
    # the work answer named the farm only; the husband's wage is still a wage, and what he
    # brings home of it is part of it, not a gift
    got = money_text.read_income(
        "男人在外头一年挣得到两万多，自己吃住用一些，带回来八千左右。", ["agriculture"]
    )
    assert got == {"wages": Decimal(20000)}


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # the average said after a good day and a bad one is the figure
        ("拉客生意好一天两百多，差的时候几十块，平均下来一个月三千左右", {"business": 36000}),
        # money sent home "打了…回来", and the 回 of it is no count of days
        (
            "摘茶一天七十，一年做得到一个来月，女儿在浙江，一年打个两三千回来",
            {"wages": 2100, "transfers": 2500},
        ),
        ("儿子过年打了八百块回来", {"transfers": 800}),
    ],
)
def test_the_average_and_money_sent_home(text, income):
    assert money_text.read_income(text) == {k: Decimal(v) for k, v in income.items()}


def test_hospital_stays_besides_the_monthly_pills():
    got = money_text.read_expenses("老伴吃药一个月两百多，今年住了一回院报了自己出了三千来块")
    assert got == {"medical": Decimal(5400)}


def test_each_one_s_pension_without_a_count_is_the_old_members_each():
    members = new_members(("applicant", "我", 74), ("spouse", "老伴", 71))
    updates = reader.read("养老金各人一个月一百六 别的没得", "income", {"members": members}).updates
    assert updates["income"]["basic_pension"] == 3840


def test_months_worked_said_as_a_range_are_their_midpoint():
    got = money_text.read_income("今年在东莞做了五六个月 一个月三千左右 后头就回来了")
    assert got == {"wages": Decimal(16500)}


def test_a_source_asked_again_that_still_has_no_figure_stays_unknown():
    slots = {"unknown_facts": ["income.wages"], "income": {}}
    got = reader.read("有时候八百 有时候几百 有时候一分没得 我也没算过", "income", slots).updates
    assert not (got.get("income") or {}).get("wages")
    assert "income.wages" in got.get("unknown_facts", slots["unknown_facts"])


def test_a_night_watchman_s_pay_is_a_wage_after_a_work_answer_that_named_the_orchard():
    assert money_text.read_income("他在厂里守夜 一个月一千二", ["agriculture"]) == {
        "wages": Decimal(14400)
    }


def test_an_operation_still_to_come_is_no_cost_yet():
    got = money_text.read_expenses("女儿吃药一个月两百，手术要七八万 还没做 钱凑不齐")
    assert got == {"medical": Decimal(2400)}


def test_minding_someone_s_fish_pond_and_an_illness_said_not_to_be():
    assert money_text.read_income("外公帮人守鱼塘 一个月七百") == {"wages": Decimal(8400)}
    assert money_text.read_expenses("身体没啥子大病，老汉在帮人看门，一个月九百") == {}


def test_money_sent_now_more_now_less_and_not_counted_is_unknown():
    slots = {"income": {"agriculture": 3000}}
    got = reader.read(
        "女儿有时候寄点回来 多的时候两三千 少的时候几百 我也算不清楚", "income", slots
    ).updates
    assert "income.transfers" in got["unknown_facts"]
    assert not (got.get("income") or {}).get("transfers")


@pytest.mark.parametrize(
    "text, income",
    [
        ("扎扫把卖 十八块一把，一年卖得到百把把 还有养老金一个月一百七",
         {"business": 1800, "basic_pension": 2040}),
        ("扎扫把卖 十八块一把", {}),  # a price alone: the count is asked for
        ("编背篼卖 三十块一个 一年卖二十个", {"business": 600}),
        ("一个一块五 一年卖两百个", {"business": 300}),
        ("两个人养老金 一个一百七", {"basic_pension": 4080}),
    ],
)  # fmt: skip
def test_pieces_made_and_sold_and_each_one_s_pension(text, income):
    assert money_text.read_income(text) == {k: Decimal(v) for k, v in income.items()}


def test_a_price_said_first_and_the_count_asked_again_make_the_year():
    slots = {"income_named": ["agriculture"]}
    slots.update(reader.read("扎扫把卖 十八块一把", "income", slots).updates)
    assert not (slots.get("income") or {}).get("agriculture")
    slots["asks"] = {"income": 2}
    slots["unclear"] = {"income": ["扎扫把卖 十八块一把"]}  # (kept by the form, unread)
    got = reader.read("一年卖得到百把把 还有养老金一个月一百七", "income", slots).updates
    assert got["income"] == {"business": 1800, "basic_pension": 2040}


@pytest.mark.parametrize(
    "text, income",
    [
        ("我们两兄弟每个月一起给她寄六七百", {"transfers": 7800}),  # together, not each
        ("两个儿子每个月各给三百", {"transfers": 7200}),
        ("就是我跟老三每个月凑五百块给他们买米买油 其他没得了", {"transfers": 6000}),
        ("儿子有个残疾补贴，几十块，那个不算吧", {}),  # some tens: no figure
        ("残疾补贴一个月七十几", {"other": 840}),
    ],
)
def test_money_sent_together_pooled_and_some_tens(text, income):
    assert money_text.read_income(text) == {k: Decimal(v) for k, v in income.items()}


@pytest.mark.parametrize(
    "text, income",
    [
        ("两个老的养老金 一个月一人一百七十几", {"basic_pension": 4080}),
        ("说错了 是一百八十几 不到两百", {"unassigned": 180}),  # the bound is no second figure
        ("脐橙今年冰雹打了 卖了不到五千块", {"agriculture": 5000}),
        ("他老婆卖猪一年三四千。村民捐的三千多块不算吧？", {"agriculture": 3500}),
    ],
)
def test_each_one_s_pension_after_a_pause_a_bound_and_gifts_after_a_fire(text, income):
    assert money_text.read_income(text) == {k: Decimal(v) for k, v in income.items()}


def test_a_pension_put_right_is_that_pension_by_the_month():
    slots = {
        "income": {"basic_pension": 2400},
        "income_named": ["agriculture"],
        "asks": {"income": 2},
    }
    got = reader.read("说错了 是一百八十几 不到两百", "income", slots).updates
    assert got["income"] == {"basic_pension": 2160}


def test_herbs_dug_and_sold_are_the_farm_s():
    assert money_text.read_income("挖药一年卖得到三四千") == {"agriculture": Decimal(3500)}


def test_a_source_whose_money_cannot_be_said_is_unknown():
    text = "橙子钱说不清楚 往年好的时候卖得到七八千 今年还没卖完 价钱又低 不晓得卖得到好多"
    assert money_text.vague_kinds(text) == ["agriculture"]


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        # one item of the farm's told, another not: the farm's year is not known
        ("卖猪的钱就卖了一头 两千多 其他的都死了 包谷也卖了点 记不到好多了", ["agriculture"]),
        # one sum or another, the resident cannot say which
        ("他今年好像就打过一回 五百还是八百我记不清了", ["transfers"]),
        ("洗碗的钱 还有他打的钱 不一定", ["transfers"]),
        ("卖猪两千 包谷一千", []),
    ],
)
def test_money_a_resident_cannot_put_a_figure_on(text, vague):
    assert money_text.vague_kinds(text) == vague


def test_money_sent_home_and_earned_told_apart():
    assert money_text.read_income("老公打的钱一年三千") == {"transfers": Decimal(3000)}
    assert money_text.read_income("他在外面打工打的钱一个月三千") == {"wages": Decimal(36000)}


def test_a_figure_said_with_a_source_that_cannot_be_told_goes_to_its_own_source():
    """Wages by the day, the pension, the one pig sold — and the maize "记不到好多": the farm
    is unknown, and the day's pay is not put to it."""
    members = new_members(("applicant", "我", 52), ("parent", "老妈", 76))
    members[0]["able_to_work"] = True
    state = {"members": members, "income_named": ["wages", "agriculture"]}
    text = (
        "我打零工一年个把月 一天一百五 老妈养老金一百七十几 卖猪的钱今年就卖了一头 两千多"
        " 其他的都死了 包谷也卖了点 记不到好多了"
    )
    updates = reader.read(text, "income", state).updates
    assert updates["income"] == {"basic_pension": 2040, "wages": 4500}
    assert "income.agriculture" in updates["unknown_facts"]


def test_board_at_school_is_schooling():
    text = "女儿学费一年五千二 住宿一千二 儿子一学期两千多 一年两学期"
    assert money_text.read_expenses(text) == {"education": Decimal(10400)}


def test_months_away_with_their_own_sum_are_not_the_day_rate_s():
    text = "我老婆打零工一天八十 一个月做得到十五天左右 我过了年出去做了两个多月 挣了万把块"
    assert money_text.read_income(text) == {"wages": Decimal(14400 + 10000)}


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        ("看病啊 包工头那八千块是直接交的医院 我们自己还贴了两万多", 20000),
        ("看病 老板出了一万 我们自己掏了三千", 3000),
    ],
)
def test_of_a_bill_paid_partly_by_someone_else_the_own_share_is_the_cost(text, cost):
    assert money_text.read_expenses(text) == {"medical": Decimal(cost)}


def test_the_allowance_of_the_very_old_is_no_pension():
    text = "养老金一个月一百七十几，高龄补贴一个月五十"
    assert money_text.read_income(text) == {"basic_pension": Decimal(2040), "other": Decimal(600)}


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # "十几天": ten days, as "十来天" is
        ("老公打零工一天一百二 一个月做十几天", {"wages": 14400}),
        # a brother's money given in a bad year
        ("我哥看我病了拿了五千块", {"transfers": 5000}),
        ("卖了点黄豆五百多", {"agriculture": 500}),
    ],
)
def test_days_by_the_ten_a_relative_s_money_and_beans(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_each_parent_s_allowance_is_counted_for_both():
    members = new_members(("applicant", "我", 78), ("spouse", "老婆子", 75))
    text = "养老金两个人一个月加起来三百六七 计生那个失独的特扶金一个人一个月四百"
    updates = reader.read(text, "income", {"members": members}).updates
    assert updates["income"]["other"] == 9600


@pytest.mark.parametrize(
    ("text", "ages", "other"),
    [
        # each name of an allowance paid by the month: a month's, each one's of those paid it
        ("长寿补贴一个人五十", (86, 82), 1200),
        ("高龄的一个人一个月六十", (88, 84), 1440),
        ("扶助金一个人一个月两百", (66, 63), 4800),
        ("扶助金两百", (66, 63), 2400),
    ],
)
def test_every_name_of_an_allowance_by_the_month(text, ages, other):
    members = new_members(("applicant", "我", ages[0]), ("spouse", "老伴", ages[1]))
    updates = reader.read(text, "income", {"members": members}).updates
    assert updates["income"]["other"] == other


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        # the year's cost told, not the transfusions to come
        ("今年医院报了以后自己出了四万多，后面每个月还要输血，一个月自己也要出一两千", 40000),
        # … but the habitual cost said after what is to come is the year's too
        ("这次住院自己出了四千多，后面还要复查。平时降压药每月五十左右。", 4600),
    ],
)
def test_the_year_s_costs_not_those_to_come(text, cost):
    assert money_text.read_expenses(text) == {"medical": Decimal(cost)}


def test_work_for_others_is_wages_and_others_money_is_not_ours():
    text = "他帮人家做零工 一年做得到个一两千 我妈养老金一个月一百七十几"
    assert money_text.read_income(text, ["agriculture"]) == {
        "wages": Decimal(1500),
        "basic_pension": Decimal(2040),
    }
    assert money_text.read_income("别人家一年几万 我们一年三千") == {"unassigned": Decimal(3000)}


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        # one sum or another, and "我说不准" after: not known which
        (
            "茶叶鲜叶卖给茶厂的 今年春茶卖了好像七八千还是一万 账是他爸记的 我说不准",
            ["agriculture"],
        ),
        ("一年两千还是三千 就是这个数", []),
    ],
)
def test_a_choice_of_sums_the_resident_is_unsure_of(text, vague):
    assert money_text.vague_kinds(text) == vague


def test_leaves_sold_to_the_tea_factory_are_the_farm_s():
    assert money_text.read_income("鲜叶卖给茶厂 一年六千") == {"agriculture": Decimal(6000)}
    assert money_text.read_income("在茶厂上班一个月两千") == {"wages": Decimal(24000)}


def test_each_one_s_school_cost_then_how_many():
    text = "娃儿一个人一学期学费住宿费两千五左右 两个人 一年两学期 婆婆吃药一年三四百"
    assert money_text.read_expenses(text) == {"education": Decimal(10000), "medical": Decimal(350)}


def test_what_is_left_of_the_savings_now():
    text = "以前存了万把块 交学费用了 现在剩两三千 没得车 房子一个"
    assert assets_text.read_assets(text)["deposits"] == 2500


def test_a_child_working_away_is_asked_about_once():
    from actions.questions import transfers_unsaid

    members = new_members(("applicant", "我", 45), ("spouse", "他", 48), ("child", "女儿", 14))
    members[0]["able_to_work"] = True
    state = {"members": members}
    said = reader.read("三个 我 我男人 女儿 儿子在广东打工不在屋头", "household_size", state)
    assert transfers_unsaid({**state, **said.updates, "income": {"agriculture": 4500}})
    # (one source alone is asked about too: two told, and no child away, are not)
    assert not transfers_unsaid({**state, "income": {"agriculture": 4500, "wages": 9000}})


def test_a_pacemaker_is_a_medical_cost():
    text = "起搏器那个 自己出了一万 两千 平时吃药一个月一百多点"
    assert money_text.read_expenses(text) == {"medical": Decimal(13200)}


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        # the savings are no count of motorbikes
        ("存了五千 摩托车一个 跑活路的 房子一个", {"deposits": 5000, "vehicles": 1, "houses": 1}),
        ("原来存了三万多 全部用了 没得车 房子一个", {"deposits": 0, "vehicles": 0, "houses": 1}),
    ],
)
def test_savings_a_motorbike_and_savings_all_spent(text, assets):
    assert {k: int(v) for k, v in assets_text.read_assets(text).items()} == assets


def test_months_on_the_road_and_a_thousand_five():
    text = "我跑摩的一个月三千五 除了过年都在跑 今年跑了十一个月"
    assert money_text.read_income(text) == {"business": Decimal(38500)}
    text = "透析报了过后自己还要出千五左右一个月 她吃药一个月两百"
    assert money_text.read_expenses(text) == {"medical": Decimal(20400)}


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # another source's net is no net of the wage said before
        ("我一年做得到两万出头 烤烟除开化肥落得到四千来块", {"wages": 20000, "agriculture": 4000}),
        # pay for minding an orchard is a wage, not a gift
        ("看果园一年给我三千 老婆洗碗一个月一千二 做了八个月", {"wages": 12600}),
        # "没给她办" is no word about money
        ("以前村里说她有侄儿侄女，就没给她办", {}),
    ],
)
def test_another_source_s_net_pay_for_minding_and_no_money_word(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_one_s_own_pills_are_a_cost():
    text = "我自己吃降压药 一个月五六十 娃儿读书没得好多钱 学校都免了的"
    assert money_text.read_expenses(text) == {"medical": Decimal(660)}


def test_what_is_left_of_a_sum_received_said_in_one_breath():
    assert assets_text.read_assets("保险赔的钱剩了一万五 放在信用社")["deposits"] == 15000


def test_a_motorbike_and_no_car_is_one_vehicle():
    assets = assets_text.read_assets("一个旧摩托车 没得小车 房子一个")
    assert assets["vehicles"] == 1
    assert assets_text.read_assets("摩托车也没得 没得小车")["vehicles"] == 0


def test_a_month_not_known_then_a_range_with_no_figure_at_one_end():
    text = "婆娘在饭馆打杂 一个月好多我说不清 几百到一千吧 我养老金一百八"
    assert money_text.vague_kinds(text) == ["wages"]


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # an allowance paid by the month, said without its period
        ("我爸养老金一个月一百九 还有高龄补贴八十", {"basic_pension": 2280, "other": 960}),
        # nothing for the rest: the figure for the first stands
        ("今年卖了五头牛 收了两万 剩下的遭病死了 一分没卖到", {"agriculture": 20000}),
    ],
)
def test_an_allowance_by_the_month_and_nothing_for_the_rest(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_another_s_cost_of_the_same_kind_by_a_figure_alone():
    assert money_text.read_expenses("老汉吃药一个月两百 我妈一个月五十多") == {
        "medical": Decimal(3000)
    }


def test_both_the_same_pension_and_another_s_told_next():
    members = new_members(("applicant", "我", 72), ("spouse", "老伴", 69))
    said = reader.read("两个人的养老金一个月都是一百七", "income", {"members": members})
    assert said.updates["income"]["basic_pension"] == 4080
    members = new_members(("applicant", "妈", 88), ("child", "我老汉", 61))
    state = {"members": members, "income": {"basic_pension": 2400}, "asks": {"income": 1}}
    said = reader.read("我老汉今年满六十 养老金一个月一百七", "income", state)
    assert said.updates["income"]["basic_pension"] == 4440


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # a figure put right, then said again: once
        ("护路员一个月六百 哦 七百 今年涨了 七百", {"poverty_project_wages": 8400}),
        # "X 不是 Y Y出头": Y put right, not "X, not Y"
        ("他养老金一百八 不是 两百 两百出头", {"basic_pension": 2400}),
        ("一天一百五 不是两百", {}),
        # a wage by the month put right by the month: the year's once
        ("工资一个月一千六 哦今年涨了 一个月两千", {"wages": 24000}),
        # two kin named, each
        ("我哥和我姐一人一年给她两千", {"transfers": 4000}),
        # 高龄的: the old-age allowance, by the month
        ("养老金一百八 还有高龄的六十", {"basic_pension": 2160, "other": 720}),
        # land let to a cooperative is rent, not a gift
        ("田土流转给合作社了 一年给一千一", {"other": 1100}),
    ],
)
def test_figures_put_right_each_of_two_kin_and_land_let(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # after a pension, "她" and her figure: her own pension
        ("养老金我一百七十几 她一百六十几", {"basic_pension": 3960}),
        ("养老金一个月一百多 他说一年两三千", {"basic_pension": 1200, "unassigned": 2500}),
        # months as a range after a day's pay; "一个人" is no piece sold
        (
            "砖厂一天一百八 一个月做二十天 一年做得到五六个月 两个老的养老金一个人一个月一百七",
            {"wages": 19800, "basic_pension": 4080},
        ),
    ],
)
def test_her_pension_months_as_a_range_and_no_piece(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        # the stay said in the clause before the own share: the stay's cost, not by the month
        ("老汉吃药每个月一百多 上个月住了回院 自己出了两千多", {"medical": 3200}),
        # the own share every month after a reimbursement, of no cost named: medical
        ("报了以后自己每个月还要出八百 儿子一学期一千", {"medical": 9600, "education": 2000}),
    ],
)
def test_a_stay_said_before_and_the_own_share_by_the_month(text, expenses):
    assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


def test_a_child_s_figure_of_one_living_without_children_is_a_gift():
    members = new_members(("applicant", "我", 76))
    said = reader.read("女儿一年八百", "income", {"members": members})
    assert said.updates["income"] == {"transfers": 800}


def test_the_weight_sold_not_the_weight_picked():
    text = "今年收了两百多斤菜籽 卖出去一百五十斤 三块钱一斤"
    assert money_text.read_income(text) == {"agriculture": Decimal(450)}


def test_a_grown_son_out_of_school_leaves_no_child_kept_from_school():
    members = new_members(("applicant", "我", 50), ("child", "儿子", 19))
    said = reader.read("儿子病了就没读了", "school", {"members": members})
    assert "education" not in (said.updates.get("three_guarantees") or [])


@pytest.mark.parametrize(
    ("text", "income", "expenses"),
    [
        # every short kin word before a figure tells whose it is: 老汉's own pension …
        ("我养老金一百七 老汉一百六", {"basic_pension": 3960}, {}),
        # … and 婆娘's or 外婆's own cost of the same kind
        ("药钱我一个月两百 婆娘一个月一百多", {}, {"medical": 3600}),
        ("老汉吃药一个月两百 外婆一个月五十多", {}, {"medical": 3000}),
    ],
)
def test_every_short_kin_word_before_a_figure(text, income, expenses):
    read = {k: int(v) for k, v in money_text.read_income(text).items() if k != "unassigned"}
    assert read == income
    assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        # a month's sum not paid every month, the year's not remembered: unknown
        (
            "他爸说一个月给五百抚养费 但是有时候给有时候不给 今年好像给了几回 我记不清了",
            ["transfers"],
        ),
        # … the month's figure stands when nothing says the year is not known
        ("他爸一个月给五百 有时候给有时候不给", []),
        ("儿子一个月打五百 有时候打有时候不打 一年下来三千左右 记不清了", []),
    ],
)
def test_a_month_s_sum_not_paid_every_month(text, vague):
    assert money_text.vague_kinds(text) == vague


@pytest.mark.parametrize(
    ("text", "income", "vague"),
    [
        # a month's sum promised, the year's said after: the year's
        (
            "就饭馆一个月一千五 前夫说好一个月给五百 但是他经常不给 今年拢共就给了两千",
            {"unassigned": 18000, "transfers": 2000},
            [],
        ),
        ("儿子一个月打一千 其实有时候打有时候不打 今年一共打了七千左右", {"transfers": 7000}, []),
        # the price of one head as it varies, after another source: no sum, and not the pension's
        (
            "老妈养老金一个月一百八十几 卖羊子这个说不准 有时候一只卖得到一千多 有时候几百块 "
            "好多钱我真的算不清楚",
            {"basic_pension": 2160},
            ["agriculture"],
        ),
    ],
)
def test_the_year_s_sum_after_a_month_s_and_a_varying_price_of_one(text, income, vague):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income
    assert money_text.vague_kinds(text) == vague


@pytest.mark.parametrize(
    ("text", "income", "expenses"),
    [
        # compensation for an injury that went to the bills: no income
        (
            "老婆一个月两千 包工头赔了三万 都拿去交医药费了 不够还借了两万",
            {"unassigned": 24000},
            {},
        ),
        ("厂里赔了五万", {"other": 50000}, {}),
        # the month said after another figure, before its own: this figure's period
        (
            "手术加住院花了八万多 报了一部分 自己出了四万多 现在每个月还要买药 五六百",
            {},
            {"medical": 46600},
        ),
    ],
)
def test_compensation_for_the_bills_and_a_month_said_after_another_figure(text, income, expenses):
    if income:
        assert {k: int(v) for k, v in money_text.read_income(text).items()} == income
    if expenses:
        assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


def test_the_times_had_this_year_then_the_cost_of_one():
    text = "化疗做了四次了 一次自己要出三千多 还要吃药 一个月五六百"
    assert money_text.read_expenses(text) == {"medical": Decimal(18600)}


@pytest.mark.parametrize(
    ("text", "vehicles"),
    [
        # a tricycle driven for hire is a motor tricycle; one pedalled or carrying crops is not
        ("存款没得 就一个三轮车 跑生意的 房子一个", 1),
        ("没得存款，三轮车是脚蹬的", 0),
        ("有个三轮车 拉苞谷的", 0),
    ],
)
def test_a_tricycle_for_hire_is_a_vehicle(text, vehicles):
    assert assets_text.read_assets(text)["vehicles"] == vehicles


def test_another_earner_s_days_added_up_and_a_pension_named_after():
    members = new_members(
        ("applicant", "我", 57), ("spouse", "老汉", 60), ("grandchild", "孙娃儿", 10)
    )
    for member in members[:2]:
        member["able_to_work"] = True
    state = {"members": members, "asks": {"income": 1}}
    state.update(reader.read("老汉打零工 一天一百五 一年做得到个百把天", "income", state).updates)
    text = "我采茶 一天七八十 春茶秋茶加起来四十来天 老汉今年开始领养老金了 一个月一百九"
    state["asks"] = {"income": 2}
    updates = reader.read(text, "income", state).updates
    assert updates["income"]["wages"] == 18000 and updates["income"]["basic_pension"] == 2280


def test_still_unsure_when_asked_again_keeps_the_source_unknown_and_another_s_figure():
    members = new_members(("applicant", "我", 52), ("spouse", "老婆", 49))
    members[0]["able_to_work"] = True
    state = {"members": members, "asks": {"income": 1}}
    first = "往年李子卖得到两万多 今年卖了好多我都算不清楚 零零星星卖的 几千块吧 没记账"
    state.update(reader.read(first, "income", state).updates)
    assert "income.agriculture" in state["unknown_facts"]
    state["asks"] = {"income": 2}
    again = "真的记不到了 有时候几百有时候一千多 反正不多 打零工那个一天150 做了个把月"
    state.update(reader.read(again, "income", state).updates)
    assert "agriculture" not in state["income"] and state["income"]["wages"] == 4500
    assert "income.agriculture" in state["unknown_facts"]


@pytest.mark.parametrize(
    ("text", "income", "expenses"),
    [
        # tens and a pair before the unit: "十二三万" is 125,000
        ("化疗一年多 自己掏的就有十二三万了 报销了一部分", {}, {"medical": 125000}),
        # good times and bad by the week: the middle of the two, every week
        ("一个星期好的时候三四百 差的时候两百多", {"unassigned": 14300}, {}),
        # hers "也差不多", then her figure: the same kind
        ("爷爷养老金一个月210左右，奶奶也差不多，200", {"basic_pension": 4920}, {}),
    ],
)
def test_tens_and_a_pair_and_hers_about_the_same(text, income, expenses):
    if income:
        assert {k: int(v) for k, v in money_text.read_income(text).items()} == income
    if expenses:
        assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


def test_the_old_house_pulled_down_and_the_new_not_given_yet_is_no_house():
    text = "存款没得 车没得 老房子拆了 新房子还没分到 现在没得房子"
    assert assets_text.read_assets(text)["houses"] == 0


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # two figures of one unit, the smaller first: a range
        ("儿子一年给个三百四百的", {"transfers": 350}),
        # money brought at New Year, by kin or "再" after a gift: a gift
        ("我大姐在广东 过年拿三千", {"transfers": 3000}),
        ("我一个月给他们打四百 过年再拿一千", {"transfers": 5800}),
        # the harvest's costs taken off, in pauses or said after the sale
        ("包谷卖了八千 除开种子化肥 请人的钱 剩得到三四千", {"agriculture": 3500}),
        ("魔芋卖了九千多 化肥农药就花了两千", {"agriculture": 7000}),
        # a dead worker's pension paid on to the one left (遗属补助, "遗嘱" a slip)
        ("老伴以前在供销社 我一个月有个遗嘱补助三百多", {"other_pension": 3600}),
        # work in a mine is wages; its compensation is not
        ("老公在山西煤矿 一个月三千五", {"wages": 42000}),
        ("在修车铺帮工 一个月两千", {"wages": 24000}),
    ],
)
def test_ranges_of_one_unit_new_year_s_gifts_net_harvests_and_pensions_left(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        # the parts added up, then the sum said: the sum, once
        ("化疗自己出八百一个月，加上吃药，一个月总共一千二", {"medical": 14400}),
        # (but one cost's own parts summed stands beside another cost)
        ("老汉吃药一个月一百 娃儿学费住宿加起来一学期一千", {"medical": 1200, "education": 2000}),
        # an operation the doctor wants and the household cannot pay for is no cost of the year
        ("降压药一个月八十 腿要开刀 医生说要五千 开不起", {"medical": 960}),
        # last year's bill, then this year's cost: this year's
        ("去年住院花了两万 今年吃药一个月三百左右", {"medical": 3600}),
        # a body part's cost in the costs answer is medical
        ("我的腿一年八百多 娃儿一学期一千", {"medical": 800, "education": 2000}),
    ],
)
def test_costs_summed_not_yet_had_last_year_s_and_a_body_part_s(text, expenses):
    assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        # the one motorbike there is, used for the work
        ("存款没得 就一个摩托车 拉客用的", {"deposits": 0, "vehicles": 1}),
        # (an electric bike, "not a motorbike", is none)
        ("就一个电瓶车 不是摩托", {"vehicles": 0}),
        # a house half fallen still stands
        ("没存款 老家一个房子塌了一半 没车", {"deposits": 0, "vehicles": 0, "houses": 1}),
    ],
)
def test_the_one_motorbike_and_a_house_half_fallen(text, assets):
    got = assets_text.read_assets(text)
    assert {k: got.get(k) for k in assets} == assets


def test_a_day_s_pay_then_a_wife_s_sales_and_a_daughter_s_gift_are_the_speaker_s_wages():
    from actions.reading.topic_means import wage_earners

    money = "一天八十 一个月二十天 做了四个月 老婆卖了点鸡蛋 几百块 儿子有时候给点 一年一千"
    assert wage_earners(money) == ["applicant"]


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # what was paid before, then now, the period said once: now's, by that period
        ("低保没有 养老金涨了 原来一个月一百六 现在一百九了", {"basic_pension": 2280}),
        # a figure not even reached is none; each one's figure with "一个人" after it
        ("往年卖魔芋有三千多 今年两千都没得 卖了一千二", {"agriculture": 1200}),
        ("我们两个人都有养老金 大概一个月一百九十块一个人", {"basic_pension": 4560}),
        # the honey taken (打) and its price a 斤
        ("蜂蜜一年打得到一百来斤 卖三十五一斤", {"agriculture": 3500}),
        # a market day's takings and their days; then another's work, its months, its pay
        (
            "我赶场卖鸡蛋 一场卖三十块 一个月赶六场 他帮人家守仓库 守了四个月 一个月一千",
            {"agriculture": 2160, "wages": 4000},
        ),
        # a wild boar's damage paid is no livestock sold
        ("野猪赔了三百", {"unassigned": 300}),
    ],
)
def test_then_and_now_not_even_each_after_honey_and_another_s_months(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        # a time's cost, then its own share after the reimbursement
        ("透析一次要八百多 报了还要自己出两百 一个星期两次", {"medical": 20800}),
        # a day's cost said every day
        ("药和尿片 一天下来要二十几块 天天都要", {"medical": 7200}),
    ],
)
def test_a_time_s_own_share_and_a_day_s_cost(text, expenses):
    assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


def test_savings_few_then_the_figure():
    assert assets_text.read_assets("存款 没得几个 一两千块 车子没得")["deposits"] == 1500


def test_a_child_s_own_doings_are_no_money_from_children():
    assert money_text.vague_kinds("一个月两千多 有时候娃儿发烧去不了") == []


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # given for a while, no longer: none this year
        ("孩子他爸讲好一个月给四百，给了半年就不给了", {"transfers": 0}),
        ("女儿一年给三千 现在一分钱都没有", {"transfers": 0}),
        # one's own past pay stopped is not the pension told before it
        ("老伴养老金一个月一百五 我以前一天两百 现在一分都没得", {"basic_pension": 1800}),
        # a part, the rest only as "some", then the year's whole
        ("过年给八百 平常给些 一年一千五左右", {"transfers": 1500}),
        # … unless the "some" is another giver's
        ("儿子过年给五百 女儿平常给点 一年一千", {"transfers": 1500}),
    ],
)
def test_money_that_stopped_and_a_year_s_whole_after_some(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # a piece's price is no income
        ("在屋头编草鞋 五毛钱一双", {}),
        # a brother's help is a gift
        ("她舅舅一年帮衬一千多", {"transfers": 1000}),
        # a day's pay said, then said again more closely, with the months worked
        ("一天几十块 大概一天七八十 一个月做得到十五天 今年做了四个月", {"wages": 4500}),
    ],
)
def test_a_piece_s_price_help_from_kin_and_a_day_s_pay_said_again(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_a_spouse_s_pay_sent_home_among_other_money_is_the_household_s_wage():
    from actions.reading import reader

    state = {
        "members": [
            {"relation": "applicant", "label": "我", "age": 33, "able_to_work": True},
            {"relation": "spouse", "label": "男人", "age": 35},
        ]
    }
    got = reader.read("我男人在外头每个月打一千五回来 我姐过年给八百", "income", state)
    assert got.updates["income"] == {"wages": 18000, "transfers": 800}


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # the average days said after the busy and the slack months
        ("一天八十 忙的时候一个月二十几天 闲的时候没得 平均下来一个月十来天", {"wages": 9600}),
        # two pensions "both" the figure
        ("养老金两个人都是一个月两百出头", {"basic_pension": 4800}),
        # what was grown, sold
        ("他屋头种的卖了一千多", {"agriculture": 1000}),
        # an egg's price, then the month's takings
        ("鸭蛋一个卖一块五 一个月卖得到一百多", {"agriculture": 1200}),
    ],
)
def test_average_days_both_pensions_grown_and_sold_and_an_egg_s_price(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # a caller's words heard one by one: a character alone joins its neighbours
        ("还 有 那个 残疾 补贴 一 个 月 八十 别的 没得", "还有那个 残疾 补贴一个月八十 别的 没得"),
        # … but not into a longer word, nor into the next person
        ("王 德 福 三横王 道德的德 福 幸福的福", "王德福 三横王 道德的德 福 幸福的福"),
        ("我 工地 挑 砖 老婆 在家 喂 猪", "我工地挑砖 老婆 在家喂猪"),
    ],
)
def test_a_caller_s_words_heard_one_by_one(text, joined):
    from actions.reading.parsing import unspaced

    assert unspaced(text) == joined


def test_a_caller_s_allowance_heard_word_by_word():
    from actions.reading.parsing import unspaced

    got = money_text.read_income(unspaced("还 有 那个 高龄 补贴 一 个 月 五十 别的 没得"))
    assert got == {"other": Decimal(600)}


@pytest.mark.parametrize(
    ("text", "expenses", "income"),
    [
        # stays in hospital counted ("住两回院"), then the month's medicine
        ("住过两趟院自己出了三千多，平时吃的药一个月五十", {"medical": 3600}, {}),
        # the days of each season added; a count put right
        ("摘花椒一天一百 头一茬做了二十天 二茬做了十来天", {}, {"wages": 3000}),
        ("一天八十 做了二十天 哦不对 做了十天", {}, {"wages": 800}),
        # "we and her daughter, each"
        ("我们和她女儿一个月各给三百", {}, {"transfers": 7200}),
    ],
)
def test_hospital_stays_seasons_days_and_we_and_another_each(text, expenses, income):
    assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # the rent by the mu, the mu, then the year's sum: the sum, once
        ("流转费一亩三百 流转了六亩 一年一千八", {"other": 1800}),
        ("租金一亩五百 四亩", {"other": 2000}),
        # the days said before their month
        ("一天一百二 十五天左右一个月", {"wages": 21600}),
    ],
)
def test_rent_by_the_mu_with_its_sum_and_days_before_their_month(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_jiao_after_yuan_savings_on_a_card_and_gifts_a_few_times_a_year():
    from actions.reading import reader

    state = {"members": [{"relation": "applicant", "label": "我", "age": 80}]}
    got = reader.read("养老金一个月一百九十八块几角", "income", state)
    assert got.updates["income"] == {"basic_pension": 2376}
    assert assets_text.read_assets("存折上还剩一千五 以前攒的 快用完了")["deposits"] == 1500
    assert money_text.read_income("侄儿过节给个一两百 一年给四回") == {"transfers": Decimal(600)}


def test_herding_for_others_is_pay_and_a_village_clerk_applies_as_a_cadre():
    from actions.reading.people.proxy import detect

    assert money_text.read_income("帮别个放牛一年给我两千") == {"wages": Decimal(2000)}
    said = detect("我是吐祥镇石梁村的会计 我们村有个老人 一个人住 我帮他问下低保")
    assert said is not None and said["by"] == "cadre"


def test_a_crop_said_by_its_mu_is_farming():
    text = "种了三亩烟 卖了九千多 除了肥料 剩五千左右"
    assert money_text.read_income(text) == {"agriculture": Decimal(5000)}


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # each one's pension after the word, "他" first
        ("养老金 他一百七 我一百六", {"basic_pension": 3960}),
        # "each" after another source named: that source's, not the pension's
        ("养老金一个月一百八 退耕补助 一个人一年三百", {"basic_pension": 2160, "other": 300}),
        # the sender's own money sent home, after an allowance
        (
            "退耕补助我们两个都有 一个人一年五百 我每个月往家里打一千",
            {"other": 1000, "transfers": 12000},
        ),
        ("女婿每个月打点钱过来 三百", {"transfers": 3600}),
        # clearing the river of rubbish is a job
        ("江上清漂一个月两千 做了三个月", {"wages": 6000}),
        # what is left of a compensation is savings, no year's income
        ("赔偿款还剩两万", {}),
        # the month's days put right, said last
        ("一天一百 一个月做十五天 不对 没得十五天 十天左右", {"wages": 12000}),
        # "一个月的" closes the figures before it, not the gift after it
        (
            "养老金我一百八 老伴一百七 都是一个月的 儿子过年给了两千",
            {"basic_pension": 4200, "transfers": 2000},
        ),
        # the price of one and the year's sum: the sum
        ("猪一年卖四头 一头两千多 一年算下来八千左右", {"agriculture": 8000}),
    ],
)
def test_each_one_s_pension_money_sent_home_and_sums_put_right(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_market_days_are_the_trade_s_and_a_year_not_known_is_unknown():
    text = "一场卖得到五十来块 一个月赶十场 女儿有时候寄点钱回来"
    assert money_text.read_income(text, ["business"]) == {"business": Decimal(6000)}
    said = "侄儿有时候给点 有时候两三百 一年到底多少我也说不清"
    assert money_text.vague_kinds(said) == ["transfers"]
    # "那点钱": the wage told before, pointed back to
    assert money_text.vague_kinds("就是扫地那点钱 其他没得") == []


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        # the part left after the employer paid is a medical cost
        ("厂里出了大头 自己又掏了两千多", {"medical": 2000}),
        # two costs joined by 加
        ("学费三千加生活费两千", {"education": 5000}),
    ],
)
def test_own_share_after_an_employer_paid_and_costs_joined_by_jia(text, expenses):
    assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        ("老屋一处 安置房一套", {"houses": 2}),
        ("没存款 折子里只有两百", {"deposits": 200, "vehicles": 0}),
        ("门面就是自己屋头的", {"commercial_property": False}),
        ("存的有五千", {"deposits": 5000}),
    ],
)
def test_two_houses_a_card_s_few_hundred_and_a_shop_in_the_house(text, assets):
    assert assets_text.read_assets(text) == assets


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # parcel and meal delivery are wages
        ("儿子在县城跑快递 一个月两千五", {"wages": 30000}),
        # the figure before 除开了 is already net; the next person's month is not a net
        (
            "老汉开三轮拉客一个月剩两千 油钱已经除开了 女儿一个月一千二",
            {"business": 24000, "unassigned": 14400},
        ),
        # the month's figure said a second time, closer
        ("养老金一个月一百多 一百一十几", {"basic_pension": 1200}),
        # minding someone's shop is a wage, a shop of one's own a business
        ("我帮别人守门市 一年四千", {"wages": 4000}),
        ("自己开个门市卖烟酒 一年落一万", {"business": 10000}),
        # a father-in-law outside the household gives some
        ("老丈人过年拿点 一年八百", {"transfers": 800}),
        ("老妈每个月拿个一百八的养老金", {"basic_pension": 2160}),
        # a loss is no income
        ("鸡瘟死了一半 亏了五千多", {}),
        ("喂羊卖了九千 亏了一千", {"agriculture": 9000}),
    ],
)
def test_delivery_wages_a_net_already_taken_and_a_month_said_again(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        # a second treatment's own share is added to the first's, not put in its place
        ("开刀报了以后自己掏了两万 放疗做了五次 一次自己出三千", {"medical": 35000}),
        # the part of the body with the own share
        ("老婆腰杆自己出了六千", {"medical": 6000}),
    ],
)
def test_a_second_treatments_own_share_and_a_body_part_paid_for(text, expenses):
    assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        ("1辆摩托 1辆二手小货车", {"vehicles": 2}),
        ("有个摩托车 还有个旧面包车", {"vehicles": 2}),
        ("一辆车 就是那个面包车", {"vehicles": 1}),
        ("就那个送货用的摩托车 没存款", {"vehicles": 1, "deposits": 0}),
        # the house built with a sum is the one they live in
        ("那笔钱修了房子 就住的这个房子", {"houses": 1}),
    ],
)
def test_a_motorbike_and_a_van_and_the_house_built_is_the_one(text, assets):
    assert assets_text.read_assets(text) == assets


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # tea of a season is the farm's
        ("春茶卖了三千 夏茶少 卖了五六百", {"agriculture": 3550}),
        # the month picking one's own tea is not the days of her day rate
        (
            "自己屋头茶叶采了个把月 卖了两千 老婆帮人采茶一天一百 采了十来天",
            {"agriculture": 2000, "wages": 1000},
        ),
        # the months the speaker worked are not the husband's
        (
            "老公打零工一天两百 一个月做十天 我在超市上班 一个月两千 只做了三个月",
            {"wages": 30000},
        ),
        ("工伤老板私了给了五万", {}),  # a settlement: what is left of it is savings
        ("遭了冰雹 保险赔了一千八", {"other": 1800}),
        ("女儿每个月给她打两百块买药", {"transfers": 2400}),  # the gift, not the medicine
        ("在厂里 一个月两千左右 多的时候两千五 少的时候一千五", {"wages": 24000}),
        ("前夫说好一个月给三百 今年只给了五个月", {"transfers": 1500}),
        ("我二叔和我大姑一个人一年给一千", {"transfers": 2000}),
        ("送货一个月三千", {"wages": 36000}),
    ],
)
def test_tea_seasons_a_settlement_a_gift_for_medicine_and_months_paid(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        ("以前有个摩托车，住院卖了", {"vehicles": 0}),
        ("房子两个 老屋还没拆", {"houses": 2}),
        ("房子是土坯房 不到四十个平方", {"houses": 1}),
    ],
)
def test_a_vehicle_sold_for_a_bill_and_two_houses_counted(text, assets):
    assert assets_text.read_assets(text) == assets


def test_no_other_income_after_an_insurance_payout_keeps_it():
    slots = {"income": {"other": 1800}, "members": new_members(("applicant", "我", 50))}
    slots["asks"] = {"income": 1}
    updates = reader.read("没得别的收入", "income", slots).updates
    assert updates.get("income", {}).get("other", 1800) == 1800


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("老板给了一千五就不管了", {"other": 1500}),  # a handout once, after an injury
        ("在工地做事 一个月两千 一年六个月", {"wages": 12000}),
        ("割了八十多斤蜜 五十块一斤 卖了四千左右", {"agriculture": 4000}),  # 斤, not yuan
        ("丈夫在煤矿出事了 抚恤金一个月一千八 是我和娃儿的供养", {"other_pension": 21600}),
        ("他今年打了两个多月零工 挣了五千", {"wages": 5000}),  # 打了 the work, not a gift
        ("养老金两个人一个月都是一百九", {"basic_pension": 4560}),
        ("大女儿在上海 二女儿在深圳 两个加起来一年三千", {"transfers": 3000}),
        ("在附近帮人砌堡坎 一个月两千", {"wages": 24000}),
    ],
)
def test_a_handout_months_of_the_year_honey_a_miners_dependants_and_gifts_together(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


@pytest.mark.parametrize(
    ("text", "expenses"),
    [
        ("读书没得啥子学费 就买点本子", {"education": 0}),
        ("身体没啥子大病", {}),  # an illness said not to be is no cost of 0
        ("每年要住一回院 我在附近帮人做活路 一个月两千", {}),  # the wage, not the hospital's
        ("两个娃儿读书 大女儿在深圳 每个月打三百回来", {}),  # money sent home, no school cost
    ],
)
def test_costs_of_nothing_to_speak_of_and_figures_that_are_no_cost(text, expenses):
    assert {k: int(v) for k, v in money_text.read_expenses(text).items()} == expenses


def test_a_cost_that_goes_on_is_added_to_the_one_told():
    slots = {"expenses": {"medical": 4000}, "members": new_members(("applicant", "我", 45))}
    slots["asks"] = {"expenses": 1}
    updates = reader.read("现在还在贴膏药吃药 一个月两百左右", "expenses", slots).updates
    assert updates["expenses"]["medical"] == 6400


def test_each_childs_gift_said_again_is_not_new_income():
    slots = {"income": {"transfers": 2000}, "members": new_members(("applicant", "我", 80))}
    slots["asks"] = {"income": 1}
    updates = reader.read("钱就是儿子一人一千", "income", slots).updates
    assert updates.get("income", {"transfers": 2000}) == {"transfers": 2000}


def test_a_gift_brought_for_a_bill_is_a_gift_and_a_tricycle_for_goods_a_vehicle():
    income = money_text.read_income("我娘家哥哥拿了三千块钱给我看病")
    assert {k: int(v) for k, v in income.items()} == {"transfers": 3000}
    assert assets_text.read_assets("有个三轮车 拉货的 有油的")["vehicles"] == 1


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # a spread of a month, the midpoint (好的时候 … 差的时候)
        ("送外卖 好的时候一个月五千多 差的时候三千多", {"wages": 48000}),
        ("脆李今年卖了四五千", {"agriculture": 4500}),
        ("面包车一个月除开油钱 落得到两千左右", {"business": 24000}),
        # the month's, then more at New Year, then the year's figure: the year's
        ("我每个月给他们打五百，过年多给点，一年七八千", {"transfers": 7500}),
        ("鱼今年卖了八千多 鱼苗饲料花了六千多 算下来落两千多", {"agriculture": 2000}),
        ("摘棉花一斤八毛 三个月下来除开车费伙食 拿回来一万出头", {"wages": 10000}),
        ("两个人养老金一个月一百八十几 一人一份", {"basic_pension": 4320}),
        ("二女子嫁到云阳去了 过年过节拿点 一年千把块", {"transfers": 1000}),
        ("地都流转给搞柑橘的老板了 一年才八百块", {"other": 800}),
        ("送外卖一单四五块 一天跑二三十单 一个月下来三千五六", {"wages": 42600}),
        ("两个儿子 一个在上海一个在奉节城头 一年一个给三千", {"transfers": 6000}),
        ("她有个儿子在广州 听她说过年打个一两千", {"transfers": 1500}),
        ("我姐以前每个月给她一千 外甥上大学以后降到三百了", {"transfers": 3600}),
        ("鱼塘缺氧 一晚上死了一大半 损失一万多", {}),  # a loss, no income
    ],
)
def test_spreads_a_van_the_years_figure_brought_home_each_ones_share_and_rent(text, income):
    assert {k: int(v) for k, v in money_text.read_income(text).items()} == income


def test_own_share_taken_and_food_for_the_table_is_no_unknown_income():
    expenses = money_text.read_expenses("花了十四五万了 医保报了一部分 我们自己还是拿了五万多")
    assert {k: int(v) for k, v in expenses.items()} == {"medical": 50000}
    assert money_text.vague_kinds("地征了没得收成了 只有点自留地种菜吃") == []
    assert money_text.named_sources("老婆在扶贫车间做手工，计件的") == ["poverty_project_wages"]


def test_a_spread_of_work_named_before_said_not_to_be_countable_is_unknown():
    slots = {"members": new_members(("applicant", "我", 65)), "income_named": ["wages"]}
    slots["asks"] = {"income": 1}
    text = "背背篓的钱说不好 有时候一天百把块 有时候一分都没得 我又不记账 养老金一个月两百一"
    updates = reader.read(text, "income", slots).updates
    assert "income.wages" in updates["unknown_facts"]
    assert not updates["income"].get("wages")


def test_a_motorbike_said_by_what_it_is_for_is_a_vehicle():
    assert assets_text.read_assets("没存款 摩托车是送外卖用的 房子一栋")["vehicles"] == 1
