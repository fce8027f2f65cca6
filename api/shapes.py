"""The JSON API's own request and response bodies: what routes read (``…In``, checked by
pydantic, answered with the one 422 body of ``api.errors``) and the few answers that are no
shape of the case file (those are ``cases.shapes``; accounts' is ``accounts.models.UserPublic``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from accounts.models import Role
from cases.models import CaseStatus
from cases.procedure import MAX_MESSAGE, MAX_REASON
from cases.rosters.followup import MAX_NOTE
from policy.glossary import ROSTER_OUTCOMES

# POST /api/token


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


# The procedure on one case (api.routes.procedure)


class TransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    to: CaseStatus
    reason: Annotated[str | None, Field(max_length=MAX_REASON)] = None
    klass: Literal["A", "B", "C"] | None = Field(default=None, alias="class")


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    klass: Literal["A", "B", "C"] = Field(alias="class")
    note: Annotated[str | None, Field(max_length=MAX_REASON)] = None


class QuestionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: Annotated[str, Field(min_length=1, max_length=MAX_MESSAGE)]


class RevealedId(BaseModel):
    id_number: str | None


# The roster cross-check (api.routes.rosters)


class OutcomeIn(BaseModel):
    """What staff found on a finding (核实中, 已纳入, 不符合条件, 已退出) and a note."""

    model_config = ConfigDict(extra="forbid")

    outcome: Literal[ROSTER_OUTCOMES]  # type: ignore[valid-type]
    note: Annotated[str | None, Field(max_length=MAX_NOTE)] = None


class InvitationIn(BaseModel):
    """The SMS to the household; left out, the wording for the finding's category."""

    model_config = ConfigDict(extra="forbid")

    body: Annotated[str | None, Field(min_length=1, max_length=MAX_MESSAGE)] = None


# County administration (api.routes.admin)


class ParameterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=64)
    effective_from: date
    value: Annotated[Decimal, Field(ge=0, le=1_000_000_000, allow_inf_nan=False)]
    source: str = Field(min_length=1, max_length=500)
    confirmed: bool = False
    note: str | None = Field(default=None, max_length=500)


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=2, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")
    password: str = Field(min_length=8, max_length=256)
    role: Role
    township: str | None = None


class PasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(min_length=8, max_length=256)


# The SMS simulator (api.routes.simulator)


class SimulatedText(BaseModel):
    phone: str = Field(min_length=5, max_length=32, examples=["+8613800000001"])
    text: str = Field(min_length=1, max_length=500)


class SimulatedWechat(BaseModel):
    """A WeChat follower's message (or 关注) as the simulator sends it."""

    user: str = Field(
        min_length=1,
        max_length=32,
        examples=["wang-laohan"],
        description="a name for the simulated follower (its OpenID is made from it)",
    )
    text: str = Field(default="", max_length=500)
    kind: Literal["text", "voice", "subscribe"] = "text"


class OutboxItem(BaseModel):
    id: int
    body: str
    status: str
    via: str | None
    error: str | None
