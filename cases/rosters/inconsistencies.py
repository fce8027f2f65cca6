"""信息不一致 (三(三)1), by kind:

- ``bad_id``: an identity number with a wrong check digit, an impossible birth date or the
  wrong form (the row still takes part in matching as written);
- ``name_mismatch``: one identity number under two names, in one roster or across the two;
- ``two_households``: one identity number in two households of one roster;
- ``household_fields``: a household's rows disagree on a household field (乡镇, 村, 保障人数 …).

Names are compared with spaces and full-width forms folded; they are shown masked.
"""

from __future__ import annotations

from collections.abc import Iterable

from cases.rosters.columns import DIBAO, REGISTERED_POOR
from cases.rosters.findings import ROSTER_ORDER, Finding
from cases.rosters.households import Household
from cases.rosters.members import Member
from core.id_numbers import check
from core.security import mask_id_number, mask_name
from policy.context import fmt
from policy.glossary import INCONSISTENCIES, ROSTERS

KINDS = tuple(INCONSISTENCIES)
PROBLEMS = {
    "length": "位数或字符不对（应为18位，末位可为X）",
    "birth_date": "中的出生日期不存在",
    "check_digit": "的校验位不对",
}


def inconsistencies(
    dibao: dict[str, Household], registered_poor: dict[str, Household], files: dict[str, str]
) -> list[Finding]:
    """Every 信息不一致 of the two rosters; ``files`` names each roster's file."""
    holders: dict[bytes, list[Member]] = {}
    for households in (dibao, registered_poor):
        for household in households.values():
            for member in household.members:
                holders.setdefault(member.digest, []).append(member)
    found: list[Finding] = []
    for digest, members in holders.items():
        found.extend(_of_number(digest, members, files))
    for households in (dibao, registered_poor):
        for household in households.values():
            fields = household.fields
            if any(m.fields is not fields for m in household.members):
                differences = household.disagreements()
                if differences:
                    found.append(_fields_finding(household, differences, files))
    return found


def _of_number(digest: bytes, members: list[Member], files: dict[str, str]) -> list[Finding]:
    number = members[0].id_number
    problem = check(number)
    if not problem and len(members) == 1:
        return []
    masked = mask_id_number(number)
    found = []
    if problem:
        found.append(_finding("bad_id", members, files, masked, digest,
                              f"身份证号{masked}{PROBLEMS[problem]}（{where(members, files)}），"
                              "仍按所填号码参与比对：请核对户籍信息后更正名单。"))  # fmt: skip
    if len(members) == 1:
        return found
    names = list(dict.fromkeys(m.name for m in members if m.name))
    if len(names) > 1:
        shown = "、".join(mask_name(n) for n in names)
        found.append(_finding("name_mismatch", members, files, masked, digest,
                              f"同一身份证号{masked}登记了{len(names)}个不同的姓名（{shown}；"
                              f"{where(members, files)}）：请核对是身份证号还是姓名录错。"))  # fmt: skip
    for roster in (DIBAO, REGISTERED_POOR):
        mine = [m for m in members if m.roster == roster]
        numbers = list(dict.fromkeys(m.household for m in mine))
        if len(numbers) > 1:
            found.append(_finding("two_households", mine, files, masked, digest,
                                  f"身份证号{masked}在{ROSTERS[roster]}的{len(numbers)}户中都有登记"
                                  f"（户编号{'、'.join(numbers)}；{where(mine, files)}）："
                                  "一人只能在一户，请核对。"))  # fmt: skip
    return found


def _finding(kind, members, files, masked, digest: bytes, reason: str) -> Finding:
    finding = Finding.inconsistency(kind, reason, members=members, id_masked=masked,
                                    key=(digest.hex(),))  # fmt: skip
    finding.rows = rows_of(members, files)
    return finding


def _fields_finding(household: Household, differences, files: dict[str, str]) -> Finding:
    head = household.first
    parts, differing = [], {head}
    for column, others in differences:
        differing.update(m for m, _ in others)
        said = "，".join(f"第{m.row}行为“{_value(v)}”" for m, v in others[:5])
        more = f"等{len(others)}行" if len(others) > 5 else ""
        parts.append(f"{column}：第{head.row}行为“{_value(household.value(column))}”，{said}{more}")
    rows = sorted(differing, key=lambda m: m.row)
    reason = (f"{ROSTERS[household.roster]}户编号{household.number}的各行户信息不一致（"
              + "；".join(parts) + "）：以户主行为准比对，请核对更正。")  # fmt: skip
    finding = Finding.inconsistency(
        "household_fields",
        reason,
        members=[head],
        id_masked=mask_id_number(head.id_number),
        key=tuple(column for column, _ in differences),
    )
    finding.rows = rows_of(rows, files)
    return finding


def _value(value: object) -> str:
    if value is True or value is False:
        return "是" if value else "否"
    if value is None:
        return ""
    return fmt(value) if not isinstance(value, str) else value


def rows_of(members: Iterable[Member], files: dict[str, str]) -> list[tuple[str, int]]:
    ordered = sorted(members, key=lambda m: (ROSTER_ORDER[m.roster], m.row))
    return list(dict.fromkeys((files[m.roster], m.row) for m in ordered))


def where(members: Iterable[Member], files: dict[str, str]) -> str:
    """低保名单第3、5行，建档立卡名单第8行."""
    by_roster: dict[str, list[int]] = {}
    for m in sorted(members, key=lambda m: (ROSTER_ORDER[m.roster], m.row)):
        by_roster.setdefault(m.roster, []).append(m.row)
    parts = []
    for roster, rows in by_roster.items():
        shown = "、".join(str(r) for r in rows[:8]) + ("等" if len(rows) > 8 else "")
        parts.append(f"{ROSTERS[roster]}第{shown}行")
    return "，".join(parts)
