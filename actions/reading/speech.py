"""How a resident's message is put: a question or a statement, yes or no, "不晓得", a
greeting only. Pure, no I/O; measured on the helpline's phrasings in docs/helpline.md."""

from __future__ import annotations

import re

from actions.reading.parsing import pauses_as_commas
from actions.reading.script import simplified

# Not knowing or not remembering, as residents say it; the one list the readers share.
DONT_KNOW_WORDS = (
    "不晓得|不知道|不清楚|不太清楚|晓不得|不记得|记不得|记不清|记不到|说不准|说不清|搞不清|拿不准"
)
DONT_KNOW = re.compile(f"({DONT_KNOW_WORDS})")
AFFIRM = re.compile(
    r"^(是|是的|对|对的|同意|可以|可(?!是|能|怜|惜|不)|好|好的|要得|要的(?=\W|$)|行|嗯|嗯嗯|没问题|对头|确认|没错|正确|ok|OK|"
    r"核对无误|无误|谨遵|照办|"
    r"都对|全对|没得错|没有错|没错误|信息无误)"
)
DENY = re.compile(r"^(不|不是|不对|不同意|不要|错了|没有|莫得|不行|算了)")

# Questions as residents put them, Chongqing forms included (…不, 算不算, 好多, 多久, 谁):
# measured on the helpline's phrasings in docs/helpline.md.
QUESTION = re.compile(
    r"[吗么嘛呢？?]\s*[哦哈喃]?\s*$|不\s*[哦嘛]?\s*$|(?<!没得)(?<!没有)(?<!莫得)(?<!没)(?:什么|啥)"
    r"|怎么|(?<!没)咋|多少|好多\s*钱?\s*[哦嘛喃]?\s*$"
    r"|好多钱|哪[个些里样种儿]|(?P<v>\S)[不没](?P=v)|可不可以|能否|可否|几倍|为什么|为啥|是否|几[个百]\S{0,2}$"
    r"|\d{4}\s*年|多久|多长|谁|(?<![做干打有去了十候就这那前过每好])几[次口类个天]|(?<!自己)(?<!我们)(?<!我)还是(?!差|不|没|要|可以|好|在|得|有|会|那样|一样|老样子|靠|出|花|用|欠|借|去|做|种|打|在|靠|只)|怎样|如何|的条件$|的标准$|的办法$"
)


SOCIAL_ONLY = re.compile(
    r"^\W*(你好|您好|喂|谢谢|多谢|感谢|再见|拜拜|好的谢谢|谢谢你|辛苦了|先忙了|我先忙|晚点再说|明天再说|"
    r"等一下|等会儿|有事|回头说)+\W*$"
)


# "没得好多" (not much), "没得别的啥子事" (nothing else): negated, not asked.
_NEGATED_QUESTION_WORD = re.compile(
    r"(没得|没有|莫得|没|不得|不了|不到|不成|不动)[^，。,.]{0,3}(好多|啥子?|什么|咋个?)"
    r"|(啥子?|什么)(都|也)[^，。？?]{0,3}?(没得|没有|莫得|没|不)"  # "啥子都没得了", "啥子都做不了"
)


# "要得嘛", "可以嘛", "好嘛": a yes, whatever 嘛 says elsewhere.
_ASSENT = re.compile(r"(?:要得|可以|好|行|是|对|同意|中)\s*嘛\s*[哦哈]?\s*$")


def looks_like_question(text: str) -> bool:
    """ "建档立卡户能吃低保吗？" is a question; "是建档立卡户，没吃低保" is an answer."""
    said = _NEGATED_QUESTION_WORD.sub("", simplified(text or ""))
    return bool(QUESTION.search(_ASSENT.sub("", said)))


def statements(text: str) -> str:
    """The message without its questions: "我们这边滑坡了 房子垮了 … 可以申请低保不" tells
    of the landslide, and asks nothing of the family's standing."""
    spaced = pauses_as_commas(simplified(text or ""))
    clauses = re.split(r"(?<=[，,。！!？?；;])", spaced)
    return "".join(
        c
        for c in clauses
        if not looks_like_question(c.rstrip("，,。！!；;")) and not _HEARSAY.search(c)
    )


_HEARSAY = re.compile(r"(听说|听别个说|听别人说|听人说|别个说|别人说|据说|听讲)")
