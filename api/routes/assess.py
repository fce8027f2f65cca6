"""POST /api/assess: Household JSON in, Assessment JSON out; no login needed."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import SessionDep
from api.errors import refused
from cases.parameters import current_parameters
from policy import Assessment, Household, PolicyError, assess

router = APIRouter(tags=["assess"])


@router.post(
    "/api/assess",
    response_model=Assessment,
    summary="Assess a household against 奉节府办〔2017〕158号",
    responses={
        422: {
            "description": "The household is malformed or cannot be assessed; `field` "
            "names the input (see api.errors)"
        }
    },
)
def assess_household(household: Household, session: SessionDep) -> Assessment:
    """Every programme's status, monthly amount and reasons (with clause ids) for the household,
    with the derived figures and the parameter values in force on `assessed_on` (the shipped
    values, with the dated values county staff added over them)."""
    try:
        return assess(household, current_parameters(session))
    except PolicyError as error:
        refused(error)
