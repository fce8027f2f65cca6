"""The channel fixtures (the app with Twilio settings, a scripted Rasa) for the security
tests that go through the webhooks."""

from tests.api.conftest import app, rasa  # noqa: F401
