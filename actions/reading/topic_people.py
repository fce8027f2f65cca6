"""The readers of the applicant and the household in one message, called by `reader.read`
before those of money and standing (`topic_means`): whom the application is for, the
identity number, phone, name, township and village; the household's size and members and
what is said of each. Each takes the message, the question being asked (`requested`) and
the facts so far (`state`, changed in place), and marks the `Reading` when the message
answers the question asked or has a problem. Pure, no I/O.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from actions.reading import id_card
from actions.reading.parsing import parse_name, to_arabic
from actions.reading.people import household_text as people
from actions.reading.people import member_facts, members_told, people_words, proxy
from actions.reading.people.circumstances import circumstances
from actions.reading.people.household_size import stated_size
from actions.reading.people.member_identity import AWAY, given_named, new_member
from actions.reading.people.people_words import SURNAMES
from actions.reading.places import stated_name, stated_township, village_named, without_kin
from core.phones import normalise_phone

if TYPE_CHECKING:
    from actions.reading.reader import Reading


def _entity(entities, name: str) -> str | None:
    return next((e.get("value") for e in entities if e.get("entity") == name), None)


_HEALTH_FLAGS = ("serious_illness", "bedridden", "needs_long_term_care")


def read_identity_and_place(
    text: str,
    requested: str | None,
    state: dict,
    entities: list[dict],
    reading: Reading,
    today: date,
) -> str:
    """Whom the application is for, the identity number, the phone, the name, the township
    and the village. Returns the message without the identity and phone numbers, which the
    money and assets readers read."""
    if (
        not state.get("proxy")
        and not state.get("household_size")
        and (applied_for := proxy.detect(text))
    ):
        # Who the application is for is said before the household is: later, "给我妈留起办
        # 后事的" in the savings answer is no one applying for her.
        state["proxy"] = applied_for
    if state.get("proxy"):
        _the_other_of_the_pair(text, state)
    number, problem = id_card.find(text)
    if number and problem is None:
        if number != state.get("id_number"):
            state["id_confirmed"] = None
        state["id_number"] = number
        state["applicant_age"] = id_card.age_on(number, today)
        reading.understood |= requested == "id_number"
    elif number:
        reading.problem = f"id_{problem}"
    without_id = id_card.normalise(text).replace(number or "\0", " ")
    # Money is read without the identity and phone numbers (a keyed-in 身份证号 is digits).
    money = re.sub(r"(?<!\d)1[3-9]\d{9}(?!\d)|\d{15,}[\dXx]?", " ", without_id)
    phone_match = re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", without_id)
    if phone_match and (phone := normalise_phone(phone_match.group(0))):
        state["phone"] = phone
        reading.understood |= requested == "phone"
    # The NLU's person_name counts in answer to the name question or beside 叫/名字: it
    # also tags places ("老公在浙江工地" gave "浙江").
    entity = _named_entity(_entity(entities, "person_name"), without_id, requested, state)
    name = entity or stated_name(without_id)
    if name and requested != "applicant_name" and _someone_else_s(name, without_id, state):
        name = None  # "她七十五 叫谭银枝", "我老公叫黄志强": another person's name
    if (who := (state.get("proxy") or {}).get("who")) and (
        theirs := re.search(
            rf"{re.escape(who)}(?:叫|的名字叫?|名字叫?)\s*(?![我你他她是])([\u4e00-\u9fff·]{{2,4}})",
            without_id,
        )
    ):
        name = theirs.group(1)  # "我外婆叫周九芬，我叫代小琴": the applicant's, not the sender's
    # "身份证上是廖国清": the name as the card has it
    on_card = re.sub(
        r"(?:身份证|户口本|户口簿)上面?(?:写的|的名字)?(?:是|叫|写成)?", "", without_id
    )
    on_card = re.sub(r"[（(][^）)]{0,24}[）)]", "", on_card)  # "吴清和（口天吴，…）"
    whole = (
        parse_name(re.split(r"[，,\s]", without_kin(on_card).strip())[0])
        if requested == "applicant_name"
        else None
    )
    if whole and (not name or name in whole):
        name = whole  # the NLU may cut a name short ("德福" of "王德福")
    elif whole and (
        re.search(r"(?:是|\s)(?:我|他|她)[^，。\s]{0,4}的名字", without_id)
        or (
            # "罗大元 我是他邻居邓春梅": the sender's name after the applicant's
            whole[0] in SURNAMES
            and "我" not in whole
            and re.search(rf"我(?:是|叫)[^，。]{{0,8}}{re.escape(name or '')}", without_id)
        )
        or re.search(rf"^\s*{re.escape(whole)}[\s，,]*是?我(?:的|家)?{_KIN_WORDS}", without_id)
    ):
        # "冉德春 是我叔叔的名字 我叫冉小禾", "冉光全 是我爸 我叫冉小东": the first name is the
        # applicant's, the sender's own after it
        name = whole
    sender = _SENDER_NAMED.search(without_id)
    if (
        name
        and sender
        and requested == "applicant_name"
        and state.get("proxy")
        and parse_name(sender.group(1)) == parse_name(name)
        and (other := parse_name(without_id.replace(sender.group(0), "，")))
        and other != parse_name(name)
        and "我" not in other
    ):
        name = other  # "户主是我爸，骆家福。我叫骆小娟": the father's name, not the sender's
    if (
        name
        and sender
        and requested != "applicant_name"
        and (state.get("proxy") or proxy.detect(text))
        and _same_name(sender.group(1), name)
    ):
        name = None  # "可以 我是她哥 叫牟大贵": the sender's own name, not the applicant's
    if name and parse_name(name):
        state["applicant_name"] = parse_name(name)
        reading.understood |= requested == "applicant_name"
    township = stated_township(text)
    if township:
        state["township"] = township
        reading.understood |= requested == "township"
    village = village_named(text)
    if village:
        state["village"] = village
        reading.understood |= requested == "village"
    return money


def _named_entity(entity: str | None, text: str, requested: str | None, state: dict):
    """The NLU's person_name as a name said in `text`: only in answer to the name question
    or beside 叫/名字 (it also tags places: "老公在浙江工地" gave "浙江"); never a word that
    spells a character ("于德洪 干钩于 道德的德" gave "道德"); with the surname the NLU cut
    off before it ("王安福嘛" gave "安福")."""
    if not entity or (requested != "applicant_name" and not re.search(r"(叫|名字|姓名)", text)):
        return None
    if re.search(rf"{re.escape(entity)}的[{re.escape(entity)}]", text):
        return None
    whole = re.search(rf"([\u4e00-\u9fff]){re.escape(entity)}", text)
    if len(entity) == 2 and whole and whole.group(1) in SURNAMES and entity[0] not in SURNAMES:
        return whole.group(1) + entity
    return entity


# Who is named after 叫 ("她七十五 叫谭银枝", "我老公叫黄志强"): someone other than the sender
_THEIR_NAME = re.compile(
    r"(?:[她他]|老伴|老婆|老公|媳妇|男人|女人|儿子|女儿|孙子|孙女|儿媳|女婿|爸|妈|哥|姐|弟|妹)"
    r"[^，。,.我]{0,6}?(?:叫|名字叫?是?)\s*$"
)
# … and a name said as the applicant's own, or as a correction of it
_OWN_NAME = re.compile(r"我(?:的)?(?:叫|名字)|申请人|户主|名字[^，。]{0,3}(?:错|不对)")


def _someone_else_s(name: str, text: str, state: dict) -> bool:
    """A name told outside the name question that is not the applicant's: said as another
    member's, or, once the applicant's name is known, not said as theirs."""
    at = text.find(name)
    if at < 0:
        return False
    if (who := (state.get("proxy") or {}).get("who")) and who in text[:at]:
        return False  # "我外婆叫周九芬": the person applied for
    if _THEIR_NAME.search(text[max(0, at - 12) : at]):
        return True
    return bool(state.get("applicant_name")) and not _OWN_NAME.search(text)


def _same_name(one: str, other: str) -> bool:
    """The same name, though one is cut short ("李雨" of "李雨萱")."""
    one, other = parse_name(one) or one, parse_name(other) or other
    return one == other or (len(other) >= 2 and other in one) or (len(one) >= 2 and one in other)


_KIN_WORDS = (
    r"(?:爸爸?|妈妈?|父亲|母亲|老汉儿?|老妈|老娘|爷爷|奶奶|外公|外婆|叔叔|婶婶|舅舅|舅妈|姑姑|姨妈|"
    r"幺爸|幺叔|伯伯|大伯|哥哥|姐姐|弟弟|妹妹|公公|婆婆)"
)


# "还有我婆婆 前头漏了": someone the resident forgot to count.
def _speaker_of_an_opening(state: dict, text: str) -> None:
    """A story that opens on the sender, no one named ("八月份从架子上摔下来 腰杆摔断了 现在还
    下不得床 屋头就靠老婆"): the sender's own illness or bed, kept for the applicant."""
    members = state.get("members") or []
    if any(m["relation"] == "applicant" for m in members):
        return
    first = people_words.mentions(to_arabic(text), names=given_named(members))
    opening = text[: first[0].start] if first else text
    flags = circumstances(opening)
    said = {f: True for f in ("bedridden", "serious_illness") if flags.get(f) is True}
    if not said:
        return
    applicant = new_member("applicant", "我")
    applicant.update(said, able_to_work=False, from_story=True)
    state["members"] = [applicant, *members]


# Someone on the register who lives elsewhere now ("结婚了在县城住", "搬出去了")
_MOVED_OUT = re.compile(
    r"(结婚了|成家了|嫁出去|分家|分出去|搬[^，。]{0,3}(?:出去|走|到)|自己开伙|另外住|单独住|"
    r"在[^，。]{1,4}住(?!院))"
)


def _moved_out(text: str) -> list[str]:
    """The clauses that say someone named with an age (in them or just before) lives
    elsewhere now ("儿子32 结婚了在县城住"; not "两个 女儿嫁出去了", a count that leaves her
    out)."""
    said = people.clauses(text)
    return [
        clause
        for i, clause in enumerate(said)
        if _MOVED_OUT.search(clause)
        and any(
            people_words.mentions(to_arabic(c)) and re.search(r"\d", to_arabic(c))
            for c in (clause, said[i - 1] if i else "")
        )
    ]


_LEFT_OUT = re.compile(r"(漏了|忘了说|少说了|说掉了|没算上|忘记说)")


_PAIR_NAMED = re.compile(
    r"我?(?P<who>妈妈?|爸爸?|母亲|父亲|老汉儿?|老妈|老娘)(?:叫|的名字叫?|名字叫?|的身份证)"
)


def _the_other_of_the_pair(text: str, state: dict) -> None:
    """ "帮我爸妈申请 … 我妈叫于孝芬，我妈的身份证是…": the application is in the other
    parent's name; the one first taken as the applicant is the applicant's spouse."""
    said = _PAIR_NAMED.search(text or "")
    applied = state["proxy"]
    if not said or applied.get("relation") != "parent" or applied.get("who") == said.group("who"):
        return
    members = state.get("members") or []
    applicant = next((m for m in members if m["relation"] == "applicant"), None)
    other = next(
        (m for m in members if m["relation"] == "spouse" and m["label"] in said.group("who")),
        None,
    ) or next(
        (m for m in members if m["relation"] == "spouse" and said.group("who") in m["label"]), None
    )
    if applicant is None or other is None:
        return
    applicant["relation"], other["relation"] = "spouse", "applicant"
    members.remove(other)
    members.insert(0, other)
    state["proxy"] = {**applied, "who": other["label"]}


def _applicant_by_name(text: str, requested: str | None, state: dict) -> str:
    """ "老牟高血压 … 老牟在山上还种点苞谷": a cadre or neighbour applying for someone names
    them by name or 老 and the surname, which the readers take as the person applied for (他):
    not a spouse called by the surname, as a wife says "老陈"."""
    name = state.get("applicant_name") or ""
    if not state.get("proxy"):
        if len(name) == 3 and requested in ("household_size", "members"):
            # "五个，德才 秀莲 强娃 青青": the speaker among the others by their given name
            return re.sub(
                rf"{re.escape(name)}|(?<![\u4e00-\u9fff]){re.escape(name[1:])}", "我", text
            )
        return text
    if len(name) < 2 or requested in (None, "consent", "members"):
        return text
    aliases = [name, f"老{name[0]}"] + ([name[1:]] if len(name) == 3 else [])
    if requested == "household_size":
        if (state["proxy"].get("relation") or "other") != "other":
            # "他和我妈 … 陈小兵38岁 我妈68岁", by his sister: the brother applied for
            who = state["proxy"].get("who")
            return re.sub("|".join(map(re.escape, aliases)), who, text) if who else text
        # "老周63，他婆娘61": in the household answer, as an elder named by surname and title,
        # whom the proxy's household reading takes as the applicant (proxy.as_applicant)
        number = state.get("id_number") or ""
        woman = len(number) == 18 and number[16].isdigit() and int(number[16]) % 2 == 0
        return re.sub(
            "|".join(map(re.escape, aliases)), f"{name[0]}{'婆婆' if woman else '大爷'}", text
        )
    return re.sub("|".join(map(re.escape, aliases)), "他", text)


# The sender naming themselves: "我是她哥 叫牟大贵", "我是他们的孙女，叫李雨萱", "我叫王志刚"
_SENDER_NAMED = re.compile(
    r"我(?:是[^，。]{0,8}?[，,\s]*)?(?:叫|名字叫?是?)\s*([\u4e00-\u9fff]{2,4})"
)


def read_household(text: str, requested: str | None, state: dict, reading: Reading) -> None:
    """The household's size and members, and what is said of each member (health, work,
    school, disability), as far as the question being asked lets a passing word change it."""
    text = people.former_by_name(_applicant_by_name(text, requested, state))
    size = stated_size(text, requested)
    if size:
        state["household_size"] = size
        reading.understood |= requested == "household_size"
    members = state.get("members") or []
    telling = requested in (None, "consent", "household_size", "members")
    if telling or len(members) < (state.get("household_size") or 0):
        listed = people.read_members(
            proxy.without_them(text, state["proxy"]) if state.get("proxy") else text,
            given_named(members),
        )
        if state.get("proxy"):
            listed = proxy.as_applicant(listed, state["proxy"], text)
        if (
            requested == "household_size"
            and size
            and len(listed) == size + 1
            and all(m["age"] is not None for m in listed)
            and any(m["relation"] == "applicant" for m in listed)
            and len(re.findall(r"\d{1,3}", to_arabic(text))) > len(listed)
            and not AWAY.search(text)
            and not re.search(r"(读大学|住在?学校|住校|不算|放假)", text)
            and not state.get("proxy")
        ):
            # "4个，我61 老婆子58 儿子36 媳妇33 孙娃儿7岁": four besides the speaker, each
            # with an age; the list is the household
            state["household_size"] = size = len(listed)
        counted = size or state.get("household_size")
        moved = _moved_out(text)
        if (
            requested in ("household_size", "members")
            and counted
            and moved
            and listed
            and len(listed) == counted - len(moved)
            and all(m["age"] is not None for m in listed)
        ):
            # "三个 户口本上三个，我58 老婆56 儿子32 结婚了在县城住": the son on the register
            # lives elsewhere; the household is those who live here
            state["household_size"] = size = len(listed)
        if listed and requested in (None, "consent"):
            for member in listed:
                member["from_story"] = True  # named in passing: the household answer decides
        elif listed and (
            requested == "household_size" or len(listed) >= (state.get("household_size") or 99)
        ):
            members_told.replace_story_members(state, listed, text)
        if listed:
            members_told.merge(state, listed, missed=bool(_LEFT_OUT.search(text)))
            reading.understood |= requested in ("household_size", "members")
            if requested in ("household_size", "members") and not state.get("household_size"):
                state["household_size"] = len(state["members"])  # "我和老婆，还有老妈"
    if (
        state.get("proxy")
        and requested in (None, "consent")
        and not any(m["relation"] == "applicant" for m in state.get("members") or [])
    ):
        # "帮我们村一个精神病人申请 … 残疾证办下来 是精神二级": the story is about the person
        # applied for, who is the applicant whether or not the household is told yet.
        applicant = new_member("applicant", state["proxy"]["who"])
        applicant["from_story"] = True
        state["members"] = [applicant, *(state.get("members") or [])]
    if requested in (None, "consent") and not state.get("proxy"):
        _speaker_of_an_opening(state, text)
    if requested == "members" and members_told.read_missing_ages(state, text):
        reading.understood = True
    members_told.add_applicant(state)
    members_told.settle_relations(state)
    named_nobody = not people_words.mentions(
        to_arabic(text), names=given_named(state.get("members") or [])
    )
    if requested == "disability_grade" and named_nobody:
        pass  # "二级": the grade asked for, read below for the member asked about
    elif requested == "disability_grade" and state.get("members"):
        # "我是肢体三级 老公还没得": each member's grade, or no certificate
        member_facts.apply_circumstances(state["members"], text)
        if member_facts.read_grades(state["members"], text) or not any(
            m["disability_grade"] == "unknown" for m in state["members"]
        ):
            reading.understood = True
    elif state.get("members") and requested not in ("members", "household_size"):
        settled = [m.get("able_to_work") for m in state["members"]]
        schooling = [m.get("in_school") for m in state["members"]]
        grades = [m.get("disability_grade") for m in state["members"]]
        health = [{f: m.get(f) for f in _HEALTH_FLAGS} for m in state["members"]]
        if member_facts.apply_circumstances(state["members"], text):
            reading.understood |= requested in ("health", "disability_grade")
            if requested == "health":
                member_facts.settle_health(state["members"])
                state["health"] = True
        if requested in ("health", "work") and member_facts.read_work(
            state["members"], text, asked=requested == "work"
        ):
            reading.understood |= requested == "work"
        asks = state.get("asks") or {}
        if (asks.get("work") or asks.get("health")) and requested not in (
            "health",
            "work",
            "confirmed",
        ):
            # After the work answer (or the health question, which asks who can work too),
            # "卖点鸡蛋" in the income answer does not make a man who said "做不得活路了"
            # able to work; a correction at the summary does.
            for member, said in zip(state["members"], settled, strict=False):
                if said is not None:
                    member["able_to_work"] = said
        if requested not in ("school", "confirmed"):
            # "娃儿读书一年三四千" in the costs answer is about the children at school, not a
            # word on the one whose schooling was already told
            for member, said in zip(state["members"], schooling, strict=False):
                if said is not None:
                    member["in_school"] = said
        if (state.get("asks") or {}).get("health") and requested not in (
            "health",
            "disability_grade",
            "confirmed",
        ):
            # "只有个轮椅" in the assets answer: the health answer said who is disabled
            for member, said in zip(state["members"], grades, strict=False):
                if member.get("disability_grade") == "unknown" and said != "unknown":
                    member["disability_grade"] = said
            # "透析报了以后 一个月自己还要出千把块" in the costs answer: the dialysis of the
            # member the health answer named, not of the speaker
            for member, said in zip(state["members"], health, strict=False):
                member.update({f: v for f, v in said.items() if v is not None})
    elif state.get("members"):
        member_facts.apply_circumstances(state["members"], text)
