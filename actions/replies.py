"""Texts the assistant composes from facts (the fixed ones are responses in bot/domain)."""

from __future__ import annotations

from core.settings import get_settings


def window_and_helpline(township: str | None) -> str:
    window = f"{township}社会救助窗口" if township else "您所在乡镇的社会救助窗口"
    return f"可到{window}办理，或打热线{get_settings().helpline_number}。"


def documents_to_bring(household: dict, township: str | None) -> str:
    """What to bring to the township window (一门受理) for this household."""
    papers = ["户口簿", "全家身份证", "收入和支出证明"]
    members = household.get("members") or []
    if any(m.get("disability_grade") for m in members):
        papers.append("残疾人证")
    if any(m.get("serious_illness") for m in members) or household["rigid_expenses"]["medical"]:
        papers.append("病历和医疗费票据")
    if any(m.get("in_school") for m in members) or household["rigid_expenses"]["education"]:
        papers.append("学生在读证明")
    window = f"{township}社会救助窗口" if township else "乡镇社会救助窗口"
    return (
        f"请带上{'、'.join(papers)}到{window}。工作人员会入户调查、村里评议并公示，"
        "审批后短信通知您。"
    )
