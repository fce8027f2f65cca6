"""Names and places stated in a message: "我叫…", the township (乡镇) and the village (村).
Pure, no I/O."""

from __future__ import annotations

import re

from core.townships import find_township

# "材料由村里协助", "今年四月份村上": the village's people or office, not a name.
_VILLAGE = re.compile(r"([\u4e00-\u9fff]{2,4}?村)(?![里上委民干头子长部小级集支会组织医口])")
_NOT_VILLAGE = ("农村", "乡村", "村里", "村委", "村上")


# "申请人是我父亲：刘德兵": who the applicant is to the sender, then the name.
_KIN_BEFORE_NAME = re.compile(
    r"(?:我的?|他的?|她的?)?(?:父亲|母亲|爸爸|妈妈|老汉儿?|老妈|爷爷|奶奶|婆婆|公公|叔叔?|舅舅?|姑姑?|"
    r"伯伯?|姨妈?|哥哥?|姐姐?|弟弟?|妹妹?)\s*[:：，,]\s*"
    # "我儿子 蒲小军", "我妈 陈德秀": who, then the name, with a pause
    r"|^\s*(?:我的?|他的?|她的?)(?:儿子|女儿|儿媳妇|媳妇|老公|老婆|孙子|孙女|父亲|母亲|爸爸?|妈妈?|老汉儿?|"
    r"老妈|爷爷|奶奶|婆婆|公公|哥哥?|姐姐?|弟弟?|妹妹?|叔叔?|舅舅?|姑姑?|伯伯?|侄儿子?|侄女)"
    r"(?:叫|是|的名字是?|名字叫)?\s+"
)


def without_kin(text: str) -> str:
    """ "我儿子 蒲小军" → "蒲小军": the name without who the person is to the sender."""
    return _KIN_BEFORE_NAME.sub("", text or "")


def stated_name(text: str) -> str | None:
    text = _KIN_BEFORE_NAME.sub("", text)
    match = re.search(
        r"(我叫|我的名字叫|名字叫|名字是|申请人是|申请人叫|姓名)\s*[:：]?\s*([\u4e00-\u9fff·]{2,6})",
        text,
    )
    if not match:
        return None
    return re.split(r"(身份证|电话|手机|今年|住|是)", match.group(2))[0]


def stated_township(text: str) -> str | None:
    """Only a full name (吐祥镇) or a short one marked as a place (住吐祥, 吐祥的) counts
    outside the township question: "平安" or "公平" are ordinary words too."""
    township = find_township(text)
    if township is None:
        return None
    if township in text or re.search(r"(住|在|是)[\u4e00-\u9fff]{2,3}(的|村)", text):
        return township
    return None


_NOT_A_PLACE = re.compile(r"[我你他她们在帮给个这那哪爸妈到去是药]")  # (回龙村 is a village)
_BEFORE_VILLAGE = "我住在是的镇乡街道家了完做来闲农里头户口从"


def village_named(text: str) -> str | None:
    cleaned = text
    township = find_township(text)
    if township:
        cleaned = cleaned.replace(township, " ")
    for match in _VILLAGE.finditer(cleaned):
        village = re.split(r"(?:乡|镇|街道|县)", match.group(1))[-1]  # "长安乡枣阳村"
        village = re.split(r"(?:叫|喊|称|的)", village)[-1]  # "喊的桂湾村"
        while village and village[0] in _BEFORE_VILLAGE:
            village = village[1:]
        if (
            len(village) >= 3
            and village not in _NOT_VILLAGE
            and not village.endswith(_NOT_VILLAGE)
            and not _NOT_A_PLACE.search(village)  # "帮我们村", "我爸在村"
        ):
            return village
    return None
