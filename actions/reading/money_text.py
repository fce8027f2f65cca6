"""Reading money from what a resident says: income by source, out-of-pocket costs and
assets ("打工一万二，种地三千，养老金每个月一百多"). Pure functions, no I/O.

Each clause (split at commas and the like) is matched to a source by its words; its amount
is read with `parsing.numbers` and brought to a year by `money_amounts` (a clause about a
month, "每个月八百", counts twelve times; pay by the day and rent by the mu are worked out
there too).
"""

from __future__ import annotations

import re
from decimal import Decimal

from actions.reading.allowances import BY_THE_MONTH, alternation
from actions.reading.money_amounts import (
    EACH_ANIMAL,
    EACH_HEAD,
    MONTH,
    WEEK,
    YEAR,
    about_days,
    animal_count,
    by_quantity,
    by_the_job,
    by_the_mu,
    by_the_piece,
    by_the_small_piece,
    by_the_weight_picked,
    by_weight,
    day_earnings,
    months_midpoint,
    people_count,
    per_weight,
    per_year,
    price_first,
    shop_by_the_day,
)
from actions.reading.parsing import _plain, numbers, pauses_as_commas, to_arabic
from actions.reading.people.people_words import KIN_BEFORE_A_FIGURE, kin_words
from actions.reading.speech import DONT_KNOW_WORDS

# Tried in this order; the first source whose words a clause has wins. Money children or
# relatives who live elsewhere send home is a transfer, even when they earn it by 打工.
# Scrap picked up and sold (a dealer's 收废品 is a trade)
_GLEANED = r"(?<!收)(?:废品|破烂)(?!站|收购)|纸壳|纸板|瓶子"
INCOME_SOURCES = {
    "transfers": r"((?<!给人)(?<!给别人)(?<!租)(?<!包)(?<!卖)(?<!借)(?<!说)(?<!贩子)(?<!老板)(?:给|寄|凑[^，。\d]{0,3}(?=\s*(?:\d|一|两|二|三|四|五|六|七|八|九|十|百|千))|(?:打|拿|带).{0,6}回|(?<![零散短少多])打了?(?=\s*(?:\d|一|两|二|三|四|五|六|七|八|九|十|百|千))(?![^，。]{0,4}(?:个月|多月|天|年)[^，。]{0,3}(?:零工|工|小工))|赡养费|生活费|馈赠|帮衬|接济|贴补|打(?:点|些|了点|了些|个)?钱|(?<=[哥姐弟妹舅姑姨叔伯戚家婿])[^，。\d]{0,8}拿了(?=\s*(?:\d|一|两|二|三|四|五|六|七|八|九|十|百|千|万))|过年(?:的时候|回来)?[^，。\d]{0,2}拿(?:了|个)?(?=\s*(?:\d|一|两|二|三|四|五|六|七|八|九|十|百|千|万))|(?:过年过节|逢年过节)[^，。\d]{0,2}拿(?:点|些)|(?:(?<=过年)|(?<=过节)|(?<=过年就)|(?<=过年会))打个(?=\s*(?:\d|一|两|二|三|四|五|六|七|八|九|十|百|千))|(?<!工)打的钱|(?:[妈爸娘]|老汉|父母|丈人|丈母娘?|岳父|岳母)[^，。\d养工退补]{0,6}拿(?:点|些|个|了)(?![^，。]{0,8}(?:养老|退休|补贴|工资))|打来的钱|打过(?=[^，。\d]{0,2}[一两几\d][回次道])|转钱|转账|转了?[^，。]{0,3}钱)(?!了个|我们村|人|我个|我一个|我安排|安排|脸|面子|力|[他她我]?们?(?:办|评|批|报|申请|登记|上报)|[他她我]?[^，。]{0,1}买|[^，。\d]{0,4}(?:店|厂|老板|公司|工地)))",
    "poverty_project_wages": r"(公益岗|公益性岗|扶贫岗|扶贫车间|(?<!厂里)(?<!工厂)车间|扶贫工厂|扶贫项目|护林员|保洁员|护路员|"
    r"就业帮扶|生态护林|乡村公益|扶贫基地|(?:村里|村上|河道|公路|道路|村道|组上)[^，。]{0,4}保洁|护林)",
    "basic_pension": r"(基础养老金|养老金|养劳金|养老钱|老年钱|老年金|社保钱|养老保险|老年补贴|农保)",
    # (遗属补助: a dead worker's pension paid on to the one left, "遗嘱" its common slip)
    "other_pension": r"(退休金|退休工资|职工养老|企业养老|病退|退休的钱|退养|遗[属嘱](?:补助|补贴|生活补助|困难补助|费|金))",
    "business": r"((?<!学)做生意|生意|补鞋|修鞋|小摊|摊子|摊位(?!费)|剪头发|剪脑壳|理发|剃头|(?<!给)收破烂|(?<!给)收废品|拉客|载客|面包车(?=[^，。]{0,6}(?:拉|跑|一个月|一天|一趟|落得|挣|找))|三轮|摩的|开店|小卖部|篾货|编[^，。\d]{0,4}(?:背篓|背篼|篮|筐|竹|席|撮箕|扫帚|扫把|盖|草鞋|凉席)|扎[^，。\d]{0,2}(?:扫把|扫帚|笤帚)|(?:卖|做)[^，。\d]{0,2}(?:扫把|扫帚|笤帚)|(?:扫把|扫帚|笤帚|背篼|背篓)[^，。\d]{0,2}卖|卖包面|卖抄手|卖面|卖早餐|卖小吃|卖包子|卖凉粉|卖豆腐|(?:磨|做|点)豆腐|豆腐坊|跑车|跑货车|货车|拉货|跑运输|摆摊|卖东西|跑摩的|开饭馆|开车拉|"
    r"修车(?![^，。\d]{0,4}(?:学徒|帮工|打工|上班))|补胎|(?:小|开了?个?|自己的?|自家的?)[^，。看]{0,3}[店馆](?!里打工|里上班|里帮)|店子|(?<!看)(?<!守)门市|作坊|"
    r"加工房)",
    "wages": r"(打工|务工|上班|清漂|(?:煤矿|挖煤|下井|矿上)(?![^，。\d]{0,6}(?:赔|出事|死|走了|没了))|实习|守夜|值夜班|看大门|守[^，。\d]{0,3}防火|防火点|看山|守山|锁边|钉扣|按件|计件|串珠|穿珠|手工活|挑砖|背砖|挑[^，。\d]{0,2}(?:沙|煤|水泥)|组长|社长|村干部|村会计|村文书|出去了?\s*[\d一二三四五六七八九十半两]+\s*个?多?月|木工|木匠|瓦匠|泥水|钢筋|架子工|砌砖|刷墙|抹灰|工资|做工|帮工|打零工|零工|采茶|摘茶|摘棉花|拾棉花|采棉花|(?<!卖给)(?<!卖到)(?<!交给)茶[厂场]|挣了|挣|做活|干活|工地|帮人|帮(?:别人|别个|人家)[看守]|看店|搬砖|保安|门卫|按摩|推拿|棒棒|学徒|"
    r"小工|砌墙|砌坎|堡坎|当保安|(?:看|守)鱼塘|做事|(?<!卖给)(?<!卖到)(?<!交给)(?<!茶)厂|做得到|挣得到|工钱|装修|洗碗|服务员|保姆|扫地|散工|基地|帮厨|厨师|打杂|"
    r"餐馆|馆子|饭店|酒店|宾馆|杂活|超市|商场|送快递|送货|快递员|跑快递|送外卖|(?:宾馆|酒店|医院|小区|公司|县城|城里|学校)[^，。]{0,4}保洁)",
    "agriculture": r"(种地|种庄稼|养蚕|蚕茧|蚕|捡菌子|捡菌|采菌|烤烟|烟草|种菜|卖菜|养猪|养鸡|养牛|养羊|养殖|种植|卖粮|务农|农业|喂猪|庄稼|卖猪|"
    r"果子|柑橘|脐橙|烟叶|种烟|种点|卖点|采点茶|茶园|茶地|茶树|粮食|包谷|苞谷|土豆|洋芋|红薯|蜂|茶叶|(?<![甜])蜜(?![月])|(?:春|夏|秋|夏秋|明前|老)茶(?![厂场馆])|喂(?=[^，,。！!？?\s])|(?<!野)猪|鸡|鸭|牛|羊|"
    r"地里|收成|菜|鱼塘|种[了着起]?[^，。\d]{0,5}(?:的)?(?:地|田)|种的(?=[^，。\d]{0,4}卖)|亩(?:烟|地|田|茶|菜)(?![^，。]{0,4}(?:租|包|流转))|养鱼|卖鱼|鱼(?=[^，。\d]{0,4}卖)|芋头|红苕|萝卜|辣椒|花椒|黄豆|豆子|花生|油菜|菜籽|稻谷|小麦|荞麦|高粱|菌子|蘑菇|香菇|木耳|橙子|橘子|柑子|桔子|柚子|李子|脆李|桃子|梨子|枇杷|樱桃|葡萄|猕猴桃|核桃|板栗|药材|魔芋|蝎子|鲜叶|茶青|山货|竹笋|笋子|蕨菜|野菜|挖[^，。\d]{0,2}(?:药|草药|天麻|半夏)|采药)",
    # (高龄补贴, the allowance of the very old, is no pension of the residents' scheme; scrap
    # picked up and sold is gleaning, other income, where a dealer's 收废品 is a business)
    "other": rf"({alternation(BY_THE_MONTH)}|{_GLEANED}|其他|别的|另外|补助|补贴|租给|租出去|包给|包出去|转包|流转|老兵|退伍|复员|优抚|抚恤|参战|地租|租金|公益林补偿|退耕|生态林|生态补偿|补偿|孤儿|无人抚养|困境儿童|优待金|(?:农业)?保险[^，。\d]{{0,3}}赔|理赔|"
    # what a boss gave once after an injury ("老板给了两千块钱就不管了"): no wage
    r"老板[^，。\d]{0,3}(?:给了|赔了)(?=[^。]{0,14}(?:不管|就那[一1]回|就[一1]回|打发|了事)))",
}
# "就养老金", "别的莫得了", "没得人给钱": the income told is all there is.
ALL_SAID = re.compile(
    r"(^\s*就(?:是|只有|靠)?[^，。\s]{0,4}(?:养老金|这些|这点|那点)|别的(?:都|也)?(?:没|莫)得?(?:了|啥子)?|"
    r"没得?别的|没有别的|(?:没|莫)得?人给|没有人给|谁都不给|"
    # "子女都不给", but not "老板…要了几回都不给" (wages owed)
    r"(?:子女|儿女|儿子|女儿|亲戚|他们|娃儿|哪个|屋头)[^，。\s]{0,3}都不给)"
)
# "就是刚才说的那些": the income already told with the work answer.
ALREADY_SAID = re.compile(
    r"(刚才说的|前面说的|上面说的|就这些|就那些|就是这些|就这点|就那点|说过了|差不多就这|"
    r"就[^，。]{1,6}(?:那点|这点|的钱|那些))"
)
EXPENSE_TYPES = {
    "medical": r"((?<=的)(?:腰|腿|脚|眼睛|胃|心脏|肝|肾|关节)(?:杆子?)?(?=[^，。\d]{0,3}(?:一年|一个月|每个?月|每年))|(?:腰|腿|脚|眼睛|胃|心脏|肝|肾|关节)(?:杆子?)?(?=[^，。\d]{0,2}(?:自己出|自己掏|自己花|自付|花了|用了))|看病|(?:看|治)[^，。\d]{0,2}(?:哮喘|风湿|关节炎|高血压|血压|糖尿病|心脏病|胃病|气管炎|褥疮)|降压|(?:看|治)(?:腰|腿|脚|眼|牙|胃|肺|心脏|肝|肾|头|手|关节)|治疗|医药|住院|住[了过]?[^，。\d]{0,3}(?:回|次|趟)院|医院|吃药|药费|药钱|医疗|治病|透析|化疗|输血|起搏器|支架|手术|开刀|打针|检查|靶向药|(?<![农兽挖采])(?<!挖点)(?<!采点)药(?![材卖])|胰岛素|吸氧|复查|"
    r"(?:生|得|患)了?(?:1?场)?大?病|大病|重病|病[了下倒]|[的个]病(?!人)|1?场病)",
    "disability_care": r"(护理费|请人(?![^，。\s]{0,2}(?:收|挖|割|种|栽|打|搬|砍|摘|采|犁|耕|修|帮忙收))|护工|尿不湿|尿片|尿布|纸尿裤|成人尿裤|康复|残疾人用品|请保姆)",
    "education": r"(读书|学费|上学|书费|学杂费|住宿费?|生活费|读大学|读高中|学校|买书|伙食费|资料费|学期|高中|初中|"
    r"小学|大学|幼儿园|中职|职高|技校)",
}
UNASSIGNED = "unassigned"
_EARNING = re.compile(r"(挣得到|做得到|挣了|挣|工钱|基地)")  # say "earns", not which work
_CLAUSE = re.compile(r"[，,。；;、\n]|还有|另外|加上|然后")
_NOTHING = re.compile(
    r"^(没有|没得|莫得|都没有|都莫得|没|无|零|一分都没有|没有收入|没收入|莫得收入|没开支|没花钱|没有开支|都没)"
)
# Debts are neither income nor a yearly cost ("欠了40多万医药费", "还欠起几十万").
_DEBT = re.compile(
    r"(欠|借了|借的|借钱|贷款|外债|还债|还账|债务|"
    # wages owed and not paid: "老板还差我们八千没结"
    r"还差[^，。]{0,4}没|没结|没给结|拖着不给|要不到)"
)
_MONTHS_WORKED = re.compile(
    # ("一个月三千左右 一年七八个月": the months of the year there is work)
    r"(?:(?:做|干|上|打|开|跑|看|守|帮)[^，。\d]{0,3}?|(?<![\d.])1年(?:里头?|下来|就|有)?\s*)(半年|([2-9](?:\.5)?|1[01])\s*个月)(?!\s*\d|[^，。]{0,2}病)"
)


