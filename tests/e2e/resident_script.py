"""A simulated resident applying for 低保: answers whatever the assistant asks, by keywords in
its question, so that it keeps working while the application form grows. Used by the
channel end-to-end tests and bench/sms_load.py."""

from __future__ import annotations

# (keywords, any of which in the question, → the answer); the first match wins.
SCRIPT: list[tuple[tuple[str, ...], str]] = [
    (("编号FJ",), ""),  # filed: done
    (("回“对”", "请核对"), "对"),
    (("同意请回", "不同意"), "同意"),
    (("住房安全", "最后："), "都没有"),
    (("突发困难",), "没有"),
    (("建档立卡",), "都不是"),
    (("存款",), "没有存款，没车，一处房"),
    (("开支", "看病、护理"), "没有"),
    (("收入", "一年的钱"), "种地五千，打工八千"),
    (("上学", "幼儿园"), "没有"),
    (("干活",), "我和老婆能干活"),
    (("残疾", "卧床"), "没有"),
    (("几口人", "谁+几岁", "几岁", "人数"), "3口人，我50岁，老婆48岁，女儿20岁"),
    (("乡镇",), "吐祥镇石梁村"),
    (("哪个村", "社区"), "石梁村"),
    (("电话",), "13812345678"),
    (("身份证号", "姓名"), "周大海 500236199001011235"),
    (("名字",), "周大海"),
    (("要申请低保，请回", "没听懂"), "申请"),
]


def answer_for(replies: list[str]) -> str | None:
    """What to say next to the assistant's last replies: "" when the case is filed, None
    when no keyword matches (the caller decides)."""
    question = "".join(replies)
    for keywords, answer in SCRIPT:
        if any(keyword in question for keyword in keywords):
            return answer
    return None
