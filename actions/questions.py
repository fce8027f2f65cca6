"""The application's questions in order, when each is relevant and when it is answered.
A question is skipped when an earlier answer made it irrelevant (no disability questions for
a household without disabled members) or already answered it."""

from __future__ import annotations

from collections.abc import Callable

from actions.reading.people import member_facts
from actions.slots import QUESTION_SLOTS

# Facts that may end up unknown after "不晓得" twice; the assessment then says needs_review.
MAY_BE_UNKNOWN = {
    "id_number",
    "phone",
    "village",
    "members",
    "health",
    "disability_grade",
    "work",
    "school",
    "income",
    "expenses",
    "assets",
    "status",
    "three_guarantees",
    "hardship",
    "id_readback",
    "proxy_consent",
    "household_size",
    "applicant_name",
    "township",
    "confirmed",
}
# Facts the case cannot be filed without: after two unclear answers they are filed as
# placeholders that staff complete (the resident's words are kept verbatim).
PLACEHOLDERS = {"applicant_name": "（未说清）", "township": "待分派"}


def _members(slots: dict) -> list[dict]:
    return slots.get("members") or []


def _members_complete(slots: dict) -> bool:
    members = _members(slots)
    size = slots.get("household_size")
    return bool(members) and size == len(members) and all(m["age"] is not None for m in members)


def _work_answered(slots: dict) -> bool:
    """Children under 16 and pupils are not asked about: they count as not able to work."""
    adults = [
        m
        for m in _members(slots)
        if not m.get("in_school") and (m["age"] is None or m["age"] >= 16)
    ]
    return bool(_members(slots)) and all(m["able_to_work"] is not None for m in adults)


# slot asked: (relevant?, answered?); the order is the slot table's (actions/slots.py).
_RULES: dict[str, tuple[Callable[[dict], bool], Callable[[dict], bool]]] = dict(
    (name, (relevant, answered))
    for name, relevant, answered in [
        ("consent", lambda s: True, lambda s: s.get("consent") is not None),
        ("applicant_name", lambda s: True, lambda s: bool(s.get("applicant_name"))),
        ("id_number", lambda s: True, lambda s: bool(s.get("id_number"))),
        (
            "id_readback",  # on the phone, keyed-in digits are read back to confirm
            lambda s: s.get("medium") == "voice" and bool(s.get("id_number")),
            lambda s: s.get("id_confirmed") is True,
        ),
        (
            "proxy_consent",
            lambda s: bool(s.get("proxy")),
            lambda s: s.get("proxy_consent") is not None,
        ),
        ("phone", lambda s: True, lambda s: bool(s.get("phone"))),
        ("township", lambda s: True, lambda s: bool(s.get("township"))),
        (
            "village",
            lambda s: s.get("township") != PLACEHOLDERS["township"],
            lambda s: bool(s.get("village")),
        ),
        ("household_size", lambda s: True, lambda s: bool(s.get("household_size"))),
        ("members", lambda s: True, _members_complete),
        (
            "health",
            lambda s: True,
            # Asked once even when a story told of an illness ("中风过"): the question asks about
            # disability, care and being bedridden too, and of everyone.
            lambda s: bool(s.get("health")) or bool((s.get("asks") or {}).get("health")),
        ),
        (
            "disability_grade",
            lambda s: any(m["disability_grade"] == "unknown" for m in _members(s)),
            lambda s: False,
        ),
        ("work", lambda s: True, _work_answered),
        ("school", lambda s: member_facts.needs_school_answer(_members(s)), lambda s: False),
        (
            "income",
            lambda s: True,
            # Income told with another answer ("老公在镇上帮人看店，一个月两千出头") is asked
            # about once more: pensions and money from relatives are rarely said unasked.
            lambda s: (
                s.get("income_asked") is True
                and (s.get("income") is not None or s.get("income_total") is not None)
                and (
                    not income_follow_up(s)
                    or (
                        s.get("income_checked")
                        and not produce_unsaid(s)
                        and not kin_money_unsaid(s)
                    )
                    or _asked(s, "income") >= 2
                )
            ),
        ),
        (
            "expenses",
            lambda s: True,
            # Asked once even when costs were told before ("一学期学费一千四" with the school
            # answer, "住院花了五万" in a story): those are rarely all the year's costs.
            lambda s: (
                s.get("expenses") is not None
                and bool(_asked(s, "expenses"))
                and (
                    not (school_cost_unsaid(s) or medical_cost_unsaid(s))
                    or s.get("expenses_checked")
                    or _asked(s, "expenses") >= 2
                )
            ),
        ),
        (
            "assets",
            lambda s: True,
            lambda s: {"deposits", "vehicles", "houses"} <= set((s.get("assets") or {}).keys()),
        ),
        # Standing told in a story ("我是贫困户…") is asked about once all the same: the question
        # also asks about 低保, 返贫, the 三保障 and sudden troubles, rarely all told unasked.
        (
            "status",
            lambda s: True,
            lambda s: s.get("status") is not None and bool((s.get("asks") or {}).get("status")),
        ),
        (
            "three_guarantees",
            lambda s: not (s.get("status") or {}).get("registered_poor"),
            lambda s: s.get("three_guarantees") is not None,
        ),
        ("hardship", lambda s: True, lambda s: s.get("hardship") is not None),
        ("confirmed", lambda s: True, lambda s: s.get("confirmed") is True),
    ]
)
QUESTIONS = [(name, *_RULES[name]) for name in QUESTION_SLOTS]


def next_question(slots: dict) -> str | None:
    """The first relevant question not answered and not recorded as unknown; None when the
    application is complete, or when the resident declined consent."""
    if slots.get("consent") is False:
        return None
    unknown = set(slots.get("unknown_facts") or [])
    for name, relevant, answered in QUESTIONS:
        if name in unknown or not relevant(slots):
            continue
        if not answered(slots):
            return name
    return None