def _months_worked(clause: str) -> re.Match | None:
    """ "做了四个月"; "做了七八个月": the midpoint of the two months said (7.5)."""
    return _MONTHS_WORKED.search(months_midpoint(to_arabic(clause)))


def _month_count(months: re.Match) -> Decimal:
    return Decimal(6) if months.group(1) == "半年" else Decimal(months.group(2))


# "今年就开了半年", "今年只做了三个月": how long a source said in the past lasted this year.
_THIS_YEAR = re.compile(
    r"今年[^，。\d]{0,3}(?:开|做|干|上|搞)了?[^，。\d]{0,2}(半年|([1-9]|1[01])\s*个月)(?!\s*\d)"
)
_OWN_USE = re.compile(
    r"(自己吃(?![^，。\s]{0,3}药)|自己用|自家吃|不卖|(?:种|喂|养)[^，。\s\d]{0,3}(?:菜|鸡|猪)吃(?![^，。\s]{0,3}药))"
)  # (not "我自己吃降压药")
# "村里说给我个扫地的公益岗 一个月八百 我没去": offered, not taken.
_DECLINED = re.compile(
    r"^\s*我?(?:没去|没要|不要|没干|没做|没去成|不去|没答应)|^\s*(?:一|1)分[^，。]{0,2}[都也]?还?(?:没|莫)"
)
# "说好一个月给三百，给了两个月就没给了，现在一分都没有": given for a while, no longer.
_STOPPED = re.compile(
    r"^\s*(?:给了[^，。]{0,5})?(?:就|后来|后头|后面|早就|再也?)(?:就|都)?(?:没|不|莫)(?:给|寄|打)(?:了|过了)"
    r"|^\s*(?:现在|如今|这几年)[^，。\d]{0,2}(?:一分|1分)钱?[都也]?(?:没有|没得|莫得|不给|没给)"
)
# "今年只给了四个月" after a monthly gift: the months it came.
_MONTHS_PAID = re.compile(
    r"^\s*(?:今年|去年)?(?:只|就|才)?(?:给|打|寄|发)了?\s*(\d{1,2})\s*个月(?![^，。]{0,2}\d)"
)
# "我过年给一千 平时给点 一年两千左右吧": the rest said only as "some", then the year's whole.
_SOME_MORE = re.compile(r"(平时|平常|其他时候|有时候?|偶尔)[^，。\d]{0,4}(点|些)")
_TIMES_A_YEAR = re.compile(r"\s*(?:1|每)年[^，。\d]{0,3}(\d{1,2})\s*(?:回|次|道)\s*$")
_OTHERS_OF_IT = re.compile(r"\s*(?:后头|后面|剩下|其余|其他|别)的")
# "哦今年涨了 两千", "不对 是两千": the figure said before, put right.
_PUT_RIGHT = re.compile(r"(哦|噢|不对|说错了|搞错了|涨了|现在是|今年是)")
# "老伴也是一百八": the same source as the clause before.
_NET_AFTER = re.compile(r"(除开|扣除|刨开|刨去|除去|减去|去掉|除了)")
# "拉客一个月落得到三千来块 油钱除开了": the figure before is already the net.
_ALREADY_NET = re.compile(
    r"((?:除开|扣除|刨开|刨去|除去|减去|去掉|扣)了\s*$|已经[^，。\d]{0,2}(?:除|扣|刨|减|去))"
)
_RESTATED = re.compile(r"\s*(?:合计|总计|总共|一共|加起来|合起来|共计)")
_SAME = re.compile(r"^[^，。\d]{0,6}也(?:是|有|领|拿)")
# After a pension, another member's own figure: "我妈一百九", "老婆今年也开始领了 一百九".
_ALSO_THEIRS = re.compile(
    rf"^\s*(?:[我她他]?(?:{kin_words('parents', 'spouse', 'grandparents')})"
    r"[^，。\d]{0,2}\d|[她他我](?:也|是|的)?\s*\d+(?![\d年个月天岁]))"
)
# After a pension, others' each: "我和老婆各人一百多", "我们两个一个人一百二".
_EACH_OF_THEM = re.compile(
    r"^\s*[^，。\d]{0,8}?(?:各人|各|每人|每个人|[一1]个人|[一1]人)[^，。\d]{0,3}\d"
)
_ALSO_DRAWS = re.compile(r"也[^，。\d]{0,4}(?:领|有|拿)[^，。\d]{0,2}$")
# A relative who gives; without one, money sent home after a member's wage is that wage.
_GIVER = re.compile(
    r"(儿|女|子女|娃|亲戚|侄|妈|爸|哥|姐|弟|妹|孙|家里人|亲|舅|姑|姨|叔|伯|婆|公|岳|老人)"
)
# Money sent to the household from outside: "我每个月给屋头打一千五" (a son applying for his father).
_SENT_HOME = re.compile(r"(给(?:屋头|屋里|家里|家头|老家)|(?:寄|打|拿|带)回(?:家|屋|来))")
_LET = re.compile(r"(租出去|租给|出租|收租|租金|包给别?人|包出去|转包|流转)")
# What is left of the clause before's takings after its costs: "除了租金剩六千", "去掉本钱落得到两千".
_NET = re.compile(
    r"(除了|除去|除开|去掉|去了|扣了|扣掉|刨去|刨开|减去|减了|抛开)[^，。\d]{0,16}?"
    r"(?:还|就|只|最多|顶多)?(?:剩|落|净|赚|得|有)"
)
# What the harvest cost to grow, said after what it sold for: "肥料农药就花了五千多".
_INPUTS = re.compile(
    r"(肥料|化肥|农药|种子|烟苗|饲料|本钱|成本|地膜|薄膜)[^，。\d]{0,6}?(?:就|都|也)?"
    r"(?:花了|用了|去了|投了|投入了?|花|要)"
)
# Land rented in to farm ("租了十亩地种烤烟", "种别人的地"): its rent is a cost of the harvest.
_RENTED_IN = re.compile(r"(租了|租的|租别人|租人家|种别人|种人家|承包了?)[^，。]{0,6}(地|田|土)")
_RENT = re.compile(r"(租金|地租|租钱|租子|田租)")
_RENT_PAID = re.compile(r"(房租|租房)")
# What insurance paid back of a cost told before: "新农合报了一万二", "报销了一半", "医保报了百分之六十".
_REIMBURSED = re.compile(r"(报销|报了|报完|报过)")
_SHARE = re.compile(r"((?:一|1)半|(\d+)\s*成(?!本)|百分之\s*(\d+)|(\d+)\s*%)")


def _share_paid_back(clause: str) -> Decimal | None:
    found = _SHARE.search(to_arabic(clause))
    if not found:
        return None
    if found.group(1) in ("一半", "1半"):
        return Decimal("0.5")
    tenths, percent = found.group(2), found.group(3) or found.group(4)
    share = Decimal(tenths) / 10 if tenths else Decimal(percent) / 100
    return share if 0 < share < 1 else None


_USUALLY = re.compile(r"^\s*(?:一般|平时|通常|平常|多数时候)")
# The pay of one job or one client ("按一个钟提二十几块", "一单抽十块"): no sum
_A_JOB_S_RATE = re.compile(
    r"(?:一|1|每)\s*(?:个钟|单|趟|个客人?|位客人?)[^，。\d]{0,3}(?:提|抽|拿|赚|挣|得)"
)
_GOOD_DAYS = re.compile(r"\s*(?:好的时候|差的时候|多的时候|少的时候|忙的时候|闲的时候|生意好)")
_SOMETIMES_A_HEAD = re.compile(r"^\s*(?:有时候?|有的时候)\s*(?:一|1)\s*(头|只|匹)")
_SOMETIMES = re.compile(r"^\s*(?:有时候|有时|有的时候|多的时候|少的时候|差的时候|不好的时候|淡季)")
_BROUGHT = re.compile(r"(?:拿|带)[^，。]{0,6}回")
_ANOTHER_EARNER = re.compile(r"\s*(?:我|)(?:老公|男人|丈夫|老婆|媳妇|儿子|女儿|他|她)")


# Money that came in before and no longer does ("儿子以前在外头打工一个月四千多 现在莫得了"),
# or in a normal year ("往年烟叶卖得到五六万 今年…顶多卖五六千"): not this year's.
_PAST = re.compile(
    r"(以前|原来|过去|之前|前几年|那时候|那几年|没出事前|往年|往常|平常年|年成好|好的年成)"
)
_NOT_THAT = re.compile(r"\s*(?:不是|不止|没得|没有)\s*\d")
_OWN_SHARE = re.compile(
    r"(自己(?:(?:每|一|1)个?月|(?:每|一|1)年)?[^，。\d]{0,3}(?:出|贴|垫|拿)|自付|自费|自己[^，。\d]{0,2}掏|自己花|个人出|自己承担|落到自己)"
)
# (平均下来: "好的时候一天一百多，差的时候几十块，平均下来一个月两千左右")
_OVER_THE_YEAR = re.compile(
    r"(一年下来|一年算下来|算下来|拢共|合起来|一年到头|第一年|头一年|平均下来|平均起来|平均算)"
)
# What a sum paid before has become ("降到三百了")
_CHANGED_TO = re.compile(
    r"(?:降到|减到|少到|涨到|加到|变成|改成|只给)\s*(?:\d|一|两|二|三|四|五|六|七|八|九|十|百)"
)
# A year's figure said bare ("一年七八千", "一年差不多八千") after the month's
_A_YEAR_IN_ALL = re.compile(
    r"\s*(?:一年|1年|全年)(?:就|也就|差不多|大概|大约|算起来|下来)?\s*\d[\d.]*\s*[十百千万]?[^，。\d]{0,4}$"
)
_MORE_AT_TIMES = re.compile(
    r"(?:过年|过节|逢年过节|年底|有时候?)[^，。\d]{0,4}(?:多|还|另外)[^，。\d]{0,3}(?:给|打|寄|拿)"
)
# The year's sum of a source said by the month before ("今年拢共就给了两千")
_THIS_YEARS_SUM = re.compile(
    r"(?:今年|这一年|一年)[^，。\d]{0,3}(?:拢共|一共|总共|统共|加起来|合起来)|"
    r"(?:拢共|一共|总共|统共)[^，。\d]{0,3}(?:给|打|寄|拿|转)了"
)
_TOTAL = re.compile(r"(收入|总共|一共|加起来|全家|总的)")
_IN_HOSPITAL = re.compile(r"(住院|住了?[^，。]{0,3}院|手术|开刀)")


# Somebody else's money, said to compare ("人家有三四千退休金"): not the household's.
# "租给别人种" names the tenant, "种别人的地" the land's owner: not someone else's money.
_OTHERS = re.compile(
    # (not "帮人家做零工", "给别人家打工": work for others, paid)
    r"((?<!老)(?<!种)(?<!种了)(?<![帮给替])人家(?![^，。\d]{0,3}(?:做|干|打|挖|割|收|种|背|搬))"
    r"|(?<![给租种帮替])(?<!种了)别人家?(?![^，。\d]{0,3}(?:做|干|打|挖|割|收|种|背|搬))"
    r"|(?<![给租种帮替])(?<!种了)别个(?![^，。\d]{0,3}(?:做|干|打|挖|割|收|种|背|搬))|城里人?)"
)


def clauses(text: str, by_figure: bool = True) -> list[str]:
    """Clauses, split at punctuation and, in speech transcribed without it, at the spaces
    between words ("婆娘在扶贫车间做点手工 一个月一千二三 我打点零工"). Where a resident
    types a space after every word or two ("养老金 两个人 一个月加起来 三百七八"), the words
    before a figure belong to it."""
    found = []
    for segment in re.split(r"[，,。；;、\n]", text or ""):
        pieces = [c for c in _CLAUSE.split(pauses_as_commas(segment)) if c.strip()]
        if (
            by_figure
            and len(pieces) >= 3
            and sum(len(p.strip()) for p in pieces) / len(pieces) <= 4
        ):
            pieces = _words_to_their_figure(pieces)
        found += pieces
    return [c for c in found if not _OTHERS.search(c)]


