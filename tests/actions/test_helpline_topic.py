"""Which helpline answer a message asks for: the policy's own terms before giving up, and
follow-ups that keep their topic (actions/policy_terms.py, actions/helpline_topic.py)."""

from __future__ import annotations

import pytest
import yaml

from actions.helpline import answer_table, near_reply, questions
from actions.helpline_topic import choose, follow_up, is_follow_up
from actions.policy_terms import elsewhere, topic_by_terms
from channels.wording import segment


def faq_message(text, key=None, confidence=0.0):
    selector = {"response": {"intent_response_key": f"faq/{key}", "confidence": confidence}}
    return {"text": text, "response_selector": {"faq": selector} if key else {}}


@pytest.mark.parametrize(
    "text, key",
    [
        ("遭了洪灾房子冲垮了，政府管不管", "major_hardship"),
        ("低保户看病有啥子优惠", "major_disease"),
        # what a 低保 household gets in all; one benefit named is that one's question
        ("吃低保的都有些啥子待遇", "dibao_benefits"),
        ("低保家庭能享受哪些帮扶", "dibao_benefits"),
        ("低保户的娃儿读书有啥子补助", "supplement_student"),
        ("残疾人能不能吃低保", "who_qualifies"),
        ("有残疾证的一个月补好多钱", "disability_living_subsidy"),
        ("公示了有人说闲话咋办", "objection"),
        ("老人过了七十岁低保会不会多点", "supplement_elderly"),
        ("瘫在床上的老汉儿能不能单独吃低保", "separate_household"),
        ("临时救助怎么申请", "temporary_assistance"),
    ],
)
def test_the_policys_terms_name_the_answer(text, key):
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text", ["结婚登记在哪里办", "办张银行卡要什么手续", "坐车去万州要好久", "手机欠费了怎么办"]
)
def test_everyday_questions_outside_the_policy_match_no_cue(text):
    assert topic_by_terms(text) is None


def test_the_terms_rarely_take_the_training_out_of_scope_examples_for_policy():
    data = yaml.safe_load(open("data/nlu/faq.yml", encoding="utf-8"))
    (item,) = [i for i in data["nlu"] if i.get("intent") == "out_of_scope"]
    examples = [line[2:].strip() for line in item["examples"].splitlines() if line.strip()]
    taken = [e for e in examples if topic_by_terms(e) and not elsewhere(e)]
    assert len(taken) <= len(examples) // 20, taken


def test_an_unsure_selector_gives_way_to_the_terms_and_a_sure_one_does_not():
    text = "低保户看病有啥子优惠"
    assert choose(faq_message(text, "who_qualifies", 0.5), None, questions()) == "major_disease"
    assert choose(faq_message(text, "who_qualifies", 0.95), None, questions()) == "who_qualifies"
    assert choose(faq_message(text), None, questions()) == "major_disease"


@pytest.mark.parametrize(
    "last, text, key",
    [
        ("dibao_standard", "那2021年呢？", "dibao_standard"),
        ("poverty_line", "那去年的呢", "poverty_line"),
        ("supplement_elderly", "那残疾的呢？", "classified_supplement"),
        ("where_to_apply", "那要准备些啥子？", "documents"),
        ("disability_living_subsidy", "那一级的护理呢", "disability_care_subsidy"),
        ("major_disease", "那目录外的呢", "out_of_catalogue"),
    ],
)
def test_a_follow_up_keeps_its_topic(last, text, key):
    assert is_follow_up(text)
    assert follow_up(text, last, questions()) == key
    # whatever the selector made of the short question alone
    assert choose(faq_message(text, "what_is_dibao", 0.9), last, questions()) == key


def test_a_question_of_its_own_is_no_follow_up():
    assert not is_follow_up("低保标准是好多")
    assert follow_up("那2021年呢？", None, questions()) is None


@pytest.mark.parametrize("text", ["住院报销能报几成", "残疾人的事情问一下", "村里公示的事"])
def test_near_a_topic_the_reply_says_what_can_be_answered(text):
    reply = near_reply(text)
    assert reply and "12345" in reply and "乡镇社会救助窗口" in reply
    assert len(segment(reply)) <= 2 and len(reply) <= 134


