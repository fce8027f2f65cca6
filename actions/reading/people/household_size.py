"""How many live and eat together (共同生活的家庭成员), when a message says it: "5口人",
"一家四口", "一个人住", "爷儿两个"; in answer to the question also "就我一个", "4个". Pure."""

from __future__ import annotations

import re

from actions.reading.parsing import parse_household_size, to_arabic

_ALONE = re.compile(
    # "中过风，一个人住不得" says he cannot live alone
    r"(一个人住(?!不)|一个人过(?!不)|独居|孤身一人|孤寡|就剩我一个|就剩他一个|就剩她一个|他一个人住|她一个人住|"
    r"屋头就他一个|现在就他一个)"
)
# Two (or three) who live together, said as a pair: "爷儿两个", "娘儿俩", "和儿子两个住".
_PAIR = re.compile(
    r"(?:爷儿|爷子|娘儿|娘母|父子|母子|母女|父女|婆孙|爷孙|祖孙|两娘母|两爷子)\s*(?:(\d)\s*个|俩)"
    r"|(?:和|跟)[\u4e00-\u9fff]{1,4}?\s*(\d)\s*个人?(?:住|过|生活|在一起)"  # in answer only
    # "我和我婆娘两个 儿子在外头读大学": the count of the pair that opens the answer
    r"|^\W*(?:就|只有)?[我他她](?:和|跟)[\u4e00-\u9fff]{1,4}?\s*(\d)\s*个人?(?=\W|$)"
)
_ALONE_ANSWER = re.compile(
    r"^\W*(就|只有|只)?(我|他|她)(一个|自己|1个)"
    # "家里现在就我妈妈一个人": the one person applied for, alone
    r"|^\W*(?:家里|屋头|屋里)?(?:现在)?(?:就|只有|只)[\u4e00-\u9fff]{1,5}?(?:一个人|1个人)(?![做干])"
)


# A correction of the count: "说错了 是五个", "不对 是5个人 前头说成四个了".
_CORRECTING = re.compile(r"(说错|不对|错了|漏了|说成|说少了|说多了|忘了说)")
_CORRECTED = re.compile(r"(?:是|有|一共|总共)\s*(\d{1,2})\s*个人?")


_SIGH = re.compile(r"^\s*(?:(?:唉|哎|哎呀|唉呀|嗯|哦|噢|呃|啊)[\s，,。!！]*)+")


def stated_size(text: str, requested: str | None) -> int | None:
    """How many live together, when the message says it: "5口人", "一家四口", "一个人住";
    in answer to the question also "就我一个", "4个", "两个，我跟我爸"."""
    # "唉 四个人 哦不对 三个": a sigh before the count
    text = _SIGH.sub("", text or "")
    converted = to_arabic(text)
    # "老两口" is the couple, not the household.
    # "一口一口省下来的", "一口饭", "有我们一口饭吃就有他一口": a mouthful, not a household
    # (one person is "一个人", never a bare "一口").
    size = (
        re.search(
            r"(?<![\d.老上吃喝咬叹])(\d+)\s*口人"
            r"|(?<![\d.老上吃喝咬叹他她我你])([2-9]|1\d)\s*口(?=\W|$|之家|人家|都|在|住|的|哦|嘛|啊|了)",
            converted,
        )
        or re.search(
            r"(?:家里|屋头|一共|总共|全家|我们家|我家|一家)(?:有|是)?\s*(\d+)\s*个?人", converted
        )
        or re.search(
            # "…所以屋头就是我 婆婆 三个孙娃儿 5个人吃饭": those who eat together, counted
            r"(?<![\d.])(\d{1,2})\s*个人\s*(?:吃饭|一起吃|一起住|住在?一起|过日子|生活)",
            converted,
        )
    )
    if size and 1 <= int(count := size.group(1) or size.group(2)) <= 20:
        return int(count)
    # "五个娃儿 加我们两个大人七个": the sum said after the parts
    if summed := re.search(
        r"(?:加|加上|连|算上)[^，,。\d]{0,6}\d\s*个[^，,。\d]{0,4}?(\d{1,2})\s*个", converted
    ):
        if 1 <= int(summed.group(1)) <= 20:
            return int(summed.group(1))
    # "五个 哦 四个", "六个 哦不对 五个": the count said last, corrected in the same breath
    if fixed := re.match(
        r"\s*(\d{1,2})\s*个人?\W*(?:哦|噢|喔|呃)?\s*(?:不对|不是|说错了|错了)?\W*(\d{1,2})\s*个",
        converted,
    ):
        if fixed.group(1) != fixed.group(2) and 1 <= int(fixed.group(2)) <= 20:
            return int(fixed.group(2))
    if _CORRECTING.search(text) and (said := _CORRECTED.search(converted)):
        return int(said.group(1)) if 1 <= int(said.group(1)) <= 20 else None
    if (pair := _PAIR.search(converted)) and (pair.group(1) or requested == "household_size"):
        return int(pair.group(1) or pair.group(2) or pair.group(3) or 2)
    if _ALONE.search(text):
        return 1
    if requested == "household_size":
        if _ALONE_ANSWER.search(converted):
            return 1
        # "3，我50 老婆49 儿13": a bare count, then the list
        if (bare := re.match(r"\s*(\d{1,2})\s*[，,。、;；\s]+(?=[^\d岁])", converted)) and (
            1 <= int(bare.group(1)) <= 12
        ):
            return int(bare.group(1))
        return leading_count(text) or parse_household_size(text)
    return None


def leading_count(text: str) -> int | None:
    """ "4个", "就3口", "算上我老公6个": the count that opens the answer."""
    match = re.match(
        r"\s*(?:就|只有|一共|总共|家里|屋头|(?:算上|加上|连上?|包括)[^\d，,]{0,5})?\s*(\d{1,2})\s*(?:个|口|人)",
        to_arabic(text),
    )
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 20 else None
