"""The SMS and voice channels over Twilio: signatures, the hand-over to Rasa's REST channel,
replay after outages and the outbox sender."""
