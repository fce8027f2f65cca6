from decimal import Decimal

import pytest

from actions.reading.parsing import (
    parse_annual_amount,
    parse_household_size,
    parse_name,
    to_arabic,
)


@pytest.mark.parametrize(
    ("text", "annual"),
    [
        ("一万二", 12000),
        ("两千来块", 2000),
        ("三千五", 3500),
        ("每个月八百", 9600),
        ("一年收入一万二左右", 12000),
        ("1.2万", 12000),
        ("12,000元", 12000),
        ("没得收入", 0),
        ("一个月1000", 12000),
        ("一年12000", 12000),
        ("一万零五百", 10500),
        ("一万到两万", 15000),
        ("一两千", 1500),
        ("四五千", 4500),
        ("一个月两千出头", 24000),
    ],
)
def test_amounts(text, annual):
    assert parse_annual_amount(text).annual == Decimal(annual)


@pytest.mark.parametrize("text", ["一万，两万", "不晓得", "", "好多哦"])
def test_not_a_single_amount(text):
    assert parse_annual_amount(text) is None


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("4口人", 4),
        ("四个人", 4),
        ("就我一个", 1),
        ("两口子", 2),
        ("一家4口", 4),
        ("我屋头四口人", 4),
        ("五口", 5),
        ("0", None),
        ("一百个", None),
        ("不晓得", None),
    ],
)
def test_household_size(text, size):
    assert parse_household_size(text) == size


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我叫张小明", "张小明"),
        ("张小明。", "张小明"),
        ("我是王芳", "王芳"),
        ("阿依·古丽", "阿依·古丽"),
        ("不晓得", None),
        ("123", None),
        ("申请低保", None),
        ("张", None),
    ],
)
def test_names(text, name):
    assert parse_name(text) == name


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (
            "养 老 金 一 个 人 一 个 月 一 百 二 娃 儿 们 过 年 给 点",
            "养老金一个人一个月一百二，娃儿们过年给点",
        ),
        ("两 个 我 和 老 伴，我 72 老 伴 71", "两个我和老伴，我72老伴71"),
        ("老汉儿脑梗 半边瘫了 儿子腿断了", "老汉儿脑梗 半边瘫了 儿子腿断了"),  # pauses kept
        ("打 错 了 500236 19540703 1131", "打 错 了 500236 19540703 1131"),
    ],
)
def test_a_message_typed_one_character_at_a_time_is_joined(text, joined):
    from actions.reading.parsing import unspaced

    assert unspaced(text) == joined


@pytest.mark.parametrize("text", ["真说不清楚 七零八碎的", "七七八八加起来", "三三两两卖点"])
def test_idioms_of_numerals_are_no_figure(text):
    from actions.reading.parsing import numbers

    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a transcript mixing digits and words, and a pause inside one figure
        ("一个月打5百回来", [Decimal(500)]),
        ("柑子今年卖了1千2百多", [Decimal(1200)]),
        ("自己出了一万 两千", [Decimal(12000)]),
        ("三百 四百", [Decimal(300), Decimal(400)]),  # two figures
        ("1.5万", [Decimal(15000)]),
    ],
)
def test_figures_as_a_caller_s_transcript_gives_them(text, figures):
    from actions.reading.parsing import numbers, pauses_as_commas

    assert numbers(pauses_as_commas(text)) == figures


@pytest.mark.parametrize(
    ("said", "figure"),
    [("一年做得到一百七八十天", "1年做得到175天"), ("一千七八百块", "1750块"), ("一百七八", "175")],
)
def test_a_range_in_the_tail_with_its_unit_said(said, figure):
    assert to_arabic(said) == figure
