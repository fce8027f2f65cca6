"""Traditional characters are read as simplified (actions/reading/script.py).
Phrasings written for these tests."""

from __future__ import annotations

from actions.reading import reader
from actions.reading.script import simplified


def test_traditional_characters_are_read_as_simplified():
    assert simplified("我與老伴兩個人，住在鄉下") == "我与老伴两个人，住在乡下"
    assert simplified("我们屋头 12 ok") == "我们屋头 12 ok"
    assert simplified("帮罗孃孃问一下") == "帮罗孃孃问一下"  # Chongqing's own word, kept


def test_consent_and_a_household_written_in_traditional_characters():
    assert reader.read("可。照辦就是", "consent", {}).updates["consent"] is True
    updates = reader.read("兩人：老朽與小女，老朽八十歲，小女五十歲", "household_size", {}).updates
    assert updates["household_size"] == 2
    assert sorted((m["relation"], m["age"]) for m in updates["members"]) == [
        ("applicant", 80),
        ("child", 50),
    ]


def test_a_pension_written_in_traditional_characters():
    updates = reader.read("每月領養老金一百五十元", "income", {}).updates
    assert updates["income"] == {"basic_pension": 1800}


def test_sound_alike_typos_and_dialect_spellings_are_read_as_meant():
    from actions.reading.script import simplified

    assert simplified("养老经一个月两百左右 高血丫 鸡旦") == "养老金一个月两百左右 高血压 鸡蛋"
    assert simplified("阔以阔以") == "可以可以"
    assert simplified("两老口在屋里") == "老两口在屋里"
