import pytest

from core.townships import find_township, townships

ROOT_DICT = "data/jieba/userdict.txt"


def test_there_are_33_townships():
    assert len(townships()) == 33
    assert len(set(townships())) == 33


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("吐祥", "吐祥镇"),
        ("我住吐祥镇", "吐祥镇"),
        ("奉节县永安街道", "永安街道"),
        ("太和", "太和土家族乡"),
        ("我是云雾乡的", "云雾土家族乡"),
        ("鱼 复", "鱼复街道"),
        ("北京", None),
        ("", None),
    ],
)
def test_find_township(text, name):
    assert find_township(text) == name


def test_every_township_is_in_the_jieba_dictionary():
    from pathlib import Path

    words = {line.split()[0] for line in Path(ROOT_DICT).read_text(encoding="utf-8").splitlines()}
    assert set(townships()) <= words
