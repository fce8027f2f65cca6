"""Traditional characters read as simplified ("老朽年八十有八，與小女相依度日"): some residents,
older ones and those who learnt to type on Hong Kong or Taiwan phones, write them. The readers'
words are simplified, so each message is converted before it is read (the message kept for
staff stays as written). OpenCC's character and phrase tables (t2s) do the conversion: a
hand-kept table would miss most of the 2,500 characters that differ."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

_INITIALS = re.compile(r"(?<![a-zA-Z])(?:bzd|BZD|Bzd)(?![a-zA-Z])")
# Text without Chinese characters needs no conversion (a quick test before converting).
_SIMPLE_ONLY = re.compile(r"^[\x00-\u2fff\u3000-\u303f\uff00-\uffef]*$")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """`text` in simplified characters (unchanged when it has no Chinese at all), common
    words typed with the wrong characters put right (`SOUND_ALIKE`)."""
    if not text:
        return ""
    text = _INITIALS.sub("不知道", text)  # "bzd": 不知道 typed by its initials
    if _SIMPLE_ONLY.match(text):
        return text
    # 孃孃 (an aunt, an older woman) is Chongqing's own word, kept; the written 亦/皆
    # ("小女亦不能", "皆非") are read as spoken (也, 都)
    converted = _converter().convert(text.replace("孃", "\ue000")).replace("\ue000", "孃")
    converted = converted.replace("亦", "也").replace("皆", "都")
    return _SOUND_ALIKE.sub(lambda m: SOUND_ALIKE[m.group(0)], converted)


# Words typed by their sound with the wrong characters, as pinyin keyboards offer them and
# residents leave them ("养老经", "高血丫", "鸡旦"): read as meant. Only words whose misspelling
# means nothing else.
SOUND_ALIKE = {
    "养老经": "养老金",
    "养老今": "养老金",
    "养老斤": "养老金",
    "高血丫": "高血压",
    "高血鸭": "高血压",
    "鸡旦": "鸡蛋",
    "身分证": "身份证",
    "建挡立卡": "建档立卡",
    "建档力卡": "建档立卡",
    "贫因户": "贫困户",
    "残急": "残疾",
    "残即": "残疾",
    "尿毒证": "尿毒症",
    "住阮": "住院",
    "透洗": "透析",
    "做生义": "做生意",
    "摄象头": "摄像头",
    # 可以 as 云阳 and 万州 speech says it and texts it
    "阔以": "可以",
    # word order of the spoken form
    "两老口": "老两口",
    "俩老口": "老两口",
}
_SOUND_ALIKE = re.compile("|".join(SOUND_ALIKE))
