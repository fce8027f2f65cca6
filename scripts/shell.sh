#!/usr/bin/env bash
# Talk to the assistant in this terminal: the action server in the background, rasa shell.
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:?usage: scripts/shell.sh MODEL}
mkdir -p var/log
.venv/bin/python -m rasa_sdk --actions actions -p 5055 >var/log/actions.log 2>&1 &
actions=$!
trap 'kill $actions 2>/dev/null || true' EXIT
.venv-rasa/bin/rasa shell --model "$model" --endpoints bot/endpoints.yml