_NONE_WORD = r"(?:都|也)?(?:没有|没得|莫得|没|无)(?:了)?"


_PERIOD_ONLY = re.compile(r"\s*(?:一年|1年|每年)\s*")


def _words_to_their_figure(pieces: list[str]) -> list[str]:
    joined, waiting = [], ""
    for piece in pieces:
        if (
            not waiting
            and joined
            and _PERIOD_ONLY.fullmatch(piece)
            and numbers(joined[-1])
            and not (MONTH.search(joined[-1]) or YEAR.search(joined[-1]) or about_days(joined[-1]))
        ):
            joined[-1] += piece  # "蚕茧 一万出头 一年": the period of the figure before it
            continue
        if numbers(piece) or about_days(piece) or re.fullmatch(_NONE_WORD, piece.strip()):
            joined.append(waiting + piece)
            waiting = ""
        else:
            waiting += piece
    return joined + ([waiting] if waiting else [])


# Clauses about earning are no cost, whatever cost was named before them ("包工头出了住院的钱
# … 去年还挣得到五万多" is no hospital bill).
_EARNED = re.compile(
    # (and money sent home: "大儿子…每个月打五百回来" is no cost of the schooling named before)
    r"(挣|工资|收入|进项|养老金|赚|打工|零工|务工|上班|做工|帮工|工钱|(?:打|寄|带)[^，。]{0,6}回来)"
)
# Living costs are no rigid expense of the rules: rent, water and power, the phone.
_EARNED_OR_LIVING = re.compile(
    rf"{_EARNED.pattern}|(房租|租房|租金|租的房|水电|电费|水费|话费|网费|燃气|煤气)"
)

# Spending is not income ("给她治病已经花了三万多").
_SPENT = re.compile(r"(花了|花光|花掉|花费|用了|用光|开销|开支|自己出)")
# The basic pension is paid by the month: "养老金一百多" with no period is a month's.
_MONTHLY_AT_MOST = {"basic_pension": Decimal(1000)}
# Someone else named, then only a figure (its period at most): "我妈一个月一百多"
_ANOTHER_S_FIGURE = re.compile(
    rf"^\s*(?:我|他|她)?(?:{kin_words(*KIN_BEFORE_A_FIGURE)})"
    r"[^，。\d]{0,3}(?:(?:1|每)个?(?:月|年))?[^，。\d]{0,2}\d"
)
# Allowances paid by the month, said without their period ("还有高龄补贴一百")
_MONTHLY_ALLOWANCE = re.compile(f"({alternation(BY_THE_MONTH)})")


_NOTHING_ANYWHERE = re.compile(
    r"(一分钱?(?:收入)?都(?:没|莫)|没得收入|没有收入|莫得收入|没收入|没得啥子?(?:大)?开销|没啥子?开销|"
    r"没(?:得)?什么开销|没咋个看病|没得好多|没有开支|没开支|没得开支|莫得开支|没花啥)"
)


def says_nothing(text: str) -> bool:
    cleaned = re.sub(r"[\s，。,.!！]", "", text)
    return bool(_NOTHING.match(cleaned) or _NOTHING_ANYWHERE.search(cleaned))


