"""未处理的短信 as JSON: the residents' messages the assistant never answered (failed after its
tries, or over the per-number limit), and marking one handled. Township staff see their
township's cases' messages; county staff every one (``cases.unhandled``)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import CaseReader, MessageId, SessionDep, scoped
from cases.shapes import UnhandledList, UnhandledMessage
from cases.unhandled import AlreadyHandled, mark_handled, unhandled_messages

router = APIRouter(prefix="/api/messages", tags=["messages"])


@router.get("/unhandled", response_model=UnhandledList)
def unhandled(session: SessionDep, user: CaseReader, township: str | None = None) -> UnhandledList:
    """Messages waiting for staff, newest first (at most 200; `total` counts them all)."""
    return unhandled_messages(session, township=scoped(user, township))


@router.post(
    "/{message_id}/handled",
    response_model=UnhandledMessage,
    responses={404: {"description": "No such unhandled message in the caller's township"},
               409: {"description": "Already marked handled"}},
)  # fmt: skip
def handled(message_id: MessageId, session: SessionDep, user: CaseReader) -> UnhandledMessage:
    """Mark a message handled (audited): staff dealt with it (called back, answered)."""
    try:
        marked = mark_handled(session, message_id=message_id, township=scoped(user, None),
                              actor=user.username)  # fmt: skip
    except AlreadyHandled as error:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=error.message) from None
    if marked is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Message not found")
    session.commit()
    return marked