def test_every_near_reply_fits_two_sms():
    from actions.policy_terms import NEAR

    for name, _, can_answer in NEAR:
        text = answer_table().near.format(topic=name, questions=can_answer, helpline="12345")
        assert len(text) <= 134, text


@pytest.mark.parametrize(
    "text, other",
    [("济南市农村低保每月多少钱", True), ("北京二级残疾补助多少钱一个月", True),
     ("奉节县低保标准", False), ("重庆市低保标准是多少", False), ("我在湖北打工", False),
     ("在大城市打工的钱算不算收入", False)],
)  # fmt: skip
def test_another_places_amounts_and_rules_are_not_answered_with_fengjies(text, other):
    assert elsewhere(text) is other


@pytest.mark.parametrize(
    "text, key",
    [("家里人都开小车了，还在吃低保", "objection"), ("低保取消了也没人通知我", "objection"),
     ("低保户算不算建档立卡", "registered_poor_vs_dibao"), ("有精神病可以办理低保吗", "who_qualifies"),
     ("低保户买个踏板摩托会不会影响低保", "assets")],
)  # fmt: skip
def test_complaints_and_plain_questions_find_their_answer(text, key):
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text, key",
    [
        ("这个月的低保钱还没到账", "leaving_dibao"),
        ("我妈的残疾补贴为什么停了", "disability_living_subsidy"),
        ("吃了低保就不能领残疾补贴了吗", "disability_living_subsidy"),
        ("米价都涨了 低保标准该提高了吧", "dibao_standard"),
        ("反映了几次都被驳回 总要给个说法嘛", "objection"),
        ("别人家住着楼房还吃低保 我们的低保却没到账", "objection"),  # about someone else
    ],
)
def test_complaints_name_their_answer(text, key):
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text, other_place",
    [
        ("绵阳农村低保标准多少", True),  # a city named without 市
        ("我在绵阳打工 屋头的低保怎么申请", False),  # where the asker works
        ("奉节低保标准多少", False),
    ],
)
def test_another_citys_question(text, other_place):
    assert elsewhere(text) is other_place


@pytest.mark.parametrize(
    "text", ["老伴走了 丧葬费找哪个领", "房子裂了想搞危房改造 咋个申请", "送我妈去养老院有补助不"]
)
def test_other_offices_schemes_are_declined_even_in_a_story(text):
    from actions.first_message import wants_to_apply
    from actions.policy_terms import outside

    assert outside(text) and not wants_to_apply(text)


@pytest.mark.parametrize(
    "text, key",
    [
        ("低保户分几类", "dibao_classes"),
        ("健康扶贫的医疗救助怎么报", "major_disease"),
        ("有残疾证怎么申请低保", "where_to_apply"),
        ("几岁以上没成家的可以吃低保", "who_qualifies"),
        ("娃儿得了肿瘤 可以申请低保不", "expenditure_poverty"),
        ("隔壁那户老人过世两年了还在领低保", "objection"),
        # a complaint with 低保 mistyped by sound; a single parent; the poor household's bar
        ("有钱人家都吃起地宝了 我们穷的反而没得", "objection"),
        ("离了婚一个人带娃 算不算低保", "who_qualifies"),
        ("我家够不够贫困户的条件", "poverty_line"),
        ("村干部不闻不问 吃低保的难道都比我们困难", "objection"),
        ("屋头老人八十多岁了 有啥子补贴", "supplement_elderly"),
    ],
)
def test_questions_of_the_third_set_kinds(text, key):
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "新农合住院报销比例是多少",
        "残疾证几级怎么评定",
        "种粮补贴什么时候发",
        "城镇低保标准多少",
        # land taken, wages owed, other bureaus, reimbursement, the 低保房 flats
        "修水库把我们的耕地征用了 啥时候给个说法",
        "在工地干了半年 老板拖欠工资不给",
        "找了规划局几回都没人管",
        "合作医疗门诊的报销标准是多少",
        "在外地住院 异地就医咋个报",
        "申请低保房要啥条件",
    ],
)
def test_other_offices_questions_are_declined(text):
    from actions.policy_terms import outside

    assert outside(text)


def test_a_students_aid_form_and_another_provinces_raise_are_declined():
    from actions.policy_terms import outside

    assert outside("学校的贫困生表格上家庭收入填多少")
    assert elsewhere("新闻说江苏低保金要涨 我们这边何时到位")


