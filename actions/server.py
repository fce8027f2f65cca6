"""The action server as this project runs it: rasa-sdk's Sanic app, bound to loopback by
default, answering only requests that carry the shared secret Rasa sends (the
`X-Action-Token` header, configured in bot/endpoints.yml). `/health` stays open: it says
nothing but "ok".

    python -m actions.server -p 5055
"""

from __future__ import annotations

import argparse
import hmac
import logging

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response

from core.masking import mask_logs
from core.settings import get_settings

HEADER = "X-Action-Token"
OPEN_PATHS = {"/health"}

log = logging.getLogger(__name__)


def authenticated_app(token: str) -> Sanic:
    """rasa-sdk's app for the `actions` package, refusing requests without `token`."""
    if not token:
        raise ValueError("ACTION_SERVER_TOKEN must be set")
    app = create_app("actions", cors_origins=[])

    @app.middleware("request")
    async def require_token(request):
        if request.path in OPEN_PATHS:
            return None
        given = request.headers.get(HEADER, "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            log.warning(
                "refused %s %s without the action server token", request.method, request.path
            )
            return response.json({"error": "unauthorised"}, status=401)
        return None

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-p", "--port", type=int, default=5055)
    args = parser.parse_args(argv)
    settings = get_settings()
    logging.basicConfig(level=logging.INFO)
    mask_logs("", "sanic.root", "sanic.access", "sanic.error")
    app = authenticated_app(settings.action_server_token)
    log.info("action server on %s:%s", settings.action_server_host, args.port)
    app.run(settings.action_server_host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
