"""The helpline's second look: the policy's own terms, before giving up.

The NLU's ResponseSelector learns from written phrasings; a resident's question that is far
from them ("有残疾证的一个月补好多钱") leaves it unsure. Before the assistant says it cannot
answer, this module looks for the terms the county's text itself uses (残疾 + 补贴, 公示 +
意见, 洪灾 + 房子 …) and the everyday words for them. A cue names one answer key; a message
matches a cue when every one of its patterns is found. The most specific cue found wins (the
one with the most patterns; the first in the table on a tie), so "残疾人护理补贴" goes to the
care subsidy, not the living subsidy.

When no cue holds, ``near_topic`` tells which group of answers a question is close to
(medical, disability, disaster …), so the reply can say what the assistant can answer instead
of a bare "答不了".

Cues are written from the policy text and from how people talk, never from the real
residents' questions the helpline is tested on (tests/helpline_real/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from actions.reading.script import simplified
from core.townships import find_township

# Everyday words, shared by several cues.
_DIBAO = r"(低保|兜底|最低生活保障|最低保[护障]|低保金|低保费)"
_MONEY = r"(好多|多少|几多|几百|补多少|给多少|发多少|领多少|拿多少|一个月|每月|标准|钱)"
_CAN = (
    r"(能不能|可不可以|能否|可以|能|够不够|有没有|有莫得|有没得|符不符合|算不算|管不管|会不会|影响)"
)
_DISABLED = r"(残疾|残废|残障|残联|残疾证|肢体|智力|精神残|盲人|聋|哑|瞎|瘸)"
_ILL = r"(看病|生病|得病|病了|住院|医药费|医疗费|药费|治病|大病|重病|癌|尿毒症|透析|化疗|手术)"
_DISASTER = r"(大火|烧毁|烧光|洪灾|水灾|洪水|涨水|泥石流|滑坡|垮塌|冲垮|冲走|垮了|塌了|倒塌|火灾|失火|着火|烧了|地震|冰雹|天灾|受灾|遭灾)"
_ACCIDENT = r"(车祸|出事|意外|摔|工伤|事故|遭了|突发)"
_PUBLIC = r"(公示|张榜|名单|公布|公开|公告|贴出来|张贴|贴在)"
_HELP = r"(低保|救助|补助|补贴|帮扶|困难户|贫困户|救济|五保|特困|残疾证|建档立卡)"
_COMPLAINT = (
    r"(想不通|不公平|不合理|凭什么|凭啥|平分|没人管|上面不管|没人通知|取掉|取消了|没批|没有批|"
    r"没评上|评不上|评上了|还在吃|还吃着|都吃|还享受|照样吃|优亲厚友|猫腻|黑幕|谁管.{0,4}谁.{0,2}吃|"
    r"条件好的.{0,6}(吃|享受|能)|比我们家?.{0,4}好|收了?礼|送礼|手续费|好处费|有关系的|"
    r"没有?入选|落选|还没有?吃到|没吃到|靠边|有钱人|有钱的人?[^，。]{0,4}吃|富人|干部家属|干部[^，。]{0,4}亲戚|"
    r"上访|告状|打抱不平|大包不平|告你|去告|要告|视而不见|不闻不问|不管不问|是否都比|难道都比|"
    r"不符合[^，。]{0,6}条件的?人?[^，。]{0,4}(?:吃|享受|领)|失职|不作为)"
)
_UNFAIR = r"(不公平|不公|关系户|人情|优亲厚友|走后门|有钱人|开车|小车|楼房|不该吃|不应该|凭什么|凭啥|闲话|举报|投诉|反映|意见|不服|有意见)"


@dataclass(frozen=True)
class Cue:
    key: str
    patterns: tuple[re.Pattern, ...]
    general: bool = False  # a procedure question: any named topic goes first
    strong: bool = False  # overrules the NLU however sure it is (complaints, named terms)

    @property
    def weight(self) -> int:
        return 1 if self.general else len(self.patterns)


def _cue(key: str, *patterns: str, general: bool = False, strong: bool = False) -> Cue:
    return Cue(key, tuple(re.compile(p) for p in patterns), general, strong)


# Specific before general. Each line: the answer key and what must all be in the message.
CUES: tuple[Cue, ...] = (
    # Supplements on top of 低保.
    _cue(
        "supplement_elderly",
        r"(七十|70|八十|80|九十|90|老人|老年|岁数大|年纪大)",
        _DIBAO,
        r"(多|加|另|涨|高)",
    ),
    # "学费压弯了腰", "靠大家帮助高中总算读完了": a pupil's costs in a poor household
    _cue(
        "supplement_student",
        r"(学费|上大学|读大学|考上大学|读完了|读书的钱)",
        r"(压|负担|交不起|供不起|难|帮助|资助)",
    ),
    _cue(
        "supplement_student",
        r"(学生|读书|上学|小学|初中|高中|娃儿|小孩|孩子|儿童)",
        _DIBAO,
        r"(多|加|另|补|照顾|优惠|政策|帮助)",
    ),
    _cue(
        "classified_supplement",
        r"(重病|重度残疾|残疾|老人|学生|儿童)",
        _DIBAO,
        r"(加发|另加|多给|多拿|多领|加多少|加好多|多发)",
    ),
    # Disability: care subsidy, living subsidy, separate household, whether disabled people
    # can get 低保.
    _cue("disability_care_subsidy", r"护理补贴"),
    # "重度残疾人如何申请重度残疾人补助": the severely disabled one's subsidy is for care
    _cue("disability_care_subsidy", r"重度残疾", r"(补助|补贴)", strong=True),
    _cue("disability_care_subsidy", _DISABLED, r"(护理|照护|照顾|看护)", r"(补|钱)"),
    _cue("disability_care_subsidy", r"(一级|二级|重度)", _DISABLED, _MONEY),
    _cue(
        "separate_household",
        r"(瘫|卧床|植物人|重度残疾|残疾|重病)",
        r"(单独|分户|单列|一个人|分开)",
        _DIBAO,
    ),
    _cue("separate_household", r"(分户|单独.{0,6}(吃|办|享受|纳入|申请)|单人户|单人保|单列)"),
    # "残疾人单独施保", "我们家有6个人,为什么只有我1人吃低保"
    _cue("separate_household", r"(单独施保|单人施保|分户施保)", strong=True),
    _cue(
        "separate_household",
        r"(?:只有|就|光)[^，。？?]{0,3}(?:我|他|她)?[一1]\s*个?人[^，。？?]{0,3}(?:吃|享受|领|拿)[^，。？?]{0,2}低保",
        strong=True,
    ),
    # "女儿名下有结余存款七万多元,重度残疾补贴就给取消了": savings that stopped the help
    _cue(
        "assets",
        r"存款",
        r"(?:名下|有)[^，。]{0,4}存款[^，。]{0,16}(?:取消|停了|停发|不给|没了|退出|清退)",
        r"(取消|停|不给|没了|退出|清退)",
        strong=True,
    ),
    # "父亲退休后拿了退休费，低保金就减了": a pension coming in is counted as income
    _cue(
        "income_counted",
        r"(退休费|退休金|养老金|退休工资)[^。]{0,24}低保[^。]{0,8}(?:减|少|降|停|取消|没了)",
        strong=True,
    ),
    # "唯独一组的尹廷斌家,那才是真正的贫困": someone poorer left out
    _cue("objection", r"(?:那才是|才是|才算)真正的?(?:贫困|困难|穷)", strong=True),
    # "那么困难的人家都领不到，这叫啥子事": a poorer household left out; "他家条件比我们
    # 好得多，咋个是贫困户": a better-off one taken in; "硬要我脱贫": struck off too soon
    _cue(
        "objection",
        r"((?:这样的|这种|那样的|那种|那么[^，。]{0,4}的)(?:家庭|人家|户)[^。]{0,4}(?:却|都|也|还)?"
        r"(?:领不到|评不上|吃不到|没评上|没得)|"
        r"(?:比我[们家]*|条件比我)[^。]{0,6}好[^。]{0,16}(?:怎么|为什么|为啥|凭什么|凭啥|咋)[^。]{0,8}"
        r"(?:是|吃|评|当)[^。]{0,4}(?:贫困户|低保)|"
        r"(?:让|要|逼|叫|硬要)我[^，。]{0,4}脱贫|被脱贫)",
        strong=True,
    ),
    # "父母老了照顾不动了，生活不能自理的残疾子女咋办": the severely disabled adult
    # child, who can have 低保 on their own
    _cue(
        "separate_household",
        r"((?:残障|残疾|智障|瘫|不能自理|无法[^，。]{0,4}自理)[^。]{0,10}(?:子女|孩子|儿子|女儿|娃)"
        r"[^。]{0,10}(?:何去何从|咋办|怎么办|谁管|哪个管|靠谁))",
        r"(老了|不在了|走了|照顾不动|无力)",
        strong=True,
    ),
    # "农村低保金可以平均分配吗", "为什么要拿出来平分": the money is the household's gap
    _cue(
        "dibao_amount",
        r"^(?!.*(?:为什么|为啥|凭什么|凭啥|硬要)).*(平均分配|平分|平均分|均分|轮流吃|轮流领|轮着吃)",
        r"(低保|钱|补助|救助)",
        # asked whether it may be shared ("可以平均分配吗"); "为啥子硬要拿来平分" complains
        r"(平均分配|平分|平均分|均分|轮流|轮着)[^，。]{0,4}(?:吗|吧|不|没|么|呢|\?|？|$)|能不能|可不可以|可以",
        strong=True,
    ),
    # "为什么要拿出来平分": the sharing out complained of
    _cue(
        "objection",
        r"(?:为什么|为啥|凭什么|凭啥|硬要)[^，。]{0,8}(?:平分|平均分|均分)",
        strong=True,
    ),
    # "别人住院之后有补助,我去年住院了,村上怎么没给我补钱"
    _cue(
        "major_disease",
        r"住院",
        r"(补助|补钱|救助|补贴)",
        r"(怎么|为什么|为啥|咋|没给|没有给|不给)",
        strong=True,
    ),
    # "看病费用却不纳入支出,咋识别": the costs of an illness weighed (支出型贫困)
    _cue(
        "expenditure_poverty",
        r"(看病|医疗|治病)",
        r"(费用|支出|开支)",
        r"(?:看病|医疗|治病)[^，。]{0,6}(?:费用|支出|开支)[^，。]{0,6}(?:不纳入|纳入|算不算|扣除|不算|考虑)",
        strong=True,
    ),
    # "智力残疾的人,父母去世后,他们怎么办": 特困供养
    _cue(
        "tekun",
        r"(?:父母|爸妈|爹妈|爹娘|老人|家长)[^，。]{0,4}(?:去世|不在了|走了|死了|过世)",
        r"(怎么办|咋办|咋个办|谁管|谁来管|谁照顾|怎么生活)",
        r"(残疾|智力|智障|瘫|脑瘫|精神病|傻)",
        strong=True,
    ),
    # "低保户结婚了会被取消低保吗": a change in the family, to be reported
    _cue(
        "report_changes",
        r"(结婚|嫁人|嫁出去|娶|生了?孩子|生了?娃|添了?人|添丁|离婚)",
        _DIBAO,
        r"(取消|停|还能|还可以|影响|要不要|会不会|怎么办)",
        strong=True,
    ),
    # "求助社会 … 众人拾柴火焰高": charity
    _cue("charity", r"(求助社会|众人拾柴|爱心人士|社会各界|好心人|捐款|捐助|募捐)", strong=True),
    # "审核需要多久", "提交后多久能收到审核反馈": how long it takes
    _cue(
        "how_long",
        r"(多久|多长时间|几天|几个月|好久)[^，。？?]{0,8}(?:反馈|批下来|下来|结果|通知|到账)|"
        r"(?:审核|审批|批下来)[^，。？?]{0,4}(?:需要|要)?(?:多久|多长时间|好久)",
        strong=True,
    ),
    # "名单上没我了", "咋把我的贫困户弄掉了", "把俺也调掉了,俺也不服": taken off the list
    _cue(
        "objection",
        r"(名单上没(?:有)?(?:我|俺)|把(?:我|俺)[^，。]{0,6}(?:弄掉|调掉|去掉|删掉|拿掉|刷掉|取消)|"
        r"(?:我|俺)[^，。]{0,6}(?:被|给)(?:弄掉|调掉|去掉|删掉|刷掉))",
        strong=True,
    ),
    # "都是拿给那些关系好的人享受了"
    _cue(
        "objection",
        r"(关系好的|关系户|优亲厚友|走后门|沾亲带故)",
        r"(享受|得到|吃|拿|评|给)",
        strong=True,
    ),
    # "贫困户申请属于哪个部门批式": who approves
    _cue(
        "who_decides",
        r"((?:哪个|什么|哪些|哪一个)部门[^，。？?]{0,3}批|审批|批[式准复])",
        strong=True,
    ),
    _cue("disability_living_subsidy", r"(生活补贴|残疾.{0,4}补贴|残疾.{0,4}补助)"),
    _cue("disability_living_subsidy", _DISABLED, r"(补|发|领|给).{0,4}" + _MONEY),
    _cue("disability_living_subsidy", _DISABLED, _MONEY, r"(补|发|领|给|钱)"),
    _cue("who_qualifies", _DISABLED, _CAN, _DIBAO),
    # Medical help.
    _cue("out_of_catalogue", r"(目录外|自费药|不能报|报不了|不报销|医保不报|不报的|二次报销)"),
    _cue("out_of_catalogue", r"(医保|报销)[^，。]{0,2}范围(?:以)?外"),
    _cue(
        "out_of_catalogue",
        r"(医保|报销)",
        r"(不报|报不了|不能报|报不到|剩下的|自己出)",
        r"(救助|帮|管|补)",
    ),
    _cue("medical_premium", r"(医保|合作医疗|农合|新农合|医疗保险)", r"(交|缴|参保|保费)"),
    _cue("illness_poverty", r"(因病|病致贫|看病.{0,4}穷|病穷|病得.{0,6}(穷|困难|过不下去))"),
    # "每年光医药费就是一笔不小的开销", "药费让我无能为力": the cost of an illness that lasts
    _cue(
        "illness_poverty",
        r"(医药费|药费|药钱|看病的?钱|治病的?钱)",
        r"(开销|难以为继|负担|承担不起|吃不消|无能为力|断药|不小|好大)",
    ),
    # "看病太贵 不敢去医院": what the help for those made poor by illness answers
    _cue(
        "illness_poverty",
        r"(看病[^，。]{0,4}(?:太贵|好贵|贵得很|很贵)|不敢(?:去)?(?:医院|看病)|看不起病)",
    ),
    _cue("major_disease", r"(医疗费|医药费|看病的?钱|住院费|药费)", r"报销"),
    _cue(
        "major_disease",
        r"(大病|重病|重特大|癌|尿毒症|白血病|透析|化疗|住院|手术)",
        r"(救助|补|帮|优惠|管不管)",
    ),
    _cue(
        "major_disease",
        _DIBAO,
        r"(看病|住院|医药费|医疗费|药费|生病)",
        r"(优惠|报销|补|救助|便宜|免费|照顾|政策)",
    ),
    _cue("expenditure_poverty", _ILL, r"(花.{0,4}钱|开支|用钱|用了|花了|欠|借|负债|债)", _DIBAO),
    # "怎样才算是建档立卡户": who is a poor household (the poverty line)
    _cue(
        "poverty_line",
        r"(?:怎样|怎么|什么|啥子?|哪些)(?:样的?)?(?:人|情况|条件)?(?:才能?算|才能当|才能评|才评得上)"
        r"[^，。]{0,3}(?:建档立卡户|贫困户)",
        strong=True,
    ),
    # "原建档立卡户到底是不是脱贫户，有什么区别": the registered poor and those out of poverty
    _cue(
        "registered_poor_vs_dibao",
        r"(建档立卡户|贫困户)",
        r"脱贫户",
        r"(区别|联系|是不是|算不算|一样)",
        strong=True,
    ),
    # "贫困户每个月有补助吗": being registered poor pays no monthly money; 低保 does
    _cue(
        "registered_poor_vs_dibao",
        r"(贫困户|建档立卡户|建卡户)",
        r"(每个月|一个月|每月|按月)",
        r"(补助|补贴|发钱|有钱|给钱|领钱)",
        strong=True,
    ),
    # "因病致贫可以申请低保吗": the poverty a family's illness made
    _cue("expenditure_poverty", r"(因病致贫|因病返贫|病拖穷|看病拖穷)", _DIBAO, strong=True),
    # Sudden hardship.
    _cue("jiujinan", r"救急难"),
    _cue(
        "jiujinan",
        r"(贫困户|建档立卡)",
        r"(车祸|出事|意外|摔|事故|重病|急难|突然)",
        r"(救助|帮|管|补)",
    ),
    _cue("major_hardship", _DISASTER, r"(房子|屋|家|庄稼|东西|生活)"),
    _cue("major_hardship", r"(墙|房子?|屋)[^，。]{0,2}(?:塌|垮)"),
    # "三千多斤的谷子就这样没了": a harvest lost
    _cue(
        "major_hardship",
        r"(谷子|庄稼|粮食|收成|苞谷|稻谷)[^，。]{0,8}(?:没了|毁了|冲走|淹了|绝收|烧了)",
    ),
    _cue("major_hardship", _DISASTER, r"(管不管|怎么办|咋办|咋个办|救助|补助|帮|政府)"),
    _cue("major_hardship", r"(特别重大|特大|重大)困难"),
    _cue("temporary_assistance", r"(临时救助|临时补助|临时困难|急难|应急)"),
    _cue("temporary_assistance", _ACCIDENT, r"(管不管|怎么办|咋办|咋个办|救助|补助|帮|政府)"),
    # Named terms the NLU may not know: they overrule it.
    _cue(
        "how_long",
        r"申请.{0,6}(多久|多长时间|几天|好久|几个月).{0,4}(办好|批|下来|能办|办下来)",
        strong=True,
    ),
    _cue(
        "how_long",
        r"(一直没|还没|迟迟没|至今没).{0,4}(办下来|批下来|消息|结果|批|办)",
        r"(申请|材料|低保)",
        strong=True,
    ),
    _cue(
        "objection",
        r"(村干部|村支书|书记|村长|村主任|干部)",
        r"(不像话|收礼|收了礼|不办事|吃拿卡要|贪|优亲厚友|偏心)",
        strong=True,
    ),
    _cue(
        "supplement_student",
        r"(大学|考上|高中|中专|职高)",
        r"(补助|资助|补贴|救助)",
        r"(贫困户|低保|困难)",
        strong=True,
    ),
    _cue(
        "major_disease",
        r"(报销|报多少|报几成|报销比例|上限)",
        r"(低保|贫困户|困难户|脱贫户|五保)",
        strong=True,
    ),
    _cue("major_disease", r"(重疾|重病|大病|癌)", r"(没钱|没有钱|买药|看病|自救)", strong=True),
    _cue("disability_living_subsidy", _DISABLED, r"(补贴|补助)"),
    _cue("disability_living_subsidy", r"(两项补贴|两补|同时享受.{0,4}补贴)", strong=True),
    _cue("dibao_standard", r"([12]\d{3}|今|去|前)年.{0,6}" + _DIBAO + r".{0,4}标准", strong=True),
    _cue("classified_supplement", r"分类施保", r"(哪些人|享受|多少|加|钱)", strong=True),
    _cue("separate_household", r"(单人单户|单人户|单人保|单独成户)", strong=True),
    _cue(
        "poverty_line", r"(建档立卡|贫困户).{0,8}(评定|评|认定|识别)?.{0,4}(标准|要求)", strong=True
    ),
    _cue("leaving_dibao", r"脱贫(后|了以后|以后)", r"(还|享受|政策)", strong=True),
    _cue("leaving_dibao", _DIBAO, r"(拿不到|领不到|没得了|不发了|(?<!还)没了)", strong=True),
    _cue(
        "dibao_standard",
        r"(低保金|低保标准|低保)",
        r"(调整|调高|提高|涨一涨|该涨|也应该涨)",
        strong=True,
    ),
    _cue("objection", r"(驳回|给一个说法|给个说法|讨个说法|讨一个说法)"),
    # "隔壁能领，我家瘫在床的咋就评不上": a grievance about a decision, with or without 低保
    _cue(
        "objection", r"(评不上|没评上|评不到|没评到|批不下来)", r"(咋|为啥|为什么|凭啥|凭什么|怎么)"
    ),
    # "为什么我申请了三年，一直没有申请下来，也没有批复": a decision never given, asked why
    _cue(
        "objection",
        r"(没有?申请下来|申请不下来|没有?(?:给予?)?批复|没有?批下来|一直没批)",
        r"(咋|为啥|为什么|凭啥|凭什么|怎么)",
        strong=True,
    ),
    # "为啥他家每月领三百，我家才两百": amounts differ by the income gap and the class
    _cue(
        "dibao_amount",
        r"(为啥|为什么|咋个?|怎么)",
        r"(领|得|拿|发|补)",
        r"([0-9]+|[一二三四五六七八九两]百)[^0-9一二三四五六七八九两。？?]{1,16}(才|只|就|却)[^，。]{0,4}"
        r"([0-9]+|[一二三四五六七八九两]百)",
    ),
    # "打零工时有时无，这咋算": how an income counts
    _cue(
        "income_counted",
        r"(打工|零工|收入|挣|工资|做活|务工|养殖|种地)",
        r"(咋算|怎么算|如何算|咋个算|啷个算|怎样算)",
        strong=True,
    ),
    # "一个月挣三万算不算贫困": the bar of poverty
    _cue("poverty_line", r"收入[^，。]{0,10}算(?:不算)?(?:是)?(?:贫困|穷|困难户)", strong=True),
    # a mental illness or a learning disability and what is given for it
    _cue(
        "disability_living_subsidy",
        r"(精神病|精神残疾|精神障碍|智障|智力残疾|傻子)",
        r"(政策|补贴|补助|待遇|优惠|照顾)",
    ),
    # "只要走得动就不去申请低保": who may apply, and that asking is no shame
    _cue(
        "who_qualifies",
        r"(不想|不去|不会去|不愿意?|不打算)[^，。]{0,3}(申请|办|吃)[^，。]{0,2}低保",
    ),
    # a child about to leave school for want of money
    _cue(
        "supplement_student",
        r"(辍学|读不起书|上不起学|供不起[^，。]{0,4}(读书|上学)|学费[^，。]{0,4}(交不起|凑不齐|没得|没有))",
    ),
    _cue("where_to_apply", r"(恳请|请求|希望|求求)政府.{0,6}(帮助|帮忙|救助)"),
    _cue(
        "dibao_classes",
        r"(低保|低保对象|低保户)",
        r"(分|分为|分成)(?:了)?.{0,2}(哪几|几|等级|级别|类型|档)",
        strong=True,
    ),
    _cue("major_disease", r"(医疗救助|医保扶贫|健康扶贫)", strong=True),
    _cue(
        "where_to_apply",
        r"(残疾|残疾人|残疾证).{0,6}(如何|怎么|咋个|怎样)(办|申请)低保",
        strong=True,
    ),
    _cue(
        "who_qualifies",
        r"(多少岁|几岁|什么条件|啥条件).{0,10}(可以|能)(领|吃|申请)低保",
        strong=True,
    ),
    _cue(
        "expenditure_poverty",
        r"(白血病|癌|尿毒症|重病|大病|肿瘤)",
        r"(能|可以|可不可以|能不能)(申请|吃|办)低保",
        strong=True,
    ),
    _cue(
        "objection",
        r"(去世|死了|过世|不在了).{0,12}(还在|仍然|仍|照样|还)[^，。]{0,3}(领|吃|拿)",
        strong=True,
    ),
    _cue("income_counted", r"(属于|算).{0,4}(啥|什么|哪种|哪类)?收入", strong=True),
    _cue("income_counted", r"收入.{0,8}(何人|谁的|哪些人的|怎么算|超标)", strong=True),
    _cue("tekun", r"(特困|五保)", r"(多少|好多|几多)", strong=True),
    # The papers to bring, whatever else is named (审核, 年审 …): what is asked is the list.
    _cue(
        "documents",
        r"(要|需要|得|准备|带|交|提供)[^，。？?]{0,3}(哪些|什么|啥子?|些啥)[^，。？?]{0,2}"
        r"(材料|资料|证件|证明|手续)",
        _HELP + r"|申请|审核|年审",
        strong=True,
    ),
    # A 低保 household that splits (a child marries and moves out): the change is reported.
    _cue(
        "report_changes",
        r"(低保户|低保家庭|吃低保的|吃低保)",
        r"(分户|分家|分开立户|户口分|迁出|迁走)",
        r"(怎么办|咋办|咋个办|要不要|还能|还可以|影响|怎么处理|会不会)",
        strong=True,
    ),
    # 监测户 (households watched for falling back into poverty): the county's text has the
    # returned-to-poverty rule.
    _cue("returned_to_poverty", r"(监测户|监测对象|防返贫|返贫监测)", strong=True),
    # What 低保 asks of a house: the assets rule.
    _cue(
        "assets",
        _DIBAO,
        r"(住房|房子|房屋|住的房)(?!补贴|补助|保障|救助)[^，。]{0,4}(标准|要求|条件|规定|限制)",
        strong=True,
    ),
    # One's own payment that stopped or has not come: why 低保 stops and where to ask.
    _cue(
        "disability_living_subsidy",
        r"残疾.{0,10}(补贴|补助)",
        r"(取消|停了|停发|没了|没有了|不给了|没发|没到|为何|为什么|不能吃|不能领|不能享受)",
        strong=True,
    ),
    _cue(
        "disability_living_subsidy",
        r"低保.{0,10}(不能|不可以|不准).{0,6}(残疾|残疾人).{0,6}(补贴|补助)",
        strong=True,
    ),
    _cue(
        "leaving_dibao",
        r"(低保|低保金|低保补贴|低保卡|低保的钱)",
        r"(没到帐|没到账|还没到|没有进账|没进账|没打钱|不发了|停发|断了|没有?见到)",
        r"^(?!.*(他家|别人|有的人|有人|人家|他们家|村干部))",
        strong=True,
    ),
    # Complaints about someone else's 低保, a refusal or a cancellation: how to object.
    _cue(
        "objection",
        r"(低保|补贴|补助|救助|名额|低保金|低保户|低保证)",
        r"(不上报|驳回|有关系|不合理|不合法|糊涂账|受之有愧|哪里需要|难道|开公司|开着轿车|住着楼房|"
        r"买了楼房|没领到|从来没领|领不到|没到帐|没到账|还没到|代领|拿去办|一分钱.{0,6}没|给个说法|"
        r"一个说法|讨个说法|不给我|没给我|村委会说|不公)",
        strong=True,
    ),
    _cue("objection", _DIBAO, _COMPLAINT, strong=True),
    # "困难的人没有被列为贫困对象", "精准扶贫户都是些有钱人": who was put on the list
    _cue(
        "objection",
        r"(?:没有|没|未)被[^，。]{0,6}(?:列为|纳入|评为|列入)[^，。]{0,6}(?:贫困|低保|帮扶|救助)",
        strong=True,
    ),
    _cue(
        "objection",
        r"(?:贫困户|扶贫户|低保户|建档立卡户)[^，。]{0,6}(?:有钱|富裕|富人|条件好|有车|有房|开车)",
        strong=True,
    ),
    _cue(
        "objection",
        r"(取消|取掉|停了|停发)",
        r"(没人通知|没通知|不通知|没打钱|没有打钱)",
        strong=True,
    ),
    _cue("who_decides", _DIBAO, r"(说了算|谁说了算|谁定|谁批)"),
    # a story of another household's hardship ("两个老人…靠捡垃圾为生"): who can get help
    _cue(
        "who_qualifies",
        r"(两个[^，。]{0,4}老人|一位[^，。]{0,4}老人|这家人|这户|该户|他们家|她们家|他家|她家|这个家庭|一个家庭)",
        r"(残疾|智障|瘫|重病|捡垃圾|为生|生活来源|可怜|无依无靠|没人管|过不下去)",
    ),
    _cue(
        "registered_poor_vs_dibao",
        r"((低保户?|低保家庭).{0,2}(算不算|是不是|就是|算)(建档立卡|贫困户)"
        r"|(建档立卡|贫困户).{0,2}(是不是|就是|是|算)(低保户?)(吗|不|嘛)?)",
        strong=True,
    ),
    _cue("who_qualifies", r"(哪些|什么|啥子?)(情形|情况|人).{0,6}(不能|不可以|不得|不予)", _DIBAO),
    _cue("who_qualifies", r"(病|患者|病人|精神|癌|瘫|离异|离婚|单亲|孤儿|老人)", _CAN, _DIBAO),
    _cue(
        "who_qualifies",
        r"(离异|离婚|离了婚|单亲|孤儿|留守|寡妇|光棍|单身|五保)",
        _DIBAO,
        r"(吗|嘛|不|没|呢|[?？]|还是|算|属于)",
    ),
    _cue(
        "who_qualifies",
        r"(可以|能|可不可以|能不能).{0,4}(申请|办|吃|享受).{0,4}(低保|贫困补助|补助|救助)",
        general=True,
    ),
    _cue("what_is_dibao", _DIBAO, r"(个人|一个人).{0,8}(一家|全家|家庭|家里)"),
    _cue("dibao_amount", _DIBAO, r"(差额|补差)"),
    _cue("disability_living_subsidy", r"(两项补贴|两补|残疾.{0,8}补贴)"),
    _cue("report_changes", _DIBAO, r"(查出|发现|有了).{0,6}(工资|收入|车|房)"),
    # Supervision: the list, objections, privacy.
    _cue("privacy", _PUBLIC, r"(身份证|电话|隐私|个人信息|号码)"),
    _cue("objection", _PUBLIC, _UNFAIR),
    _cue("objection", r"不公平"),
    _cue(
        "objection",
        _DIBAO,
        r"(不公平|不公|关系户|人情|优亲厚友|走后门|不该吃|不应该|凭什么|凭啥|举报|投诉|猫腻|不服)",
    ),
    _cue("objection", r"(举报|投诉).{0,10}(低保|贫困户|村干部|村支书|村长)"),
    # "他家条件改变了为啥不退出？我不服": someone who should have left the list
    _cue(
        "objection",
        r"(不退出|没退出|不退|还在吃|还在领|还不退)",
        r"(为啥|为什么|凭啥|凭什么|咋个?|怎么|不服|不公)",
        strong=True,
    ),
    # "好脚好手为什么要白拿政府的钱": who should get 低保, said as a grievance
    _cue("who_qualifies", r"(好脚好手|好手好脚|白拿[^，。]{0,4}(?:政府|国家)的?钱)"),
    _cue("objection", r"(结果|评|评议|审批|没评上|没批)", r"(不服|有意见|不公|不满意)"),
    _cue("publicity", _PUBLIC, r"(哪里|哪儿|在哪|看|查|要不要|会不会|贴)"),
    _cue("publicity", _PUBLIC, _DIBAO),
    _cue("classified_supplement", r"(分类重点救助|重点救助金|分类救助金|分类救助)"),
    _cue(
        "review_cycle",
        r"([ABC]类|[abc]类|[一二三]类)",
        r"(几个月|多久|多长时间|一年|每年|几次|半年|季度).{0,4}(查|审|核)",
    ),
    _cue("dibao_classes", r"([ABC]类|[abc]类|[一二三]类|分类施保|分类)"),
    # The standard, the amount, income and assets.
    _cue(
        "poverty_line",
        r"(符不符合|够不够|算不算|什么|啥|哪些|哪样)[^，。]{0,4}(贫困户|建档立卡户?)[^，。]{0,2}(条件|标准)",
        strong=True,
    ),
    _cue("poverty_line", r"(贫困线|扶贫标准|脱贫标准|贫困标准)"),
    # "贫困户退出的条件跟去年不一样了?都是啥条件": what leaving the poor list asks
    _cue(
        "poverty_line",
        r"(贫困户|建档立卡户?|脱贫)[^，。]{0,6}(?:退出|出列|脱贫)?的?(?:条件|标准)",
        strong=True,
    ),
    _cue("leaving_dibao", r"(超过|高于|超了|超出).{0,6}标准", r"(还能|还可以|吃|退|取消)"),
    _cue("leaving_dibao", r"(条件好了|收入高了|好起来了|有钱了|脱贫了|日子好了)", _DIBAO),
    _cue("dibao_standard", _DIBAO, r"(标准|线)"),
    _cue(
        "basic_pension",
        r"(养老金|养老钱|养老保险|老年补贴|退休金|高龄补贴)",
        r"(算|计|影响|收入|还能|能不能|可不可以)",
        strong=True,
    ),
    _cue(
        "poverty_job_wages",
        r"(公益岗|公益性岗位|扶贫车间|扶贫工厂|护林员|保洁员|扶贫岗)",
        r"(收入|算|工资|钱)",
    ),
    _cue("poverty_job_wages", r"(公益岗|公益性岗位|扶贫车间|扶贫工厂|扶贫岗)"),
    # "我是村里的水管员 … 一年领六千工资": a village post's wages
    _cue(
        "poverty_job_wages",
        r"(?:村里|村上|组上|村)的?[^，。]{0,3}(?:水管员|管水员|护林员|保洁员|护路员|巡河员|巡山员)",
        r"(工资|工钱|收入|领|发|块|元)",
    ),
    # "当护林员一个月几百块，算不算收入": the post names the scheme, whatever else is said
    _cue(
        "poverty_job_wages",
        r"(护林员|保洁员|护路员|公益岗|公益性岗位|扶贫车间|扶贫岗)",
        r"(算不算|算收入|算进|计入|收入)",
        strong=True,
    ),
    # "低保户里残疾的老的有额外的补助": the classified supplement on top of 低保
    _cue(
        "classified_supplement",
        _DIBAO,
        r"(残疾|老的|老人|学生|娃儿|重病)",
        r"(额外|另外|另加|加发|多[领拿发给]|单独[^，。]{0,2}补)",
    ),
    # "我哥残疾一直跟我们过 … 他就吃不到低保": the disabled member living with the family
    _cue(
        "separate_household",
        r"(残疾|瘫|重病|智障|智力|精神病)",
        r"(跟我们|和我们|同我们|一起)[^，。]{0,6}(过|住|生活|吃)",
        _DIBAO,
    ),
    _cue(
        "poverty_job_wages",
        r"(公益岗|公益性岗位|扶贫车间|扶贫工厂|扶贫岗)",
        _DIBAO,
        r"(冲突|影响|矛盾|能不能|可不可以|能否|算不算|还能|同时)",
        strong=True,
    ),
    _cue(
        "family_members",
        r"(在外|外出|出去|打工|嫁出去|读书|分家|当兵)",
        r"(算不算|算不算是|算几口|是不是).{0,6}(屋头|家里|家庭|家)?的?(人|成员|口)",
    ),
    _cue("family_members", r"(户口|家庭成员|几个人算|哪些人算|算几口|嫁出去|分家)"),
    _cue(
        "income_counted", r"(收入|挣的钱|工资|打工)", r"(算不算|怎么算|咋个算|计不计|算哪些|哪些算)"
    ),
    _cue(
        "assets",
        r"(存款|存钱|车子|小车|汽车|轿车|货车|摩托|踏板|电瓶车|三轮|房子|商铺|门面|楼房)",
        _CAN + r"|没批|没有批|不批|评不上|没评上",
        _DIBAO,
    ),
    _cue("expenditure_poverty", r"(看病|医药费|医疗费|开支|花销)", r"(好多钱|大|多)", _DIBAO),
    _cue(
        "dibao_amount",
        _DIBAO,
        r"(一个月|每月|每个月|一年|能|可以|补|发|领|拿|给).{0,6}(好多|多少|几多|几百)",
    ),
    _cue("dibao_amount", r"(好多|多少|几多)钱", _DIBAO),
    _cue("dibao_amount", _DIBAO, r"生活费", r"(多少|好多|几多)"),
    # Who is who: the village, the departments, 五保, 三保障, 建档立卡.
    _cue(
        "village_monitoring",
        r"(村上|村里|村干部|村委|村支书|村主任)",
        r"(监测|复查|复核|负责|采集|上报)",
    ),
    _cue("village_monitoring", r"返贫监测"),
    _cue("returned_to_poverty", r"(返贫|又穷|又困难|脱贫.{0,6}(又|再))"),
    # "脱了贫还管不管我们": help goes on after leaving poverty, and a fall back is watched for
    _cue("returned_to_poverty", r"脱了?贫", r"(还管|管不管|不管了|没人管|还帮|还扶|还有人管)"),
    _cue("review_cycle", _DIBAO, r"(复查|核查|审核|年审|复核|复审|多久查|每年.{0,4}查|重新评)"),
    _cue("tekun", r"(五保|特困|孤寡|无儿无女|孤老)", strong=True),
    # "五保户住在养老院就有哪些条件": who is supported, and where
    _cue("tekun", r"(五保|特困)", r"(养老院|敬老院|集中供养|分散供养|条件|哪些|什么|怎么|咋个)"),
    # "低保学生可以申请助学金吗": what a pupil of a 低保 household gets
    _cue(
        "supplement_student",
        r"(学生|读书|上学|大学|高中|初中|娃儿)",
        r"(助学金|资助|助学|补助|补贴|救助)",
        _DIBAO,
    ),
    # "哪些病可以申请救助": which illnesses the medical assistance covers
    _cue("major_disease", r"(哪些病|什么病|啥子病|哪种病|啥病)", r"(救助|补助|报销|帮扶|补贴)"),
    # "为什么同村的低保都不一样": the classes of 低保
    _cue("dibao_classes", _DIBAO, r"(不一样|不同|有多有少|有高有低|差别|差这么多|分[几类档])"),
    # "怕以后没人照顾我", "我们百年之后他怎么办", "吃饭穿衣都有人管": care when no one is left
    _cue(
        "tekun",
        r"(没人照顾|没有人照顾|无人照顾|百年之后|自顾不暇|吃饭[^，。]{0,3}穿衣[^，。]{0,3}有人管)",
    ),
    _cue("three_guarantees", r"(三保障|两不愁)"),
    _cue("three_guarantees", r"(三保障|两不愁)", r"(什么|啥|是指|意思|哪些|哪三)", strong=True),
    _cue(
        "registered_poor_into_dibao",
        r"(贫困户|建档立卡|建卡户|精准扶贫户).{0,12}(吃|纳入|评|享受|办|进|转)?.{0,4}" + _DIBAO,
    ),
    _cue(
        "dibao_into_registered_poor",
        _DIBAO + r".{0,14}(评|纳入|转|进|成|当|算|建).{0,6}(贫困户|建档立卡|建卡)",
    ),
    _cue(
        "registered_poor_vs_dibao",
        r"(贫困户|建档立卡)",
        _DIBAO,
        r"(区别|不同|一样|啥关系|什么关系|两个)",
    ),
    _cue(
        "supplement_elderly",
        r"(\d0岁以上|[七八九]十岁以上|[七八九]十多岁|[七八九]十几岁)的?老人|"
        r"老人[^，。]{0,3}(\d0多岁|[七八九]十多岁|[七八九]十几岁|[七八九]十岁以上)",
        r"(补助|补贴|钱|待遇)",
    ),
    _cue(
        "registered_poor_vs_dibao",
        r"(什么|啥子?)(是|叫)(贫困户|建档立卡户?)|(贫困户|建档立卡户?)是(什么|啥)",
        strong=True,
    ),
    # "低保户有哪些优惠政策": what a 低保 household gets besides the money
    _cue(
        "dibao_benefits",
        r"(低保户|低保家庭|低保人员|低保对象|吃低保的|低保的人|评上低保|成了低保)",
        r"(哪些|哪几|什么|啥子|啥|些啥)",
        r"(优惠|政策|待遇|好处|福利|照顾|补贴|补助|帮扶|救助)",
        # one benefit named is that benefit's question
        r"^(?!.*(?:残疾|医保|医疗|看病|病|药|临时|急难|灾|火|老人|岁|学|儿童|孩子|娃|住院|分类|标准|多少|好多|几多))",
        strong=True,
    ),
    _cue("charity", r"(慈善|社会捐助|爱心|捐款|红十字|救助基金|基金会)"),
    _cue("who_runs", r"(哪个部门|归哪个|谁管|哪个管|哪个单位)", r"(低保|扶贫|救助|残疾|贫困|补贴)"),
    _cue("what_is_dibao", r"(什么是|啥子是|啥是|是啥|是什么|什么叫|啥叫)" + _DIBAO),
    _cue("what_is_dibao", _DIBAO + r"(是什么|是啥|是啥子|是个啥)"),
    _cue("who_qualifies", _DIBAO, r"(条件|资格|哪些人|什么人|啥子人|啥人|够格)"),
    # The procedure: only about 低保 or help, never "结婚登记在哪里办".
    _cue(
        "documents",
        _HELP,
        r"(材料|资料|证件|手续|证明|带什么|带啥|带些啥|准备什么|准备啥|准备些啥)",
        general=True,
    ),
    _cue(
        "how_long",
        _HELP + r"|申请|审批|批",
        r"(多久|多长时间|好久|几天|几个月|什么时候|啥时候|咋个还没|怎么还没|还没批|还没下来|没消息|没动静)",
        general=True,
    ),
    _cue("who_decides", r"(谁|哪个|哪些人|哪里).{0,4}(审批|批|定|决定|说了算)"),
    _cue("apply_by_sms", r"(短信|手机|电话|网上|微信).{0,6}(申请|登记|报名)"),
    _cue(
        "where_to_apply",
        _HELP,
        r"(哪里|哪儿|在哪|找哪个|找谁|哪个部门|找哪里|去哪).{0,6}(申请|办|报|问|登记)",
        general=True,
    ),
    _cue("where_to_apply", _HELP, r"(怎么|怎样|咋个|咋|如何)(申请|办理|报)", general=True),
    _cue("where_to_apply", _HELP, r"(找哪个部门|该找哪个|找哪个单位|找哪里|找谁)", general=True),
    _cue(
        "report_changes",
        r"(变了|变化|情况变|添了|多了个|少了个|出生|去世|死了|结婚|搬走|外出)",
        r"(报|说|讲|告诉|要不要|咋个办|怎么办)",
        r"(低保|家里|屋头|情况)",
    ),
    _cue(
        "leaving_dibao",
        _DIBAO,
        r"(取消|退出|退掉|停了|停发|没得了|没有了|不给了|拿掉|刷掉|清退|退了)",
    ),
    # Fifth round: a vehicle and 低保; whether one is on the list; a 公益岗 wage beside 低保;
    # a disability assessed (评残) and its money; no work and no 低保; who keeps a disabled
    # person; the rounds of the offices with nothing done; what the state gives a poor household.
    _cue("assets", _DIBAO, r"(车|摩托|小车|轿车)"),
    _cue(
        "publicity",
        r"(查|看|晓得|知道)",
        r"(是不是|有没有|有莫得|算不算)[^，。]{0,3}" + _DIBAO + r"(对象|户|名单)?",
    ),
    _cue(
        "poverty_job_wages",
        r"(安排的?[^，。]{0,3}活|公益岗|公益性岗|扶贫岗|护林员|保洁员)",
        r"(工资|钱|块)",
        _DIBAO,
    ),
    _cue("disability_living_subsidy", r"(评残|评了残|鉴定了残|办了残疾)", _MONEY),
    _cue(
        "who_qualifies",
        r"(没事做|没活路|没得活路|找不到活|没收入|没得收入|没工作)",
        r"(属|算|是)[^，。]{0,3}什么|(?:不属|不算|够不够|算不算)[^，。]{0,2}" + _DIBAO,
    ),
    _cue(
        "separate_household",
        _DISABLED + r"|瘫|卧床|重病",
        r"(谁来养|谁养|哪个养|哪个管|谁来管|谁管|养活|没人养|没人管)",
    ),
    _cue(
        "how_long",
        r"(跑了|去了|找了)[^，。]{0,4}(\d|一|两|二|三|四|五|几|好几|多)\s*(趟|回|次)",
        r"(进展|结果|消息|动静|回音|下文|办成|批)",
        strong=True,
    ),
    _cue(
        "how_long", _HELP + r"|办", r"(咋这么难|怎么这么难|为啥这么难|这么难办|太难了|难得很|难办)"
    ),
    _cue(
        "registered_poor_vs_dibao",
        r"(贫困户|建档立卡|建卡户)",
        r"(国家|政府|一年|每年|一个月)[^，。]{0,6}(补|给|发)[^，。]{0,6}(多少|好多|几多)",
    ),
)

# Groups of answers a question may be near, for the reply that says what can be answered.
NEAR: tuple[tuple[str, str, str], ...] = (
    ("看病的救助", _ILL + r"|医保|报销|病", "大病救助、医保补贴、医保目录外的费用"),
    ("残疾人的补贴", _DISABLED, "困难残疾人生活补贴、重度残疾护理补贴、分户纳入低保"),
    ("突发困难", _DISASTER + r"|" + _ACCIDENT, "临时救助、遭了大灾怎么办、救急难"),
    ("公示和监督", _PUBLIC + r"|" + _UNFAIR, "名单在哪里公示、有意见怎么反映、会不会公开身份证号"),
    ("低保的钱", _DIBAO + r".{0,8}" + _MONEY, "低保标准、一个月能领多少、老人学生另加的钱"),
    (
        "扶贫",
        r"(扶贫|贫困户|建档立卡|脱贫)",
        "建档立卡和低保的区别、贫困户能不能吃低保、返贫怎么办",
    ),
    ("低保", _DIBAO, "低保标准、哪些人可以申请、到哪里申请、要带什么材料"),
)


# 低保 as residents mistype it by sound (地宝, 低宝, 底保 …): read as 低保.
_MISSPELT = re.compile(r"(地宝|低宝|底保|抵保|低包|地保(?!护))")


def spelled(text: str) -> str:
    """The message in simplified characters, 低保 as misspelt ("地宝") put right."""
    return _MISSPELT.sub("低保", simplified(text or ""))


def topic_by_terms(text: str, exclude: str | None = None) -> str | None:
    """The answer key whose cue the message holds, most specific first; None if none.
    ``exclude``: a key not to give (a follow-up asks something else than the last answer)."""
    text = spelled(text)
    best: tuple[bool, int, int] | None = None
    for index, cue in enumerate(CUES):
        if cue.key != exclude and all(p.search(text) for p in cue.patterns):
            rank = (cue.strong, cue.weight, -index)
            if best is None or rank > best:
                best = rank
    return CUES[-best[2]].key if best else None


def strong_topic(text: str) -> str | None:
    """The key of a strong cue the message holds (a complaint, a named term), else None."""
    key = topic_by_terms(text)
    cues = [c for c in CUES if c.key == key and c.strong]
    text = spelled(text)
    return key if any(all(p.search(text) for p in c.patterns) for c in cues) else None


# Questions near the policy that it does not answer: pensions, social insurance, marriage,
# funerals, payment days. Declined unless a strong cue says otherwise.
_OUTSIDE = re.compile(
    r"(养老保险|社保|合作医疗.{0,8}(几月|什么时候|哪天|交多少)|几号发|几月份|结婚证|离婚|"
    r"身份证.{0,6}(泄露|丢|补办)|户口迁|去世.{0,8}(补助|丧葬)|丧葬费|安葬费|上涨.{0,4}元|高龄(?:补贴|津贴|补助|老人补|金)|"
    r"公租房|廉租房|住房补贴|(什么时候|几号|哪天|几月份?)发放?|"
    # the day the money arrives ("我的低保钱啥时下来"): the township window knows
    r"(?:低保|补助|补贴)钱[^，。]{0,3}(?:啥时|啥子时候|什么时候|几时)候?(?:下来|到|发|打)|"
    # The national low-income population (低收入人口) came after the county's 2017 text.
    r"低收入(人群|人口|群体|家庭|户)[^，。]{0,6}(哪|什么|啥|几类|包括|指|定义|范围|划分)|"
    r"(什么|啥子?)(叫|是)低收入|"
    # Other offices' schemes the county's text does not touch: relocation, loans, farm
    # subsidies and land, employment insurance, school aid, family planning, orphans,
    # legal aid. A strong policy term in the same message, or a wish to apply, wins.
    r"拆迁|宅基地|土地确权|承包地|土地流转|社保卡|医保卡|残联[^，。]{0,4}(?:归|属于)|"
    # industry projects and a village's way out of poverty: not the county's 2017 text
    r"产业扶贫|产业项目|养殖项目|种植项目|技术指导|(?:何时|什么时候|哪年)才?能?脱贫|"
    r"事实无人抚养|孤儿[^，。]{0,6}(?:补[助贴]|基本生活费|标准|多少)|留守儿童[^，。]{0,6}(?:补|政策))"
)


# Schemes of other offices, whatever else the message says: funeral grants (殡葬), the
# rebuilding of unsafe houses (危房改造, housing and construction), care homes, whether to
# pay into the pension insurance.
_HARD_OUTSIDE = re.compile(
    r"(丧葬费|安葬费|丧葬补助|殡葬|危房改造|危房[^，。]{0,6}拆|养老院|耕地地力|地力保护|种粮补贴|粮食补贴|"
    r"抚恤|退伍军人|优抚|继承权|赡养协议|城市低保|城镇低保|^(?!.*低保).*贫困生|助学金|奖学金|"
    r"(?:大学|学校)[^，。]{0,8}(?:贫困|困难)[^，。]{0,8}(?:写|填)|"
    r"^(?!.*(?:扶贫|救助|贫困|低保|建档立卡)).*(?:报销比例|报销标准|能报多少|报多少|医疗保险.{0,6}政策)|"
    # how the medical insurance itself works: days in hospital, outpatient cover, the premium
    r"^(?!.*(?:扶贫|救助|贫困|低保|建档立卡|困难|补贴|资助|减免)).*(?:"
    r"住院?[够满][^，。]{0,4}天|住院[^，。]{0,4}天[^，。]{0,4}才|(?:特病|慢病|特殊病|门诊)[^，。]{0,8}报销|报销[^，。]{0,4}门诊|"
    r"(?:合作医疗|新农合|医保|医疗保险)[^，。]{0,8}(?:缴费|交费?|缴)[^，。]{0,6}(?:多少|好多|几多|标准))|"
    r"^(?!.*(?:低保|补贴|补助)).*残疾证.{0,6}(?:标准|怎么评|评定)|"
    r"养老保险[^，。]{0,8}(?:划算|要不要|交不交|值不值)|交[^，。]{0,4}养老保险[^，。]{0,6}(?:划算|值)|"
    # relocation, loans, farm subsidies and land taken, work injuries and unemployment,
    # school meals and loans, family planning, legal aid
    r"易地扶贫搬迁|易地搬迁|搬迁[^，。]{0,6}补|小额信贷|扶贫贷款|贴息贷款|贷款贴息|雨露计划|农机补贴|"
    r"良种补贴|退耕还林[^，。]{0,6}(?:补|钱)|征地|工伤|失业金|失业保险|灵活就业|生育保险|两免一补|"
    r"营养餐|助学贷款|计划生育|独生子女|失独|法律援助|打官司|"
    # roads, water, power and signal; compensation for land and crops; the certificate of a
    # disability itself; festival gifts; grain levies
    r"(?:路|公路|道路|村道)[^，。]{0,8}硬化|修路|路灯|自来水|饮水工程|吃水难|通电|停电|通网|没信号|信号[^，。]{0,4}(?:差|不好|弱|没得|没有)|(?:家里|屋头|屋里)[^，。]{0,6}打不出去|电压|"
    r"田地补偿|土地补偿|青苗补偿|补偿款|残疾(?:人)?(?:认证|鉴定)|(?<![没未])(?:办|评)残疾证|残疾证[^，。]{0,4}(?:怎么|咋个?|在哪|哪里)办|"
    r"(?:节日|过节|春节)[^，。]{0,12}(?:礼物|慰问品|东西)|慰问金|公粮|"
    # births and childcare subsidies; building one's house
    r"撤点并校|学校[^，。]{0,4}(?:撤并|合并)|(?:撤并|合并)[^，。]{0,4}学校|"
    r"二胎|三胎|生育补贴|育儿补贴|违建|违章建筑|建房审批|宅基地[^，。]{0,4}(?:证|审批|批|划)|盖房子?[^，。]{0,6}(?:审批|手续|批|算不算)|"
    # land taken or to be restored; wages owed; other bureaus named; what insurance repays;
    # the low-rent flats some call 低保房
    r"(?:土地|田地|田土|耕地|林地|山林)[^，。]{0,6}(?:被?占用?了?|被征|征收|征用|复耕|测量)|"
    r"讨要工资|讨薪|欠薪|拖欠[^，。]{0,4}工资|工资[^，。]{0,4}(?:拖欠|要不到|没给|不给)|工钱[^，。]{0,4}(?:没给|不给|要不到)|"
    r"住建局|规划局|执法局|城管|国土局|自然资源局|交通局|水利局|环保局|公安局|派出所|法院(?![^。！!]{0,20}(?:没有?钱|救|治|病|医))|"
    r"异地就医|低保房|信访|水滴筹|轻松筹|众筹|"
    # how the medical insurance pays (its threshold, care away from home, the 两病 scheme),
    # a village's roads and drains, a certificate's grade re-assessed
    r"门槛费|起付线|异地[^，。]{0,4}(?:住院|就医|看病|报销)|回本地[^，。]{0,6}报销|两病|转诊|"
    r"(?:路|公路|道路|小路)[^，。]{0,8}(?:拓宽|加宽|修宽)|排水沟|水沟|修条路|重新评级|重新鉴定|"
    # veterans' and unemployment schemes
    r"退役士兵|退役军人|退伍|复员|转业军人|失业补助|失业补贴|就业补助|"
    # who gets a public-welfare post (employment's), the pension insurance's accounts and
    # contributions, retiring on a pension
    r"公益性?岗位?[^，。]{0,12}(?:优先对象|申请条件|什么条件|符合条件|怎么报名|招聘|招人)|"
    r"养老保险[^，。]{0,8}(?:账户|缴费|补缴|转移|转回|改名|名字)|(?:没交|没有交|补交|补缴)社保|"
    r"社保[^，。]{0,6}(?:补交|补缴|转移|转回)|正常退休|退休[^，。]{0,4}(?:手续|年龄)|"
    # a post's pay rise; how the medical insurance is bought, stopped and repaid, deposits
    r"(?:公益性?岗位?|护林员|保洁员|护路员|水管员)[^，。]{0,10}(?:收入|工资)[^，。]{0,6}(?:增加|涨|提高|上调)|"
    r"(?:医疗保险|医保|合作医疗|新农合)[^，。]{0,8}(?:必须|全家|家人都|单独买|单独交|停了|断了|再交|补交|续交)|"
    r"报销[^，。]{0,3}(?:区别|不同|差别|一样吗)|押金|"
    # days in hospital a scheme asks for, loans of any kind, screenings and check-ups
    r"住院[^，。]{0,4}(?:多少|几)天|无息贷款|(?:申请|办)[^，。]{0,4}贷款|"
    r"贷款[^，。]{0,6}(?:申请|流程|怎么|利息|额度)|(?:能|可以)贷款|贷款[^，。]{0,2}(?:不|吗)|筛查|体检|"
    # a disability certificate or a wheelchair to apply for (the disabled persons' federation);
    # damage by a road and its compensation; a sick animal; a bill waiting for approval
    r"^(?!.*(?:补贴|补助)).*(?:想|要)[^，。]{0,6}办[^，。]{0,2}残疾证|申请[^，。]{0,3}轮椅|"
    r"^(?!.*(?:失火|火灾|着火|烧|洪|灾|塌|垮)).*(?:怎么赔|赔[^，。]{0,2}(?:个?说法))|"
    r"(?:房屋?|房子)[^，。]{0,6}(?:挖坏|震坏|损坏|震裂)|"
    r"兽医|(?:羊|猪|牛|鸡|鸭|鹅|兔)[^，。]{0,6}(?:溃烂|生病|病了|瘟|病死)|"
    # wild animals in the fields (forestry's damage scheme)
    r"^(?!.*(?:低保|救助|五保|特困)).*(?:野猪|野生动物)[^。]{0,12}(?:庄稼|地里|糟蹋|拱|吃了|毁|祸害|保护)|"
    r"医药费[^，。]{0,8}(?:报批|审批)|"
    # cadres reported for other money than ours (the discipline inspectors')
    r"^(?!.*(?:低保|救助|五保|特困)).*(?:"
    r"举报[^，。]{0,6}(?:村干部|村两委|村支书|书记|主任|村长)|"
    r"村干部[^，。]{0,6}(?:截留|扣[着了]|黑了|贪|回扣)|截留|纪委|回扣)|"
    # land taken (said the other way round), farm and crop subsidies, family planning's
    # lists, an epidemic's lockdown
    r"征用[^，。]{0,4}(?:土地|田|地)|避孕|节育|结扎|上环|"
    # cigarettes asked as a favour's price, unpaid wages on a card, moving house
    r"(?:要|拿|送)[^，。]{0,2}烟|(?:卡上|卡里)[^，。]{0,4}没有?钱|领到[^，。]{0,4}(?:去年|今年)?的?工资|"
    r"(?:工资|补助|补贴)[^，。]{0,6}(?:没到|没发|还没领|没领到)|想搬到|"
    # online lessons, a passbook's entries and money docked, the resettled's grants, a
    # village head's land and funds, help with a phone's photos
    r"^(?!.*(?:低保|救助|五保|特困)).*(?:"
    r"灾后重建|重建新村|新村建设|安置房|路[^，。]{0,10}(?:没修|不修|修不好|没修好|没人修)|"
    r"(?:申请|要|领|配)[^，。]{0,4}(?:助行器|拐杖|助听器|假肢)|"
    r"网课|惠农存折|惠农卡|一卡通[^，。]{0,6}(?:名目|看不懂|查)|克扣|扣发|直补|移民[^，。]{0,4}(?:补助|补偿|资金|款)|"
    r"侵占[^，。]{0,4}集体|集体(?:资金|土地|财产)|利用职务|据为己有|"
    r"帮我[^，。]{0,8}(?:拍照|拍个照|传给|发给))|"
    # the household register, a contractor's dispute over an injury, how a hospital bill is
    # repaid by the insurance
    r"^(?!.*(?:低保|救助|五保|特困|残疾)).*(?:"
    r"(?:上|落|办|入)户口|没有?户口|户口[^，。]{0,4}(?:上不了|没上|办不了|落不了)|"
    r"包工头|(?:老板|房主|工头)[^，。]{0,6}(?:不给|不管|跑了|推)|推卸责任|"
    r"住院[^，。]{0,4}(?:怎么|咋个?|如何)报销|报销[^，。]{0,6}(?:需要|要)[^，。]{0,4}(?:哪些|什么|啥)(?:东西|材料|资料)?)|"
    r"^(?!.*(?:低保|救助|残疾|特困|五保)).*(?:"
    r"(?:种|栽|养)了?[^，。]{0,8}[，,]?[^，。]{0,6}(?:补贴|补助)|封城|疫情)|"
    # land let to a company and its rent unpaid, a school closed and its bus, migrant
    # workers' pay, the power line, the water cut, a street's paving
    r"^(?!.*(?:低保|救助|五保|特困|残疾)).*(?:"
    r"土地流转|流转(?:资金|费|款|金|的钱)|撤[^，。]{0,3}学校|学校[^，。]{0,3}(?:撤了|没有了|撤掉)|校车|"
    r"(?:帮帮|求助)[^。]{0,10}农民工|农民工[^，。]{0,6}(?:工资|工钱)|"
    r"电业局|供电[局所公司]|电线杆|电线|停水|停电|步行街|路面))"
)


def hard_outside(text: str) -> bool:
    """True for a question about another office's scheme ("想进行危房改造，如何申请")."""
    return bool(_HARD_OUTSIDE.search(spelled(text)))