@pytest.mark.parametrize(
    "text, key",
    [
        ("低保年审要带些啥证件", "documents"),
        ("办临时救助得准备哪些证明", "documents"),
        ("我们是低保家庭，儿子结婚分户出去了咋个办", "report_changes"),
        ("吃低保的分家以后还能不能吃", "report_changes"),
        ("监测对象和低保有啥关系", "returned_to_poverty"),
        ("防返贫的监测户是怎么回事", "returned_to_poverty"),
        ("吃低保对住的房子有啥要求", "assets"),
    ],
)
def test_named_terms_of_the_fourth_round(text, key):
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "低收入人口是怎么划分的",
        "低收入群体包括哪些人",
        "什么叫低收入家庭，指的是哪些",
        "吃低保的家庭住房补贴有好多，啥子标准",  # housing subsidies: another office's
    ],
)
def test_what_the_countys_text_does_not_cover_is_declined(text):
    from actions.policy_terms import outside

    assert outside(text)


@pytest.mark.parametrize(
    "text",
    [
        "我们组要易地搬迁 每个人补好多钱",
        "贫困户贷款贴息还有没有",
        "退耕还林的钱今年咋个还没到",
        "征地补偿款好久发",
        "我在厂里受了工伤找哪个",
        "娃儿读书的营养餐是不是免费的",
        "独生子女父母有啥子奖励",
        "打官司请不起律师咋个办",
    ],
)
def test_questions_for_other_offices_are_declined(text):
    from actions.first_message import wants_to_apply
    from actions.policy_terms import outside

    assert outside(text) and not wants_to_apply(text)


@pytest.mark.parametrize(
    "text",
    [
        "我是孤儿 爷爷奶奶把我带大的 现在奶奶瘫了 想申请低保",
        "屋头遭拆迁了没得住处 我们能吃低保不",
        "男人在工地上工伤瘫起了 老板跑了 我想给屋头申请低保",
    ],
)
def test_a_story_that_names_another_scheme_still_starts_the_application(text):
    from actions.first_message import wants_to_apply

    assert wants_to_apply(text)


@pytest.mark.parametrize(
    "text, key",
    [
        ("吃低保的人家能不能买个摩托车", "assets"),
        ("我想查一下我家是不是低保户", "publicity"),
        ("村里给我安排了护林员 一个月六百工资 还能吃低保不", "poverty_job_wages"),
        ("我儿子评残以后一个月能领多少", "disability_living_subsidy"),
        ("我们一家都没活路做 算不算低保", "who_qualifies"),
        ("屋头有个瘫痪的 谁来管他", "separate_household"),
        ("为了低保我去乡上跑了五趟了 一点消息都没有", "how_long"),
        ("办个低保咋这么难", "how_long"),
        ("建档立卡户国家一年补好多钱", "registered_poor_vs_dibao"),
    ],
)
def test_cues_of_the_fifth_round(text, key):
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "我们组那条土路好久才硬化",
        "组上吃水难 自来水啥时候通",
        "修高速占了我家的田 补偿款咋个算",
        "残疾人鉴定去哪个医院",
        "过春节社区给残疾人发不发慰问品",
        "生了三胎有没有补贴",
        "在承包地边上盖房子要啥子手续",
    ],
)
def test_roads_water_compensation_and_gifts_are_other_offices(text):
    from actions.first_message import wants_to_apply
    from actions.policy_terms import outside

    assert outside(text) and not wants_to_apply(text)


@pytest.mark.parametrize(
    "text, applies",
    [
        ("老公住院欠了好多钱 现在钱没了 求求政府帮帮我们", True),
        ("存的钱就剩两千了 娃儿的药都买不起了", True),
        ("我帮我姐申请低保 申请了三年一直没申请上", False),  # a grievance, not an application
        ("我县对残疾人有哪些补贴政策", False),  # the speaker's county, not the speaker
    ],
)
def test_pleas_and_grievances_in_a_first_message(text, applies):
    from actions.first_message import wants_to_apply

    assert wants_to_apply(text) is applies


@pytest.mark.parametrize(
    "text",
    ["屋头就剩我们两个老的 看病花光了 以后咋办哦", "娃儿都小 屋头有劳动能力的就只有我一个"],
)
def test_ones_own_plight_told_without_asking_offers_the_application(text):
    from actions.first_message import wants_to_apply

    assert wants_to_apply(text)
    assert not wants_to_apply("低保怎么办理")


