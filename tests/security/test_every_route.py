"""Issue 13: schemathesis over every route — the JSON API, Twilio's webhooks (signed as Twilio
signs), the simulator and the staff console's pages and forms (with a session and the CSRF
token) — against the real app: no answer is a 5xx, and a refusal of input is the one error
body naming the field (`api.errors`).

Each operation gets a bounded number of positive and negative examples (schemathesis'
strategies under Hypothesis, derandomized), so the run takes about a minute."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from sqlmodel import Session

from accounts.models import Role
from accounts.users import create_user
from channels import outbox
from core.security import IdentityCipher
from tests.china_fakes import china_settings
from tests.console_seed import file_assessed, seed_unhandled
from tests.security.every_route import Caller, every_route_schema, refusal_problem
from tests.twilio_fakes import ChannelApp, FakeRasa, channel_settings

EXAMPLES = {GenerationMode.POSITIVE: 16, GenerationMode.NEGATIVE: 8}
# Path ids put on what the store holds (case 1 of 吐祥镇, case 2 of 白帝镇; the accounts;
# messages the assistant left for staff), or left as generated.
AIMS = [{}, {}, {}, {"case_id": 1, "user_id": 1, "change": "password", "message_id": 1},
        {"case_id": 2, "user_id": 2, "change": "disable", "message_id": 3},
        {"case_id": 1, "user_id": 3, "change": "unlock", "message_id": 4}]  # fmt: skip
# Every integer of a path or query string, now and then, just past what the store holds
# (PostgreSQL's INTEGER ids, SQLite's 64 bits) or at zero: ids outside the range answer 404
# or 422.
EDGES = [None] * 5 + [2**31, 2**63, 2**64, -(2**63) - 1, 0]
ADMIN = "schema-county"


@pytest.fixture(scope="module")
def served(tmp_path_factory, fresh_store):
    """The app on a store with cases in two townships, an outbox row each, messages left for
    staff and three accounts; Rasa scripted, Twilio's settings set. (`Caller`, the app.)"""
    from core.settings import Settings

    database_url, engine = fresh_store(tmp_path_factory.mktemp("every-route"))
    # /healthz probes closed loopback ports: no network, and its documented 503.
    config = channel_settings(Settings(environment="test", database_url=database_url),
                              rasa_url="http://127.0.0.1:9", action_server_url="http://localhost:9")  # fmt: skip
    config = china_settings(config)  # WeChat and the SMS carrier on too (their APIs: closed ports)
    with Session(engine) as session:
        for name, role, township in ((ADMIN, Role.county_admin, None),
                                     ("bystander", Role.county_admin, None),
                                     ("tuxiang", Role.township_staff, "吐祥镇")):  # fmt: skip
            create_user(session, username=name, password=f"password-{name}", role=role,
                        township=township)  # fmt: skip
        cipher = IdentityCipher(config.data_key)
        for township in ("吐祥镇", "白帝镇"):
            case = file_assessed(session, cipher, township=township)
            outbox.enqueue(session, to_number="+8613800000001", body="您好", case_id=case.id)
        seed_unhandled(session, cipher)
        session.commit()
    with ChannelApp(config, engine, FakeRasa(actions_host="localhost")) as app:
        yield Caller(app.client, config, engine, ADMIN), app.app
    engine.dispose()


def explore(caller: Caller, operation, mode: GenerationMode) -> list[str]:
    """What is wrong with the app's answers to `operation`'s generated requests."""
    seen: list[str] = []

    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=operation.as_strategy(generation_mode=mode), aim=st.sampled_from(AIMS),
           edge=st.sampled_from(EDGES))  # fmt: skip
    def run(case, aim, edge):
        for name, value in aim.items():  # half the cases at a case or account that exists
            if name in (case.path_parameters or {}):
                case.path_parameters[name] = value
        for values in (case.path_parameters, case.query):  # a few at the store's edge
            for name, value in (values or {}).items():
                if edge is not None and type(value) is int:
                    values[name] = edge
        try:
            response = caller.send(case)
        except Exception as error:  # noqa: BLE001 - the app raised: its caller gets a 500
            problem = f"server error ({type(error).__name__}: {error})"
        else:
            problem = refusal_problem(case.path, response)
        if problem:
            seen.append(f"{operation.label} ({mode.value}): {problem}\n  {case.as_curl_command()}")

    try:
        run()
    except Unsatisfiable:
        pass  # nothing to make invalid (no parameters, no body)
    except Exception as error:  # noqa: BLE001 - reported with the rest
        seen.append(f"{operation.label} ({mode.value}): {type(error).__name__}: {error}")
    return seen[:2]


def test_no_route_answers_5xx_and_refusals_name_the_field(served):
    caller, app = served
    schema = schemathesis.openapi.from_dict(every_route_schema(app))
    operations = [result.ok() for result in schema.get_all_operations()]
    failures = [problem for operation in operations for mode in EXAMPLES
                for problem in explore(caller, operation, mode)]  # fmt: skip
    assert len(operations) >= 60, [operation.label for operation in operations]
    assert not failures, "\n\n".join(failures)