def outside(text: str) -> bool:
    """True for a question next to the policy that it does not answer."""
    if hard_outside(text):
        return True
    return bool(_OUTSIDE.search(spelled(text))) and strong_topic(text) is None


def near_topic(text: str) -> tuple[str, str] | None:
    """(the group's name, the questions it can answer) of the group the message is near."""
    for name, pattern, questions in NEAR:
        if re.search(pattern, spelled(text)):
            return name, questions
    return None


# The helpline answers Fengjie's policy only: a question about another place's amounts or
# rules ("济南市农村低保每月多少钱", "北京二级残疾补助多少钱") is declined, not answered with
# Fengjie's figures.
_PROVINCES = (
    "北京|天津|上海|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|"
    "湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾"
)
_CITIES = (
    "广州|深圳|成都|武汉|西安|南京|杭州|济南|郑州|长沙|合肥|福州|南昌|昆明|贵阳|南宁|兰州|太原|"
    "石家庄|沈阳|长春|哈尔滨|呼和浩特|银川|西宁|乌鲁木齐|拉萨|海口|苏州|东莞|佛山|顺德|青岛|"
    "大连|厦门|宁波|无锡|温州|万州|巫山|云阳|巫溪|开州|开县|涪陵|江北|渝北|万盛|黔江|达州|宜昌|恩施"
)
# Every prefecture-level city, from the Chinese place names phonenumbers keeps for its
# number prefixes ("山东省菏泽市" → 菏泽), so that "菏泽农村低保每月多少钱" is another place's
# question even without 市; names that are everyday words too are left out.
_EVERYDAY = {"大同", "安康", "长治", "白银", "中山", "东方", "三明", "永州", "吉安", "平安", "保山"}


