from decimal import Decimal

import pytest

from actions.reading.parsing import parse_annual_amount, parse_household_size, parse_name


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
