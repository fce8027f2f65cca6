"""Cases for the console's tests: a household of POLICY.md's shape, filed and assessed."""

from __future__ import annotations

import copy
from typing import Any

from sqlmodel import Session

from cases import filing
from core.security import IdentityCipher
from policy import assess

MEMBER: dict[str, Any] = {
    "age": 45, "relation": "applicant", "disability_grade": None, "needs_long_term_care": False,
    "serious_illness": False, "bedridden": False, "in_school": False, "able_to_work": True,
}  # fmt: skip
HOUSEHOLD: dict[str, Any] = {
    "assessed_on": "2025-08-01",
    "members": [MEMBER],
    "income": {"wages": 0, "poverty_project_wages": 0, "agriculture": 0, "business": 0,
               "basic_pension": 0, "other_pension": 0, "transfers": 0, "other": 0},
    "rigid_expenses": {"medical": 0, "disability_care": 0, "education": 0},
    "assets": {"deposits": 0, "vehicles": 0, "houses": 1, "commercial_property": False},
    "registered_poor": False, "receiving_dibao": False, "receiving_tekun": False,
    "returned_to_poverty": False, "three_guarantees_unmet": [], "hardship": None,
}  # fmt: skip


def household(members: int = 3, agriculture: int = 6000, **changes: Any) -> dict[str, Any]:
    """A poor household: ``members`` people, the applicant 45 and able to work, the others
    70-year-old parents, with ``agriculture`` yuan a year."""
    result = copy.deepcopy(HOUSEHOLD)
    result["members"] = [dict(MEMBER)] + [
        {**MEMBER, "age": 70, "relation": "parent", "able_to_work": False}
        for _ in range(members - 1)
    ]
    result["income"]["agriculture"] = agriculture
    result.update(changes)
    return result


def file_assessed(
    session: Session,
    cipher: IdentityCipher,
    *,
    name: str = "张小明",
    township: str = "吐祥镇",
    phone: str | None = "+8613800000001",
    id_number: str | None = "500236199001011234",
    village: str | None = "龙门村",
    **household_changes: Any,
):
    data = household(**household_changes)
    case = filing.file_case(
        session,
        cipher=cipher,
        name=name,
        township=township,
        phone=phone,
        facts={"household_size": len(data["members"]), "annual_income": 6000},
        household=data,
        assessment=assess(data).model_dump(mode="json"),
        id_number=id_number,
        village=village,
        conversation_id=phone,
    )
    session.flush()
    return case


DEMO_NAMES = ["王德福", "刘桂英", "陈志强", "杨秀兰", "黄建国", "赵淑芬", "周永红", "吴玉珍",
              "徐长江", "孙凤英", "马国庆", "朱春梅", "胡德明", "郭秀珍", "何光荣", "高翠兰"]  # fmt: skip
DEMO_VILLAGES = ["龙门村", "马鞍村", "石岭村", "双河村", "红岩村"]
DEMO_TRANSCRIPT = [
    ("in", "我想申请低保"),
    ("out", "好的，我帮您登记。请问您叫啥子名字？"),
    ("in", "张小明"),
    ("out", "您屋头住在哪个乡镇？"),
    ("in", "吐祥镇龙门村"),
    ("out", "家里一共几口人？"),
    ("in", "三个人，我和老汉儿、老娘"),
    ("out", "一年收入大概好多钱？"),
    ("in", "种地一年六千来块"),
    ("out", "已为您登记，编号会用短信发给您。"),
]


def seed_demo(session: Session, cipher: IdentityCipher) -> dict[str, int]:
    """A small township window for the browser tests and screenshots: the main case
    (张小明, 吐祥镇, received, with its conversation) and others in every step."""
    from cases.models import CaseStatus
    from cases.procedure import move

    main = file_assessed(session, cipher, name="张小明", township="吐祥镇")
    from channels.models import Message

    for direction, text in DEMO_TRANSCRIPT:
        session.add(Message(conversation_id=main.conversation_id, case_id=main.id,
                            direction=direction, channel="sms", text=text))  # fmt: skip
    other = file_assessed(session, cipher, name="李四", township="白帝镇", phone="+8613900000002")
    paths = [
        (),
        (CaseStatus.visited,),
        (CaseStatus.visited, CaseStatus.appraised),
        (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised),
        (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised, CaseStatus.approved),
        (CaseStatus.info_requested,),
        (CaseStatus.rejected,),
    ]
    for i, name in enumerate(DEMO_NAMES):
        township = ("吐祥镇", "白帝镇", "草堂镇", "永安街道")[i % 4]
        case = file_assessed(
            session, cipher, name=name, township=township, phone=f"+86138{i:08d}",
            id_number=f"500236{1950 + i}0101{2000 + i}", village=DEMO_VILLAGES[i % 5],
            members=1 + i % 4, agriculture=(3000, 9000, 26000, 60000)[i % 4],
        )  # fmt: skip
        for step in paths[i % len(paths)]:
            move(session, case, to=step, actor="tuxiang" if township == "吐祥镇" else "county",
                 reason="家庭收入超过低保标准" if step == CaseStatus.rejected else None,
                 klass=("A", "B", "C")[i % 3] if step == CaseStatus.approved else None)  # fmt: skip
        if i % 5 == 2:
            case.handoff_requested = True
            session.add(case)
    session.flush()
    return {"main": main.id, "other": other.id}


def seed_unhandled(session: Session, cipher: IdentityCipher) -> dict[str, int]:
    """Messages the assistant left for staff (未处理的短信): 吐祥镇's case has one that failed,
    linked to it, and one that failed from its number before it was linked; 白帝镇's
    applicant's phone sent one over the limit; a number without a case sent two over the
    limit; and one that was answered, which staff need not see."""
    from channels.models import Message

    tuxiang = file_assessed(session, cipher, name="陈德明", township="吐祥镇",
                            phone="+8613700000011")  # fmt: skip
    baidi = file_assessed(session, cipher, name="赵淑芬", township="白帝镇", phone="+8613700000022")
    baidi.conversation_id = None  # filed at the window: known by the applicant's phone only
    rows = [
        ("+8613700000011", tuxiang.id, "failed", "我屋头的情况变了"),
        ("+8613700000011", None, "failed", "身份证 500236********4419"),
        ("+8613700000022", None, "limited", "快点回我"),
        ("+8613700000099", None, "limited", "测试 1"),
        ("+8613700000099", None, "limited", "测试 2"),
        ("+8613700000011", tuxiang.id, "answered", "好的"),
    ]
    ids = {}
    for phone, case_id, status, text in rows:
        message = Message(conversation_id=phone, case_id=case_id, direction="in", channel="sms",
                          text=text, status=status)  # fmt: skip
        session.add(message)
        session.flush()
        ids[text] = message.id
    session.add(baidi)
    session.flush()
    return {"tuxiang": tuxiang.id, "baidi": baidi.id, **ids}
