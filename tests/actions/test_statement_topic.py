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