def _by_kind(
    text: str, kinds: dict[str, str], pending: str | None = None, skip: re.Pattern | None = None
) -> dict[str, Decimal]:
    """Amounts per kind. A clause that names a kind without an amount ("我种点菜卖") lends
    its kind to the next clause that gives one without naming a kind ("一年一两千");
    `pending` is such a kind named in an earlier message (the work answer). A figure for
    the whole year after a monthly one ("一年下来也就两万") replaces it."""
    amounts: dict[str, Decimal] = {}
    told_before = pending  # the kind an earlier message named
    last = None
    last_value = Decimal(0)  # what the clause of `last` added
    monthly = None  # the last clause's monthly figure, for "做得到半年"
    parts = clauses(text)
    ahead = None  # months worked, said before the monthly figure
    ahead_kind = None  # … of this work
    for index, clause in enumerate(parts):
        previous = parts[index - 1] if index else ""
        earlier = " ".join(parts[max(0, index - 2) : index])  # "卖了两头猪 猪价孬 一头…"
        if _DEBT.search(clause):
            continue
        if _COMPENSATION.search(clause) and any(
            _FOR_THE_BILLS.search(c) and not numbers(c)
            for c in (clause, *parts[index + 1 : index + 2])
        ):
            continue  # "包工头赔了三万 都拿去交医药费了": paid for the care, not income
        if (
            last in ("agriculture", "business")
            and "agriculture" in kinds
            and _INPUTS.search(clause)
            and (cost := per_year(clause)) is not None
            and cost < last_value
        ):
            amounts[last] -= cost  # "脐橙卖了一万二左右 肥料农药就花了五千多": the net
            last_value -= cost
            continue
        if (
            kinds is _EXPENSE_ORDER
            and not numbers(clause)
            and re.search(INCOME_SOURCES["wages"], clause)
            and not any(re.search(p, clause) for p in kinds.values())
        ):
            # "每年冬天要住一回院 … 我在附近帮人砌坎子 … 一个月两千五": the work named
            # between, whose figure is no cost of the illness named before
            pending = None
            continue
        if skip is not None and skip.search(clause):
            if not numbers(clause) and (
                said := next((k for k, p in kinds.items() if re.search(p, clause)), None)
            ):
                pending = said  # "开三轮摩托接送女儿透析 … 一个月挣个两三百": the work named
            continue
        if _NOT_THAT.match(to_arabic(clause)):
            continue  # "一天一百八 不是两百": the figure said before, corrected
        if monthly is not None and _A_JOB_S_RATE.search(to_arabic(clause)):
            continue  # "一个月拿得到一千八左右 按一个钟提二十几块": how the month's is made up
        if (
            _GOOD_DAYS.match(clause)
            and about_days(previous)
            and not (MONTH.search(clause) or YEAR.search(clause))
            and not any(about_days(c) for c in parts[index + 1 :])
        ):
            continue  # "一天卖得到五六块 好的时候十几块 一个月百把块": a day's, as the one before
        if _PRICE_A_WEIGHT.search(to_arabic(clause)) and len(numbers(clause)) == 1:
            # "晒干一块钱一斤", "鸡蛋一个卖一块二": a price, not what came in; its kind, named
            # there, is the next figure's
            pending = next((k for k, p in kinds.items() if re.search(p, clause)), pending)
            continue
        if (head := _SOMETIMES_A_HEAD.match(to_arabic(clause))) and not animal_count(
            earlier, head.group(1)
        ):
            continue  # "有时候一只卖得到一千多 有时候几百块": the price of one, as it varies
        if (
            _STOPPED.search(clause)
            and last is not None
            # right after the figure it stops ("我以前一天三百 现在一分都没得": his past pay)
            and ((numbers(previous) and not _PAST.search(previous)) or _STOPPED.search(previous))
        ):
            amounts[last] -= last_value  # "…一个月给三百，给了两个月就没给了": not this year's
            last_value = Decimal(0)
            continue
        if (
            last is not None
            and last_value
            and MONTH.search(previous)
            and (paid := _MONTHS_PAID.match(to_arabic(clause)))
            and 0 < int(paid.group(1)) < 12
        ):
            # "说好他一个月给五百 今年只给了四个月": those months' only
            now = last_value / 12 * int(paid.group(1))
            amounts[last] += now - last_value
            last_value = now
            continue
        if (
            last == "transfers"
            and last_value
            and (times := _TIMES_A_YEAR.match(to_arabic(clause)))
            and 1 < int(times.group(1)) <= 12
        ):
            # "逢年过节给个两三百 一年给三回": that many times a year
            amounts[last] += last_value * (int(times.group(1)) - 1)
            last_value *= int(times.group(1))
            continue
        if _PAST.search(clause):
            # its source is the one a figure said next without a source is about
            said = next((k for k, p in kinds.items() if re.search(p, clause)), None)
            lasted = next(
                (m for c in parts[index + 1 : index + 4] if (m := _THIS_YEAR.search(to_arabic(c)))),
                None,
            )
            value = per_year(clause)
            if said and lasted and value and MONTH.search(clause) and "wages" in kinds:
                # "店子以前一个月赚一千五 … 今年就开了半年": this year's months of it
                count = 6 if lasted.group(1) == "半年" else int(lasted.group(2))
                amounts[said] = amounts.get(said, Decimal(0)) + value / 12 * count
                continue
            if said:
                pending = said
            continue
        if _OWN_USE.search(clause) and not numbers(clause):
            continue  # "种的苞谷洋芋自己吃": food for the table, no income
        if (
            "medical" in kinds
            and last is not None
            and _REIMBURSED.search(clause)
            and not _OWN_SHARE.search(clause)
        ):
            # "住院花了两万，新农合报了一万二": the out-of-pocket part is the cost
            share = _share_paid_back(clause)
            back = last_value * share if share is not None else per_year(clause)
            if back is not None and back < last_value:
                amounts[last] -= back
                last_value -= back
            continue
        if (
            last is not None
            and _NET.search(clause)
            and (net := per_year(clause)) is not None
            # (not another source's net: "我一年两万出头 烤烟除开化肥落得到四千来块")
            and next((k for k, p in kinds.items() if re.search(p, _NET.sub("", clause))), last)
            == last
        ):
            if net < amounts[last]:
                amounts[last] += net - last_value  # "一年收一万 除了租金剩六千": the net
                last_value = net
            continue
        kind = next((k for k, pattern in kinds.items() if re.search(pattern, clause)), None)
        if kind in ("business", "transfers") and "other" in kinds and _LET.search(clause):
            kind = "other"  # "门市租出去一年八千": rent, not trade; "地流转了一年给八百"
        elif (
            kind is None
            and "other" in kinds
            and _LET.search(previous)
            and not numbers(previous)
            and numbers(clause)
        ):
            kind = pending = "other"  # "地都流转给搞柑橘的老板了 一年才八百块": its rent
        if kind == "transfers" and re.search(
            r"(实习|工资|工钱|看果园|看园子|守果园|看林子|看山|看大门|帮(?:人家?|别人|别个)看|看牛|放牛|放羊)",
            clause,
        ):
            # "女儿实习一个月给她八百", "看果园一年给我三千": pay, not a gift
            kind = "wages"
        if (
            kind == "transfers"
            and pending == "wages"
            and re.search(r"(?:拿|带)[^，。\d]{0,2}回来", clause)
            and re.search(r"(下来|除开|除了|除去|落)", previous + clause)
            and not _GIVER.search(previous + clause)
        ):
            kind = "wages"  # "摘棉花 … 除开车费伙食 拿回来一万出头": the pay brought home
        if (
            kind in ("transfers", "wages")
            and "other" in kinds
            and (
                (_COMPENSATION.search(clause) if kind == "wages" else _PAYER.search(clause))
                # "优待金 部队上的 … 今年打的一万二": paid in, by whom said before
                or (
                    kind == "transfers"
                    and pending == "other"
                    and not (_GIVER.search(clause) or _SENT_HOME.search(clause))
                )
            )
        ):
            kind = "other"  # "公司另外给了一万块营养费": compensation, not a relative's gift
        if about_days(clause):
            monthly = None  # the months said after days of work are theirs ("…做了七个月")
        months = _months_worked(clause)
        if months and about_days(previous) and not numbers(clause):
            continue  # (read with the days, by day_earnings)
        if months and not numbers(to_arabic(clause)[: months.start()]) and monthly is None:
            # "做了四个月 一个月四千多": the months come first, and they are months of work
            ahead = _month_count(months)
            if "wages" in kinds:
                pending = ahead_kind = kind or "wages"
            continue
        named_before = (
            next((k for k, p in kinds.items() if re.search(p, previous)), None)
            if previous and not numbers(previous)
            else None
        )
        if (
            months
            and monthly is not None
            and named_before not in (None, last)
            and "wages" in kinds
            and not numbers(to_arabic(clause)[: months.start()])
        ):
            # "一个月赶四五场 他去年冬天帮人家看工地 看了三个月 一个月八百": other work named,
            # its months, then its pay — the months are that work's
            ahead, monthly = _month_count(months), None
            pending = ahead_kind = named_before
            continue
        if (
            months
            and last
            and monthly is not None
            and not numbers(to_arabic(clause)[: months.start()])
        ):
            # "一个月一千来块，做得到半年": that many months, not twelve
            count = _month_count(months)
            amounts[last] += monthly * (count - 12)
            monthly = None
            continue
        if (
            _DECLINED.search(clause)
            and kind is None
            and last is not None
            and not numbers(clause)
            # (not of others in between: "收了一万出头 后头的都死了 一分没卖到")
            and not _OTHERS_OF_IT.match(previous)
        ):
            amounts[last] -= last_value  # "…一个月八百 我没去": not taken
            if not amounts[last]:
                amounts.pop(last)
            last = None
            continue
        if kind is None:
            value = _carried(per_year(clause), clause, earlier, kinds)
            if (
                value is not None
                and last is not None
                and _NET_AFTER.search(previous)
                and not _ALREADY_NET.search(previous)
                and not numbers(previous)
            ):
                # "一年毛收入一万二，除开种子化肥农药，一年落得到七千八": the net, said after
                amounts[last] += value - last_value
                last_value = value
                continue
            if (
                value is not None
                and last is not None
                and last_value
                and value > last_value
                and re.match(r"\s*(?:一年|每年|1年)", to_arabic(clause))
                and _SOME_MORE.search(previous)
                and not numbers(previous)
                and not _GIVER.search(previous)  # (not "女儿平时给点 一年两千": hers)
            ):
                amounts[last] += value - last_value  # "过年给一千 平时给点 一年两千左右"
                last_value = value
                continue
            if (
                value is not None
                and last is not None
                and last_value
                and value in (last_value, last_value / 12)
                and re.match(r"\s*(?:那|就是|也就是|算下来|合起来)", clause)
            ):
                continue  # "一个月八百，那一年该是九千六": the same figure, by the year
            if (
                value is not None
                and last is not None
                and monthly is not None
                and monthly <= value <= monthly * Decimal("1.2")
                and numbers(to_arabic(previous))
                and re.fullmatch(
                    r"\s*\d+\s*(?:几|多|来|出头|左右)?\s*(?:块|元)?(?:钱)?\s*", to_arabic(clause)
                )
            ):
                continue  # "一个月一百出头 一百零几块": the month's figure said again, closer
            corrected_before = any(
                _PUT_RIGHT.search(c) and not numbers(c) for c in parts[max(0, index - 3) : index]
            ) and not any(numbers(c) for c in parts[max(0, index - 3) : index][-2:])
            if (
                value is not None
                and last is not None
                and (
                    (_PUT_RIGHT.search(clause) and not _PUT_RIGHT.search(previous))
                    or (_PUT_RIGHT.search(previous) and not numbers(previous))
                    # "…一年八千。。哦不对，她是按月拿的，一个月八百"
                    or corrected_before
                )
            ):
                fixed = (
                    value * 12
                    if (monthly is not None or value < _MONTHLY_AT_MOST.get(last, 0))
                    and not (YEAR.search(clause) or MONTH.search(clause))
                    else value
                )
                amounts[last] += fixed - last_value  # "一个月一千八 哦今年涨了 两千"
                last_value, monthly = fixed, (fixed / 12 if monthly is not None else None)
                continue
            if (
                value is not None
                and last is not None
                and (_RESTATED.match(clause) or _PUT_RIGHT.search(clause))
                and value in (last_value, amounts.get(last), last_value / 12)
            ):
                continue  # "三个子女每人每年给1000元，合计3000元": the sum said again
            if (
                value is not None
                and last is not None
                and _RESTATED.match(clause)
                and re.search(r"(每人|每个|各|一人|一个人)", previous)
                and value > last_value
            ):
                amounts[last] += value - last_value  # "子女每人每年给一千，合计两千": the sum
                last_value = value
                continue
            same = (
                _SAME.search(clause)
                or (
                    last in ("basic_pension", "other_pension")
                    # (not after another source named: "养老金一百九 移民补助三个人有 一个人一年六百")
                    and next((k for k, p in kinds.items() if re.search(p, previous)), last) == last
                    and (
                        _ALSO_THEIRS.match(to_arabic(clause))
                        or _ALSO_DRAWS.search(previous)
                        or _EACH_OF_THEM.match(to_arabic(clause))
                    )
                )
                # "儿子一年学费八千，女儿一年六千多": the other child's cost of the same kind
                or (
                    last == "education"
                    and re.match(
                        r"^\s*(?:大的|小的|老大|老二|幺儿|幺女|[大小二]?(?:儿子|女儿|女子|娃儿?|孙子|孙女))"
                        r"[^，。\d]{0,4}\d",
                        to_arabic(clause),
                    )
                )
                # "我哥吃药一个月三百左右 我妈一个月一百多": another's cost of the same kind
                or (last == "medical" and _ANOTHER_S_FIGURE.match(to_arabic(clause)))
                # "我一个月三千左右，老婆一千多": the spouse's wage, by the month said before
                or (
                    last in ("wages", UNASSIGNED)
                    and monthly is not None
                    and not (MONTH.search(clause) or YEAR.search(clause))
                    and _ALSO_THEIRS.match(to_arabic(clause))
                )
            )
            if value is not None and last is not None and same:
                if not (YEAR.search(clause) or MONTH.search(clause)) and (
                    monthly is not None or value < _MONTHLY_AT_MOST.get(last, 0)
                ):
                    value *= 12  # the month of the clause before
                amounts[last] += value  # "基础养老金一百八，老伴也是一百八"
                last_value = value
                continue
            if (
                value is not None
                and last is not None
                and (
                    _OVER_THE_YEAR.search(clause)
                    # "我每个月给他们打五百，过年多给点，一年七八千": the month's, then the year's
                    or (
                        monthly is not None
                        and _A_YEAR_IN_ALL.match(to_arabic(clause))
                        # (the clause between adds to the month's: "过年多给点")
                        and _MORE_AT_TIMES.search(previous)
                        and not numbers(previous)
                        and monthly * 12 <= value <= monthly * 24
                    )
                )
            ):
                amounts[last] = value  # "一个月三千多，…一年下来也就两万": the year's figure
            elif (
                value is not None
                and last is not None
                and _OWN_SHARE.search(clause)
                and (
                    (_IN_HOSPITAL.search(clause) and not _IN_HOSPITAL.search(previous))
                    # "…每个月两百多 今年发病住了回院 自己出了三千多": the stay said just before
                    or (_IN_HOSPITAL.search(previous) and not numbers(previous))
                )
            ):
                # "吃药一个月三百多，今年住两回院报了自己出了四千来块": the stays, besides
                amounts[last] += value
                last_value, monthly = value, None
            elif (
                value is not None
                and last is not None
                and _OWN_SHARE.search(clause)
                and _OWN_SHARE.search(
                    next((c for c in reversed(parts[:index]) if numbers(to_arabic(c))), "")
                )
                and not _REIMBURSED.search(clause)
            ):
                # "手术自己出了三万多 化疗做了六次 一次自己出四千多": a second cost's own
                # share, besides the first's (not the first's share said again)
                amounts[last] += value
                last_value, monthly = value, None
            elif value is not None and last is not None and _OWN_SHARE.search(clause):
                if monthly is not None and not (YEAR.search(clause) or MONTH.search(clause)):
                    value *= 12  # "透析一个月将近两千，报了过后自己还要出八九百": by the month
                amounts[last] = value  # "住院用了十五万 报了一些 自己出了差不多十万"
            elif (
                value is not None
                and last is not None
                and monthly is not None
                and _SOMETIMES.match(clause)
                and not (MONTH.search(clause) or YEAR.search(clause))
                and pending is None  # (not after another source named: "卖羊子说不准 …")
            ):
                # "一个月寄一千五 有时候两千": a range, the midpoint of the two months
                amounts[last] += (value * 12 - monthly * 12) / 2
                monthly = None
            elif (
                value is not None
                and last is not None
                and _SOMETIMES.match(clause)
                and _USUALLY.match(previous)
                and not (MONTH.search(clause) or YEAR.search(clause))
            ):
                # "一般八百 有时候一千": a range, its midpoint, in the period of the first
                amounts[last] += (value - last_value) / 2
                last_value = (value + last_value) / 2
            elif value is not None:
                key = pending or UNASSIGNED  # "老公在外面一个月三千多": whose, not what
                if (
                    value < _MONTHLY_AT_MOST.get(key, 0)
                    and not (MONTH.search(clause) or YEAR.search(clause))
                    and not (MONTH.search(previous) or YEAR.search(previous))
                ):
                    value *= 12  # "我妈有养老金 两百出头": a pension is said by the month
                # "我每个月给她转钱，一般五百": by the month of the clause before (_carried)
                carried_month = (
                    pending is not None
                    and MONTH.search(previous)
                    and not YEAR.search(previous)
                    and not numbers(previous)
                    and not (MONTH.search(clause) or YEAR.search(clause))
                )
                if (EACH_HEAD.match(clause) or re.search(r"各\s*\d", to_arabic(clause))) and (
                    count := _people_before(parts, index)
                ):
                    value *= count  # "我们两个养老金 一个人一个月一百多"
                elif (head := EACH_ANIMAL.match(clause)) and (
                    count := animal_count(earlier, head.group(1))
                ):
                    value *= count  # "卖了五头猪 一头两千出头"
                monthly = (
                    value / 12
                    if (MONTH.search(clause) and not YEAR.search(clause)) or carried_month
                    else None
                )
                if monthly is not None and ahead and key == ahead_kind:
                    value, monthly, ahead = monthly * ahead, None, None
                amounts[key] = amounts.get(key, Decimal(0)) + value
                pending, last, last_value = None, key, value
            continue
        # "读书没得啥子学费 就是买点本子": a cost of nothing to speak of (not so of income:
        # "没得啥子挣钱的门路" is no wage of 0, "没啥子大病" no cost)
        fee = rf"(?:啥子?|什么|么子)(?:{kinds[kind]})[^，。\d]{{0,3}}?(?<=[费钱支销])"
        if re.search(r"(没有|没得|莫得|没)(?:人|谁)?" + kinds[kind], clause) or (
            kind in EXPENSE_TYPES and re.search(r"(没有|没得|莫得|没)" + fee, clause)
        ):
            # "女儿一年给个千把块 儿子莫得给": one giver's nothing is not the other's
            amounts.setdefault(kind, Decimal(0))
            continue
        value = _carried(per_year(clause), clause, earlier, kinds)
        if value is None:
            # "没什么大病": an illness said not to be, which lends its kind to no figure
            if not re.search(r"(没有|没得|莫得|没)[^，。\d]{0,4}" + kinds[kind], clause):
                pending = kind
            continue
        if (
            kind == "transfers"
            and not _GIVER.search(clause)
            and re.search(r"(?:寄|打|拿|带)[^，。]{0,3}回|回来", clause)
            and ("wages" in amounts or UNASSIGNED in amounts)
        ):
            continue  # "老公一个月三千左右 … 一个月寄回来一千五": part of his wage
        if EACH_HEAD.match(clause) and (count := _people_before(parts, index)):
            value *= count  # "两个儿子 每个一年给一千"
        elif (head := EACH_ANIMAL.match(clause)) and (
            count := animal_count(earlier, head.group(1))
        ):
            value *= count  # "卖了五头猪 一头两千出头"
        if kind == "transfers" and pending == ahead_kind == "wages" and _BROUGHT.search(clause):
            kind = "wages"  # "在工地做了四个月 拿回来两万出头": his own wages, brought home
        if (
            kind == "transfers"
            and last == "wages"
            and _BROUGHT.search(clause)
            and value < last_value
            and not _GIVER.search(clause)
        ):
            continue  # "老公一年挣三万出头 … 拿回来一万多": part of the wage said, brought home
        if (
            pending is not None
            and kind == "wages"
            and not re.search(kinds["wages"], _EARNING.sub("", clause))
            # "老公一年挣得到三万出头" after the work answer named only the farm: his wage
            and not (pending == told_before and _ANOTHER_EARNER.match(clause))
        ):
            kind = pending  # "跑货车拉货，一个月挣得到三千来块": the earning of that work
        if (
            value < _MONTHLY_AT_MOST.get(kind, 0)
            or (_MONTHLY_ALLOWANCE.search(clause) and value < _MONTHLY_AT_MOST["basic_pension"])
        ) and not (MONTH.search(clause) or YEAR.search(clause)):
            value *= 12
        elif (
            kind == "wages"
            and last in ("wages", UNASSIGNED)
            and monthly is not None
            and not (MONTH.search(clause) or YEAR.search(clause) or about_days(clause))
            and value * 12 == per_year(f"一个月{to_arabic(clause)}")
        ):
            value *= 12  # "我在工地一个月三千，老婆在超市两千": the month said before
        if kind == last and monthly is not None and _THIS_YEARS_SUM.search(clause):
            # "一个月给五百 但是他经常不给 今年拢共就给了两千": the year's sum, not 12 months
            amounts[kind] += value - last_value
            last_value, monthly = value, None
            continue
        amounts[kind] = amounts.get(kind, Decimal(0)) + value
        pending, last, last_value = None, kind, value
        # (by the week too: "洗碗一个礼拜三百 … 做了半年" is half a year of weeks)
        monthly = (
            value / 12
            if (MONTH.search(clause) or WEEK.search(clause)) and not YEAR.search(clause)
            else None
        )
    return amounts


