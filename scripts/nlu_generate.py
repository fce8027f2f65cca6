"""Regenerate the two generated NLU inputs from their sources:

- data/jieba/userdict.txt: domain and Chongqing words, the townships of
  core/data/townships.yaml, relation words, Chinese numerals as words (so that 七十六岁 is
  read 七十六|岁) and force splits (frequency 0) of the compounds that jieba's own dictionary
  or its HMM would glue to a number, a relation or a surname (五千块, 四十三岁, 妈得, 叫何);
- data/nlu/lookups.yml: the township lookup (official names and short forms), the relation
  lookup and the regexes the RegexFeaturizer uses.

    python3 scripts/nlu_generate.py      (needs PyYAML; either virtualenv has it)

Then check annotations against the new tokenization:
    .venv-rasa/bin/python scripts/nlu_align.py data/nlu tests/nlu/held_out.yml
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
USERDICT = ROOT / "data" / "jieba" / "userdict.txt"
LOOKUPS = ROOT / "data" / "nlu" / "lookups.yml"

DOMAIN = """低保 农村低保 最低生活保障 低保户 低保金 建档立卡 建档立卡户 贫困户 脱贫户 监测户 返贫 脱贫
特困 特困户 特困供养 五保户 五保 临时救助 医疗救助 救急难 残疾证 残疾人证 残疾人 基础养老金 养老金 退休金
公益岗 公益性岗位 护林员 保洁员 护路员 生态护林员 扶贫 公示 身份证 身份证号 身份证号码 手机号 手机号码 电话号码
三保障 危房 土坯房 土墙房 砖房 参保 医保 新农合 医疗保险 养老保险 存款 摩托车 三轮车 面包车 小车
务工 打工 打零工 零工 种地 喂猪 养猪 脐橙 洋芋 苞谷 做生意 小生意 跑运输 开摩的 退耕还林
残疾 重病 大病 慢性病 卧床 瘫痪 瘫在床上 偏瘫 中风 脑梗 脑瘫 癌症 肺癌 胃癌 肝癌 白血病 尿毒症 透析 化疗
高血压 糖尿病 精神病 精神残疾 智力残疾 肢体残疾 视力残疾 听力残疾 言语残疾 多重残疾 老年痴呆 自闭症 羊癫疯
长期照顾 照顾 护理费 医药费 住院 学费 生活费 辍学 读书 读小学 读初中 读高中 读大学 住校 干活 做活路 轻活路 重活
车祸 火灾 失火 泥石流 滑坡 冰雹 猪瘟 遭灾
申请人 户主 联系电话 联系人 编号 申请编号 进度 查进度 转人工 人工服务 重新开始 从头来 重来"""
CHONGQING = """屋头 家头 好多钱 好多 啥子 做啥子 干啥子 为啥子 咋个 咋个样 哪个 晓得 不晓得 晓不得 记不得 记不到
搞不清楚 搞不醒豁 搞不来 弄不来 要得 莫得 没得 一哈 等哈 恼火 造孽 遭了 脑壳 腰杆 腿杆 离不得 干不动 口人 口子
过不下去 过不走 两娘母 几爷子 老辈子"""
RELATIONS = """老汉儿 老汉 老爹 爸爸 父亲 老娘 老妈儿 老妈 妈妈 母亲 老婆 婆娘 媳妇儿 媳妇 老公 男人 老伴儿 老伴
儿子 女儿 娃儿 大娃儿 二娃儿 小娃儿 幺儿 女娃儿 男娃儿 孙子 孙女 孙娃儿 爷爷 奶奶 婆婆 公公 外公 外婆 嘎公 嘎婆
儿媳妇 儿媳 女婿 哥哥 弟弟 姐姐 妹妹 兄弟 幺妹 侄儿 侄女 岳父 岳母 老丈人 丈母娘 本人"""
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤冉牟柴鲜甘庞谷颜殷易申常文傅"
)
DIGITS = "一二三四五六七八九"
REGEXES = {
    "id_number": r"(?<!\d)\d{17}[\dXx](?![\dXx])",
    "phone": r"(?<!\d)1[3-9]\d{9}(?!\d)",
    "reference": r"(?<![A-Za-z0-9])[Ff][Jj][2-9A-HJ-NP-Za-hj-np-z]{6}(?![A-Za-z0-9])",
    "disability_grade": r"[一二三四1-4壹贰叁肆]级",
    "number": r"[0-9零〇一二两三四五六七八九十百千万][0-9.零〇一二两三四五六七八九十百千万几多]*",
}


def townships() -> list[dict]:
    return yaml.safe_load((ROOT / "core" / "data" / "townships.yaml").read_text("utf-8"))


def chinese_number(n: int) -> str:
    """1..119 in Chinese numerals: 七, 十二, 七十六, 一百零三, 一百一十五."""
    if n < 10:
        return DIGITS[n - 1]
    if n < 20:
        return "十" + ("" if n == 10 else DIGITS[n - 11])
    if n < 100:
        return DIGITS[n // 10 - 1] + "十" + ("" if n % 10 == 0 else DIGITS[n % 10 - 1])
    if n == 100:
        return "一百"
    return "一百零" + DIGITS[n - 101] if n < 110 else "一百" + chinese_number(n - 100)


def ages() -> list[str]:
    tens = ["十", "二十", "三十", "四十", "五十", "六十", "七十", "八十", "九十"]
    return (
        [chinese_number(n) for n in range(1, 111)]
        + ["两"]
        + [t + "几" for t in tens]
        + [t + "多" for t in [*tens, "一百"]]
    )


def amounts() -> list[str]:
    """一百 … 九万九, 两千多, 几千, 三四千, 十几万 …"""
    words = []
    for unit in "百千万":
        for head in [*DIGITS, "两", "几", "十"]:
            words += [head + unit, head + unit + "多"]
            if head not in "几十":
                words += [head + unit + tail for tail in DIGITS]
        words += [a + b + unit for a, b in zip("一两三四五六七八", "两三四五六七八九", strict=True)]
    return words + ["十几万", "十多万", "几十万", "几十", "几十块", "一万", "十万"]


def userdict() -> list[str]:
    lines: dict[str, str] = {}

    def add(word: str, freq: int | None = None, tag: str | None = None) -> None:
        if word not in lines:
            lines[word] = " ".join(str(x) for x in (word, freq, tag) if x is not None)

    for word in DOMAIN.split():
        add(word, 3000, "n")
    for word in CHONGQING.split():
        add(word, 3000)
    for township in townships():
        add(township["name"], 300000, "ns")
        for short in township.get("short", []):
            add(short, 200000, "ns")
    add("奉节", 20000, "ns")
    for word in RELATIONS.split():
        add(word, 20000, "n")
    # Single-character relations: keep the HMM from gluing them to a neighbour (妈得, 我带).
    for rel in "妈爸我":
        for x in "我的得了是有在和跟也都就还说去要今才已病身叫住给帮查带喊看出打着过这那他她们个一两三四五六七八九十岁年":
            if rel + x not in ("我们", "我的"):
                add(rel + x, 0)
            if x + rel != "他们":
                add(x + rel, 0)
    age_words, amount_words = ages(), amounts()
    for word in age_words:
        if len(word) > 1:
            add(word, 3000, "m")
    for word in amount_words:
        add(word, 3000, "m")
    for word in ["千块", "万块", "百块", "千元", "万元", "百元", "千左右", "万左右"]:
        add(word, 0)
    for word in age_words:
        for unit in ["岁", "岁多", "岁了"]:
            add(word + unit, 0)
    for word in [*age_words[:20], "两"]:
        if word != "一":
            for unit in ["个", "口", "口子", "个人", "口人"]:
                add(word + unit, 0)
    for word in amount_words:
        for unit in ["块", "块钱", "元", "左右", "来块", "多块", "出头", "把块", "来", "把"]:
            add(word + unit, 0)
    for word in ["一社", "二社", "三社", "四社", "五社", "六社"] + [d + "组" for d in DIGITS[:8]]:
        add(word, 3000)
    for surname in SURNAMES:
        for before in "叫是喊写姓为":
            add(before + surname, 0)
    for word in ["马金凤", "万把", "万把块", "千把", "千把块"]:
        add(word, 0)
    for x in "家头里有共是就人收了到拿给赚花卖要剩存才都也还只":
        for digit in "一二三四五六七八九十两几":
            if x + digit not in ("有一", "是一", "有几", "才一", "就一", "还有", "只有"):
                add(x + digit, 0)
            for unit in "个口岁块":
                add(x + digit + unit, 0)
    add("得了", 5000)
    add("查一下", 5000)
    add("我叫", 5000)
    return list(lines.values())


def lookups() -> str:
    names = list(dict.fromkeys(n for t in townships() for n in (t["name"], *t.get("short", []))))
    out = [
        'version: "3.1"',
        "# Generated by scripts/nlu_generate.py: edit that, then run it. Lookup tables and regexes",
        "# for the RegexFeaturizer (features only; the DIETClassifier extracts the entities). The",
        "# township table comes from core/data/townships.yaml (official names and short forms).",
        "nlu:",
        "  - lookup: township",
        "    examples: |",
        *(f"      - {name}" for name in names),
        "  - lookup: relation",
        "    examples: |",
        *(f"      - {word}" for word in [*RELATIONS.split(), "爸", "妈"]),
    ]
    for name, pattern in REGEXES.items():
        out += [f"  - regex: {name}", "    examples: |", f"      - {pattern}"]
    return "\n".join(out) + "\n"


def main() -> None:
    USERDICT.write_text("\n".join(userdict()) + "\n", encoding="utf-8")
    LOOKUPS.write_text(lookups(), encoding="utf-8")
    print(f"wrote {USERDICT.relative_to(ROOT)} and {LOOKUPS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
