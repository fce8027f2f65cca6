"""POST /api/assess: Household JSON in, Assessment JSON out; no login needed."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from api.deps import SessionDep
from cases.parameters import current_parameters
from policy import Assessment, Household, PolicyError, assess

router = APIRouter(tags=["assess"])


@router.post(
    "/api/assess",
    response_model=Assessment,
    summary="Assess a household against 奉节府办〔2017〕158号",
    responses={422: {"description": "The household is malformed; `loc` names the field"}},
)
def assess_household(household: Household, session: SessionDep) -> Assessment:
    """Every programme's status, monthly amount and reasons (with clause ids) for the household,
    with the derived figures and the parameter values in force on `assessed_on` (the shipped
    values, with the dated values county staff added over them)."""
    try:
        return assess(household, current_parameters(session))
    except PolicyError as error:
        raise HTTPException(
            status_code=422,
            detail=[
                {
                    "type": "policy_error",
                    "loc": ["body", *error.field.split(".")],
                    "msg": error.message,
                    "input": str(household.assessed_on),
                }
            ],
        ) from None