@pytest.mark.parametrize(
    "text, key",
    [
        ("两不愁三保障指的是啥子", "three_guarantees"),
        ("在扶贫车间上班还能吃低保不", "poverty_job_wages"),
        ("啥子叫建档立卡户", "registered_poor_vs_dibao"),
    ],
)
def test_named_terms_overrule_a_sure_selector(text, key):
    from actions.policy_terms import strong_topic

    assert strong_topic(text) == key


@pytest.mark.parametrize("text", ["信访的事多久有答复", "想在水滴筹上筹点钱看病 要啥手续"])
def test_petitions_and_crowdfunding_are_other_offices(text):
    from actions.policy_terms import outside

    assert outside(text)


@pytest.mark.parametrize(
    "text, key",
    [
        ("为啥隔壁每个月领四百 我们才领两百五", "dibao_amount"),
        ("邻居手脚好好的都能领钱 我屋头老汉儿瘫起 咋就评不上", "objection"),
        ("儿子在镇上打零工 有时候有有时候没得 这个收入咋算", "income_counted"),
        ("不符合条件的人照样在吃低保 应该严格把关", "objection"),
        ("这是民政的失职 九十岁的老人都没得最低保障", "objection"),
        ("一个月收入两万算贫困吗", "poverty_line"),
        ("精神病人有啥子政策", "disability_living_subsidy"),
        ("娃儿马上要辍学了 屋头供不起", "supplement_student"),
        ("我只要还走得动 就不去申请低保", "who_qualifies"),
    ],
)
def test_sixth_round_cues(text, key):
    """Cues written after the sixth real set's first measurement, in our own words."""
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text, applies",
    [
        ("房子烧了 以后的日子该怎么过", True),
        ("医生说治得好 可我们没得足够的钱 无力去救她", True),
        ("我只要还走得动 就不去申请低保", False),
        ("退役士兵失业补助金怎样申请", False),
    ],
)
def test_pleas_and_a_word_against_applying(text, applies):
    from actions.first_message import wants_to_apply

    assert wants_to_apply(text) is applies


def test_a_school_in_one_of_our_townships_is_no_other_place():
    from actions.policy_terms import elsewhere

    assert not elsewhere("孙娃儿在羊市中学住校 读书的钱有没有补助")
    assert elsewhere("万州市低保标准是多少")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("好多化疗的药在医保范围外 自己掏", "out_of_catalogue"),
        ("看病太贵了 生病了都不敢去医院", "illness_poverty"),
        ("以后看病的钱还能不能报销", "major_disease"),
        ("脱了贫以后村里还管不管我们", "returned_to_poverty"),
        ("隔壁那家困难得很 却没被列为贫困户", "objection"),
        ("我们班的扶贫户都是些开车的有钱人", "objection"),
        ("多亏救助基金帮了一把", "charity"),
        ("村头一户人家 两个老人带个智障孙子 靠捡垃圾为生", "who_qualifies"),
    ],
)
def test_seventh_round_cues(text, key):
    """Cues written after the seventh real set's first measurement, in our own words."""
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "医保要住院满几天才给报销",
        "慢病是门诊报还是住院报销",
        "今年新农合每个人缴费多少钱",
        "村里搞的产业项目亏了 谁来赔",
        "我们这个村什么时候才能脱贫哦",
    ],
)
def test_insurance_mechanics_and_village_projects_are_outside(text):
    from actions.policy_terms import outside

    assert outside(text)


@pytest.mark.parametrize(
    ("text", "applies"),
    [
        ("屋头没得米了 天天吃洋芋", True),
        ("老公今年住了两回院 花了十几万", True),
        ("两个老人带着一个瘫痪的儿子 靠种点菜过日子", False),
        ("有钱的人吃地宝 我不是为我自己要地宝 是看不惯", False),
    ],
)
def test_own_plight_and_another_households(text, applies):
    from actions.first_message import wants_to_apply

    assert wants_to_apply(text) is applies


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("看了好多年病 每年药费是好大一笔开销", "illness_poverty"),
        ("屋后的墙塌了 半夜吓醒", "major_hardship"),
        ("一场冰雹 两千斤苞谷全毁了", "major_hardship"),
        ("老了就怕以后没人照顾", "tekun"),
        ("我们百年之后 这个傻儿子咋办", "tekun"),
        ("村里的事就怕不公平", "objection"),
        ("吃低保的一个人一个月生活费好多", "dibao_amount"),
        ("娃儿考上大学 学费把屋头压垮了", "supplement_student"),
    ],
)
def test_eighth_round_cues(text, key):
    """Cues written after the eighth real set's first measurement, in our own words."""
    assert topic_by_terms(text) == key