def _carried(
    value: Decimal | None, clause: str, previous: str, kinds: dict[str, str]
) -> Decimal | None:
    """ "他哥哥每个月送点米，再给两百块钱": the month said just before (one or two clauses),
    with no figure of its own, is this figure's period, unless the two name different
    sources ("公益岗一个月五百 卖了点洋芋两千来块" has its figure)."""
    own = any(re.search(p, clause) for p in kinds.values())
    if (
        value is not None
        and _CHANGED_TO.search(clause)
        and not (MONTH.search(clause) or YEAR.search(clause))
        and _PAST.search(previous)
        and re.search(r"(每个?月|一个月|每月|月月)", previous)
    ):
        return value * 12  # "以前每个月给她一千, 外甥上大学以后降到三百了": a month's, now
    if (
        value is not None
        and re.match(r"\s*(?:一|1)(?:回|次)", clause)
        and re.search(r"季度", previous)
        and not numbers(previous)
    ):
        return value * 4  # "公益岗一个季度发一回 一回三千六"
    # (the clauses after the last with a figure: "自己出了四万多 现在每个月还要买药 五六百")
    pieces = previous.split(" ")
    last_figure = max((i for i, piece in enumerate(pieces) if numbers(piece)), default=-1)
    before = " ".join(pieces[last_figure + 1 :])
    if (
        value is not None
        and not (MONTH.search(clause) or YEAR.search(clause))
        and re.search(r"(每个?月|一个月|每月|月月)", before)
        # ("我一百九 她一百七 一个月的 女儿过年给了一千": the month of the figures before)
        and not re.fullmatch(r"\s*(?:都是|是)?(?:每|一|1)个?月的\s*", before)
        and not YEAR.search(before)
        and not numbers(before)
        and not about_days(before)
        and not (own and any(re.search(p, before) for p in kinds.values()))
    ):
        return value * 12
    return value


# Not knowing a sum: not remembering it (speech.DONT_KNOW_WORDS) or never having counted it.
CANNOT_COUNT = (
    f"{DONT_KNOW_WORDS}|说不来|说不好|说不出|算不清|算不到|算不来|没数过|没算过|不记账|没记账"
)

_VAGUE = re.compile(
    r"(几百|几千|几万|给点|给[他她我们]{1,2}点|一点|点点|有点|有些|有时候|不晓得好多|不知道多少|不一定|不固定|"
    r"说不准|没个准|看情况|不晓得|不知道|说不清|算不清|算不出)"
)
_CHILDREN_AWAY = re.compile(r"(儿子|女儿|儿女|娃儿|子女|亲戚|侄儿)[^，。]{0,3}(那边|那里|们)?")
_CHILD_S_OWN = re.compile(r"(生病|病了|发烧|感冒|上学|读书|放学|放假|哭|闹|去不了|走不开)")
_VAGUE_OR_UNKNOWN = re.compile(r"(不晓得|不知道|不清楚|有时候|不一定|没个准|莫得个准)")
# "侄儿子给他点钱 好多我不晓得": the amount not known, said in the next clause.
_HOW_MUCH_UNKNOWN = re.compile(
    r"(好多|多少)[^，。\d]{0,3}(?:我|他|她|我们)?(?:又|真的?|确实|也|是|都|实在)?"
    f"({CANNOT_COUNT})"
)


# A range one end of which is no figure ("几百到一千多"): after "好多我也说不准", no figure
_VAGUE_END = re.compile(r"几[十百千万][^，。\d]{0,3}(?:到|至)|(?:到|至)[^，。\d]{0,2}几[十百千万]")


# One sum or another, with not knowing which said then or later ("五百还是八百我记不清了",
# "七八千还是一万 … 我说不准")
_CHOICE = re.compile(r"\d[^，。\s\d]{0,3}还是[^，。\s\d]{0,3}\d")
_UNSURE = re.compile(f"({CANNOT_COUNT})")
# "记不到好多了", "不晓得好多": the amount not known, said first
_UNKNOWN_HOW_MUCH = re.compile(
    r"\s*(?:我|也|都|真的?)?" f"(?:{CANNOT_COUNT})" r"[^，。\d]{0,2}(?:好多|多少)"
)

# … said either way round ("给好多不知道", "不晓得好多")
_AMOUNT_UNKNOWN = re.compile(
    rf"{_HOW_MUCH_UNKNOWN.pattern}|({CANNOT_COUNT})[^，。\d]{{0,3}}(好多|多少)"
)


# "洗碗那点钱": the money told before, pointed back to (no vague figure).
_TOLD_BEFORE = re.compile(r"^\s*[^，。\d\s]{1,6}(?:那点|这点)(?:钱|工资|收入)?\s*$")
_YEAR_UNKNOWN = re.compile(
    f"(?:{CANNOT_COUNT})"
    r"[^，。\d]{0,3}(?:一年|全年|1年)[^，。\d]{0,3}(?:好多|多少)"
    # "一年到底好多我也说不清楚": the year first
    r"|(?:一年|全年|1年)[^，。\d]{0,3}(?:好多|多少)[^，。\d]{0,4}"
    f"(?:{CANNOT_COUNT})"
)


# A month's sum not paid every month ("一个月给五百 有时候给有时候不给"): with the year's sum
# not remembered, the year is not known.
_NOT_EVERY_MONTH = re.compile(
    r"有时候?(给|打|寄|拿)[^，。]{0,2}有时候?不\1|有一回没一回|有一次没一次|有一个月没一个月|"
    r"时有时无|不是每个月都|不是月月都"
)
_A_MONTH = re.compile(r"(?:一|1|每)个?月")


def _people_before(parts: list[str], index: int) -> int | None:
    """How many were named just before ("两个儿子"), or one clause further back when the clause
    between says where they are ("两个儿子 一个在上海一个在奉节城头 一年一个给三千")."""
    previous = parts[index - 1] if index else ""
    if count := people_count(previous):
        return count
    if index >= 2 and not numbers(previous):
        return people_count(parts[index - 2])
    return None


def _monthly_not_every_month(parts: list[str], kinds: dict[str, str]) -> list[str]:
    """ "他爸说一个月给五百 但是有时候给有时候不给 … 我记不清了": the source unknown."""
    if not any(re.search(CANNOT_COUNT, clause) for clause in parts):
        return []
    found, named, monthly = [], None, False
    for clause in parts:
        said = next((k for k, p in kinds.items() if re.search(p, clause)), None)
        if said and numbers(clause):
            named, monthly = said, bool(_A_MONTH.search(to_arabic(clause)))
        elif named and monthly and _NOT_EVERY_MONTH.search(clause):
            found.append(named)
    return found


def vague_kinds(text: str, kinds: dict[str, str] | None = None) -> list[str]:
    """Sources said with no figure that can be taken ("侄儿子有时候给点", "卖点菜一年几百块"):
    unknown, never a guess."""
    found = []
    figures = _by_kind(text, kinds or INCOME_SOURCES)
    kind = None
    named = None  # the last source named, however many clauses ago
    parts = clauses(text)
    for index, clause in enumerate(parts):
        said = next((k for k, p in (kinds or INCOME_SOURCES).items() if re.search(p, clause)), None)
        if (
            (said or named)
            and _CHOICE.search(to_arabic(clause))
            and any(_UNSURE.search(c) for c in parts[index:])
        ):
            # "春茶卖了好像七八千还是一万 … 我说不准": one sum or another, not known which
            found.append(said or named)
        named = said or named
    named = None
    for index, clause in enumerate(parts):
        previous = parts[index - 1] if index else ""
        said = next((k for k, p in (kinds or INCOME_SOURCES).items() if re.search(p, clause)), None)
        named = said or named
        unknown_how_much = (
            _HOW_MUCH_UNKNOWN.search(clause)
            or (
                re.match(r"\s*(不晓得|不知道|不清楚|说不清)", clause)
                and re.search(r"(好多|多少)\s*$", previous)  # "寄好多 不晓得"
            )
            or _UNKNOWN_HOW_MUCH.match(clause)  # "包谷也卖了点 记不到好多了"
        )
        if (
            said is None
            and (kind or named)
            and _YEAR_UNKNOWN.search(clause)
            and any("有时候" in c for c in parts)
        ):
            # "一头六七千 有时候一年卖一头 有时候卖三四头 … 我真的说不清一年好多": the price
            # is told, the year's sum not
            found.append(kind or named)
            continue
        another_item = kind and not numbers(previous)  # "卖猪两千多 … 包谷也卖了点 记不到好多"
        if (
            said is None
            and (kind or named)
            and unknown_how_much
            and (
                another_item
                or not figures.get(kind or named)
                or _VAGUE_END.search(" ".join(parts[index : index + 2]))
            )
        ):
            # the clause before named the source, or one a few clauses before ("他编那个盖盖
            # … 编好多我又没数过 … 卖好多钱我真的说不来")
            found.append(kind or named)
            continue
        if (
            said is None
            and kind
            and "有时候" in clause
            and per_year(clause) is not None
            and per_year(previous) is None
        ):
            found.append(kind)  # "侄儿子给的不晓得好多，有时候一两百": no yearly figure
            continue
        kind = said
        unknown_part = next(
            (
                piece
                for piece in re.split(r"\s+", clause)
                if _AMOUNT_UNKNOWN.search(piece) and not numbers(piece)
            ),
            None,
        )
        part_said = unknown_part and next(
            (k for k, p in (kinds or INCOME_SOURCES).items() if re.search(p, unknown_part)), None
        )
        if part_said:
            # "我给了两千 我爸给好多不知道": one giver's figure, another's unknown — the
            # source's year is not known, whatever the first gave
            found.append(part_said)
            continue
        if (
            kind is None
            and _CHILDREN_AWAY.search(clause)
            and _VAGUE_OR_UNKNOWN.search(clause)
            # (not a child's own doings: "有时候娃儿生病去不了")
            and not _CHILD_S_OWN.search(clause)
        ):
            if not figures.get("transfers"):
                found.append("transfers")  # "儿子那边不晓得 有时候打点有时候不打"
            continue
        if not kind or not _VAGUE.search(clause) or _TOLD_BEFORE.match(clause):
            continue
        if _OWN_USE.search(clause) and not numbers(clause):
            continue  # "只有点自留地种菜吃": food for the table, no income
        if per_year(clause) is not None and "有时候" in clause:
            found.append(kind)  # "有时候给五百": not a yearly figure
        elif per_year(clause) is None and not figures.get(kind):
            found.append(kind)  # "给两三千，有时候还不给" has its figure
    found += _monthly_not_every_month(parts, kinds or INCOME_SOURCES)
    # "有时候打五百 有时候一两个月都没打 一年下来三千左右": the year's figure is told
    summed = any(_OVER_THE_YEAR.search(c) and per_year(c) is not None for c in parts)
    return [k for k in dict.fromkeys(found) if not (summed and figures.get(k))]


_HOW_PAID = re.compile(r"\s*(?:是|按)?(?:计件|按件|按天|按月|论件)(?:的|算|拿钱)?\s*$")


def named_sources(text: str) -> list[str]:
    """Sources named without an amount ("我在扶贫项目的基地打工"): the work answer tells what
    the income answer's "基地上一年做得到万把块" is."""
    found: list[str] = []
    for clause in clauses(text):
        kind = next((k for k, p in INCOME_SOURCES.items() if re.search(p, clause)), None)
        if kind == "wages" and found[-1:] == ["poverty_project_wages"] and _HOW_PAID.match(clause):
            continue  # "老婆在扶贫车间做手工，计件的": how that work is paid, no other work
        # Money sent home is not named by a work answer ("给大车打气" is no gift).
        if (
            kind
            and kind not in ("other", "transfers")
            and per_year(clause) is None
            and not _DEBT.search(clause)
        ):
            found.append(kind)
    return list(dict.fromkeys(found))


_COUNT_FIXED = re.compile(
    r"(\d+)(\s*[头只亩])(?P<between>[^。]*?)[，,\s]*(?:哦|噢)?\s*(?:不对|说错了|搞错了|不是)[，,\s]*"
    r"(?:是)?(?P<count>\d+)\s*[头只亩]"
)


def _counts_corrected(text: str) -> str:
    """ "出栏了十二头猪 一头赚两百来块 哦不对 十头": the count said last, in place of the first."""
    converted = to_arabic(text)
    fixed = _COUNT_FIXED.search(converted)
    if not fixed:
        return text
    return (
        converted[: fixed.start()]
        + fixed.group("count")
        + fixed.group(2)
        + fixed.group("between")
        + converted[fixed.end() :]
    )


# A crop's season ("茶叶一季采得到五六百 一年采两季", "烤烟一季一万多"): a harvest, not a
# quarter of a year (一季度, 按季 are quarters, `per_year`).
_A_SEASON = re.compile(r"(?:一|1|每)季(?!度)")
_SEASONS = re.compile(r"(?:一|1)年[^，。\d]{0,3}?(\d)\s*季(?!度)")