def _asked(slots: dict, slot: str) -> int:
    return (slots.get("asks") or {}).get(slot, 0)


def pension_unsaid(slots: dict) -> list[dict]:
    """Members of 60 and over when the income told names no pension: the old are rarely
    without one, and residents rarely name it unasked ("公公有养老金吗？")."""
    income = slots.get("income") or {}
    if income.get("basic_pension") or income.get("other_pension"):
        return []
    return [m for m in _members(slots) if (m.get("age") or 0) >= 60]


def kin_money_unsaid(slots: dict) -> bool:
    """A child or relative said to work away ("我爸妈在广东打工"), and the one income answer, to
    the follow-up that asked about their money, left it out: asked about once more."""
    income = slots.get("income") or {}
    return (
        "transfers" in (slots.get("income_named") or [])
        and "transfers" not in income
        and slots.get("income_total") is None
    )


def transfers_unsaid(slots: dict) -> bool:
    """No word yet of money from children or relatives who live elsewhere, in a household of
    old people (half or more) or with nobody able to work, where it commonly comes ("女儿一年给个千把块" is told, if at all, when asked once more):
    asked about once, after the first income answer."""
    income = slots.get("income") or {}
    if "transfers" in income or slots.get("income_total") is not None:
        return False
    members = _members(slots)
    old = [m for m in members if (m.get("age") or 0) >= 60]
    # Grandparents raising grandchildren whose parents live away: money is often sent home.
    skipped = any(m.get("relation") == "grandchild" for m in members) and not any(
        m.get("relation") == "child" and (m.get("age") or 0) >= 18 for m in members
    )
    # "儿子在广东打工": a child working away was told of
    away = "transfers" in (slots.get("income_named") or [])
    # "洗碗一个月一千六": one source told (the work or the farm named and not yet told of are
    # asked about with it: ``one_source``)
    single = one_source(slots) and not wages_unsaid(slots) and not produce_unsaid(slots)
    return bool(members) and (
        single
        or 2 * len(old) >= len(members)
        or not any(m.get("able_to_work") for m in members)
        or skipped
        or away
    )


def one_source(slots: dict) -> bool:
    """One source of income told or none, and no word of money from relatives: a household
    rarely lives on one alone, and gifts are rarely told unasked."""
    income = slots.get("income") or {}
    return (
        "transfers" not in income
        and slots.get("income_total") is None
        and len([k for k, v in income.items() if v]) <= 1
    )


def income_follow_up(slots: dict) -> bool:
    """Something the income told so far leaves out, asked about once more."""
    return bool(
        pension_unsaid(slots)
        or transfers_unsaid(slots)
        or wages_unsaid(slots)
        or produce_unsaid(slots)
    )


def wages_unsaid(slots: dict) -> bool:
    """Work for pay named in an earlier answer ("他爸有时候出去打点零工") and no wage in the
    income told: asked about once, as the farm's figure is."""
    income = slots.get("income") or {}
    unknown = set(slots.get("unknown_facts") or [])
    return (
        "wages" in (slots.get("income_named") or [])
        and any(m.get("able_to_work") is True for m in _members(slots))  # ("以前在工地": no)
        and not income.get("wages")
        and "income.wages" not in unknown
        and slots.get("income_total") is None
    )


def _adult_at_home(slots: dict) -> bool:
    """A grown member under 60 besides the applicant, of whose work nothing was said, and no
    farm income told: in a village, most likely at home on the land ("就打小工那点" told of
    the husband's work only)."""
    income = slots.get("income") or {}
    return not income.get("agriculture") and any(
        m.get("relation") != "applicant"
        and 18 <= (m.get("age") or 0) < 60
        and m.get("able_to_work") is None
        and not m.get("in_school")
        and not m.get("bedridden")
        and not isinstance(m.get("disability_grade"), int)
        for m in _members(slots)
    )


def produce_unsaid(slots: dict) -> bool:
    """Farming or animals named in an earlier answer ("种点菜 喂了十几只鸡"), or a grown member
    at home of whom no work was said, with no figure for the farm in the income told: asked
    about once ("种的、养的卖了钱吗？"), since a figure nobody asked for is rarely said, and
    none is not the same as not known."""
    income = slots.get("income") or {}
    unknown = set(slots.get("unknown_facts") or [])
    return (
        ("agriculture" in (slots.get("income_named") or []) or _adult_at_home(slots))
        and not income.get("agriculture")
        and "income.agriculture" not in unknown
        and slots.get("income_total") is None
    )


def medical_cost_unsaid(slots: dict) -> list[dict]:
    """The ill, bedridden, cared for or disabled when the costs told name no medical cost
    ("学费五千五 住宿一千二" of a household with a grandfather on medicine): asked about once,
    as medicine is often left out when school fees come to mind first."""
    expenses = slots.get("expenses") or {}
    if expenses.get("medical") or expenses.get("disability_care"):
        return []
    if "expenses.medical" in set(slots.get("unknown_facts") or []):
        return []
    return [
        m
        for m in _members(slots)
        if m.get("serious_illness")
        or m.get("bedridden")
        or m.get("needs_long_term_care")
        or isinstance(m.get("disability_grade"), int)
    ]


def school_cost_unsaid(slots: dict) -> list[dict]:
    """Pupils and students when the costs told name no schooling: asked about once ("娃儿读书
    一年自己要花多少？"), as fees, boarding and books are rarely said unasked."""
    if (slots.get("expenses") or {}).get("education"):
        return []
    return [m for m in _members(slots) if m.get("in_school") and (m.get("age") or 0) >= 6]
