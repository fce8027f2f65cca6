"""Fixtures of the channel tests: the app with its Twilio settings and a fake Rasa peer."""

import pytest

from tests.twilio_fakes import ChannelApp, FakeRasa, channel_settings


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def app(settings, engine, rasa):
    with ChannelApp(channel_settings(settings), engine, rasa) as app:
        yield app
