#!/usr/bin/env bash
# Talk to the assistant in this terminal: the action server in the background, rasa shell.
set -euo pipefail
# Development secrets for a loopback-only run; a deployment sets its own.
export ACTION_SERVER_TOKEN=${ACTION_SERVER_TOKEN:-dev-action-token}
# Development conveniences (default keys, the simulator) only on this loopback-only run.
export ENVIRONMENT=${ENVIRONMENT:-development}
cd "$(dirname "$0")/.."
model=${1:?usage: scripts/shell.sh MODEL}
mkdir -p var/log
.venv/bin/python -m actions.server -p 5055 >var/log/actions.log 2>&1 &
actions=$!
trap 'kill $actions 2>/dev/null || true' EXIT
eval "$(.venv/bin/python scripts/rasa_env.py)"  # Rasa's tracker and lock stores
.venv-rasa/bin/rasa shell --model "$model" --endpoints bot/endpoints.yml
