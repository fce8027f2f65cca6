"""Rules as code for 奉节府办〔2017〕158号 (农村低保 and the linked poverty-alleviation help).

    from policy import assess, Household, Assessment
    assessment = assess(household_dict)            # the shipped parameters
    assessment = assess(household, parameters)     # e.g. load_default().with_values(staff_rows)

This package imports nothing else of the project; pydantic and PyYAML only.
"""

from policy.assessment import Assessment
from policy.engine import assess
from policy.errors import InputError, NoStandard, PolicyError, error_list
from policy.household import Household
from policy.parameters import DatedValue, ParameterSet, load_default

__all__ = [
    "Assessment",
    "DatedValue",
    "Household",
    "InputError",
    "NoStandard",
    "ParameterSet",
    "PolicyError",
    "assess",
    "error_list",
    "load_default",
]