def _by_the_season(text: str) -> str:
    """The season's takings × the seasons a year said ("一年采两季"), else × 1 for a crop;
    the text with the season's clause said by the year and the count of seasons taken out."""
    converted = to_arabic(text)
    if not _A_SEASON.search(converted):
        return text
    count = _SEASONS.search(converted)
    if not count and not re.search(INCOME_SOURCES["agriculture"], converted):
        return text
    times = int(count.group(1)) if count else 1
    if count:
        converted = converted.replace(count.group(0), "")
    for clause in clauses(converted):
        said = _A_SEASON.sub("一年", clause)
        figure = re.findall(r"\d+(?:\.\d+)?", said)
        if said != clause and len(figure) == 1:
            yearly = re.sub(r"\d+(?:\.\d+)?", _plain(Decimal(figure[0]) * times), said)
            return converted.replace(clause, yearly)
    return text


# What was paid for an injury went to the care ("都拿去交医药费了")
_FOR_THE_BILLS = re.compile(
    r"(?:拿去|拿来|用来|用于|用在|花在|垫)[^，。\d]{0,3}(?:交|付|给|还)?[^，。\d]{0,2}"
    r"(?:医药费|医疗费|住院费|手术费|看病|治病|医院|药费)"
)
_COMPENSATION = re.compile(r"(营养费|赔偿|赔了|误工费|抚恤|补偿)")
_PAYER = re.compile(rf"(公司|老板|厂里|单位|保险|优待金|部队|{_COMPENSATION.pattern[1:-1]})")


# "一个人一个月1400 两个人就是2800": each one's, then both together for the same period.
_EACH_THEN_ALL = re.compile(
    r"(?:1|一|每)个?(?:人|娃儿?|孩子|学生)"
    r"(?P<per>[^，。\d]{0,3}?(?:(?:1|一|每)个?(?:月|年|星期|礼拜|周|学期))?[^，。\d]{0,5}?)(?P<each>\d+)[^\d]{0,3}?(?P<count>\d)\s*个?人?"
    r"(?:就是|一共|加起来|总共|合起来|合计|总计|共)\s*(?P<all>\d+)"
)


# "两头卖了五千块钱，一头两千五": the price of each after the sum it makes, the same money.
_ALL_THEN_EACH = re.compile(
    r"(?P<count>\d+)\s*(?P<unit>[头只个])[^，。\d]{0,6}?(?P<all>\d+)[^，。\d]{0,4}?"
    r"(?P<each>[，,。\s]+(?:1|一|每)(?P=unit)[^，。\d]{0,3}?(?P<price>\d+(?:\.\d+)?)[^，。\d]{0,3})"
)


def _all_then_each(text: str) -> str:
    converted = to_arabic(text)
    found = _ALL_THEN_EACH.search(converted)
    if not found or Decimal(found.group("count")) * Decimal(found.group("price")) != Decimal(
        found.group("all")
    ):
        return text
    each = found.group("each").strip("，,。 ")
    for piece in re.split(r"([，,。\s]+)", text):
        if piece and to_arabic(piece).strip("，,。 ") == each:
            return text.replace(piece, "", 1)  # the words as said, not in Arabic figures
    return text


# "一个人一学期两千五左右 两个人": each one's figure, then how many
_COUNT_AFTER = re.compile(
    r"(?P<lead>[^，。\s\d]*?)(?P<each>(?:(?<!\d)1个人|每人|每个人|(?<!\d)1人)[^，。]*?\d[^，。]*?)[\s，,]+"
    r"(?P<n>[2-9])\s*个人?(?=[\s，,。]|$)"
)


def _count_said_after(text: str) -> str:
    """ "娃儿一个人一学期两千五 两个人" → "2个人 娃儿一个人一学期2500": the count first, as
    "两个娃儿 一个人…" says it."""
    converted = to_arabic(text)
    found = _COUNT_AFTER.search(converted)
    if not found:
        return text
    moved = f"{found.group('n')}个{found.group('lead') or '人'}，{found.group('each').strip()}"
    return converted[: found.start()] + moved + converted[found.end() :]


def _each_then_all(text: str) -> str:
    """ "一个人一个月1400 两个人就是2800" → "2个人合起来一个月2800": the sum, with the period."""
    converted = to_arabic(text)
    found = _EACH_THEN_ALL.search(converted)
    if not found or int(found.group("all")) != int(found.group("each")) * int(found.group("count")):
        return text
    together = f"{found.group('count')}个人合起来{found.group('per')}{found.group('all')}"
    return converted[: found.start()] + together + converted[found.end() :]


# A price a piece or a time said alone ("三块钱一个"): no income without the count.
_FIGURE = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)"
_PRICE_EACH = (
    rf"(?:{_FIGURE}\s*(?:块|元)钱?\s*(?:一|1)\s*(?:个|次|回|位|碗|份|把|件|双|条|张|床|捆)(?!月)|"
    rf"(?:一|1)\s*(?:个|次|回|位|碗|份|把|件|双|条|张|床|捆)\s*{_FIGURE}\s*(?:块|元)?钱?)"
)


# The 低保 money a household already receives is what the assessment decides, not income.
_SPENT_OR_DIBAO = re.compile(
    r"((?<![农兽挖采])(?<!挖点)(?<!采点)药(?![材卖])|看病|住院|透析|化疗|打针|治疗)|"  # "吃药一个月两百": a cost
    r"(?:星期|礼拜|周|住校)[^，。]{0,4}(?:生活费|伙食费)|"  # a pupil's week: a cost
    r"报销|新农合|农合|大病保险|医保[^，。]{0,3}(?:报|赔)|"  # insurance paying back a bill
    rf"{_SPENT.pattern}|(?:低保|五保|特困)(?:金|钱|费)?[^，。]{{0,4}}(?:\d|一|两|二|三|四|五|六|七|八|九|百)|"
    # one day's takings told in a story ("今天卖了五六块给他买了点肉"): no year's income
    r"(?:今天|昨天|前天|那天)[^，。]{0,4}(?:卖了|挣了|得了|赚了)|"
    # a settlement paid once for an injury ("老板私了给了六万"): what is left of it is savings
    r"私了|一次性[^，。\d]{0,3}(?:赔|补偿)|"
    # a loss ("猪瘟死了六头 亏了两三万"): no income
    r"亏了|亏本|亏损|损失|蚀本|折本|赔本|白干|"
    # a stall's fee said to be taken off already ("摊位费一个月两百多已经除了")
    r"(?:摊位费|铺面费|场地费|门面费|房租)[^，。]{0,8}(?:已经)?(?:除了|扣了|刨了|除开|减了)|"
    # farm subsidies (耕地地力保护补贴, 种粮补贴) are not counted as income
    r"耕地[^，。]{0,4}补贴|地力[^，。]{0,2}补贴|种粮补贴|粮食?补贴|粮补|农资补贴|"
    # the money left in one's pocket ("回来的时候身上就剩四十块钱"): no income
    r"(?:身上|手上|兜里|包里)[^，。]{0,4}剩|"
    # what is left of a sum paid once ("赔的钱剩得有三万多"): savings, no year's income
    r"(?:赔|补偿)[^，。\d]{0,4}(?:剩|还剩|还有)|"
    # what neighbours gave after a fire or a flood ("村民捐的三千多块"): no income
    r"捐[的了款助]|募捐|(?:水滴|轻松)筹|众筹|"
    rf"^\s*{_PRICE_EACH}\s*$"
)


# Someone's days of work ("儿子一天一百五 做了个把月", "女儿暑假一天一百"): wages.
# A price by weight said on its own ("晒干一块钱一斤", "五毛一斤"): no income by itself.
_PRICE_A_WEIGHT = re.compile(
    r"(\d+(?:\.\d+)?\s*(?:块|元|毛|角)(?:\d)?钱?\s*(?:一|1|每)\s*(?:斤|公斤|串|件|双|捆|根|颗))"
    r"|(?:一|1|每)\s*(?:斤|公斤)[^，。\d]{0,3}\d"
    # "租金一亩四百": a rate by the mu (the year's sum is said with the mu counted)
    r"|(?:租金|租钱|流转费?)[^，。\d]{0,2}(?:一|1|每)\s*亩[^，。\d]{0,3}\d"
    # "鸡蛋一个卖一块二": a few yuan a piece, a price
    r"|(?:一|1|每)\s*个[^，。\d]{0,3}(?<!\d)[1-9](?:\.\d+)?\s*(?:块|元|毛|角)\s*\d?(?![\d.])"
)
_WORKED = re.compile(r"(做了|干了|上了|儿子|女儿|老公|男人|婆娘|老婆|媳妇|女婿|暑假|寒假)")
_SUMMED = re.compile(r"((?:一|1|每)个?月下来|一年下来|算下来|算起来|合起来|拢共|总共|一共)")


def _sold_kind(text: str) -> str:
    """Whose produce was sold by weight: the source the answer names (a shop's goods are its
    business), else the household's own produce."""
    named = [k for c in clauses(text) for k, p in INCOME_SOURCES.items() if re.search(p, c)]
    return "business" if "business" in named else "agriculture"


def _rent_paid(text: str) -> tuple[str, Decimal]:
    """The rent of land rented in to farm, and the words without it: "租了十亩地种烤烟 …
    租金一亩五百" pays 5,000 a year out of the harvest. Rent received (租给别人) is income."""
    if not _RENTED_IN.search(text) or _LET.search(_RENT.sub("", text)):
        return text, Decimal(0)
    for clause in clauses(text):
        if _RENT.search(clause) and (value := per_year(clause)) is not None:
            mu = by_the_mu(text)
            rent = mu[0] * mu[1] if mu and mu[0] == value else value
            return text.replace(clause, ""), rent
    return text, Decimal(0)


_BOUND_AFTER = re.compile(
    r"(?<=[\d一二三四五六七八九十百千万几多来块元头])[，,\s]*(?:不到|不够|没到|不满)\s*[一二三四五六七八九十两百千万\d]+\s*(?:块|元)?(?=$|[，。,\s])"
)
_PENSION_EACH = re.compile(
    r"((?:养老金|养老钱|老年钱)[^，。\d]{0,3})一个(?=\s*[一二三四五六七八九两\d])"
)


def _not_then_said_again(text: str) -> str:
    """ "一百九 不是 两百 两百出头": the figure after 不是 said again is the figure put right
    (not "one hundred ninety, not two hundred")."""
    converted = to_arabic(text)
    fixed = re.sub(r"不是\s*(\d+)\s*[，,\s]\s*(?=\1(?!\d))", "哦 ", converted)
    return fixed if fixed != converted else text


# "养老金两个人都是一个月一百九十几": the same, each one's ("他们两个养老金都是…" is read
# with the members, in topic_means)
_PENSION_BOTH = re.compile(
    r"((?:养老金|养老钱)[^，。\d]{0,2}(?:两个人?|两人|我们两个|他们两个|两个老的))"
    # ("养老金两个人一个月都是一百八十几")
    r"((?:一|1|每)个?月)?都是"
)


# "两个人养老金一个月一百八十几 一人一份": the figure, then that each has it
_A_SHARE_EACH = re.compile(
    r"((?:两个人?|两人|两个老的|他们两个|我们两个)的?(?:养老金|养老钱))([^，。\s]{1,14})[\s，,]+"
    r"(?:一人一份|一个人一份|每人一份|一人一个|各一份|一人一样)"
)


def _pension_each_one(text: str) -> str:
    """ "两个人养老金 一个一百七": each one's ("一个" for "一个人"); "…两个人都是…": each."""
    text = _A_SHARE_EACH.sub(r"\1各\2", text)
    return _PENSION_BOTH.sub(
        lambda m: f"{m.group(1)}各{m.group(2) or ''}", _PENSION_EACH.sub(r"\1一个人", text)
    )


def _bound_after_dropped(text: str) -> str:
    """ "是一百八十几 不到两百": the bound said after the figure is no second amount."""
    return _BOUND_AFTER.sub("", text) if len(numbers(text)) >= 2 else text


def _pension_paused(text: str) -> str:
    """ "两个老的养老金 一个月一人一百七十几": one clause, the pause before its figure."""
    return re.sub(r"((?:养老金|养老钱|老年钱))\s+(?=(?:一|1|每)个?月)", r"\1", text)


# A dead worker's dependants' monthly 抚恤 ("抚恤金一个月两千四 是我们几个人的供养的"): a
# survivors' pension, as 遗属补助 is, not a veteran's 优抚
_DEPENDANTS = re.compile(
    r"抚恤[^。]{0,20}供养|供养[^。]{0,10}抚恤|(?:矿上|厂里|单位|公司)[^，。\d]{0,6}抚恤|工亡"
)


# "大儿子在福建 二儿子在广东 两个加起来一年两千来块": what the two named give together
_KIN_TOGETHER = re.compile(
    r"((?:大|二|三|幺|小)?(?:儿子|女儿|闺女)[^，。\d]{0,8}[\s，,]+(?:大|二|三|幺|小)?(?:儿子|女儿|闺女)"
    r"[^，。\d]{0,8}[\s，,]+(?:两|2)个(?:人)?(?:加起来|合起来|一起))(?!给)"
)


def _kin_together(text: str) -> str:
    return _KIN_TOGETHER.sub(r"\1给", text)


def _dependants_pension(text: str) -> str:
    return re.sub(r"抚恤金?", "遗属补助", text) if _DEPENDANTS.search(text) else text


