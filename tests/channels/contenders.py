"""One of several processes contending for the same store, for the PostgreSQL concurrency
tests (tests/channels/test_concurrency.py):

    python -m tests.channels.contenders outbox|lease DATABASE_URL GO_FILE NAME

It connects, prints `ready`, waits until GO_FILE exists (so that every contender starts at
once), then works until nothing is left and prints what it did as one JSON line:
- `outbox`: claims due messages (`channels.outbox.claim_due`) and marks each sent, in order;
  prints [[id, to_number, sent_ns], …].
- `lease`: for every number with pending messages, takes the number's lease
  (`channels.leases.take_next`), answers its oldest message, lets the lease go; prints
  [[message_id, phone, start_ns, end_ns], …].
"""

from __future__ import annotations

import json
import os
import sys
import time

from sqlmodel import Session

import cases.models  # noqa: F401  (the tables the outbox's foreign keys name)
from channels import answers, inbox, leases, outbox
from core.database import make_engine

TURN_SECONDS = 0.005  # a stand-in for the assistant's turn, while the lease is held


def wait_for(go_file: str) -> None:
    print("ready", flush=True)
    while not os.path.exists(go_file):
        time.sleep(0.005)


def send_outbox(engine) -> list:
    sent, idle = [], 0
    while idle < 3:
        with Session(engine) as session:
            claimed = outbox.claim_due(session, limit=5)
            for message in claimed:
                outbox.mark_sent(session, outbox_id=message.id, twilio_sid=f"SM{message.id}")
                sent.append([message.id, message.to_number, time.time_ns()])
        idle = 0 if claimed else idle + 1
        time.sleep(0 if claimed else 0.02)
    return sent


def answer_turns(engine, name: str) -> list:
    turns, idle = [], 0
    while idle < 3:
        with Session(engine) as session:
            phones = inbox.phones_with_pending(session)
            took = False
            for phone in phones:
                taken = leases.take_next(session, phone=phone, owner=name, seconds=30)
                if taken is None:
                    continue
                took, (message, _choices) = True, taken
                start = time.time_ns()
                time.sleep(TURN_SECONDS)
                end = time.time_ns()
                answers.record_answer(
                    session,
                    message_id=message.id,
                    replies=[{"text": f"答{message.id}"}],
                    live_seconds={},
                    lease_owner=name,
                )
                leases.release_lease(session, phone=phone, owner=name)
                turns.append([message.id, phone, start, end])
        idle = 0 if took or phones else idle + 1
        time.sleep(0 if took else 0.01)
    return turns


def main(mode: str, database_url: str, go_file: str, name: str) -> None:
    engine = make_engine(database_url)
    with engine.connect():
        pass
    wait_for(go_file)
    done = send_outbox(engine) if mode == "outbox" else answer_turns(engine, name)
    engine.dispose()
    print(json.dumps(done), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