def test_which_office_runs_the_disabled_federation_is_outside():
    from actions.policy_terms import outside

    assert outside("县残联归哪个部门管")


@pytest.mark.parametrize(
    "text", ["老汉儿化疗一天要一千多 屋头难以为继", "我们没那么多的钱送他去医院"]
)
def test_a_plea_said_without_asking_offers_the_application(text):
    from actions.first_message import wants_to_apply

    assert wants_to_apply(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("因病致贫的能不能吃低保", "expenditure_poverty"),
        ("隔壁屋头条件早就变好了 为啥还不退出 凭什么", "objection"),
        ("年纪轻轻好手好脚的 凭啥白拿国家的钱", "who_qualifies"),
        ("我在村里当护路员 一个月领六百", "poverty_job_wages"),
        ("啥子样的人才能算贫困户", "poverty_line"),
        ("脱贫户跟建档立卡户是不是一回事", "registered_poor_vs_dibao"),
    ],
)
def test_eleventh_and_twelfth_round_cues(text, key):
    """Cues written after the eleventh and twelfth real sets' first measurements, in our
    own words."""
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "公益岗位招人要啥条件",
        "养老保险缴费的账户能不能改成我儿子的名字",
        "年轻时候没交社保 现在还能补交不",
        "护林员的工资今年会不会涨",
        "医保断了两年还能续交吗",
        "低保户和五保户看病报销有啥区别",
        "住院要交好多押金",
    ],
)
def test_posts_pensions_and_insurance_rules_are_outside(text):
    from actions.policy_terms import outside

    assert outside(text)


def test_thirteenth_round_cues():
    """Written after the thirteenth real set's first measurement, in our own words."""
    from actions.policy_terms import outside

    assert topic_by_terms("建卡户一个月发好多补助") == "registered_poor_vs_dibao"
    for text in ("住院要住几天才给补", "贫困户能贷款不", "妇女免费体检要带啥子"):
        assert outside(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("我兄弟是残疾 能不能单独施保", "separate_household"),
        ("屋头五口人 为啥子就我一个人吃低保", "separate_household"),
        ("我老汉名下有两万存款 低保就被停了", "assets"),
        ("隔壁那家才是真正的困难户", "objection"),
        ("低保的钱能不能全村平分", "dibao_amount"),
        ("我去年住院 为啥子没得补助", "major_disease"),
        ("低保是哪个部门审批", "who_decides"),
        ("看病的开支算不算进去", "expenditure_poverty"),
        ("傻儿子的爹妈都过世了 以后谁管他", "tekun"),
        ("吃低保的女儿结婚了 还能吃不", "report_changes"),
        ("有没有好心人捐款", "charity"),
        ("交了材料要多久才有结果", "how_long"),
        ("评议过后名单上没我了", "objection"),
        ("都是关系户在享受", "objection"),
        ("重度残疾人有啥子补贴", "disability_care_subsidy"),
    ],
)
def test_fourteenth_to_seventeenth_round_cues(text, key):
    """Cues written after the fourteenth to seventeenth real sets' first measurements, in our
    own words."""
    assert topic_by_terms(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "想给我爸办个残疾证 要去哪里鉴定",
        "修路把我家房子震裂了 找哪个赔",
        "我家的羊生病了 兽医看不好",
        "村干部截留了我的补助款",
        "征用我家土地的钱还没给",
        "种了几亩核桃 有没有补贴",
        "我的工资卡上一直没有钱",
        "想搬到镇上去住",
    ],
)
def test_other_offices_matters_of_the_later_rounds_are_outside(text):
    from actions.policy_terms import outside

    assert outside(text)


def test_a_subsidy_or_a_disaster_asked_about_is_not_declined():
    from actions.policy_terms import outside

    assert not outside("想给我妈办个残疾证 乡上有啥子补贴没得")
    assert not outside("房子失火了 怎么赔偿")
    assert not outside("没办残疾证能吃低保不")