# The farm's produce said to be eaten, not sold
_NOT_SOLD = re.compile(r"(没卖过|没有?卖|不卖|莫卖|拿来吃|自己吃|留到吃|留着吃)")


def read_income(text: str, named: list[str] | None = None) -> dict[str, Decimal]:
    """Annual income by source; {"total": x} when only a total was said. `named`: the
    sources an earlier answer named without amounts; when it is one source other than
    plain wages, an earning said without its source ("一年做得到万把块") is that source's."""
    earlier = named[0] if named and len(named) == 1 and named[0] != "wages" else None
    if earlier == "agriculture" and _NOT_SOLD.search(text):
        earlier = None  # "钱就是儿子一人一千，米和苞谷是拿来吃的没卖过": not the farm's
    for rewrite in _INCOME_REWRITES:
        text = rewrite(text)
    weighed = by_weight(text)
    sold = by_quantity(text) if weighed is None else None
    if weighed is not None or sold is not None:
        # "一头三百来斤 九块钱一斤", "卖了两百斤 六十块一斤": read by weight, and only so
        said_of = _sold_kind(text)
        text = to_arabic(text) if weighed is not None else per_weight(text)
        for words in (weighed or sold)[1]:
            text = text.replace(words, "")
    piece = by_the_piece(text)
    if piece is not None:
        # "背篓一个卖四十左右，一个月编得到十来个": what is made and sold, by the piece
        piece_kind = next(
            (k for c in clauses(text) for k, p in INCOME_SOURCES.items()
             if re.search(p, c) and k not in ("basic_pension", "other_pension", "transfers")),
            earlier or "business",
        )  # fmt: skip
        text = price_first(text)
        for words in piece[1]:
            text = text.replace(words, "", 1)
    text, rent = _rent_paid(text)
    if not _LET.search(text):
        # "房租一个月四百": rent the household pays is no income (nor a rigid expense)
        text = "，".join(c for c in clauses(text) if not _RENT_PAID.search(c) or _NET.search(c))
    amounts = _by_kind(text, INCOME_SOURCES, earlier, skip=_SPENT_OR_DIBAO)
    if rent and amounts.get("agriculture"):
        amounts["agriculture"] = max(Decimal(0), amounts["agriculture"] - rent)
    if piece is not None and not any(
        _OVER_THE_YEAR.search(c) and numbers(c) and amounts.get(piece_kind) for c in clauses(text)
    ):
        # (not when the year's sum of it is said too: "一只一千二 … 一年算下来七八千块")
        amounts[piece_kind] = amounts.get(piece_kind, Decimal(0)) + piece[0]
    if weighed is not None:
        amounts["agriculture"] = amounts.get("agriculture", Decimal(0)) + weighed[0]
    if sold is not None:
        amounts[said_of] = amounts.get(said_of, Decimal(0)) + sold[0]
    if (mu := by_the_mu(text)) is not None and not any(
        abs(v - mu[0] * mu[1]) <= mu[0] * mu[1] * Decimal("0.15")
        for k, v in amounts.items()
        if k in ("other", UNASSIGNED) and v != mu[0]
    ):
        # (not when the year's sum is said too: "租金一亩四百 流转了五亩半 一年两千二")
        rate, count = mu
        kind = next(
            (k for k, v in amounts.items() if v == rate),
            "other" if re.search(r"(租金|租钱|流转)", text) else UNASSIGNED,
        )
        amounts[kind] = rate * count  # "一亩七百 九亩": the mu's rent, times the mu
    summed = any(_SUMMED.search(c) and numbers(c) for c in clauses(text))
    earnings = day_earnings(text) if not summed else []
    # "透析一个星期三次 一次自己出一百": a cost by the time, not an earning
    costs = [said for _, _, said in _costs_by_the_time(text)]
    earnings = [(v, w) for v, w in earnings if not any(c in to_arabic(w) for s in costs for c in s)]
    for daily, words in earnings:
        # ("一天做两百双 一个月二十天 算下来一个月一千左右": the sum said is the figure)
        # The source of the clauses that give the day's pay and the days ("零工一天两百 一个月
        # 做得到十五天"), not of the rest ("我爸养老金一个月一百多" is another source); when
        # several are said, each in its own words ("拉客一天四五十 … 女儿一天一百 做了四十来天").
        said = [c for c in clauses(text) if about_days(c)] if len(earnings) == 1 else clauses(words)
        # Market days (赶场 "一个月赶十来场，一场五十"): what is sold there names the source
        # anywhere in the answer ("赶场卖菜": the household's own produce).
        market = any("场" in c for c in said)
        where = clauses(text) if market else said
        if market:  # what is carried to market ("菜背到场上卖") before another source's clause
            where = sorted(where, key=lambda c: not re.search(r"(卖|场)", c))
        # One of several earnings that names no source but someone's days of work ("女儿暑假
        # … 一天一百 做了四十来天") is a wage, not the source an earlier answer named.
        own = len(earnings) > 1 and _WORKED.search("".join(said))
        kind = next(
            (
                k
                for c in where
                for k, p in INCOME_SOURCES.items()
                if re.search(p, c)
                # (what is sold at market is no gift nor pension said in another clause:
                # "一场赚个六七十 一个月十场左右 儿子有时候打点钱回来")
                and (c in said or k not in ("transfers", "basic_pension", "other_pension"))
            ),
            (None if own else earlier) or ("wages" if UNASSIGNED in amounts or not amounts
                                           or _WORKED.search("".join(said)) else UNASSIGNED),
        )  # fmt: skip
        if (
            kind in ("wages", UNASSIGNED)
            and len(earnings) == 1
            and not re.search(INCOME_SOURCES["wages"], _EARNING.sub("", text))
            and re.search(INCOME_SOURCES["business"], text)
        ):
            # "开摩的拉客 一趟五块 一天跑二三十趟", "卖包面 一天赚得到二十来块": the trade named before
            kind = "business"
        elif (
            kind in ("wages", UNASSIGNED)
            and len(earnings) == 1
            and not re.search(INCOME_SOURCES["wages"], _EARNING.sub("", text))
            and re.search(_GLEANED, text)
        ):
            kind = "other"  # "捡废品天天都去 一天卖得到七八块": scrap picked up and sold
        elif (
            kind in ("wages", UNASSIGNED)
            and len(earnings) == 1
            and not re.search(INCOME_SOURCES["wages"], _EARNING.sub("", text))
            and _GATHERED.search(text)
        ):
            kind = "agriculture"  # "捡菌子卖 一早上捡得到三十": what was gathered, named before
        gathered = _GATHERED.search(text if len(earnings) == 1 else "".join(where))
        if kind == "agriculture" and not market and not gathered:
            kind = "wages"  # paid by the day for picking tea or digging: someone else's farm
        if not any(per_year(c) is not None for c in clauses(text) if not about_days(c)):
            amounts.pop(UNASSIGNED, None)
        amounts[kind] = amounts.get(kind, Decimal(0)) + daily
    if not earnings and (shop := shop_by_the_day(text)) is not None:
        amounts["business"] = amounts.get("business", Decimal(0)) + shop
    _both_have(text, amounts)
    if set(amounts) <= {UNASSIGNED}:
        # No source named: "一年收入一万" is a total; "零零碎碎一年七八千" is left to the
        # reader, who knows whether someone in the household works.
        for clause in clauses(text):
            value = per_year(clause)
            if value is not None and _TOTAL.search(clause):
                return {"total": value}
    return amounts


# "养老金一个月一百二，两个老的都有", "… 我们三个都有": the figure is each one's, told
# before how many have it.
_BOTH_HAVE = re.compile(
    r"^(?:我们|他们|她们)?(?:(?P<n>[两二三四234])个(?:老的|老人|人)?|老两口|两口子|老2口|2口子)"
    r"[^，。\d]{0,3}?都(?:有|是|在领|领得到|拿得到)"
)


def _both_have(text: str, amounts: dict[str, Decimal]) -> None:
    parts = clauses(text)
    for at, (previous, clause) in enumerate(zip(parts, parts[1:], strict=False)):
        said = _BOTH_HAVE.search(clause.strip())
        if not said or numbers(clause):
            continue
        count = {"两": 2, "二": 2, "三": 3, "四": 4, "2": 2, "3": 3, "4": 4}.get(said.group("n"), 2)
        # "养老金嘛 一个人一个月两百出头 我们三个都有": the source named a clause earlier
        source = previous if at == 0 or numbers(parts[at - 1]) else parts[at - 1] + previous
        kind = next((k for k, p in INCOME_SOURCES.items() if re.search(p, source)), None)
        value = per_year(previous)
        if kind in ("basic_pension", "other_pension") and value and amounts.get(kind) == value:
            amounts[kind] = value * count


# Rehabilitation at a hospital is care of the disabled, not a hospital bill.
# A clause that names medicine or treatment too ("康复吃药 一年三四千") is a medical cost.
_EXPENSE_ORDER = {
    "disability_care": r"^(?!.*(?:药|看病|住院|治疗|手术|检查|化疗|透析)).*"
    + EXPENSE_TYPES["disability_care"],
    **{kind: words for kind, words in EXPENSE_TYPES.items() if kind != "disability_care"},
}


def _costs_by_the_time(text: str) -> list[tuple[str, Decimal, list[str]]]:
    """ "透析一次自己出四五十 一个礼拜三次": a cost by the time (or the day) with the times
    said, as (kind, the year's amount, its clauses)."""
    found = []
    for value, words in day_earnings(text):
        said = [c for c in clauses(to_arabic(text)) if about_days(c) and c in to_arabic(words)]
        kind = next(
            (k for k, p in _EXPENSE_ORDER.items() if any(re.search(p, c) for c in said)), None
        )
        if kind is None and _COST.search("".join(said)):
            kind = next((k for k, p in _EXPENSE_ORDER.items() if re.search(p, text)), "medical")
        if kind is not None and said:
            found.append((kind, value, said))
    return found


# What the hills give, sold by the day's gathering ("捡菌子一早上三十来块"): the household's own.
_GATHERED = re.compile(r"(捡菌|采菌|菌子|蘑菇|蝎子|山货|竹笋|笋子|蕨菜|野菜)")


# Money paid out, not earned: "自己出", "花", "交" (not 花椒, 花生: crops).
_COST = re.compile(r"(自己出|自付|自费|花(?![椒生卉草])了?|交了?|用了?|要出|(?<!只)要(?=\s*\d))")


# "一个星期生活费八十 … 一年读四十来个星期": the weeks of a school year, not 52.
_WEEKS_A_YEAR = re.compile(
    r"(?:1|一|每)(年|个?学期)[^，。\d]{0,4}?(\d+)\s*(?:来|多)?\s*个?(?:星期|礼拜|周)"
)
_A_WEEK = re.compile(
    r"(?:1|一|每)个?(?:星期|礼拜|周)(?![^，。\d]{0,3}?\d+\s*[天次回场])([^，。\d]{0,8}?)(\d+(?:\.\d+)?)(?![\d.])"
)


def _by_the_weeks_said(text: str) -> str:
    converted = to_arabic(text)
    weeks = _WEEKS_A_YEAR.search(converted)
    if not weeks:
        return text
    count = int(weeks.group(2)) * (1 if weeks.group(1) == "年" else 2)  # two terms a year
    if not 10 <= count <= 52:
        return text
    converted = converted[: weeks.start()] + converted[weeks.end() :]
    return _A_WEEK.sub(
        lambda m: f"一年{m.group(1)}{(Decimal(m.group(2)) * count).normalize():f}", converted
    )


# The times had so far this year, then the cost of one ("化疗做了四次了 一次自己要出三千多")
_TIMES_THEN_ONE = re.compile(
    r"(?P<had>(?:做|住|打|透|化|输|去)了?\s*(?P<times>\d{1,2})\s*(?:次|回)了?)[，。,\s]+"
    r"(?:一|1|每)(?:次|回)(?P<how>[^，。\d]{0,6}?)(?P<one>\d+(?:\.\d+)?)(?![\d.])"
)


def _in_figures_where(pattern: re.Pattern, replace, text: str) -> str:
    """`text` with `pattern`'s matches replaced, read in Arabic figures; unchanged (its own
    words kept) where nothing matches."""
    converted = to_arabic(text)
    return pattern.sub(replace, converted) if pattern.search(converted) else text


def _times_had_then_one(text: str) -> str:
    """ "化疗做了四次了 一次自己要出三千多": the times had × the cost of one, this year's."""
    return _in_figures_where(
        _TIMES_THEN_ONE,
        lambda m: (
            f"{m['had']}，今年{m['how']}{(Decimal(m['one']) * int(m['times'])).normalize():f}"
        ),
        text,
    )


# A cost still to come ("手术要十几万 还没做 拿不出来"): no money spent this year.
_NOT_YET = re.compile(
    r"(还没做|还没有做|没做成|还没动|还没开始|等钱做|没钱做|还没开|还没有开|开不起|做不起|没钱开)"
)


