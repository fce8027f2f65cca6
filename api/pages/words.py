"""Chinese words for the household form's fields, shared by the form and the case page;
the labels of values (relations, hardships, guarantees) come from ``policy.glossary``."""

from __future__ import annotations

from policy import glossary
from policy.glossary import RELATIONS

FLAGS = (
    ("needs_long_term_care", "需长期护理"),
    ("serious_illness", "重特大疾病"),
    ("bedridden", "长期卧床"),
    ("in_school", "在校学生"),
    ("able_to_work", "有劳动能力"),
)
INCOME = (
    ("wages", "工资性收入"),
    ("poverty_project_wages", "扶贫项目务工收入"),
    ("agriculture", "农业经营收入"),
    ("business", "其他经营收入"),
    ("basic_pension", "城乡居民基础养老金"),
    ("other_pension", "其他养老金"),
    ("transfers", "转移性收入"),
    ("other", "其他收入"),
)
EXPENSES = (("medical", "医疗支出"), ("disability_care", "残疾护理支出"), ("education", "教育支出"))
HOUSEHOLD_FLAGS = (
    ("registered_poor", "建档立卡贫困户"),
    ("receiving_dibao", "已享受低保"),
    ("receiving_tekun", "已享受特困供养"),
    ("returned_to_poverty", "返贫"),
)
GUARANTEES = tuple(glossary.GUARANTEES.items())
HARDSHIPS = (("", "无"), *glossary.HARDSHIPS.items())
FIELD_WORDS = dict(INCOME + EXPENSES + HOUSEHOLD_FLAGS + FLAGS) | {
    "assessed_on": "评估日期", "members": "家庭成员", "age": "年龄", "relation": "与申请人关系",
    "disability_grade": "残疾等级", "deposits": "存款", "vehicles": "机动车", "houses": "住房",
    "commercial_property": "商业用房", "hardship": "突发困难"}  # fmt: skip
FACT_WORDS = dict(INCOME + EXPENSES) | {"household_size": "家庭人口", "annual_income": "年收入",
                                        "roster_household": "比对名单", "finding": "比对结果"}  # fmt: skip


def relation(value: str) -> str:
    """``parent`` → 父母 (the rules engine's words); other text as written."""
    return RELATIONS.get((value or "").strip().lower(), value)
