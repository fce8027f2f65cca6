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
    """`text` in simplified characters (unchanged when it has no Chinese at all)."""
    if not text:
        return ""
    text = _INITIALS.sub("不知道", text)  # "bzd": 不知道 typed by its initials
    if _SIMPLE_ONLY.match(text):
        return text
    # 孃孃 (an aunt, an older woman) is Chongqing's own word, kept; the written 亦/皆
    # ("小女亦不能", "皆非") are read as spoken (也, 都)
    converted = _converter().convert(text.replace("孃", "\ue000")).replace("\ue000", "孃")
    return converted.replace("亦", "也").replace("皆", "都")
