"""Table tests of actions/statement_topic.py: the help a statement points to when it asks
nothing. Phrasings written for these tests (the real-question sets are test material only)."""

from __future__ import annotations

import pytest

from actions.statement_topic import statement_topic


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("昨晚上下大雨，屋后头山垮了把房子压了一半", "temporary_assistance"),
        ("屋头遭火烧了，啥子都没得了", "temporary_assistance"),
        ("男人上个月出了车祸，现在还在医院", "temporary_assistance"),
        ("老汉儿肺癌晚期，一个月药钱就要七八千，屋头实在拿不出来了", "major_disease"),
        ("女儿得了白血病，化疗把家底都花光了", "major_disease"),
        ("儿子一级残疾瘫在床上二十年了，我也七十了，管不动了", "disability_care_subsidy"),
        ("娃儿考起大学了，学费还差一万多，愁得睡不着", "supplement_student"),
        ("申请了三次都没评上，村干部说名额满了", "objection"),
        ("我的低保莫名其妙就被取消了，也没人通知一声", "objection"),
        # nothing to point to: left to the other readers
        ("今天天气好得很", None),
        ("谢谢你们", None),
        ("我家有五口人", None),
    ],
)
def test_the_help_a_statement_points_to(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("我女儿脑瘫，十几岁了还不会走路，吃喝拉撒都要人管", "disability_care_subsidy"),
        ("我是个孤老头子，无儿无女，快八十了，一个人住在山上", "tekun"),
        ("两个娃儿读书一年要花一万多，我一个人挣不够", "supplement_student"),
        ("评议的时候没有通知我去，就把我刷下来了", "objection"),
    ],
)
def test_care_no_one_to_support_school_costs_and_being_struck_off(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("她那次开刀就花了十几万，自费也有五六万", "major_disease"),
        ("娃儿每个月都要输一回血，一回一千多", "major_disease"),
        ("老婆病了做不得活路，屋头全靠我，我又走不开出去打工", "who_qualifies"),
        ("村主任说我还做得动，不能吃低保，再去问理都不理", "objection"),
    ],
)
def test_the_eighteenth_round_statements(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("这几年给娃儿做康复前前后后花了二十多万", "major_disease"),
        ("现在一个月两万的治疗费，实在扛不住了", "major_disease"),
        ("我死了，她也就活不成了", "tekun"),
    ],
)
def test_the_nineteenth_round_statements(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("老汉儿现在饭都煮不了了，请了个人来帮忙", "who_qualifies"),
        ("只想给她找个落脚的地方，我们走了也放心", "tekun"),
    ],
)
def test_the_twentieth_round_statements(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    "text, key",
    [
        ("我真的想放弃治疗了,可我还不到30岁", "major_disease"),
        ("医生说没有治愈希望,让出院,但我不能眼睁睁看着儿子走。", "major_disease"),
        ("那些甜瓜挺贵的,想着等卖完了挣些钱再检查。", "major_disease"),
        ("法院判他们赔近万,但我却没有钱救我老公,还欠了70万!", "major_disease"),
        ("没办法,我不管他,他可怎么活啊。", "who_qualifies"),
        ("真正贫困的得不到补助,弄虚作假的却开着小汽车,什么世道啊!", "objection"),
        ("现一人独居,无任何经济来源。", "tekun"),
        ("要不是政府和邻居帮助,我和孙子都不知道如何过日子。", "temporary_assistance"),
        ("希望村里能腾出一间房子来让我们暂时住一段时间", "temporary_assistance"),
        ("这些天多亏大伙帮忙。不然,这个年不知道怎么过了。", "temporary_assistance"),
        # other offices' matters
        ("步行街建设选材不科学,路面光滑,导致多人摔伤", None),
        ("大多时候停水不会提前通知,常常突然袭击", None),
        ("村民的流转资金没有到位,部分村民生活困难", None),
        ("村里的学校没有了四年,撤学校时说的好好安排校车", None),
    ],
)
def test_the_twenty_first_to_twenty_third_round_statements(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # written after the twenty-fourth real set was read, in our own words
        ("屋头欠的债这辈子都还不清了", "expenditure_poverty"),
        ("亲戚朋友都借遍了 再也借不到钱了", "expenditure_poverty"),
    ],
)
def test_the_twenty_fourth_round_statements(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # written after the twenty-fifth real set was read, in our own words
        ("我腰杆坏了不能劳动 屋头全靠老婆一个人照顾", "who_qualifies"),
        ("屋头的担子都压在我一个人肩上", "who_qualifies"),
        ("娃儿没人养 想送到福利院去 孤儿院收不收", "tekun"),
    ],
)
def test_the_twenty_fifth_round_statements(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    ("text", "key", "strong"),
    [
        # written after the twenty-sixth real set was read, in our own words
        ("屋头实在太困难了 不想求人的", "who_qualifies", "who_qualifies"),
        ("我们老两口真的过不下去了", "who_qualifies", None),
        ("钱借完了 老汉的药下个月就要断了", "major_disease", "major_disease"),
        ("为了给他看这个病 屋头啥子都没得了", "major_disease", "major_disease"),
    ],
)
def test_the_twenty_sixth_round_statements(text, key, strong):
    assert statement_topic(text) == key
    assert statement_topic(text, soft=False) == strong


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # written after the twenty-seventh real set was read, in our own words
        ("组长的老婆身体好好的 屋头有车 也在吃低保", "objection"),
        ("村上评低保暗箱操作 还有人冒领", "objection"),
        ("屋头能卖的都卖了 没得啥子值钱的了", "who_qualifies"),
        ("这个月米都买不起了 饭也吃不上", "temporary_assistance"),
    ],
)
def test_the_twenty_seventh_round_statements(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # written after the twenty-eighth real set was read, in our own words
        ("过年的慰问金遭村干部私吞了 低保也是他代领的", "objection"),
        ("书记屋头的亲戚 一家人都在吃低保", "objection"),
        ("住的牛棚 冬天咋个过哦", "temporary_assistance"),
    ],
)
def test_the_twenty_eighth_round_statements(text, key):
    assert statement_topic(text) == key


@pytest.mark.parametrize(
    "text",
    [
        # a decision asked to be looked at again, whatever illness the story tells
        "我老汉儿癌症好几年了 那几个月说我们不符合 我们要求重新核定 把低保金补发给我们",
        "镇上扣发了我妈半年的低保金",
    ],
)
def test_a_decision_asked_to_be_looked_at_again_is_an_objection(text):
    assert statement_topic(text) == "objection"


def test_whether_dibao_is_checked_again_each_year_is_no_objection():
    assert statement_topic("低保是不是每年都要重新审核一次") != "objection"


def test_a_stop_to_be_undone_is_an_objection():
    text = "我攒的那点钱是打零工攒的 要求撤销停发低保的通知 恢复我的低保"
    assert statement_topic(text) == "objection"