@lru_cache(maxsize=1)
def _prefecture_cities() -> str:
    from phonenumbers.geodata import GEOCODE_DATA  # the library's own table, loaded once

    names = set()
    for prefix, languages in GEOCODE_DATA.items():
        if prefix.startswith("86") and (place := languages.get("zh")):
            city = re.sub(
                rf"^({_PROVINCES})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?", "", place
            )
            city = re.sub(r"(市|地区|盟|自治州|.{1,3}族自治州)$", "", city)
            if 2 <= len(city) <= 4 and city not in _EVERYDAY and not _OURS.search(city):
                names.add(city)
    return "|".join(sorted(names, key=len, reverse=True))


# Where the asker works, studies or is treated is not whose rules are asked about:
# "我在宜宾打工，低保怎么申请".
_STAY = re.compile(
    r"(?:在|到|去|从)([\u4e00-\u9fff]{2,8}?)(?:打工|上班|工作|做活|做工|读书|上学|住院|看病|回来|回家)"
)


def _places(text: str) -> list[str]:
    text = _STAY.sub("", text)
    found = [m.group(0) for m in _PLACE.finditer(text)]
    if cities := _prefecture_cities():
        found += re.findall(f"(?:{cities})", text)
    return found


_PLACE = re.compile(rf"({_PROVINCES}|{_CITIES}|[\u4e00-\u9fff]{{2,3}}(?:省|市|县|自治州))")
_OURS = re.compile(r"(奉节|重庆|本县|全县|该县|我县|城市|超市|本市|全市|该市|我市|县城|市场|城里)")
_RULES = re.compile(
    r"(标准|多少|好多|补助|补贴|政策|条件|规定|新规|流程|怎么申请|如何申请|发放|几号|待遇|涨幅|涨|何时|到位)"
)


def elsewhere(text: str) -> bool:
    """True for a question about another place's amounts or rules; Fengjie's own townships
    ("在羊市中学住校") are no other place."""
    text = text or ""
    places = [p for p in _places(text) if find_township(p) is None]
    return any(not _OURS.search(place) for place in places) and bool(_RULES.search(text))