def read_expenses(text: str) -> dict[str, Decimal]:
    for rewrite in _EXPENSE_REWRITES:
        text = rewrite(text)
    by_time = _costs_by_the_time(text)
    rest = [c for c in clauses(to_arabic(text)) if not any(c in said for _, _, said in by_time)]
    amounts = _by_kind("，".join(rest) if by_time else text, _EXPENSE_ORDER, skip=_EARNED_OR_LIVING)
    amounts.pop(UNASSIGNED, None)
    for kind, value, _ in by_time:
        amounts[kind] = amounts.get(kind, Decimal(0)) + value
    if (
        not amounts.get("medical")
        and (_REIMBURSED.search(text) or _PAID_BY_OTHERS.search(text))
        and _OWN_SHARE.search(text)
    ):
        # "今年报销完自己还出了七万多", "报了过后自己每个月还要出一千二 女儿一学期…": what is
        # left after a reimbursement is a medical cost
        parts = clauses(text)
        told = [i for i, c in enumerate(parts) if _REIMBURSED.search(c) or _OWN_SHARE.search(c)]
        # (not of a cost named before it: "康复训练一个月一千多 报了一部分 自己还要出四五百")
        named = any(re.search(p, c) for c in parts[: told[0] + 1] for p in EXPENSE_TYPES.values())
        share = "，".join(parts[i] for i in told)
        medical = (
            read_expenses(f"看病，{share}").get("medical")
            if "看病" not in text and not named
            else None
        )
        if medical:
            amounts["medical"] = medical
    return amounts


def _not_yet_needed(text: str) -> str:
    """A cost still to come ("还没做 要三万") is no cost of the year."""
    if not _NOT_YET.search(text or ""):
        return text
    return "，".join(c for c in clauses(text) if not (re.search(r"(要|得|需要)", c) and numbers(c)))


# Paid by someone else: "包工头那八千块是直接交的医院", "老板出了一万"
_PAID_BY_OTHERS = re.compile(
    r"(包工头|老板|公司|厂里|政府|民政|医保|保险|好心人|别人)[^，。]{0,8}(?:交|出|给|付|垫|赔)"
)


_FROM_NOW_ON = re.compile(r"\s*(?:后面|以后|今后|往后|接下来|将来|后头)")


def _this_year_only(text: str) -> str:
    """ "今年…自己出了四万多，后面每个月还要输血，一个月自己也要出一两千": the year's cost told,
    not what is to come."""
    parts = clauses(text)
    kept, coming = [], False
    for at, clause in enumerate(parts):
        if at and _FROM_NOW_ON.match(clause) and any(numbers(c) for c in parts[:at]):
            coming = True  # (and the clauses that go on about it)
        elif coming and (
            _GOES_ON.match(clause) or any(re.search(p, clause) for p in EXPENSE_TYPES.values())
        ):
            coming = False  # "平时降压药每月五十左右": another cost
        if not coming:
            kept.append(clause)
    return "，".join(kept) if len(kept) < len(parts) else text


_GOES_ON = re.compile(r"\s*(?:平时|另外|还有|再就是|其他)")


def _own_share_only(text: str) -> str:
    """ "包工头那八千块是直接交的医院 我们自己还贴了两万多": of a bill paid partly by someone
    else, the household's own share is its cost."""
    parts = clauses(text)
    if not any(_OWN_SHARE.search(c) and numbers(c) for c in parts):
        return text
    kept = [
        c
        for c in parts
        if not (_PAID_BY_OTHERS.search(c) and numbers(c) and not _OWN_SHARE.search(c))
    ]
    return "，".join(kept) if len(kept) < len(parts) else text


_ADDED_UP = re.compile(r"(加上|加起来|算上|连[^，。]{0,6}一起)")
_IN_ALL = re.compile(r"(总共|一共|合计|总的|加起来|全部加)")


def _in_all_after_parts(text: str) -> str:
    """ "透析自己还要出一千多一个月，加上吃药，一个月总共一千五左右": the parts added up, then
    the sum said — the sum, under the parts' names (kept without their figures)."""
    sentences = re.split(r"(?<=[。！!])", text)
    told = []
    for sentence in sentences:
        parts = clauses(sentence)
        last = max((i for i, c in enumerate(parts) if numbers(c)), default=None)
        if (
            last
            and _IN_ALL.search(parts[last])
            and _ADDED_UP.search(sentence)
            # (not one cost's parts summed: "儿子读高中一学期学费住宿加起来一千五六")
            and not any(re.search(p, parts[last]) for p in EXPENSE_TYPES.values())
            and any(numbers(c) for c in parts[:last])
        ):
            named = [
                next((m.group(0) for p in EXPENSE_TYPES.values() if (m := re.search(p, c))), "")
                if numbers(c)
                else c
                for c in parts[:last]
            ]
            sentence = "，".join([n for n in named if n] + parts[last:]) + "。"
        told.append(sentence)
    return "".join(told)


_BEFORE_THIS_YEAR = re.compile(r"(去年|前年|上一年|头年)")


def _this_year_s_not_last(text: str) -> str:
    """ "手术去年花了三万多 报了一大半 今年吃药一个月两百左右": last year's bill, then this
    year's cost — the year's cost is this year's."""
    parts = clauses(text)
    last_year = [i for i, c in enumerate(parts) if _BEFORE_THIS_YEAR.search(c) and numbers(c)]
    if not last_year or not any("今年" in c and numbers(c) for c in parts[last_year[0] + 1 :]):
        return text
    return "，".join(c for i, c in enumerate(parts) if i not in last_year)


# A time's cost, then the own share of it after the reimbursement: "化疗一次要三千多 报了还要
# 自己出一千多 一个月一次".
_ONE_TIME_S_SHARE = re.compile(
    r"(?P<once>(?:1|一|每)次)[^，。\d]{0,4}?\d+(?:\.\d+)?[^，。\d]{0,3}[，,\s]+"
    r"报[了销完过]?[^，。\d]{0,6}?(?:自己|自付)[^，。\d]{0,3}?(?P<own>\d+(?:\.\d+)?)"
)


def _one_time_s_own_share(text: str) -> str:
    """ "化疗一次要三千多 报了还要自己出一千多": the time's own share is its cost."""
    return _in_figures_where(_ONE_TIME_S_SHARE, lambda m: f"{m['once']}自己出{m['own']}", text)


# The expense answer's rewrites, in the order they apply: each returns the text as the next
# reads it (a cost to come dropped, the year's cost kept, the own share, a count said after
# the cost, each one's then all, costs by the week).
# "学费五千加住宿一千二": two costs joined by 加, each its own
_PLUS = re.compile(r"(?<=[\d千百万十两一二三四五六七八九块元])\s*加上?\s*(?![起工班油钱\d])")


def _plus_apart(text: str) -> str:
    return _PLUS.sub("，", text)


_EXPENSE_REWRITES = (
    _plus_apart,
    _one_time_s_own_share,
    _not_yet_needed,
    _this_year_s_not_last,
    _in_all_after_parts,
    _this_year_only,
    _own_share_only,
    _count_said_after,
    _each_then_all,
    _by_the_weeks_said,
    _times_had_then_one,
)


_GOOD_AND_BAD = re.compile(
    r"(?P<period>(?:一|1|每)个?(?:星期|礼拜|周|月|天))[^，。\d]{0,2}(?:好的时候|多的时候)[^，。\d]{0,3}"
    r"(?P<a>\d+(?:\.\d+)?)[^，。\d]{0,3}[，,\s]*(?:差的时候|少的时候|不好的时候)[^，。\d]{0,3}"
    r"(?P<b>\d+(?:\.\d+)?)"
)


# The period's usual figure, then how far it goes either way ("一个月一千五左右 活多的时候一千八
# 少的时候一千二"): the usual figure, the range only said around it.
_USUAL_THEN_RANGE = re.compile(
    r"(?P<said>(?:一|1|每)个?(?:星期|礼拜|周|月|天)[^，。\d]{0,3}\d+(?:\.\d+)?\s*(?:左右|上下|的样子)?)"
    r"[\s，,]*活?(?:多|好)的时候[^，。\d]{0,3}\d+(?:\.\d+)?[^，。\d]{0,3}[，,\s]*"
    r"活?(?:少|差|不好)的时候[^，。\d]{0,3}\d+(?:\.\d+)?"
)


def _usual_then_range(text: str) -> str:
    """ "一个月一千五左右 活多的时候一千八 少的时候一千二" → "一个月1500左右"."""
    return _in_figures_where(_USUAL_THEN_RANGE, lambda m: m["said"], text)


def _good_and_bad_times(text: str) -> str:
    """ "一个星期好的时候三四百 差的时候两百多": the middle of the two, for that period."""
    return _in_figures_where(
        _GOOD_AND_BAD,
        lambda m: (
            f"{m['period'].replace('1', '一')}{_plain((Decimal(m['a']) + Decimal(m['b'])) / 2)}"
        ),
        text,
    )


def _about_the_same(text: str) -> str:
    """ "爷爷养老金一个月210左右，奶奶也差不多，200": hers said as the same kind."""
    return re.sub(r"也差不多[，,\s]*(?=\d|[一二三四五六七八九两])", "也是", text)


# What was paid before, then what is paid now, the period said once: "以前一个月一百七十几
# 现在两百零几了".
_THEN_AND_NOW = re.compile(
    r"(?:以前|原来|之前|去年)(?P<period>(?:1|一|每)个?月|(?:1|一|每)年)?[^，。\d]{0,4}?"
    r"\d+(?:\.\d+)?[^，。\d]{0,3}[，,\s]+(?P<now>(?:现在|今年|这阵)[^，。\d]{0,4}?)"
    r"(?P<new>\d+(?:\.\d+)?)"
)


def _then_and_now(text: str) -> str:
    """ "以前一个月一百七十几 现在两百零几了": now's figure, by the period said before."""
    return _in_figures_where(
        _THEN_AND_NOW, lambda m: f"{m['now']}{m['period'] or ''}{m['new']}", text
    )


# A figure said as not even reached ("今年一千都没得"): no figure.
_NOT_EVEN = re.compile(r"\d+(?:\.\d+)?\s*(?:块|元)?钱?\s*都(?:没得|没有|莫得|不到)")
# Each one's figure with "一个人" after it ("一个月两百左右一个人"): said before it.
_EACH_AFTER = re.compile(
    r"(?:好像|大概|应该|估计|可能)?(?P<period>(?:1|一|每)个?月)(?P<figure>\d+(?:\.\d+)?\s*(?:块|元)?(?:左右|多|来)?)[1一]个人"
)


def _not_even(text: str) -> str:
    """ "今年一千都没得 卖了七八百": the first is no figure; "一个月两百左右一个人": each
    one's, as "一个人一个月两百左右"."""
    text = _in_figures_where(_NOT_EVEN, lambda m: "", text)
    return _in_figures_where(_EACH_AFTER, lambda m: f"一个人{m['period']}{m['figure']}", text)


def _net_said_apart(text: str) -> str:
    """ "卖了一万二 除开烟苗肥料 烤烟烧的煤 剩得到五六千": the costs taken off and the net
    said in pauses, read as one clause."""
    return _NET_APART.sub(lambda m: re.sub(r"[\s，,]+", "", m.group(0)), text)


_NET_APART = re.compile(
    r"(?:除了|除去|除开|去掉|扣掉|刨去|刨开|减去)[^。\d]{0,16}?[\s，,][^。\d]{0,12}?"
    r"(?=(?:还|就|只)?(?:剩|落))"
)


# The income answer's rewrites, in the order they apply, before the figures are read.
# A gift sent for a cost ("每个月给他妈打三百块买药"): the gift, not the cost it pays.
_GIFT_FOR_A_COST = re.compile(
    r"((?:给|打|寄)[^，。]{0,6}?(?:\d+|[一两二三四五六七八九十百千万]+)\s*(?:块|元)?钱?)"
    r"(?:给[他她我]们?)?(?:买药|拿药|吃药|看病|买米)(?:的|用)?"
    # "我娘家哥哥今年拿了五千块钱给我看病"
    r"|(拿了?[^，。]{0,2}?(?:\d+|[一两二三四五六七八九十百千万]+)\s*(?:块|元)?钱?)"
    r"给[他她我]们?(?:买药|拿药|吃药|看病|治病)(?:的|用)?"
)


def _gift_for_a_cost(text: str) -> str:
    """ "每个月给他妈打三百块买药" → "每个月给他妈打三百块": what it is for said no more."""
    return _GIFT_FOR_A_COST.sub(lambda m: m.group(1) or m.group(2), text)


_INCOME_REWRITES = (
    _dependants_pension,
    _kin_together,
    _gift_for_a_cost,
    _not_even,
    _net_said_apart,
    _then_and_now,
    _about_the_same,
    _usual_then_range,
    _good_and_bad_times,
    _not_then_said_again,
    _pension_each_one,
    _bound_after_dropped,
    _pension_paused,
    _by_the_season,
    _counts_corrected,
    _all_then_each,
    _each_then_all,
    by_the_job,
    by_the_small_piece,
    by_the_weight_picked,
)
