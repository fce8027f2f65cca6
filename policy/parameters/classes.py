"""The 低保 class rule (分类施保, 三(三)2) as data: ordered rules over named household facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

#: The facts a rule may test (computed by ``policy.dibao.class_facts``).
FACTS: tuple[str, ...] = (
    "some_member_able_to_work",
    "earned_income",
    "some_member_severe",
    "some_member_disabled",
    "some_member_aged_70",
    "expenditure_route",
)
CLASSES = ("A", "B", "C")


@dataclass(frozen=True, slots=True)
class ClassRule:
    """Class ``klass`` (reviewed every ``review_every_months``) when every fact in ``when``
    has the value given; a rule with no conditions always matches."""

    klass: str
    review_every_months: int
    when: Mapping[str, bool]

    def matches(self, facts: Mapping[str, bool]) -> bool:
        return all(facts[name] is wanted for name, wanted in self.when.items())


def _rule(index: int, entry: Any) -> ClassRule:
    where = f"dibao_classes rule {index}"
    if isinstance(entry, ClassRule):
        entry = {"class": entry.klass, "review_every_months": entry.review_every_months,
                 "when": dict(entry.when)}  # fmt: skip
    if not isinstance(entry, Mapping) or set(entry) - {"class", "review_every_months", "when"}:
        raise ValueError(f"{where}: expected class, review_every_months and when")
    klass, months, when = entry.get("class"), entry.get("review_every_months"), entry.get("when")
    if klass not in CLASSES:
        raise ValueError(f"{where}: class must be one of {', '.join(CLASSES)}")
    if type(months) is not int or months <= 0:
        raise ValueError(f"{where}: review_every_months must be a positive whole number")
    when = {} if when is None else when
    if not isinstance(when, Mapping):
        raise ValueError(f"{where}: when must map facts to true/false")
    for name, wanted in when.items():
        if name not in FACTS:
            raise ValueError(f"{where}: unknown fact {name!r} (known: {', '.join(FACTS)})")
        if not isinstance(wanted, bool):
            raise ValueError(f"{where}: fact {name} must be true or false")
    return ClassRule(klass, months, MappingProxyType(dict(when)))


def load_class_rules(data: Mapping[str, Any]) -> tuple[ClassRule, ...]:
    """Check and build the rules of ``dibao_classes.yaml``; the last must be unconditional."""
    entries = data.get("rules") if isinstance(data, Mapping) else None
    if not entries:
        raise ValueError("dibao_classes: no rules")
    rules = tuple(_rule(i, entry) for i, entry in enumerate(entries))
    if rules[-1].when:
        raise ValueError("dibao_classes: the last rule must have no conditions (the default)")
    return rules
