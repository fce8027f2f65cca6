"""Dated parameters: amounts and thresholds of the policy, each value with its source.

A parameter is a list of :class:`DatedValue`; the value in force on a date is the one with
the latest ``effective_from`` on or before it (``None`` before the first). The defaults live
in this folder as YAML, one file per parameter (OpenFisca's layout). Values that county staff
add later override a default with the same date and extend the list otherwise::

    parameters = load_default().with_values(rows_from_the_database)
    assessment = policy.assess(household, parameters)

A :class:`ParameterSet` is immutable; ``with_values`` returns a new one. The 低保 class rule
(分类施保, ``dibao_classes.yaml``) travels in the same set.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

from policy.parameters.classes import ClassRule, load_class_rules

__all__ = [
    "NAMES",
    "ClassRule",
    "DatedValue",
    "Parameter",
    "ParameterSet",
    "load",
    "load_default",
]

HERE = Path(__file__).parent

#: Every parameter the engine reads, in POLICY.md's order.
NAMES: tuple[str, ...] = (
    "rural_dibao_standard",
    "poverty_line",
    "separate_household_income_multiple",
    "poverty_project_wage_deduction",
    "deposit_limit_months",
    "supplement_student_or_preschool",
    "supplement_severe",
    "supplement_disabled",
    "disability_living_subsidy",
    "disability_care_subsidy_grade1",
    "disability_care_subsidy_grade2",
)


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One value of a parameter, in force from ``effective_from`` until the next one."""

    name: str
    effective_from: date
    value: Decimal
    source: str
    confirmed: bool
    note: str | None = None

    def __post_init__(self) -> None:
        if self.name not in NAMES:
            raise ValueError(f"unknown parameter {self.name!r}")
        if type(self.effective_from) is not date:
            raise ValueError(f"{self.name}: effective_from must be a date")
        value = self.value
        if not isinstance(value, Decimal):
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                raise ValueError(f"{self.name}: value must be a number")
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                raise ValueError(f"{self.name}: value must be a number") from None
            object.__setattr__(self, "value", value)
        if not value.is_finite() or value < 0:
            raise ValueError(f"{self.name}: value must be a finite number >= 0")
        if self.name == "rural_dibao_standard" and value == 0:
            raise ValueError("rural_dibao_standard: value must be > 0")
        if not isinstance(self.confirmed, bool):
            raise ValueError(f"{self.name}: confirmed must be true or false")


@dataclass(frozen=True, slots=True)
class Parameter:
    """A named parameter: its unit, description and dated values (sorted by date)."""

    name: str
    unit: str
    description: str
    reference: str
    values: tuple[DatedValue, ...]
    _dates: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.values, key=lambda v: v.effective_from))
        object.__setattr__(self, "values", ordered)
        object.__setattr__(self, "_dates", tuple(v.effective_from for v in ordered))

    def on(self, day: date) -> DatedValue | None:
        """The value in force on ``day``: latest effective date <= day; None before the first."""
        index = bisect.bisect_right(self._dates, day)
        return self.values[index - 1] if index else None

    def with_values(self, values: Iterable[DatedValue]) -> Parameter:
        """A copy where ``values`` replace those of the same date and add the others."""
        merged = {v.effective_from: v for v in self.values}
        merged.update((v.effective_from, v) for v in values)
        return Parameter(self.name, self.unit, self.description, self.reference, merged.values())


class ParameterSet:
    """Every parameter plus the 低保 class rule; immutable, values resolved per date once."""

    __slots__ = ("_parameters", "_classes", "_resolved")

    def __init__(self, parameters: Mapping[str, Parameter], dibao_classes: Iterable[ClassRule]):
        missing = [name for name in NAMES if name not in parameters]
        if missing:
            raise ValueError(f"missing parameters: {', '.join(missing)}")
        self._parameters = MappingProxyType({name: parameters[name] for name in NAMES})
        self._classes = tuple(dibao_classes)
        self._resolved: dict[date, Mapping[str, DatedValue | None]] = {}

    @property
    def parameters(self) -> Mapping[str, Parameter]:
        """The parameters by name, in POLICY.md's order."""
        return self._parameters

    @property
    def dibao_classes(self) -> tuple[ClassRule, ...]:
        """The 分类施保 rules, tried in order."""
        return self._classes

    def __getitem__(self, name: str) -> Parameter:
        return self._parameters[name]

    def value_on(self, name: str, day: date) -> DatedValue | None:
        """The value of one parameter in force on ``day`` (None before its first value)."""
        return self._parameters[name].on(day)

    def on(self, day: date) -> Mapping[str, DatedValue | None]:
        """Every parameter's value in force on ``day``, by name (cached per date)."""
        resolved = self._resolved.get(day)
        if resolved is None:
            resolved = MappingProxyType({n: p.on(day) for n, p in self._parameters.items()})
            if len(self._resolved) < 4096:
                self._resolved[day] = resolved
        return resolved

    def with_values(self, values: Iterable[DatedValue]) -> ParameterSet:
        """A new set where ``values`` (e.g. added by staff) override or extend these by date.

        A value with the same parameter and effective date as an existing one replaces it;
        any other is added. Raises ``ValueError`` for an unknown parameter name.
        """
        by_name: dict[str, list[DatedValue]] = {}
        for value in values:
            if not isinstance(value, DatedValue):
                raise TypeError("with_values takes DatedValue items")
            by_name.setdefault(value.name, []).append(value)
        parameters = dict(self._parameters)
        for name, added in by_name.items():
            parameters[name] = parameters[name].with_values(added)
        return ParameterSet(parameters, self._classes)

    def with_dibao_classes(self, rules: Iterable[ClassRule]) -> ParameterSet:
        """A new set with another 分类施保 rule (same checks as the YAML loader)."""
        return ParameterSet(self._parameters, load_class_rules({"rules": list(rules)}))


def _read_parameter(path: Path) -> Parameter:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = path.stem
    values = []
    for day, entry in (data.get("values") or {}).items():
        if type(day) is not date:
            raise ValueError(f"{path.name}: {day!r} is not a date (YYYY-MM-DD)")
        values.append(
            DatedValue(
                name=name,
                effective_from=day,
                value=Decimal(str(entry["value"])),
                source=str(entry["source"]),
                confirmed=entry["confirmed"],
                note=entry.get("note"),
            )
        )
    return Parameter(name, data["unit"], data["description"], data.get("reference", ""), values)


def load(directory: Path | str = HERE) -> ParameterSet:
    """Read every ``<name>.yaml`` of ``directory`` and ``dibao_classes.yaml`` into a set."""
    directory = Path(directory)
    parameters = {name: _read_parameter(directory / f"{name}.yaml") for name in NAMES}
    classes = yaml.safe_load((directory / "dibao_classes.yaml").read_text(encoding="utf-8"))
    return ParameterSet(parameters, load_class_rules(classes))


@lru_cache(maxsize=1)
def load_default() -> ParameterSet:
    """The parameters shipped with the package (read once per process)."""
    return load(HERE)