def test_sharing_out_asked_about_or_complained_of():
    assert topic_by_terms("低保的钱可以平均分配吗") == "dibao_amount"
    assert topic_by_terms("为啥子非要把低保拿来平分") == "objection"


def test_eighteenth_round_cues_and_declines():
    """Written after the eighteenth real set's first measurement, in our own words."""
    from actions.policy_terms import outside

    assert topic_by_terms("为啥子我报上去那么久了 还是没有申请下来") == "objection"
    for text in (
        "娃儿的户口一直上不了 要交好多钱",
        "在工地上摔了 包工头不给医药费",
        "我爸住院了 出院怎么报销 要带哪些材料",
        "帮我问下我的低保钱啥时候下来",
    ):
        assert outside(text), text
    assert not outside("娃儿没户口 能不能吃低保")


def test_nineteenth_round_cues_and_declines():
    """Written after the nineteenth real set's first measurement, in our own words."""
    from actions.policy_terms import outside

    assert topic_by_terms("王家那么困难的人家都领不到，这算啥子道理") == "objection"
    assert topic_by_terms("隔壁条件比我们好多了，为啥他家还是贫困户") == "objection"
    assert topic_by_terms("猪还没出栏，硬要我脱贫，以后咋个办") == "objection"
    assert topic_by_terms("我们老了管不动了，那个智障儿子以后哪个管") == "separate_household"
    for text in (
        "孙女要上网课 屋头没得手机",
        "惠农存折上的钱看不懂 是不是被克扣了",
        "移民补偿款一直没到位",
        "村主任利用职务占了集体土地",
        "帮我把这个照片发给我儿子",
    ):
        assert outside(text), text


def test_twentieth_round_cues_and_declines():
    """Written after the twentieth real set's first measurement, in our own words."""
    from actions.policy_terms import outside

    assert topic_by_terms("我妈开始领退休金了 屋头的低保就被减了一截") == "income_counted"
    for text in (
        "山洪过后说好的重建新村到现在都没动工",
        "村里那条路都好几年了还是没修好",
        "想给我爸领一个拐杖 找哪个",
    ):
        assert outside(text), text


def test_twenty_first_to_twenty_third_round_cues_and_declines():
    """Written after the twenty-first to twenty-third real sets were read, in our own words."""
    from actions.policy_terms import outside

    assert topic_by_terms("听说贫困户退出的条件今年变了 是啥条件") == "poverty_line"
    for text in (
        "村上把地流转给公司了 流转的钱两年没给",
        "学校撤了以后校车也不来了 娃儿走路上学",
        "我们这些农民工的工资老板拖了半年 求领导帮帮我们",
        "电线杆被大树压歪了 供电所也不来管",
        "一个月停水好几回 也不通知",
    ):
        assert outside(text), text
    for text in (
        "我妈今年已经九十多岁高龄了 一个人住 没有任何经济来源",  # an age, not the allowance
        "老公在医院 法院判的赔偿一分没拿到 我没钱给他治",
    ):
        assert not outside(text), text
    assert outside("八十岁以上的高龄津贴在哪里领")


def test_twenty_fourth_round_declines():
    """Written after the twenty-fourth real set was read, in our own words."""
    from actions.policy_terms import hard_outside

    assert hard_outside("我们组手机信号太差了 在屋头打不出去")
    assert hard_outside("一到晚上电压低得很 电饭锅都煮不熟饭")
    assert not hard_outside("我家是低保户 想问下能拿好多")


def test_twenty_ninth_round_declines():
    """Written after the twenty-ninth real set was read, in our own words: a farm subsidy
    held back by cadres is the discipline inspectors' and agriculture's, not ours."""
    from actions.policy_terms import hard_outside

    assert hard_outside("村干部把我们的种粮直补扣发了 问都不敢问")
    assert not hard_outside("村干部把我妈的低保扣发了")


def test_thirtieth_round_declines():
    """Written after the thirtieth real set was read, in our own words: wild animals in the
    fields are forestry's matter."""
    from actions.policy_terms import hard_outside

    assert hard_outside("野猪天天来拱我们的苞谷 这个哪个管嘛")
    assert not hard_outside("野猪把庄稼拱完了 屋头没得吃的了 低保能不能申请")
